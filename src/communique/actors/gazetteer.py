"""The gazetteer: every known name (KB entities, CLDR countries) as token-key sequences, per language.

Matching works on tokens, not characters, so that inflection and spelling conventions are handled
once, by the token key (`token_key`): the language that reads a token (by its script, else the
document's) stems it with its `names.stem` hook (Russian case endings, German genitives), and every
token is mapped to a spelling-convention-free key (Tschernyschenko = Chernyshenko). Knowledge-base
names are keyed by the rules of the language they are listed under AND of the document's language,
so a name listed only in English is still found in a German text.

Acronyms are matched case-sensitively on the raw token (Latin or another script's capitals), with
the case endings a language allows after them (`names.acronym_suffix`).
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from typing import Any, NamedTuple

from communique import caching
from communique import lang as languages
from communique.actors import cities
from communique.actors.countries import country_names, demonym_data
from communique.actors.kb import ARMED_GROUP, kb_sources_key, load_kb
from communique.actors.names import fold, match_key, stem
from communique.actors.ner.persons import lemma_by_endings, name_endings

# A word: letters with their combining marks (Devanagari, Bengali and Thai vowel signs are marks, not
# letters); a Han or kana character is a word of its own (Chinese and Japanese are written without spaces,
# so "习近平主席" holds the name 习近平 as its first three words). A Hebrew geresh is part of its word: it makes
# a letter into a sound Hebrew lacks (ג׳וריץ׳: Đurić), so a name spelled with it is one word.
_MARKS = "\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f\u0951-\u0957" \
         "\u0962\u0963\u0981-\u0983\u09bc-\u09d7\u0a01-\u0a4d\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u05f3"
_CJK = str(languages.section(languages.FALLBACK, "scripts")["one_character_words"])  # kana and Han
# Thai, Lao, Khmer and Myanmar are written without spaces between words too, in letters with combining marks: a
# letter and its marks are a word of their own, so that "นายกรัฐมนตรีเศรษฐา" holds the name เศรษฐา.
_CLUSTERED = str(languages.section(languages.FALLBACK, "scripts")["one_cluster_words"])
_CLUSTER_MARKS = "".join(sorted({ch for lo, hi in re.findall(r"(.)-(.)", _CLUSTERED)
                                for ch in map(chr, range(ord(lo), ord(hi) + 1))
                                if unicodedata.category(ch).startswith("M")}))
_ONE = f"{_CJK}{_CLUSTERED}"
_RUN = f"[{languages.section(languages.FALLBACK, 'scripts')['whole_word_runs']}]"
_RUN_RE = re.compile(f"{_RUN}+")
_CJK_RE = re.compile(f"[{_CJK}]")
_CLUSTERED_RE = re.compile(f"[{_CLUSTERED}]")
TOKEN_RE = re.compile(rf"[{_CJK}]|(?![{_CLUSTER_MARKS}])[{_CLUSTERED}][{_CLUSTER_MARKS}]*"
                      rf"|(?:(?![{_ONE}])[\w{_MARKS}])+(?:[’'](?:(?![{_ONE}])[\w{_MARKS}])+)?")
# What may stand between two tokens of one name: spaces, hyphens and dashes (not a line break).
# A comma only matters for names listed with one ("Commission for Economic, Trade and ...").
# Chinese and Japanese write foreign names with a middle dot between given name and surname (普京·弗拉基米尔).
# A zero-width (non-)joiner splits a Persian word in two (چاووش‌اوغلو): it may stand between name words too.
# Hebrew writes an acronym with a gershayim (or a double quote for it) before its last letter (ארה"ב: the US);
# letters of an acronym are separated by full stops ("EE. UU.", "A.B.D.").
NAME_GAP_RE = re.compile(r"[ ,.\t\u00a0\-–—·・‧\u200c\u200d\"\u05f4]{0,3}")

# CLDR territories that are not countries (continents, unions, placeholders).


@dataclass(frozen=True, slots=True)
class Candidate:
    """What a gazetteer phrase may refer to."""

    entity_id: str
    kind: str  # person | organization | location | country
    name: str
    country: str | None
    type: str | None = None  # organization/location type from the KB (party, media, capital, ...)
    partial: bool = False  # a surname or given name alone
    acronym: bool = False
    # a surname alone read off the name of an office holder the KB gives no surname form: that person only
    # near their time in office (resolve._near_office)
    dated: bool = False
    # The capitals a name needs in the text, one letter per word of the listed form ("U": capitalized as
    # listed, "l": any case), for names made of ordinary words ("Islamic State", "Free Land"; `case_shape`)
    shape: str | None = None


class Token(NamedTuple):
    """A word of the text and its matching key (a tuple: built for every word, so kept cheap)."""

    start: int
    end: int
    text: str
    key: str

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


# --------------------------------------------------------------------------------------------- keys


@lru_cache(maxsize=262144)
def is_clustered(token: str) -> bool:
    """A token of a script whose letters with their marks are words of their own (Thai, Lao, Khmer, Myanmar)."""
    return _CLUSTERED_RE.match(token) is not None


def token_key(token: str, lang: str) -> str:
    """The matching key of one token in a text of language `lang`, read by the language of its script."""
    if is_clustered(token):
        return token  # a letter with its marks: a Thai tone mark is no accent to fold away (ลาว, not ว่า)
    reader = languages.script_reader(token) or lang
    return match_key(stem(token, reader), reader)


def tokenize(text: str, lang: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), token_key(m.group(), lang)) for m in TOKEN_RE.finditer(text)]


def phrase_keys(surface: str, lang: str) -> tuple[str, ...]:
    return tuple(token_key(m.group(), lang) for m in TOKEN_RE.finditer(surface))


def inflected_phrase_keys(surface: str, lang: str) -> set[tuple[str, ...]]:
    """The keys of a name and of its inflected forms.

    A nominative can end in letters that look like a case ending, so the stems of the nominative and
    of an oblique case differ: the name is also indexed under the keys of the form that the
    `names.oblique_form` hook of the language of its script gives.
    """
    keys = {phrase_keys(surface, lang)}
    words = [m.group() for m in TOKEN_RE.finditer(surface)]
    readers = sorted({reader for w in words if (reader := languages.script_reader(w))})
    for reader in readers:
        oblique = languages.hook(reader, "names", "oblique_form")
        if oblique is not None:
            keys.add(tuple(token_key(oblique(w), lang) for w in words))
    return keys


# Name words that show every spelling rule and inflection the token keys know of (lang/xx: names.key_probes).
_PROBE_WORDS = tuple(str(w) for w in languages.section(languages.FALLBACK, "names")["key_probes"])


@cache
def _key_group(lang: str) -> str:
    """The language whose keys `lang` shares: "en" when it keys every probe word as English does (then the
    KB's tens of thousands of names are keyed once for all such languages), else `lang` itself."""
    same = all(token_key(w, lang) == token_key(w, "en") for w in _PROBE_WORDS)
    return "en" if same else lang


@cache
def _name_keys(surface: str, group: str) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(inflected_phrase_keys(surface, group)))


