"""Where: a place named in the trigger's window, a visit's destination, the story's running place.

The running place follows the story: the dateline city, places named in the text, and the
destinations of visits ("in the framework of the visit to Russia…" puts what follows in Russia).
Phone calls have no place; background events keep only a place of their own.
"""

from __future__ import annotations

from collections.abc import Sequence

from communique.document import Document, Mention
from communique.events.candidates import Candidate
from communique.events.participants import Draft, is_adjective


def location_of(m: Mention) -> dict[str, object]:
    """The location object of an event record (a country names no city)."""
    name = None if m.kind == "country" else m.name
    return {"name": name, "country": m.country, "evidence": m.text}


def _own_place(draft: Draft) -> Mention | None:
    if draft.destination is not None:
        return draft.destination
    trig = draft.cand.trigger
    places = draft.cand.places
    if not places:
        return None
    return min(places, key=lambda p: trig.start - p.end if p.end <= trig.start else p.start - trig.end)


def _story_places(doc: Document, drafts: Sequence[Draft], candidates: Sequence[Candidate]) -> list[Mention]:
    """Places that move the story, in text order: named places, destinations of current visits,
    and the destination of a visit that frames the story ("in the framework of the visit to Russia")."""
    places = [m for m in doc.mentions if m.kind == "location" and m.country]
    places += [d.destination for d in drafts
               if d.mode == "visit" and d.destination is not None and not d.background]
    for cand in candidates:
        if cand.trigger.mode == "visit" and cand.framing:
            places += [m for m in cand.objects[:2] if m.kind == "country" and not is_adjective(m)][:1]
    return sorted(places, key=lambda m: m.start)


def assign_locations(doc: Document, drafts: Sequence[Draft], candidates: Sequence[Candidate]) -> None:
    story = _story_places(doc, drafts, candidates)
    for draft in drafts:
        own = _own_place(draft)
        if own is None and not draft.background and draft.mode != "phone":
            own = _running(story, draft.start)
        if own is not None and own.country:
            draft.location, draft.location_mention = location_of(own), own


def _running(story: Sequence[Mention], offset: int) -> Mention | None:
    """The last story place before `offset`, else the first one after it (a headline precedes its dateline)."""
    before = [m for m in story if m.start < offset]
    if before:
        return before[-1]
    return story[0] if story else None
