"""Who acts and who is acted on: the source and target sides of an event, from the clause around it.

The cues are grammar, kept per language in the `participants` section of `data/lang/<lang>.yaml`:
case markers (prepositions before a name, postpositions and case suffixes after it) that make a name
the counterpart ("with": "с", "mit", "と", "와"), the target ("against": "против", "に対し") or the one who
acts (passive agent "by", subject particle "は", ergative "ने"); coordination ("and") that puts names on
one side; where the predicate stands (medial: before it is the source, after it the target; final or
initial: the first unmarked names are the source).

    sides(text, mentions, lang, anchor) -> (sources, targets)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from communique import lang as languages
from communique.document import Mention, Span
from communique.langdata import section

_WORD = r"[\w\u0300-\u036f]"
MARKER_REACH = 40  # characters before a name (after its title) in which a preposition still marks it
WORDS_BETWEEN = 2  # words allowed between a preposition and the name ("с турецким лидером Эрдоганом")
TOGETHER_EXTRA_WORDS = 2  # more title words allowed after "together with" than after "with"
TOGETHER_REACH = 2 * MARKER_REACH  # and more characters ("assieme alla presidente della Commissione Ue …")
PAIR_REACH = 40  # characters after a name in which "and", a second name and a postposed "between" are read
POST_REACH = 12  # characters after a name in which a postposition or case suffix marks it
_PUNCT = re.compile(r"[,;:.!?。，、；：！？()«»\"“”]")


@dataclass(frozen=True, slots=True)
class SideCues:
    """One language's participants section, compiled."""

    lang: str
    verb: str  # initial | medial | final
    markers_after: bool
    marks: tuple[tuple[str, re.Pattern[str] | None], ...]  # (role, pattern) for agent, together, with, target
    joiner: re.Pattern[str]  # a gap between two names of one side
    coordinated: re.Pattern[str] | None  # a gap of "and" (+ an article) between two names of one listing
    envoy: re.Pattern[str] | None
    pronouns: re.Pattern[str] | None
    auxiliary: re.Pattern[str] | None = None  # the finite verb of a verb bracket ("hat … gedroht", "heeft … gevraagd")
    between: re.Pattern[str] | None = None  # "between" right before a name ("talks between Moscow and Kyiv")
    # a "between" written after the pair ("莫斯科和基辅之间", "Moskova ile Kiev arasında"), read from a name's end
    between_after: re.Pattern[str] | None = None


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))


def _bounded(words: Sequence[str], unsegmented: bool) -> re.Pattern[str] | None:
    if not words:
        return None
    alt = _alternation(words)
    if unsegmented:
        return re.compile(f"(?:{alt})", re.IGNORECASE)
    return re.compile(rf"(?<!{_WORD})(?:{alt})(?!{_WORD})", re.IGNORECASE)


DUAL_NOUN_LETTERS = 3  # "the two" + a word of 3+ letters ("the two leaders"), not "both in" or "the two-day"


def _group_references(pronouns: Sequence[str], dual: Sequence[str], unsegmented: bool) -> re.Pattern[str] | None:
    """Pronouns and group words ("they", "both sides"), and a dual word before any word ("the two countries",
    "die beiden Staatschefs", "главы двух государств"): each stands for actors named earlier. Scripts written
    without spaces list whole words in both lists."""
    if unsegmented:
        return _bounded([*pronouns, *dual], unsegmented)
    alternatives = [_alternation(pronouns)] if pronouns else []
    if dual:
        alternatives.append(rf"(?:{_alternation(dual)})\s+{_WORD}{{{DUAL_NOUN_LETTERS},}}")
    if not alternatives:
        return None
    return re.compile(rf"(?<!{_WORD})(?:{'|'.join(alternatives)})(?!{_WORD})", re.IGNORECASE)


