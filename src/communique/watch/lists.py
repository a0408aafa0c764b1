"""Watchlists as the web app edits and shows them: the same watchlists.yaml that `communique watch` reads,
written back only after `load_watchlists` accepts the result, and the alerts `watch` delivered for each.

    entries = read_entries(path)                       # the file's watchlist entries (mappings), in order
    save_entry(path, {"name": "vn-ru", "pairs": ["VN,RU"]}, replacing="vn-ru")   # -> the loaded watchlists
    delete_entry(path, "vn-ru")
    sent_alerts(engine, "vn-ru")                       # what watch delivered (newest first)
    current_matches(engine, watchlist)                 # events in the store that match it now (newest first)
"""

from __future__ import annotations

import json
import os
import tempfile
from itertools import product
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Engine, inspect, select

from communique.store import EventFilter, page_events
from communique.watch.alerts import matched_criteria, summary
from communique.watch.config import WatchConfigError, Watchlist, load_watchlists
from communique.watch.state import alerts_sent

FIELDS = ("actors", "pairs", "countries", "types", "topics", "keywords")
MAX_COMBINATIONS = 24  # store queries for one watchlist's current matches


def _document(path: Path) -> dict[str, Any]:
    """The file as a mapping with a `watchlists` list (an absent or empty file: no watchlists yet)."""
    if not path.exists() or not path.read_text(encoding="utf-8").strip():
        return {"watchlists": []}
    load_watchlists(path)  # a broken file is reported as it is, never overwritten
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {"watchlists": data} if isinstance(data, list) else dict(data)


def read_entries(path: str | Path) -> list[dict[str, Any]]:
    return [dict(e) for e in _document(Path(path))["watchlists"]]


def clean_entry(form: dict[str, Any]) -> dict[str, Any]:
    """An entry from form fields: comma- or line-separated values (pairs one per line or `;`-separated)."""
    entry: dict[str, Any] = {"name": str(form.get("name") or "").strip()}
    for name in FIELDS:
        raw = str(form.get(name) or "")
        separators = ";\n" if name == "pairs" else ",;\n"
        for sep in separators[1:]:
            raw = raw.replace(sep, separators[0])
        values = [v.strip() for v in raw.split(separators[0]) if v.strip()]
        if values:
            entry[name] = values
    if str(form.get("since") or "").strip():
        entry["since"] = str(form["since"]).strip()
    return entry


def save_entry(path: str | Path, entry: dict[str, Any], replacing: str | None = None) -> list[Watchlist]:
    """Add `entry` (or put it in place of the watchlist named `replacing`) and write the file atomically,
    only if the result loads; WatchConfigError (one line) otherwise, and the file is left as it was."""
    path = Path(path)
    doc = _document(path)
    entries = list(doc["watchlists"])
    names = [str(e.get("name")) for e in entries]
    if replacing is not None and replacing not in names:
        raise WatchConfigError(f"{path}: no watchlist named {replacing!r}")
    if replacing is not None:
        keep = next(e for e in entries if str(e.get("name")) == replacing)
        if "deliver" in keep:  # the form does not edit delivery: keep what the file says
            entry = {**entry, "deliver": keep["deliver"]}
        entries[names.index(replacing)] = entry
    else:
        entries.append(entry)
    return _write(path, {**doc, "watchlists": entries})


def delete_entry(path: str | Path, name: str) -> list[Watchlist]:
    path = Path(path)
    doc = _document(path)
    entries = [e for e in doc["watchlists"] if str(e.get("name")) != name]
    if len(entries) == len(doc["watchlists"]):
        raise WatchConfigError(f"{path}: no watchlist named {name!r}")
    return _write(path, {**doc, "watchlists": entries})


def _write(path: Path, doc: dict[str, Any]) -> list[Watchlist]:
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, default_flow_style=None)
    handle, temp = tempfile.mkstemp(prefix=".watchlists-", suffix=".yaml", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as fh:
        fh.write(text)
    try:
        lists = load_watchlists(temp)
    except WatchConfigError as error:
        os.unlink(temp)
        raise WatchConfigError(str(error).replace(temp, str(path))) from None
    os.replace(temp, path)
    return lists


def sent_alerts(engine: Engine, watchlist: str, limit: int = 100) -> list[dict[str, Any]]:
    """The alerts `communique watch` delivered for this watchlist (one row per event and channel), newest first."""
    if not inspect(engine).has_table(alerts_sent.name):  # watch never ran on this store
        return []
    c = alerts_sent.c
    query = (select(c.event_id, c.channel, c.sent_at, c.material).where(c.watchlist == watchlist)
             .order_by(c.sent_at.desc(), c.event_id).limit(limit))
    with engine.connect() as conn:
        return [{"event": r.event_id, "channel": r.channel, "sent_at": r.sent_at,
                 "material": json.loads(r.material) if r.material else None} for r in conn.execute(query)]


def current_matches(engine: Engine, watchlist: Watchlist, limit: int = 20) -> list[dict[str, Any]]:
    """Events in the store that match the watchlist now, newest first, each with why it matches
    (`matched`) and a one-line `summary`, as an alert would carry them."""
    found: dict[str, dict[str, Any]] = {}
    for flt in _filters(watchlist):
        page = page_events(engine, flt, "-date", limit).items
        in_text = {rec["id"] for rec in page} if flt.text else set()  # a keyword in a source document
        for rec in page:
            reasons = matched_criteria(rec, watchlist, in_text)
            if reasons and rec["id"] not in found:
                found[rec["id"]] = {"event": rec, "matched": reasons, "summary": summary(rec)}
    def newest(match: dict[str, Any]) -> tuple[str, str]:
        return (match["event"].get("date") or {}).get("start") or "", match["event"]["id"]

    ordered = sorted(found.values(), key=newest, reverse=True)
    return ordered[:limit]


def _filters(watchlist: Watchlist) -> list[EventFilter]:
    """Store filters whose union holds the matches (any value within a field, all fields): one per
    combination of values, at most MAX_COMBINATIONS; a keyword is searched in the source documents (as
    watch does) and, by matched_criteria, in the records themselves."""
    keywords: list[str | None] = [k.rstrip("*") for k in watchlist.keywords] or [None]
    combos = list(product(watchlist.pairs or [None], watchlist.types or [None], watchlist.countries or [None],
                          watchlist.actors or [None], watchlist.topics or [None], keywords))[:MAX_COMBINATIONS]
    filters = [EventFilter(pair=pair, type=event_type, country=country, actor=actor, topic=topic, text=word,
                           since=watchlist.since) for pair, event_type, country, actor, topic, word in combos]
    if watchlist.keywords:  # a keyword may be in the record only (a name, a place), not in the text searched
        filters += [EventFilter(pair=pair, type=event_type, country=country, actor=actor, topic=topic,
                                since=watchlist.since) for pair, event_type, country, actor, topic, _ in combos]
    return filters[:MAX_COMBINATIONS * 2]
