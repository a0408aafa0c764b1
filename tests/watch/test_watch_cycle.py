"""End to end on a local site: feeds with the seed articles and broken pages, alerts to a webhook, a second
cycle that fetches nothing new, and a correction that sends exactly one more alert."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine, select
from watch_helpers import Page, Site, article_html, load_seeds, rss

from communique.store import open_store
from communique.store.corrections import correct_event
from communique.store.queries import EventFilter, query_events
from communique.store.schema import documents
from communique.watch.config import load_sources, load_watchlists
from communique.watch.fetch import Fetcher
from communique.watch.runner import CycleReport, WatchSettings, run_cycle
from communique.watch.state import item_rows, source_status

OWN_ARTICLE = [
    "Jakarta, 3 March 2025 - Indonesian Foreign Minister Sugiono met Japanese Foreign Minister Takeshi Iwaya "
    "in Jakarta on Monday.",
    "The two ministers discussed maritime security, trade and investment between Indonesia and Japan.",
]


@dataclass
class World:
    site: Site
    engine: Engine
    cycles: list[CycleReport] = field(default_factory=list)
    hooks: list[list[dict[str, Any]]] = field(default_factory=list)  # webhook bodies per cycle
    requests: list[list[tuple[str, int]]] = field(default_factory=list)  # (path, status) per cycle
    jsonl: Path = Path()
    corrected: str = ""
    log: list[str] = field(default_factory=list)


def _build_site(site: Site) -> None:
    seeds = load_seeds()
    entries = []
    for i, seed in enumerate(seeds):
        path = f"/{seed.lang}/article-{i}.html"
        site.add(path, Page(article_html(seed.title, seed.paragraphs, seed.doc_date), etag=f'"a{i}"'))
        entries.append((site.url(path) + "?utm_source=rss", seed.title, seed.doc_date))
    entries += [(site.url("/missing.html"), "Gone", None), (site.url("/slow.html"), "Slow", None),
                (site.url("/huge.html"), "Huge", None), (site.url("/loop-a.html"), "Loop", None),
                (site.url("/private/secret.html"), "Disallowed by robots.txt", None)]
    site.add("/feed.xml", Page(rss(entries), "application/rss+xml", etag='"feed-1"'))
    site.add("/slow.html", Page(sleep=2.5))
    site.add("/huge.html", Page(b"<html><body>" + b"<p>word word word</p>" * 60000, length=False))
    site.add("/loop-a.html", Page(location="/loop-b.html"))
    site.add("/loop-b.html", Page(location="/loop-a.html"))
    site.add("/private/secret.html", Page(article_html("Secret", OWN_ARTICLE, "2025-03-03")))
    site.add("/broken.xml", Page(b"<?xml version='1.0'?><rss><channel><item><title>x</ti", "application/rss+xml"))
    site.add("/sitemap.xml", Page(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f'<url><loc>{site.url("/en/own-1.html")}</loc><lastmod>2025-03-04</lastmod></url></urlset>'.encode(),
        "application/xml", etag='"sm-1"'))
    site.add("/en/own-1.html", Page(article_html("Indonesia and Japan hold talks", OWN_ARTICLE, "2025-03-04")))
    site.add("/news/", Page(b'<html><body><a href="/news/2025/own-2.html">Talks</a> <a href="/about">About</a>'
                            b'<a href="mailto:x@y">mail</a></body></html>', etag='"list-1"'))
    site.add("/news/2025/own-2.html", Page(article_html("Talks in Jakarta", OWN_ARTICLE, None)))


@pytest.fixture(scope="module")
def world(module_site: Site, tmp_path_factory: pytest.TempPathFactory) -> World:
    tmp = tmp_path_factory.mktemp("watch")
    site = module_site
    _build_site(site)
    sources = tmp / "sources.yaml"
    sources.write_text(yaml.safe_dump({
        "defaults": {"min_interval": 0, "timeout": 1, "max_bytes": 300_000},
        "sources": [
            {"name": "seeds", "feed": site.url("/feed.xml")},
            {"name": "broken", "feed": site.url("/broken.xml")},
            {"name": "own-sitemap", "sitemap": site.url("/sitemap.xml"), "lang": "en"},
            {"name": "own-listing", "listing": site.url("/news/"), "link_pattern": r"/news/\d{4}/"},
        ]}), encoding="utf-8")
    jsonl = tmp / "alerts.jsonl"
    lists = tmp / "watchlists.yaml"
    lists.write_text(yaml.safe_dump({
        "deliver": {"webhook": site.url("/hook"), "jsonl": str(jsonl)},
        "watchlists": [{"name": "vn-ru", "pairs": ["VN", "RU"], "types": ["CONSULT"]}]}), encoding="utf-8")
    engine = open_store(str(tmp / "watch.db"))
    w = World(site, engine, jsonl=jsonl)
    src, wl = load_sources(sources), load_watchlists(lists)
    with Fetcher(src.settings, allow_private=True) as fetcher:
        for cycle in range(3):
            if cycle == 2:
                w.corrected = _correct_one_date(engine)
            site.clear()
            w.cycles.append(run_cycle(engine, src, wl, WatchSettings(allow_private=True), fetcher, w.log.append,
                                      w.log.append))
            w.hooks.append(list(site.hooks))
            w.requests.append([(r.path, r.status) for r in site.requests()])
    return w


def _correct_one_date(engine: Engine) -> str:
    """The store's correction of an event's date (what `communique correct --set date=…` does)."""
    rec = next(r for r in query_events(engine, EventFilter(pair=("VN", "RU"), type="CONSULT"))
               if (r.get("date") or {}).get("start") == "2025-02-21")
    correct_event(engine, rec["id"], [("date", {"start": "2025-02-20", "end": None, "precision": "day"})], False,
                  by="test")
    return str(rec["id"])


def test_first_cycle_ingests_the_good_articles(world: World) -> None:
    with world.engine.connect() as conn:
        rows = conn.execute(select(documents.c.id, documents.c.date, documents.c.title)).all()
    by_id = {r.id: r for r in rows}
    seed_urls = [world.site.url(f"/{s.lang}/article-{i}.html") for i, s in enumerate(load_seeds())]
    assert set(by_id) == set(seed_urls) | {world.site.url("/en/own-1.html"), world.site.url("/news/2025/own-2.html")}
    # the date comes from <meta article:published_time>, the tracking parameter is gone from the id
    assert by_id[world.site.url("/ru/article-1.html")].date == "2025-02-22"
    assert by_id[world.site.url("/fr/article-4.html")].date == "2021-12-02"
    assert world.cycles[0].ingested == 7


def test_seed_events_get_years_from_the_page_metadata(world: World) -> None:
    records = query_events(world.engine, EventFilter(pair=("VN", "RU"), type="CONSULT", lang="ru"))
    starts = {(r.get("date") or {}).get("start") for r in records}
    assert "2025-02-21" in starts or world.corrected  # (corrected to 2025-02-20 by the third cycle)
    assert "2026-02-24" in starts


def test_bad_pages_are_reported_not_fatal(world: World) -> None:
    items = {r["url"].rsplit("/", 1)[-1]: r for r in item_rows(world.engine, "seeds")}
    assert items["missing.html"]["status"] == "gone" and items["missing.html"]["http_status"] == 404
    assert items["missing.html"]["next_attempt"] is None
    assert items["slow.html"]["status"] == "error" and "timed out" in items["slow.html"]["error"]
    assert items["slow.html"]["next_attempt"] is not None  # a passing problem: retried later
    assert "too large" in items["huge.html"]["error"] and items["huge.html"]["next_attempt"] is None
    assert "too many redirects" in items["loop-a.html"]["error"]
    assert "robots.txt" in items["secret.html"]["error"]
    assert ("/private/secret.html", 200) not in world.requests[0]
    status = {row["name"]: row for row in source_status(world.engine)}
    assert status["broken"]["errors"] == 1 and "not a valid RSS/Atom feed" in status["broken"]["last_error"]
    assert status["broken"]["last_success"] is None and status["broken"]["next_attempt"]
    assert status["seeds"]["last_success"] and status["seeds"]["errors"] == 5
    assert status["seeds"]["items_seen"] == 10 and status["seeds"]["items_new"] == 0  # (in the last cycle)
    first = {s.name: s for s in world.cycles[0].sources}
    assert (first["seeds"].listed, first["seeds"].ingested, first["seeds"].failed) == (10, 5, 5)
    assert first["own-listing"].ingested == 1 and first["own-sitemap"].ingested == 1


def test_redirect_loop_stops_after_five_redirects(world: World) -> None:
    loops = [p for p, _ in world.requests[0] if p.startswith("/loop-")]
    assert len(loops) == 6  # the first request and five redirects


def test_second_cycle_fetches_nothing_new(world: World) -> None:
    assert sorted(world.requests[1]) == [("/feed.xml", 304), ("/news/", 304), ("/sitemap.xml", 304)]
    assert world.cycles[1].ingested == 0
    broken = next(s for s in world.cycles[1].sources if s.name == "broken")
    assert broken.skipped  # backing off after the invalid feed


def test_webhook_gets_each_matching_event_once(world: World) -> None:
    expected = {r["id"] for r in query_events(world.engine, EventFilter(pair=("VN", "RU"), type="CONSULT"))}
    first = world.hooks[0]
    assert len(expected) >= 5
    assert sorted(h["event"]["id"] for h in first) == sorted(expected)  # each once, none missing
    assert all(h["reason"] == "new" and h["watchlist"] == "vn-ru" and h["changed"] == [] for h in first)
    assert all(h["matched"] == ["type CONSULT", "pair VN,RU"] for h in first)
    assert all(h["urls"] and h["urls"][0].startswith(world.site.url("/")) for h in first)
    assert world.hooks[1] == []  # no duplicates
    lines = [json.loads(x) for x in world.jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(first) + 1  # the JSONL channel got the same, plus the correction


def test_a_corrected_date_sends_exactly_one_more_alert(world: World) -> None:
    (hook,) = world.hooks[2]
    assert hook["event"]["id"] == world.corrected
    assert hook["reason"] == "changed" and hook["changed"] == ["date"]
    assert hook["event"]["date"]["start"] == "2025-02-20"
    assert world.requests[2] == [(p, s) for p, s in world.requests[2] if s == 304]  # still nothing refetched