# --------------------------------------------------------------------------------------------- countries


@cache
def country_surfaces(lang: str) -> tuple[tuple[str, str], ...]:
    """(surface, code) for every country name in `lang` (CLDR plus demonyms.yaml `names`)."""
    import babel  # lazy: CLDR data (0.1 s), only when country names are first needed

    out: list[tuple[str, str]] = []
    territories: dict[str, str] = {}
    with contextlib.suppress(ValueError, babel.UnknownLocaleError):  # no CLDR locale: no local names
        territories = dict(babel.Locale.parse(lang).territories)
    valid = country_names()
    qualifiers = _qualifiers({code: name for code, name in territories.items() if code in valid})
    for code, name in territories.items():
        if code not in valid:
            continue
        # "Myanmar (Burma)": both names; but "Внешние малые острова (США)": США is not this territory
        parts = [p.strip() for p in re.split(r"\s*[()]\s*", name) if p.strip()]
        out.extend((part, code) for k, part in enumerate(parts) if k == 0 or part not in qualifiers)
    extra = (demonym_data().get("names", {}) or {}).get(lang, {}) or {}
    generated = languages.section(lang, "countries").get("names") or {}  # lang/<code>/countries.yaml
    for source in (extra, generated):
        for code, names in source.items():
            if str(code) in valid:
                out.extend((str(name), str(code)) for name in names)
    return tuple(dict.fromkeys(out))


@cache
def abbreviation_table(lang: str) -> dict[str, str]:
    """One character -> the country it abbreviates in `lang`: `countries.abbreviations` (built from CLDR and
    Wikidata names) and `countries.press_abbreviations` (the conventional ones no name shows: 俄 for Russia,
    露 for Russia in Japanese)."""
    section = languages.section(lang, "countries")
    table = {**(section.get("abbreviations") or {}), **(section.get("press_abbreviations") or {})}
    return {str(ch): str(code) for ch, code in table.items()}


@cache
def abbreviation_regex(lang: str) -> re.Pattern[str] | None:
    """Runs of two or more one-character country abbreviations of `lang` (`abbreviation_table`: 中美, 日米), not
    right after a digit (the 日 of "5日中国" is the day) nor inside a longer run. A language whose syllables
    run into other words (Korean: 일한 "worked") writes them joined by a mark (`countries.abbreviation_joiners`:
    한·미, 북·러) and takes only those, at the start of a word."""
    chars = "".join(sorted(abbreviation_table(lang)))
    if not chars:
        return None
    cls = f"[{re.escape(chars)}]"
    joiners = "".join(str(j) for j in languages.section(lang, "countries").get("abbreviation_joiners") or [])
    if joiners:
        return re.compile(rf"(?<!\w){cls}(?:[{re.escape(joiners)}]{cls})+")
    return re.compile(rf"(?<![\d{re.escape(chars)}]){cls}{{2,}}")


@cache
def side_regex(lang: str) -> re.Pattern[str] | None:
    """One country abbreviation and the language's word for a party to talks (`countries.side_words`: 中方 "the
    Chinese side", 美方), unless the word goes on into another one (方面, 方式: `countries.side_word_not_before`)."""
    section = languages.section(lang, "countries")
    chars = "".join(sorted(abbreviation_table(lang)))
    words = [str(w) for w in section.get("side_words") or []]
    if not chars or not words:
        return None
    blockers = "".join(str(ch) for ch in section.get("side_word_not_before") or [])
    after = f"(?![{re.escape(blockers)}])" if blockers else ""
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\d{re.escape(chars)}])[{re.escape(chars)}](?:{alternatives}){after}")


def country_sides(text: str, lang: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, ISO code) of each country named as a side by its abbreviation ("中方坚决反对…")."""
    regex = side_regex(lang)
    if regex is None:
        return
    table = abbreviation_table(lang)
    for m in regex.finditer(text):
        yield m.start(), m.end(), table[m.group()[0]]


def abbreviated_countries(text: str, lang: str) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(offset, ISO codes) of each compound of country abbreviations ("中美" -> (0, (CN, US)))."""
    for start, _, parts in country_abbreviations(text, lang):
        yield start, tuple(code for _, code in parts)


def country_abbreviations(text: str, lang: str) -> Iterator[tuple[int, int, tuple[tuple[int, str], ...]]]:
    """(start, end, ((offset, ISO code), ...)) of each compound of country abbreviations ("한·미": the offsets
    of 한 and 미); a run that repeats a country ("中中") is no compound of countries."""
    regex = abbreviation_regex(lang)
    if regex is None:
        return
    table = abbreviation_table(lang)
    for m in regex.finditer(text):
        parts = tuple((m.start() + k, table[ch]) for k, ch in enumerate(m.group()) if ch in table)
        if len({code for _, code in parts}) == len(parts):
            yield m.start(), m.end(), parts


def _qualifiers(names: dict[str, str]) -> set[str]:
    """Parenthesized parts of CLDR names that say whose territory it is, not what it is called: the name
    of another territory ("(China)", "(Великобритания)") or a part shared by several ("(США)", "(САР)")."""
    mains: dict[str, str] = {}
    inner: dict[str, set[str]] = {}
    for code, name in names.items():
        parts = [p.strip() for p in re.split(r"\s*[()]\s*", name) if p.strip()]
        if parts:
            mains.setdefault(parts[0], code)
        for part in parts[1:]:
            inner.setdefault(part, set()).add(code)
    return {part for part, codes in inner.items()
            if len(codes) > 1 or (part in mains and mains[part] not in codes)}


