"""The publication date a page declares in its markup, before its text is extracted.

In order of trust: the Open Graph / Dublin Core / schema.org meta tags (`article:published_time`,
`datePublished`, `DC.date.issued`, `pubdate`, …), the `datePublished` of JSON-LD blocks, then the first
`<time datetime>`. Only a value that starts with a real YYYY-MM-DD is taken (a page's free text is
left to the time stage).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from typing import Any

# Meta names and properties that carry the date of first publication (lower case), most trusted first.
PUBLISHED_META = ("article:published_time", "og:article:published_time", "datepublished", "dc.date.issued",
                  "dcterms.issued", "dc.date", "pubdate", "publishdate", "publish-date", "date",
                  "sailthru.date", "parsely-pub-date", "article.published")
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
MAX_JSON_LD = 200_000  # characters of one JSON-LD block worth parsing


class _DateCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.times: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").strip().lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"])
        elif tag == "script" and values.get("type", "").strip().lower() == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        elif tag == "time" and values.get("datetime"):
            self.times.append(values["datetime"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_json_ld and len(self.json_ld[-1]) < MAX_JSON_LD:
            self.json_ld[-1] += data


def published_date(html: str) -> str | None:
    """The page's declared publication day, YYYY-MM-DD, or None."""
    collector = _DateCollector()
    try:
        collector.feed(html)
        collector.close()
    except (AssertionError, ValueError):  # html.parser on hopeless markup: no declared date
        return None
    for key in PUBLISHED_META:
        if day := _day(collector.meta.get(key)):
            return day
    for block in collector.json_ld:
        if day := _json_ld_date(block):
            return day
    return next((day for value in collector.times if (day := _day(value))), None)


def _json_ld_date(block: str) -> str | None:
    try:
        data = json.loads(block)
    except (ValueError, RecursionError):
        return None
    return _find_published(data, depth=0)


def _find_published(node: Any, depth: int) -> str | None:
    """`datePublished` anywhere in a JSON-LD tree (top level, @graph, nested items), depth-bounded."""
    if depth > 6:
        return None
    if isinstance(node, dict):
        if day := _day(node.get("datePublished")):
            return day
        children: list[Any] = list(node.values())
    elif isinstance(node, list):
        children = node
    else:
        return None
    return next((day for child in children if (day := _find_published(child, depth + 1))), None)


def _day(value: Any) -> str | None:
    if not isinstance(value, str) or not (m := _ISO_DAY.match(value)):
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None
