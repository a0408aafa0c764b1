"""Build the country names of every language folder from public data (deterministic; provenance in
data-sources/countries/SOURCES.md).

    python scripts/build_countries.py extract ALIASES.csv CLDR_MAIN_DIR   # refresh data-sources/countries/
    python scripts/build_countries.py extract-demonyms COUNTRIES.json     # ... and its demonyms (mledoze)
    python scripts/build_countries.py extract-language CODE ALIASES.csv TERRITORIES.json
                                                    # add a new folder's language to data-sources/countries/
    python scripts/build_countries.py                                      # write lang/<code>/countries.yaml

`extract` keeps, from the upstream files, only what the build reads: the Wikidata labels and aliases of
countries in the languages that have a folder (and English), and CLDR's alternative territory names
(`-alt-short`, `-alt-variant`: babel drops them). The build writes, for every language folder but the
fallback, a `countries` section: `names` (ISO code -> names CLDR's main names lack) and, for languages that
write names in characters that are words of their own (Han), `abbreviations` (one character -> ISO code: the
first character of a two-character name, used only in compounds of two or more), and `adjectives` (ISO code ->
adjective stems: mledoze/countries demonyms in English and French, elsewhere the start of the country's name
that the language's simplemma word table attests as the start of other words, israel- of Israele) with their
`adjective_case` (see `adjectives`).

What is kept is decided by general rules, not by hand (see `keep_alias`): names in the language's own
script, no ISO codes or one-letter forms, no name that two countries share, no name made only of words that
many countries' names use ("Republic", "Islands"); `removals.yaml` removes the few that are still ambiguous,
each with its reason.
"""

from __future__ import annotations

import bisect
import csv
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import babel
import yaml

from communique import lang as languages
from communique.actors.countries import country_names, demonym_data
from communique.actors.gazetteer import TOKEN_RE, token_key
from communique.actors.kb import load_kb
from communique.actors.names import fold

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data-sources" / "countries"
ALIASES = SOURCES / "wikidata-country-aliases.csv"
CLDR_ALT = SOURCES / "cldr-territory-alternatives.csv"
REMOVALS = SOURCES / "removals.yaml"
DEMONYMS = SOURCES / "mledoze-demonyms.csv"
LANG_DIR = ROOT / "src" / "communique" / "lang"
OUTPUT_NAME = "countries.yaml"
INTERNATIONAL = "en"  # its names are matched in every document: another language need not repeat them
# A one-word name of the international language is matched in every language: a short one is too often a
# word of another language ("Mann" for the Isle of Man is German for "man").
INTERNATIONAL_MIN_LETTERS = 5
# ... and so is one that a language's matching key shortens to a few letters (Polish keys "Eesti" as "est",
# the key of "jest" "is").
INTERNATIONAL_MIN_KEY = 4
# A word used in the names of this many other countries is generic ("Republic", "Islands", "国").
GENERIC_WORD_COUNTRIES = 3
# The script whose characters are words of their own and abbreviate a country in compounds (日米, 中美).
# Hangul is left out: a word of abbreviated syllables (한미일) cannot be told from an ordinary word made of
# the same syllables (중대한 "serious") without a dictionary.
ABBREVIATING_SCRIPTS = ("CJK",)
# The word "country" ends this many two-character names (美国, 英国, 法国, ...): a character that ends fewer
# (不丹, 苏丹) is part of a transcription, and the first character of that name abbreviates nothing.
COUNTRY_WORD_NAMES = 5
# Adjective stems (`countries.adjectives`) match every word that starts with them: a shorter stem starts too
# many other words ("indi": indicate, Indiana; "syri": syringe).
MIN_STEM_LETTERS = 5
# An adjective replaces at most this many letters at the end of the country's name (Nigeria -> nigerianisch,
# Украина -> украинский, Israele -> israeliano).
MAX_NAME_CUT = 2
# A source demonym shorter than this is a common word too often ("Lao").
MIN_DEMONYM_LETTERS = 4
# The share of lower-case words among a word table's words starting with the stems above which the stems match
# lower-case words only (ru, fr, es, it, pt: "israélien", "израильский").
LOWER_CASE_SHARE = 2 / 3
# The languages of the demonym source (mledoze/countries) and their codes here.
SOURCE_LANGUAGES = {"eng": "en", "fra": "fr"}

