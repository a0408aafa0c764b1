"""The two files a user writes for monitoring: sources.yaml and watchlists.yaml (loaded and validated).

sources.yaml:

    defaults:                 # all optional
      min_interval: 1.0       # seconds between two requests to one host
      timeout: 20             # seconds per connect/read
      max_bytes: 5000000      # a page larger than this is not read past the limit (and not ingested)
      max_items: 30           # new articles taken from one source per cycle
    sources:
      - name: vov-ru
        feed: https://example.org/rss            # an RSS/Atom feed
        lang: ru                                 # a language hint for its articles
      - name: mid-sitemap
        sitemap: https://example.org/sitemap.xml # an XML urlset or sitemapindex
      - name: kemlu
        listing: https://example.org/news        # a listing page: links matching link_pattern
        link_pattern: '/news/\\d+'

watchlists.yaml:

    deliver: {console: true, jsonl: alerts.jsonl, webhook: https://hooks.example.org/x}   # the default
    watchlists:
      - name: vn-ru
        pairs: [VN,RU]          # any of these country pairs (both among the participants)
        types: [CONSULT]        # any of these PLOVER types
        actors: [Q7747, Lavrov] # any actor id, or part of a name
        countries: [VN]         # any participant country (or the location's)
        topics: [energy]        # any topic
        keywords: [nuclear]     # any word/phrase in the label, names, places, evidence or agreements
        since: 2025-01-01       # only events ending on or after
        deliver: {webhook: …}   # overrides the default

Within a field any value matches; all fields given must match. Errors are one clear line (WatchConfigError).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SOURCE_KINDS = ("feed", "sitemap", "listing")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_NAME = re.compile(r"^[\w.:-]+$")


class WatchConfigError(ValueError):
    """A problem in sources.yaml or watchlists.yaml, as one line naming the file and the entry."""


@dataclass(frozen=True, slots=True)
class FetchSettings:
    min_interval: float = 1.0
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    max_items: int = 30


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: str  # feed | sitemap | listing
    url: str
    lang: str | None = None
    link_pattern: re.Pattern[str] | None = None  # required for listings, an optional filter otherwise
    min_interval: float | None = None  # overrides the default for this source's hosts
    max_items: int | None = None


@dataclass(frozen=True, slots=True)
class Delivery:
    console: bool = False
    jsonl: str | None = None
    webhook: str | None = None

    @property
    def channels(self) -> list[str]:
        return [name for name, on in (("console", self.console), ("jsonl", bool(self.jsonl)),
                                      ("webhook", bool(self.webhook))) if on]


@dataclass(frozen=True, slots=True)
class Watchlist:
    name: str
    actors: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    since: str | None = None
    deliver: Delivery = field(default_factory=lambda: Delivery(console=True))


@dataclass(frozen=True, slots=True)
class SourcesFile:
    sources: list[Source]
    settings: FetchSettings


def parse_duration(text: str | float | int) -> float:
    """`15m`, `1h`, `30s`, `2d` or a number of seconds -> seconds (> 0)."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        seconds = float(text)
    else:
        m = _DURATION.match(str(text))
        if not m:
            raise WatchConfigError(f"{text!r}: expected a duration like 15m, 1h, 30s or a number of seconds")
        seconds = float(m.group(1)) * _UNIT_SECONDS[m.group(2).lower()]
    if seconds <= 0:
        raise WatchConfigError(f"{text!r}: the duration must be positive")
    return seconds


def _read_yaml(path: str | Path) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise WatchConfigError(f"{path}: cannot read ({error.strerror or error})") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise WatchConfigError(f"{path}:{where} invalid YAML ({getattr(error, 'problem', None) or error})") from None


def load_sources(path: str | Path) -> SourcesFile:
    data = _read_yaml(path)
    if isinstance(data, list):  # a bare list of sources
        data = {"sources": data}
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise WatchConfigError(f"{path}: expected a mapping with a `sources:` list")
    settings = _fetch_settings(path, data.get("defaults") or {})
    sources = [_source(path, i, entry) for i, entry in enumerate(data["sources"], 1)]
    _require_unique([s.name for s in sources], path, "source")
    if not sources:
        raise WatchConfigError(f"{path}: no sources")
    return SourcesFile(sources=sources, settings=settings)


def _fetch_settings(path: str | Path, raw: Any) -> FetchSettings:
    if not isinstance(raw, dict):
        raise WatchConfigError(f"{path}: `defaults` must be a mapping")
    base = FetchSettings()
    try:
        return FetchSettings(
            min_interval=float(raw.get("min_interval", base.min_interval)),
            timeout=parse_duration(raw.get("timeout", base.timeout)),
            max_bytes=int(raw.get("max_bytes", base.max_bytes)),
            max_redirects=int(raw.get("max_redirects", base.max_redirects)),
            max_items=int(raw.get("max_items", base.max_items)),
        )
    except (TypeError, ValueError) as error:
        raise WatchConfigError(f"{path}: defaults: {error}") from None


