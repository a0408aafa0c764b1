"""The web app in a real headless Chromium (Debian's, driven by Playwright): the dashboard's chart is drawn,
an event's evidence is highlighted, hostile article text never runs, and nothing is fetched from elsewhere.

Also writes the README's screenshots (docs/screenshots/dashboard.png and event.png).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


class Watch:
    """What a page did: requests (to check they all stay on this server), dialogs, console errors."""

    def __init__(self, page: Any) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def test_dashboard_chart_then_event_evidence(page: Any, base_url: str) -> None:
    watch = Watch(page)
    page.goto(base_url + "/")
    page.wait_for_selector('#chart-types[data-rendered="true"]')
    page.wait_for_selector('#chart-topics[data-rendered="true"]')
    bars = page.locator("#chart-types svg rect.bar")
    assert bars.count() >= 5
    heights = [float(bars.nth(i).get_attribute("height")) for i in range(bars.count())]
    assert all(h > 0 for h in heights)
    counts = sum(int(bars.nth(i).get_attribute("data-count")) for i in range(bars.count()))
    total = page.request.get(base_url + "/api/events?pair=RU,VN&limit=1").json()["total"]
    undated = [r for r in page.request.get(base_url + "/api/timeline?pair=RU,VN").json() if r["month"] == "undated"]
    assert counts == total - sum(r["events"] for r in undated)  # every dated event is in a bar
    legend = page.locator("#chart-types svg g.legend text").all_text_contents()
    assert "CONSULT" in legend
    assert page.locator("#chart-types svg g.axis.x text").count() >= 2
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "dashboard.png"), full_page=True)

    page.locator("a.event-link").first.click()
    page.wait_for_url(base_url + "/events/**")
    marks = page.locator("mark.ev")
    assert marks.count() >= 3
    event_id = page.url.rsplit("/", 1)[1]
    record = page.request.get(base_url + f"/api/events/{event_id}").json()
    evidence = {e["text"] for s in record["sources"] for e in s["evidence"]}
    for text in marks.all_inner_texts():
        assert any(text in ev or ev in text for ev in evidence), text
    colour = page.locator("mark.ev.f-trigger").first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour == "rgb(255, 215, 102)"  # highlighted with the legend's trigger colour
    page.screenshot(path=str(SCREENSHOTS / "event.png"), full_page=True)
    assert all(url.startswith(base_url) for url in watch.requests), watch.requests
    assert not watch.errors, watch.errors


def test_hostile_article_never_runs(page: Any, base_url: str) -> None:
    watch = Watch(page)
    doc = page.request.get(base_url + "/api/documents/xss-probe").json()
    event_id = doc["events"][0]["id"]
    for path in (f"/events/{event_id}", "/documents/xss-probe", "/search?q=ministers"):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert page.locator("img").count() == 0, path
        assert page.locator("main script").count() == 0, path
    page.goto(base_url + f"/events/{event_id}")
    excerpt = page.locator(".excerpt").first.inner_text()
    assert "<script>alert(1)</script>" in excerpt and "<img src=x onerror=alert(1)>" in excerpt
    assert page.locator("mark.ev").count() >= 4
    assert watch.dialogs == []


def test_api_docs_work_offline(page: Any, base_url: str) -> None:
    watch = Watch(page)
    page.goto(base_url + "/docs")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1
    assert all(url.startswith(base_url) for url in watch.requests), watch.requests
