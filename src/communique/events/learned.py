"""Participants from the learned model (`models.participants`), where it does better than the grammar rules.

The rules (`sides.py`, `participants.drafts_for`) split a candidate's mentions into subject and object sides
from the language's case markers and the trigger's position. Where they keep fewer than two parties, the
event would be dropped (`build.worth_reporting`): often because no cue covers the sentence's shape or language.
There the model decides, for every actor mention of the sentence, whether it is a source, a target or no
participant; its features include what the rules decided (see `events.cues`), and the drafts are made again
from its sides by the same `drafts_for`. Measured on held-out labelled sentences and on dev-pages:
docs/models.md.
"""

from __future__ import annotations

import dataclasses

from communique.document import Document, Mention
from communique.events import cues
from communique.events.candidates import Candidate, statement_bounds
from communique.events.participants import JOINT_TYPES, Draft, country_of, drafts_for
from communique.models.participants import participant_probabilities

# Which candidates the model decides for: "backing" (the rules' drafts have fewer than two parties, so the
# event would be dropped), "model_only" (no lexicon trigger), "all", or "none" (rules only). On dev-pages
# (2026-12-05, whole designs compared, docs/models.md): rules only F1 0.349, backing 0.352, model_only 0.329.
SCOPE = "backing"
# A participant: p(none) below this and below the likelier side (at 0.5: the model's own best class;
# a stricter 0.35 scored lower on dev-pages, 0.347).
NONE_BELOW = 0.5


def decides(cand: Candidate, made: list[Draft]) -> bool:
    """Whether the model's sides replace the rules' for this candidate (`made`: the rules' drafts)."""
    if SCOPE == "backing":
        return all(d.parties() < 2 for d in made)
    return SCOPE == "all" or (SCOPE == "model_only" and cand.model_only)


def learned_drafts(doc: Document, cand: Candidate, made: list[Draft], hero: Mention | None,
                   previous: Draft | None) -> list[Draft]:
    """The drafts of `cand` with the model's sides instead of the rules' (`made`: the rules' drafts)."""
    actors = cues.sentence_actors(doc, cand)
    if len(actors) < 2:
        return made
    chosen = {m.entity_id for d in made for m in d.actors}
    probs = participant_probabilities(cues.mention_features(doc, cand, actors, chosen))
    # The model picks among the candidate's own window; who the rules excluded for a reason they know (an
    # envoy's sender, a country inside a title) stays out.
    excluded = {id(m) for m in cand.excluded}
    # who is talked about in what was said is no side of a meeting ("X affirmed that Vietnam is a partner"); of
    # an accusation, a demand or a threat it is often the target ("NATO noted that China enables the war")
    lo, hi = (statement_bounds(doc, cand, within_trigger=cand.model_only) if cand.trigger.type in JOINT_TYPES
              else (cand.window.start, cand.window.end))
    inside = [(m, p) for m, p in zip(actors, probs, strict=True)
              if max(cand.window.start, lo) <= m.start and m.end <= min(cand.window.end, hi)
              and id(m) not in excluded]
    kept = [(m, p) for m, p in inside if p["none"] < min(NONE_BELOW, max(p["source"], p["target"]))]
    subject = [m for m, p in kept if p["source"] >= p["target"]]
    objects = [m for m, p in kept if p["source"] < p["target"]]
    if not subject and not objects:
        return made
    drafts = drafts_for(doc.text, dataclasses.replace(cand, subject=subject, objects=objects), hero, previous)
    for d in drafts:
        _drop_own_countries(d)
    # Only an event that can stand: a one-sided draft would not be reported, but it would still be merged
    # into another event of the same people.
    return drafts if drafts and all(d.parties() >= 2 for d in drafts) else made


def _drop_own_countries(d: Draft) -> None:
    """A country beside one of its own people or bodies is no other side (`Draft.parties`); where the model
    chose the sides, it is not listed either ("relations between Vietnam and Russia" after a meeting of a
    Vietnamese and a Russian official)."""
    own = {country_of(m) for m in d.actors if m.kind != "country"} - {None}
    d.actors = [m for m in d.actors if m.kind != "country" or m.country not in own]


