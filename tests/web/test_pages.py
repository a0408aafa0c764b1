"""Server-rendered pages through TestClient: content, shareable filters, and escaping of hostile text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.app import Settings, create_app

HTML = {"Accept": "text/html"}


@pytest.fixture(scope="module")
def web(web_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=str(web_store))), client=("127.0.0.1", 50000),
                    base_url="http://127.0.0.1:8000") as client:
        yield client


def _xss_event_id(web: TestClient) -> str:
    doc = web.get("/api/documents/xss-probe").json()
    assert doc["events"], "the hostile fixture document must yield an event"
    return str(doc["events"][0]["id"])


def test_dashboard_defaults_to_the_busiest_pair(web: TestClient) -> None:
    r = web.get("/")
    assert r.status_code == 200
    assert "Relations RU – VN" in r.text
    assert 'data-src="/api/timeline?pair=RU%2CVN"' in r.text
    assert 'data-series="types"' in r.text and 'data-series="topics"' in r.text
    assert "Lê Hoài Trung" in r.text  # top actors
    assert r.headers["content-security-policy"].startswith("default-src 'self'; script-src 'self';")
    assert "<script>" not in r.text and not re.search(r"\son\w+=", r.text)  # no inline script, no handlers


def test_dashboard_for_a_given_pair_and_period(web: TestClient) -> None:
    r = web.get("/", params={"pair": "VN,RU", "since": "2024-01", "until": "2024-01"})
    assert 'data-src="/api/timeline?pair=VN%2CRU&amp;since=2024-01&amp;until=2024-01"' in r.text
    assert "2024-01-20 – 2024-01-23" in r.text and "2026-02-24" not in r.text
    bad = web.get("/", params={"pair": "Vietnam"})
    assert bad.status_code == 400 and "expected two country codes" in bad.text  # issue 19: an error is no 200


def test_events_page_filters_are_shareable(web: TestClient) -> None:
    r = web.get("/events", params={"pair": "VN,RU", "type": "AGREE", "sort": "date"})
    assert r.status_code == 200
    api = web.get("/api/events", params={"pair": "VN,RU", "type": "AGREE", "limit": 500}).json()
    assert f"{api['total']} event(s)" in r.text
    for rec in api["items"]:
        assert f'href="/events/{rec["id"]}"' in r.text
    assert 'href="/api/events?pair=VN%2CRU&amp;type=AGREE&amp;sort=date"' in r.text
    total = web.get("/api/events", params={"limit": 1}).json()["total"]
    paged = web.get("/events", params={"offset": 1, "type": "CONSULT"}).text
    assert 'rel="prev" href="/events?type=CONSULT"' in paged
    assert ('rel="next" href="/events?offset=50"' in web.get("/events").text) == (total > 50)


def test_event_page_marks_evidence_per_field(web: TestClient) -> None:
    rec = web.get("/api/events", params={"pair": "VN,RU", "actor": "Q7747", "limit": 1}).json()["items"][0]
    r = web.get(f"/events/{rec['id']}")
    assert r.status_code == 200
    for actor in rec["actors"]:
        assert f'href="/actors/{actor["id"].replace(":", "%3A")}"' in r.text
        if actor.get("role"):
            assert actor["role"] in r.text
    marks = re.findall(r'<mark class="ev (f-\w+)"[^>]*>([^<]*)</mark>', r.text)
    evidence = {(f"f-{e['field'].rstrip('s')}", e["text"]) for s in rec["sources"] for e in s["evidence"]}
    assert marks and set(marks) <= evidence
    assert 'class="swatch f-trigger"' in r.text  # the legend
    assert web.get("/events/evt_missing", headers=HTML).status_code == 404


def test_hostile_article_is_escaped_everywhere(web: TestClient) -> None:
    event_id = _xss_event_id(web)
    for url in (f"/events/{event_id}", "/documents/xss-probe", "/search?q=ministers"):
        r = web.get(url)
        assert r.status_code == 200, url
        assert "<script>alert" not in r.text and "<img src=x" not in r.text, url
        assert "javascript:" not in r.text, url
    event_page = web.get(f"/events/{event_id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in event_page
    assert "&lt;img src=x onerror=alert(1)&gt;" in event_page
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;Talks" in event_page  # the title
    assert "original article" not in event_page  # a javascript: URL is never a link


def test_actor_page_has_roles_network_and_events(web: TestClient) -> None:
    r = web.get("/actors/local:le-hoai-trung")
    assert r.status_code == 200
    assert "<h1>Lê Hoài Trung" in r.text and "Minister of Foreign Affairs" in r.text
    svg = r.text[r.text.index('<svg class="network"'):r.text.index("</svg>")]
    assert svg.count('<circle class="node') >= 6 and svg.count('<line class="edge"') >= 5
    assert 'href="/actors/Q7747"' in svg
    assert web.get("/actors/local:nobody", headers=HTML).status_code == 404


def test_search_and_document_pages(web: TestClient) -> None:
    r = web.get("/search", params={"q": "Путин"})
    assert 'href="/documents/000_df74262ac88120d2.txt"' in r.text
    assert 'href="/events?text=%D0%9F%D1%83%D1%82%D0%B8%D0%BD"' in r.text
    doc = web.get("/documents/000_df74262ac88120d2.txt")
    assert doc.status_code == 200 and 'lang="ru"' in doc.text and '<mark class="ev' in doc.text
    actors = web.get("/actors", params={"country": "VN", "kind": "person"})
    assert "Lê Hoài Trung" in actors.text and "Vladimir Putin" not in actors.text


def test_errors_are_pages_for_browsers_and_json_for_clients(web: TestClient) -> None:
    page = web.get("/no/such/page", headers=HTML)
    assert page.status_code == 404 and "<h1>404</h1>" in page.text
    assert web.get("/no/such/page").json() == {"error": "Not Found"}


def test_serve_reports_a_bad_store_in_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from communique.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing" / "x.db"), "--port", "8999"])
    assert result.exit_code == 2
    assert "does not exist" in result.output and "Traceback" not in result.output
