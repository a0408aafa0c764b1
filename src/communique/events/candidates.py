"""Event candidates: a trigger, the stretch of its sentence it governs, and the actors around it.

A sentence can hold several triggers ("…the state visit of X to Vietnam in June, the phone talks of
Y with Z in August and the official trip of W to Russia…"). Each trigger governs a window that runs
from the end of the previous trigger to the start of the next one, so that actors and dates are
attributed to the nearest trigger. Within its window, mentions before a verbal trigger are its
subject side and mentions after it are its object side.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from communique import lang as languages
from communique.actors import government_seat
from communique.document import Document, Mention, Sentence, Span
from communique.events import discourse, sides
from communique.events.lexicon import PLOVER_TYPES, Lexicon, TriggerMatch
from communique.models.events import CHEAP_THRESHOLD, SentenceLabel, classify_sentences, may_hold_event

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
    excluded: list[Mention] = field(default_factory=list)  # senders of envoys, informants, title-internal mentions
    framing: bool = False  # "in the framework of the visit…": context, not an event by itself
    reported: bool = False  # a nominal event inside what someone said: it can only corroborate
    group_subject: bool = False  # "The delegation met…", "Both sides signed…": the protagonist's side
    index: int = 0  # position among all candidates of the document
    prob: float = 0.0  # the model's probability that the sentence reports this type
    label: SentenceLabel | None = None  # the model's reading of the sentence (mode, status, background)
    model_only: bool = False  # no lexicon trigger: the trigger is the predicate's likely place
    lang: str = ""  # the document's language (its grammar cues decide the sides)


def is_adjective(m: Mention) -> bool:
    """A country named by an adjective or demonym ("vietnamesischen", "российский") is not a participant."""
    return m.kind == "country" and (m.source == "demonym" or m.text[:1].islower())


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
    """Every event the model finds in the document, as a trigger with its window, in text order.

    The cascade: sentences that name an actor (or refer back to one) and pass the cheap stage go to the
    sentence model; each event type it reports becomes a candidate. A lexicon trigger of that type in
    the sentence is its evidence and its window; without one, the predicate's likely place is.
    """
    mentions = sorted(doc.mentions, key=lambda m: (m.start, -m.end))
    starts = [m.start for m in mentions]
    chosen = candidate_sentences(doc, mentions, starts, lex)
    labels = sentence_labels(doc, chosen)
    candidates: list[Candidate] = []
    for sentence, label in zip(chosen, labels, strict=True):
        decided = decided_types(label)
        lexical = lexicon_triggers(doc, lex, sentence, mentions, starts) if LEXICON_EVIDENCE else []
        if LEXICON_ALONE is not None:
            for t in lexical:
                if t.weight >= LEXICON_ALONE:
                    decided.setdefault(t.type, max(label.type_probs.get(t.type, 0.0), 0.5))
        if not decided:
            continue
        made = sentence_candidates(doc, lex, sentence, label, decided, lexical, (mentions, starts))
        for cand in sorted(made, key=lambda c: c.trigger.start):
            cand.index = len(candidates)
            candidates.append(cand)
    return candidates


def sentence_candidates(doc: Document, lex: Lexicon, sentence: Sentence, label: SentenceLabel,
                        decided: dict[str, float], lexical: list[TriggerMatch],
                        index: tuple[Sequence[Mention], Sequence[int]]) -> list[Candidate]:
    """The candidates of one sentence for the types `decided` (type -> probability): one per lexicon trigger
    of a decided type, else one at the predicate's likely place. `index`: the document's mentions sorted by
    start, and their starts. Also what the participant trainer calls, with the labelled type decided."""
    mentions, starts = index
    inside = mentions_between(mentions, starts, sentence.start, sentence.end)
    # every trigger of the sentence cuts the windows and passes its subject on ("The ministers discussed
    # trade and signed…"); only those of a type the model reports become candidates
    triggers = [_with_model_mode(t, label) for t in lexical]
    covered = {t.type for t in triggers if t.type in decided}
    cuts = _window_cuts(doc.text, sentence, triggers, doc.lang, [m for m in inside if m.kind in ACTOR_KINDS])
    made: list[Candidate] = []
    chain: list[Candidate] = []
    for i, trig in enumerate(triggers):
        window = Span(cuts[i], cuts[i + 1])
        cand = Candidate(trigger=trig, sentence=sentence, window=window, prob=decided.get(trig.type, 0.0),
                         label=label, lang=doc.lang)
        _attach_mentions(doc, cand, mentions_between(mentions, starts, window.start, window.end), lex)
        if chain:
            _share_coordinated_subject(doc.text, chain[-1], cand)
        chain.append(cand)
        if trig.type in decided:
            made.append(cand)
    for event_type in sorted(set(decided) - covered, key=lambda t: -decided[t]):
        trig = model_trigger(doc, sentence, inside, event_type, decided[event_type], label)
        cand = Candidate(trigger=trig, sentence=sentence, window=Span(sentence.start, sentence.end),
                         prob=decided[event_type], label=label, model_only=True, lang=doc.lang)
        _attach_mentions(doc, cand, inside, lex)
        made.append(cand)
    return made


def lexicon_triggers(doc: Document, lex: Lexicon, sentence: Sentence, mentions: Sequence[Mention],
                      starts: Sequence[int]) -> list[TriggerMatch]:
    return _one_predicate(doc.text, _clause_triggers(
        [t for t in lex.find_triggers(doc.text, sentence.start, sentence.end)
         if not _inside_mention(t, mentions, starts) and not quoted(doc.text, sentence.start, t.start)]
    ))


PREDICATE_GAP = 24  # characters between two triggers of one type that still make one predicate
_CLAUSE_BREAK = re.compile(r"[,;:.!?()«»\"“”]")


def _one_predicate(text: str, triggers: list[TriggerMatch]) -> list[TriggerMatch]:
    """Triggers of one type next to each other name one event ("прибыл с официальным визитом",
    "arrived for a state visit"): one trigger over both, with the stronger one's meaning."""
    out: list[TriggerMatch] = []
    for t in triggers:
        prev = out[-1] if out else None
        if (prev is not None and prev.type == t.type and t.start - prev.end <= PREDICATE_GAP
                and not _CLAUSE_BREAK.search(text, prev.end, t.start)):
            strong = t if t.weight > prev.weight else prev
            out[-1] = dataclasses.replace(strong, start=prev.start, end=t.end, text=text[prev.start : t.end],
                                          noun=prev.noun)
            continue
        out.append(t)
    return out


