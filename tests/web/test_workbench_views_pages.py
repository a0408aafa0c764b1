"""The workbench pages through TestClient: the pulse (bars are links to their events), its drill-down
list (sortable, with evidence), the map (points link to the event list), exports and watchlists."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from communique.app import Settings, create_app

HTML = {"Accept": "text/html"}
TOKEN = "page-token-5c1e"


@pytest.fixture
def web(web_store: Path, tmp_path: Path) -> Iterator[TestClient]:
    lists = tmp_path / "watchlists.yaml"
    lists.write_text(yaml.safe_dump({"watchlists": [{"name": "vn-ru", "pairs": ["VN,RU"], "types": ["CONSULT"]}]}))
    with TestClient(create_app(Settings(db=str(web_store), token=TOKEN, watchlists=str(lists))),
                    client=("127.0.0.1", 50000), base_url="http://127.0.0.1:8000") as client:
        yield client


def first_pair_with_an_undated_event(web: TestClient) -> str:
    """The first pair of countries (by name) sharing an event that has no start date."""
    pairs = set()
    for event in web.get("/api/events?limit=500").json()["items"]:
        if not (event.get("date") or {}).get("start"):
            countries = sorted({a["country"] for a in event["actors"] if a.get("country")})
            pairs |= {f"{a},{b}" for i, a in enumerate(countries) for b in countries[i + 1:]}
    assert pairs
    return min(pairs)


def test_pulse_page_draws_a_linked_bar_per_month_and_class(web: TestClient) -> None:
    page = web.get("/pulse?pair=RU,VN", headers=HTML)
    assert page.status_code == 200
    api = web.get("/api/pulse?pair=RU,VN").json()
    bars = re.findall(r'<a href="([^"]+)" class="bar-link"><rect class="bar q-(\w+)"[^>]*data-month="([\d-]+)"'
                      r'[^>]*data-count="(\d+)"', page.text)
    expected = {(m["month"], q): n for m in api["months"] for q, n in m["counts"].items() if n}
    assert {(month, quad): int(n) for _, quad, month, n in bars} == expected
    href = html.unescape(next(h for h, quad, month, _ in bars if month == "2024-01"))
    assert href == "/pulse/events?pair=RU%2CVN&month=2024-01&quad=verbal_cooperation"
    assert 'href="/api/export?pair=RU%2CVN&amp;format=csv"' in page.text
    assert "net index +21" in page.text  # 21 verbal cooperation events (+1 each), all of them dated
    assert "undated event(s)" not in page.text
    pair = first_pair_with_an_undated_event(web)  # a news article whose events have no date
    undated = web.get(f"/api/pulse?pair={pair}").json()["undated"]
    assert undated and undated["total"] >= 1
    other = web.get(f"/pulse?pair={pair}", headers=HTML)
    assert f"+ {undated['total']} undated event(s), not in the chart" in other.text


def test_pulse_drill_down_lists_the_events_with_evidence_and_sorts(web: TestClient) -> None:
    page = web.get("/pulse/events?pair=RU,VN&month=2024-01&quad=verbal_cooperation", headers=HTML)
    assert page.status_code == 200
    assert "Verbal cooperation · 2024-01 · RU,VN" in page.text
    rows = re.findall(r'<td class="nowrap">([^<]+)</td>', page.text)
    assert len(rows) >= 7 and rows == sorted(rows, reverse=True)  # newest first
    assert page.text.count('<mark class="ev f-') == len(rows)
    oldest = web.get("/pulse/events?pair=RU,VN&month=2024-01&quad=verbal_cooperation&sort=date", headers=HTML)
    assert re.findall(r'<td class="nowrap">([^<]+)</td>', oldest.text) == sorted(rows)
    assert 'aria-sort="ascending"' in oldest.text
    assert web.get("/pulse/events?pair=RU,VN&quad=war", headers=HTML).status_code == 400


def test_map_page_links_each_point_to_its_events(web: TestClient) -> None:
    page = web.get("/map?type=CONSULT", headers=HTML)
    assert page.status_code == 200
    assert '<image href="/static/world-110m.svg"' in page.text
    found = re.findall(r'<a href="([^"]+)" class="point-link"><circle class="point"[^>]*data-country="(\w\w)"',
                       page.text)
    points = {cc: href for href, cc in found}
    assert {"RU", "VN"} <= set(points)
    for cc, href in points.items():
        assert html.unescape(href) == f"/events?type=CONSULT&country={cc}"
    pair = web.get("/map?country=VN", headers=HTML).text
    assert 'href="/events?pair=VN%2CRU"' in pair  # with a country chosen, another point opens the pair
    assert web.get("/map?country=VNM", headers=HTML).status_code == 400


def test_watchlist_form_needs_the_token_and_keeps_the_file_valid(web: TestClient) -> None:
    listing = web.get("/watchlists", headers=HTML)
    assert listing.status_code == 200 and 'href="/watchlists/vn-ru"' in listing.text
    form = {"name": "cn-ru", "pairs": "CN,RU", "types": "CONSULT, AGREE", "token": "wrong"}
    assert web.post("/watchlists", data=form, headers=HTML).status_code == 403
    bad = web.post("/watchlists", data={**form, "token": TOKEN, "pairs": "CNX"}, headers=HTML)
    assert bad.status_code == 400 and "pair &#39;CNX&#39;: expected two country codes" in bad.text
    saved = web.post("/watchlists", data={**form, "token": TOKEN}, headers=HTML, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == "/watchlists/cn-ru?saved=1"
    page = web.get("/watchlists/cn-ru", headers=HTML)
    assert 'value="CONSULT, AGREE"' in page.text and "Saved." not in page.text
    entry = web.get("/api/watchlists/cn-ru").json()["entry"]
    assert entry == {"name": "cn-ru", "pairs": ["CN,RU"], "types": ["CONSULT", "AGREE"]}
    gone = web.post("/watchlists/cn-ru", data={"action": "delete", "token": TOKEN}, follow_redirects=False)
    assert gone.status_code == 303 and web.get("/api/watchlists/cn-ru").status_code == 404


def test_event_list_and_dashboard_export_their_view(web: TestClient) -> None:
    events = web.get("/events?pair=RU,VN&type=CONSULT&sort=confidence", headers=HTML).text
    assert 'href="/api/export?pair=RU%2CVN&amp;type=CONSULT&amp;format=csv"' in events
    assert 'href="/api/export?pair=RU%2CVN&amp;type=CONSULT&amp;format=parquet"' in events
    dashboard = web.get("/?pair=RU,VN", headers=HTML).text
    assert 'href="/api/export?pair=RU%2CVN&amp;format=graphml"' in dashboard
    rows = web.get("/api/export?pair=RU%2CVN&type=CONSULT&format=jsonl").text.splitlines()
    assert len(rows) == web.get("/api/events?pair=RU,VN&type=CONSULT&limit=1").json()["total"]
