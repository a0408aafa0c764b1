"""Mention recognition: gazetteer matches, titles with the names they introduce, name shapes, demonyms.

`recognize(doc, anchor)` returns draft mentions (sorted, non-overlapping); `resolve.resolve_mentions`
then picks entities, canonical names, roles and in-document coreference.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass
from functools import cache

from communique import lang as languages
from communique.actors import cities
from communique.actors.bodies import add_country_bodies, add_leader_governments
from communique.actors.draft import Draft
from communique.actors.gazetteer import (
    Candidate,
    Match,
    Token,
    common_words,
    country_abbreviations,
    country_names,
    country_sides,
    demonym_regex,
    find_matches,
    fold_name,
    gazetteer,
    is_clustered,
    office_surnames,
    tokenize,
)
from communique.actors.groups import add_groups
from communique.actors.kb import load_kb, role_country
from communique.actors.ner import config as ner_config
from communique.actors.ner.drafts import add_model_drafts
from communique.actors.titles import TitleLexicon, TitleMatch, find_titles, lexicon
from communique.actors.xscript import Context, find_spelled_names, link_surname

MAX_NAME_TOKENS = 4
# How far (characters) a complement chain may run between a title and the name it introduces.
MAX_COMPLEMENT_CHARS = 90
_PAREN_RE = re.compile(r"\(([^()\n]{1,40})\)")


@cache
def _initial_re() -> re.Pattern[str]:
    """An initial: a capital letter (of any language's alphabet) and a dot."""
    return re.compile(rf"[{languages.capitals()}]\.")


def effective_lang(doc_lang: str, text: str) -> str:
    """The language whose data applies; text of another language in a script that a language reads
    (a quarter of its characters or more) is read as that language (Cyrillic as Russian)."""
    if doc_lang in languages.full():
        return doc_lang
    sample = text[:2000]
    for reader, count in languages.script_counts(sample):
        if count > len(sample) / 4:
            return reader
    return doc_lang or languages.UNDETERMINED


def titles_language(doc_lang: str, lang: str) -> str:
    """Whose titles apply: the document's language when it has its own (Ukrainian, Bulgarian: their text is
    otherwise read with the Russian data, `effective_lang`), else the language whose data applies."""
    return doc_lang if doc_lang != lang and languages.section(doc_lang, "titles") else lang


@dataclass(slots=True)
class _Context:
    text: str
    lang: str
    tokens: list[Token]
    starts: list[int]
    lex: TitleLexicon
    matches: list[Match]
    match_at: dict[int, Match]  # by start offset
    credit_zones: list[tuple[int, int]]

    def token_index_at(self, pos: int) -> int | None:
        i = bisect.bisect_left(self.starts, pos)
        return i if i < len(self.tokens) and self.tokens[i].start == pos else None

    def next_token_index(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)


def recognize(text: str, lang: str, anchor: str | None = None) -> tuple[list[Draft], list[Token]]:
    """Draft mentions in `text` (sorted by start, non-overlapping) and the tokens they were found in.

    `anchor` (the document's date) dates the offices that a title without a name refers to.
    """
    doc_lang = lang
    lang = effective_lang(lang, text)
    tokens = tokenize(text, lang)
    gaz = gazetteer(lang, doc_lang if doc_lang != lang else None)
    matches = [m for m in find_matches(text, tokens, gaz) if not _stale_surname(text, tokens, m, anchor, lang)]
    title_lang = titles_language(doc_lang, lang)
    lex = lexicon(title_lang)
    ctx = _Context(text, lang, tokens, [t.start for t in tokens], lex, matches,
                   {m.start: m for m in matches}, _credit_zones(text, lex))
    drafts: dict[int, Draft] = {}
    # a surname read off an office holder's name that names someone else once here ("Grigor Dimitrov") is
    # that other person's everywhere in the document
    others = {text[m.start : m.end] for m in matches if _dated(m) and _surname_of_someone_else(ctx, m)}
    for m in matches:
        if _surname_of_someone_else(ctx, m) or (_dated(m) and text[m.start : m.end] in others):
            continue
        if m.demonym:  # "الإسرائيلية": the country's adjective, as the demonym lexicons give it
            drafts[m.start] = Draft(m.start, m.end, "country", m.candidates, "demonym",
                                    country=m.candidates[0].country, confidence=0.7)
            continue
        kind = _kind_of(m.candidates)
        drafts[m.start] = Draft(m.start, m.end, kind, m.candidates, "kb")
    _add_demonyms(ctx, drafts, doc_lang)
    _add_abbreviations(ctx, drafts)
    _add_spelled_names(ctx, drafts, doc_lang, anchor)
    titles = find_titles(text, title_lang)
    alone = _attach_titles(ctx, titles, drafts, anchor)
    _attach_appositives(ctx, titles, drafts)
    add_country_bodies(text, drafts, (lang, doc_lang))
    add_leader_governments(text, drafts, (lang, doc_lang), [(t.start, t.end) for t in titles if t.title])
    _add_name_shapes(ctx, drafts)
    _add_model_entities(ctx, drafts, doc_lang)
    _cities_not_persons(ctx, drafts)
    _attach_titles_after_names(ctx, titles, drafts)
    _refer_back(text, alone, drafts, anchor)
    # last: a group word never takes another mention's place, nor a title's ("ראש הממשלה" is no government)
    add_groups(text, drafts, (lang, doc_lang), [(t.start, t.end) for t in titles if t.title])
    out = [d for d in sorted(drafts.values(), key=lambda d: (d.start, -d.end)) if not _in_credit(ctx, d)]
    return _without_overlaps(out), tokens


# How far from a person's time in office a surname read off their name still names them (years before, after)
OFFICE_REACH = (2, 1)


def _stale_surname(text: str, tokens: list[Token], m: Match, anchor: str | None, lang: str) -> bool:
    """An office holder's surname that the KB does not list but that was read off their name (`Candidate.dated`)
    names them only in a document of their time in office (OFFICE_REACH): "Stuart" in a 2024 text is not
    Barbados's prime minister of 2010-2018, and an undated text cannot tell. Nor when a capitalized word follows
    it ("Michała Szpaka": a given name that looks like someone's surname). Coreference still finds it after the
    person's full name."""
    if not m.candidates or not all(c.dated for c in m.candidates):
        return False
    if text[m.start : m.end].lower() in common_words(lang) or text[m.start : m.end] in common_words(lang):
        return True  # a word of the document's language ("Was" is German, whoever bears it as a surname)
    kb = load_kb()
    written = fold_name(text[m.start : m.end])
    if not any(_spelled_alike(written, fold_name(form)) for c in m.candidates
               if (e := kb.get(c.entity_id)) is not None for form, _ in office_surnames(e)):
        return True  # as written, or nearly: matching keys also fold "Wasser" into Vaz, "Las" into Lasso
    following = tokens[m.last_token + 1] if m.last_token + 1 < len(tokens) else None
    if following is not None and following.capitalized and text[m.end : following.start] == " ":
        return True
    if not anchor or len(anchor) < 4 or not anchor[:4].isdigit():
        return True
    year = int(anchor[:4])
    lo, hi = f"{year - OFFICE_REACH[0]:04d}{anchor[4:10]}", f"{year + OFFICE_REACH[1]:04d}{anchor[4:10]}"
    return not any(r.office and r.overlaps(lo, hi) for c in m.candidates
                   if (e := kb.get(c.entity_id)) is not None for r in e.roles)


# Two spellings of one surname: "Netanyahou"/"Netanyahu" (similarity 0.95); shorter words only as written
# ("Cerrar" is no Cerar, "Belén" no Van der Bellen)
SPELLED_ALIKE = 0.9
SPELLED_ALIKE_FROM = 7  # letters


def _spelled_alike(written: str, form: str) -> bool:
    return written == form or (len(form) >= SPELLED_ALIKE_FROM and written[:1] == form[:1]
                               and difflib.SequenceMatcher(None, written, form).ratio() >= SPELLED_ALIKE)


def _dated(m: Match) -> bool:
    return bool(m.candidates) and all(c.dated for c in m.candidates)


def _surname_of_someone_else(ctx: _Context, m: Match) -> bool:
    """"Sarah Mitchell" is not Charles Michel: a KB surname right after an unknown capitalized given name
    belongs to another person (titles and honorifics before a surname are fine: "Präsident Putin")."""
    if not all(c.partial for c in m.candidates) or m.first_token == 0 or languages.about(ctx.lang, "capitalized_nouns"):
        return False  # a language that capitalizes every noun (German): a capital before a surname says nothing
    prev = ctx.tokens[m.first_token - 1]
    if not prev.capitalized or ctx.text[prev.end : m.start] not in (" ", "\u00a0"):
        return False
    if any(other.start <= prev.start < other.end for other in ctx.matches):
        return False
    if _is_title_word(ctx, prev) or _match_word(ctx.lex.honorifics, ctx.text, prev.start):
        return False
    if prev.text in common_words(ctx.lang) or prev.text.lower() in common_words(ctx.lang):
        return False  # "The Biden administration", "On Monday Putin said": a word of the language, no given name
    return not _initial_re().match(ctx.text, prev.start)


def _kind_of(cands: tuple[Candidate, ...]) -> str:
    full = [c for c in cands if not c.partial] or list(cands)
    return full[0].kind


# --------------------------------------------------------------------------------------------- credits


def _credit_zones(text: str, lex: TitleLexicon) -> list[tuple[int, int]]:
    """After "Фото:" / "(Foto: VNA)": the rest of the line or bracket holds a credit, not an actor."""
    if lex.credits is None:
        return []
    zones = []
    for m in lex.credits.finditer(text):
        stop = len(text)
        for ch in ("\n", ")", "|"):
            k = text.find(ch, m.end())
            if k != -1:
                stop = min(stop, k)
        zones.append((m.start(), min(stop, m.end() + 60)))
    return zones


def _in_credit(ctx: _Context, d: Draft) -> bool:
    return any(a <= d.start < b for a, b in ctx.credit_zones)


# --------------------------------------------------------------------------------------------- demonyms


def _add_demonyms(ctx: _Context, drafts: dict[int, Draft], doc_lang: str) -> None:
    """Country adjectives of the language whose data applies and of the document's own (Ukrainian "російський"
    in a text read with the Russian data)."""
    for code in dict.fromkeys((ctx.lang, doc_lang)):
        regex = demonym_regex(code)
        if regex is not None:
            _add_demonyms_of(ctx, drafts, regex)


def _add_demonyms_of(ctx: _Context, drafts: dict[int, Draft], regex: re.Pattern[str]) -> None:
    covered = [(d.start, d.end) for d in drafts.values()]
    for m in regex.finditer(ctx.text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        code = next(name.split("_", 1)[1] for name, value in m.groupdict().items() if value is not None)

        name = country_names().get(code, code)
        cand = Candidate(f"country:{code}", "country", name, code)
        drafts[m.start()] = Draft(m.start(), m.end(), "country", (cand,), "demonym", country=code, confidence=0.7)


def _add_abbreviations(ctx: _Context, drafts: dict[int, Draft]) -> None:
    """"中美关系", "日米首脳": each character of a compound of country abbreviations is its country. A compound
    is taken whole or not at all: one that overlaps a name found before ("今日中国") is no compound. An
    abbreviation with the language's word for a side ("中方", "俄方") is that country."""
    covered = [(d.start, d.end) for d in drafts.values()]
    for start, end, parts in country_abbreviations(ctx.text, ctx.lang):
        if any(a < end and start < b for a, b in covered):
            continue
        for pos, code in parts:
            cand = Candidate(f"country:{code}", "country", country_names().get(code, code), code)
            drafts[pos] = Draft(pos, pos + 1, "country", (cand,), "demonym", country=code, confidence=0.8)
    for start, end, code in country_sides(ctx.text, ctx.lang):  # "中方": the country itself, a side
        if any(a < end and start < b for a, b in covered):
            continue
        cand = Candidate(f"country:{code}", "country", country_names().get(code, code), code)
        drafts[start] = Draft(start, end, "country", (cand,), "side", country=code, confidence=0.8)


def _demonym_country(drafts: dict[int, Draft], start: int, end: int) -> str | None:
    d = drafts.get(start)
    if d is not None and d.end == end and d.kind == "country":
        return d.country or d.candidates[0].country
    return None


# --------------------------------------------------------------------------------------------- titles


@dataclass(frozen=True, slots=True)
class _TitleAlone:
    """A title that introduces no name and whose holder the KB could not give: what `_refer_back` reads."""

    start: int
    title_end: int  # the end of the title's own words ("سخنگوی"), before its complements
    title: str
    country: str | None


def _attach_titles(ctx: _Context, titles: list[TitleMatch], drafts: dict[int, Draft],
                   anchor: str | None) -> list[_TitleAlone]:
    """A title, its complements (country, organization), then the name it introduces; or, with no name,
    the holder of that office ("с президентом России" in 2024 is Vladimir Putin). The titles left alone
    (no name, no holder) are returned."""
    alone: list[_TitleAlone] = []
    for t in titles:
        if any(d.start <= t.start < d.end and d.kind != "country" for d in drafts.values()):
            continue  # inside a name ("Partei Einiges Russland" is no title)
        country = _adjacent_demonym(ctx, drafts, t)
        pos, comp_country, org = _complements(ctx, t.end, drafts)
        if pos < 0:
            continue
        country = comp_country or country or t.country
        if t.plural:  # "Foreign Ministers Lavrov and Wang": names already found, never a new one
            person = _person_before(ctx, t, drafts) or _known_person_at(ctx, pos, drafts)
        else:
            person = (_person_before(ctx, t, drafts) or _person_at(ctx, pos, drafts, allow_comma=True)
                      or _surname_after_title(ctx, pos, drafts, (t.title, country), anchor))
        if person is not None and _of_another_country(person, t.title, country):
            person = None  # "pertemuan dengan Menlu Turki, Retno melanjutkan": the title is someone else's
        title = _with_org(t, org)
        if person is None:
            # the office ends at its last country or body ("президентом России", not "… в Москве")
            end = max((d.end for d in drafts.values() if t.start <= d.start < pos and d.kind in ("country",
                       "organization")), default=t.end)
            named = _named_persons(drafts) if anchor is None else frozenset()
            holder = _office_holder(title, country, anchor, t.start, end, named) if org is None else None
            if holder is not None and _holders_of_each(ctx, t, title, end, drafts, anchor, named):
                continue
            if t.plural:  # "the defence ministers" of one country or none: nobody in particular
                continue
            if holder is not None:
                for start in [k for k, d in drafts.items() if t.start <= d.start and d.end <= holder.end]:
                    del drafts[start]  # the country inside "президентом России" is part of the title
                drafts[holder.start] = holder
            elif title:
                alone.append(_TitleAlone(t.start, t.end, title, country))
            continue
        _assign_role(person, title, (t.start, t.end), country, org)
    return alone


def _refer_back(text: str, alone: list[_TitleAlone], drafts: dict[int, Draft], anchor: str | None) -> None:
    """A title standing for a name ("the spokesperson added", "Президент отметил", "الوزير السعودي") is the
    person the document gave that title last, before it (of the country the title states, if it states
    one): a definite description that refers back. Titles whose holder the KB gives on the document's date
    were taken before (`_office_holder`); this covers undated documents, offices the KB does not list, and
    people outside the KB."""
    for t in alone:
        if any(d.start < t.title_end and t.start < d.end for d in drafts.values()):
            continue
        before = [d for d in drafts.values() if d.kind == "person" and d.end <= t.start and d.source != "coref"
                  and (d.candidates or d.name_tokens) and (t.country is None or _country_of(d) == t.country)
                  and any(_same_title(role, t.title) for role in _titles_of(d, anchor))]
        if not before:
            continue
        antecedent = max(before, key=lambda d: d.start)
        if _appositive_gap(text[antecedent.end : t.start]):
            continue  # "ناصر کنعانی، سخنگوی …": the name's own title, not a second mention
        # the mention is the title word itself: the country or body after it stays a mention of its own
        drafts[t.start] = Draft(t.start, t.title_end, "person", antecedent.candidates, "coref",
                                country=antecedent.country, role=t.title, role_span=(t.start, t.title_end),
                                org=antecedent.org, name_tokens=antecedent.name_tokens, confidence=0.7)


def _appositive_gap(gap: str) -> bool:
    """What stands between a name and its appositive title: punctuation, spaces and at most an article
    ("Maria Zakharova, the spokeswoman", "ناصر کنعانی، سخنگوی")."""
    words = gap.strip(" \u00a0,،、").split()
    return len(words) == 0 or (len(words) == 1 and len(words[0]) <= 3 and words[0].isalpha())


def _titles_of(d: Draft, anchor: str | None) -> list[str]:
    """The title the text gives a person, and those the KB gives the one person it may be, at `anchor`."""
    titles = [d.role] if d.role else []
    people = {c.entity_id for c in d.candidates if c.kind == "person" and not c.partial}
    entity = load_kb().get(next(iter(people))) if len(people) == 1 else None
    if entity is not None:
        titles += [role.title for role in entity.roles_at(anchor)]
    return titles


def _same_title(role: str, title: str) -> bool:
    """"Spokesperson" stands for the "Spokesperson of the Ministry of Foreign Affairs" named before."""
    return role == title or role.startswith(title + " of ")


def _country_of(d: Draft) -> str | None:
    return d.country or next((c.country for c in d.candidates if c.country), None)


# A word of a script without capitals shorter than this is too often a verb or a particle to be read as a
# surname after a title ("ראש הממשלה אמר", "the prime minister said").
MIN_CASELESS_SURNAME = 4


def _surname_after_title(ctx: _Context, pos: int, drafts: dict[int, Draft], office: tuple[str, str | None],
                         anchor: str | None) -> Draft | None:
    """In a script without capitals (Arabic, Hebrew, Persian), the word after a title ("ראש הממשלה נתניהו",
    "الرئيس أردوغان", "آقای پوتین") is a name when it is the surname of the one KB person whose office the
    title (and the country it states) fits near the document's date (actors.xscript.link_surname)."""
    title, country = office
    if not title:
        return None
    p = _skip_space(ctx.text, pos)
    hon = _match_word(ctx.lex.honorifics, ctx.text, p)
    if hon:
        p = _skip_space(ctx.text, hon)
    i = ctx.token_index_at(p)
    if i is None or p in drafts:
        return None
    word = ctx.tokens[i].text
    if not _without_case(word) or len(word) < MIN_CASELESS_SURNAME:
        return None
    entity_id = link_surname(word, Context(ctx.lang, anchor, country, frozenset(), title))
    entity = load_kb().get(entity_id) if entity_id else None
    if entity is None:
        return None
    cand = Candidate(entity.id, "person", entity.name, entity.country)
    draft = Draft(p, p + len(word), "person", (cand,), "reading", confidence=0.8)
    drafts[p] = draft
    return draft


def _attach_titles_after_names(ctx: _Context, titles: list[TitleMatch], drafts: dict[int, Draft]) -> None:
    """In a language whose titles follow the name, a name the model found ("이명박 대통령과") takes the title
    after it (the titles were attached before the model's names were known)."""
    if not ctx.lex.name_before:
        return
    for t in titles:
        person = _person_before(ctx, t, drafts)
        if person is not None and person.role is None:
            _assign_role(person, t.title, (t.start, t.end), _adjacent_demonym(ctx, drafts, t) or t.country, None)


def _person_before(ctx: _Context, t: TitleMatch, drafts: dict[int, Draft]) -> Draft | None:
    """In a language whose titles follow the name ("문재인 대통령은"), the person named right before the title."""
    if not ctx.lex.name_before:
        return None
    return next((d for d in drafts.values()
                 if d.kind == "person" and d.end <= t.start and _adjacent_gap(ctx, ctx.text[d.end : t.start])),
                None)


def _named_persons(drafts: dict[int, Draft]) -> frozenset[str]:
    """The KB persons the document names (their first reading)."""
    found = (_best_candidate(d.candidates, {"person"}) for d in drafts.values() if d.kind == "person")
    return frozenset(c.entity_id for c in found if c is not None)


def _holders_of_each(ctx: _Context, t: TitleMatch, title: str, end: int, drafts: dict[int, Draft],
                     anchor: str | None, persons: frozenset[str] = frozenset()) -> bool:
    """A title before countries joined by "and" ("Президенты Казахстана и Узбекистана", "the foreign ministers
    of Russia and China"): each country named becomes its office holder (a mention on the country's words, the
    title as its role's span). False, and nothing changed, unless two countries or more are named so."""
    named = [d for d in drafts.values() if t.start <= d.start < end and d.kind == "country"]
    if len(named) != 1:
        return False
    countries = [named[0], *_coordinated_countries(ctx, end, drafts)]
    if len(countries) < 2 or _name_follows(ctx, countries[-1].end, drafts):
        return False  # "Президенты России и Турции Владимир Путин и Реджеп Тайип Эрдоган" name them
    for c in countries:
        holder = _office_holder(title, _country_code(c), anchor, c.start, c.end, persons)
        if holder is not None:
            holder.role_span = (t.start, t.end)
            drafts[c.start] = holder
    return True


def _coordinated_countries(ctx: _Context, pos: int, drafts: dict[int, Draft]) -> list[Draft]:
    """The countries named right after `pos`, each after a comma or a conjunction and, as the title's first
    country, perhaps a connector ("… и Узбекистана", "… et de l'Allemagne")."""
    found: list[Draft] = []
    while (joint := _conjunction_re().match(ctx.text, pos)) is not None:
        p = joint.end()
        for _ in range(3):  # "… et de l'Allemagne"
            if (connector := _match_word(ctx.lex.connectors, ctx.text, p)) is None:
                break
            p = _skip_space(ctx.text, connector)
        d = drafts.get(p)
        if d is None or d.kind != "country" or _country_code(d) is None:
            break
        found.append(d)
        pos = d.end
    return found


def _country_code(d: Draft) -> str | None:
    cand = _best_candidate(d.candidates, {"country"})
    return cand.country if cand is not None else None


def _office_holder(title: str, country: str | None, anchor: str | None, start: int, end: int,
                   named: frozenset[str] = frozenset()) -> Draft | None:
    """The one person who held `title` for `country` at `anchor`, as a mention spanning the title. In a
    document of unknown date, the one person the document names (`named`) who ever held it."""
    if not title or country is None:
        return None
    if anchor is None:
        holders = [e for e in load_kb().ever_held(title, country) if e.id in named]
    else:
        holders = load_kb().office_holders(title, country, anchor)
    if len(holders) != 1:
        return None
    e = holders[0]
    cand = Candidate(e.id, "person", e.name, e.country)
    draft = Draft(start, end, "person", (cand,), "office", country=country, role=title, role_span=(start, end))
    draft.confidence = 0.8
    return draft


def _adjacent_demonym(ctx: _Context, drafts: dict[int, Draft], t: TitleMatch) -> str | None:
    """"der russische Präsident", "российский коллега", "le Premier ministre indien"; in a language whose
    titles follow the country's name, that name too ("Kanada Başbakanı", "미국 대통령"). In a language whose
    adjectives follow the noun, only one after the title ("الرئيس الروسي", not the "…الروسي" before it)."""
    lex = ctx.lex
    for d in drafts.values():
        if d.kind != "country" or not (d.source == "demonym" or lex.country_before and d.end <= t.start):
            continue
        before = ctx.text[d.end : t.start]
        after = ctx.text[t.end : d.start]
        inside = t.start <= d.start and d.end <= t.end  # "le ministre français des Affaires étrangères"
        if inside or (d.end <= t.start and not lex.adjective_after and _adjacent_gap(ctx, before)) or (
            d.start >= t.end and _adjacent_gap(ctx, after)
        ):
            return d.country or (d.candidates[0].country if d.candidates else None)
    return None


def _adjacent_gap(ctx: _Context, gap: str) -> bool:
    """A space, or a space and a clitic written onto the next word (the article of "الرئيس الروسي")."""
    if len(gap) <= 2 and not gap.strip():
        return True
    word = gap.strip()
    return gap[: len(gap) - len(word)].strip() == "" and gap.endswith(word) and word in _clitic_prefixes(ctx.lang)


@cache
def _clitic_prefixes(lang: str) -> frozenset[str]:
    return frozenset(str(p) for p in languages.section(lang, "names").get("clitic_prefix") or [])


def _complements(ctx: _Context, pos: int, drafts: dict[int, Draft]) -> tuple[int, str | None, Candidate | None]:
    """Skip what stands between a title and a name: connectors, countries, organizations, bodies, brackets.

    Returns the position after them, the country they state and the organization they name.
    """
    text, lex = ctx.text, ctx.lex
    start = pos
    country: str | None = None
    org: Candidate | None = None
    dangling = False  # a connector with nothing after it: "Führer des Proletariats" introduces no name
    before_connector = pos
    while pos - start <= MAX_COMPLEMENT_CHARS:
        p = _skip_space(text, pos)
        d = drafts.get(p)
        if d is not None and d.kind in ("country", "organization", "location"):
            cand = _best_candidate(d.candidates, {"organization", "country", "location"})
            if cand is not None and cand.kind == "organization" and cand.type == "media":
                return pos, country, org
            if cand is not None and cand.kind in ("country", "location"):
                country = country or cand.country
            elif cand is not None and org is None:
                org = cand
                country = country or cand.country
            pos, dangling = d.end, False
            continue
        connector = _match_word(lex.connectors, text, p)
        if connector:
            before_connector = pos
            pos, dangling = connector, True
            continue
        body = _match_word(lex.bodies, text, p)
        if body:
            pos, dangling = body, False
            continue
        paren = _PAREN_RE.match(text, p)
        if paren:
            pos = paren.end()
            continue
        break
    # a connector with nothing after it ("Führer des Proletariats", "с президентом России в августе")
    # is not part of the title: the complements end before it
    return (before_connector if dangling else pos), country, org


def _match_word(regex: re.Pattern[str] | None, text: str, pos: int) -> int | None:
    if regex is None:
        return None
    m = regex.match(text, pos)
    if m and m.end() > pos:
        return m.end()
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0’'":
        pos += 1
    return pos


def _with_org(t: TitleMatch, org: Candidate | None) -> str:
    if not t.title or not t.takes_org or org is None or org.type not in ("party", "party_body", "parliament"):
        return t.title
    if " of " in t.title:
        return t.title
    name = org.name
    # the General Secretary of the Central Committee of a party is the party's General Secretary
    if org.type == "party_body" and name.startswith("Central Committee of "):
        name = name.removeprefix("Central Committee of ").removeprefix("the ")
    return f"{t.title} of {with_article(name)}"


def with_article(name: str) -> str:
    """"Communist Party of Vietnam" -> "the Communist Party of Vietnam"; "United Russia" stays."""
    if name.startswith(("A ", "An ", "The ", "the ")):
        return name
    head = name.split()[0] if name.split() else ""
    common = ("Communist", "National", "Central", "State", "Federal", "Federation", "Socialist", "Liberal",
              "Democratic", "Labour", "Party", "General", "People's", "Workers'", "Supreme", "Council")
    if " of " in name or head in common:
        return "the " + name
    return name


def _assign_role(person: Draft, title: str, span: tuple[int, int], country: str | None,
                 org: Candidate | None) -> None:
    # the longest (most specific) stated title wins: "Head of the Central Commission ..." over "Secretary"
    if title and (person.role is None or len(title) > len(person.role)):
        person.role, person.role_span = title, span
        person.org = org or person.org
    if country and person.country is None:
        person.country = country


def _of_another_country(person: Draft, title: str, country: str | None) -> bool:
    """A KB person of one country whom an office of another country the KB lists holders of cannot describe:
    they never held a role of that country (Indonesia's foreign minister is no "Menlu Turki"). Titles the KB
    lists no holders of ("ambassador to the US") may name another country than the person's."""
    kb = load_kb()
    if country is None or len(person.candidates) != 1 or not kb.has_office(title, country):
        return False
    entity = kb.get(person.candidates[0].entity_id)
    if entity is None or entity.kind != "person" or entity.country in (None, country):
        return False
    return not any(role_country(r, entity) == country for r in entity.roles)


def _known_person_at(ctx: _Context, pos: int, drafts: dict[int, Draft]) -> Draft | None:
    """The person already recognised right after `pos`, if any."""
    d = drafts.get(_skip_space(ctx.text, pos))
    return d if d is not None and d.kind == "person" else None


def _person_at(ctx: _Context, pos: int, drafts: dict[int, Draft], allow_comma: bool) -> Draft | None:
    """The person named at `pos` (after honorifics, an optional comma): a KB match or an unknown name."""
    text = ctx.text
    p = _skip_space(text, pos)
    if allow_comma and text.startswith(",", p):
        p = _skip_space(text, p + 1)
    hon = _match_word(ctx.lex.honorifics, text, p)
    if hon:
        p = _skip_space(text, hon)
    d = drafts.get(p)
    if d is None:
        initial = _initial_re().match(text, p)
        if initial:
            q = _skip_space(text, initial.end())
            d = drafts.get(q)
            if d is not None and d.kind == "person":
                d.start = p  # "А. Руденко": the initial belongs to the mention
                drafts.pop(q, None)
                drafts[p] = d
                return d
    if d is not None:
        return d if d.kind == "person" else None
    return _unknown_name(ctx, p, drafts)


def _unknown_name(ctx: _Context, p: int, drafts: dict[int, Draft]) -> Draft | None:
    """Capitalized tokens (and initials) at `p` that no gazetteer entry claimed: a person not in the KB."""
    text = ctx.text
    parts: list[tuple[int, int, str]] = []
    q = p
    while len(parts) < MAX_NAME_TOKENS:
        initial = _initial_re().match(text, q)
        if initial:
            parts.append((initial.start(), initial.end(), initial.group()))
            q = _skip_space(text, initial.end())
            continue
        i = ctx.token_index_at(q)
        if i is None:
            break
        tok = ctx.tokens[i]
        if not tok.capitalized or tok.text.isupper() and len(tok.text) > 1 or tok.start in drafts:
            break
        if any(ch.isdigit() for ch in tok.text) or _is_title_word(ctx, tok) or _not_a_name(ctx, tok):
            break
        possessive = _POSSESSIVE.search(tok.text)
        if possessive:  # "Miguel Diaz-Canel's visit": the name ends before the 's
            parts.append((tok.start, tok.start + possessive.start(), tok.text[: possessive.start()]))
            break
        parts.append((tok.start, tok.end, tok.text))
        nxt = tok.end
        if text.startswith("-", nxt) and nxt + 1 < len(text) and text[nxt + 1].isupper():
            q = nxt + 1  # Jean-Yves, Ko-Vorsitzende: hyphenated names stay together
            continue
        if nxt < len(text) and text[nxt] in " \u00a0" and nxt + 1 < len(text) and text[nxt + 1] not in " \n":
            q = nxt + 1
            continue
        break
    words = [w for _, _, w in parts if not _initial_re().fullmatch(w)]
    if not words:
        return None
    draft = Draft(parts[0][0], parts[-1][1], "person", (), "title", name_tokens=tuple(w for _, _, w in parts),
                  confidence=0.8)
    draft.country = _shape_country(words) or draft.country
    drafts[draft.start] = draft
    return draft


_POSSESSIVE = re.compile(r"['’]s$")


@cache
def _not_names(lang: str) -> frozenset[str]:
    """Words that end a name when capitalized in a headline ("Calls", "Keeps"): the lang file's list."""
    words = (languages.section(lang, "titles").get("not_names") or []) if lang in languages.full() else []
    return frozenset(str(w).lower() for w in words)


def _not_a_name(ctx: _Context, tok: Token) -> bool:
    return tok.text.lower() in _not_names(ctx.lang)


def _is_title_word(ctx: _Context, tok: Token) -> bool:
    finder = ctx.lex.finder
    return bool(finder and finder.match(ctx.text, tok.start))


# --------------------------------------------------------------------------------------------- appositives


def _attach_appositives(ctx: _Context, titles: list[TitleMatch], drafts: dict[int, Draft]) -> None:
    """"Nguyen Thi Hoang Van, cheffe adjointe de ..."; "Le Hoai Trung, Sekretär ... und Vorsitzender ..."."""
    by_start = {t.start: t for t in titles}
    for d in sorted(drafts.values(), key=lambda x: x.start):
        if d.kind != "person":
            continue
        p = _skip_space(ctx.text, d.end)
        if not ctx.text.startswith(",", p):
            continue
        p = _skip_space(ctx.text, p + 1)
        while True:
            article = re.compile(r"(?:the|le|la|l’|l'|der|die|das|dem|des)\s*", re.IGNORECASE).match(ctx.text, p)
            if article:
                p = article.end()
            t = by_start.get(p)
            if t is None or not t.title:
                break
            pos, country, org = _complements(ctx, t.end, drafts)
            if pos < 0 or _name_follows(ctx, pos, drafts):
                break  # "Putin, dem Vorsitzenden der Partei Einiges Russland, Medwedew": Medvedev's title
            _assign_role(d, _with_org(t, org), (t.start, t.end), country or t.country, org)
            if d.role == t.title and d.country is None:
                d.country = country
            conj = _conjunction_re().match(ctx.text, pos)
            if not conj:
                break
            p = conj.end()


@cache
def _conjunction_re() -> re.Pattern[str]:
    """A comma or a coordinating conjunction of any language (`grammar.conjunctions` in each folder)."""
    return re.compile(rf"\s*(?:,|{languages.words_pattern('grammar', 'conjunctions')})\s+", re.IGNORECASE)


def _name_follows(ctx: _Context, pos: int, drafts: dict[int, Draft]) -> bool:
    """A person's name (known or capitalized) right after `pos`, an optional comma and honorifics."""
    text = ctx.text
    p = _skip_space(text, pos)
    if text.startswith(",", p):
        p = _skip_space(text, p + 1)
    hon = _match_word(ctx.lex.honorifics, text, p)
    if hon:
        p = _skip_space(text, hon)
    d = drafts.get(p)
    if d is not None:
        return d.kind == "person"
    i = ctx.token_index_at(p)
    if i is None:
        return False
    tok = ctx.tokens[i]
    return tok.capitalized and not tok.text.isupper() and not _is_title_word(ctx, tok)


# --------------------------------------------------------------------------------------------- name shapes


def _shape_country(words: list[str]) -> str | None:
    """The country whose people's names have this shape (a language's `names.looks_like_name` hook)."""
    for code, looks_like_name in languages.hooks("names", "looks_like_name"):
        country = languages.about(code, "country")
        if country and looks_like_name(words):
            return str(country)
    return None


def _has_name_shape(words: list[str]) -> bool:
    return _shape_country(words) is not None


def _add_name_shapes(ctx: _Context, drafts: dict[int, Draft]) -> None:
    """Capitalized words in the shape of a people's names (2-4 syllables starting with a Vietnamese
    family name): a person of that country."""
    tokens, text = ctx.tokens, ctx.text
    taken = sorted((d.start, d.end) for d in drafts.values())
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.capitalized or _covered(taken, tok.start):
            i += 1
            continue
        run = [tok]
        j = i + 1
        while j < len(tokens) and len(run) < MAX_NAME_TOKENS:
            gap = text[tokens[j - 1].end : tokens[j].start]
            if gap not in (" ", "\u00a0") or not tokens[j].capitalized or _covered(taken, tokens[j].start):
                break
            run.append(tokens[j])
            j += 1
        words = [t.text for t in run]
        # take the longest prefix that has a name's shape
        found = 0
        for k in range(len(words), 1, -1):
            country = _shape_country(words[:k])
            if country is None:
                continue
            end_tok = run[k - 1]
            after = text[end_tok.end : end_tok.end + 2]
            if after.startswith("-") and after[1:].isalpha():
                break  # Ho-Chi-Minh-Denkmal: part of a compound, not the person
            d = Draft(tok.start, end_tok.end, "person", (), "shape", country=country, name_tokens=tuple(words[:k]),
                      confidence=0.7)
            drafts[d.start] = d
            found = k
            break
        i += found or 1


# --------------------------------------------------------------------------------------------- NER


def _add_model_entities(ctx: _Context, drafts: dict[int, Draft], doc_lang: str) -> None:
    """Entities the language's statistical model finds (actors.ner) where no recogniser above found one."""
    model_lang = doc_lang if ner_config(doc_lang) is not None else ctx.lang
    add_model_drafts(ctx.text, model_lang, ctx.lang, drafts, _has_name_shape,
                     lambda pos: _match_word(ctx.lex.finder, ctx.text, pos) is not None)


# A city the unknown "person" must be this large to be read as the city: big cities are named far more often
# than people who happen to bear their name, and their names in other scripts are GeoNames' (하노이 is Hanoi).
CITY_OVER_PERSON_POPULATION = 500_000


def _cities_not_persons(ctx: _Context, drafts: dict[int, Draft]) -> None:
    """A name that the shape of names or a model took for an unknown person, with no title, that is the name
    of a large city (하노이, read as the Korean name "Ha No-i"), is that city."""
    kb = load_kb()
    for start, d in list(drafts.items()):
        if d.kind != "person" or d.role is not None or any(kb.get(c.entity_id) is not None for c in d.candidates):
            continue
        found = cities.city(ctx.text[d.start : d.end], ctx.lang)
        if found is not None and found.population >= CITY_OVER_PERSON_POPULATION:
            place = Candidate(found.id, "location", found.name, found.country, "city")
            drafts[start] = Draft(d.start, d.end, "location", (place,), "city", confidence=0.7)


def _spaced_words(tokens: list[Token]) -> list[Token]:
    """The tokens, with the letters of a script written without spaces that stand together joined again into
    the run between two spaces (a Thai name read by its sound is the run "แมคโดนัลด์", not its letters)."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if prev is not None and prev.end == tok.start and is_clustered(tok.text) and is_clustered(prev.text):
            out[-1] = Token(prev.start, tok.end, prev.text + tok.text, prev.key + tok.key)
        else:
            out.append(tok)
    return out


def _add_spelled_names(ctx: _Context, drafts: dict[int, Draft], doc_lang: str, anchor: str | None) -> None:
    """KB persons found by the reading of their full names (actors.xscript) in a text that no model reads and
    whose script has no capitals to mark names, among the words no draft covers yet."""
    if ner_config(doc_lang) is not None or ner_config(ctx.lang) is not None:
        return
    taken = sorted((d.start, d.end) for d in drafts.values())
    words = [(t.start, t.end, t.text) for t in _spaced_words(ctx.tokens)
             if _without_case(t.text) and not _covered(taken, t.start)]
    kb = load_kb()
    for found in find_spelled_names(words, ctx.text, Context(ctx.lang, anchor)):
        entity = kb.get(found.entity_id)
        if entity is not None:
            cand = Candidate(entity.id, "person", entity.name, entity.country)
            drafts[found.start] = Draft(found.start, found.end, "person", (cand,), "reading", confidence=0.8)


def _without_case(word: str) -> bool:
    """A word of a script without capitals (Devanagari, Hebrew, Arabic): nothing marks it as a name."""
    return word[:1].isalpha() and not word[:1].isupper() and not word[:1].islower()


def _covered(taken: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(taken, (pos, 1 << 60)) - 1
    return k >= 0 and taken[k][0] <= pos < taken[k][1]


def _without_overlaps(drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    for d in drafts:
        if out and d.start < out[-1].end:
            prev = out[-1]
            if (d.end - d.start) > (prev.end - prev.start) and prev.source in ("demonym", "shape"):
                out[-1] = d
            continue
        out.append(d)
    return out


def _best_candidate(cands: tuple[Candidate, ...], kinds: set[str]) -> Candidate | None:
    """The first full candidate of one of `kinds`; a news medium last, as the resolver reads a medium's name
    that is also a country's ("Vietnam+" folds to "Vietnam") as the country."""
    usable = sorted((c for c in cands if c.kind in kinds and not c.partial), key=lambda c: c.type == "media")
    return usable[0] if usable else None
