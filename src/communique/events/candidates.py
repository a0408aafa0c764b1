"""Event candidates: a trigger, the stretch of its sentence it governs, and the actors around it.

A sentence can hold several triggers ("…the state visit of X to Vietnam in June, the phone talks of
Y with Z in August and the official trip of W to Russia…"). Each trigger governs a window that runs
from the end of the previous trigger to the start of the next one, so that actors and dates are
attributed to the nearest trigger. Within its window, mentions before a verbal trigger are its
subject side and mentions after it are its object side.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from communique import lang as languages
from communique.document import Document, Mention, Sentence, Span
from communique.events import discourse
from communique.events.lexicon import Lexicon, TriggerMatch

# Mentions that stand for actors (locations are places, handled in place.py).
ACTOR_KINDS = frozenset({"person", "organization", "country"})


@dataclass(slots=True)
class Candidate:
    """One trigger with its window and the mentions it may take as participants."""

    trigger: TriggerMatch
    sentence: Sentence
    window: Span
    subject: list[Mention] = field(default_factory=list)
    objects: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    excluded: list[Mention] = field(default_factory=list)  # senders of envoys, title-internal mentions
    framing: bool = False  # "in the framework of the visit…": context, not an event by itself
    reported: bool = False  # a nominal event inside what someone said: it can only corroborate
    group_subject: bool = False  # "The delegation met…", "Both sides signed…": the protagonist's side
    index: int = 0  # position among all candidates of the document


def mentions_between(mentions: Sequence[Mention], starts: Sequence[int], start: int, end: int) -> list[Mention]:
    """Mentions that lie entirely inside [start, end) (mentions sorted by start)."""
    i = bisect_left(starts, start)
    out = []
    while i < len(mentions) and mentions[i].start < end:
        if mentions[i].end <= end:
            out.append(mentions[i])
        i += 1
    return out


def find_candidates(doc: Document, lex: Lexicon) -> list[Candidate]:
    """Every trigger of the document with its window, in text order."""
    mentions = sorted(doc.mentions, key=lambda m: (m.start, -m.end))
    starts = [m.start for m in mentions]
    candidates: list[Candidate] = []
    for sentence in doc.sentences:
        triggers = _clause_triggers(
            [t for t in lex.find_triggers(doc.text, sentence.start, sentence.end)
             if not _inside_mention(t, mentions, starts) and not _quoted(doc.text, sentence.start, t.start)]
        )
        cuts = _window_cuts(doc.text, sentence, triggers)
        for i, trig in enumerate(triggers):
            window = Span(cuts[i], cuts[i + 1])
            cand = Candidate(trigger=trig, sentence=sentence, window=window, index=len(candidates))
            _attach_mentions(doc, cand, mentions_between(mentions, starts, window.start, window.end), lex)
            if i > 0:
                _share_coordinated_subject(doc.text, candidates[-1], cand)
            candidates.append(cand)
    return candidates


WEAK = 0.5  # a trigger weight below which a noun only echoes an event named nearby ("the delegation")


def _clause_triggers(triggers: list[TriggerMatch]) -> list[TriggerMatch]:
    """Weak nouns echo a trigger near them ("the delegation met…", "…visited, the delegation…");
    they start no event of their own."""
    kept = []
    for i, t in enumerate(triggers):
        weak = t.noun and t.weight < WEAK
        followed = i + 1 < len(triggers) and triggers[i + 1].start - t.end <= 3
        if weak and (i > 0 or followed):
            continue
        kept.append(t)
    return kept


QUOTES = {"«": "»", "„": "“", "“": "”", '"': '"', "‚": "‘"}


def _quoted(text: str, lo: int, offset: int) -> bool:
    """Whether `offset` lies inside a quotation opened earlier in the sentence (a title, a slogan)."""
    depth_open: str | None = None
    for ch in text[lo:offset]:
        if depth_open is None and ch in QUOTES:
            depth_open = ch
        elif depth_open is not None and ch == QUOTES[depth_open]:
            depth_open = None
    return depth_open is not None


def _window_cuts(text: str, sentence: Sentence, triggers: Sequence[TriggerMatch]) -> list[int]:
    """Where each trigger's window starts (and the last one ends).

    Between two triggers, the text belongs to the first one when the second is a noun ("the visit
    of X to Y in June, the phone talks of Z…": a noun's complements follow it); when the second is
    a verb, the clause that holds the second's subject ("…, and X signed") goes to the second.
    """
    cuts = [sentence.start]
    for prev, nxt in zip(triggers, triggers[1:], strict=False):
        if nxt.noun:
            cuts.append(nxt.start)
        else:
            gap = text[prev.end : nxt.start]
            boundary = max(gap.rfind(","), gap.rfind(";"), gap.rfind(":"))
            cuts.append(prev.end + boundary + 1 if boundary >= 0 else prev.end)
    cuts.append(sentence.end)
    return cuts


def _inside_mention(trig: TriggerMatch, mentions: Sequence[Mention], starts: Sequence[int]) -> bool:
    """A trigger word inside a name ("Meeting Street", an organization named "Visit Indonesia") is no trigger."""
    i = bisect_left(starts, trig.start + 1) - 1
    # Names are short: looking back a few mentions is enough.
    for m in mentions[max(0, i - 4) : i + 1]:
        if m.start <= trig.start and trig.end <= m.end and m.kind != "country":
            return True
    return False


def _attach_mentions(doc: Document, cand: Candidate, inside: list[Mention], lex: Lexicon) -> None:
    """Split the window's mentions into subject, objects, places and excluded ones."""
    trig = cand.trigger
    role_spans = [m.role_span for m in inside if m.kind == "person" and m.role_span is not None]
    role_spans += _title_countries(doc.text, inside)
    senders = _envoy_senders(doc, cand, inside, lex)
    lo, hi = _statement_bounds(doc, cand)
    for m in inside:
        if m.start < lo or m.end > hi or _quoted(doc.text, cand.sentence.start, m.start):
            continue
        if m.kind == "location":
            cand.places.append(m)
            continue
        if m.kind not in ACTOR_KINDS:
            continue
        if id(m) in senders or any(rs.contains(m.span) for rs in role_spans if m.kind != "person"):
            cand.excluded.append(m)
            continue
        (cand.subject if m.end <= trig.start else cand.objects).append(m)
    cand.framing = bool(discourse.find(doc.lang, "frame", doc.text, max(cand.sentence.start, trig.start - 40),
                                       trig.start))
    cand.reported = trig.noun and bool(discourse.find(doc.lang, "speech", doc.text, cand.sentence.start, trig.start))
    cand.group_subject = bool(discourse.find(doc.lang, "group", doc.text, max(cand.sentence.start, trig.start - 40),
                                             trig.start))


def _statement_bounds(doc: Document, cand: Candidate) -> tuple[int, int]:
    """The part of the window outside reported content ("X said that …", "…, что …").

    Actors inside a content clause after the trigger are what was talked about, not who talked;
    before the trigger, only the clause after the last complementizer holds the subject.
    """
    trig, window = cand.trigger, cand.window
    after = discourse.find(doc.lang, "complementizer", doc.text, trig.end, window.end)
    before = discourse.find(doc.lang, "complementizer", doc.text, window.start, trig.start)
    lo = before[-1][1] if before else window.start
    hi = after[0][0] if after else window.end
    return lo, hi


@cache
def _coordination() -> re.Pattern[str]:
    """"…and signed", "…, where he held talks", "…, où il a rencontré": the clause shares the previous
    subject. Conjunctions, clause links and subject pronouns of every language (`grammar` in each folder)."""
    conjunctions = languages.words_pattern("grammar", "conjunctions")
    links = conjunctions + "|" + languages.words_pattern("grammar", "clause_links")
    pronouns = languages.words_pattern("grammar", "subject_pronouns")
    return re.compile(rf"[\s,;]*(?:{links})?(?:\s+(?:{pronouns}))?\s*$", re.IGNORECASE)


def _share_coordinated_subject(text: str, prev: Candidate, cand: Candidate) -> None:
    """"The ministers discussed trade, and signed a memorandum": a verb coordinated with the previous
    one, with no subject of its own, shares the previous verb's subject."""
    if cand.subject or cand.trigger.noun or prev.trigger.noun:
        return
    lead = text[cand.window.start : cand.trigger.start]
    if _coordination().fullmatch(lead) or not lead.strip(" ,;"):
        cand.subject = list(prev.subject)
        cand.group_subject = cand.group_subject or prev.group_subject


def _title_countries(text: str, inside: list[Mention]) -> list[Span]:
    """Countries and bodies between a title and a name belong to the title.

    "президента России Владимира Путина", "Генерального секретаря ЦК КПВ То Лама", "Sekretaris Jenderal
    Komite Sentral Partai Komunis Vietnam (Sekjen KS PKV) To Lam": walking back from the name over a
    chain of countries and bodies joined by nothing but spaces and brackets, each one names the office.
    """
    spans = []
    for i, person in enumerate(inside):
        if person.kind != "person":
            continue
        current = person
        for m in reversed(inside[:i]):
            if m.kind not in ("country", "organization") or not _TITLE_GAP.fullmatch(text, m.end, current.start):
                break
            spans.append(Span(m.start, m.end))
            current = m
    return spans


# Between the parts of a title and the name: spaces, or an abbreviation in brackets ("(Sekjen KS PKV)").
_TITLE_GAP = re.compile(r"\s{0,2}|\s{0,2}\([^()\n.,;]{0,24}|\)\s{0,2}|\s{0,2}\([^()\n]{0,40}\)\s{0,2}")


def _envoy_senders(doc: Document, cand: Candidate, inside: list[Mention], lex: Lexicon) -> set[int]:
    """Persons who sent an envoy ("special envoy of General Secretary X"): not participants.

    The sender is the first person after an envoy cue, before the clause ends (a comma) or the
    envoy's own name starts; the envoy is a later person in the same clause, or unnamed.
    """
    senders: set[int] = set()
    for _, cue_end in lex.find_cues("envoy", doc.text, cand.window.start, cand.window.end):
        clause_end = doc.text.find(",", cue_end, cand.window.end)
        limit = clause_end if clause_end != -1 else cand.trigger.start
        persons = [m for m in inside if m.kind == "person" and cue_end <= m.start < limit]
        if persons:
            senders.add(id(persons[0]))
    return senders
