"""One event per real-world event within an article.

The headline, the lead and "During the talks…" describe the same meeting: a draft joins the most
recent earlier event of the same type and mode family whose date is compatible and whose
participants include its own (or are included in them). Meetings with different counterparts
(the Putin meeting and the Lavrov talks of the same day) never join.
"""

from __future__ import annotations

from collections.abc import Sequence

from communique.events.dating import compatible
from communique.events.participants import Draft, unique

MODE_FAMILIES = {"meet": "meet", "host": "meet", None: "meet", "visit": "visit", "phone": "phone",
                 "multilateral": "multilateral", "third-party": "third-party"}


# Words in a signing trigger's label that make it a formal act, not a verbal "they agreed to…".
FORMAL_AGREE = ("sign", "statement", "memorand", "document", "treaty", "protocol", "declaration", "exchange",
                "adopt", "conclu", "ratif")


def is_formal_agreement(d: Draft) -> bool:
    return any(word in d.label.lower() for word in FORMAL_AGREE)


def family(draft: Draft) -> str:
    """Drafts of one family may be one event: meetings and receptions; a signing and an exchange of documents."""
    if draft.type == "AGREE":
        return "formal" if is_formal_agreement(draft) else "verbal"
    return MODE_FAMILIES.get(draft.mode, draft.mode or "meet")


def same_participants(a: Draft, b: Draft) -> bool:
    """One side's participants are all among the other's (countries stand for their people)."""
    ia, ib = a.core_ids(), b.core_ids()
    if ia <= ib or ib <= ia:
        return True
    ca = {m.country for m in a.actors if m.country}
    cb = {m.country for m in b.actors if m.country}
    return bool((_impersonal(a) and ca and ca <= cb) or (_impersonal(b) and cb and cb <= ca))


def _impersonal(d: Draft) -> bool:
    """Only countries and bodies of a country ("the foreign ministries of Estonia and Finland", as a headline
    says it): they stand for the people of those countries that the text names elsewhere."""
    return all(m.kind == "country" or (m.kind == "organization" and m.country) for m in d.actors)


def can_join(a: Draft, b: Draft) -> bool:
    return (a.type == b.type and family(a) == family(b) and a.background == b.background
            and compatible(a.date, b.date) and same_participants(a, b))


def coalesce(drafts: Sequence[Draft]) -> list[Draft]:
    kept: list[Draft] = []
    for draft in drafts:
        target = next((k for k in reversed(kept) if can_join(k, draft)), None)
        if target is None:
            kept.append(draft)
        else:
            absorb(target, draft)
    return kept


def absorb(target: Draft, other: Draft) -> None:
    """Fold `other` into `target`: participants, evidence, and what target lacks."""
    target.absorbed.append(other)
    target.actors = unique([*target.actors, *other.actors])
    if target.date is None or (not target.own_date and other.own_date):
        target.date, target.date_timex, target.own_date = other.date, other.date_timex, other.own_date
    if target.location is None and other.location is not None:
        target.location, target.location_mention = other.location, other.location_mention
    if target.destination is None:
        target.destination = other.destination
    if other.weight > target.weight and other.mode == target.mode:
        target.label, target.weight = other.label, other.weight