def candidate_sentences(doc: Document, mentions: Sequence[Mention], starts: Sequence[int],
                        lex: Lexicon | None = None) -> list[Sentence]:
    """The cascade's cheap steps: a sentence that names an actor (or, by a pronoun or "both sides", refers
    to one of the sentence before) and that the cheap model lets through, or that holds a trigger of `lex`
    strong enough to make an event alone (LEXICON_ALONE)."""
    return [sentence for sentence in actor_sentences(doc, mentions, starts)
            if may_hold_event(doc.text[sentence.start : sentence.end], doc.lang) >= CHEAP_THRESHOLD
            or (lex is not None and _strong_trigger(doc, lex, sentence, mentions, starts))]


def _strong_trigger(doc: Document, lex: Lexicon, sentence: Sentence, mentions: Sequence[Mention],
                    starts: Sequence[int]) -> bool:
    return LEXICON_ALONE is not None and any(t.weight >= LEXICON_ALONE
                                             for t in lexicon_triggers(doc, lex, sentence, mentions, starts))


def actor_sentences(doc: Document, mentions: Sequence[Mention], starts: Sequence[int]) -> list[Sentence]:
    """The cascade's first step: the sentences that name an actor or refer to those of the sentence before."""
    chosen = []
    since_named = REFER_BACK + 1  # sentences since the last one that named an actor
    for sentence in doc.sentences:
        # a demonym counts: "une attaque russe sur l'Ukraine" names its sides by adjective and place; so does
        # a capital or seat of government, which may speak for its country ("Moscow condemned …")
        named = any(m.kind in ACTOR_KINDS or government_seat(m) is not None
                    for m in mentions_between(mentions, starts, sentence.start, sentence.end))
        refers = since_named <= REFER_BACK and (
            sides.names_group(doc.text, doc.lang, sentence.start, sentence.end)
            or bool(discourse.find(doc.lang, "group", doc.text, sentence.start, sentence.end)))
        if named or refers:
            chosen.append(sentence)
        since_named = 1 if named else since_named + 1
    return chosen


