"""Watchlists -> alerts: which merged events match, whether an alert is due, and delivery (console, JSONL, webhook).

An alert fires once per (watchlist, merged event, channel), and again only when the event changes
materially: its fingerprint covers the type, status, date, location country and the set of source
languages (a new language reporting it, a corrected date), not its confidence or evidence. A delivery
that fails is not recorded, so it is tried again on the next evaluation.

The webhook body (JSON, POST, `Content-Type: application/json`) is documented in README "Monitoring":

    {"alert": "communique.watch/1", "watchlist": "vn-ru", "reason": "new" | "changed",
     "changed": ["date", ...], "summary": "CONSULT 2025-05-10 Tô Lâm; Vladimir Putin (Kremlin, RU): talks",
     "matched": ["pair VN,RU", "type CONSULT"], "urls": [...], "event": {merged event record}, "sent_at": "…Z"}
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine

from communique.store import EventFilter, change_mark, matches, query_events
from communique.watch import state
from communique.watch.config import Delivery, Watchlist
from communique.watch.fetch import USER_AGENT

ALERT_FORMAT = "communique.watch/1"
WATERMARK_KEY = "alerts_watermark"
WEBHOOK_TIMEOUT = 10.0
Echo = Callable[[str], None]


@dataclass(slots=True)
class AlertStats:
    evaluated: bool = False
    sent: int = 0  # deliveries (one alert to two channels counts 2)
    failed: int = 0
    alerts: list[dict[str, Any]] = field(default_factory=list)  # the payloads delivered, in order


# -- matching ---------------------------------------------------------------------------------------


def matched_criteria(rec: dict[str, Any], watchlist: Watchlist, keyword_hits: set[str] | None = None) -> list[str]:
    """What made the event match (e.g. ["pair VN,RU", "type CONSULT"]); [] when it does not match.

    Any value within a field, every field given. `keyword_hits`: event ids whose source documents contain
    one of the keywords (full-text search of the store); the record's own text is searched as well.
    """
    reasons: list[str] = []
    checks: list[tuple[str, tuple[Any, ...], Callable[[Any], bool]]] = [
        ("type", watchlist.types, lambda t: matches(rec, EventFilter(type=t))),
        ("pair", watchlist.pairs, lambda p: matches(rec, EventFilter(pair=p))),
        ("country", watchlist.countries, lambda c: matches(rec, EventFilter(country=c))),
        ("actor", watchlist.actors, lambda a: matches(rec, EventFilter(actor=a))),
        ("topic", watchlist.topics, lambda t: matches(rec, EventFilter(topic=t))),
    ]
    for label, values, test in checks:
        if not values:
            continue
        hit = next((v for v in values if test(v)), None)
        if hit is None:
            return []
        reasons.append(f"{label} {','.join(hit) if isinstance(hit, tuple) else hit}")
    if watchlist.keywords:
        word = _keyword_in_record(rec, watchlist.keywords)
        if word is None and keyword_hits is not None and rec["id"] in keyword_hits:
            word = "/".join(watchlist.keywords)
        if word is None:
            return []
        reasons.append(f"keyword {word}")
    if watchlist.since and not matches(rec, EventFilter(since=watchlist.since)):
        return []
    return reasons


def _keyword_in_record(rec: dict[str, Any], keywords: tuple[str, ...]) -> str | None:
    haystack = " \n ".join(_record_texts(rec)).casefold()
    for keyword in keywords:
        if _keyword_pattern(keyword).search(haystack):
            return keyword
    return None


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    """The keyword as a whole word or phrase (case-insensitive); a trailing * allows any ending."""
    stem = keyword.casefold().rstrip("*")
    tail = r"\w*" if keyword.endswith("*") else r"(?!\w)"
    return re.compile(r"(?<!\w)" + re.escape(stem) + tail)


def _record_texts(rec: dict[str, Any]) -> list[str]:
    texts = [str(rec.get("label") or "")]
    for actor in rec.get("actors") or []:
        texts.extend(str(actor.get(k) or "") for k in ("name", "mention", "role"))
    location = rec.get("location") or {}
    texts.append(str(location.get("name") or ""))
    texts.extend(str(t).replace("_", " ") for t in rec.get("topics") or [])
    texts.append(json.dumps(rec.get("agreements") or [], ensure_ascii=False))
    for source in rec.get("sources") or []:
        texts.extend(str(e.get("text") or "") for e in source.get("evidence") or [])
    return texts


# -- fingerprints -----------------------------------------------------------------------------------


def material(rec: dict[str, Any]) -> dict[str, Any]:
    """The fields whose change is worth a new alert."""
    date = rec.get("date") or {}
    return {
        "type": rec.get("type"),
        "status": rec.get("status"),
        "date": [date.get("start"), date.get("end")],
        "location_country": (rec.get("location") or {}).get("country"),
        "langs": sorted({str(s.get("lang")) for s in rec.get("sources") or [] if s.get("lang")}),
    }


def fingerprint(rec: dict[str, Any]) -> str:
    text = json.dumps(material(rec), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def changed_fields(old_material: str | None, rec: dict[str, Any]) -> list[str]:
    if not old_material:
        return []
    old = json.loads(old_material)
    new = material(rec)
    return [k for k in new if old.get(k) != new[k]]


# -- evaluation -------------------------------------------------------------------------------------


def store_watermark(engine: Engine, watchlists: list[Watchlist]) -> str:
    """Changes when documents are ingested, events corrected, or the watchlists edited."""
    lists = hashlib.sha256(repr(watchlists).encode()).hexdigest()[:12]
    return f"{change_mark(engine)}:{lists}"


def evaluate_alerts(engine: Engine, watchlists: list[Watchlist], echo: Echo, report: Echo, now: float,
                    force: bool = False) -> AlertStats:
    """Deliver the alerts that are due. Skipped when nothing changed since the last complete evaluation."""
    stats = AlertStats()
    if not watchlists:
        return stats
    mark = store_watermark(engine, watchlists)
    if not force and state.get_meta(engine, WATERMARK_KEY) == mark:
        return stats
    stats.evaluated = True
    records = query_events(engine)
    for watchlist in watchlists:
        hits = _keyword_hits(engine, watchlist)
        sent = state.sent_fingerprints(engine, watchlist.name)
        for rec in records:
            reasons = matched_criteria(rec, watchlist, hits)
            if reasons:
                _alert_if_due(engine, watchlist, rec, reasons, sent, stats, echo, report, now)
    if not stats.failed:
        state.set_meta(engine, WATERMARK_KEY, mark)
    return stats


def _keyword_hits(engine: Engine, watchlist: Watchlist) -> set[str]:
    ids: set[str] = set()
    for keyword in watchlist.keywords:
        ids.update(r["id"] for r in query_events(engine, EventFilter(text=keyword.rstrip("*"))))
    return ids


def _alert_if_due(engine: Engine, watchlist: Watchlist, rec: dict[str, Any], reasons: list[str],
                  sent: dict[tuple[str, str], tuple[str, str | None]], stats: AlertStats, echo: Echo, report: Echo,
                  now: float) -> None:
    fp = fingerprint(rec)
    for channel in watchlist.deliver.channels:
        previous = sent.get((rec["id"], channel))
        if previous is not None and previous[0] == fp:
            continue
        payload = alert_payload(watchlist, rec, reasons, previous[1] if previous else None, now)
        try:
            deliver(channel, watchlist.deliver, payload, echo)
        except AlertDeliveryError as error:
            stats.failed += 1
            report(f"watchlist {watchlist.name}: {channel} delivery failed ({error}); will retry")
            continue
        state.record_sent(engine, watchlist.name, rec["id"], channel, fp,
                          json.dumps(material(rec), sort_keys=True, ensure_ascii=False), now)
        stats.sent += 1
        stats.alerts.append(payload)


def alert_payload(watchlist: Watchlist, rec: dict[str, Any], reasons: list[str], old_material: str | None,
                  now: float) -> dict[str, Any]:
    return {
        "alert": ALERT_FORMAT,
        "watchlist": watchlist.name,
        "reason": "changed" if old_material else "new",
        "changed": changed_fields(old_material, rec),
        "summary": summary(rec),
        "matched": reasons,
        "urls": [str(s["doc"]) for s in rec.get("sources") or [] if str(s.get("doc", "")).startswith("http")],
        "event": rec,
        "sent_at": state.iso(now).replace("+00:00", "Z"),
    }


def summary(rec: dict[str, Any]) -> str:
    date = rec.get("date") or {}
    when = (date.get("start") or "undated") + (f"..{date['end']}" if date.get("end") else "")
    actors = "; ".join(str(a.get("name")) for a in rec.get("actors") or [])
    loc = rec.get("location") or {}
    where = ", ".join(str(x) for x in (loc.get("name"), loc.get("country")) if x)
    return f"{rec.get('type')} {when} {actors}" + (f" ({where})" if where else "") + f": {rec.get('label') or ''}"


# -- delivery ---------------------------------------------------------------------------------------


class AlertDeliveryError(Exception):
    pass


def deliver(channel: str, target: Delivery, payload: dict[str, Any], echo: Echo) -> None:
    if channel == "console":
        changed = f" ({', '.join(payload['changed'])} changed)" if payload["changed"] else ""
        echo(f"ALERT [{payload['watchlist']}] {payload['reason']}{changed}: {payload['event']['id']} "
             f"{payload['summary']}")
    elif channel == "jsonl" and target.jsonl:
        _append_jsonl(Path(target.jsonl), payload)
    elif channel == "webhook" and target.webhook:
        _post_webhook(target.webhook, payload)


def _append_jsonl(path: Path, payload: dict[str, Any]) -> None:
    try:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(payload, ensure_ascii=False) + "\n")
    except OSError as error:
        raise AlertDeliveryError(f"{path}: {error.strerror or error}") from None


def _post_webhook(url: str, payload: dict[str, Any]) -> None:
    """The webhook is the user's own configuration, so (unlike article links) private addresses are allowed."""
    try:
        response = httpx.post(url, json=payload, timeout=WEBHOOK_TIMEOUT, headers={"User-Agent": USER_AGENT})
    except httpx.HTTPError as error:
        raise AlertDeliveryError(f"{url}: {type(error).__name__}: {error}") from None
    if not response.is_success:
        raise AlertDeliveryError(f"{url}: HTTP {response.status_code}")