@cache
def demonym_regex(lang: str) -> re.Pattern[str] | None:
    """One regex for the demonym/adjective stems of `lang` (российск\\w*, vietnamesisch\\w*): the hand-written
    ones of demonyms.yaml, the generated ones of its folder (`countries.adjectives` in countries.yaml) and the
    ones written for the language in its folder (`demonyms` in demonyms.yaml: ISO code -> stems).

    A hand-written stem matches in any case. A generated stem of a language that writes country adjectives in
    lower case (`countries.adjective_case: lower`: "israélien", "израильский") matches only a word that starts in
    lower case, or at the start of a sentence or line: a capitalized word inside a sentence that starts with it is
    another name there (Francisco, Франциск)."""
    hand = (demonym_data().get("adjectives", {}) or {}).get(lang, {}) or {}
    section = languages.section(lang, "countries")
    generated = section.get("adjectives") or {}
    lower_only = section.get("adjective_case") == "lower"
    written = languages.section(lang, "demonyms")  # lang/<code>/demonyms.yaml: written for the language
    alternatives: list[tuple[str, str, bool]] = []  # (stem, country, its first letter must be lower case)
    for stems, lower in ((hand, False), (generated, lower_only), (written, lower_only)):
        for code, forms in stems.items():
            alternatives.extend((str(form), str(code), lower) for form in forms)
    if not alternatives:
        return None
    alternatives.sort(key=lambda a: len(a[0]), reverse=True)
    body = "|".join(f"(?P<c{i}_{code}>{_stem_pattern(form, lower)}\\w*)"
                    for i, (form, code, lower) in enumerate(alternatives))
    return caching.compile_regex(rf"(?<!\w)(?:{body})", re.MULTILINE)


# Where a sentence or a line starts: there an adjective is capitalized in every language ("Израильская армия").
_SENTENCE_START = r"(?:^|(?<=[.!?…]\s)|(?<=[.!?…][\"»”]\s))"


def _stem_pattern(stem: str, lower_first: bool) -> str:
    """A stem matched case-insensitively, or with its first letter in lower case but at a sentence start."""
    if lower_first and stem[:1].islower():
        first = f"(?:{re.escape(stem[:1])}|{_SENTENCE_START}{re.escape(stem[:1].upper())})"
        return first + f"(?i:{re.escape(stem[1:])})"
    return f"(?i:{re.escape(stem)})"

# --------------------------------------------------------------------------------------------- clitics


@dataclass(frozen=True, slots=True)
class Clitics:
    """What a language writes attached to a name (`names.clitic_prefix`, `names.clitic_suffix`,
    `names.adjective_suffix`, `names.clitic_boundary` in its folder): Arabic "و"+"ال"+name, Hebrew
    "ו"+"ה"+name, Turkish name+"'nın". A word is split only when what is left is a known name."""

    prefixes: tuple[str, ...]  # shortest first: the longest name proper is tried first
    suffixes: tuple[str, ...]
    adjective_suffixes: tuple[str, ...]  # a country name with one of these is its adjective (a demonym)
    boundaries: tuple[str, ...]  # marks (apostrophes) with a clitic on one side, the name on the other
    base_drops: tuple[str, ...] = ()  # what a country name loses before an adjective ending (the article, -يا)

    def adjective_bases(self, surface: str) -> set[str]:
        """The stems an adjective of the one-word country name `surface` may be formed on: the name without
        its article and without a final letter the adjective ending replaces (`names.adjective_base_drop`)."""
        bases = {surface}
        for drop in self.base_drops:
            for base in list(bases):
                if drop.endswith("-") and base.startswith(drop[:-1]):
                    bases.add(base[len(drop) - 1 :])
                elif drop.startswith("-") and base.endswith(drop[1:]):
                    bases.add(base[: len(base) - len(drop) + 1])
        bases.discard(surface)
        return {b for b in bases if len(b) >= _MIN_NAME_CHARS + 1}

    def without_prefix(self, tok: Token, lang: str, boundaries_only: bool = False) -> Iterator[Token]:
        """The token without a prefix clitic: the name proper, with its own offsets."""
        text = tok.text
        for mark in self.boundaries:
            k = text.find(mark)
            if 0 < k < len(text) - 2:
                yield _part(tok, k + len(mark), len(text), lang)
        if boundaries_only:
            return
        for prefix in self.prefixes:
            if text.startswith(prefix) and len(text) - len(prefix) >= _MIN_NAME_CHARS:
                yield _part(tok, len(prefix), len(text), lang)

    def without_suffix(self, tok: Token, lang: str, boundaries_only: bool = False) -> Iterator[tuple[Token, bool]]:
        """The token without a suffix clitic, and whether the suffix made it an adjective."""
        text = tok.text
        for mark in self.boundaries:
            k = text.find(mark)
            if k >= _MIN_NAME_CHARS:
                yield _part(tok, 0, k, lang), False
        if boundaries_only:
            return
        for suffixes, adjective in ((self.suffixes, False), (self.adjective_suffixes, True)):
            for suffix in suffixes:
                if text.endswith(suffix) and len(text) - len(suffix) >= _MIN_NAME_CHARS:
                    yield _part(tok, 0, len(text) - len(suffix), lang), adjective


# The shortest name proper left after a clitic is taken off (a one-letter remainder is never a name).
_MIN_NAME_CHARS = 2


def _part(tok: Token, lo: int, hi: int, lang: str) -> Token:
    piece = tok.text[lo:hi]
    return Token(tok.start + lo, tok.start + hi, piece, token_key(piece, lang))


@cache
def clitics_of(codes: tuple[str, ...]) -> Clitics | None:
    """The clitics of the languages `codes` and of the fallback (every document's), None when none."""
    found: dict[str, list[str]] = {"clitic_prefix": [], "clitic_suffix": [], "adjective_suffix": [],
                                   "clitic_boundary": [], "adjective_base_drop": []}
    for code in (*codes, languages.FALLBACK):
        names = languages.section(code, "names")
        for key, values in found.items():
            values.extend(str(v) for v in names.get(key) or [] if str(v) not in values)
    if not any(found.values()):
        return None
    return Clitics(_shortest_first(found["clitic_prefix"]), _shortest_first(found["clitic_suffix"]),
                   _shortest_first(found["adjective_suffix"]), tuple(found["clitic_boundary"]),
                   tuple(found["adjective_base_drop"]))


