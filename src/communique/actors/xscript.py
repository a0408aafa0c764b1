"""Cross-script person linking: a person's name in any script -> the knowledge-base person it names, by sound.

A name word is first written in Latin letters that sound like it (`latin_reading`): the `names.phonetic_latin`
hook of the document's language reads the words of its own script (Japanese kanji by their kana reading,
Chinese pinyin respelled as English would spell the sounds, the vowel letters of Hebrew), any other word is
transliterated by anyascii. Two keys are then taken of every word:

- the *spelling* key: the Latin letters folded (Kishida = キシダ = 岸田);
- the *sound* key: a consonant skeleton that ignores vowels (and so the vowels Korean, Japanese and Chinese
  insert into foreign names: 트럼프 teuleompeu = Trump), voicing (Lavrov = 拉夫罗夫 lafuluofu), l/r, and the
  sibilants languages without "ch" or "sh" use for them (科萨切夫 kesaqiefu = Kosachev).

Every knowledge-base person is indexed under the keys of all its names (every language, through the same
reading) and of its surname. A mention links only when the keys name exactly one person, after the country the
text gives for the mention and, for a surname alone, a role held near the document's date have been asked.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from anyascii import anyascii

from communique import caching
from communique import lang as languages
from communique.actors.kb import TITLE_OFFICES, Entity, kb_sources_key, load_kb
from communique.lang.folding import fold

# Spellings of one sound -> one spelling, in order (on folded ASCII; "ch", "sh" and "zh" stay for the classes).
_SOUND_REWRITES = (
    ("tch", "ch"), ("sch", "sh"), ("dzh", "j"), ("dj", "j"), ("ph", "f"), ("kh", "h"), ("gh", "g"),
    ("ck", "k"), ("qu", "kv"), ("ng", "n"), ("x", "ks"), ("th", "t"), ("ts", "s"), ("tz", "s"), ("dz", "s"),
    ("ch", "s"), ("sh", "s"), ("zh", "s"),
)
_SOFT_C_RE = re.compile(r"c(?=[eiy])|(?<=i)c$")  # Cecilia, Đurić: c is a sibilant; elsewhere it is k
_FINAL_J_RE = re.compile(r"(?<=[aeiou])j(?![aeiou])")  # Sergej, Andrej: j after a vowel is a glide
_NASAL_LABIAL_RE = re.compile(r"n(?=[bpfv])")  # トランプ toranpu, 特朗普 telangpu: n before a labial is m
_NASAL_DENTAL_RE = re.compile(r"m(?=[tdkgszjc])")  # a Devanagari anusvara reads m: एंटनी emtni is Antony
# One letter per class of sounds; vowels and the glides h, w, y say nothing across scripts.
_SOUND_CLASSES = str.maketrans({
    "b": "p", "p": "p", "f": "p", "v": "p", "d": "t", "t": "t", "g": "k", "k": "k", "q": "k", "c": "k",
    "s": "s", "z": "s", "j": "s", "l": "r", "r": "r", "m": "m", "n": "n",
    "a": None, "e": None, "i": None, "o": None, "u": None, "h": None, "w": None, "y": None,
})
_NOT_LETTER_RE = re.compile(r"[^a-z]+")
_DOUBLED_RE = re.compile(r"(.)\1+")
_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’]*[^\W\d_])?")

# The sound key of a full name must hold this many consonants, two in every word (fewer: too many names sound
# alike), or this many when a word has fewer than two; a surname alone this many (Lavrov rprp; Abe p, and
# Kosachev ksp, which sounds like Yakushev, link by their spelling only).
_MIN_FULL_SOUNDS = 5
_MIN_SPARSE_FULL_SOUNDS = 8
_MIN_SURNAME_SOUNDS = 4
# A Latin name linked by its sound is spelled this much like a Latin name of the person (difflib ratio).
_LATIN_LIKENESS = 0.75
_SURNAME_LIKENESS = 0.65  # ... and its surname this much like theirs (a shared given name says little)
# A name the text gives an office to links to that office's holder when spelled this much like their name, and
# every word this much like its counterpart (Chung ~ Trung 0.6, Ajanuch ~ Akhannouch after respelling).
_HOLDER_LIKENESS = 0.75
_HOLDER_WORD_LIKENESS = 0.5
_MAX_NAME_WORDS = 4  # words of a full name found in running text
# A surname alone names the one person of that surname who held a role within this many years of the date.
_ROLE_YEARS = 1


# --------------------------------------------------------------------------------------------- keys


def latin_reading(word: str, lang: str) -> str:
    """`word` in Latin letters that sound like it: by the `names.phonetic_latin` hook of `lang` (the document's
    language reads its own script), else of the language of the word's script, else by anyascii."""
    if word.isascii():
        return word
    for code in (lang, _script_language(word)):
        reader = languages.hook(code, "names", "phonetic_latin") if code else None
        if reader is not None:
            latin = reader(word)
            if latin is not None:
                return str(latin)
    return str(anyascii(word))


