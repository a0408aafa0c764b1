"""The read API on a real store (seeds + news sample + one hostile document)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from communique.store import open_store
from communique.store.queries import EventFilter, query_events

SEED_DOC = "000_df74262ac88120d2.txt"  # Lê Hoài Trung meets Putin and Lavrov (ru)


def _countries(rec: dict) -> set[str]:
    return {a["country"] for a in rec["actors"] if a.get("country")}


def test_events_by_pair_are_paginated_newest_first(api: TestClient) -> None:
    full = api.get("/api/events", params={"pair": "VN,RU", "limit": 500}).json()
    assert full["total"] == len(full["items"]) >= 15
    assert all({"VN", "RU"} <= _countries(r) for r in full["items"])
    starts = [r["date"]["start"] for r in full["items"] if r["date"]["start"]]
    assert starts == sorted(starts, reverse=True)
    first = api.get("/api/events", params={"pair": "RU,VN", "limit": 5}).json()
    second = api.get("/api/events", params={"pair": "RU,VN", "limit": 5, "offset": 5}).json()
    assert first["next_offset"] == 5 and first["total"] == full["total"]
    assert [r["id"] for r in first["items"] + second["items"]] == [r["id"] for r in full["items"][:10]]


def test_sort_by_confidence(api: TestClient) -> None:
    items = api.get("/api/events", params={"sort": "-confidence", "limit": 100}).json()["items"]
    values = [r["confidence"] for r in items]
    assert values == sorted(values, reverse=True)
    ascending = api.get("/api/events", params={"sort": "confidence", "limit": 3}).json()["items"]
    assert ascending[0]["confidence"] <= values[-1]


def test_filters_give_the_store_query_answer(api: TestClient, web_store: Path) -> None:
    engine = open_store(str(web_store))
    cases = [({"type": "AGREE"}, EventFilter(type="AGREE")), ({"topic": "energy"}, EventFilter(topic="energy")),
             ({"lang": "ru"}, EventFilter(lang="ru")), ({"country": "VN"}, EventFilter(country="VN")),
             ({"since": "2025", "until": "2025-12"}, EventFilter(since="2025", until="2025-12")),
             ({"actor": "Lavrov"}, EventFilter(actor="Lavrov")), ({"mode": "visit"}, EventFilter(mode="visit")),
             ({"text": "Путин"}, EventFilter(text="Путин"))]
    for params, flt in cases:
        got = api.get("/api/events", params={**params, "limit": 500}).json()
        expected = {r["id"] for r in query_events(engine, flt)}
        assert {r["id"] for r in got["items"]} == expected, params
        assert got["total"] == len(expected) and expected, params
    engine.dispose()


def test_bad_filters_are_clear_json_errors(api: TestClient) -> None:
    for params, words in [({"pair": "VNRU"}, "two country codes"), ({"type": "HUG"}, "CONSULT"),
                          ({"since": "2025-13"}, "YYYY"), ({"country": "Vietnam"}, "alpha-2")]:
        r = api.get("/api/events", params=params)
        assert r.status_code == 400, params
        assert words in r.json()["error"]
    r = api.get("/api/events", params={"limit": 0})
    assert r.status_code == 400  # a malformed query parameter is a bad request, named (issue 19)
    assert r.json()["error"].startswith("invalid query parameter(s): limit")
    assert r.json()["details"][0]["loc"] == ["query", "limit"]
    assert "Traceback" not in r.text


def test_event_with_sources_and_evidence_slices(api: TestClient) -> None:
    items = api.get("/api/events", params={"pair": "VN,RU", "actor": "Q7747", "limit": 50}).json()["items"]
    event = next(r for r in items if any(s["doc"] == SEED_DOC for s in r["sources"]))
    detail = api.get(f"/api/events/{event['id']}").json()
    assert detail["id"] == event["id"] and detail["type"] == event["type"]
    doc = api.get(f"/api/documents/{SEED_DOC}").json()
    for source in detail["sources"]:
        ctx = source["context"]
        assert source["lang"] == "ru" and source["doc_date"] == "2026-02-25"
        assert ctx["text"] == doc["text"][ctx["start"]:ctx["end"]]
        assert len(ctx["marks"]) == len(source["evidence"])
        for mark, ev in zip(ctx["marks"], sorted(source["evidence"], key=lambda e: (e["start"], -e["end"])),
                            strict=True):
            assert ctx["text"][mark["start"]:mark["end"]] == ev["text"]
    assert api.get("/api/events/evt_nope").status_code == 404
    assert api.get("/api/events/evt_nope").json() == {"error": "no event 'evt_nope'"}


def test_actor_with_counterparts_and_roles(api: TestClient) -> None:
    actor = api.get("/api/actors/local:le-hoai-trung").json()
    assert actor["name"] == "Lê Hoài Trung" and actor["country"] == "VN" and actor["kind"] == "person"
    assert "Minister of Foreign Affairs" in {r["role"] for r in actor["roles"]}
    partners = {c["id"]: c for c in actor["counterparts"]}
    assert "Q7747" in partners and partners["Q7747"]["name"] == "Vladimir Putin"
    assert actor["event_count"] == len(actor["events"]) >= 5
    assert api.get("/api/actors/local:nobody").status_code == 404
    listed = api.get("/api/actors", params={"pair": "VN,RU", "limit": 5}).json()
    assert listed["items"][0]["events"] >= listed["items"][-1]["events"]


def test_network_weights_count_shared_events(api: TestClient) -> None:
    net = api.get("/api/network", params={"pair": "VN,RU"}).json()
    events = api.get("/api/events", params={"pair": "VN,RU", "limit": 500}).json()["items"]
    ids = {n["id"] for n in net["nodes"]}
    assert "local:le-hoai-trung" in ids and "Q7747" in ids
    for edge in net["edges"]:
        shared = [e for e in events if {edge["source"], edge["target"]} <= {a["id"] for a in e["actors"]}]
        assert edge["weight"] == len(shared) and sum(edge["types"].values()) == edge["weight"]


def test_timeline_counts_match_events(api: TestClient) -> None:
    rows = api.get("/api/timeline", params={"pair": "VN,RU"}).json()
    total = api.get("/api/events", params={"pair": "VN,RU", "limit": 1}).json()["total"]
    assert sum(r["events"] for r in rows) == total
    assert all(sum(r["types"].values()) == r["events"] for r in rows)
    assert [r["month"] for r in rows if r["month"] != "undated"] == sorted(r["month"] for r in rows
                                                                           if r["month"] != "undated")
    assert api.get("/api/pairs").json()["items"][0] == {"pair": "RU,VN", "events": total}


def test_search_and_documents(api: TestClient) -> None:
    hits = api.get("/api/search", params={"q": "Путин"}).json()["items"]
    assert SEED_DOC in {h["id"] for h in hits}
    doc = api.get(f"/api/documents/{SEED_DOC}").json()
    assert doc["lang"] == "ru" and doc["text"].startswith("Специальный посланник")
    for ev in doc["events"]:
        for span in ev["evidence"]:
            assert doc["text"][span["start"]:span["end"]] == span["text"]
    listing = api.get("/api/documents", params={"limit": 2}).json()
    # the fixture's documents, each distinct text once (the news sample repeats a few articles under other ids)
    assert listing["total"] >= 490 and len(listing["items"]) == 2
    assert api.get("/api/documents/none-such").status_code == 404


def test_security_headers_and_offline_docs(api: TestClient) -> None:
    r = api.get("/api/pairs")
    assert r.headers["content-security-policy"].startswith("default-src 'self'")
    assert "unsafe-inline" not in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    docs = api.get("/docs")
    assert docs.status_code == 200 and "http" not in docs.text  # every asset from this server
    assert "'unsafe-inline'" not in docs.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    assert api.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert api.get("/static/docs.js").status_code == 200
    spec = api.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/documents", "/api/corrections"} <= set(spec["paths"])
