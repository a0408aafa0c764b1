"""Issue 19 in a real headless Chromium: the topics chart's axis says what its bars stack, the actor
network's labels are readable and explained by a legend, search and weak events as a user sees them.

Writes docs/screenshots/actor-network.png, search.png and events-confidence.png.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
READABLE_PX = 12  # the smallest label height on screen that reads without zooming


def test_topics_chart_axis_matches_what_is_stacked(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.wait_for_selector('#chart-topics[data-rendered="true"]')
    topics = page.locator("#chart-topics svg")
    assert topics.get_attribute("data-unit") == "topic mentions (event × topic)"
    assert "topic mentions (event × topic)" in page.locator("#chart-topics svg g.axis.y").text_content()
    assert page.locator("#chart-types svg").get_attribute("data-unit") == "events"
    bars = page.locator("#chart-topics svg rect.bar")
    stacked = sum(int(bars.nth(i).get_attribute("data-count")) for i in range(bars.count()))
    rows = page.request.get(base_url + "/api/timeline?pair=RU,VN").json()
    mentions = sum(sum(r["topics"].values()) for r in rows if r["month"] != "undated")
    events = sum(r["events"] for r in rows if r["month"] != "undated")
    assert stacked == mentions and mentions > events  # the unit is topic mentions, not events


def test_network_labels_are_readable_and_have_a_legend(page: Any, base_url: str) -> None:
    page.goto(base_url + "/actors/Q7747")
    labels = page.locator("svg.network text.label")
    assert labels.count() >= 3
    heights = page.evaluate("Array.from(document.querySelectorAll('svg.network text.label'))"
                            ".map(t => t.getBoundingClientRect().height)")
    assert min(heights) >= READABLE_PX, heights
    legend = page.locator("#network-legend").text_content()
    assert all(word in legend for word in ("person", "organization", "country", "shared events"))
    page.locator("svg.network").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "actor-network.png"), full_page=True)


def test_search_across_scripts_and_weak_events_as_seen(page: Any, base_url: str) -> None:
    page.goto(base_url + "/search?q=Lavrov")
    assert page.locator("ol.hits li").count() >= 1
    assert "ru" in page.locator("#facet-lang").text_content()
    page.screenshot(path=str(SCREENSHOTS / "search.png"), full_page=True)
    page.goto(base_url + "/events?sort=confidence")
    weak_rows = page.locator("tr.weak")
    if weak_rows.count():
        opacity = page.evaluate("getComputedStyle(document.querySelector('tr.weak td')).opacity")
        assert float(opacity) < 1
        assert weak_rows.first.locator(".weak-mark").text_content() == "weak"
    page.screenshot(path=str(SCREENSHOTS / "events-confidence.png"), full_page=False)