def spelling_key(latin: str) -> str:
    """The folded letters of a romanized word, doubled letters once (Kishida, KISHIDA, Kishidda)."""
    return _DOUBLED_RE.sub(r"\1", _NOT_LETTER_RE.sub("", fold(anyascii(fold(latin)))))


def sound_key(latin: str) -> str:
    """The consonant skeleton of a romanized word (Trump = teuleompeu = toranpu = trmp)."""
    low = _NOT_LETTER_RE.sub("", fold(anyascii(fold(latin))))
    low = _FINAL_J_RE.sub("", low)
    for src, dst in _SOUND_REWRITES:
        low = low.replace(src, dst)
    low = _SOFT_C_RE.sub("s", low)
    low = _NASAL_LABIAL_RE.sub("m", _NASAL_DENTAL_RE.sub("n", low))
    return _DOUBLED_RE.sub(r"\1", low.translate(_SOUND_CLASSES))


@lru_cache(maxsize=65536)
def readings(name: str, lang: str) -> tuple[str, ...]:
    """The words of a name in Latin letters, as `lang` reads them (empty words dropped)."""
    words = [part for m in _WORD_RE.finditer(name) for part in latin_reading(m.group(), lang).split()]
    return tuple(w for w in words if spelling_key(w))


def _script_language(word: str) -> str | None:
    for ch in word:
        if ch.isalpha():
            return next((code for lo, hi, code in _script_ranges() if lo <= ch <= hi), None)
    return None


@cache
def _script_ranges() -> tuple[tuple[str, str, str], ...]:
    rows = languages.section(languages.FALLBACK, "scripts")["lookup_languages"]
    return tuple((str(lo), str(hi), str(code)) for lo, hi, code in rows)


def name_keys(words: Iterable[str], key: Callable[[str], str], runs: bool) -> tuple[str, ...]:
    """The keys of a full name. With `runs` (spelling keys), whatever order its words stand in (岸田文雄 is
    Kishida Fumio, the KB writes Fumio Kishida) and as one run of letters in either order (a name written
    without spaces); else (sound keys, which match too many names otherwise) in the order written only."""
    parts = [key(w) for w in words]
    if not runs:  # sound keys: in the order written (Isaac Newton sk|ntn is not Antonio Saca ntn|sk)
        return ("|".join(parts),)
    return ("|".join(sorted(parts)), "".join(parts), "".join(reversed(parts)))


# --------------------------------------------------------------------------------------------- index


@dataclass(slots=True)
class PersonIndex:
    """Person ids by the keys of their full names and of their surnames (spelling and sound keys)."""

    full: dict[str, set[str]] = field(default_factory=dict)
    surname: dict[str, set[str]] = field(default_factory=dict)

    def add(self, table: dict[str, set[str]], key: str, entity_id: str) -> None:
        if key and key.strip("|"):
            table.setdefault(key, set()).add(entity_id)


def _forms(entity: Entity) -> Iterable[tuple[str, str]]:
    yield entity.name, "en"
    for form_lang, forms in entity.names.items():
        for form in forms:
            yield form, form_lang


@cache
def person_index() -> PersonIndex:
    """Every KB person's names and surnames under both keys (built once per process, on first use; ~5 s,
    so kept in the per-user cache for the next process, under the package's and the user's KB files')."""
    key = kb_sources_key()
    stored = caching.load("person-index", key)
    if isinstance(stored, tuple) and len(stored) == 2:
        return PersonIndex(*stored)
    index = _build_person_index()
    caching.store("person-index", key, (index.full, index.surname))
    return index