def _shortest_first(values: list[str]) -> tuple[str, ...]:
    return tuple(sorted(values, key=lambda v: (len(v), v)))


# --------------------------------------------------------------------------------------------- lemmas


@cache
def lemma_language(code: str) -> str | None:
    """How names of `code` are put in their dictionary form, "<method>:<table>", or None.

    A language without a stemmer of its own (`names.stem`) that asks for lemmas (`names.lemmatizer`, in its
    folder, or in the fallback's for a language without a folder): "endings" is the folder's learned
    `name-endings.tsv` (Polish: Niemczech -> Niemcy, a table of 214 KB), "simplemma" the simplemma table of
    the language (Czech "Ukrajiny" -> Ukrajina; loaded once per process, only for such languages).
    """
    if code in ("", languages.UNDETERMINED, languages.NO_LANGUAGE, languages.FALLBACK) or \
            languages.hook(code, "names", "stem") is not None:
        return None
    own = languages.find(code) is not None
    fallback = languages.section(languages.FALLBACK, "names")
    setting = languages.section(code, "names").get("lemmatizer") if own else fallback.get("lemmatizer")
    if setting == "endings" and name_endings(code):
        return f"endings:{code}"
    if setting != "simplemma":
        return None
    return "simplemma:" + str((fallback.get("lemmatizer_codes") or {}).get(code, code))


@lru_cache(maxsize=131072)
def lemma_of(word: str, spec: str) -> str:
    """The dictionary form of `word` by `spec` (`lemma_language`); the word itself when it is not known."""
    method, _, table = spec.partition(":")
    if method == "endings":
        return lemma_by_endings(word, name_endings(table))
    import simplemma  # lazy: its tables load per language (seconds), only for languages that ask for them

    try:
        return str(simplemma.lemmatize(word, lang=table)) or word
    except ValueError:  # a language simplemma has no table for
        return word


def lemma_form(word: str, table: str) -> str:
    """The folded dictionary form of `word`: what the lemma index is keyed by. Not the loose matching key
    (its y = i would make "mały" the key of Mali)."""
    return fold(lemma_of(word, table))


# --------------------------------------------------------------------------------------------- index


@dataclass(slots=True)
class Gazetteer:
    lang: str
    phrases: dict[tuple[str, ...], list[Candidate]]
    acronyms: dict[str, list[Candidate]]
    max_len: int
    prefixes: set[tuple[str, ...]] = field(default_factory=set)  # every proper prefix of a phrase
    clitics: Clitics | None = None  # what the languages of the documents attach to a name
    lemmas: str | None = None  # the language whose dictionary forms (lemmas) an inflected name is looked up by
    lemma_phrases: dict[tuple[str, ...], list[Candidate]] = field(default_factory=dict)  # by folded lemmas
    lemma_prefixes: set[tuple[str, ...]] = field(default_factory=set)
    # the stems that a country's adjective is formed on where it is not the name itself (روسيا -> روس+ية)
    adjective_bases: dict[tuple[str, ...], list[Candidate]] = field(default_factory=dict)

    def add_phrase(self, keys: tuple[str, ...], cand: Candidate) -> None:
        if not keys or not all(keys):
            return
        bucket = self.phrases.setdefault(keys, [])
        if cand not in bucket:
            bucket.append(cand)
            self.max_len = max(self.max_len, len(keys))
            self.prefixes.update(keys[:k] for k in range(1, len(keys)))

    def add_acronym(self, surface: str, cand: Candidate) -> None:
        bucket = self.acronyms.setdefault(surface, [])
        if cand not in bucket:
            bucket.append(cand)


def _kb_surfaces(entity: Any) -> Iterator[tuple[str, str, bool]]:
    """(surface, lang, partial) for the names of a KB entity, with the forms in other scripts that the
    language of a person's country derives (`names.transcriptions`), even when the KB lacks them."""
    native = languages.of_country(entity.country) if entity.kind == "person" else None
    transcribe = languages.hook(native, "names", "transcriptions") if native else None
    for lang, forms in entity.names.items():
        for form in forms:
            yield form, lang, False
            if transcribe is not None:
                for derived, derived_lang in transcribe(form):
                    yield derived, derived_lang, False
    if transcribe is not None:
        for derived, derived_lang in transcribe(entity.name):
            yield derived, derived_lang, False
    for lang, form in entity.surname.items():
        yield form, lang, True
    for form, lang in derived_surnames(entity):
        yield form, lang, True


# What separates the words of a full name as the KB lists it: spaces, and the middle dots of Chinese and
# Japanese transcriptions (ドナルド・トランプ, 唐纳德·特朗普).
_NAME_WORD_SPLIT = re.compile(r"[\s·・‧•]+")


def derived_surnames(entity: Any) -> list[tuple[str, str]]:
    """(surname, lang) for the languages whose surname-alone form the KB does not give, read off the person's
    full names there: their last word. News names a well-known person by the surname alone in every language
    ("پوتین", "트럼프와", "मोदी"), while the hand-typed `surname` covers a few. Only for persons with a
    hand-typed surname that is the last word of their English name: the KB calls them known by it, and their
    names put the surname last (not "Xi Jinping", whose order a Korean "시 진핑" would not show either). Some
    languages keep a name's own order (Fumio Kishida is "기시다 후미오" in Korean, "Abe Shinzō" in Vietnamese): the
    surname is the word that sounds like the English one (`_surname_word`)."""
    if entity.kind != "person" or not entity.surname:
        return []
    english = entity.names.get("en", ()) or (entity.name,)
    if _NAME_WORD_SPLIT.split(english[0].strip())[-1] != entity.surname.get("en"):
        return []
    out: list[tuple[str, str]] = []
    for lang, forms in sorted(entity.names.items()):
        if lang in entity.surname:
            continue
        for form in forms:
            words = [w for w in _NAME_WORD_SPLIT.split(form.strip()) if w]
            if len(words) < 2:
                continue
            word = _surname_word(words, lang, entity.surname["en"])
            if len(word) >= 2 and (word, lang) not in out:
                out.append((word, lang))
    return out


def _surname_word(words: list[str], lang: str, english: str) -> str:
    """The last word of a full name, or an earlier one that sounds like the English surname while the last does
    not (기시다 후미오: gisida is Kishida)."""
    from communique.actors.xscript import latin_reading, sound_key  # lazy: the reader hooks load with it

    target = sound_key(english)
    if sound_key(latin_reading(words[-1], lang)) == target:
        return words[-1]
    return next((w for w in words[:-1] if sound_key(latin_reading(w, lang)) == target), words[-1])