@cache
def cues(lang: str) -> SideCues:
    data = section(lang, "participants")
    unsegmented = bool(languages.about(lang, "unsegmented"))
    after = data.get("markers") == "after"
    marks: list[tuple[str, re.Pattern[str] | None]] = []
    # "together with" before "with": a preposition's longer form is read first
    for role in ("agent", "together", "with", "target"):
        words = [str(w) for w in data.get(role) or []]
        if not words:
            marks.append((role, None))
        elif after:
            # a postposition right after the name, or a case suffix ending the word after it ("대통령과")
            tail = "" if unsegmented else rf"(?!{_WORD})"
            marks.append((role, re.compile(rf"^\s*(?:{_WORD}*?)(?:{_alternation(words)}){tail}", re.IGNORECASE)))
        else:
            # "together with the President of the European Commission X": these markers are rare and strong,
            # so they reach over a longer title than a bare "with"
            words_between = WORDS_BETWEEN + (TOGETHER_EXTRA_WORDS if role == "together" else 0)
            between = "" if unsegmented else rf"(?:\s+\S+){{0,{words_between}}}"
            lead = "" if unsegmented else rf"(?<!{_WORD})"
            marks.append((role, re.compile(rf"{lead}(?:{_alternation(words)}){between}\s*$", re.IGNORECASE)))
    conj = [str(w) for w in data.get("and") or []]
    conj_alt = _alternation(conj) if conj else "(?!)"
    # where case markers follow the name, a comma after a name closes the subject ("Erdoğan, Putin'le…")
    comma = "" if after else ","
    joiner = re.compile(rf"[\s{comma}/&()\-–—]*(?:(?:{conj_alt})[\s{comma}()\-–—]*)?", re.IGNORECASE)
    # "… von der Leyen and the Dutch prime minister Rutte": "and" and at most one word (an article, a repeated
    # preposition) between two names of one listing
    coordinated = re.compile(rf"[\s,]*(?:{conj_alt})(?:\s+{_WORD}+)?\s*", re.IGNORECASE) if conj else None
    return SideCues(lang, str(data.get("verb") or "medial"), after, tuple(marks), joiner, coordinated,
                    _bounded([str(w) for w in data.get("envoy") or []], unsegmented),
                    _group_references([str(w) for w in data.get("pronouns") or []],
                                      [str(w) for w in data.get("dual") or []], unsegmented),
                    _bounded([str(w) for w in data.get("auxiliaries") or []], unsegmented),
                    _right_before([str(w) for w in data.get("between") or []], unsegmented, after),
                    _pair_then([str(w) for w in data.get("between_after") or []], conj))


def _pair_then(words: Sequence[str], conj: Sequence[str]) -> re.Pattern[str] | None:
    """A postposed "between" right after a name, or after "and" and one more name ("和基辅之间")."""
    if not words:
        return None
    second = rf"(?:\s*(?:{_alternation(conj)})\s*[^\s,，、。;；]{{1,20}}?)?" if conj else ""
    return re.compile(rf"{second}\s*(?:{_alternation(words)})", re.IGNORECASE)


def _right_before(words: Sequence[str], unsegmented: bool, markers_after: bool) -> re.Pattern[str] | None:
    """A preposition ending the stretch before a name, with at most one word between ("entre les", "между")."""
    if not words or markers_after:
        return None  # a postposed "between" ("之间", "arasında") is `between_after` (`_pair_then`)
    lead = "" if unsegmented else rf"(?<!{_WORD})"
    between = "" if unsegmented else rf"(?:\s+{_WORD}+)?"
    return re.compile(rf"{lead}(?:{_alternation(words)}){between}\s*$", re.IGNORECASE)


def finite_verb(text: str, lang: str, start: int, trigger: Span, actors: Sequence[Mention]) -> Span | None:
    """Where the predicate stands when a verb bracket puts the trigger last: the last auxiliary between `start`
    and a verbal trigger, when what comes before it is the subject ("Lawrow hat der Ukraine gedroht", "China
    heeft het voorstel afgewezen": the names after "hat", "heeft" are the objects). Where something else opens
    the clause, the subject follows the auxiliary ("Zum Auftakt … hat Steinmeier Li Qiang empfangen"), and the
    trigger stays the anchor. None where the language lists no `auxiliaries` or none is there."""
    pattern = cues(lang).auxiliary
    if pattern is None or start >= trigger.start:
        return None
    found = list(pattern.finditer(text, start, trigger.start))
    if not found:
        return None
    aux = Span(found[-1].start(), found[-1].end())
    before = [m for m in actors if start <= _head(m) and m.end <= aux.start]
    if not before:
        return None
    covered = [(_head(m), max(m.end, _tail(m))) for m in before]
    rest = "".join(ch if not any(a <= i < b for a, b in covered) else " "
                   for i, ch in enumerate(text[start : aux.start], start))
    return aux if len(_PREFIELD_WORD.findall(rest)) <= PREFIELD_WORDS else None