def _build_person_index() -> PersonIndex:
    index = PersonIndex()
    for entity in sorted(load_kb().of_kind("person"), key=lambda e: e.id):
        for form, form_lang in _forms(entity):
            words = readings(form, form_lang)
            if len(words) < 2:
                continue
            for kind, key in (("s", spelling_key), ("k", sound_key)):
                for full in name_keys(words, key, runs=kind == "s"):
                    index.add(index.full, f"{kind}:{full}", entity.id)
                for surname in _surnames(entity, words, form_lang):
                    index.add(index.surname, f"{kind}:{key(surname)}", entity.id)
    return index


def _surnames(entity: Entity, words: tuple[str, ...], form_lang: str) -> list[str]:
    """The word a form's person is called by alone: the KB's surname, else the last word; none for the people
    of the countries that write the family name first (Cai, Kim, Wang alone name too many people)."""
    listed = entity.surname.get(form_lang)
    if listed:
        return list(readings(listed, form_lang))
    return [] if entity.country in _family_first_countries() else [words[-1]]


@cache
def _family_first_countries() -> frozenset[str]:
    return frozenset(str(c) for c in languages.section(languages.FALLBACK, "names").get("family_first_countries", ()))


# --------------------------------------------------------------------------------------------- linking


@dataclass(frozen=True, slots=True)
class Context:
    """What the document says around a mention: its language, date, the country and role the text gives the
    person, and the persons named in full in it (ids)."""

    lang: str
    anchor: str | None = None
    country: str | None = None
    named: frozenset[str] = frozenset()
    role: str | None = None


def link_full_name(words: tuple[str, ...], ctx: Context, by_sound: bool = True) -> str | None:
    """The KB id of the one person a full name (two words or more, any script) names, else None; by the
    spelling of its reading only unless `by_sound`. A name the language spells in Latin letters its own way
    is tried again as English would spell its sounds (Spanish "Ajanuch": Akhannouch)."""
    found = _link_full_name(words, ctx, by_sound)
    if found is None and (respelled := respelled_latin(words, ctx.lang)) != words:
        found = _link_full_name(respelled, ctx, by_sound)
    return found


