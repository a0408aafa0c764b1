"""Corrections: people's decisions about events and actors, kept apart from extracted data.

A correction is a row with who, when, what and the old value (the audit trail). It names a merged
event by id, and also records the reports it was made on (the anchor), so that when reprocessing
gives the event another id the correction finds it again. Corrections are applied on top of the
extracted records at query and export time, in the order they were made (the latest wins).
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from communique.merge.keys import parse_date
from communique.store.db import StoreError, writing
from communique.store.derived import actor_key
from communique.store.schema import corrections, event_actor, events, merged_events, merged_index

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
STATUSES = ("occurred", "planned", "agreed_to", "denied")
EVENT_FIELDS = ("date", "type", "mode", "status", "location", "label", "topics", "background", "confidence")
_NULLS = ("", "none", "null", "-")


class CorrectionError(StoreError):
    def __init__(self, message: str) -> None:
        super().__init__(message, usage=True)


def parse_assignment(assignment: str) -> tuple[str, Any]:
    """`field=value` from the command line -> (field, value in record form); raises CorrectionError."""
    name, sep, raw = assignment.partition("=")
    name, raw = name.strip().lower(), raw.strip()
    if not sep or name not in EVENT_FIELDS:
        raise CorrectionError(f"--set {assignment!r}: expected FIELD=VALUE with FIELD one of {', '.join(EVENT_FIELDS)}")
    parser = _PARSERS[name]
    try:
        return name, parser(raw)
    except ValueError as error:
        raise CorrectionError(f"--set {assignment!r}: {error}") from None


def _parse_date(raw: str) -> dict[str, Any]:
    start, _, end = raw.partition("..")
    for part in filter(None, (start, end)):
        if parse_date(part, dt.date.today()) is None:
            raise ValueError("expected a date like 2025-02-21, 2025-02, 2025 or 2025-02-20..2025-02-23")
    if end:
        return {"start": start, "end": end, "precision": "range"}
    precision = {3: "day", 2: "month", 1: "year"}[len(start.split("-"))] if not start.startswith("--") else "day"
    return {"start": start, "end": None, "precision": precision}


def _parse_type(raw: str) -> str:
    if raw.upper() not in PLOVER_TYPES:
        raise ValueError(f"unknown PLOVER type; expected one of {', '.join(PLOVER_TYPES)}")
    return raw.upper()


def _parse_status(raw: str) -> str:
    if raw.lower() not in STATUSES:
        raise ValueError(f"expected one of {', '.join(STATUSES)}")
    return raw.lower()


def _parse_location(raw: str) -> dict[str, Any]:
    """`Hanoi`, `Hanoi, VN` or `VN`."""
    if raw.lower() in _NULLS:
        return {"name": None, "country": None, "evidence": None}
    name, _, country = raw.rpartition(",")
    if not name and re.fullmatch(r"[A-Za-z]{2}", raw):
        return {"name": None, "country": raw.upper(), "evidence": None}
    if name and re.fullmatch(r"\s*[A-Za-z]{2}\s*", country):
        return {"name": name.strip(), "country": country.strip().upper(), "evidence": None}
    return {"name": raw, "country": None, "evidence": None}


def _parse_bool(raw: str) -> bool:
    if raw.lower() in ("true", "yes", "1"):
        return True
    if raw.lower() in ("false", "no", "0"):
        return False
    raise ValueError("expected true or false")


def _parse_confidence(raw: str) -> float:
    value = float(raw)
    if not 0.0 <= value <= 1.0:
        raise ValueError("expected a number from 0 to 1")
    return value


_PARSERS: dict[str, Any] = {
    "date": _parse_date, "type": _parse_type, "status": _parse_status, "location": _parse_location,
    "mode": lambda raw: None if raw.lower() in _NULLS else raw.lower(),
    "label": lambda raw: raw,
    "topics": lambda raw: sorted({t.strip() for t in raw.split(",") if t.strip()}),
    "background": _parse_bool, "confidence": _parse_confidence,
}


def default_author(by: str | None) -> str:
    return by or os.environ.get("USER") or _login_name()


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user database (containers): still record something
        return "unknown"


@dataclass(slots=True)
class Corrections:
    """All active corrections, ready to apply: by merged event id, actor aliases and renames."""

    by_event: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    alias: dict[str, str] = field(default_factory=dict)  # absorbed actor id -> kept actor id
    renamed: dict[str, str] = field(default_factory=dict)  # actor id -> name
    actor_names: dict[str, str] = field(default_factory=dict)  # kept actor id -> its stored name
    # Events where an actor merge folds two participants into one: their corrected record has one actor (and
    # perhaps one country) fewer than the derived tables, which hold extracted data, so they are matched on the
    # corrected record like events with corrections.
    collapsed: set[str] = field(default_factory=set)

    @property
    def event_ids(self) -> list[str]:
        return sorted(set(self.by_event) | self.collapsed)

    @property
    def touches_actors(self) -> bool:
        return bool(self.alias or self.renamed)

    def actor_id(self, actor_id: str) -> str:
        seen = {actor_id}
        while actor_id in self.alias and self.alias[actor_id] not in seen:
            actor_id = self.alias[actor_id]
            seen.add(actor_id)
        return actor_id

    def is_rejected(self, merged_id: str) -> bool:
        rejected = False
        for c in self.by_event.get(merged_id, []):
            if c["field"] == "rejected":
                rejected = bool(c["value"])
        return rejected

    def apply(self, record: dict[str, Any]) -> dict[str, Any]:
        """The record with event corrections (in order) and actor merges/renames applied."""
        out = dict(record)
        applied = []
        for c in self.by_event.get(record["id"], []):
            if c["field"] == "rejected":
                out["rejected"] = bool(c["value"])
            else:
                out[c["field"]] = c["value"]
            applied.append({"field": c["field"], "value": c["value"], "old": c["old_value"], "by": c["by"],
                            "at": c["at"]})
        if applied:
            out["corrections"] = applied
        if self.touches_actors:
            out["actors"] = self._actors(out.get("actors") or [])
        return out

    def _actors(self, actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
        kept: dict[str, dict[str, Any]] = {}
        for actor in actors:
            new = dict(actor)
            original = str(actor.get("id"))
            new["id"] = self.actor_id(original)
            if new["id"] != original:
                new["name"] = self.actor_names.get(new["id"], new.get("name"))
            if new["id"] in self.renamed:
                new["name"] = self.renamed[new["id"]]
            kept.setdefault(new["id"], new)
        return list(kept.values())


def load_corrections(conn: Connection) -> Corrections:
    rows = conn.execute(select(corrections).where(corrections.c.active.is_(True)).order_by(corrections.c.id)).all()
    result = Corrections()
    existing = _existing_merged(conn, sorted({r.target_id for r in rows if r.target_kind == "event"}))
    for r in rows:
        value = json.loads(r.value) if r.value is not None else None
        if r.target_kind == "actor":
            if r.field == "merged_into":
                result.alias[r.target_id] = str(value)
            elif r.field == "name":
                result.renamed[r.target_id] = str(value)
            continue
        target = r.target_id if r.target_id in existing else _find_again(conn, r.anchor)
        if target is None:
            continue  # the event is gone (its reports were removed): the correction waits in the trail
        result.by_event.setdefault(target, []).append(
            {"field": r.field, "value": value, "old_value": json.loads(r.old_value) if r.old_value else None,
             "by": r.by, "at": r.at})
    result.collapsed = _collapsed_events(conn, result)
    for kept in set(result.alias.values()):
        name = conn.execute(select(event_actor.c.name).where(event_actor.c.actor_id == kept).limit(1)).scalar()
        if name:
            result.actor_names[kept] = name
    return result


def _collapsed_events(conn: Connection, corr: Corrections) -> set[str]:
    """Merged events that hold two actor ids which the actor merges make one."""
    groups: dict[str, set[str]] = {}
    for absorbed in corr.alias:
        final = corr.actor_id(absorbed)
        groups.setdefault(final, {final}).add(absorbed)
    out: set[str] = set()
    for ids in groups.values():
        keys = sorted(actor_key(i) for i in ids)
        found = conn.execute(select(merged_index.c.merged_id).where(merged_index.c.key.in_(keys))
                             .group_by(merged_index.c.merged_id)
                             .having(func.count(func.distinct(merged_index.c.key)) > 1))
        out.update(str(i) for i in found.scalars())
    return out


def _existing_merged(conn: Connection, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    return set(conn.execute(select(merged_events.c.id).where(merged_events.c.id.in_(ids))).scalars())


def _find_again(conn: Connection, anchor_json: str | None) -> str | None:
    """After reprocessing changed ids: the merged event holding the same documents' reports of that event."""
    if not anchor_json:
        return None
    votes: Counter[str] = Counter()
    for member in json.loads(anchor_json):
        rows = conn.execute(select(events.c.id, events.c.merged_id, events.c.record)
                            .where(events.c.doc_id == member["doc"], events.c.type == member["type"])).all()
        wanted = set(member.get("actors") or [])
        best = max(rows, default=None,
                   key=lambda r: (len(wanted & {a.get("id") for a in json.loads(r.record).get("actors") or []}), r.id))
        if best is not None and best.merged_id:
            votes[best.merged_id] += 1
    return min(votes, key=lambda k: (-votes[k], k)) if votes else None


