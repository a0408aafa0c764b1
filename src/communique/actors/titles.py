"""Titles and roles ("заместитель министра иностранных дел", "der stellvertretende Premierminister").

The lexicon is data: the `titles` section of each `lang/<code>/data.yaml`:

    titles:
      roles:          # regex (case-insensitive, inflection as \\w*) -> canonical English title
        - {pattern: 'министр\\w* иностранных дел', title: Minister of Foreign Affairs}
        - {pattern: 'председател\\w*', title: Chairman, org: true}   # org: takes "of <organization>"
        - {pattern: 'коллег\\w*', title: ''}                         # a counterpart: no title, but a person
      modifiers:      # before a title: prefix its canonical form
        - {pattern: 'заместител\\w*', add: Deputy}
      post_modifiers: # after a title (fr "ministre adjoint")
      connectors: [de, du]            # words between a title and its complement (country, organization)
      bodies: ['ЦК']                  # unnamed bodies skipped between a title and the name
      honorifics: ['товарищ\\w*']     # "comrade", "Mr" between a title and the name
      credits: ['Фото']               # "Photo:" — a name right after it is a credit, not an actor
      surnames: [Nguyễn, ...]         # (vi) common family names: the shape of a Vietnamese name
      country_before: true            # the country's name stands right before the title it qualifies
                                      # ("Kanada Başbakanı", "미국 대통령"), not only its adjective
      adjective_after: true           # a country's adjective follows the title ("الرئيس الروسي"): one
                                      # before it qualifies something else
      name_before: true               # the title follows the name it belongs to ("문재인 대통령은")
      plural: '\\b\\w+(?:ers|ents|ors)\\b'  # a title in the plural ("the foreign ministers"): a title before
                                      # countries joined by "and" is each one's holder, alone it is nobody

A language without a `titles` section uses the English one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from communique import caching
from communique import lang as languages


@dataclass(frozen=True, slots=True)
class TitleMatch:
    start: int
    end: int
    title: str  # canonical English title ("" for a counterpart word such as "коллега")
    takes_org: bool
    country: str | None = None  # a country the title itself implies (rare: "Bundeskanzler")
    plural: bool = False  # written in the plural (languages whose data says how: `plural`)


@dataclass(frozen=True, slots=True)
class _Role:
    regex: re.Pattern[str]
    title: str
    takes_org: bool
    country: str | None


@dataclass(frozen=True, slots=True)
class TitleLexicon:
    lang: str
    roles: tuple[_Role, ...]
    modifiers: tuple[tuple[re.Pattern[str], str], ...]
    post_modifiers: tuple[tuple[re.Pattern[str], str], ...]
    finder: re.Pattern[str] | None
    connectors: re.Pattern[str] | None
    bodies: re.Pattern[str] | None
    honorifics: re.Pattern[str] | None
    credits: re.Pattern[str] | None
    surnames: frozenset[str]
    country_before: bool = False
    adjective_after: bool = False
    name_before: bool = False
    plural: re.Pattern[str] | None = None


def _entries(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key) or []
    return [v for v in value if isinstance(v, dict) and v.get("pattern")]


def _words(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key) or []
    return [str(v) for v in value if v]


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _compile_words(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return caching.compile_regex(rf"(?:{_alternation(patterns)})(?!\w)", re.IGNORECASE)


@cache
def lexicon(lang: str) -> TitleLexicon:
    """The compiled titles of one language; an unknown language gets every supported language's titles."""
    data = _merged_data(lang)
    roles = tuple(
        _Role(re.compile(f"(?:{e['pattern']})", re.IGNORECASE), str(e.get("title") or ""), bool(e.get("org")),
              e.get("country"))
        for e in _entries(data, "roles")
    )
    modifiers = tuple((re.compile(f"(?:{e['pattern']})", re.IGNORECASE), str(e.get("add", "")))
                      for e in _entries(data, "modifiers"))
    post = tuple((re.compile(f"(?:{e['pattern']})", re.IGNORECASE), str(e.get("add", "")))
                 for e in _entries(data, "post_modifiers"))
    finder = None
    if roles:
        mods = _alternation([m.pattern for m, _ in modifiers]) if modifiers else None
        posts = _alternation([m.pattern for m, _ in post]) if post else None
        body = _alternation([r.regex.pattern for r in roles])
        pre = rf"(?P<mods>(?:(?:{mods})\s+)*)" if mods else "(?P<mods>)"
        after = rf"(?P<post>(?:\s+(?:{posts}))?)" if posts else "(?P<post>)"
        # a particle written onto the title ("대통령은") follows it but is no part of it
        suffixes = sorted(map(str, languages.section(lang, "names").get("clitic_suffix") or []), key=len, reverse=True)
        particle = f"(?:{'|'.join(map(re.escape, suffixes))})?" if suffixes else ""
        # a language written without spaces (`language.unsegmented`) has no word boundaries around its titles
        # ("俄罗斯总统普京", "ロシア大統領は"): its patterns say where a title ends
        if languages.about(lang, "unsegmented"):
            finder = caching.compile_regex(rf"{pre}(?P<base>{body}){after}", re.IGNORECASE)
        else:
            finder = caching.compile_regex(rf"(?<!\w){pre}(?P<base>{body}){after}(?={particle}(?!\w))", re.IGNORECASE)
    connectors = _words(data, "connectors")
    return TitleLexicon(
        lang=lang,
        roles=roles,
        modifiers=modifiers,
        post_modifiers=post,
        finder=finder,
        connectors=re.compile(rf"(?:{_alternation([re.escape(c) for c in connectors])})(?=[\s’'])", re.IGNORECASE)
        if connectors else None,
        bodies=_compile_words(_words(data, "bodies")),
        honorifics=_compile_words(_words(data, "honorifics")),
        # "Photo: X", "AP Photo/X", "(Photo by X / POOL / AFP)"
        credits=re.compile(rf"(?<!\w)(?:{_alternation(_words(data, 'credits'))})(?:\s*[:/]|\s+by\s)", re.IGNORECASE)
        if _words(data, "credits") else None,
        surnames=frozenset(_words(data, "surnames")),
        country_before=bool(data.get("country_before")),
        adjective_after=bool(data.get("adjective_after")),
        name_before=bool(data.get("name_before")),
        plural=re.compile(str(data["plural"]), re.IGNORECASE) if data.get("plural") else None,
    )


