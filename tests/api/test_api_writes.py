"""Writes (ingestion, corrections) behind the bearer token; who may read; size limits; error bodies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from api_helpers import TOKEN, client_for
from fastapi.testclient import TestClient

NEW_DOC = {"id": "api-new-1", "date": "2025-04-02", "lang": "en",
           "text": "Moscow, April 2 - Russian Foreign Minister Sergey Lavrov held talks with Vietnamese Foreign "
                   "Minister Bui Thanh Son in Moscow on Wednesday. They discussed trade and energy cooperation."}


def test_writes_refused_without_a_configured_token(api: TestClient) -> None:
    r = api.post("/api/documents", json=NEW_DOC, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403
    assert "COMMUNIQUE_TOKEN" in r.json()["error"]
    r = api.post("/api/corrections", json={"event": "evt_x", "reject": True})
    assert r.status_code == 403


def test_writes_need_the_right_token(writer: TestClient) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        r = writer.post("/api/documents", json=NEW_DOC, headers=headers)
        assert r.status_code == 401, headers
        assert r.headers["www-authenticate"] == "Bearer"


def test_ingest_one_document_then_again(writer: TestClient, auth: dict[str, str]) -> None:
    r = writer.post("/api/documents", json=NEW_DOC, headers=auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["new"] == 1 and body["events"] >= 1 and body["ids"] == ["api-new-1"]
    doc = writer.get("/api/documents/api-new-1").json()
    assert doc["date"] == "2025-04-02" and doc["events"][0]["type"] == "CONSULT"
    names = {a["name"] for a in doc["events"][0]["actors"]}
    assert {"Sergey Lavrov", "Bùi Thanh Sơn"} <= names
    again = writer.post("/api/documents", json=[NEW_DOC], headers=auth).json()
    assert again["unchanged"] == 1 and again["new"] == 0


def test_ingest_without_id_gets_a_stable_one(writer: TestClient, auth: dict[str, str]) -> None:
    doc = {"text": "Ein kurzer Text ohne Ereignis."}
    first = writer.post("/api/documents", json=doc, headers=auth).json()
    second = writer.post("/api/documents", json=doc, headers=auth).json()
    assert first["ids"][0].startswith("api:") and first["ids"] == second["ids"] and second["unchanged"] == 1


def test_ingest_validation_and_limits(writer: TestClient, auth: dict[str, str]) -> None:
    assert writer.post("/api/documents", json={"title": "no text"}, headers=auth).status_code == 422
    assert writer.post("/api/documents", json={"text": "x", "date": "yesterday"}, headers=auth).status_code == 422
    too_many = [{"text": f"doc {i}"} for i in range(1001)]
    r = writer.post("/api/documents", json=too_many, headers=auth)
    assert r.status_code == 422 and r.json()["error"] == "invalid request"
    huge = json.dumps({"text": "a" * (2 * 1024 * 1024 + 10)})
    r = writer.post("/api/documents", content=huge, headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 413 and "too large" in r.json()["error"]
    r = writer.post("/api/documents", content=b"{not json", headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 422 and "Traceback" not in r.text


def test_correct_an_event(writer: TestClient, auth: dict[str, str]) -> None:
    event = writer.get("/api/events", params={"pair": "VN,RU", "type": "CONSULT", "limit": 1}).json()["items"][0]
    r = writer.post("/api/corrections", headers=auth, json={
        "event": event["id"], "set": {"date": "2024-05-06", "topics": "energy,defense"}, "by": "tester",
        "note": "checked the dateline"})
    assert r.status_code == 200, r.text
    corrected = writer.get(f"/api/events/{event['id']}").json()
    assert corrected["date"] == {"start": "2024-05-06", "end": None, "precision": "day"}
    assert corrected["topics"] == ["defense", "energy"]
    trail = writer.get("/api/corrections", params={"target": event["id"]}).json()
    assert [(c["field"], c["by"]) for c in trail] == [("date", "tester"), ("topics", "tester")]
    # The corrected date is what the filters see (the exact path of the store's query).
    found = writer.get("/api/events", params={"since": "2024-05-06", "until": "2024-05-06"}).json()["items"]
    assert event["id"] in {r["id"] for r in found}
    rejected = writer.post("/api/corrections", headers=auth, json={"event": event["id"], "reject": True})
    assert rejected.status_code == 200
    assert event["id"] not in {r["id"] for r in writer.get("/api/events", params={"limit": 500}).json()["items"]}


def test_bad_corrections(writer: TestClient, auth: dict[str, str]) -> None:
    event_id = writer.get("/api/events", params={"limit": 1}).json()["items"][0]["id"]
    r = writer.post("/api/corrections", headers=auth, json={"event": event_id, "set": {"type": "HUG"}})
    assert r.status_code == 400 and "PLOVER" in r.json()["error"]
    r = writer.post("/api/corrections", headers=auth, json={"event": event_id, "set": {"colour": "red"}})
    assert r.status_code == 422
    r = writer.post("/api/corrections", headers=auth, json={"event": event_id})
    assert r.status_code == 400 and "nothing to correct" in r.json()["error"]
    r = writer.post("/api/corrections", headers=auth, json={"event": "evt_none", "reject": True})
    assert r.status_code == 404


def test_actor_corrections(writer: TestClient, auth: dict[str, str]) -> None:
    r = writer.post("/api/corrections/actor-rename", headers=auth,
                    json={"actor": "local:le-hoai-trung", "name": "Lê Hoài Trung (FM)"})
    assert r.status_code == 200
    assert writer.get("/api/actors/local:le-hoai-trung").json()["name"] == "Lê Hoài Trung (FM)"
    r = writer.post("/api/corrections/actor-merge", headers=auth, json={"keep": "Q7747", "absorb": "local:nobody"})
    assert r.status_code == 404 and "no actor" in r.json()["error"]


def test_reads_only_from_this_machine_unless_public(web_store: Path) -> None:
    remote = ("203.0.113.9", 40000)
    with client_for(web_store, client=remote) as client:
        r = client.get("/api/pairs")
        assert r.status_code == 403 and "--public" in r.json()["error"]
    with client_for(web_store, client=remote, public=True) as client:
        assert client.get("/api/pairs").status_code == 200
    with client_for(web_store, client=("::1", 40000)) as client:
        assert client.get("/api/pairs").status_code == 200


def test_unexpected_errors_give_no_traceback(web_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import communique.api.routes as routes  # the store's page_events, as the route calls it

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(routes, "page_events", broken)
    app_client = client_for(web_store, raise_server_exceptions=False)
    r = app_client.get("/api/events")
    assert r.status_code == 500 and r.json() == {"error": "internal server error"}
    assert "secret" not in r.text
