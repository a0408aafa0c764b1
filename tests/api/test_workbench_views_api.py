"""The workbench in the JSON API: the relations pulse of a pair (quad classes, net index, drill-down),
the map, exports of a view, and the watchlists of `communique watch` (read, create, edit, delete, alerts)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from api_helpers import TOKEN, client_for
from fastapi.testclient import TestClient

from communique.export import FLAT_COLUMNS, actor_network
from communique.serving.geo import world
from communique.serving.pulse import quad_classes, quad_of
from communique.store import open_store
from communique.watch.state import ensure_tables, record_sent

PAIR = "RU,VN"


def all_events(api: TestClient, query: str) -> list[dict[str, Any]]:
    body = api.get(f"/api/events?{query}&limit=500").json()
    assert body["total"] <= 500
    return list(body["items"])


def test_quad_classes_cover_every_plover_type_once() -> None:
    names = {c.name: c for c in quad_classes()}
    assert list(names) == ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
    assert quad_of("CONSULT").name == "verbal_cooperation"  # type: ignore[union-attr]
    assert quad_of("AID").name == "material_cooperation"  # type: ignore[union-attr]
    assert quad_of("ACCUSE").name == "verbal_conflict"  # POLECAT's DISAPPROVE  # type: ignore[union-attr]
    assert quad_of("SANCTION").name == "verbal_conflict"  # type: ignore[union-attr]
    assert quad_of("ASSAULT").name == "material_conflict"  # type: ignore[union-attr]
    assert [c.weight for c in names.values()] == [1, 2, -1, -2]


def busiest_mixed_pair(api: TestClient) -> tuple[str, Counter[str]]:
    """The pair of countries whose events fall in the most quad classes (ties: more events, then the name), with
    its events counted by class: the pulse is checked on a pair with conflict as well as cooperation."""
    by_pair: dict[str, Counter[str]] = {}
    for event in all_events(api, ""):
        countries = sorted({a["country"] for a in event["actors"] if a.get("country")})
        for i, first in enumerate(countries):
            for second in countries[i + 1:]:
                by_pair.setdefault(f"{first},{second}", Counter())[quad_of(event["type"]).name] += 1  # type: ignore[union-attr]
    pair = max(sorted(by_pair), key=lambda p: (len(by_pair[p]), sum(by_pair[p].values())))
    return pair, by_pair[pair]


def check_pulse_adds_up(api: TestClient, pair: str) -> dict[str, Any]:
    """The pulse of `pair` against its event list: totals per class, counts per month, net index per month."""
    body: dict[str, Any] = api.get(f"/api/pulse?pair={pair}").json()
    events = all_events(api, f"pair={pair}")
    expected = Counter(quad_of(e["type"]).name for e in events)  # type: ignore[union-attr]
    assert body["totals"] == {c.name: expected.get(c.name, 0) for c in quad_classes()}
    weights = {c.name: c.weight for c in quad_classes()}
    dated = Counter((e["date"]["start"][:7], quad_of(e["type"]).name)  # type: ignore[union-attr]
                    for e in events if (e.get("date") or {}).get("start"))
    for month in body["months"]:
        for quad, n in month["counts"].items():
            assert n == dated.get((month["month"], quad), 0), (month["month"], quad)
        assert month["net"] == sum(weights[q] * n for q, n in month["counts"].items())
        assert -1.0 <= month["net_share"] <= 1.0
    undated = Counter(quad_of(e["type"]).name for e in events  # type: ignore[union-attr]
                      if not (e.get("date") or {}).get("start"))
    if undated:
        assert body["undated"]["counts"] == {c.name: undated.get(c.name, 0) for c in quad_classes()}
        assert body["undated"]["net"] == sum(weights[q] * n for q, n in undated.items())
    else:
        assert not body["undated"]
    assert body["net"] == sum(m["net"] for m in body["months"]) + (body["undated"] or {}).get("net", 0)
    assert body["net"] == sum(weights[q] * n for q, n in expected.items())
    return body


def test_pulse_of_a_pair_counts_its_events_by_quad_class_and_month(api: TestClient) -> None:
    body = check_pulse_adds_up(api, PAIR)
    assert body["totals"]["verbal_cooperation"] == 21  # the RU-VN seeds: consultations, meetings, agreements
    assert body["net"] == 21 and not body["undated"]  # every seed event is dated, none is a conflict
    pair, classes = busiest_mixed_pair(api)
    assert len(classes) >= 2 and set(classes) & {"verbal_conflict", "material_conflict"}  # news of conflict too
    mixed = check_pulse_adds_up(api, pair)
    assert {q for q, n in mixed["totals"].items() if n} == set(classes)


def test_pulse_bar_drills_down_to_its_events_with_evidence(api: TestClient) -> None:
    month = max(api.get(f"/api/pulse?pair={PAIR}").json()["months"], key=lambda m: m["total"])
    assert month["month"] == "2024-01" and month["counts"]["verbal_cooperation"] == 7
    page = api.get(f"/api/pulse/events?pair={PAIR}&month=2024-01&quad=verbal_cooperation").json()
    starting = [e for e in page["items"] if e["date"]["start"].startswith("2024-01")]
    assert len(starting) == 7  # the bar's events (an event spanning months is also listed in each of them)
    assert all(e["type"] in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE") for e in page["items"])
    assert all(any(s["evidence"] for s in e["sources"]) for e in page["items"])
    assert api.get(f"/api/pulse/events?pair={PAIR}&quad=verbal_conflict").json()["total"] == 0
    pair, classes = busiest_mixed_pair(api)
    for quad, n in classes.items():
        listed = api.get(f"/api/pulse/events?pair={pair}&quad={quad}").json()
        assert listed["total"] == n and {quad_of(e["type"]).name for e in listed["items"]} == {quad}  # type: ignore[union-attr]
        assert all(any(s["evidence"] for s in e["sources"]) for e in listed["items"])


def test_pulse_of_two_actors(api: TestClient) -> None:
    events = all_events(api, "actor=Q7747")
    partners = Counter(a["id"] for e in events for a in e["actors"] if a["id"] != "Q7747")
    partner, shared = partners.most_common(1)[0]
    body = api.get(f"/api/pulse?actor=Q7747&with={partner}").json()
    assert sum(body["totals"].values()) == shared
    swapped = api.get(f"/api/pulse?actor={partner}&with=Q7747").json()  # the busier one read second
    assert swapped["totals"] == body["totals"] and swapped["months"] == body["months"]


@pytest.mark.parametrize(("query", "message"), [
    ("", "give a pair of countries"), ("with=Q7747", "give `actor` too"), ("pair=RU,VN&month=2024-1", None),
    ("pair=RU,VN&quad=peace", "quad 'peace'")])
def test_pulse_rejects_what_it_cannot_answer(api: TestClient, query: str, message: str | None) -> None:
    path = "/api/pulse/events" if "month" in query or "quad" in query else "/api/pulse"
    response = api.get(f"{path}?{query}")
    assert response.status_code in (400, 422)
    if message:
        assert message in response.json()["error"]


def test_map_counts_the_events_of_each_country(api: TestClient) -> None:
    body = api.get("/api/map").json()
    points = {p["country"]: p for p in body["points"]}
    assert {"RU", "VN"} <= set(points)
    for cc in ("RU", "VN"):
        assert points[cc]["events"] == api.get(f"/api/events?country={cc}&limit=1").json()["total"]
        assert (points[cc]["x"], points[cc]["y"]) == (world()["countries"][cc]["x"], world()["countries"][cc]["y"])
    assert points["VN"]["name"] == "Vietnam" and 770 < points["VN"]["x"] < 820  # east of India, north of the equator
    assert any(a["id"] == "Q7747" for a in points["RU"]["actors"])
    filtered = {p["country"]: p["events"] for p in api.get("/api/map?type=CONSULT&pair=RU,VN").json()["points"]}
    assert filtered["RU"] == filtered["VN"] == api.get("/api/events?type=CONSULT&pair=RU,VN&limit=1").json()["total"]
    assert api.get("/static/world-110m.svg").headers["content-type"].startswith("image/svg+xml")


def test_exports_of_a_view_in_four_formats(api: TestClient, tmp_path: Path) -> None:
    events = all_events(api, f"pair={PAIR}")
    ids = sorted(e["id"] for e in events)
    response = api.get(f"/api/export?format=csv&pair={PAIR}")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert 'filename="communique-events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == [name for name, _ in FLAT_COLUMNS]
    assert sorted(r["id"] for r in rows) == ids
    lines = api.get(f"/api/export?format=jsonl&pair={PAIR}").text.splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == ids
    parquet = tmp_path / "view.parquet"
    parquet.write_bytes(api.get(f"/api/export?format=parquet&pair={PAIR}").content)
    import pyarrow.parquet as pq

    assert sorted(pq.read_table(parquet).column("id").to_pylist()) == ids
    graph = ET.fromstring(api.get(f"/api/export?format=graphml&pair={PAIR}").content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes, _ = actor_network(events)
    assert sorted(n.get("id") for n in graph.findall(".//g:node", ns)) == [n["id"] for n in nodes]
    assert api.get("/api/export?format=xlsx").status_code in (400, 422)  # refused, never a default format


# -- watchlists ---------------------------------------------------------------------------------------


@pytest.fixture
def watch_client(store_copy: Path, tmp_path: Path) -> Any:
    path = tmp_path / "watchlists.yaml"
    path.write_text(yaml.safe_dump({"deliver": {"jsonl": "alerts.jsonl"},
                                    "watchlists": [{"name": "vn-ru", "pairs": ["VN,RU"], "types": ["CONSULT"]}]}))
    with client_for(store_copy, token=TOKEN, watchlists=str(path)) as client:
        yield client, path, store_copy


def test_watchlists_are_read_from_the_watch_file(watch_client: Any) -> None:
    client, _, store = watch_client
    assert client.get("/api/watchlists").json()["items"] == [{"name": "vn-ru", "pairs": ["VN,RU"],
                                                              "types": ["CONSULT"]}]
    engine = open_store(str(store))
    ensure_tables(engine)
    event = all_events(client, "pair=VN,RU&type=CONSULT")[0]
    record_sent(engine, "vn-ru", event["id"], "jsonl", "fp", json.dumps({"type": "CONSULT"}), 1_740_000_000.0)
    engine.dispose()
    body = client.get("/api/watchlists/vn-ru").json()
    assert body["alerts"] == [{"event": event["id"], "channel": "jsonl", "sent_at": "2025-02-19T21:20:00+00:00",
                               "material": {"type": "CONSULT"}}]
    assert body["matches"] and all(m["event"]["type"] == "CONSULT" for m in body["matches"])
    assert all(m["matched"] == ["type CONSULT", "pair VN,RU"] for m in body["matches"])
    assert client.get("/api/watchlists/nope").status_code == 404


def test_watchlists_are_created_edited_and_deleted_with_the_token(watch_client: Any) -> None:
    client, path, _ = watch_client
    auth = {"Authorization": f"Bearer {TOKEN}"}
    entry = {"name": "ir-us", "pairs": ["IR,US"], "types": ["ACCUSE", "THREATEN"]}
    assert client.post("/api/watchlists", json=entry).status_code == 401
    assert client.post("/api/watchlists", json=entry, headers=auth).status_code == 201
    edited = {"name": "vn-ru", "pairs": ["VN,RU"], "topics": ["energy"]}
    assert client.put("/api/watchlists/vn-ru", json=edited, headers=auth).json()["watchlists"] == ["vn-ru", "ir-us"]
    saved = yaml.safe_load(path.read_text())
    assert saved["watchlists"][0] == edited
    assert saved["deliver"] == {"jsonl": "alerts.jsonl"}  # the file's other settings are kept
    before = path.read_text()
    bad = client.post("/api/watchlists", json={"name": "bad", "pairs": ["VNX"]}, headers=auth)
    assert bad.status_code == 400 and "pair 'VNX': expected two country codes" in bad.json()["error"]
    assert path.read_text() == before  # a refused watchlist never reaches the file
    assert client.delete("/api/watchlists/ir-us", headers=auth).json() == {"deleted": "ir-us", "watchlists": ["vn-ru"]}
    assert client.delete("/api/watchlists/ir-us", headers=auth).status_code == 404


def test_watchlists_without_a_file_say_how_to_configure_one(api: TestClient) -> None:
    response = api.get("/api/watchlists")
    assert response.status_code == 404 and "COMMUNIQUE_WATCHLISTS" in response.json()["error"]


def test_map_follows_a_correction_at_once(writer: TestClient, auth: dict[str, str]) -> None:
    before = {p["country"]: p["events"] for p in writer.get("/api/map").json()["points"]}
    event = all_events(writer, "pair=RU,VN")[0]
    assert writer.post("/api/corrections", json={"event": event["id"], "reject": True}, headers=auth).status_code == 200
    after = {p["country"]: p["events"] for p in writer.get("/api/map").json()["points"]}
    assert after["RU"] == before["RU"] - 1 and after["VN"] == before["VN"] - 1
    filtered = {p["country"]: p["events"] for p in writer.get("/api/map?pair=RU,VN").json()["points"]}
    assert filtered["RU"] == writer.get("/api/events?pair=RU,VN&limit=1").json()["total"]


def test_quad_events_are_the_same_read_at_once_or_per_type(web_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from communique.serving import pulse as pulse_module
    from communique.store import EventFilter

    engine = open_store(str(web_store))
    flt = EventFilter(pair=("RU", "VN"))
    at_once = pulse_module.quad_events(engine, flt, "verbal_cooperation", "-date", 5, 2)
    monkeypatch.setattr(pulse_module, "ONE_QUERY", 1)  # as for a busy bar: one query per type, merged
    per_type = pulse_module.quad_events(engine, flt, "verbal_cooperation", "-date", 5, 2)
    assert at_once.total == per_type.total == 21
    assert [e["id"] for e in at_once.items] == [e["id"] for e in per_type.items]
    engine.dispose()


def test_a_keyword_watchlist_matches_events_whose_articles_name_it(api: TestClient, web_store: Path) -> None:
    from communique.watch.config import Watchlist
    from communique.watch.lists import current_matches

    engine = open_store(str(web_store))
    matches = current_matches(engine, Watchlist(name="lavrov", keywords=("Lavrov",)), 50)
    engine.dispose()
    found = {m["event"]["id"] for m in matches}
    named = {e["id"] for e in all_events(api, "actor=Lavrov")}  # Sergey Lavrov among the participants
    assert 0 < len(named) < 50 and named <= found
    assert all(m["matched"] == ["keyword Lavrov"] for m in matches)
