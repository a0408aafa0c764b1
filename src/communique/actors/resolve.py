"""Resolution: draft mention -> entity (KB id, country id or stable local id), canonical name, role,
and in-document coreference (a surname alone, "Presiden Putin", a Vietnamese given name alone)."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from communique import lang as languages
from communique.actors.countries import country_names
from communique.actors.draft import Draft
from communique.actors.gazetteer import Candidate, Token, common_words, folded_name_id, is_clustered, token_key
from communique.actors.kb import load_kb
from communique.actors.ner.persons import name_words
from communique.actors.xscript import (
    Context,
    latin_reading,
    link_full_name,
    link_office_holder,
    link_surname,
    readable_name,
    readings,
    sound_key,
    spelling_key,
)
from communique.document import Mention, Span

# Бразилии is Brazil more often than Brasília: countries before places when a stem is shared
_KIND_ORDER = {"person": 0, "organization": 1, "country": 2, "location": 3}
# The mention kind of a news medium: an organization the entities list shows, which no stage takes as an actor
# (the events stage takes persons, organizations and countries).
MEDIA = "media"


@dataclass(slots=True)
class _Resolved:
    draft: Draft
    entity_id: str
    name: str
    kind: str
    country: str | None
    type: str | None = None


def resolve_mentions(drafts: list[Draft], tokens: list[Token], text: str, lang: str,
                     anchor: str | None) -> list[Mention]:
    """Mentions for the drafts (media as kind `media`), plus coreferent surname mentions, sorted by start."""
    full_seen = {c.entity_id for d in drafts for c in d.candidates if not c.partial and len(d.candidates) == 1}
    linked = _cross_script_links(drafts, text, lang, anchor, full_seen)
    _surnames_of_unknown_people(drafts, text, lang, linked)
    glosses = _latin_glosses(drafts, text, lang)
    resolved: list[_Resolved] = []
    for d in drafts:
        r = _linked(d, linked[d.start]) if d.start in linked else _resolve_one(d, full_seen, lang, anchor, glosses)
        if r is not None:
            resolved.append(r)
    resolved += _coreferent_names(resolved, tokens, text, lang)
    resolved = _with_transcribed_surnames(resolved, text)
    resolved.sort(key=lambda r: r.draft.start)
    _share_roles(resolved, anchor)
    return [_mention(r, text) for r in resolved]


def _resolve_one(d: Draft, full_seen: set[str], lang: str, anchor: str | None = None,
                 glosses: dict[int, tuple[str, ...]] | None = None) -> _Resolved | None:
    gloss = (glosses or {}).get(d.start)
    if gloss is not None:  # the text spells the name of a person outside the KB in Latin letters itself
        name, entity_id = unknown_person_name(gloss, d.country, lang)
        return _Resolved(d, entity_id, name, "person", d.country)
    if not d.candidates:
        name, entity_id = unknown_person_name(d.name_tokens, d.country, lang)
        return _Resolved(d, entity_id, _readable(name, d.name_tokens, lang), "person", d.country)
    cand = _choose(_in_office(d.candidates, full_seen, anchor), full_seen)
    if cand.type == "media":  # a news agency or publication (bylines, credits): listed, but never an actor
        return _Resolved(d, cand.entity_id, cand.name, MEDIA, cand.country, cand.type)
    if cand.kind == "person" and cand.entity_id not in load_kb():
        words = d.name_tokens or tuple(name_words(cand.name))
        return _Resolved(d, cand.entity_id, _readable(cand.name, words, lang), "person", cand.country or d.country,
                         cand.type)
    country = cand.country if cand.kind != "person" or cand.country else d.country
    return _Resolved(d, cand.entity_id, cand.name, cand.kind, country or d.country, cand.type)


# A name in Latin letters in brackets right after a name in another script: "康斯坦丁·科萨切夫(Konstantin Kosachev)".
_LATIN_WORD = r"[A-Z][^\W\d_]+(?:[-'’][A-Za-z][^\W\d_]*)?"
_LATIN_GLOSS = re.compile(rf"\s?[(（]\s*((?:{_LATIN_WORD}\s+){{1,3}}{_LATIN_WORD})\s*[)）]")


def _latin_glosses(drafts: list[Draft], text: str, lang: str) -> dict[int, tuple[str, ...]]:
    """The Latin spelling (by draft start) of every person outside the KB whom the document spells so once
    (`_latin_gloss`): the same name written again, or its surname alone, takes it too."""
    unknown = [d for d in drafts if d.kind == "person" and _outside_kb(d)]
    by_form: dict[str, tuple[str, ...]] = {}
    for d in unknown:
        gloss = _latin_gloss(d, text, lang)
        if gloss is not None:
            written = text[d.start : d.end]
            by_form.setdefault(written, gloss)
            by_form.setdefault(re.split(r"[·・•‧=\s]", written)[-1], gloss)
    return {d.start: by_form[text[d.start : d.end]] for d in unknown if text[d.start : d.end] in by_form}


def _latin_gloss(d: Draft, text: str, lang: str) -> tuple[str, ...] | None:
    """The Latin spelling a text gives in brackets after a person's name written in another script, when its
    surname sounds like the name's last word (the text's own spelling beats a romanization: Kosachev, not
    Kesachiefu)."""
    if d.kind != "person" or not text or not _other_script(text[d.start : d.end]):
        return None
    found = _LATIN_GLOSS.match(text, d.end)
    if found is None:
        return None
    latin = tuple(found.group(1).split())
    native = readings(text[d.start : d.end], lang)
    if not native or sound_key(native[-1]) != sound_key(latin[-1]):
        return None
    return latin


def _readable(name: str, words: tuple[str, ...], lang: str) -> str:
    """A person's name outside the KB in Latin letters (records are read by people of other languages)."""
    return readable_name(words, lang) if words and _other_script(name) else name