def respelled_latin(words: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """Latin-written words with the language's own spellings of sounds replaced by English ones
    (`names.latin_respellings` of `lang`: [spelling, English spelling] pairs, on lower-case letters)."""
    pairs = languages.section(lang, "names").get("latin_respellings") or []
    if not pairs:
        return words
    out = []
    for w in words:
        if _written_in_latin((w,)):
            low = w.lower()
            for src, dst in pairs:
                low = low.replace(str(src), str(dst))
            w = low[:1].upper() + low[1:] if w[:1].isupper() else low
        out.append(w)
    return tuple(out)


def _link_full_name(words: tuple[str, ...], ctx: Context, by_sound: bool) -> str | None:
    latin = tuple(part for w in words for part in latin_reading(w, ctx.lang).split() if spelling_key(part))
    if len(latin) < 2:
        return None
    index = person_index()
    for kind, key in (("s", spelling_key), ("k", sound_key))[: 2 if by_sound else 1]:
        if kind == "k" and not _distinct_sounds([key(w) for w in latin]):
            break
        found: set[str] = set()
        for full in name_keys(latin, key, runs=kind == "s"):
            found |= index.full.get(f"{kind}:{full}", set())
        if found:
            chosen = _one(found, ctx, need_role=False)
            if chosen is not None and kind == "k" and not _syllabic(words, ctx.lang):
                return chosen if _spelled_alike(" ".join(latin), chosen) else None
            return chosen
    return None


def link_office_holder(words: tuple[str, ...], ctx: Context) -> str | None:
    """The KB id of the one person who held the office the text gives a name (`ctx.role` of `ctx.country` at
    the document's date) and whose name the words spell nearly alike. The title says who is meant, so the
    spelling only has to agree, not be the KB's: Spanish "el primer ministro marroquí, Aziz Ajanuch" is
    Aziz Akhannouch; Turkish "Vietnam Dışişleri Bakanı Le Hoai Chung", spelled after Russian, is Lê Hoài Trung.
    Someone else with the title (a predecessor, an acting holder) is spelled too differently to link."""
    if not (ctx.role and ctx.country and ctx.anchor):
        return None
    holders = load_kb().office_holders(ctx.role, ctx.country, ctx.anchor)
    if not holders:
        return None
    spelled = [tuple(part for w in form for part in latin_reading(w, ctx.lang).split() if spelling_key(part))
               for form in dict.fromkeys((words, respelled_latin(words, ctx.lang)))]
    alike = [e for e in holders if any(len(latin) >= 2 and _near_spelling(latin, e) for latin in spelled)]
    return alike[0].id if len(alike) == 1 else None


def _near_spelling(latin: tuple[str, ...], entity: Entity) -> bool:
    """The words spell one of the person's Latin names nearly alike: the whole name, and word by word when both
    have as many words (a shared given name alone does not make Aziz Rabbah Aziz Akhannouch)."""
    mine = [spelling_key(w) for w in latin]
    for theirs in _latin_spellings(entity):
        if _likeness("".join(mine), "".join(theirs)) < _HOLDER_LIKENESS:
            continue
        if len(theirs) != len(mine) or all(_likeness(a, b) >= _HOLDER_WORD_LIKENESS
                                           for a, b in zip(mine, theirs, strict=True)):
            return True
    return False


def _distinct_sounds(sounds: list[str]) -> bool:
    """A sound key that says enough: every word has two consonants or more and the name several, or the name
    has many (Vũ Văn Thanh and Võ Văn Thưởng share p|pn|tn, Toro Rosso and Horace Dalley tr|rs; Donald
    Trump tnrt|trmp is one person's)."""
    total = sum(len(s) for s in sounds)
    return total >= _MIN_SPARSE_FULL_SOUNDS or (total >= _MIN_FULL_SOUNDS and min(len(s) for s in sounds) >= 2)


def link_surname(word: str, ctx: Context) -> str | None:
    """The KB id of the person a surname alone names: the one person of that surname named in full in the
    document, else the one who held a role within a year of the document's date. A word the language reads
    as several (岸田文雄: kishida bunyuu) is a full name, else its family name when the language writes that
    first (`names.family_first`)."""
    found = _link_surname_word(word, ctx)
    if found is None and (respelled := respelled_latin((word,), ctx.lang)[0]) != word:
        found = _link_surname_word(respelled, ctx)
    return found


def _link_surname_word(word: str, ctx: Context) -> str | None:
    parts = latin_reading(word, ctx.lang).split()
    if len(parts) > 1:
        full = link_full_name(tuple(parts), ctx)
        family_first = bool(languages.section(ctx.lang, "names").get("family_first"))
        return full if full is not None or not family_first else _link_surname(parts[0], ctx, word)
    return _link_surname(parts[0], ctx, word) if parts else None


def _link_surname(latin: str, ctx: Context, word: str) -> str | None:
    index = person_index()
    for kind, key in (("s", spelling_key), ("k", sound_key)):
        sound = key(latin)
        if kind == "k" and len(sound) < _MIN_SURNAME_SOUNDS:
            break
        found = index.surname.get(f"{kind}:{sound}", set())
        if not found:
            continue
        named = found & ctx.named
        if named:
            return next(iter(named)) if len(named) == 1 else None
        chosen = _one(found, ctx, need_role=True)
        if chosen is not None and kind == "k" and not _syllabic((word,), ctx.lang):
            return chosen if _spelled_alike(latin, chosen) else None
        return chosen
    return None


def _one(ids: set[str], ctx: Context, need_role: bool) -> str | None:
    """The one id left once the country and the role the text gives and (for a surname, or to break a tie) a
    role near the document's date have been asked."""
    kb = load_kb()
    pool = [e for i in sorted(ids) if (e := kb.get(i)) is not None]
    if ctx.country:
        pool = [e for e in pool if e.country in (ctx.country, None)]
    if ctx.role:
        pool = [e for e in pool if _role_agrees(e, ctx.role)]
    if need_role or len(pool) > 1:
        pool = [e for e in pool if _active_near(e, ctx.anchor)]
    return pool[0].id if len(pool) == 1 else None


def _role_agrees(entity: Entity, stated: str) -> bool:
    """The text's role for the person ("President") shares a word with a role the KB knows of them (a person
    the KB knows only as a "Government official" is not the president the text names)."""
    words = {w for w in stated.lower().split() if len(w) > 3}
    office = TITLE_OFFICES.get(stated)  # "Minister of Foreign Affairs" is the office a Secretary of State holds
    return not entity.roles or any(words & set(r.title.lower().split()) or (office and r.office == office)
                                   for r in entity.roles)


def _active_near(entity: Entity, anchor: str | None) -> bool:
    if anchor is None:
        return False  # no date, no way to tell which of the people of a name is meant
    year = int(anchor[:4])
    lo, hi = f"{year - _ROLE_YEARS:04d}-01-01", f"{year + _ROLE_YEARS:04d}-12-31"
    return any(role.overlaps(lo, hi) for role in entity.roles)


def _syllabic(words: Iterable[str], lang: str) -> bool:
    """True when the language that reads the words says its readings of foreign names are far from their Latin
    spelling (`names.loose_readings`: kana, Han and Hangul add vowels, Hebrew drops them), so that only the
    sound can match them; any other reading (Latin, Cyrillic, Devanagari) must also be spelled alike."""
    scripts = {_script_language(w) for w in words if not _written_in_latin((w,))}
    return any(bool(languages.section(code or lang, "names").get("loose_readings")) for code in scripts)


def _written_in_latin(words: Iterable[str]) -> bool:
    return all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for w in words for ch in w
               if ch.isalpha())


