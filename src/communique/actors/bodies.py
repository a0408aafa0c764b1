"""A country's bodies named after it: "МЗС України", "Außenministerium Ungarns", "Rusya Dışişleri Bakanlığı".

The knowledge base lists the ministries of some countries by name, in some languages. Every language's
`organizations.of_country` (its data.yaml) says how it names such a body of ANY country: the body's words
before the country's name or adjective (`before`: "МЗС" + a genitive, "وزارة الخارجية" + an adjective) or
after them (`after`: "Ukrainian Foreign Ministry", "俄罗斯外交部"; the pattern says where its last word
ends), and the body's English name. The country mention and the body's words become
one organization mention, "Ministry of Foreign Affairs of Ukraine": the knowledge base's entity of that name
when it has one, else a local id from the name (the same in every document).

A leader's government is named after them too: "the Biden administration", "دولت بایدن", "拜登政府". Each
language's `organizations.of_leader` gives the words before or after the name; the name and the words become
one country mention, as the annotation guidelines code a government named without an official.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from communique import lang as languages
from communique.actors.countries import country_names
from communique.actors.draft import Draft
from communique.actors.gazetteer import Candidate, folded_name_id
from communique.actors.kb import load_kb

# How far back (characters) the words of a body may start before the country that owns it.
_MAX_BODY_CHARS = 60
_GAP = r"[ \u00a0'’]*"  # between the body's words and the country (an elided article: "dell'Ucraina")


@dataclass(frozen=True, slots=True)
class BodyPattern:
    name: str  # the body's English name, "Ministry of Foreign Affairs"
    before: re.Pattern[str] | None  # the body's words ending right before the country
    after: re.Pattern[str] | None  # the body's words starting right after the country


@cache
def body_patterns(codes: tuple[str, ...]) -> tuple[BodyPattern, ...]:
    """The patterns of the languages `codes` (a text's language and the one that reads it)."""
    return _patterns(codes, "of_country")


@cache
def leader_patterns(codes: tuple[str, ...]) -> tuple[BodyPattern, ...]:
    """The `organizations.of_leader` patterns of the languages `codes`: a government's words around its
    leader's name."""
    return _patterns(codes, "of_leader")


def _patterns(codes: tuple[str, ...], key: str) -> tuple[BodyPattern, ...]:
    out: list[BodyPattern] = []
    for code in dict.fromkeys(codes):
        for entry in languages.section(code, "organizations").get(key) or []:
            before, after = entry.get("before"), entry.get("after")
            out.append(BodyPattern(
                str(entry.get("name") or "Government"),
                re.compile(rf"(?<!\w)(?:{before}){_GAP}\Z", re.IGNORECASE) if before else None,
                re.compile(rf"{_GAP}(?:{after})", re.IGNORECASE) if after else None,
            ))
    return tuple(out)


@cache
def _kb_organizations() -> dict[str, Candidate]:
    """KB organizations by their canonical name."""
    return {e.name: Candidate(e.id, e.kind, e.name, e.country, e.type)
            for e in sorted(load_kb().entities.values(), key=lambda e: e.id) if e.kind == "organization"}


@cache
def _international() -> dict[str, Any]:
    """The `organizations` section of the language canonical names are in (English)."""
    return dict(languages.section(languages.international() or languages.FALLBACK, "organizations"))


def body_candidate(body: str, country: str, country_name: str) -> Candidate:
    """The organization "`body` of `country_name`": the KB's entity for that body of that country (by the id
    convention of `organizations.kb_ids`, else by name), else a local one named after the country."""
    kb = load_kb()
    template = (_international().get("kb_ids") or {}).get(body)
    entity = kb.get(str(template).format(country=country.lower())) if template else None
    if entity is not None:
        return Candidate(entity.id, entity.kind, entity.name, entity.country, entity.type)
    name = f"{body} of {with_article(country_name)}"
    known = _kb_organizations().get(name)
    if known is not None:
        return known
    return Candidate(folded_name_id("org", name), "organization", name, country, "ministry")


def with_article(country_name: str) -> str:
    """"the United States", "the Netherlands"; "Ukraine" stays (`organizations.article_words`)."""
    words = set(_international().get("article_words") or [])
    return f"the {country_name}" if country_name.split()[-1] in words else country_name


def add_country_bodies(text: str, drafts: dict[int, Draft], codes: tuple[str, ...]) -> None:
    """Join each country mention (a name or an adjective) with the words of a body of it before or after it."""
    patterns = body_patterns(codes)
    if not patterns:
        return
    for d in sorted((d for d in drafts.values() if d.kind == "country"), key=lambda d: d.start):
        cand = d.candidates[0] if d.candidates else None
        code = d.country or (cand.country if cand else None)
        if cand is None or code is None or drafts.get(d.start) is not d:
            continue
        joined = _join(text, drafts, d, patterns)
        if joined is not None:
            start, end, pattern = joined
            body = body_candidate(pattern.name, code, cand.name)
            drafts[start] = Draft(start, end, "organization", (body,), "body", country=code, confidence=0.9)


def _join(text: str, drafts: dict[int, Draft], d: Draft, patterns: tuple[BodyPattern, ...],
          titles: list[tuple[int, int]] | None = None) -> tuple[int, int, BodyPattern] | None:
    """The span of `d` with the words of the first pattern found around it (not words of a title), the drafts
    inside it removed (the country or person, and a bare acronym of the body: "МИД" alone is Russia's)."""
    for pattern in patterns:
        span = _body_span(text, d, pattern)
        if span is None:
            continue
        start, end = span
        if any(lo < end and start < hi and not (d.start <= lo and hi <= d.end) for lo, hi in titles or ()):
            continue
        for other in [k for k, o in drafts.items() if o.start < end and start < o.end]:
            del drafts[other]
        return start, end, pattern
    return None


def _body_span(text: str, d: Draft, pattern: BodyPattern) -> tuple[int, int] | None:
    if pattern.before is not None:
        lo = max(0, d.start - _MAX_BODY_CHARS)
        m = pattern.before.search(text[lo : d.start])
        if m is not None:
            return lo + m.start(), d.end
    if pattern.after is not None:
        m = pattern.after.match(text, d.end)
        if m is not None:
            return d.start, m.end()
    return None


# The offices whose holder gives a government its name ("the Biden administration", "the Modi government")
_LEADING_OFFICES = frozenset({"head_of_state", "head_of_government"})


def add_leader_governments(text: str, drafts: dict[int, Draft], codes: tuple[str, ...],
                           titles: list[tuple[int, int]]) -> None:
    """Join a head of state's or government's name with the words of their government around it ("the Trump
    administration", "إدارة ترامب") into a mention of their country: the government is the side, not the person.
    Words that are part of a title (`titles`: "Председатель Правительства Мишустин") are the person's office."""
    patterns = leader_patterns(codes)
    if not patterns:
        return
    for d in sorted((d for d in drafts.values() if d.kind == "person"), key=lambda d: d.start):
        code = _leader_country(d)
        if code is None or drafts.get(d.start) is not d:
            continue
        joined = _join(text, drafts, d, patterns, titles)
        if joined is not None:
            start, end, _ = joined
            country = Candidate(f"country:{code}", "country", country_names().get(code, code), code)
            drafts[start] = Draft(start, end, "country", (country,), "body", country=code, confidence=0.9)


def _leader_country(d: Draft) -> str | None:
    """The country of the person a draft names, if every reading of it is one who has led that country."""
    kb = load_kb()
    countries = set()
    for cand in d.candidates:
        entity = kb.get(cand.entity_id)
        if entity is None or not any(r.office in _LEADING_OFFICES for r in entity.roles):
            return None
        countries.add(entity.country)
    return countries.pop() if len(countries) == 1 else None