# Marks of writing direction in some labels (U+200E, U+200F, embeddings, isolates): no part of a name. The
# zero-width (non-)joiners are kept: Persian writes them inside words (ساحل‌عاج).
DIRECTION_MARKS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")

HEADER = """# GENERATED by scripts/build_countries.py from data-sources/countries/ (do not edit; `make countries`).
# Sources: Wikidata country labels and aliases (CC0) via econandrew/sparql_queries
#   country_aliases/country_aliases.csv @ 4da56eb6a903fb1302104003118212f65bb588b6 (repository: MIT);
#   Unicode CLDR 47 alternative territory names via unicode-org/cldr-json
#   cldr-json/cldr-localenames-full/main/<locale>/territories.json @ b08a82b582f1120d630d623f9e5073316741574d
#   (Unicode License v3). Adjectives: mledoze/countries demonyms (en, fr) @ 5e9f370050f83ad2ba4cb885f75d66114badf72c
#   (ODbL 1.0); elsewhere stems of the CLDR names attested by simplemma's word table. Provenance and rules:
#   data-sources/countries/SOURCES.md.
"""


# --------------------------------------------------------------------------------------------- extract


def extract(aliases_csv: Path, cldr_main: Path) -> None:
    """Keep the rows of the upstream files that the build reads (languages with a folder, and English)."""
    wanted = set(_language_codes()) | {INTERNATIONAL}
    with aliases_csv.open(encoding="utf-8", newline="") as src, ALIASES.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["iso2c", "iso3c", "language", "label", "label_type"])
        rows = sorted({(r["iso2c"], r["iso3c"], r["language"], r["label"], r["label_type"])
                       for r in csv.DictReader(src) if r["language"] in wanted})
        writer.writerows(rows)
    alternatives: list[tuple[str, str, str, str]] = []
    for code in sorted(wanted):
        path = cldr_main / code / "territories.json"
        if not path.is_file():
            continue
        alternatives += _alternatives(code, path)
    _write_alternatives(alternatives)


def _alternatives(code: str, territories_json: Path) -> list[tuple[str, str, str, str]]:
    """(language, territory, alt, name) of the `-alt-` entries of one locale's CLDR territories.json."""
    main = json.loads(territories_json.read_text(encoding="utf-8"))["main"][code]
    out = []
    for key, name in sorted(main["localeDisplayNames"]["territories"].items()):
        territory, sep, alt = key.partition("-alt-")
        if sep:
            out.append((code, territory, alt, name))
    return out


def _write_alternatives(alternatives: list[tuple[str, str, str, str]]) -> None:
    with CLDR_ALT.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["language", "iso2c", "alt", "name"])
        writer.writerows(alternatives)


def extract_language(code: str, aliases_csv: Path, territories_json: Path) -> None:
    """Replace one language's rows in the kept files with those of the upstream files (a language folder added
    after the last `extract`: the same rows `extract` would keep for it; CLDR from that locale's
    territories.json)."""
    with ALIASES.open(encoding="utf-8", newline="") as kept_file:
        kept = [r for r in csv.DictReader(kept_file) if r["language"] != code]
    with aliases_csv.open(encoding="utf-8", newline="") as src:
        added = [r for r in csv.DictReader(src) if r["language"] == code]
    fields = ["iso2c", "iso3c", "language", "label", "label_type"]
    rows = sorted({tuple(r[f] for f in fields) for r in [*kept, *added]})
    with ALIASES.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(fields)
        writer.writerows(rows)
    with CLDR_ALT.open(encoding="utf-8", newline="") as kept_file:
        alternatives = [(r["language"], r["iso2c"], r["alt"], r["name"]) for r in csv.DictReader(kept_file)
                        if r["language"] != code]
    alternatives += _alternatives(code, territories_json)
    _write_alternatives(sorted(alternatives, key=lambda r: (r[0], r[1], r[2])))


# --------------------------------------------------------------------------------------------- build


def _language_codes() -> list[str]:
    return [code for code in languages.codes() if code != languages.FALLBACK]


