"""What a source lists: article links (with title, date and language when the source gives them) from an
RSS/Atom feed, an XML sitemap (urlset; a sitemapindex names more sitemaps) or an HTML listing page.

Parsing never fetches: bytes in, items out. Malformed input raises `DiscoveryError` (one line).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import feedparser  # always given bytes: feedparser never fetches a URL here

from communique.read import lang_code

MAX_DECOMPRESSED = 50_000_000  # a gzipped sitemap may not inflate past this
_TRACKING_PARAM = re.compile(r"^(utm_\w+|fbclid|gclid|yclid|mc_cid|mc_eid|_ga)$", re.IGNORECASE)


class DiscoveryError(ValueError):
    """A feed, sitemap or listing page that cannot be read."""


@dataclass(frozen=True, slots=True)
class Item:
    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD when the source says
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Sitemaps:
    """A sitemapindex: the sitemaps it names, newest first."""

    urls: list[str]


def normalize_url(url: str, base: str | None = None) -> str | None:
    """An absolute http(s) URL without fragment and tracking parameters; None for mailto:, javascript:, …"""
    url = url.strip()
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING_PARAM.match(k)])
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", query, ""))


# -- feeds ------------------------------------------------------------------------------------------


def parse_feed(data: bytes, base_url: str) -> list[Item]:
    """Entries of an RSS or Atom feed, in feed order. A feed with recoverable errors still yields its entries."""
    # A content type is given so that `bozo` reports only real XML problems, not a missing header.
    parsed = feedparser.parse(data, response_headers={"content-location": base_url,
                                                      "content-type": "application/xml"})
    entries = list(parsed.get("entries") or [])
    feed_lang = lang_code((parsed.get("feed") or {}).get("language"))
    items = []
    for entry in entries:
        link = entry.get("link") or _alternate_link(entry)
        url = normalize_url(link, base_url) if link else None
        if url is None:
            continue
        date = _struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        items.append(Item(url=url, title=_clean(entry.get("title")), published=date,
                          lang=lang_code(entry.get("language")) or feed_lang))
    if not items and (parsed.get("bozo") or not parsed.get("version")):
        # A feed with recoverable errors still counts when it yields links; an empty valid feed is fine.
        reason = parsed.get("bozo_exception")
        raise DiscoveryError(f"not a valid RSS/Atom feed ({_one_line(reason) if reason else 'no feed found'})")
    return _unique(items)


def _alternate_link(entry: dict[str, object]) -> str | None:
    for link in entry.get("links") or []:  # type: ignore[attr-defined]
        if isinstance(link, dict) and link.get("href") and link.get("rel", "alternate") == "alternate":
            return str(link["href"])
    return None


def _struct_date(value: time.struct_time | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    except ValueError:
        return None


# -- sitemaps ---------------------------------------------------------------------------------------


def parse_sitemap(data: bytes, base_url: str) -> list[Item] | Sitemaps:
    """A urlset -> its pages, newest first (by lastmod or news publication date); a sitemapindex -> Sitemaps."""
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise DiscoveryError(f"not a valid XML sitemap ({error})") from None
    kind = _local(root.tag)
    if kind == "sitemapindex":
        entries = [(_child_text(node, "loc"), _child_text(node, "lastmod")) for node in root if
                   _local(node.tag) == "sitemap"]
        ordered = sorted(((loc, mod or "") for loc, mod in entries if loc), key=lambda e: e[1], reverse=True)
        return Sitemaps([u for u in (normalize_url(loc, base_url) for loc, _ in ordered) if u])
    if kind != "urlset":
        raise DiscoveryError(f"not a sitemap (the root element is <{kind}>, expected <urlset> or <sitemapindex>)")
    dated: list[tuple[str, Item]] = []
    for node in root:
        if _local(node.tag) != "url":
            continue
        loc = _child_text(node, "loc")
        url = normalize_url(loc, base_url) if loc else None
        if url is None:
            continue
        news = next((c for c in node if _local(c.tag) == "news"), None)
        published = (_child_text(news, "publication_date") if news is not None else None) or _child_text(node,
                                                                                                          "lastmod")
        title = _child_text(news, "title") if news is not None else None
        publication = next((c for c in news if _local(c.tag) == "publication"), None) if news is not None else None
        lang = lang_code(_child_text(publication, "language")) if publication is not None else None
        dated.append((published or "", Item(url=url, title=title, published=_iso_day(published), lang=lang)))
    dated.sort(key=lambda pair: pair[0], reverse=True)  # stable: document order among equal dates
    return _unique([item for _, item in dated])


def _gunzip(data: bytes) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
        try:
            out = fh.read(MAX_DECOMPRESSED + 1)
        except (OSError, EOFError) as error:
            raise DiscoveryError(f"broken gzip data ({error})") from None
    if len(out) > MAX_DECOMPRESSED:
        raise DiscoveryError("gzipped sitemap too large once decompressed")
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _child_text(node: ET.Element, name: str) -> str | None:
    for child in node:
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _iso_day(value: str | None) -> str | None:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


# -- listing pages ----------------------------------------------------------------------------------


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.links: list[tuple[str, str]] = []  # (href, anchor text)
        self._open: list[list[str]] = []  # the text of each open <a>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "base" and values.get("href") and self.base is None:
            self.base = values["href"]
        elif tag == "a":
            href = values.get("href")
            self.links.append((href or "", ""))
            self._open.append([])

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            text = " ".join("".join(self._open.pop()).split())
            # the last link still without text is the one this </a> closes
            for i in range(len(self.links) - 1, -1, -1):
                if not self.links[i][1]:
                    self.links[i] = (self.links[i][0], text or "\x00")
                    break


def parse_listing(html: str, base_url: str, link_pattern: re.Pattern[str]) -> list[Item]:
    """Links on a listing page whose absolute URL matches `link_pattern` (re.search), in page order."""
    collector = _LinkCollector()
    collector.feed(html)
    collector.close()
    base = urljoin(base_url, collector.base) if collector.base else base_url
    items = []
    for href, text in collector.links:
        url = normalize_url(href, base) if href else None
        if url and link_pattern.search(url):
            items.append(Item(url=url, title=text.strip("\x00") or None))
    return _unique(items)


# -- helpers ----------------------------------------------------------------------------------------


def _unique(items: list[Item]) -> list[Item]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.url not in seen:
            seen.add(item.url)
            out.append(item)
    return out


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _one_line(error: object) -> str:
    return " ".join(str(error).split())[:200]
