"""Generic actors: groups named by their sector ("the police", "Israeli troops", "протестующие", "الجيش").

PLOVER and CAMEO code such an actor as a country and a sector (an "agent": GOV, MIL, COP, REB, ...). Each
language's `groups` section (lang/<code>/groups.yaml) lists the words of every sector; a group word becomes
an organization mention with the id `group:<sector>`, or `group:<sector>:<CC>` when a country mention is
next to it: its adjective or name right before ("Israeli troops", "以色列军队", "Israel's army") or right
after ("la policía colombiana", "полиция Колумбии", "the army of Israel"), with only the language's `links`
words between. The country mention stays a mention of its own; the group covers its own words only.

Group words never take the place of another mention: a person, an organization of the knowledge base, a
title's words ("army chief") keep their span, and a group word inside one is no group.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from communique import caching
from communique import lang as languages
from communique.actors.bodies import with_article
from communique.actors.draft import Draft
from communique.actors.gazetteer import Candidate, country_names

GROUP_PREFIX = "group:"
# The sectors, in the order their ids and names are made; their English names (canonical, in records).
SECTOR_NAMES: dict[str, str] = {
    "government": "government",
    "military": "military",
    "police": "police",
    "protesters": "protesters",
    "armed_group": "armed group",
    "opposition": "opposition",
    "legislature": "legislature",
    "workers": "workers",
    "students": "students",
    "farmers": "farmers",
    "activists": "activists",
    "civilians": "civilians",
}
_SPACE = r"[\s\u00a0]+"
_APOSTROPHE = "['\u2019]"
_MAX_LINK_CHARS = 12  # "of the", "de los", "की": a link is a word or two


@dataclass(frozen=True, slots=True)
class GroupLexicon:
    """One language's group words as one regex (alternative `s<i>` is sector i of `sectors`)."""

    words: re.Pattern[str]
    after_country: re.Pattern[str] | None  # words that name a group only right after a country ("…军")
    sectors: tuple[str, ...]
    before: re.Pattern[str]  # what may stand between a country and the group after it
    after: re.Pattern[str]  # what may stand between a group and the country after it


def group_sector(entity_id: str) -> str | None:
    """The sector of a group's id ("group:military:IL" -> "military"), None for any other entity."""
    if not entity_id.startswith(GROUP_PREFIX):
        return None
    return entity_id[len(GROUP_PREFIX):].split(":", 1)[0]


def group_candidate(sector: str, country: str | None) -> Candidate:
    """The entity of a sector, of one country or of none: a stable id and a readable English name."""
    label = SECTOR_NAMES[sector]
    if country is None:
        return Candidate(f"{GROUP_PREFIX}{sector}", "organization", label, None, "group")
    name = f"{label} of {with_article(country_names().get(country, country))}"
    return Candidate(f"{GROUP_PREFIX}{sector}:{country}", "organization", name, country, "group")


def _entry_regex(entry: str, star: str = r"\w*") -> str:
    """A group word as a regex: "*" any letters (`star`), a space any spaces, an apostrophe either apostrophe."""
    parts = []
    for ch in entry:
        parts.append(star if ch == "*" else _SPACE if ch == " " else _APOSTROPHE if ch in "'\u2019"
                     else re.escape(ch))
    return "".join(parts)


def _stem_ending(suffixes: list[str]) -> str:
    """What a stem's "*" matches: any letters; in a language that writes particles onto words (경찰은,
    시위대가), the fewest letters that leave one of its particles, or nothing, before the word ends, so
    that the group's span is the word without its particle."""
    if not suffixes:
        return r"\w*"
    particle = "|".join(map(re.escape, sorted(suffixes, key=len, reverse=True)))
    return rf"\w*?(?=(?:{particle})?(?!\w))"


def _alternation(by_sector: dict[str, list[str]], sectors: tuple[str, ...], head: str, tail: str,
                 star: str = r"\w*") -> str:
    """Every entry of every sector, longest first ("riot police" before "police"), in named groups."""
    entries = sorted(((str(e), i) for i, s in enumerate(sectors) for e in by_sector.get(s) or []),
                     key=lambda pair: (-len(pair[0]), pair[0]))
    alternatives = [f"(?P<s{i}_{n}>{head}{_entry_regex(e, star)}{'' if e.endswith('*') else tail})"
                    for n, (e, i) in enumerate(entries)]
    return "|".join(alternatives)