# Words outside the subject's names and titles allowed before the auxiliary ("Der russische Außenminister
# Lawrow hat": an article and an adjective); more, and the clause opens with something else.
PREFIELD_WORDS = 2
_PREFIELD_WORD = re.compile(r"\w+")


def _head(m: Mention) -> int:
    """Where a name's phrase starts: its title when the title precedes it."""
    if m.role_span is not None and m.role_span.start < m.start:
        return m.role_span.start
    return m.start


def _tail(m: Mention) -> int:
    if m.role_span is not None and m.role_span.end > m.end:
        return m.role_span.end
    return m.end


def marker_of(text: str, m: Mention, lo: int, hi: int, c: SideCues) -> str | None:
    """The role a case marker gives the name: agent, with, target, or None when unmarked.

    `lo`/`hi` bound the search (the previous and the next name): a marker never reaches over a name.
    """
    if c.markers_after:
        start = _tail(m)
        stretch = text[start : min(hi, start + POST_REACH)]
        cut = _PUNCT.search(stretch)
        stretch = stretch[: cut.start()] if cut else stretch
        best: tuple[int, str] | None = None
        for role, pattern in c.marks:
            found = pattern.search(stretch) if pattern is not None else None
            if found is not None and (best is None or found.end() < best[0]):
                best = (found.end(), role)
        return best[1] if best else None
    head = _head(m)
    near = _clause_before(text, max(lo, head - MARKER_REACH), head)
    far = _clause_before(text, max(lo, head - TOGETHER_REACH), head)
    for role, pattern in c.marks:
        if pattern is not None and pattern.search(far if role == "together" else near):
            return role
    return None


def _clause_before(text: str, start: int, head: int) -> str:
    """text[start:head] from its last punctuation mark on: a marker never reaches over one."""
    stretch = text[start:head]
    cuts = list(_PUNCT.finditer(stretch))
    return stretch[cuts[-1].end() :] if cuts else stretch


def chunks(text: str, mentions: Sequence[Mention], c: SideCues) -> list[list[Mention]]:
    """Names joined by nothing but spaces, commas, brackets, "and" or a title form one side's group."""
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups:
            gap = text[groups[-1][-1].end : _head(m)]
            if c.joiner.fullmatch(gap):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


_NAME_VERB_GAP = re.compile(rf"\s*(?:{_WORD}{{1,6}}\s+)?")


def names_before_verb(text: str, lang: str, mentions: Sequence[Mention], verb_start: int) -> int | None:
    """Where the names standing right before a verb start, their titles included ("… визита … министр
    иностранных дел Вьетнама Буй Тхань Шон встретился", "Ван И се срещна"): the verb's subject, or None when
    more than one short word (a particle, an adverb: "се", "также", "also") stands between the last name and the
    verb."""
    before = [m for m in mentions if m.end <= verb_start]
    if not before or not _NAME_VERB_GAP.fullmatch(text, before[-1].end, verb_start):
        return None
    return min(_head(m) for m in chunks(text, before, cues(lang))[-1])


def _marked_groups(text: str, groups: list[list[Mention]], c: SideCues) -> list[tuple[list[Mention], str | None]]:
    """Each group with the role its marker gives it. A preposition marks a group from its first name; a
    postposition marks the names up to it ("AとBは": A with と, B with は), so names after a marked one
    in a group start a new group."""
    out: list[tuple[list[Mention], str | None]] = []
    for i, group in enumerate(groups):
        lo = groups[i - 1][-1].end if i else 0
        hi = _head(groups[i + 1][0]) if i + 1 < len(groups) else len(text)
        if not c.markers_after:
            out.append((group, marker_of(text, group[0], lo, hi, c)))
            continue
        pending: list[Mention] = []
        for j, m in enumerate(group):
            pending.append(m)
            role = marker_of(text, m, m.end, _head(group[j + 1]) if j + 1 < len(group) else hi, c)
            if role is not None:
                out.append((pending, role))
                pending = []
        if pending:
            out.append((pending, None))
    return out