def _source(path: str | Path, index: int, entry: Any) -> Source:
    where = f"{path}: source #{index}"
    if not isinstance(entry, dict):
        raise WatchConfigError(f"{where}: expected a mapping")
    kinds = [k for k in SOURCE_KINDS if entry.get(k)]
    kind, url = (kinds[0], str(entry[kinds[0]])) if len(kinds) == 1 else (entry.get("kind"), entry.get("url"))
    if len(kinds) > 1:
        raise WatchConfigError(f"{where}: give one of feed, sitemap, listing (not {', '.join(kinds)})")
    if kind not in SOURCE_KINDS or not isinstance(url, str):
        raise WatchConfigError(f"{where}: give `feed: URL`, `sitemap: URL` or `listing: URL`")
    if not re.match(r"^https?://[^/\s]+", url):
        raise WatchConfigError(f"{where}: {url!r} is not an http(s) URL")
    name = str(entry.get("name") or url)
    if not _NAME.match(name) and name != url:
        raise WatchConfigError(f"{where}: name {name!r}: use letters, digits, '.', ':', '_' or '-'")
    pattern = _pattern(where, entry.get("link_pattern"))
    if kind == "listing" and pattern is None:
        raise WatchConfigError(f"{where}: a listing page needs a `link_pattern` (a regex for article links)")
    lang = entry.get("lang")
    if lang is not None and not re.fullmatch(r"[a-zA-Z]{2,3}", str(lang)):
        raise WatchConfigError(f"{where}: lang {lang!r}: expected an ISO 639-1 code such as ru")
    try:
        min_interval = float(entry["min_interval"]) if "min_interval" in entry else None
        max_items = int(entry["max_items"]) if "max_items" in entry else None
    except (TypeError, ValueError) as error:
        raise WatchConfigError(f"{where}: {error}") from None
    return Source(name=name, kind=kind, url=url, lang=str(lang).lower() if lang else None, link_pattern=pattern,
                  min_interval=min_interval, max_items=max_items)


def _pattern(where: str, raw: Any) -> re.Pattern[str] | None:
    if raw is None:
        return None
    try:
        return re.compile(str(raw))
    except re.error as error:
        raise WatchConfigError(f"{where}: link_pattern {raw!r}: {error}") from None


def _require_unique(names: list[str], path: str | Path, what: str) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise WatchConfigError(f"{path}: two {what}s named {name!r}")
        seen.add(name)


# -- watchlists -------------------------------------------------------------------------------------


def load_watchlists(path: str | Path) -> list[Watchlist]:
    data = _read_yaml(path)
    if isinstance(data, list):
        data = {"watchlists": data}
    if not isinstance(data, dict) or not isinstance(data.get("watchlists"), list):
        raise WatchConfigError(f"{path}: expected a mapping with a `watchlists:` list")
    default = _delivery(f"{path}: deliver", data.get("deliver"), Delivery(console=True))
    lists = [_watchlist(path, i, entry, default) for i, entry in enumerate(data["watchlists"], 1)]
    _require_unique([w.name for w in lists], path, "watchlist")
    return lists


def _watchlist(path: str | Path, index: int, entry: Any, default: Delivery) -> Watchlist:
    where = f"{path}: watchlist #{index}"
    if not isinstance(entry, dict) or not entry.get("name"):
        raise WatchConfigError(f"{where}: expected a mapping with a `name`")
    known = {"name", "actors", "pairs", "countries", "types", "topics", "keywords", "since", "deliver"}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise WatchConfigError(f"{where}: unknown field(s) {', '.join(unknown)} (expected {', '.join(sorted(known))})")
    types = tuple(t.upper() for t in _strings(entry.get("types")))
    since = entry.get("since")
    if since is not None:
        since = str(since)
        if not re.fullmatch(r"\d{4}(-\d{2}){0,2}", since):
            raise WatchConfigError(f"{where}: since {since!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    watchlist = Watchlist(
        name=str(entry["name"]), actors=_strings(entry.get("actors")),
        pairs=tuple(_pair(where, p) for p in _pair_items(entry.get("pairs"))),
        countries=tuple(c.upper() for c in _strings(entry.get("countries"))), types=types,
        topics=_strings(entry.get("topics")), keywords=_strings(entry.get("keywords")), since=since,
        deliver=_delivery(f"{where}: deliver", entry.get("deliver"), default),
    )
    if not any((watchlist.actors, watchlist.pairs, watchlist.countries, watchlist.types, watchlist.topics,
                watchlist.keywords)):
        raise WatchConfigError(f"{where}: give at least one of actors, pairs, countries, types, topics, keywords")
    return watchlist


def _strings(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    return tuple(str(x).strip() for x in items if str(x).strip())


def _pair_items(raw: Any) -> list[Any]:
    """`pairs: VN,RU`, `pairs: [VN,RU]` (one pair), `pairs: [[VN,RU], "CN,RU"]`."""
    if raw is None:
        return []
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list) and len(raw) == 2 and all(isinstance(x, str) and "," not in x for x in raw):
        return [raw]
    return list(raw) if isinstance(raw, list) else [raw]


def _pair(where: str, raw: Any) -> tuple[str, str]:
    codes = [c.strip().upper() for c in (raw.split(",") if isinstance(raw, str) else raw or []) if str(c).strip()]
    if len(codes) != 2 or not all(re.fullmatch(r"[A-Z]{2}", c) for c in codes):
        raise WatchConfigError(f"{where}: pair {raw!r}: expected two country codes, e.g. VN,RU")
    return codes[0], codes[1]


def _delivery(where: str, raw: Any, default: Delivery) -> Delivery:
    if raw is None:
        return default
    if not isinstance(raw, dict):
        raise WatchConfigError(f"{where}: expected a mapping with console, jsonl and/or webhook")
    webhook = raw.get("webhook")
    if webhook is not None and not re.match(r"^https?://", str(webhook)):
        raise WatchConfigError(f"{where}: webhook {webhook!r} is not an http(s) URL")
    delivery = Delivery(console=bool(raw.get("console", False)), jsonl=str(raw["jsonl"]) if raw.get("jsonl") else None,
                        webhook=str(webhook) if webhook else None)
    if not delivery.channels:
        raise WatchConfigError(f"{where}: no channel (give console: true, jsonl: FILE or webhook: URL)")
    return delivery