def _is_acronym(surface: str) -> bool:
    """One token with at least two capitals, at most 8 characters, in any script (PKV, KPRF, MID). Letters
    separated by full stops ("U.S.", "EE.UU.") are several tokens: a phrase, matched as capitalized."""
    return (" " not in surface and "." not in surface.rstrip(".") and sum(ch.isupper() for ch in surface) >= 2
            and len(surface) <= 8)


# Organization types whose names are matched only as capitalized as listed (`case_shape`): the names of armed
# groups are ordinary words as often as not ("Islamic State" / "an Islamic state", "Anarchist Struggle").
SHAPED_TYPES = frozenset({ARMED_GROUP})


def case_shape(surface: str) -> str:
    """"Islamic State" -> "UU", "al-Qaeda" -> "lU", "Исламское государство" -> "Ul", "داعش" -> "l"."""
    return "".join("U" if m.group()[:1].isupper() else "l" for m in TOKEN_RE.finditer(surface))


def _shape_of(entity: Any, surface: str) -> str | None:
    return case_shape(surface) if entity.type in SHAPED_TYPES else None


@cache
def _kb_index(lang: str) -> Gazetteer:
    """The KB's names keyed for documents of the key group `lang` (shared by the languages of the group:
    the KB holds tens of thousands of names, keyed once per group; 2-3 s, so the keys are kept in the
    per-user cache for the next process, under the package's and the user's KB files' fingerprints)."""
    key = f"{lang}\0{kb_sources_key()}"
    table = caching.load("gazetteer", key)
    if table is not None:
        with contextlib.suppress(TypeError, ValueError, IndexError):  # an entry of another layout: build anew
            return _index_from_table(lang, table)
    gaz = _build_kb_index(lang)
    caching.store("gazetteer", key, _index_table(gaz))
    return gaz


def _build_kb_index(lang: str) -> Gazetteer:
    gaz = Gazetteer(lang, {}, {}, 1)
    kb = load_kb()
    reversed_names: dict[tuple[str, ...], list[Candidate]] = {}
    for entity in sorted(kb.entities.values(), key=lambda e: e.id):
        kind = entity.kind
        for surface, surface_lang, partial in _kb_surfaces(entity):
            cand = Candidate(entity.id, kind, entity.name, entity.country, entity.type, partial=partial,
                             shape=_shape_of(entity, surface))
            for key_lang in {_key_group(surface_lang), lang}:
                for keys in _name_keys(surface, key_lang):
                    gaz.add_phrase(keys, cand)
                    if kind == "person" and not partial and len(keys) == 2 and keys[0] != keys[1]:
                        bucket = reversed_names.setdefault((keys[1], keys[0]), [])
                        if cand not in bucket:
                            bucket.append(cand)
        for surface_lang, forms in entity.acronyms.items():
            for form in forms:
                cand = Candidate(entity.id, kind, entity.name, entity.country, entity.type, acronym=True)
                if _is_acronym(form):
                    gaz.add_acronym(form, cand)
                else:
                    cand = Candidate(entity.id, kind, entity.name, entity.country, entity.type, acronym=True,
                                     shape=_shape_of(entity, form))
                    for key_lang in {surface_lang, lang}:
                        gaz.add_phrase(phrase_keys(form, key_lang), cand)
    # A two-word name in the other order ("Orbán Viktor" as Hungarian writes it, "Putin Vladimir" in a list,
    # "Jinping Xi" in a Western one), unless those words in that order are someone's name as listed
    for keys, bucket in sorted(reversed_names.items()):
        if keys not in gaz.phrases:
            for cand in bucket:
                gaz.add_phrase(keys, cand)
    _add_office_surnames(gaz, kb, lang)
    return gaz


# Countries whose people's names the KB's English forms write surname first ("Wang Yi", "Hun Manet"), or that
# have no surnames (Myanmar) or call people by their first name (Indonesia, Thailand, Vietnam): the last word
# of their name is no surname to read alone.
_NO_LAST_SURNAME = frozenset({"CN", "TW", "HK", "MO", "KR", "KP", "VN", "KH", "MM", "SG", "ID", "TH", "LA", "BT"})
_OFFICES_SINCE = "2000"


def _add_office_surnames(gaz: Gazetteer, kb: Any, lang: str) -> None:
    """The surname alone of every head of state or government and foreign minister since 2000 that the KB gives
    no surname form ("Netanyahu", "نتنياهو", "Aliyev"): the last word of their names in each language, when that
    word names nobody and nothing else in the index (no other name, place or body, no other such surname) and is
    no function word. Marked `dated`: resolution takes it only near the person's time in office."""
    found: dict[tuple[str, ...], set[str]] = {}
    cands: dict[tuple[tuple[str, ...], str], Candidate] = {}
    given = _given_names()
    for entity in sorted(kb.entities.values(), key=lambda e: e.id):
        if not _office_holder_without_surname(entity):
            continue
        cand = Candidate(entity.id, "person", entity.name, entity.country, entity.type, partial=True, dated=True)
        for form, surface_lang in office_surnames(entity):
            if (form in common_words(surface_lang) or fold_name(form) in given or cities.is_city_name(form)
                    or _is_demonym(form, (surface_lang, lang))):
                continue  # "Christian", "عباس", "Smith", "Valencia", "السوداني": a given name, a common surname,
                # a city, a country's adjective
            for key_lang in {_key_group(surface_lang), lang}:
                for keys in _name_keys(form, key_lang):
                    if keys and all(keys) and keys not in gaz.phrases:
                        found.setdefault(keys, set()).add(entity.id)
                        cands[(keys, entity.id)] = cand
    for keys, ids in sorted(found.items()):
        for entity_id in sorted(ids):  # a family of leaders (the Aliyevs): recognition asks their time in office
            gaz.add_phrase(keys, cands[(keys, entity_id)])


def _is_demonym(form: str, langs: tuple[str, ...]) -> bool:
    """A country's adjective: one the language data lists, or a word of the shape its `names.adjective_form`
    gives (an Arabic nisba: Sudanese before al-Sudani)."""
    for code in dict.fromkeys(langs):
        shape = languages.section(code, "names").get("adjective_form")
        if (shape and re.fullmatch(str(shape), form)) or ((regex := demonym_regex(code)) is not None
                                                          and regex.fullmatch(form)):
            return True
    return False