def sides(text: str, mentions: Sequence[Mention], lang: str, anchor: Span | None = None,
          ) -> tuple[list[Mention], list[Mention]]:
    """(sources, targets) among the clause's actor mentions (in text order).

    A marked name takes its marker's side (agent: source; with, target: target). Unmarked names: with
    the predicate's position known (`anchor`, in a language whose verb stands mid-clause) they are the
    source before it and the target after it; otherwise the first unmarked group is the source.
    """
    c = cues(lang)
    sources: list[Mention] = []
    targets: list[Mention] = []
    unmarked: list[list[Mention]] = []
    for group, role in _marked_groups(text, chunks(text, mentions, c), c):
        if role == "agent":
            sources += group
        elif role in ("together", "with", "target"):
            targets += group
        else:
            unmarked.append(group)
    passive = bool(sources)  # a marked agent ("by Russia"): the unmarked subject is acted on
    positional = anchor is not None and c.verb == "medial"
    for group in unmarked:
        if positional and anchor is not None and not passive:
            (sources if group[-1].end <= anchor.start else targets).extend(group)
        elif not sources:
            sources += group
        else:
            targets += group
    order = {id(m): i for i, m in enumerate(mentions)}
    return sorted(sources, key=lambda m: order[id(m)]), sorted(targets, key=lambda m: order[id(m)])


def comitative(text: str, mentions: Sequence[Mention], lang: str) -> list[Mention]:
    """The names a "with" marker makes counterparts ("talks with X", "с Эрдоганом", "バイデン大統領と")."""
    c = cues(lang)
    return [m for group, role in _marked_groups(text, chunks(text, mentions, c), c) if role in ("with", "together")
            for m in group]


def companions(text: str, mentions: Sequence[Mention], lang: str) -> list[Mention]:
    """The names a "together with" marker puts beside another name ("Meloni, together with von der Leyen and
    the Dutch prime minister Rutte, meets Saied"), with the names joined to them by "and". Whether they stand
    beside the actor or are the counterpart depends on whether another counterpart is named (`drafts_for`)."""
    c = cues(lang)
    out: list[Mention] = []
    previous: list[Mention] | None = None  # the group before, when it was a companion group
    for group, role in _marked_groups(text, chunks(text, mentions, c), c):
        joined = (previous is not None and role is None and c.coordinated is not None
                  and c.coordinated.fullmatch(text[_tail(previous[-1]) : _head(group[0])]) is not None)
        previous = group if role == "together" or joined else None
        if previous is not None:
            out += group
    return out


def joint_group(text: str, mentions: Sequence[Mention], lang: str) -> list[Mention]:
    """The first group of two or more names joined by "and" ("the talks between Lavrov and Rubio"), if any."""
    for chunk in chunks(text, mentions, cues(lang)):
        group = [m for m in chunk if not _inside_title(m, chunk)]
        joined = any(text[a.end : b.start].strip() for a, b in zip(group, group[1:], strict=False))
        if joined and len({m.entity_id for m in group}) >= 2:
            return group  # "A and B", "A, B": not a title and its name side by side
    return []


def _inside_title(m: Mention, group: Sequence[Mention]) -> bool:
    """A name inside another name's title ("Deputy Chairman of the State Duma, Ivan Melnikov"): the title's
    words, not a side of its own."""
    return any(o is not m and o.role_span is not None and _head(o) <= m.start and m.end <= _tail(o) for o in group)


def envoy_senders(text: str, mentions: Sequence[Mention], lang: str, start: int, end: int) -> set[int]:
    """Persons named right after an envoy cue ("special envoy of X"): they sent someone, they are not there."""
    c = cues(lang)
    if c.envoy is None:
        return set()
    senders: set[int] = set()
    for found in c.envoy.finditer(text, start, end):
        clause_end = _PUNCT.search(text, found.end(), end)
        limit = clause_end.start() if clause_end else end
        persons = [m for m in mentions if m.kind == "person" and found.end() <= m.start < min(limit, found.end() + 60)]
        if persons:
            senders.add(id(persons[0]))
    return senders


