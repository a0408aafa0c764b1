"""The workbench in a real headless Chromium: the pulse's bars open their events and evidence, the map's
points open the event list, tables sort, exports download, a watchlist is created; nothing is fetched
from elsewhere. Writes the screenshots docs/screenshots/pulse.png, pulse-events.png, map.png, watchlist.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from web_helpers import running_server

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TOKEN = "browser-token-91ab"


@pytest.fixture(scope="module")
def base_url(web_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    lists = tmp_path_factory.mktemp("watch") / "watchlists.yaml"
    lists.write_text(yaml.safe_dump({"watchlists": [{"name": "vn-ru", "pairs": ["VN,RU"], "types": ["CONSULT"]}]}))
    with running_server(web_store, token=TOKEN, watchlists=str(lists)) as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    requests: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.seen = (requests, errors)
    try:
        yield pg
    finally:
        context.close()


def _clean(page: Any, base_url: str) -> None:
    requests, errors = page.seen
    assert all(url.startswith(base_url) for url in requests), requests
    assert not errors, errors


def test_pulse_bar_opens_its_events_and_their_evidence(page: Any, base_url: str) -> None:
    page.goto(base_url + "/pulse?pair=RU,VN")
    bars = page.locator("#pulse-chart rect.bar")
    api = page.request.get(base_url + "/api/pulse?pair=RU,VN").json()
    assert bars.count() == sum(1 for m in api["months"] for n in m["counts"].values() if n)
    box = bars.first.bounding_box()
    assert box is not None and box["height"] > 0 and box["width"] > 0  # drawn, visible
    assert page.locator("#pulse-chart circle.net").count() == len(api["months"])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "pulse.png"), full_page=True)
    tallest = page.locator('#pulse-chart rect.bar[data-month="2024-01"]')
    assert tallest.get_attribute("data-count") == "7"
    tallest.click()
    page.wait_for_url("**/pulse/events?**")
    assert "month=2024-01" in page.url and "quad=verbal_cooperation" in page.url
    rows = page.locator("#pulse-events tbody tr")
    assert rows.count() >= 7
    assert page.locator("#pulse-events mark.ev").count() == rows.count()
    type_column = page.locator("#pulse-events tbody tr td:nth-child(2)").all_inner_texts()
    page.locator("#pulse-events th", has_text="Type").click()  # sorted in the page
    assert page.locator("#pulse-events tbody tr td:nth-child(2)").all_inner_texts() == sorted(type_column)
    page.screenshot(path=str(SCREENSHOTS / "pulse-events.png"), full_page=True)
    page.locator("#pulse-events a.event-link").first.click()
    page.wait_for_url("**/events/evt_*")
    assert page.locator("mark.ev").count() >= 3  # the event's evidence, highlighted
    _clean(page, base_url)


def test_map_point_opens_the_event_list_of_its_country(page: Any, base_url: str) -> None:
    page.goto(base_url + "/map")
    page.wait_for_load_state("networkidle")
    outline = page.evaluate("fetch('/static/world-110m.svg').then(r => r.text()).then(t => t.length)")
    assert outline > 50_000
    points = page.locator("#world-map circle.point")
    assert points.count() >= 2
    russia = page.locator('#world-map circle.point[data-country="RU"]')
    expected = int(russia.get_attribute("data-events"))
    names = page.locator("#map-countries tbody tr td:nth-child(1)").all_inner_texts()
    page.locator("#map-countries th", has_text="Country").click()
    assert page.locator("#map-countries tbody tr td:nth-child(1)").all_inner_texts() == sorted(names, key=str.lower)
    page.screenshot(path=str(SCREENSHOTS / "map.png"), full_page=True)
    russia.dispatch_event("click")
    page.wait_for_url("**/events?country=RU")
    assert page.locator("main p.muted").first.inner_text().startswith(f"{expected} event(s)")
    _clean(page, base_url)


def test_export_link_downloads_the_view(page: Any, base_url: str) -> None:
    page.goto(base_url + "/map?type=CONSULT")
    with page.expect_download() as info:
        page.locator('a.export[data-format="csv"]').click()
    path = info.value.path()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,type,mode,label")
    total = page.request.get(base_url + "/api/events?type=CONSULT&limit=1").json()["total"]
    assert len(lines) - 1 == total and all(",CONSULT," in line for line in lines[1:])


def test_watchlist_is_created_in_the_browser(page: Any, base_url: str) -> None:
    page.goto(base_url + "/watchlists")
    page.fill("#w-name", "ru-vn-agree")
    page.fill("#w-pairs", "RU,VN")
    page.fill("#w-types", "AGREE")
    page.fill("#w-token", TOKEN)
    page.locator("button", has_text="Save").click()
    page.wait_for_url("**/watchlists/ru-vn-agree?saved=1")
    assert page.locator("p.notice").inner_text() == "Saved."
    matches = page.locator("#matches tbody tr")
    assert matches.count() >= 1
    assert set(page.locator("#matches tbody td:nth-child(2)").all_inner_texts()) == {"AGREE"}
    page.screenshot(path=str(SCREENSHOTS / "watchlist.png"), full_page=True)
    _clean(page, base_url)


def test_dashboard_bars_open_their_events_and_lists_sort(page: Any, base_url: str) -> None:
    page.goto(base_url + "/?pair=RU,VN")
    page.wait_for_selector('#chart-types[data-rendered="true"]')
    bar = page.locator('#chart-types svg rect.bar[data-name="CONSULT"]').first
    month, count = bar.get_attribute("data-month"), int(bar.get_attribute("data-count"))
    bar.dispatch_event("click")
    page.wait_for_url("**/events?**")
    assert f"since={month}" in page.url and f"until={month}" in page.url and "type=CONSULT" in page.url
    assert "pair=RU%2CVN" in page.url
    rows = page.locator("table.events tbody tr")
    starting = [d for d in page.locator("table.events tbody tr td:nth-child(1)").all_inner_texts()
                if d.startswith(str(month))]
    assert len(starting) == count  # the bar's events: those that start in its month
    assert set(page.locator("table.events tbody tr td:nth-child(2) span.type").all_inner_texts()) == {"CONSULT"}
    page.goto(base_url + "/events?pair=RU,VN")
    names = page.locator("table.events tbody tr td:nth-child(3)").all_inner_texts()
    page.locator("table.events th", has_text="What").click()
    assert page.locator("table.events tbody tr td:nth-child(3)").all_inner_texts() == sorted(names, key=str.lower)
    assert rows.count() >= 1
    _clean(page, base_url)