def _scripts(text: str) -> set[str]:
    """The scripts of the letters of `text`, by the first word of their Unicode names (LATIN, CJK, ...)."""
    found = set()
    for ch in text:
        if unicodedata.category(ch)[0] == "L":
            name = unicodedata.name(ch, "")
            found.add(name.split(" ")[0] if name else "?")
    return found


def _own_scripts(cldr_names: Iterable[str]) -> set[str]:
    """The scripts a language writes country names in: those of at least 2% of the letters of CLDR's names."""
    counts: Counter[str] = Counter()
    for name in cldr_names:
        for ch in name:
            if unicodedata.category(ch)[0] == "L":
                counts[unicodedata.name(ch, "?").split(" ")[0]] += 1
    total = sum(counts.values()) or 1
    return {script for script, n in counts.items() if n / total >= 0.02}


def _cased(text: str) -> bool:
    return any(ch.isupper() or ch.islower() for ch in text)


def _clean(label: str) -> str:
    label = "".join(ch for ch in unicodedata.normalize("NFC", label) if ch not in DIRECTION_MARKS)
    label = label.strip().strip("\"'«»“”„")  # direction marks and quotes around a name are no part of it
    return " ".join(label.split())


def _words(text: str) -> list[str]:
    return [fold(m.group()).lower() for m in TOKEN_RE.finditer(text)]


def _spaced_words(text: str) -> list[str]:
    """The words of `text` between spaces (a Han or Myanmar name is one word here, not one per character)."""
    return [fold(w).lower() for w in text.replace("-", " ").split()]


def _cldr_names(code: str) -> dict[str, str]:
    valid = country_names()
    try:
        territories = babel.Locale.parse(code).territories
    except (ValueError, babel.UnknownLocaleError):
        return {}
    return {iso: name for iso, name in territories.items() if iso in valid}


@dataclass(frozen=True)
class Context:
    """What an alias of one language is checked against."""

    scripts: set[str]  # the scripts of the language's country names
    owners: dict[str, set[str]]  # folded name -> the countries it names (CLDR and the sources)
    word_countries: dict[str, set[str]]  # folded word (between spaces) -> the territories whose names hold it
    main_words: dict[str, set[str]]  # folded word -> the sovereign states whose CLDR main name holds it
    codes: set[str]  # ISO 3166-1 alpha-2 and alpha-3 codes, upper case
    person_words: set[str]  # folded words of the knowledge base's person names
    international: bool  # the names of this language are matched in every document
    languages: tuple[str, ...] = ()  # the languages whose documents the names are matched in


def keep_alias(alias: str, iso: str, ctx: Context) -> str | None:
    """None when `alias` may name country `iso` in a text, else the reason it may not."""
    letters = [ch for ch in alias if unicodedata.category(ch)[0] == "L"]
    if not letters:
        return "no letters (a flag, a number)"
    if not _scripts(alias) <= ctx.scripts:
        return "not in the language's script"
    if alias.upper() in ctx.codes:
        return "an ISO code"
    if _cased(alias) and not any(ch.isupper() for ch in alias):
        return "all lower case: a common word, not a name"
    if len(letters) < 2 or (len(letters) == 2 and _cased(alias) and not (alias[:1].isupper() and alias[1:].islower())):
        return "too short"  # two capitals stand for too many things ("ФР", "РК"); "Mỹ", "Úc" are names
    if len(ctx.owners.get(fold(alias).lower(), ())) > 1:
        return "names several countries"
    spaced = _spaced_words(alias)
    if spaced and all(len(ctx.word_countries.get(w, set()) - {iso}) >= GENERIC_WORD_COUNTRIES for w in spaced):
        return "only words that many countries' names use"
    words = _words(alias)
    if len(words) == 1:
        if ctx.main_words.get(words[0], set()) - {iso}:
            return "a word of another country's name (Congo, Korea)"
        if words[0] in ctx.person_words and not alias.isupper():  # an acronym (ABD) is no name word (Abd)
            return "a word of a person's name in the knowledge base"
        shortest_key = min((len(token_key(alias, code)) for code in ctx.languages), default=INTERNATIONAL_MIN_KEY)
        if ctx.international and (len(letters) < INTERNATIONAL_MIN_LETTERS or shortest_key < INTERNATIONAL_MIN_KEY):
            return "a short word matched in every language"
    return None


