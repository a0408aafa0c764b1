"""Model entities -> draft mentions, for the spans no knowledge-base, title or shape recogniser found.

A person becomes a draft whose candidate is a person outside the knowledge base: its canonical name is the
name in the nominative, in Latin script where the language data says how (persons.py), and its id is the
folded-name id every unknown person gets (`folded_name_id`), so the same name gives the same id in every
document. An organisation or a place keeps its name as written, with a local id of the same kind.
A span that is not a person's name (a title, a month, a common noun, a lower-case word) is dropped, and a
surname alone after the full name is left to in-document coreference (resolve.py), which gives it the full
name's id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any

from communique.actors import cities
from communique.actors.draft import Draft
from communique.actors.gazetteer import (
    Candidate,
    common_words,
    folded_name_id,
    is_clustered,
    is_unspaced,
    token_key,
)
from communique.actors.kb import load_kb
from communique.actors.ner import EntitySpan, NerConfig, config, entities
from communique.actors.ner.persons import analyzer, lemmatized, name_words, nominative, to_latin
from communique.actors.xscript import Context, link_full_name
from communique.lang.ru.names import is_cyrillic
from communique.langdata import section

_PREFIX = {"person": "per", "organization": "org", "location": "loc"}
# Dictionary readings that make a word a person's name (pymorphy3 grammemes).
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


def add_model_drafts(text: str, model_lang: str, lang: str, drafts: dict[int, Draft],
                     looks_vietnamese: Callable[[list[str]], bool], is_title: Callable[[int], bool]) -> None:
    """Add drafts (keyed by start) for the model's entities of `text` that no draft covers yet.

    Where a draft already covers a model entity, the draft stays, with two exceptions: an unknown name that
    a title introduced (found by capitalisation) takes the model's bounds and spelling ("Президент України
    Володимир Зеленський": the name is "Володимир Зеленський", not "України Володимир Зеленський"); and an
    organisation whose name holds a country ("Голос Америки") replaces the country mention inside it.
    `model_lang` chooses the model (the document's language), `lang` the matching keys (the effective
    language); `is_title(pos)` says whether a title of the language's lexicon starts at `pos`.
    """
    cfg = config(model_lang)
    if cfg is None:
        return
    spans = [span for span in entities(text, model_lang) if span.kind in cfg.take]
    surnames = {_surname_key(d, text, lang) for d in drafts.values() if d.kind == "person"}
    for span in spans:
        if span.kind == "person" and span.name is None:
            span = _after_countries(text, span, drafts)
        inside = _overlapping(drafts, span.start, span.end)
        if span.kind == "person":
            places = _places_inside(inside, span) + _surnames_ending(text, inside, span)
            inside = [d for d in inside if d not in places]
            titled = [d for d in inside if d.source == "title" and not d.candidates and d.kind == "person"]
            if inside and (len(titled) != len(inside) or any(_vietnamese(d, text, looks_vietnamese) for d in titled)):
                continue  # a Vietnamese name by its shape is whole ("Чан Куок Тхинь"; a model may miss "Чан")
            draft = _person(text, span, cfg, model_lang, lang, surnames, looks_vietnamese, is_title)
            if draft is None:
                continue
            for old in places:
                del drafts[old.start]
            for old in titled:  # the title's role and country go to the model's name
                draft.role, draft.role_span, draft.org = old.role, old.role_span, old.org
                draft.country = draft.country or old.country
                del drafts[old.start]
            surnames.add(_surname_key(draft, text, lang))
        else:
            if inside and not _names_a_place_inside(span, inside, text, is_title):
                continue
            draft = _named(text, span, lang)
            if draft is None:
                continue
            for old in inside:
                del drafts[old.start]
        drafts[draft.start] = draft


def _places_inside(inside: list[Draft], span: EntitySpan) -> list[Draft]:
    """Places the gazetteer found strictly inside a longer person name of the model: a surname that is also a
    city ("Чарльза Дарвина", "Йозефа Бойса") belongs to the person."""
    return [d for d in inside if d.kind == "location" and span.start <= d.start and d.end <= span.end
            and d.end - d.start < span.end - span.start]


def _surnames_ending(text: str, inside: list[Draft], span: EntitySpan) -> list[Draft]:
    """A KB surname alone, in a script without capitals, that ends a longer person name of the model
    ("멜라니아 트럼프" is not Donald Trump, "도널드 J. 트럼프" is him in full): the model's whole name goes on to the
    resolver, which links it. With capitals, the recogniser has already told a given name before a surname
    (`recognize._surname_of_someone_else`), and a model's longer span is as often a word or two too many
    ("Про це Зеленський")."""
    return [d for d in inside if d.kind == "person" and d.candidates and all(c.partial for c in d.candidates)
            and d.end == span.end and d.start > span.start and not _cased(text[d.start : d.end])]


def _cased(word: str) -> bool:
    return any(ch.isupper() or ch.islower() for ch in word)


def _after_countries(text: str, span: EntitySpan, drafts: dict[int, Draft]) -> EntitySpan:
    """A person's span without the country names a model took into its start ("Угорщини Антала Гейзера"
    after "посла": the country belongs to the title, the name is "Антала Гейзера")."""
    start = span.start
    while (d := drafts.get(start)) is not None and d.kind == "country" and d.end < span.end:
        start = d.end
        while start < span.end and not text[start].isalnum():
            start += 1
    return span if start == span.start else replace(span, start=start)


def _vietnamese(d: Draft, text: str, looks_vietnamese: Callable[[list[str]], bool]) -> bool:
    return looks_vietnamese(name_words(text[d.start : d.end]))


def _overlapping(drafts: dict[int, Draft], start: int, end: int) -> list[Draft]:
    return [d for d in drafts.values() if d.start < end and start < d.end]


def _names_a_place_inside(span: EntitySpan, inside: list[Draft], text: str, is_title: Callable[[int], bool]) -> bool:
    """An organisation named after a country or place it contains ("Голос Америки", "Банк Китая"): the model's
    span starts before them with a capitalised word that is no title ("Prezydent Ukrainy", "Minister spraw
    zagranicznych Rosji" are an office and a country), and holds nothing but those places."""
    if span.kind != "organization" or not text[span.start : span.start + 1].isupper() or is_title(span.start):
        return False
    return all(d.kind in ("country", "location") and span.start < d.start and d.end <= span.end for d in inside)


def _surname_key(d: Draft, text: str, lang: str) -> str | None:
    words = [w for w in (d.name_tokens or tuple(name_words(text[d.start : d.end]))) if not w.endswith(".")]
    return token_key(words[-1], lang) if len(words) >= 2 else None


def _person(text: str, span: EntitySpan, cfg: NerConfig, model_lang: str, lang: str, surnames: set[str | None],
            looks_vietnamese: Callable[[list[str]], bool], is_title: Callable[[int], bool]) -> Draft | None:
    start = _after_titles(text, _from_word_start(text, span), is_title, cfg.morph)
    words = name_words(text[start : span.end])
    if not words or not _is_person_name(words, cfg, model_lang):
        return None
    if len(words) == 1 and token_key(words[0], lang) in surnames:
        return None  # "Лавров" after "Сергей Лавров": coreference gives it the full name and id
    if looks_vietnamese(words):
        # the resolver writes Vietnamese names in Cyrillic back in Vietnamese Latin (Ле Хоай Чунг -> Le Hoai Trung)
        return Draft(start, span.end, "person", (), "ner", country="VN", name_tokens=tuple(words), confidence=0.8)
    if cfg.morph and any(is_cyrillic(w) for w in words):
        words = list(nominative(tuple(words), cfg.morph))
    elif cfg.lemmas:
        words = list(lemmatized(tuple(words), cfg.lemmas))
    name = span.name or " ".join(to_latin(w, cfg.latin) for w in words)
    cand = Candidate(folded_name_id("per", name.replace(".", ""), lang), "person", name, None)
    return Draft(start, span.end, "person", (cand,), "ner", name_tokens=tuple(words), confidence=0.8)


def _from_word_start(text: str, span: EntitySpan) -> EntitySpan:
    """A name starts a word: a span that starts inside a spaced word (the particle of "이란의 마수드 페제시키안",
    "Iran's", where the model's tokens split the word) starts at the next word. Text written without spaces
    (Chinese, Japanese, Thai) has no such boundary to keep."""
    if span.start == 0 or not text[span.start - 1].isalpha() or is_clustered(text[span.start - 1]) \
            or is_unspaced(text[span.start - 1]):
        return span
    space = text.find(" ", span.start, span.end)
    if space == -1:
        return span
    # the model's Latin spelling, word for word, loses the same word ("Ui Masudeu Pejesikian")
    word_for_word = span.name is not None and len(span.name.split()) == len(text[span.start : span.end].split())
    spelled = span.name.split()[1:] if span.name and word_for_word else None
    return replace(span, start=space + 1, name=" ".join(spelled) if spelled else None)


def _after_titles(text: str, span: EntitySpan, is_title: Callable[[int], bool], morph: str | None) -> int:
    """The start of the name once the titles and places a model took into the span are left out ("Президент
    Путин"; "України Володимир Зеленський", where the country belongs to the title before the span)."""
    start = span.start
    for word in name_words(text[span.start : span.end])[:-1]:
        pos = text.find(word, start)
        if not is_title(pos) and not (morph and _inanimate_noun(word, morph)):
            break
        start = pos + len(word)
        while start < span.end and not text[start].isalnum():
            start += 1
    return start


def _inanimate_noun(word: str, morph: str) -> bool:
    """A word the dictionary knows only as an inanimate noun (України, России): no part of a person's name."""
    parses = analyzer(morph).parse(word)
    return bool(parses) and all(p.is_known and "inan" in set(p.tag.grammemes) for p in parses)


def _is_person_name(words: list[str], cfg: NerConfig, lang: str) -> bool:
    """A person's name starts with a capital, and is not a month or a word the language lists as no name;
    with a dictionary, at least one word must be a name or a word the dictionary does not know."""
    # lower-case words only inside a name, and short: particles (Marcelo Rebelo de Sousa, Ursula von der Leyen)
    inner_lower = any(w[:1].islower() and len(w) > 3 for w in words[1:-1])
    if words[0][:1].islower() or words[-1][:1].islower() or inner_lower or all(
            w.isupper() and len(w) > 1 for w in words):
        return False  # lower-case words, acronyms (МИД, NATO)
    if len(words) == 1 and words[0].lower() in _not_names(lang):
        return False
    if cfg.morph and all(is_cyrillic(w) for w in words):
        morpher = analyzer(cfg.morph)
        full = [w for w in words if not w.endswith(".")]
        # a name made only of things the dictionary knows (Совета) is no name; one such word in a name is
        # (Фелипе Масса, Виктор Понедельник)
        if full and all(_inanimate_noun(w, cfg.morph) for w in full):
            return False
        return any(_may_be_name(morpher.parse(w)) for w in full)
    return True


def _may_be_name(parses: list[Any]) -> bool:
    return any(_NAME_GRAMMEMES & set(p.tag.grammemes) or not p.is_known for p in parses)


@cache
def _not_names(lang: str) -> frozenset[str]:
    """Words that are never a person's name alone: the language's `not_names` and its month names."""
    titles = section(lang, "titles") or {}
    dates = section(lang, "dates") or {}
    words = list(titles.get("not_names") or [])
    months = dates.get("months") or {}
    words += list(months) if isinstance(months, dict) else list(months)
    words += _cldr_months(lang)
    return frozenset(str(w).lower() for w in words)


def _cldr_months(lang: str) -> list[str]:
    """The month names of `lang` in every CLDR form (nominative and genitive, wide and abbreviated)."""
    from babel import Locale, UnknownLocaleError  # lazy: CLDR data (0.1 s), only for model drafts

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return []
    names: list[str] = []
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            names += [str(v).rstrip(".") for v in locale.months.get(context, {}).get(width, {}).values()]
    return names


def _named(text: str, span: EntitySpan, lang: str) -> Draft | None:
    surface = " ".join(text[span.start : span.end].split())
    if surface[:1].islower():
        return None  # a lower-case phrase is no name (scripts without case pass)
    if surface in common_words(lang):
        return None  # a weekday, a month or a function word the tagger took for a place ("Monday")
    known = cities.city(surface, lang) if span.kind == "location" else None
    if known is not None:  # a city the knowledge base lacks: its country places the events told there
        cand = Candidate(known.id, "location", known.name, known.country, "city")
    elif (person := _kb_person_named(surface, lang)) is not None:
        return Draft(span.start, span.end, "person", (person,), "ner", country=person.country, confidence=0.7)
    else:
        cand = Candidate(folded_name_id(_PREFIX[span.kind], surface, lang), span.kind, surface, None)
    return Draft(span.start, span.end, span.kind, (cand,), "ner", confidence=0.7)


def _kb_person_named(surface: str, lang: str) -> Candidate | None:
    """The KB person whose full name a model's place or organisation spells exactly (by the folded spelling of
    every word, two words or more): the model took the person for a place ("Abdulhamid Dbeibah" tagged LOC in
    Italian), and the KB knows the name as a person's."""
    words = tuple(name_words(surface))
    if len(words) < 2:
        return None
    entity_id = link_full_name(words, Context(lang), by_sound=False)
    entity = load_kb().get(entity_id) if entity_id else None
    return Candidate(entity.id, "person", entity.name, entity.country) if entity is not None else None
