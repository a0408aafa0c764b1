"""The events stage's language data, compiled: PLOVER triggers, topics, agreements and status cues.

Each language's `lang/<code>/data.yaml` holds four sections owned by the events stage:

    triggers:   [{pattern, type, mode, label, weight, needs?, noun?}, ...]
    topics:     {topic: [pattern, ...]}
    agreements: {kind: [pattern, ...], numbers: {word: int}}
    status:     {kind: [pattern, ...]}   kinds: planned, agreed, negated, background, envoy, sender,
                                         reported, counterpart

Patterns are regex fragments matched case-insensitively on word boundaries against the cleaned text.
Every section is compiled into ONE regex per language (status: one per cue kind), an alternation of
named groups `g0`, `g1`, ... whose `lastgroup` maps the winning alternative back to its entry.

Matching finds a candidate at every word start (the alternation sits in a lookahead, so matches
that begin inside an earlier match are still seen), then resolves overlaps longest-first, so
"атомная энергетика" (nuclear_energy) wins over the "энергетика" (energy) inside it.
"""

from __future__ import annotations

import re

# The regex parser (private, Python >= 3.11), to learn which characters a pattern can start with;
# `_first_chars` falls back to "any character" on any surprise from it.
import re._parser as _sre_parser
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from communique import caching
from communique import lang as languages

# PLOVER v0.8 event types (the contract's list; REQUEST is the manual's DEMAND).
PLOVER_TYPES: frozenset[str] = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)  # fmt: skip