def _person_words() -> set[str]:
    """The folded words of every person's names in the knowledge base (Israel Katz, Jordan Bardella)."""
    words: set[str] = set()
    for entity in load_kb().entities.values():
        if entity.kind != "person":
            continue
        for forms in entity.names.values():
            for form in forms:
                words.update(_words(form))
        for form in entity.surname.values():
            words.update(_words(form))
    return words


def build(dropped: Counter[str] | None = None) -> dict[str, dict[str, object]]:
    """Language code -> its `countries` section; `dropped` counts the names left out, by reason."""
    dropped = Counter() if dropped is None else dropped
    valid = country_names()
    rows = list(csv.DictReader(ALIASES.open(encoding="utf-8", newline="")))
    codes = {c.upper() for r in rows for c in (r["iso2c"], r["iso3c"]) if c} | set(valid)
    person_words = _person_words()
    states = {r["iso2c"] for r in rows}  # the sources' sovereign states (Wikidata's "country", Q6256)
    alternatives = list(csv.DictReader(CLDR_ALT.open(encoding="utf-8", newline="")))
    removals = yaml.safe_load(REMOVALS.read_text(encoding="utf-8")) or {}
    demonyms = _source_demonyms(states)
    international = {fold(r["label"]).lower() for r in rows if r["language"] == INTERNATIONAL}
    international |= {fold(n).lower() for n in _cldr_names(INTERNATIONAL).values()}
    sections: dict[str, dict[str, object]] = {}
    for code in _language_codes():
        cldr = _cldr_names(code)
        scripts = _own_scripts(cldr.values())
        if not scripts:
            continue
        candidates: list[tuple[str, str]] = [(r["iso2c"], _clean(r["label"])) for r in rows
                                             if r["language"] == code and r["iso2c"] in valid]
        candidates += [(a["iso2c"], _clean(a["name"])) for a in alternatives
                       if a["language"] == code and a["iso2c"] in valid]
        ctx = Context(scripts, defaultdict(set), defaultdict(set), defaultdict(set), codes, person_words,
                      code == INTERNATIONAL, tuple(_language_codes()))
        # a country's own CLDR name is never generic, however many territories are named after it
        # ("گویان فرانسه", French Guiana, and other French territories hold "فرانسه", France)
        own_names = {fold(name).lower() for name in cldr.values()}
        for iso, name in [*cldr.items(), *candidates]:
            ctx.owners[fold(name).lower()].add(iso)
            for word in set(_spaced_words(name)) - own_names:
                ctx.word_countries[word].add(iso)
        for iso, name in cldr.items():
            if iso in states:  # not a dependency named after its state ("Ilhas Menores Distantes dos EUA")
                for word in set(_words(name)):
                    ctx.main_words[word].add(iso)
        known = {fold(n).lower() for n in cldr.values()}
        removed = {fold(str(r["name"])).lower() for r in (removals.get(code) or []) if "name" in r}
        names: dict[str, list[str]] = defaultdict(list)
        for iso, alias in sorted(set(candidates)):
            key = fold(alias).lower()
            if key in known or (code != INTERNATIONAL and key in international):
                continue
            reason = "removals.yaml" if key in removed else keep_alias(alias, iso, ctx)
            if reason is not None:
                dropped[reason] += 1
            elif alias not in names[iso]:
                names[iso].append(alias)
        section: dict[str, object] = {"names": {iso: sorted(forms) for iso, forms in sorted(names.items())}}
        named = [*cldr.items(), *((iso, n) for iso, ns in names.items() for n in ns)]
        # the CLDR names of this language that another language's CLDR names share (日本, 中国 in ja and zh)
        others = {n for other in _language_codes() if other != code for n in _cldr_names(other).values()}
        others &= set(cldr.values())
        single = [(iso, alias) for iso, alias in candidates if len(alias) == 1]
        firsts = {(n[0], iso) for other in _language_codes() for iso, n in _cldr_names(other).items()
                  if n and _scripts(n[0]) <= set(ABBREVIATING_SCRIPTS)}
        abbreviations = _abbreviations(named, others, single, firsts, scripts)
        if abbreviations:
            section["abbreviations"] = abbreviations
        main_names = [(iso, n) for iso, n in cldr.items() if iso in states]
        section.update(adjectives(code, main_names, [(iso, n) for iso, n in named if iso in states], demonyms,
                                  person_words))
        sections[code] = section
    return sections