def is_unspaced(ch: str) -> bool:
    """A letter of a script written without spaces between words (Han, kana: `scripts.one_character_words`)."""
    return _CJK_RE.match(ch) is not None


def _office_holder_without_surname(entity: Any) -> bool:
    english = entity.name.split()
    return (entity.kind == "person" and not entity.surname and entity.country not in _NO_LAST_SURNAME
            and not _REGNAL.search(entity.name) and not (len(english) > 2 and english[-2].lower() in _name_particles())
            and any(r.office in ("head_of_state", "head_of_government", "foreign_minister")
                    and (r.end is None or r.end >= _OFFICES_SINCE) for r in entity.roles))


_REGNAL = re.compile(r"\s[IVX]+\b")  # "Abdullah II of Jordan": a monarch's number is no surname anywhere


@cache
def _given_names() -> frozenset[str]:
    """Words that name no one person by themselves, folded: the first words of every KB person's names (given
    names), the last words shared by the names of two KB persons or more (common surnames: "Smith", "Cruz",
    "Hernández")."""
    first: set[str] = set()
    owners: dict[str, set[str]] = {}
    leaders: set[str] = set()
    for entity in load_kb().entities.values():
        if entity.kind != "person":
            continue
        if _office_holder_without_surname(entity):
            leaders.add(entity.id)
        for forms in (*entity.names.values(), (entity.name,)):
            for form in forms:
                words = [w for w in _NAME_WORD_SPLIT.split(form.strip()) if w]
                if len(words) >= 2:
                    first.add(fold_name(words[0]))
                    owners.setdefault(fold_name(words[-1]), set()).add(entity.id)
    # a surname only office holders share (Heydar and Ilham Aliyev) is told apart by their time in office
    shared = {word for word, ids in owners.items() if len(ids) > 1 and not ids <= leaders}
    return frozenset(first | shared)


def fold_name(word: str) -> str:
    """Lower case, no diacritics: how a surname read off a name is compared with the text's word."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def office_surnames(entity: Any) -> list[tuple[str, str]]:
    """(last word, lang) of the person's full names in each language, English from the canonical name too."""
    out: list[tuple[str, str]] = []
    for lang, forms in sorted({**entity.names, "en": (entity.name, *entity.names.get("en", ()))}.items()):
        for form in forms:
            words = [w for w in _NAME_WORD_SPLIT.split(form.strip()) if w]
            if len(words) < 2 or words[-2].lower() in _name_particles() or words[-1].lower() in _name_particles():
                continue
            for last in (words[-1], _ARTICLE_PREFIX.sub("", words[-1])):  # "el-Sisi", and "Sisi"
                if len(last) >= (2 if _CJK_RE.match(last) else 3) and (last, lang) not in out:
                    out.append((last, lang))
    return out


@cache
def _name_particles() -> frozenset[str]:
    """The words before an Arabic family or tribal name in every language (`names.surname_particles`)."""
    return frozenset(str(w) for w in languages.joined("names", "surname_particles"))


_ARTICLE_PREFIX = re.compile(r"^(?:[aA]l|[eE]l|[aA][dnrst]|[aA]sh)-")


_CANDIDATE_FIELDS = tuple(f.name for f in fields(Candidate))


def _index_table(gaz: Gazetteer) -> tuple[Any, ...]:
    """The KB index as plain values for the cache: each distinct candidate once, buckets as its numbers."""
    numbers: dict[Candidate, int] = {}

    def numbered(bucket: list[Candidate]) -> tuple[int, ...]:
        return tuple(numbers.setdefault(cand, len(numbers)) for cand in bucket)

    phrases = [(keys, numbered(bucket)) for keys, bucket in gaz.phrases.items()]
    acronyms = [(surface, numbered(bucket)) for surface, bucket in gaz.acronyms.items()]
    candidates = [tuple(getattr(cand, name) for name in _CANDIDATE_FIELDS) for cand in numbers]
    return (_CANDIDATE_FIELDS, candidates, phrases, acronyms, gaz.max_len, sorted(gaz.prefixes))


def _index_from_table(lang: str, table: Any) -> Gazetteer:
    names, rows, phrases, acronyms, max_len, prefixes = table
    if tuple(names) != _CANDIDATE_FIELDS:
        raise ValueError("the cached index has other candidate fields")
    candidates = [Candidate(*row) for row in rows]
    return Gazetteer(lang, {keys: [candidates[k] for k in bucket] for keys, bucket in phrases},
                     {surface: [candidates[k] for k in bucket] for surface, bucket in acronyms},
                     max_len, set(prefixes))


@cache
def gazetteer(lang: str, names_lang: str | None = None) -> Gazetteer:
    """The index for documents in `lang` (built once per language and process).

    `names_lang` is the document's own language when another one reads it (a Ukrainian or Bulgarian text
    is read with the Russian data): its country names and clitics are known too ("Україна", "България").
    """
    base = _kb_index(_key_group(lang))
    # the KB part is shared with the other languages of the group: its buckets are copied before a country
    # is added to them, never changed in place
    gaz = Gazetteer(lang, dict(base.phrases), dict(base.acronyms), base.max_len, set(base.prefixes),
                    clitics=clitics_of(tuple(dict.fromkeys(c for c in (lang, names_lang) if c))))
    gaz.lemmas = lemma_language(names_lang or lang)
    names = country_names()
    for surface, code, acronym, inflected in _country_keys(lang, names_lang):
        cand = Candidate(f"country:{code}", "country", names[code], code)
        if acronym:
            if cand not in gaz.acronyms.get(surface, ()):
                gaz.acronyms[surface] = [*gaz.acronyms.get(surface, ()), cand]
        else:
            for keys in inflected:
                _add_unshared(gaz, tuple(keys), cand)
            _add_adjective_bases(gaz, surface, cand)
    if gaz.lemmas is not None:
        _add_lemma_keys(gaz, names_lang or lang)
    return gaz


CountryKeys = list[tuple[str, str, bool, tuple[tuple[str, ...], ...]]]