def _merged_data(lang: str) -> dict[str, Any]:
    """A language's titles; a language without them borrows those of the international language
    (English: "President", "Minister" are common loan titles, and one lexicon keeps unknown languages fast)."""
    data = languages.section(lang, "titles")
    international = languages.international()
    if data or lang in languages.full() or international is None:
        return dict(data)
    return dict(languages.section(international, "titles"))


def find_titles(text: str, lang: str) -> list[TitleMatch]:
    lex = lexicon(lang)
    if lex.finder is None:
        return []
    return [_title_of(m, lex) for m in lex.finder.finditer(text)]


def _role_spans(role: _Role, m: re.Match[str]) -> bool:
    """Whether the role's pattern, read in the text where the title stands, spans the title's base: a pattern
    may look at the words after it (Portuguese "chanceler" before "alemão" is the Chancellor)."""
    found = role.regex.match(m.string, m.start("base"))
    return found is not None and found.end() == m.end("base")


def _title_of(m: re.Match[str], lex: TitleLexicon) -> TitleMatch:
    role = next((r for r in lex.roles if _role_spans(r, m)), lex.roles[0])
    title = role.title
    prefixes: list[str] = []
    mods_text = m.group("mods") or ""
    for word in re.findall(r"\S+", mods_text):
        for regex, add in lex.modifiers:
            if regex.fullmatch(word) and add and add not in prefixes:
                prefixes.append(add)
    post_text = (m.group("post") or "").strip()
    if post_text:
        for regex, add in lex.post_modifiers:
            if regex.fullmatch(post_text) and add and add not in prefixes:
                prefixes.append(add)
    if title and prefixes:
        title = compose_title(prefixes, title)
    plural = lex.plural is not None and lex.plural.search(m.group("base")) is not None
    return TitleMatch(m.start(), m.end(), title, role.takes_org, role.country, plural)


def compose_title(prefixes: list[str], title: str) -> str:
    """["Permanent"] + "Deputy Minister of X" -> "Permanent Deputy Minister of X", without doubling words."""
    words = [p for p in prefixes if not title.startswith(p)]
    # "First Deputy" reads in that order whatever order the modifiers came in
    order = {"Permanent": 0, "First": 1, "Acting": 2, "Deputy": 3, "Vice": 3, "Co-": 4}
    words.sort(key=lambda w: order.get(w, 5))
    return " ".join([*words, title]).replace("Co- ", "Co-")