def _abbreviations(names: list[tuple[str, str]], shared_names: set[str], single: list[tuple[str, str]],
                   cldr_firsts: set[tuple[str, str]], scripts: set[str]) -> dict[str, str]:
    """One character -> the country it abbreviates in compounds (美 in 中美, 米 in 日米), for a language whose
    country names are written in one of `ABBREVIATING_SCRIPTS`.

    The first character of a two-character name is taken when the name is the country word formed on it
    (美国, 米国: a second character that ends the names of several countries) or when another language of the
    script names the country with the same two characters in CLDR (日本, 中国); a one-character name of the
    sources is one too. A character that would abbreviate two countries is left out (印度, 印尼).
    """
    if not scripts & set(ABBREVIATING_SCRIPTS):
        return {}
    two = [(iso, name) for iso, name in names if len(name) == 2 and _scripts(name) <= set(ABBREVIATING_SCRIPTS)]
    endings = Counter(name[-1] for iso, name in set(two))
    generic = {ch for ch, n in endings.items() if n >= COUNTRY_WORD_NAMES}
    starts: dict[str, set[str]] = defaultdict(set)
    for iso, name in two:
        starts[name[0]].add(iso)  # every two-character name counts against an ambiguous first character
    # "X + country" counts when a CLDR name in a language of the script starts with X too (韓国 for 韓國):
    # an alias alone (民國 for Taiwan) makes no abbreviation of a common character
    chosen = {name[0] for iso, name in two if (name[1] in generic and (name[0], iso) in cldr_firsts)
              or name in shared_names}
    chosen |= {name for iso, name in single if len(name) == 1 and _scripts(name) <= set(ABBREVIATING_SCRIPTS)}
    for iso, name in single:
        starts[name].add(iso)
    return {ch: next(iter(starts[ch])) for ch in sorted(chosen) if len(starts[ch]) == 1}


# --------------------------------------------------------------------------------------------- adjectives


def extract_demonyms(countries_json: Path) -> None:
    """Keep the demonyms of mledoze/countries `countries.json` (English and French, both genders)."""
    entries = json.loads(countries_json.read_text(encoding="utf-8"))
    rows = sorted({(e["cca2"], SOURCE_LANGUAGES[lang], gender, form)
                   for e in entries for lang, forms in (e.get("demonyms") or {}).items() if lang in SOURCE_LANGUAGES
                   for gender, form in forms.items() if form})
    with DEMONYMS.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["iso2c", "language", "gender", "demonym"])
        writer.writerows(rows)


def _source_demonyms(states: set[str]) -> dict[str, dict[str, list[str]]]:
    """Language -> ISO code -> the demonyms of the source (masculine, feminine), for sovereign states."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in csv.DictReader(DEMONYMS.open(encoding="utf-8", newline="")):
        if row["iso2c"] in states:
            out[row["language"]][row["iso2c"]].append(_clean(row["demonym"]))
    return out


def _letters(text: str) -> int:
    return sum(1 for ch in text if unicodedata.category(ch)[0] == "L")


def _demonym_stems(forms: list[str]) -> list[str]:
    """The stems of one country's demonyms: their common start when it is long enough (israélien for
    israélien, israélienne), else each form (turc, turque); a form shorter than a word of its own is left out."""
    # "Antiguan, Barbudan": one demonym per part; "Kittitian or Nevisian" and longer phrases are left out
    parts = {p.strip().lower() for f in forms for p in re.split(r"[,/]", f)}
    lowered = sorted(p for p in parts if _letters(p) >= MIN_DEMONYM_LETTERS and len(p.split()) <= 2)
    common = os.path.commonprefix(lowered) if lowered else ""
    return [common] if _letters(common) >= MIN_STEM_LETTERS else lowered


def _is_one_word(name: str) -> bool:
    return len(name.split()) == 1 and "-" not in name


@dataclass(frozen=True)
class WordTable:
    """A language's word table (simplemma: word -> lemma), its words sorted in lower case to find those that
    start with a stem."""

    lemmas: Any
    words: list[str]

    def starting_with(self, stem: str) -> Iterator[str]:
        for k in range(bisect.bisect_left(self.words, stem), len(self.words)):
            if not self.words[k].startswith(stem):
                return
            yield self.words[k]

    def lemma(self, word: str) -> str | None:
        """The lemma of `word` (in lower case) in the table, None when the table has no such word."""
        found = self.lemmas.get(word) or self.lemmas.get(word[:1].upper() + word[1:])
        return None if found is None else str(found).lower()


def _attested_stem(name: str, table: WordTable) -> str | None:
    """The start of the one-word country name `name`, at most `MAX_NAME_CUT` letters shorter, that starts the
    most words of the table other than forms of the name (the longer on a tie): the adjective's stem, attested
    by the table (Israele -> israel-iano, Россия -> росси-йский, Nigeria -> nigeri-anisch). A start that is a
    word of its own is none: it would start that word's forms too (es "malas" "bad", of Malasia)."""
    word = name.lower()
    best: tuple[int, str] | None = None
    for cut in range(MAX_NAME_CUT + 1):
        stem = word[: len(word) - cut]
        if _letters(stem) < MIN_STEM_LETTERS or table.lemma(stem) not in (None, word):
            continue
        attested = sum(1 for w in table.starting_with(stem) if w != word and table.lemma(w) != word)
        if attested and (best is None or attested > best[0]):
            best = (attested, stem)
    return None if best is None else best[1]