# "The two" and "both sides" refer to the actors of one of this many sentences before ("X met Y. First they
# talked alone, then with their teams. During the meeting the two signed…").
REFER_BACK = 2


def sentence_labels(doc: Document, sentences: Sequence[Sentence]) -> list[SentenceLabel]:
    return classify_sentences([doc.text[s.start : s.end] for s in sentences], [doc.lang] * len(sentences))


# Lexicon triggers of a type the model reports are that event's evidence and window; a trigger at least
# LEXICON_ALONE strong also makes a candidate where the model does not report its type (both measured on
# dev-pages with the interim model: evidence and windows cut false events by a third; strong triggers alone
# add a little recall for the languages that have them).
LEXICON_EVIDENCE = True
LEXICON_ALONE: float | None = 0.5

# Probability at which the model's main type (or a type it "also" reports) becomes a candidate event.
# Set on the model's held-out split (see docs/models.md), the same for every language.
MAIN_THRESHOLD = 0.35
ALSO_THRESHOLD = 0.5
NO_EVENT = "NONE"


def model_reports(cand: Candidate) -> bool:
    """Whether the sentence model itself reports the candidate's type (not only a strong lexicon trigger)."""
    return cand.label is not None and cand.trigger.type in decided_types(cand.label)


def decided_types(label: SentenceLabel) -> dict[str, float]:
    """The event types a sentence reports, with their probabilities."""
    out: dict[str, float] = {}
    best = max(sorted(label.type_probs), key=lambda t: label.type_probs[t])
    if best != NO_EVENT and label.type_probs[best] >= MAIN_THRESHOLD:
        out[best] = label.type_probs[best]
    for event_type, p in label.also_probs.items():
        if event_type != NO_EVENT and p >= ALSO_THRESHOLD and event_type in PLOVER_TYPES:
            out[event_type] = max(out.get(event_type, 0.0), p)
    return out


# How an event without a lexicon trigger is labelled (the record's short English description).
LABELS = {
    "AGREE": "agreement", "CONSULT": "talks", "SUPPORT": "support", "CONCEDE": "concession",
    "COOPERATE": "cooperation", "AID": "aid", "RETREAT": "retreat", "REQUEST": "request", "ACCUSE": "accusation",
    "REJECT": "rejection", "THREATEN": "threat", "PROTEST": "protest", "SANCTION": "sanctions",
    "MOBILIZE": "mobilization", "COERCE": "coercion", "ASSAULT": "attack",
}  # fmt: skip
MODE_LABELS = {"meet": "talks", "visit": "visit", "host": "reception", "phone": "phone call",
               "multilateral": "multilateral meeting", "third-party": "mediated talks"}
PREDICATE_WORDS = 3  # words taken as the predicate's evidence when no lexicon trigger names it
PREDICATE_CHARS = 8  # the same, in a script written without spaces


MODE_THRESHOLD = 0.8  # below it, a meeting the model found without a lexicon trigger is a plain "meet"
DEFAULT_MODE = "meet"


def model_mode(label: SentenceLabel) -> tuple[str | None, float]:
    """The model's CONSULT mode and its probability."""
    if not label.mode_probs:
        return None, 0.0
    mode = max(sorted(label.mode_probs), key=lambda m: label.mode_probs[m])
    return mode, label.mode_probs[mode]


def _with_model_mode(trig: TriggerMatch, label: SentenceLabel) -> TriggerMatch:
    """A meeting's mode: the trigger's, unless the trigger is a weak one and the model is surer of another
    ("a working session with a delegation": the delegation is no visit)."""
    mode, p = model_mode(label)
    if trig.type != "CONSULT" or mode is None or mode == trig.mode or trig.weight >= WEAK or p <= trig.weight:
        return trig
    return dataclasses.replace(trig, mode=mode, label=MODE_LABELS.get(mode, trig.label))


