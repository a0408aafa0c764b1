"""What the pipeline knows about one actor mention beside one event candidate: the participant model's features.

Every feature is computed by the pipeline itself and carries across languages: the mention's kind, whether
the knowledge base knows it, its title, the case marker the language's grammar cues give it, where it stands
against the trigger, quotes and content clauses, and what the hand-written rules decided. Nothing here is
per language: the language data (`participants`, `discourse` sections) supplies the cues.

    mention_features(doc, cand, actors, chosen) -> one {name: value} per actor mention of the candidate's sentence
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from communique.actors.kb import load_kb
from communique.document import Document, Mention
from communique.events import discourse, sides
from communique.events.candidates import (
    ACTOR_KINDS,
    Candidate,
    is_adjective,
    lexicon_triggers,
    quoted,
    sentence_candidates,
    title_countries,
)
from communique.events.lexicon import lexicon
from communique.models.events import SentenceLabel

NON_POLITICAL_ORGS = frozenset({"company", "media", "other"})
MAX_ACTORS = 6  # counts above this say nothing more
NEXT_NAME_GAP = 12  # characters between a country and a person's name that can hold a short title ("of", "wa")


def candidate_for(doc: Document, event_type: str) -> Candidate | None:
    """The candidate the events stage makes for an event of `event_type` in the document's longest sentence
    (the first, where several triggers of the type stand in it): for labelled sentences, whose type is known."""
    if not doc.sentences:
        return None
    lex = lexicon(doc.lang)
    mentions = sorted(doc.mentions, key=lambda m: (m.start, -m.end))
    starts = [m.start for m in mentions]
    sentence = max(doc.sentences, key=lambda s: s.end - s.start)
    label = SentenceLabel({event_type: 1.0}, {}, {}, {}, 0.0)
    lexical = lexicon_triggers(doc, lex, sentence, mentions, starts)
    made = sentence_candidates(doc, lex, sentence, label, {event_type: 1.0}, lexical, (mentions, starts))
    return min(made, key=lambda c: c.trigger.start) if made else None


def sentence_actors(doc: Document, cand: Candidate) -> list[Mention]:
    """The actor mentions of the candidate's sentence, in text order (the ones the model decides on)."""
    s = cand.sentence
    found = [m for m in doc.mentions if m.kind in ACTOR_KINDS and s.start <= m.start and m.end <= s.end]
    return sorted(found, key=lambda m: (m.start, -m.end))


def rule_side(cand: Candidate, m: Mention) -> str:
    """What the hand-written rules made of the mention: subject, object, excluded or unused."""
    if any(x is m for x in cand.subject):
        return "subject"
    if any(x is m for x in cand.objects):
        return "object"
    if any(x is m for x in cand.excluded):
        return "excluded"
    return "unused"


def mention_features(doc: Document, cand: Candidate, actors: Sequence[Mention],
                     chosen: set[str] | None = None) -> list[dict[str, float]]:
    """Features of each mention in `actors` (the candidate's sentence actors, text order).

    `chosen`: entity ids the rules' drafts kept as participants (None: not known)."""
    text, trig = doc.text, cand.trigger
    c = sides.cues(cand.lang or doc.lang)
    titles = title_countries(text, list(actors))
    role_spans = [m.role_span for m in actors if m.kind == "person" and m.role_span is not None]
    groups = sides.chunks(text, actors, c)
    group_of = {id(m): i for i, g in enumerate(groups) for m in g}
    complementizers = discourse.find(cand.lang or doc.lang, "complementizer", text, cand.sentence.start,
                                     cand.sentence.end)
    kb = load_kb()
    n = len(actors)
    persons = min(sum(m.kind == "person" for m in actors), 2)
    span = max(cand.sentence.end - cand.sentence.start, 1)
    out = []
    for i, m in enumerate(actors):
        lo = actors[i - 1].end if i else cand.sentence.start
        hi = actors[i + 1].start if i + 1 < n else cand.sentence.end
        marker = sides.marker_of(text, m, lo, hi, c) or "none"
        marker = "with" if marker == "together" else marker  # the model was trained before the two were told apart
        entity = kb.entities.get(m.entity_id)
        before = m.end <= trig.start
        after = m.start >= trig.end
        position = "before" if before else "after" if after else "inside"
        distance = (trig.start - m.end) if before else (m.start - trig.end) if after else 0
        f: dict[str, float] = {
            f"kind={m.kind}": 1.0,
            "kb_known": float(entity is not None),
            "political": float(_political(m, entity)),
            "has_role": float(bool(m.role)),
            "in_title": float(any(t.start <= m.start and m.end <= t.end for t in titles)
                              or any(rs.contains(m.span) for rs in role_spans if m.kind != "person")),
            f"marker={marker}": 1.0,
            f"position={position}": 1.0,
            f"kind={m.kind}&position={position}": 1.0,
            f"marker={marker}&position={position}": 1.0,
            "log_distance": math.log1p(max(distance, 0)) / 5.0,
            "chunk_index": min(group_of.get(id(m), 0), 4) / 4.0,
            "first_chunk": float(group_of.get(id(m), 0) == 0),
            "quoted": float(quoted(text, cand.sentence.start, m.start)),
            "after_complementizer": float(any(e <= m.start and s >= trig.end for s, e in complementizers)),
            "before_last_complementizer": float(any(m.end <= s and e <= trig.start for s, e in complementizers)),
            "adjective": float(is_adjective(m)),
            "envoy_sender": float(any(x is m for x in cand.excluded) and m.kind == "person"),
            "actors": min(n, MAX_ACTORS) / MAX_ACTORS,
            "same_entity_earlier": float(any(a.entity_id == m.entity_id for a in actors[:i])),
            "first_actor": float(i == 0),
            "trigger_noun": float(trig.noun),
            "model_only": float(cand.model_only),
            f"verb={c.verb}": 1.0,
            f"type={trig.type}": 1.0,
            f"type={trig.type}&position={position}": 1.0,
            f"rules={rule_side(cand, m)}": 1.0,
            f"rules={rule_side(cand, m)}&kind={m.kind}": 1.0,
            "bias": 1.0,
            f"persons={persons}&kind={m.kind}": 1.0,
            "relative_start": (m.start - cand.sentence.start) / span,
            "mentions_of_entity": min(sum(a.entity_id == m.entity_id for a in actors), 3) / 3.0,
            "person_right_after": float(i + 1 < n and actors[i + 1].kind == "person"
                                        and actors[i + 1].start - m.end <= NEXT_NAME_GAP),
            "person_right_before": float(i > 0 and actors[i - 1].kind == "person"
                                         and m.start - actors[i - 1].end <= NEXT_NAME_GAP),
        }
        if chosen is not None:
            kept = m.entity_id in chosen and rule_side(cand, m) in ("subject", "object")
            f["rules_kept"] = float(kept)
            f[f"rules_kept={kept}&kind={m.kind}"] = 1.0
            f["entity_kept"] = float(m.entity_id in chosen)
        out.append(f)
    return out


def _political(m: Mention, entity: object | None) -> bool:
    if m.kind == "country":
        return True
    kind = getattr(entity, "type", None)
    if m.kind == "organization":
        return entity is not None and kind not in NON_POLITICAL_ORGS
    return entity is not None or bool(m.role)