def _links(words: list[str]) -> re.Pattern[str]:
    """Spaces, or a link word with spaces around it (matched against the whole gap)."""
    link = "|".join(_entry_regex(str(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[\s\u00a0]*(?:(?:{link})[\s\u00a0]*)?" if link else r"[\s\u00a0]*", re.IGNORECASE)


@cache
def group_lexicon(code: str) -> GroupLexicon | None:
    """The `groups` section of language `code` compiled; None when it has none."""
    section = languages.section(code, "groups")
    by_sector = section.get("sectors") or {}
    if not by_sector:
        return None
    sectors = tuple(s for s in SECTOR_NAMES if s in by_sector)
    unknown = set(by_sector) - set(SECTOR_NAMES)
    if unknown:
        raise ValueError(f"lang/{code}/groups.yaml: unknown sectors {', '.join(sorted(unknown))}")
    names = languages.section(code, "names")
    star = r"\w*"
    if languages.about(code, "unsegmented"):
        head, tail = "", ""  # no spaces between words: a word may start and end anywhere
    else:
        prefixes = sorted((str(p) for p in names.get("clitic_prefix") or []), key=len, reverse=True)
        clitic = f"(?:{'|'.join(map(re.escape, prefixes))})?" if prefixes else ""
        head, tail = rf"(?<!\w){clitic}", r"(?!\w)"
        star = _stem_ending([str(p) for p in names.get("clitic_suffix") or []])
    words = caching.compile_regex(_alternation(by_sector, sectors, head, tail, star), re.IGNORECASE)
    glued = section.get("after_country") or {}
    after_country = caching.compile_regex(_alternation(glued, sectors, "", ""), re.IGNORECASE) if glued else None
    links = section.get("links") or {}
    return GroupLexicon(words, after_country, sectors, _links(list(links.get("before") or [])),
                        _links(list(links.get("after") or [])))


def _sector_of(lex: GroupLexicon, m: re.Match[str]) -> str:
    name = m.lastgroup or ""
    return lex.sectors[int(name[1:].split("_", 1)[0])]


def add_groups(text: str, drafts: dict[int, Draft], codes: tuple[str, ...],
               titles: Sequence[tuple[int, int]] = ()) -> None:
    """Add a group mention for every group word of the languages `codes` that no other mention covers, nor
    a title (`titles`: their spans, "head of the government" names a person's office)."""
    taken = sorted((d.start, d.end) for d in drafts.values())
    roles = [d.role_span for d in drafts.values() if d.role_span is not None] + list(titles)
    countries = sorted((d for d in drafts.values() if d.kind == "country"), key=lambda d: d.start)
    persons = [d for d in drafts.values() if d.kind == "person"]
    for code in dict.fromkeys(codes):
        lex = group_lexicon(code)
        if lex is None:
            continue
        for start, end, sector in _group_words(text, lex, countries):
            if any(a < end and start < b for a, b in [*taken, *roles]) or _owned(text, start, persons, lex):
                continue
            country = _adjacent_country(text, start, end, countries, lex)
            drafts[start] = Draft(start, end, "organization", (group_candidate(sector, country),), "group",
                                  country=country, confidence=0.8)
            taken.append((start, end))


def _group_words(text: str, lex: GroupLexicon, countries: list[Draft]) -> list[tuple[int, int, str]]:
    """(start, end, sector) of the group words: the lexicon's, then those that follow a country."""
    found = [(m.start(), m.end(), _sector_of(lex, m)) for m in lex.words.finditer(text) if m.end() > m.start()]
    if lex.after_country is not None:
        for d in countries:
            m = lex.after_country.match(text, d.end)
            if m is not None and m.end() > m.start():
                found.append((m.start(), m.end(), _sector_of(lex, m)))
    return sorted(found, key=lambda f: (f[0], -f[1]))  # the longest word at a place: "军队" over "军"


def _owned(text: str, start: int, persons: list[Draft], lex: GroupLexicon) -> bool:
    """"安倍政権", "Putin's government": a group named after its leader is the leader's, no actor of its own."""
    return any(d.end <= start and start - d.end <= _MAX_LINK_CHARS and lex.before.fullmatch(text, d.end, start)
               for d in persons)


def _adjacent_country(text: str, start: int, end: int, countries: list[Draft], lex: GroupLexicon) -> str | None:
    """The country named right before the group (or, failing that, right after it), if any."""
    for d in reversed(countries):
        if d.end <= start and start - d.end <= _MAX_LINK_CHARS and lex.before.fullmatch(text, d.end, start):
            return _code(d)
    for d in countries:
        if d.start >= end and d.start - end <= _MAX_LINK_CHARS and lex.after.fullmatch(text, end, d.start):
            return _code(d)
    return None


def _code(d: Draft) -> str | None:
    return d.country or (d.candidates[0].country if d.candidates else None)