def resolve_event_id(conn: Connection, event_id: str) -> str | None:
    """A merged event id, or the id of one report (per-document event) -> the merged event id."""
    if conn.execute(select(merged_events.c.id).where(merged_events.c.id == event_id)).first():
        return event_id
    return conn.execute(select(events.c.merged_id).where(events.c.id == event_id)).scalar()


def correct_event(engine: Engine, event_id: str, assignments: list[tuple[str, Any]], reject: bool,
                  by: str | None = None, note: str | None = None) -> str:
    """Record corrections of one event; returns the merged event id they apply to."""
    if not assignments and not reject:
        raise CorrectionError("nothing to correct: give --set FIELD=VALUE or --reject")
    with writing(engine) as conn:
        merged_id = resolve_event_id(conn, event_id)
        if merged_id is None:
            raise StoreError(f"no event {event_id!r} in the store")
        current = load_corrections(conn).apply(_merged_record(conn, merged_id))
        anchor = _anchor(conn, merged_id)
        changes = list(assignments) + ([("rejected", True)] if reject else [])
        for name, value in changes:
            _insert(conn, "event", merged_id, name, value, current.get(name), by, note, anchor)
    return merged_id


def merge_actors(engine: Engine, keep: str, absorb: str, by: str | None = None, note: str | None = None) -> None:
    """From now on actor `absorb` is shown as `keep` (same id and name) everywhere."""
    if keep == absorb:
        raise CorrectionError("actors merge: the two ids are the same")
    with writing(engine) as conn:
        for actor_id in (keep, absorb):
            _require_actor(conn, actor_id)
        if load_corrections(conn).actor_id(keep) == absorb:
            raise CorrectionError(f"actors merge: {keep} is already merged into {absorb}")
        _insert(conn, "actor", absorb, "merged_into", keep, None, by, note, None)