def model_trigger(doc: Document, sentence: Sentence, inside: Sequence[Mention], event_type: str, prob: float,
                  label: SentenceLabel) -> TriggerMatch:
    """The evidence of an event the model found where no lexicon trigger names it: the predicate's
    likely place (after the first group of names where the verb stands mid-clause, at the clause's end
    where it stands last), else the whole sentence."""
    mode = None
    if event_type == "CONSULT":
        best, p = model_mode(label)
        mode = best if best is not None and p >= MODE_THRESHOLD else DEFAULT_MODE
    span = _predicate_span(doc, sentence, [m for m in inside if m.kind in ACTOR_KINDS])
    text = doc.text[span.start : span.end]
    name = MODE_LABELS.get(mode or "", LABELS.get(event_type, event_type.lower())) if mode else LABELS[event_type]
    return TriggerMatch(span.start, span.end, text, event_type, mode, name, prob)


_WORDS = re.compile(r"[\w\u0300-\u036f][\w\u0300-\u036f'’\-]*")


def _letter_words(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The words between start and end that hold a letter: a time stamp ("05:55") or a number is no predicate."""
    return [w for w in _WORDS.finditer(text, start, end) if any(ch.isalpha() for ch in w.group())]


def _predicate_span(doc: Document, sentence: Sentence, actors: Sequence[Mention]) -> Span:
    text = doc.text
    unsegmented = bool(languages.about(doc.lang, "unsegmented"))
    if sides.cues(doc.lang).verb == "final":
        words = _letter_words(text, actors[-1].end if actors else sentence.start, sentence.end)
        if unsegmented and words:
            last = words[-1]
            return Span(max(last.start(), last.end() - PREDICATE_CHARS), last.end())
        if words:
            return Span(words[-PREDICATE_WORDS:][0].start(), words[-1].end())
    else:
        groups = sides.chunks(text, actors, sides.cues(doc.lang))
        lo = groups[0][-1].end if groups else sentence.start
        hi = groups[1][0].start if len(groups) > 1 else sentence.end
        words = _letter_words(text, lo, hi)
        if unsegmented and words:
            first = words[0]
            return Span(first.start(), min(first.end(), first.start() + PREDICATE_CHARS))
        if words:
            return Span(words[0].start(), words[: PREDICATE_WORDS][-1].end())
    stripped = text[sentence.start : sentence.end]
    lead = len(stripped) - len(stripped.lstrip())
    return Span(sentence.start + lead, sentence.start + len(stripped.rstrip()))


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


def quoted(text: str, lo: int, offset: int) -> bool:
    """Whether `offset` lies inside a quotation opened earlier in the sentence (a title, a slogan)."""
    depth_open: str | None = None
    for ch in text[lo:offset]:
        if depth_open is None and ch in QUOTES:
            depth_open = ch
        elif depth_open is not None and ch == QUOTES[depth_open]:
            depth_open = None
    return depth_open is not None


def _window_cuts(text: str, sentence: Sentence, triggers: Sequence[TriggerMatch], lang: str,
                 names: Sequence[Mention] = ()) -> list[int]:
    """Where each trigger's window starts (and the last one ends).

    Between two triggers, the text belongs to the first one when the second is a noun ("the visit
    of X to Y in June, the phone talks of Z…": a noun's complements follow it). When the second is a
    verb, a clause that holds the second's subject ("…, and X signed", "…warned that X would attack")
    goes to the second, from its comma or complementizer on; without one, what lies between is the
    first verb's object ("accused Russia of shelling", "urged China to respect"), except where the
    verb ends its clause (`verb: final`: "X-와 회담하고 Y-와 서명했다", the names belong to the verb after them).
    After a noun, the names standing right before the verb are its subject ("Во время визита … министр Буй Тхань
    Шон встретился с …": the noun keeps what comes before them).
    """
    final = sides.cues(lang).verb == "final"
    cuts = [sentence.start]
    for prev, nxt in zip(triggers, triggers[1:], strict=False):
        if nxt.noun:
            cuts.append(nxt.start)
            continue
        gap = text[prev.end : nxt.start]
        boundary = max(gap.rfind(","), gap.rfind(";"), gap.rfind(":"))
        clause_starts = [prev.end + boundary + 1] if boundary >= 0 else []
        clause_starts += [end for _, end in discourse.find(lang, "complementizer", text, prev.end, nxt.start)]
        subject = sides.names_before_verb(text, lang, names, nxt.start) if prev.noun and not final else None
        if clause_starts:
            cuts.append(max(clause_starts))
        elif subject is not None and subject > prev.end:
            cuts.append(subject)
        else:
            cuts.append(prev.end if final else nxt.start)
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
    # a person's title up to the name ("Deputy Chairman of the State Duma (lower house), Ivan Melnikov"): the
    # bodies and countries in it name the office, they are no side of their own
    role_spans = [Span(min(m.role_span.start, m.start), max(m.role_span.end, m.end))
                  for m in inside if m.kind == "person" and m.role_span is not None]
    role_spans += title_countries(doc.text, inside)
    # who sent an envoy or told of the event: named in the window, no side of it
    bystanders = _envoy_senders(doc, cand, inside, lex) | _informants(doc, cand, inside)
    bystanders |= sides.envoy_senders(doc.text, inside, doc.lang, cand.window.start, cand.window.end)
    lo, hi = statement_bounds(doc, cand)
    actors: list[Mention] = []
    for m in inside:
        if m.start < lo or m.end > hi or quoted(doc.text, cand.sentence.start, m.start):
            continue
        if m.kind == "location":
            government = _government_of(doc, cand, m, lo, role_spans, actors[-1] if actors else None)
            if government is None:
                cand.places.append(m)
            else:
                actors.append(government)
            continue
        if m.kind not in ACTOR_KINDS:
            continue
        if id(m) in bystanders or any(rs.contains(m.span) for rs in role_spans if m.kind != "person"):
            cand.excluded.append(m)
            continue
        actors.append(m)
    anchor = None if cand.model_only else Span(trig.start, trig.end)
    if anchor is not None and not trig.noun:
        anchor = sides.finite_verb(doc.text, doc.lang, max(lo, cand.window.start), anchor, actors) or anchor
    cand.subject, cand.objects = sides.sides(doc.text, actors, doc.lang, anchor)
    cand.framing = bool(discourse.find(doc.lang, "frame", doc.text, max(cand.sentence.start, trig.start - 40),
                                       trig.start))
    # "X stressed the importance of the signing…" reports an event; "X said at talks with Y…" takes part in one
    cand.reported = (trig.noun and bool(discourse.find(doc.lang, "speech", doc.text, cand.sentence.start, trig.start))
                     and not sides.comitative(doc.text, cand.objects, doc.lang))
    lead = max(cand.sentence.start, trig.start - 40)
    cand.group_subject = bool(discourse.find(doc.lang, "group", doc.text, lead, trig.start)) or (
        not cand.subject and sides.names_group(doc.text, doc.lang, cand.sentence.start, max(trig.start, lead + 40)))


def _government_of(doc: Document, cand: Candidate, m: Mention, lo: int, role_spans: Sequence[Span],
                   previous: Mention | None) -> Mention | None:
    """A capital or seat of government that acts in this clause ("Moscow condemned …", "the Kremlin said"), or
    is joined by "and" to a country that does ("Paris und Berlin sollten …"): its country's mention, else None
    (the place of the event)."""
    if any(rs.contains(m.span) for rs in role_spans):
        return None  # "Kremlin spokesman Dmitry Peskov", "Moscow Mayor …": a title's words
    government = government_seat(m)
    if government is None:
        return None
    if previous is not None and previous.kind == "country" and not is_adjective(previous) and sides.joined(
            doc.text, doc.lang, previous, m):
        return government
    trig = cand.trigger
    trigger = None if cand.model_only else Span(trig.start, trig.end)
    clause_start = max(lo, cand.window.start, cand.sentence.start)
    event_type = cand.label.type if cand.model_only and cand.label is not None else trig.type
    if not sides.speaks_for_country(doc.text, doc.lang, m, clause_start, trigger, event_type, not trig.noun):
        return None
    return government


def statement_bounds(doc: Document, cand: Candidate, within_trigger: bool = False) -> tuple[int, int]:
    """The part of the window outside reported content ("X said that …", "…, что …").

    Actors inside a content clause after the trigger are what was talked about, not who talked;
    before the trigger, only the clause after the last complementizer holds the subject. `within_trigger`: the
    content clause may start inside the trigger (a predicate the model placed: "a affirmé que").
    """
    trig, window = cand.trigger, cand.window
    # `within_trigger`: a predicate the model placed may end with its complementizer ("a affirmé que")
    after = discourse.find(doc.lang, "complementizer", doc.text, trig.start if within_trigger else trig.end,
                           window.end)
    before = [c for c in discourse.find(doc.lang, "complementizer", doc.text, window.start, trig.start)
              if not _relative_after_name(doc, c)]
    lo = before[-1][1] if before else window.start
    hi = after[0][0] if after else window.end
    return lo, hi


_NAME_COMMA = re.compile(r"\s*,\s*")


def _relative_after_name(doc: Document, cue: tuple[int, int]) -> bool:
    """A complementizer that opens a relative clause about the name right before it ("El ministro José Manuel
    Albares, que se reunió con …"): the name is the clause's subject, not someone outside a statement."""
    start, end = cue
    if not discourse.find(doc.lang, "relative", doc.text, start, end):
        return False
    return any(m.end <= start and _NAME_COMMA.fullmatch(doc.text, m.end, start) for m in doc.mentions
               if start - 40 <= m.end <= start)


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
    if cand.subject or cand.trigger.noun:
        return
    if prev.trigger.noun:
        # a noun phrase inside the verb's clause ("Aliyev and Pashinyan, with the mediation of Trump, signed"
        # without commas): the names before the noun are the verb's subject
        if cand.window.start >= cand.trigger.start and not _CLAUSE_BREAK.search(text, prev.trigger.end,
                                                                                 cand.trigger.start):
            cand.subject = list(prev.subject)
        return
    # what joins the two verbs: the clause opening before the second (its window starts there), or, where the
    # words between are the first verb's object (`_window_cuts`), all of them
    start = cand.window.start if cand.window.start < cand.trigger.start else prev.trigger.end
    lead = text[start : cand.trigger.start]
    if _coordination().fullmatch(lead) or not lead.strip(" ,;") or _complement_gap(lead):
        cand.subject = list(prev.subject)
        cand.group_subject = cand.group_subject or prev.group_subject


# At most this many words between two verbs make the second the first one's complement ("decided to impose
# sanctions", "принял решение ввести санкции", "a décidé d'imposer"), which the first one's subject governs.
COMPLEMENT_GAP_WORDS = 2
_GAP_WORD = re.compile(r"\w+")


def _complement_gap(lead: str) -> bool:
    """A short run of words and nothing else (no clause break, no quote) between two triggers."""
    return (len(_GAP_WORD.findall(lead)) <= COMPLEMENT_GAP_WORDS and len(lead) <= 25
            and not re.search(r"[.;:!?\"«»“”()\[\]]", lead))


def title_countries(text: str, inside: list[Mention]) -> list[Span]:
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


# Types whose sides do the same thing together ("China and Russia began joint exercises"): a joint
# subject is both sides. The others need one side acting on the other.
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
INFORMANT_REACH = 40  # characters between "according to" and the name (a title: "according to the Foreign Ministry")
INFORMANT_AFTER_REACH = 12  # characters between the name and a postposed cue ("외교부에 따르면", "Bakanlığa göre")
_CLAUSE_STOP = re.compile(r"[,;:.!?。，、；：！？()«»\"“”]")


def _informants(doc: Document, cand: Candidate, inside: list[Mention]) -> set[int]:
    """Who told of a meeting or an agreement ("according to the Foreign Ministry", "외교부에 따르면", "据外交部"):
    the first name after the cue (or the last before a postposed one), in the same clause; no side of it. An
    accusation or a demand "according to" someone is theirs ("Theo bà Hằng, động thái này … vi phạm …")."""
    event_type = cand.label.type if cand.model_only and cand.label is not None else cand.trigger.type
    out: set[int] = set()
    if event_type not in SYMMETRIC:
        return out
    text, lang, start, end = doc.text, doc.lang, cand.sentence.start, cand.sentence.end
    for _, cue_end in discourse.find(lang, "informant", text, start, end):
        after = [m for m in inside if cue_end <= m.start <= cue_end + INFORMANT_REACH
                 and not _CLAUSE_STOP.search(text, cue_end, m.start)]
        if after:
            out.add(id(after[0]))
    for cue_start, _ in discourse.find(lang, "informant_after", text, start, end):
        before = [m for m in inside if cue_start - INFORMANT_AFTER_REACH <= m.end <= cue_start
                  and not _CLAUSE_STOP.search(text, m.end, cue_start)]
        if before:
            out.add(id(before[-1]))
    return out


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