# Modes per type, from the PLOVER manual's mode tables (CONSULT: the contract's names).
# Types absent here take no mode (null).
PLOVER_MODES: Mapping[str, frozenset[str]] = {
    "CONSULT": frozenset({"meet", "visit", "host", "phone", "multilateral", "third-party"}),
    "AID": frozenset({"economic", "military", "humanitarian", "asylum"}),
    "RETREAT": frozenset({"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"}),
    "SANCTION": frozenset({"convict", "cancel", "expel", "withdraw", "sever"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police"}),
    "COERCE": frozenset(
        {"confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"}
    ),
    "ASSAULT": frozenset(
        {
            "abduct",
            "beat",
            "torture",
            "execute",
            "sexual",
            "assassinate",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "heavy-weapons",
        }
    ),  # fmt: skip
}

# The contract's topic vocabulary (cooperation areas).
TOPICS: frozenset[str] = frozenset(
    {
        "politics", "party", "economy_trade", "investment", "finance", "energy", "oil_gas", "nuclear_energy",
        "clean_energy", "defense", "military_technical", "security", "cybersecurity", "science_technology",
        "digital", "semiconductors", "biotechnology", "education", "culture", "tourism", "health", "labour",
        "transport", "maritime", "agriculture", "people_to_people", "international_issues",
    }
)  # fmt: skip

AGREEMENT_KINDS: frozenset[str] = frozenset(
    {
        "memorandum_of_understanding", "agreement", "protocol", "joint_statement", "treaty", "declaration",
        "contract", "action_plan", "programme",
    }
)  # fmt: skip

STATUS_KINDS: frozenset[str] = frozenset(
    {"planned", "agreed", "negated", "background", "envoy", "sender", "reported", "counterpart"}
)

# what a trigger needs named after it to stand: a person ("met" X), any actor ("asked" X to...), a country
NEEDS: frozenset[str] = frozenset({"person_object", "actor_object", "country_object"})

# A word character or a combining mark (NFD text: "ệ" may be "e" + two marks), so that a pattern
# never starts or ends inside a word.
_WORDCHAR = r"[\w\u0300-\u036f]"


class LexiconError(ValueError):
    """Bad events data in a language file: names the file, the entry and the problem."""


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger phrase found in the text, with what it means."""

    start: int
    end: int
    text: str
    type: str
    mode: str | None
    label: str
    weight: float
    needs: str | None = None
    noun: bool = False


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    pattern: str
    type: str
    mode: str | None
    label: str
    weight: float
    needs: str | None
    noun: bool


@dataclass(frozen=True, slots=True)
class _Section:
    """One compiled alternation and the value each named group stands for."""

    regex: re.Pattern[str] | None
    values: Mapping[str, Any]  # group name -> entry / topic / kind

    def scan(self, text: str, start: int, end: int | None) -> list[tuple[int, int, Any]]:
        """Non-overlapping (start, end, value) matches, longest first on overlap, sorted by start."""
        if self.regex is None:
            return []
        stop = len(text) if end is None else min(end, len(text))
        candidates: list[tuple[int, int, str]] = []
        for m in self.regex.finditer(_fold(text), start, stop):
            name = m.lastgroup
            if name is None:
                continue
            # Each alternative ends with its own empty group: where that group sits is the match end.
            e = m.start(name)
            if e > m.start():
                candidates.append((m.start(), e, name))
        return [(s, e, self.values[name]) for s, e, name in _longest_first(candidates)]


def _fold(text: str) -> str:
    """Lower-cased text of the same length (offsets stay valid), for case-insensitive matching.

    Matching lower-cased text against lower-cased patterns, rather than using re.IGNORECASE, lets
    the regex engine skip an alternative on its first literal character: many times faster.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    # Rare: a character whose lower case is longer ("İ" -> "i̇"); keep such characters as they are.
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _lower_pattern(pattern: str) -> str:
    """A pattern lower-cased outside escapes (so "\\W" or "\\S" keep their meaning)."""
    out: list[str] = []
    escaped = False
    for ch in pattern:
        out.append(ch if escaped else ch.lower())
        escaped = not escaped and ch == "\\"
    return "".join(out)


def _longest_first(candidates: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest of overlapping candidates (ties: the earlier one), sorted by start."""
    if len(candidates) <= 1:
        return candidates
    kept: list[tuple[int, int, str]] = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(cand[1] <= k[0] or k[1] <= cand[0] for k in kept):
            kept.append(cand)
    kept.sort()
    return kept


@dataclass(frozen=True)
class Lexicon:
    """The compiled events data of one language. Build with `lexicon(lang)`."""

    lang: str
    triggers: tuple[TriggerEntry, ...] = ()
    numbers: Mapping[str, int] = field(default_factory=dict)
    _triggers: _Section = field(default_factory=lambda: _Section(None, {}))
    _topics: _Section = field(default_factory=lambda: _Section(None, {}))
    _agreements: _Section = field(default_factory=lambda: _Section(None, {}))
    _cues: Mapping[str, _Section] = field(default_factory=dict)

    def find_triggers(self, text: str, start: int = 0, end: int | None = None) -> list[TriggerMatch]:
        """Trigger phrases in text[start:end], sorted by start, overlaps resolved longest-first."""
        found: list[TriggerMatch] = []
        for s, e, entry in self._triggers.scan(text, start, end):
            found.append(
                TriggerMatch(
                    s, e, text[s:e], entry.type, entry.mode, entry.label, entry.weight, entry.needs, entry.noun
                )
            )
        return found

    def find_topics(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
        """(topic, start, end) for each cooperation-area phrase, longest-first, sorted by start."""
        return [(topic, s, e) for s, e, topic in self._topics.scan(text, start, end)]

    def find_agreements(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
        """(kind, start, end) for each agreement-document phrase, longest-first, sorted by start."""
        return [(kind, s, e) for s, e, kind in self._agreements.scan(text, start, end)]

    def find_cues(self, kind: str, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of each status cue of `kind` (planned, agreed, negated, ...); [] for unknown kinds."""
        section = self._cues.get(kind)
        if section is None:
            return []
        return [(s, e) for s, e, _ in section.scan(text, start, end)]

    def number(self, word: str) -> int | None:
        """The count a word stands for: digits ("5") or a number word ("пять", "zwei", "dua")."""
        token = word.strip()
        if token.isdecimal():
            return int(token)
        return self.numbers.get(token.casefold())


# --- loading and validation -------------------------------------------------------------------


@cache
def lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of a language (cached). A language without data gets an empty lexicon."""
    data = languages.data(lang)
    return compile_lexicon(lang, data, source=f"lang/{lang}/data.yaml")


def compile_lexicon(lang: str, data: Mapping[str, Any], source: str = "<data>") -> Lexicon:
    """Validate and compile the events sections of one language's data (raises LexiconError)."""
    # words in a script written without spaces (`language.unsegmented`) have no boundaries to match
    bounded = not languages.about(lang, "unsegmented")
    entries = _read_triggers(data.get("triggers") or [], source)
    topics = _read_pattern_map(data.get("topics") or {}, "topics", TOPICS, source)
    agreements_raw = dict(data.get("agreements") or {})
    numbers = _read_numbers(agreements_raw.pop("numbers", None) or {}, source)
    agreements = _read_pattern_map(agreements_raw, "agreements", AGREEMENT_KINDS, source)
    cues = _read_pattern_map(data.get("status") or {}, "status", STATUS_KINDS, source)
    return Lexicon(
        lang=lang,
        triggers=tuple(entries),
        numbers=numbers,
        _triggers=_compile_section([(e.pattern, e) for e in entries], bounded),
        _topics=_compile_section(topics, bounded),
        _agreements=_compile_section(agreements, bounded),
        _cues={kind: _compile_section([(p, kind) for p, k in cues if k == kind], bounded) for kind in STATUS_KINDS},
    )


def _compile_section(items: Iterable[tuple[str, Any]], bounded: bool) -> _Section:
    """One alternation of all patterns inside a lookahead (so every word start is a candidate).

    Within one start position the first alternative that matches wins, so alternatives are ordered
    most specific (longest literal text) first; across positions `_longest_first` decides.
    Alternatives are grouped by the character they can start with, each group behind a one-character
    guard, so that at a word start only the few patterns that can match there are tried.
    """
    # A pattern "a|b" becomes two alternatives, so that each is ranked by its own specificity.
    pieces = [(piece, value) for pattern, value in items for piece in _split_alternatives(pattern)]
    ordered = [pattern_value for _, pattern_value in sorted(enumerate(pieces), key=_by_specificity)]
    if not ordered:
        return _Section(None, {})
    before = f"(?<!{_WORDCHAR})" if bounded else ""
    # The end needs a boundary only where the match ends in a word character ("n'" needs none).
    after = f"(?:(?<!{_WORDCHAR})|(?!{_WORDCHAR}))" if bounded else ""
    values: dict[str, Any] = {}
    by_first: dict[str, list[tuple[str, str]]] = {}  # first char -> [(pattern, its end marker)]
    anywhere: list[str] = []
    for pattern, value in ordered:
        lowered = _lower_pattern(pattern)
        firsts = _first_chars(lowered)
        for ch in [None] if firsts is None else sorted(firsts):
            name = f"g{len(values)}"
            values[name] = value
            # The named group is an empty marker at the END of the alternative: its position gives
            # the match end. Lookarounds, not \b: \b fails next to a pattern's own punctuation
            # ("U.S.", "(MoU)", "n'").
            marker = f"{after}(?P<{name}>)"
            if ch is None:
                anywhere.append(f"(?:{lowered}){marker}")
            else:
                by_first.setdefault(ch, []).append((lowered, marker))
    groups = [_dispatch_group(ch, entries) for ch, entries in sorted(by_first.items())]
    if anywhere:
        groups.append(f"(?:{'|'.join(anywhere)})")
    regex = caching.compile_regex(f"{before}(?=(?:" + "|".join(groups) + "))")
    return _Section(regex, values)


def _dispatch_group(ch: str, entries: list[tuple[str, str]]) -> str:
    """The alternatives that start with `ch`, behind a test of that one character.

    When every pattern starts with the plain letter `ch`, the letter is consumed once up front:
    the engine then skips the whole group with a single comparison at other letters.
    """
    if all(_strippable(pattern, ch) for pattern, _ in entries):
        return re.escape(ch) + "(?:" + "|".join(f"(?:{p[1:]}){m}" for p, m in entries) + ")"
    return f"(?={re.escape(ch)})(?:" + "|".join(f"(?:{p}){m}" for p, m in entries) + ")"


def _strippable(pattern: str, ch: str) -> bool:
    """Whether the pattern starts with the literal `ch`, not quantified and not alone."""
    return len(pattern) > 1 and pattern[0] == ch and ch not in "\\.^$()[]{}|*+?" and pattern[1] not in "*+?{|"


def _split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern ("a|(?:b|c)" -> ["a", "(?:b|c)"])."""
    pieces: list[str] = []
    depth, in_class, escaped, last = 0, False, False, 0
    for index, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]" or pattern[index - 1] == "["
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            pieces.append(pattern[last:index])
            last = index + 1
    pieces.append(pattern[last:])
    return pieces


def _by_specificity(item: tuple[int, tuple[str, Any]]) -> tuple[int, int]:
    index, (pattern, _) = item
    return (-_specificity(pattern), index)


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a (lower-cased) pattern can start with, or None when that is not a small set."""
    try:
        parsed = list(_sre_parser.parse(pattern))
    except Exception:  # a private module's behaviour: on any surprise, just don't dispatch
        return None
    firsts, nullable = _first_of_sequence(parsed)
    return None if firsts is None or nullable or not firsts else frozenset(firsts)


def _first_of_sequence(items: list[Any]) -> tuple[set[str] | None, bool]:
    """(first characters, whether the sequence can match empty) of a parsed regex sequence."""
    found: set[str] = set()
    for op, arg in items:
        name = str(op)
        firsts: set[str] | None
        if name == "LITERAL":
            firsts, nullable = {chr(arg)}, False
        elif name == "IN":
            firsts, nullable = _chars_of_class(arg), False
        elif name == "SUBPATTERN":
            firsts, nullable = _first_of_sequence(list(arg[-1]))
        elif name == "BRANCH":
            firsts, nullable = set(), False
            for branch in arg[1]:
                sub, sub_nullable = _first_of_sequence(list(branch))
                if sub is None:
                    return None, False
                firsts |= sub
                nullable = nullable or sub_nullable
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            firsts, nullable = _first_of_sequence(list(arg[2]))
            nullable = nullable or arg[0] == 0
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            firsts, nullable = set(), True  # zero-width: does not decide the first character
        else:
            return None, False
        if firsts is None:
            return None, False
        found |= firsts
        if not nullable:
            return found, False
    return found, True


def _chars_of_class(members: list[Any]) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in members:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(arg))
        elif name == "RANGE" and arg[1] - arg[0] < 64:
            chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
        else:
            return None
    return chars


def _specificity(pattern: str) -> int:
    """How much literal text a pattern holds: a proxy for how specific it is."""
    return len(re.sub(r"\\.|[()?:*+|\[\]{}]", "", pattern))


def _check_pattern(pattern: Any, where: str) -> str:
    if not isinstance(pattern, str) or not pattern.strip():
        raise LexiconError(f"{where}: pattern must be a non-empty string, got {pattern!r}")
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(f"{where}: pattern {pattern!r} does not compile: {exc}") from exc
    if compiled.groups:
        raise LexiconError(f"{where}: pattern {pattern!r} has a capturing group; use (?:...)")
    if compiled.fullmatch(""):
        raise LexiconError(f"{where}: pattern {pattern!r} matches the empty string")
    return pattern


def _read_triggers(raw: Any, source: str) -> list[TriggerEntry]:
    if not isinstance(raw, list):
        raise LexiconError(f"{source}: triggers must be a list of entries")
    entries: list[TriggerEntry] = []
    for index, item in enumerate(raw):
        where = f"{source}: triggers[{index}]"
        if not isinstance(item, dict):
            raise LexiconError(f"{where}: entry must be a mapping, got {item!r}")
        where = f"{where} ({item.get('pattern')!r})"
        unknown = set(item) - {"pattern", "type", "mode", "label", "weight", "needs", "noun"}
        if unknown:
            raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
        pattern = _check_pattern(item.get("pattern"), where)
        etype = item.get("type")
        if etype not in PLOVER_TYPES:
            raise LexiconError(f"{where}: type {etype!r} is not a PLOVER type ({', '.join(sorted(PLOVER_TYPES))})")
        mode = item.get("mode")
        if mode is not None and mode not in PLOVER_MODES.get(etype, frozenset()):
            allowed = sorted(PLOVER_MODES.get(etype, frozenset()))
            raise LexiconError(f"{where}: mode {mode!r} is not a {etype} mode (allowed: {allowed or 'null only'})")
        label = item.get("label")
        if not isinstance(label, str) or not label:
            raise LexiconError(f"{where}: label must be a non-empty string")
        weight = item.get("weight")
        if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 <= weight <= 1:
            raise LexiconError(f"{where}: weight must be a number in 0..1, got {weight!r}")
        needs = item.get("needs")
        if needs is not None and needs not in NEEDS:
            raise LexiconError(f"{where}: needs {needs!r} is not one of {sorted(NEEDS)}")
        noun = item.get("noun", False)
        if not isinstance(noun, bool):
            raise LexiconError(f"{where}: noun must be true or false")
        entries.append(TriggerEntry(pattern, etype, mode, label, float(weight), needs, noun))
    return entries


def _read_pattern_map(raw: Any, section: str, allowed: frozenset[str], source: str) -> list[tuple[str, str]]:
    """(pattern, key) pairs of a {key: [pattern, ...]} section, keys checked against `allowed`."""
    if not isinstance(raw, dict):
        raise LexiconError(f"{source}: {section} must be a mapping of name -> list of patterns")
    pairs: list[tuple[str, str]] = []
    for key, patterns in raw.items():
        if key not in allowed:
            raise LexiconError(f"{source}: {section}.{key}: unknown name (allowed: {', '.join(sorted(allowed))})")
        if not isinstance(patterns, list):
            raise LexiconError(f"{source}: {section}.{key}: must be a list of patterns")
        for index, pattern in enumerate(patterns):
            pairs.append((_check_pattern(pattern, f"{source}: {section}.{key}[{index}]"), key))
    return pairs


def _read_numbers(raw: Any, source: str) -> dict[str, int]:
    if not isinstance(raw, dict):
        raise LexiconError(f"{source}: agreements.numbers must be a mapping of word -> integer")
    numbers: dict[str, int] = {}
    for word, value in raw.items():
        if not isinstance(value, int) or isinstance(value, bool):
            raise LexiconError(f"{source}: agreements.numbers.{word}: value must be an integer")
        numbers[str(word).casefold()] = value
    return numbers