def _other_script(name: str) -> bool:
    """True if a letter of `name` is not a Latin one (Nguyễn Văn Toàn is Latin, 科萨切夫 is not)."""
    return any(ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def _linked(d: Draft, entity_id: str) -> _Resolved:
    entity = load_kb().get(entity_id)
    assert entity is not None  # linked ids come from the KB's own index
    return _Resolved(d, entity.id, entity.name, "person", entity.country or d.country, entity.type)


def _cross_script_links(drafts: list[Draft], text: str, lang: str, anchor: str | None,
                        full_seen: set[str]) -> dict[int, str]:
    """KB ids (by draft start) of the persons the gazetteer did not know by their spelling but the
    cross-script linker knows by their reading and sound: full names first, then surnames alone (which may
    name a person named in full in the document, by either way). A name is tried as the recogniser wrote it
    (the nominative) and as the text writes it."""
    unknown = [d for d in drafts if d.kind == "person" and _outside_kb(d)]
    linked: dict[int, str] = {}
    for d in unknown:
        context = Context(lang, anchor, d.country, role=d.role)
        for words in _name_forms(d, text):
            if len(words) >= 2 and (found := link_full_name(words, context) or
                                    link_office_holder(words, context)) is not None:
                linked[d.start] = found
                break
    _same_written_names(unknown, text, linked)
    named = frozenset(full_seen | set(linked.values()))
    for d in unknown:
        context = Context(lang, anchor, d.country, named, d.role)
        for words in _name_forms(d, text):
            if len(words) == 1 and d.start not in linked and (found := link_surname(words[0], context)):
                linked[d.start] = found
    return linked


def _same_written_names(unknown: list[Draft], text: str, linked: dict[int, str]) -> None:
    """A full name written again elsewhere in the document names the person its linked mention names, when
    the link needed what only one mention gives (the title before "Le Hoai Chung" the first time)."""
    by_words: dict[tuple[str, ...], set[str]] = {}
    for d in unknown:
        if d.start in linked:
            by_words.setdefault(_written_words(d, text), set()).add(linked[d.start])
    for d in unknown:
        words = _written_words(d, text)
        if d.start not in linked and len(words) >= 2 and len(ids := by_words.get(words, set())) == 1:
            linked[d.start] = next(iter(ids))


def _surnames_of_unknown_people(drafts: list[Draft], text: str, lang: str, linked: dict[int, str]) -> None:
    """A surname alone that reads as the surname of exactly one person outside the KB named in full anywhere in
    the document (科萨切夫 in the headline, 康斯坦丁·科萨切夫 in the text) takes that person's candidate, so
    both mentions are one person."""
    unknown = [d for d in drafts if d.kind == "person" and d.candidates and _outside_kb(d) and d.start not in linked]
    full: dict[str, dict[tuple[Candidate, ...], Draft]] = {}
    for d in unknown:
        words = _written_words(d, text)
        if len(words) >= 2:  # a name of several words, in any script, ends in the surname (康斯坦丁·科萨切夫)
            full.setdefault(spelling_key(latin_reading(words[-1], lang)), {}).setdefault(d.candidates, d)
    for d in unknown:
        words = _written_words(d, text)
        owners = full.get(spelling_key(latin_reading(words[0], lang)), {}) if len(words) == 1 else {}
        if len(owners) == 1:
            owner = next(iter(owners.values()))
            d.candidates, d.name_tokens = owner.candidates, _written_words(owner, text)


def _written_words(d: Draft, text: str) -> tuple[str, ...]:
    forms = _name_forms(d, text)
    return forms[-1] if forms else ()


def _name_forms(d: Draft, text: str) -> list[tuple[str, ...]]:
    """The words of a person's name without initials ("도널드 J. 트럼프": 도널드 트럼프), as recognised and as
    written."""
    forms = []
    for words in (d.name_tokens, tuple(name_words(text[d.start : d.end]))):
        kept = tuple(w for w in words if not w.endswith(".") and (len(w) > 1 or not w.isascii()))
        if kept and kept not in forms:
            forms.append(kept)
    return forms


def _outside_kb(d: Draft) -> bool:
    kb = load_kb()
    return all(c.kind == "person" and c.entity_id not in kb for c in d.candidates)


def _in_office(cands: tuple[Candidate, ...], full_seen: set[str], anchor: str | None) -> tuple[Candidate, ...]:
    """A surname alone shared by several known persons, none named in full here ("Sharif"): the one who
    held a role at the document's date, when exactly one did."""
    if anchor is None or any(not c.partial or c.entity_id in full_seen for c in cands):
        return cands
    people = {c.entity_id for c in cands if c.kind == "person"}
    if len(people) < 2:
        return cands

    kb = load_kb()
    active = [c for c in cands if c.kind == "person" and (e := kb.get(c.entity_id)) is not None and e.roles_at(anchor)]
    return tuple(active) if len({c.entity_id for c in active}) == 1 else cands


def _choose(cands: tuple[Candidate, ...], full_seen: set[str]) -> Candidate:
    """Full names over partial ones; among partial ones, the entity named in full in this document."""
    full = [c for c in cands if not c.partial]
    pool = full or [c for c in cands if c.entity_id in full_seen] or list(cands)
    # a media name that is also a country's ("Vietnam+") is read as the country
    return sorted(pool, key=lambda c: (c.type == "media", c.entity_id not in full_seen, _KIND_ORDER.get(c.kind, 9),
                                       c.entity_id))[0]


def unknown_person_name(words: tuple[str, ...], country: str | None, lang: str) -> tuple[str, str]:
    """Canonical name and stable local id of a person not in the KB.

    A name in a script that a language reads is romanized by the `names.romanize` hook of the language
    of the person's country (a Vietnamese name in Russian transcription goes back to Latin Vietnamese),
    else by the language of the script (a Russian name: nominative, then transliterated).
    """
    readers = [reader for w in words if (reader := languages.script_reader(w))]
    native = languages.of_country(country)
    if readers:
        romanize = (languages.hook(native, "names", "romanize") if native else None) or languages.hook(
            readers[0], "names", "romanize")
        latin = [romanize(w) for w in words] if romanize else list(words)
        name = " ".join(w[:1].upper() + w[1:] for w in latin)
    else:
        name = " ".join(words)
    return name, folded_name_id("per", name.replace(".", ""), native or lang)


# --------------------------------------------------------------------------------------------- coreference


def _coreferent_names(resolved: list[_Resolved], tokens: list[Token], text: str, lang: str) -> list[_Resolved]:
    """Capitalized tokens that repeat the surname (or, for Vietnamese people, the given name) of a person
    named in full earlier in the document."""
    by_key: dict[str, _Resolved] = {}
    for r in resolved:
        if r.kind != "person" or r.draft.source in ("coref",):
            continue
        words = [t for t in r.draft.name_tokens if not t.endswith(".")] or _words_of(text, r.draft)
        if len(words) < 2:
            continue
        key = token_key(words[-1], lang)
        by_key.setdefault(key, r)
    if not by_key:
        return []
    taken = sorted((r.draft.start, r.draft.end) for r in resolved)
    out: list[_Resolved] = []
    for tok in tokens:
        if not _may_be_name(tok, lang) or tok.key not in by_key or _covered(taken, tok.start):
            continue
        target = by_key[tok.key]
        if not tok.capitalized and not _named_known_person(target):
            continue  # without capitals, only a surname of a KB person named by name (not "وزير الخارجية")
        if tok.start < target.draft.start:
            continue  # only after the full name
        d = Draft(tok.start, tok.end, "person", (), "coref", country=target.country, confidence=0.7)
        out.append(_Resolved(d, target.entity_id, target.name, "person", target.country))
    return out


def _named_known_person(r: _Resolved) -> bool:
    return r.draft.source in ("kb", "ner") and r.entity_id in load_kb()


def _may_be_name(tok: Token, lang: str) -> bool:
    """A token that may be a name: capitalized, or, in a script without capitals (Arabic, Persian, Hebrew,
    Hangul, Devanagari), any word of two letters or more that is not one of the language's function words
    ("بزشكيان" after "مسعود بزشكيان")."""
    if tok.capitalized:
        return True
    return (len(tok.text) >= 2 and not any(ch.isupper() or ch.islower() for ch in tok.text)
            and not is_clustered(tok.text) and tok.text not in common_words(lang))


def _with_transcribed_surnames(resolved: list[_Resolved], text: str) -> list[_Resolved]:
    """Chinese and Japanese write a foreign name's words together, with a middle dot between given name and
    surname (马苏德·佩泽希齐扬), and then the surname alone (佩泽希齐扬表示). Text without spaces has no word
    to key: the surname after a person's full name is found as a string. A model's name or place inside it
    ("齐扬") is part of the surname and gives way; a mention of anything else there is kept. Returns a new list:
    `resolved` without those pieces, plus the surnames."""
    resolved = list(resolved)
    out: list[_Resolved] = []
    seen: set[str] = set()
    for r in sorted(resolved, key=lambda r: r.draft.start):
        if r.kind != "person" or not _named_known_person(r):
            continue
        full = text[r.draft.start : r.draft.end]
        parts = [p for p in _MIDDLE_DOT.split(full) if p]
        if len(parts) < 2 or len(parts[-1]) < 2 or parts[-1] in seen:
            continue
        seen.add(parts[-1])
        pos = text.find(parts[-1], r.draft.end)
        while pos != -1:
            end = pos + len(parts[-1])
            inside = [o for o in resolved if o.draft.start < end and pos < o.draft.end]
            if all(o.draft.source == "ner" and pos <= o.draft.start and o.draft.end <= end for o in inside):
                for o in inside:
                    resolved.remove(o)
                d = Draft(pos, end, "person", (), "coref", country=r.country, confidence=0.7)
                out.append(_Resolved(d, r.entity_id, r.name, "person", r.country))
            pos = text.find(parts[-1], end)
    return resolved + out


_MIDDLE_DOT = re.compile(r"[·・‧•]")


def _words_of(text: str, d: Draft) -> list[str]:
    return text[d.start : d.end].split()


def _covered(taken: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(taken, (pos, 1 << 60)) - 1
    return k >= 0 and taken[k][0] <= pos < taken[k][1]


# --------------------------------------------------------------------------------------------- roles


def _share_roles(resolved: list[_Resolved], anchor: str | None) -> None:
    """Every mention of a person gets the role the document states for them (the most specific one),
    else the KB role at the document date; and the country known for them."""
    roles: dict[str, Counter[str]] = {}
    countries: dict[str, str] = {}
    for r in resolved:
        if r.kind != "person":
            continue
        if r.draft.role:
            roles.setdefault(r.entity_id, Counter())[r.draft.role] += 1
        country = r.country or r.draft.country
        if country and r.entity_id not in countries:
            countries[r.entity_id] = country
    for r in resolved:
        if r.kind != "person":
            continue
        stated = roles.get(r.entity_id)
        if stated:
            best = max(stated, key=lambda t: (len(t), stated[t]))
            if r.draft.role is None or _refines(best, r.draft.role):
                r.draft.role = best
            known = kb_role(r.entity_id, anchor)
            if known and r.draft.role and _refines(known, r.draft.role):
                r.draft.role = known  # "General Secretary" stated, the KB knows of which party
        elif r.draft.role is None:
            r.draft.role = kb_role(r.entity_id, anchor)
        r.country = r.country or countries.get(r.entity_id) or kb_role_country(r.entity_id, anchor)


def _refines(longer: str, shorter: str) -> bool:
    """"Permanent Deputy Minister of Foreign Affairs" refines "Deputy Minister" (same words and more)."""
    return len(longer) > len(shorter) and set(shorter.split()) <= set(longer.split())


def kb_role(entity_id: str, anchor: str | None) -> str | None:
    entity = load_kb().get(entity_id)
    if entity is None:
        return None
    role = entity.role_at(anchor)
    return role.title if role else None


def kb_role_country(entity_id: str, anchor: str | None) -> str | None:
    """The country whose office the person held at the date, for a person the KB gives no country of their own
    (an international official: Mark Rutte was the Netherlands' prime minister until 2024, then NATO's)."""
    entity = load_kb().get(entity_id)
    role = entity.role_at(anchor) if entity is not None else None
    return _country_codes().get(role.org) if role is not None and role.org else None


@cache
def _country_codes() -> dict[str, str]:
    """Canonical English country name -> ISO code."""
    return {name: code for code, name in country_names().items()}


def _mention(r: _Resolved, text: str) -> Mention:
    d = r.draft
    return Mention(
        start=d.start,
        end=d.end,
        text=text[d.start : d.end],
        kind=r.kind,
        entity_id=r.entity_id,
        name=r.name,
        country=r.country,
        role=d.role if r.kind == "person" else None,
        role_span=Span(*d.role_span) if d.role_span else None,
        org_id=d.org.entity_id if d.org else None,
        source=d.source,
        confidence=d.confidence,
    )