def _country_keys(lang: str, names_lang: str | None) -> CountryKeys:
    """(surface, code, is an acronym, keys of the name and its inflected forms) of every country name a
    document in `lang` is read with; ~2 s for all names of a language, so kept in the per-user cache (under
    the package's fingerprint, which covers the names' data files, and babel's version, which gives CLDR's)."""
    import babel  # lazy, as in country_surfaces

    key = f"countries\0{lang}\0{names_lang}\0babel {babel.__version__}"
    cached = caching.load("gazetteer", key)
    if isinstance(cached, list) and all(isinstance(row, tuple) and len(row) == 4 for row in cached):
        return cached
    out: CountryKeys = []
    for source_lang in _country_langs(lang, names_lang):
        for surface, code in country_surfaces(source_lang):
            acronym = _is_acronym(surface)
            inflected = () if acronym else tuple(sorted(inflected_phrase_keys(surface, lang)))
            out.append((surface, code, acronym, inflected))
    caching.store("gazetteer", key, out)
    return out


def _add_adjective_bases(gaz: Gazetteer, surface: str, cand: Candidate) -> None:
    if gaz.clitics is None or not gaz.clitics.base_drops or len(TOKEN_RE.findall(surface)) != 1:
        return
    for base in gaz.clitics.adjective_bases(surface):
        bucket = gaz.adjective_bases.setdefault((token_key(base, gaz.lang),), [])
        if cand not in bucket:
            bucket.append(cand)


def _add_lemma_keys(gaz: Gazetteer, code: str) -> None:
    """The country names and the KB's organization and place names of `code` that are their own dictionary
    forms ("Niemcy", "Węgry"), under those forms, which inflected forms in a text share ("Niemczech")."""
    assert gaz.lemmas is not None
    names = country_names()
    surfaces = [(surface, Candidate(f"country:{code_}", "country", names[code_], code_))
                for surface, code_ in country_surfaces(code) if not _is_acronym(surface)]
    for entity in sorted(load_kb().entities.values(), key=lambda e: e.id):
        if entity.kind in ("organization", "location"):
            surfaces.extend((form, Candidate(entity.id, entity.kind, entity.name, entity.country, entity.type,
                                             shape=_shape_of(entity, form))) for form in entity.names.get(code, ()))
    for surface, cand in surfaces:
        words = [m.group() for m in TOKEN_RE.finditer(surface)]
        keys = tuple(lemma_form(w, gaz.lemmas) for w in words)
        if keys != tuple(fold(w) for w in words):
            continue  # a name the dictionary reads as another word's form ("Mali": the plural of mały)
        if not keys or not all(keys):
            continue
        bucket = gaz.lemma_phrases.setdefault(keys, [])
        if cand not in bucket:
            bucket.append(cand)
        gaz.lemma_prefixes.update(keys[:k] for k in range(1, len(keys)))


def _add_unshared(gaz: Gazetteer, keys: tuple[str, ...], cand: Candidate) -> None:
    """`Gazetteer.add_phrase` on a new bucket list (the old one may belong to the shared KB index). A country's
    name is never an office holder's surname read off their name ("Jordan")."""
    if not keys or not all(keys) or cand in gaz.phrases.get(keys, ()):
        return
    gaz.phrases[keys] = [*(c for c in gaz.phrases.get(keys, ()) if not c.dated), cand]
    gaz.max_len = max(gaz.max_len, len(keys))
    gaz.prefixes.update(keys[:k] for k in range(1, len(keys)))


def _country_langs(lang: str, names_lang: str | None = None) -> Iterable[str]:
    """Country names in the document's language (and the language that reads it), plus the international
    one's (quoted names)."""
    langs = [code for code in dict.fromkeys((lang, names_lang or ""))
             if code not in (languages.UNDETERMINED, languages.FALLBACK, "")]
    international = languages.international()
    if international and international not in langs:
        langs.append(international)
    return langs


# --------------------------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    first_token: int
    last_token: int  # inclusive
    candidates: tuple[Candidate, ...]
    demonym: bool = False  # a country name with an adjective ending ("الإسرائيلية": Israeli)


@cache
def _acronym_with_ending() -> re.Pattern[str] | None:
    """Capitals (of every language's alphabet) followed by a case ending one of the languages allows."""
    endings = languages.joined("names", "acronym_suffix")
    if not endings:
        return None
    return re.compile(rf"^([{languages.capitals(acronyms=True)}]{{2,}})(?:{'|'.join(endings)})$")


def _acronym_base(token: str) -> str:
    """An acronym with a case ending (Russian "MID-u") -> the acronym."""
    pattern = _acronym_with_ending()
    m = pattern.match(token) if pattern is not None else None
    return m.group(1) if m else token


def find_matches(text: str, tokens: list[Token], gaz: Gazetteer) -> list[Match]:
    """Longest gazetteer matches, left to right, non-overlapping.

    A word that is no name as it stands may be one with a clitic attached ("والسعودية", "l'Ukraine",
    "Rusya'nın"): the match then covers the name proper, without the clitic.
    """
    out: list[Match] = []
    i, n = 0, len(tokens)
    while i < n:
        found = _match_at(text, tokens, i, gaz, tokens[i])
        if found is None and gaz.clitics is not None:
            found = next((m for head in gaz.clitics.without_prefix(tokens[i], gaz.lang)
                          if (m := _match_at(text, tokens, i, gaz, head)) is not None), None)
        if found is None and gaz.lemmas is not None and not tokens[i].text[:1].islower():
            found = _lemma_match_at(text, tokens, i, gaz)
        if found is None:
            found = _acronym_at(tokens[i], i, gaz)
        if found is None and gaz.clitics is not None and gaz.clitics.boundaries:
            # "NATO's", "l'UE": an acronym with a clitic across an apostrophe
            parts = [*gaz.clitics.without_prefix(tokens[i], gaz.lang, boundaries_only=True),
                     *(part for part, _ in gaz.clitics.without_suffix(tokens[i], gaz.lang, boundaries_only=True))]
            found = next((m for part in parts if (m := _acronym_at(part, i, gaz)) is not None), None)
        if found is not None and not (found.first_token == found.last_token
                                      and tokens[i].text in common_words(gaz.lang)) \
                and not _inside_run(text, tokens[found.first_token].start, tokens[found.last_token].end):
            out.append(found)
            i = found.last_token + 1
        else:
            i += 1
    return out