def _spelled_alike(latin: str, entity_id: str) -> bool:
    """A name read in an alphabet that only sounds like a KB person's must also be spelled much like one of
    their Latin names, the surname too (Naser Burita ~ Nasser Bourita, Беньямин Нетаньяху ~ Benjamin Netanyahu; Mad
    Max is not Magaji Mohamed, Наполеон not Nabiullina, Александр Белов not Aleksandr Pavlov)."""
    entity = load_kb().get(entity_id)
    if entity is None:
        return False
    mine = [spelling_key(w) for w in latin.split()]
    for spelled in _latin_spellings(entity):
        theirs = spelled[-len(mine):]
        if (len(theirs) == len(mine) and _likeness("".join(mine), "".join(theirs)) >= _LATIN_LIKENESS
                and _likeness(mine[-1], theirs[-1]) >= _SURNAME_LIKENESS):
            return True
    return False


def _latin_spellings(entity: Entity) -> Iterator[list[str]]:
    """The spelling keys of the words of each of the person's names written in Latin letters."""
    for form, _ in _forms(entity):
        if _written_in_latin((form,)):
            yield [key for w in form.split() if (key := spelling_key(w))]


def _likeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


# --------------------------------------------------------------------------------------------- finding


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    entity_id: str


def find_spelled_names(words: list[tuple[int, int, str]], text: str, ctx: Context) -> list[Found]:
    """KB persons named in a text that no model reads and no capital marks (Hindi, Hebrew, Persian, Arabic):
    runs of two to four words (`words`: start, end, word; one space apart) whose reading is spelled as the full
    name of one KB person who held a role within a year of the document's date (Devanagari तो लाम: to lam,
    Tô Lâm). Only the spelling: in running text, sound keys of common words meet too many names."""
    out: list[Found] = []
    i = 0
    while i < len(words):
        found = _spelled_name_at(words, i, text, ctx)
        if found is None:
            i += 1
            continue
        size, entity_id = found
        out.append(Found(words[i][0], words[i + size - 1][1], entity_id))
        i += size
    return out


def _spelled_name_at(words: list[tuple[int, int, str]], i: int, text: str, ctx: Context) -> tuple[int, str] | None:
    kb = load_kb()
    for size in range(min(_MAX_NAME_WORDS, len(words) - i), 1, -1):
        run = words[i : i + size]
        if any(text[a[1] : b[0]] != " " for a, b in zip(run, run[1:], strict=False)):
            continue
        entity_id = link_full_name(tuple(w for _, _, w in run), ctx, by_sound=False)
        entity = kb.get(entity_id) if entity_id is not None else None
        # a whole name spelled alike is rare by chance: undated, a person who held any office will do
        if entity is not None and (_active_near(entity, ctx.anchor) or ctx.anchor is None and entity.roles):
            return size, entity.id
    return None


def readable_name(words: tuple[str, ...], lang: str) -> str:
    """A name not in the KB in readable Latin letters, each word capitalized (멜라니아 트럼프 -> Mellania
    Teuleompeu, 金井正彰 -> Kanai Masaaki)."""
    # anyascii writes syllables capitalized (MelLaNiA); a reading may hold several names (金井正彰: kanai masaaki)
    latin = [part for w in words for part in latin_reading(w, lang).lower().split()]
    return " ".join(w[:1].upper() + w[1:] for w in latin)
