"""The merged record: one event in the contract form with the sources of every member report."""

from __future__ import annotations

from collections import Counter
from typing import Any

from communique.merge.keys import parse_date

_PRECISION_RANK = {"day": 4, "range": 3, "month": 2, "year": 1}


def combine(members: list[dict[str, Any]], merged_id: str) -> dict[str, Any]:
    """Merge member records (ordered oldest first) into one; ties go to the earliest member."""
    if not members:
        raise ValueError("a merged event needs at least one member")
    first = members[0]
    return {
        "id": merged_id,
        "type": first["type"],
        "mode": _vote([m.get("mode") for m in members]),
        "label": _vote([m.get("label") for m in members]) or first.get("label"),
        "status": _vote([m.get("status") for m in members]) or "occurred",
        "background": all(bool(m.get("background")) for m in members),
        "date": _best_date(members),
        "location": _best_location(members),
        "actors": _union_actors(members),
        "topics": sorted({t for m in members for t in (m.get("topics") or [])}),
        "agreements": _union_agreements(members),
        "sources": [s for m in members for s in (m.get("sources") or [])],
        "confidence": _confidence(members),
        "members": [m["id"] for m in members],
    }


def _vote(values: list[Any]) -> Any:
    """The most common non-empty value; the earliest wins a tie."""
    present = [v for v in values if v not in (None, "")]
    if not present:
        return None
    counts = Counter(present)
    best = max(counts.values())
    return next(v for v in present if counts[v] == best)


def _best_date(members: list[dict[str, Any]]) -> dict[str, Any]:
    """The most precise date, by vote among the equally precise ones."""
    dates = [m.get("date") or {} for m in members]
    known = [d for d in dates if d.get("start") and parse_date(d["start"], None) is not None]
    if not known:
        known = [d for d in dates if d.get("start")]
    if not known:
        return {"start": None, "end": None, "precision": None}
    top = max(_PRECISION_RANK.get(d.get("precision") or "", 0) for d in known)
    precise = [d for d in known if _PRECISION_RANK.get(d.get("precision") or "", 0) == top]
    chosen = _vote([(d.get("start"), d.get("end"), d.get("precision")) for d in precise])
    return {"start": chosen[0], "end": chosen[1], "precision": chosen[2]}


def _best_location(members: list[dict[str, Any]]) -> dict[str, Any]:
    locations = [m.get("location") or {} for m in members]
    named = [loc for loc in locations if loc.get("name")]
    pool = named or [loc for loc in locations if loc.get("country")]
    if not pool:
        return {"name": None, "country": None, "evidence": None}
    key = _vote([(loc.get("name"), loc.get("country")) for loc in pool])
    chosen = next(loc for loc in pool if (loc.get("name"), loc.get("country")) == key)
    return dict(chosen)


def _union_actors(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every participant once, by id; a role or country missing in one report is taken from another."""
    by_id: dict[str, dict[str, Any]] = {}
    for m in members:
        for actor in m.get("actors") or []:
            key = str(actor.get("id") or actor.get("name"))
            if key not in by_id:
                by_id[key] = dict(actor)
                continue
            kept = by_id[key]
            for fld in ("role", "country", "name"):
                if not kept.get(fld) and actor.get(fld):
                    kept[fld] = actor[fld]
    return list(by_id.values())


def _union_agreements(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_kind: dict[str, dict[str, Any]] = {}
    for m in members:
        for agreement in m.get("agreements") or []:
            kind = str(agreement.get("kind"))
            kept = by_kind.get(kind)
            if kept is None or (agreement.get("count") or 0) > (kept.get("count") or 0):
                by_kind[kind] = dict(agreement)
    return list(by_kind.values())


def _confidence(members: list[dict[str, Any]]) -> float:
    """Independent reports confirm each other: 1 - prod(1 - c)."""
    miss = 1.0
    for m in members:
        miss *= 1.0 - min(max(float(m.get("confidence") or 0.0), 0.0), 1.0)
    return round(1.0 - miss, 3)