def rename_actor(engine: Engine, actor_id: str, name: str, by: str | None = None, note: str | None = None) -> None:
    if not name.strip():
        raise CorrectionError("actors rename: the new name is empty")
    with writing(engine) as conn:
        old = _require_actor(conn, actor_id)
        corr = load_corrections(conn)
        _insert(conn, "actor", actor_id, "name", name.strip(), corr.renamed.get(actor_id, old), by, note, None)


def _require_actor(conn: Connection, actor_id: str) -> str:
    name = conn.execute(select(event_actor.c.name).where(event_actor.c.actor_id == actor_id).limit(1)).scalar()
    if name is None:
        raise StoreError(f"no actor {actor_id!r} in the store (see `communique actors`)")
    return str(name)


def _merged_record(conn: Connection, merged_id: str) -> dict[str, Any]:
    raw = conn.execute(select(merged_events.c.record).where(merged_events.c.id == merged_id)).scalar_one()
    return dict(json.loads(raw))


def _anchor(conn: Connection, merged_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(events.c.doc_id, events.c.type, events.c.record)
                        .where(events.c.merged_id == merged_id).order_by(events.c.id)).all()
    return [{"doc": r.doc_id, "type": r.type,
             "actors": sorted(str(a.get("id")) for a in json.loads(r.record).get("actors") or [])} for r in rows]


def _insert(conn: Connection, kind: str, target: str, name: str, value: Any, old: Any, by: str | None,
            note: str | None, anchor: list[dict[str, Any]] | None) -> None:
    conn.execute(insert(corrections).values(
        target_kind=kind, target_id=target, field=name, value=json.dumps(value, ensure_ascii=False),
        old_value=None if old is None else json.dumps(old, ensure_ascii=False), by=default_author(by),
        at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), note=note, anchor=None if anchor is None
        else json.dumps(anchor, ensure_ascii=False), active=True,
    ))


def history(engine: Engine, target_id: str | None = None) -> list[dict[str, Any]]:
    """The audit trail, oldest first."""
    query = select(corrections).order_by(corrections.c.id)
    if target_id:
        query = query.where(corrections.c.target_id == target_id)
    with engine.connect() as conn:
        return [{"id": r.id, "kind": r.target_kind, "target": r.target_id, "field": r.field,
                 "value": json.loads(r.value) if r.value else None,
                 "old": json.loads(r.old_value) if r.old_value else None, "by": r.by, "at": r.at, "note": r.note}
                for r in conn.execute(query)]