def names_group(text: str, lang: str, start: int, end: int) -> bool:
    """A pronoun or "the two sides" stands for actors named earlier."""
    pattern = cues(lang).pronouns
    return pattern is not None and pattern.search(text, start, end) is not None


# Types whose sentences name a capital mostly as the place of the act ("talks in Moscow", "visited Beijing"):
# there a capital is read as a government only when it opens the clause ("Moscow hosted the talks").
PLACE_TYPES = frozenset({"CONSULT"})
_CLAUSE_MARK = re.compile(r"[,;:，；：、]")
_VERB_GAP = re.compile(r"\s+")  # "condemned Moscow": nothing between the verb and the name


def speaks_for_country(text: str, lang: str, seat: Mention, clause_start: int, trigger: Span | None,
                       event_type: str, verbal: bool) -> bool:
    """Whether a capital or seat of government names its government in this clause: it opens the clause as
    its subject ("Moscow condemned …", "北京は…", "मास्को ने…"), follows a verb-initial predicate ("أدانت
    موسكو"), or, for acts that are not meetings, is marked as the target ("sanctions against Moscow", "に対し")
    or stands right after the verb ("accused Washington of …"). A capital after a place preposition
    ("in Moscow", "в Москве") or a place suffix ("Moskova'da", "北京で") is the place; one after "with" is the
    counterpart ("talks with Beijing"), one after "by" the doer ("the claims made by New Delhi")."""
    c = cues(lang)
    role = marker_of(text, seat, clause_start, len(text), c)
    if role == "target":
        return event_type not in PLACE_TYPES
    if role in ("with", "together", "agent"):
        return True  # "talks with Beijing", "с Москвой": the counterpart; "claims made by New Delhi": the doer
    if role is not None:
        return False
    if c.between is not None and c.between.search(
            _clause_before(text, max(clause_start, _head(seat) - MARKER_REACH), _head(seat))):
        return True  # "talks between Moscow and Kyiv", "entre Paris et Berlin": the two governments
    if c.between_after is not None and c.between_after.match(text, seat.end, seat.end + PAIR_REACH):
        return True  # "莫斯科和基辅之间的谈判", "Moskova ile Kiev arasında"
    if c.markers_after:
        return False  # where markers follow names, an unmarked name says nothing of its role ("北京で" is marked)
    if _opens_clause(text, seat, clause_start, c) and (trigger is None or seat.end <= trigger.start):
        return True
    if trigger is None or not verbal or trigger.end > seat.start:
        return False
    right_after = _VERB_GAP.fullmatch(text, trigger.end, seat.start) is not None
    return right_after and (c.verb == "initial" or (c.verb == "medial" and event_type not in PLACE_TYPES))


def _opens_clause(text: str, m: Mention, clause_start: int, c: SideCues) -> bool:
    """Nothing but spaces, quotes or "and" between the clause's start (or its last comma, semicolon or colon)
    and the name, and a word (not a comma or a dash: a dateline "MOSCOW, Dec 5 -") right after it."""
    before = text[clause_start : m.start]
    cuts = list(_CLAUSE_MARK.finditer(before))
    lead = before[cuts[-1].end() :] if cuts else before
    lead = lead.strip(" \t\n\u00a0'‘’\"“”«»-–—")
    if lead and not (c.coordinated is not None and c.coordinated.fullmatch(" " + lead + " ")):
        return False
    return bool(_SUBJECT_FOLLOWER.match(text, m.end, m.end + 4))


# After a subject: a space and a word, or a possessive and then one ("Moscow's refusal to …")
_SUBJECT_FOLLOWER = re.compile(rf"(?:['’]s)?\s{_WORD}")


def joined(text: str, lang: str, first: Mention, second: Mention) -> bool:
    """Whether nothing but "and", a comma or a bracket stands between two names (one side's listing)."""
    return first.end <= second.start and cues(lang).joiner.fullmatch(text, first.end, second.start) is not None
