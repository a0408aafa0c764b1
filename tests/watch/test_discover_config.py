"""Parsing sources (feeds, sitemaps, listing pages) and the two YAML files."""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from watch_helpers import rss

from communique.watch.config import WatchConfigError, load_sources, load_watchlists, parse_duration
from communique.watch.discover import (
    DiscoveryError,
    Item,
    Sitemaps,
    normalize_url,
    parse_feed,
    parse_listing,
    parse_sitemap,
)

BASE = "https://news.example/ru/"


def test_rss_items_with_dates_and_language() -> None:
    data = rss([("/ru/a.html?utm_source=rss&id=7#top", "Встреча", "2025-02-21"), ("mailto:x@y", "no", None)], "ru-RU")
    assert parse_feed(data, BASE) == [Item("https://news.example/ru/a.html?id=7", "Встреча", "2025-02-21", "ru")]


def test_atom_feed() -> None:
    data = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
      <title>t</title><entry><title>Besuch</title><link rel="alternate" href="https://news.example/de/1"/>
      <updated>2024-01-24T10:00:00Z</updated><id>1</id></entry></feed>"""
    (item,) = parse_feed(data, BASE)
    assert (item.url, item.title, item.published) == ("https://news.example/de/1", "Besuch", "2024-01-24")


def test_invalid_feed_is_an_error_but_an_empty_one_is_not() -> None:
    with pytest.raises(DiscoveryError, match="not a valid RSS/Atom feed"):
        parse_feed(b"<html><body>Not a feed</body></html>", BASE)
    with pytest.raises(DiscoveryError, match="not a valid RSS/Atom feed"):
        parse_feed(b"<?xml version='1.0'?><rss><channel><item><title>x</ti", BASE)
    assert parse_feed(rss([]), BASE) == []


def test_news_sitemap_newest_first() -> None:
    data = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://news.example/a</loc><lastmod>2025-01-01</lastmod></url>
      <url><loc>https://news.example/b</loc><news:news><news:publication><news:name>X</news:name>
        <news:language>fr</news:language></news:publication>
        <news:publication_date>2025-03-02T08:00:00+01:00</news:publication_date>
        <news:title>Rencontre</news:title></news:news></url></urlset>"""
    assert parse_sitemap(data, BASE) == [Item("https://news.example/b", "Rencontre", "2025-03-02", "fr"),
                                         Item("https://news.example/a", None, "2025-01-01", None)]
    assert parse_sitemap(gzip.compress(data), BASE) == parse_sitemap(data, BASE)