def _dictionary(code: str) -> WordTable | None:
    """simplemma's word table of `code`, None for a language it has no table of."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    try:
        lemmas = DefaultDictionaryFactory().get_dictionary(code)
    except (ValueError, OSError, KeyError):
        return None
    return WordTable(lemmas, sorted({str(w).lower() for w in lemmas}))


def _lower_case_share(stems: Iterable[str], dictionary: WordTable) -> float:
    """The share of the table's words starting with the stems that are written in lower case: country
    adjectives are lower case in Russian, French, Spanish ("израильский", "israélien"), capitalized in
    English and Dutch ("Israeli", "Israëlisch"), German capitalizes the people (Israeli, israelisch)."""
    lower = upper = 0
    prefixes = tuple(stems)
    capitalized = tuple(s[:1].upper() + s[1:] for s in prefixes)
    for word in dictionary.lemmas:
        if word.startswith(prefixes):
            lower += 1
        elif word.startswith(capitalized):
            upper += 1
    return lower / max(lower + upper, 1)


def adjectives(code: str, main_names: list[tuple[str, str]], named: list[tuple[str, str]],
               demonyms: dict[str, dict[str, list[str]]], person_words: set[str]) -> dict[str, object]:
    """The `adjectives` (ISO code -> stems) and `adjective_case` of a language: its demonyms from the source
    where it has them (en, fr), else the stems of its one-word CLDR country names (an alias is too often an old
    or a foreign name: Rotchina, Дойчланд), for a language with a word table
    that does not derive adjectives from names by suffixes already (ar, fa, he, hi, tr: `names.adjective_suffix`)
    and writes words apart (a table is what the stems are checked against)."""
    dictionary = _dictionary(code)
    if dictionary is None:
        return {}
    if code in demonyms:
        found = [(stem, iso) for iso, forms in demonyms[code].items() for stem in _demonym_stems(forms)]
    elif languages.section(code, "names").get("adjective_suffix"):
        return {}
    else:
        # a country whose CLDR name has several words ("Territorios Palestinos") has its one-word aliases
        one_word = {iso for iso, name in main_names if _is_one_word(name)}
        sources = main_names + [(iso, n) for iso, n in named if iso not in one_word and _is_one_word(n)]
        attested = ((_attested_stem(name, dictionary), iso) for iso, name in sources if _is_one_word(name))
        found = [(stem, iso) for stem, iso in attested if stem is not None]
    stems = _unshared(found, named, code, person_words)
    removals = yaml.safe_load(REMOVALS.read_text(encoding="utf-8")) or {}
    removed = {str(r["stem"]) for r in (removals.get(code) or []) if "stem" in r}
    stems = [(stem, iso) for stem, iso in stems if stem not in removed]
    if not stems:
        return {}
    share = _lower_case_share({s for s, _ in stems}, dictionary)
    # a capitalized word starting with a lower-case stem is another name there (Francisco, Франциск); where
    # the table is mixed, it is the people's noun too (German Israeli, israelisch; English, Dutch): any case
    case = "lower" if share >= LOWER_CASE_SHARE else "any"
    table: dict[str, list[str]] = defaultdict(list)
    for stem, iso in sorted(stems):
        table[iso].append(stem)
    return {"adjectives": dict(sorted(table.items())), "adjective_case": case}


@cache
def _country_words_cached() -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = defaultdict(set)
    for code in [*_language_codes(), INTERNATIONAL]:
        for iso, name in _cldr_names(code).items():
            words[iso].update(_words(name))
    return {iso: frozenset(w) for iso, w in words.items()}


def _country_words() -> dict[str, set[str]]:
    """ISO code -> the folded words of its CLDR names in every language (Israel Katz's first name is a name of
    Israel, though Italian calls it Israele)."""
    return defaultdict(set, {iso: set(w) for iso, w in _country_words_cached().items()})


def _unshared(found: list[tuple[str, str]], named: list[tuple[str, str]], code: str,
              person_words: set[str]) -> list[tuple[str, str]]:
    """The stems no other country can claim: not one two countries share, not the start of another country's
    name or stem (niger- of Nigeria, guine- of Guinea-Bissau) or of a hand-written stem, not the start of a word
    of a person's name in the knowledge base that is no word of the country's own names; a stem that starts
    with another stem of the same country adds nothing."""
    hand = [(str(s).lower(), str(iso)) for iso, forms in
            ((demonym_data().get("adjectives", {}) or {}).get(code, {}) or {}).items() for s in forms]
    others = [(n.lower(), iso) for iso, n in named] + found + hand
    own_words = _country_words()
    for iso, name in named:
        own_words[iso].update(_words(name))
    kept = []
    for stem, iso in sorted(set(found)):
        if any(other.startswith(stem) and owner != iso for other, owner in others):
            continue
        if any(other != stem and stem.startswith(other) and owner == iso for other, owner in [*found, *hand]):
            continue
        folded = fold(stem).lower()
        if any(w.startswith(folded) and w not in own_words[iso] for w in person_words):
            continue
        kept.append((stem, iso))
    return kept


def write(sections: dict[str, dict[str, object]]) -> None:
    for code, section in sorted(sections.items()):
        body = yaml.safe_dump({"countries": section}, allow_unicode=True, sort_keys=True, width=120,
                              default_flow_style=None)
        (LANG_DIR / code / OUTPUT_NAME).write_text(HEADER + body, encoding="utf-8")


def main(argv: list[str]) -> int:
    if argv[:1] == ["extract-demonyms"]:
        if len(argv) != 2:
            print("usage: build_countries.py extract-demonyms COUNTRIES.json", file=sys.stderr)
            return 2
        extract_demonyms(Path(argv[1]))
        return 0
    if argv[:1] == ["extract-language"]:
        if len(argv) != 4:
            print("usage: build_countries.py extract-language CODE ALIASES.csv TERRITORIES.json", file=sys.stderr)
            return 2
        extract_language(argv[1], Path(argv[2]), Path(argv[3]))
        return 0
    if argv[:1] == ["extract"]:
        if len(argv) != 3:
            print("usage: build_countries.py extract ALIASES.csv CLDR_MAIN_DIR", file=sys.stderr)
            return 2
        extract(Path(argv[1]), Path(argv[2]))
        return 0
    dropped: Counter[str] = Counter()
    sections = build(dropped)
    write(sections)
    for code, section in sorted(sections.items()):
        names = section["names"]
        assert isinstance(names, dict)
        stems = section.get("adjectives") or {}
        abbreviations = section.get("abbreviations") or {}
        assert isinstance(stems, dict) and isinstance(abbreviations, dict)
        print(f"{code}: {sum(len(v) for v in names.values())} names of {len(names)} countries, "
              f"{len(abbreviations)} abbreviations, "
              f"{sum(len(v) for v in stems.values())} adjective stems of {len(stems)} countries "
              f"({section.get('adjective_case', '-')})")
    for reason, count in dropped.most_common():
        print(f"left out: {count:5d} {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