def _inside_run(text: str, start: int, end: int) -> bool:
    """A name written in a whole-word script (katakana) with more letters of that script right before or after
    it: part of a longer word (`scripts.whole_word_runs`)."""
    if not _RUN_RE.fullmatch(text, start, end):
        return False
    return bool(start and _RUN_RE.match(text, start - 1, start)) or bool(_RUN_RE.match(text, end, end + 1))


@cache
def common_words(lang: str) -> frozenset[str]:
    """Words of `lang` that are no name as written (its function words, the names of days and months:
    `lang/<code>/common-words.yaml`): one of them alone is no mention (Persian خود "self" is not Khovd,
    Arabic كيف "how" not Kyiv, "Jun" not Yoon Suk Yeol)."""
    return frozenset(str(w) for w in languages.section(lang, "common_words").get("words", ()))


def _lemma_match_at(text: str, tokens: list[Token], i: int, gaz: Gazetteer) -> Match | None:
    """The longest name at token i whose words' dictionary forms are a name's ("Niemczech" -> Niemcy)."""
    assert gaz.lemmas is not None
    keys: tuple[str, ...] = ()
    found: Match | None = None
    for j in range(i, min(len(tokens), i + gaz.max_len)):
        if j > i and not _gaps_ok(text, tokens, j - 1, j):
            break
        keys = (*keys, lemma_form(tokens[j].text, gaz.lemmas))
        usable = tuple(c for c in gaz.lemma_phrases.get(keys, ()) if _case_ok(tokens[i : j + 1], c))
        if usable:
            found = Match(tokens[i].start, tokens[j].end, i, j, usable)
        if keys not in gaz.lemma_prefixes:
            break
    return found


def _acronym_at(tok: Token, i: int, gaz: Gazetteer) -> Match | None:
    if not tok.text[1:2].isupper():
        return None
    acro = gaz.acronyms.get(tok.text) or gaz.acronyms.get(_acronym_base(tok.text))
    return Match(tok.start, tok.end, i, i, tuple(acro)) if acro else None


def _match_at(text: str, tokens: list[Token], i: int, gaz: Gazetteer, head: Token) -> Match | None:
    """The longest phrase that starts with `head` (token i, or token i without a prefix clitic)."""
    for end in _phrase_ends(tokens, i, gaz, head):
        if not _gaps_ok(text, tokens, i, end.last_token):
            continue
        words = [head, *tokens[i + 1 : end.last_token + 1]]
        words[-1] = end.last_word
        usable = tuple(c for c in end.candidates if _case_ok(words, c))
        if end.demonym:
            usable = tuple(c for c in usable if c.kind == "country")
        if usable and _in_compound(text, end.last_word.end):
            usable = tuple(c for c in usable if c.kind != "person")
        if usable:
            # an adjective spans its ending ("إسرائيلية"); a name proper ends before its clitic ("Rusya")
            stop = tokens[end.last_token].end if end.demonym else end.last_word.end
            return Match(head.start, stop, i, end.last_token, usable, end.demonym)
    return None


class _PhraseEnd(NamedTuple):
    last_token: int
    candidates: list[Candidate]
    last_word: Token  # the last token, or the name proper in it (without a suffix clitic)
    demonym: bool


def _phrase_ends(tokens: list[Token], i: int, gaz: Gazetteer, head: Token) -> list[_PhraseEnd]:
    """The phrases that start at token i (longest first), walking only known prefixes; the last word of
    a phrase may carry a suffix clitic."""
    ends: list[_PhraseEnd] = []
    keys: tuple[str, ...] = ()
    for j in range(i, min(len(tokens), i + gaz.max_len)):
        tok = head if j == i else tokens[j]
        whole = (*keys, tok.key)
        if whole in gaz.phrases:
            ends.append(_PhraseEnd(j, gaz.phrases[whole], tok, False))
        elif gaz.clitics is not None:
            for tail, demonym in gaz.clitics.without_suffix(tok, gaz.lang):
                # an adjective ending on a country's stem is that country's adjective before any other name
                # spelled like the stem ("التركية" is Turkish, though CLDR writes the city of Chuuk "ترك")
                adjective = gaz.adjective_bases.get((tail.key,)) if demonym and j == i else None
                cands = adjective or gaz.phrases.get((*keys, tail.key))
                if cands:
                    ends.append(_PhraseEnd(j, cands, tail, demonym))
                    break
        keys = whole
        if keys not in gaz.prefixes:
            break
    ends.reverse()
    return ends


def _in_compound(text: str, end: int) -> bool:
    """"Ho-Chi-Minh-Denkmal": a person's name inside a hyphenated compound is no actor."""
    return text.startswith("-", end) and end + 1 < len(text) and text[end + 1].isalpha()


def _gaps_ok(text: str, tokens: list[Token], i: int, j: int) -> bool:
    for k in range(i, j):
        gap = text[tokens[k].end : tokens[k + 1].start]
        if not NAME_GAP_RE.fullmatch(gap):
            return False
    return True


def _case_ok(words: list[Token], cand: Candidate) -> bool:
    """Names of people and places are capitalized; multi-word organization names need not be, unless their
    words are capitalized where the listed form has capitals (`Candidate.shape`)."""
    last = len(words) - 1
    if cand.shape is not None:
        return len(cand.shape) == len(words) and all(
            mark == "l" or t.capitalized or _caseless(t.text) or t.text[:1].isdigit()
            for mark, t in zip(cand.shape, words, strict=True))
    if cand.kind == "organization" and last > 0:
        return True
    if cand.kind in ("person",):
        # particles inside a name stay lower case (Ursula von der Leyen, Marcelo Rebelo de Sousa)
        return all(t.capitalized or _caseless(t.text) or 0 < k < last for k, t in enumerate(words))
    return words[0].capitalized or _caseless(words[0].text)


def _caseless(word: str) -> bool:
    """A word of a script without capitals (Arabic, Hebrew, Devanagari, Han, Hangul, Thai)."""
    first = word[:1]
    return first.isalpha() and not first.isupper() and not first.islower()


def folded_name_id(prefix: str, name: str, lang: str = "en") -> str:
    """A stable local id from a name: the same person in any script gets the same id."""
    keys = [match_key(fold(m.group()), lang) for m in TOKEN_RE.finditer(name)]
    return f"{prefix}:" + "-".join(k for k in keys if k)