def test_sitemap_index_and_errors() -> None:
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>/s1.xml</loc><lastmod>2025-01-01</lastmod></sitemap>
      <sitemap><loc>/s2.xml</loc><lastmod>2025-02-01</lastmod></sitemap></sitemapindex>"""
    assert parse_sitemap(index, BASE) == Sitemaps(["https://news.example/s2.xml", "https://news.example/s1.xml"])
    with pytest.raises(DiscoveryError, match="not a valid XML sitemap"):
        parse_sitemap(b"<urlset><url>", BASE)
    with pytest.raises(DiscoveryError, match="the root element is <html>"):
        parse_sitemap(b"<html></html>", BASE)


def test_listing_links_matching_the_pattern() -> None:
    page = """<html><head><base href="https://news.example/"></head><body>
      <a href="/news/2025/03/talks.html"><span>Talks</span> in Hanoi</a>
      <a href="/news/2025/03/talks.html#comments">comments</a>
      <a href="/about.html">About</a><a href="javascript:void(0)">x</a>
      <a href="https://other.example/news/2025/1.html">Elsewhere</a></body></html>"""
    items = parse_listing(page, "https://news.example/section/", re.compile(r"news\.example/news/\d{4}/"))
    assert items == [Item("https://news.example/news/2025/03/talks.html", "Talks in Hanoi")]


def test_normalize_url() -> None:
    assert normalize_url("HTTP://News.Example/a?b=1&utm_medium=x&fbclid=y#f") == "http://news.example/a?b=1"
    assert normalize_url("ftp://x/y") is None
    assert normalize_url("b.html", "https://n.example/a/") == "https://n.example/a/b.html"


# -- config -----------------------------------------------------------------------------------------


def test_sources_file(write_yaml: Callable[[str, Any], Path]) -> None:
    path = write_yaml("sources.yaml", {
        "defaults": {"min_interval": 2, "timeout": "30s", "max_items": 10},
        "sources": [{"name": "vov-ru", "feed": "https://vovworld.vn/ru-RU/rss", "lang": "RU"},
                    {"name": "mid", "sitemap": "https://mid.example/sitemap.xml"},
                    {"name": "kemlu", "listing": "https://kemlu.example/news", "link_pattern": "/news/\\d+",
                     "min_interval": 5}]})
    loaded = load_sources(path)
    assert [(s.name, s.kind, s.lang) for s in loaded.sources] == [("vov-ru", "feed", "ru"), ("mid", "sitemap", None),
                                                                  ("kemlu", "listing", None)]
    assert (loaded.settings.min_interval, loaded.settings.timeout, loaded.settings.max_items) == (2.0, 30.0, 10)
    assert loaded.settings.max_bytes == 5_000_000 and loaded.settings.max_redirects == 5
    assert loaded.sources[2].min_interval == 5.0


@pytest.mark.parametrize(("sources", "message"), [
    ([{"name": "x", "listing": "https://a.example/"}], "needs a `link_pattern`"),
    ([{"name": "x", "feed": "ftp://a.example/"}], "is not an http(s) URL"),
    ([{"name": "x", "feed": "https://a/", "sitemap": "https://a/s"}], "give one of feed, sitemap, listing"),
    ([{"name": "x", "feed": "https://a/"}, {"name": "x", "feed": "https://b/"}], "two sources named 'x'"),
    ([{"name": "x", "listing": "https://a/", "link_pattern": "(["}], "link_pattern '(['"),
    ([{"name": "x"}], "give `feed: URL`"),
])
def test_bad_sources_files(write_yaml: Callable[[str, Any], Path], sources: list[Any], message: str) -> None:
    with pytest.raises(WatchConfigError, match=re.escape(message)):
        load_sources(write_yaml("sources.yaml", {"sources": sources}))


def test_unreadable_and_invalid_yaml(tmp_path: Path) -> None:
    with pytest.raises(WatchConfigError, match="cannot read"):
        load_sources(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources: [\n", encoding="utf-8")
    with pytest.raises(WatchConfigError, match="invalid YAML"):
        load_sources(bad)


def test_watchlists_file(write_yaml: Callable[[str, Any], Path]) -> None:
    path = write_yaml("watchlists.yaml", {
        "deliver": {"jsonl": "alerts.jsonl"},
        "watchlists": [
            {"name": "vn-ru", "pairs": "VN,RU", "types": ["consult"]},
            {"name": "several", "pairs": [["vn", "ru"], "CN,RU"], "keywords": "nuclear",
             "deliver": {"webhook": "https://hooks.example/x", "console": True}, "since": "2025-01"},
        ]})
    first, second = load_watchlists(path)
    assert (first.pairs, first.types, first.deliver.channels) == ((("VN", "RU"),), ("CONSULT",), ["jsonl"])
    assert second.pairs == (("VN", "RU"), ("CN", "RU")) and second.keywords == ("nuclear",)
    assert second.deliver.channels == ["console", "webhook"] and second.since == "2025-01"


@pytest.mark.parametrize(("entry", "message"), [
    ({"name": "x"}, "give at least one of"),
    ({"name": "x", "pairs": "VN"}, "expected two country codes"),
    ({"name": "x", "types": ["CONSULT"], "colour": "red"}, "unknown field(s) colour"),
    ({"name": "x", "types": ["CONSULT"], "deliver": {"webhook": "file:///x"}}, "is not an http(s) URL"),
    ({"name": "x", "types": ["CONSULT"], "deliver": {}}, "no channel"),
    ({"name": "x", "types": ["CONSULT"], "since": "March"}, "expected YYYY"),
])
def test_bad_watchlists(write_yaml: Callable[[str, Any], Path], entry: dict[str, Any], message: str) -> None:
    with pytest.raises(WatchConfigError, match=re.escape(message)):
        load_watchlists(write_yaml("w.yaml", {"watchlists": [entry]}))


def test_durations() -> None:
    assert [parse_duration(x) for x in ("15m", "1h", "30s", "2d", "90", 45)] == [900, 3600, 30, 172800, 90, 45]
    with pytest.raises(WatchConfigError, match="expected a duration"):
        parse_duration("soon")
    with pytest.raises(WatchConfigError, match="positive"):
        parse_duration("0m")
