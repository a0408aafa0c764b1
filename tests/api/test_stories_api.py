"""/api/stories: stories listed with totals and paging, one story with its documents and events; OpenAPI examples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_helpers import client_for
from fastapi.testclient import TestClient

from communique.records import stable_id

TRAVEL = stable_id("story", "1591747382")  # the German article founded the story; the English one joined it


@pytest.fixture(scope="module")
def stories_api(story_store: Path) -> Iterator[TestClient]:
    with client_for(story_store) as client:
        yield client


def test_stories_are_listed_with_totals_and_paging(stories_api: TestClient) -> None:
    body = stories_api.get("/api/stories").json()
    assert (body["total"], body["limit"], body["offset"], body["next_offset"]) == (3, 50, 0, None)
    first = body["items"][0]
    assert first == {"id": TRAVEL, "title": "Fast jeder Zweite lehnt Grenzöffnungen für Sommerurlaub ab",
                     "first_seen": "2020-05-20", "last_seen": "2020-05-22", "n_documents": 2,
                     "languages": ["de", "en"], "outlets": ["euobserver.example.com", "example-de.de"]}
    page = stories_api.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and page["next_offset"] == 2 and len(page["items"]) == 1
    assert stories_api.get("/api/stories", params={"min_documents": 2}).json()["total"] == 1
    assert stories_api.get("/api/stories", params={"lang": "en"}).json()["total"] == 2


def test_one_story_with_its_documents(stories_api: TestClient) -> None:
    body = stories_api.get(f"/api/stories/{TRAVEL}").json()
    assert [d["id"] for d in body["documents"]] == ["1591747382", "1593268446"]
    assert [d["lang"] for d in body["documents"]] == ["de", "en"]
    assert body["documents"][1]["joined_via"] == "1591747382"
    assert 1.0 <= body["documents"][1]["score"] <= 1.95
    assert body["documents"][0]["outlet"] == "example-de.de"
    assert body["events"] == []  # neither article reports a diplomatic event


def test_unknown_story_and_bad_paging_are_refused(stories_api: TestClient) -> None:
    missing = stories_api.get("/api/stories/story_0000000000000000")
    assert missing.status_code == 404 and "story_0000000000000000" in missing.json()["error"]
    assert stories_api.get("/api/stories", params={"limit": 0}).status_code == 400
    assert stories_api.get("/api/stories", params={"lang": "German"}).status_code == 400


def test_openapi_has_examples_for_the_story_routes(stories_api: TestClient) -> None:
    paths = stories_api.get("/openapi.json").json()["paths"]
    for path in ("/api/stories", "/api/stories/{story_id}"):
        answer = paths[path]["get"]["responses"]["200"]["content"]["application/json"]
        assert "id" in (answer["example"]["items"][0] if path == "/api/stories" else answer["example"])
        assert all(p.get("description") for p in paths[path]["get"].get("parameters", []))
