"""Person names found by a model: the words of the name in the nominative and in Latin script, and the
checks that keep what is not a person's name out.

Inflected Slavic names are put in the nominative with pymorphy3 (the dictionary the language data names:
"Ле Хоай Чунгом" -> "Ле Хоай Чунг", "Марии Захаровой" -> "Мария Захарова"): the gender of the given name
chooses among the readings of the surname, so "Захарова" stays a woman's surname. Cyrillic names are then
written in Latin by the language's own table (`ner.latin`), else by the project's Russian transcription;
other scripts keep the name as written.
"""

from __future__ import annotations

import os
import re
from functools import cache, lru_cache
from typing import Any

from communique import lang as languages
from communique.lang.ru.names import is_cyrillic
from communique.lang.ru.names import to_latin as ru_to_latin

_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
_WORD_RE = re.compile(r"[^\W\d_](?:[\w’'\-.]*[^\W\d_])?\.?")


@cache
def _undeclined(morph: str) -> tuple[str, tuple[str, ...]]:
    """The final vowels of a foreign name that does not decline, and the endings that are an instrumental
    all the same (the `inflection` section of the dictionary's language: -ою/-ею of Сибігою)."""
    data = languages.section(morph, "inflection")
    return str(data.get("undeclined_vowels", "")), tuple(str(e) for e in data.get("feminine_instrumental", ()))


@cache
def analyzer(lang: str) -> Any:
    """The pymorphy3 analyser of `lang` (ru, uk), loaded once."""
    import pymorphy3  # lazy: dictionaries load for Slavic names only (0.3 s)

    return pymorphy3.MorphAnalyzer(lang=lang)


def name_words(surface: str) -> list[str]:
    """The words of a name as written ("А. Руденко" -> ["А.", "Руденко"]; hyphenated parts stay one word)."""
    return [m.group() for m in _WORD_RE.finditer(surface)]


def _gender(parses: list[Any]) -> str | None:
    for p in parses:
        tags = set(p.tag.grammemes)
        if "Name" in tags:
            for g in ("masc", "femn"):
                if g in tags:
                    return g
    return None


@lru_cache(maxsize=32768)
def nominative(words: tuple[str, ...], morph: str) -> tuple[str, ...]:
    """The words of a person's name in the nominative singular (words that are no name parts stay)."""
    morpher = analyzer(morph)
    parses = [_name_parses(morpher.parse(w)) for w in words]
    gender = next((g for ps in parses if (g := _gender(ps)) is not None), None)
    return tuple(_nominative_word(w, ps, gender, morph) for w, ps in zip(words, parses, strict=True))


@cache
def name_endings(lang: str) -> dict[str, tuple[int, str]]:
    """The language's proper-noun ending rules (`name-endings.tsv` in its folder, learned by
    training/names/endings.py): ending -> (letters to strip, letters to add). {} without the file."""
    path = languages.get(lang).folder / "name-endings.tsv"
    if languages.find(lang) is None or not path.is_file():
        return {}
    rules: dict[str, tuple[int, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            ending, strip, add = (line.split("\t") + [""])[:3]
            rules[ending] = (int(strip), add)
    return rules


def lemma_by_endings(word: str, rules: dict[str, tuple[int, str]]) -> str:
    """The word with the rule of its longest known ending applied (the word itself when none is known); a
    whole-word entry (`^anna`: a dictionary form whose ending only looks like a case ending) comes first."""
    lower = word.lower()
    if "^" + lower in rules:
        strip, add = rules["^" + lower]
        return word[: len(word) - strip] + add
    for k in range(len(word) - 1, 0, -1):  # endings longer than the table's find nothing: dict lookups only
        rule = rules.get(lower[-k:])
        if rule is not None:
            strip, add = rule
            return word[: len(word) - strip] + add if strip < len(word) - 1 else word
    return word


@lru_cache(maxsize=32768)
def lemmatized(words: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """The words of a person's name in their dictionary form by the language's learned ending rules
    ("Donalda Tuska" -> "Donald Tusk" in Polish); initials and words in lower case stay, capitals are kept.

    The words of one name agree in case: when an earlier word lost a case ending ("Donalda": -a) and a later
    word ends the same way but its own ending reads as a dictionary form ("Tuska" could be a nominative), the
    later word loses the same ending."""
    rules = name_endings(lang)
    out = []
    case_ending = ""
    for word in words:
        if not word[:1].isupper() or word.endswith(".") or not rules:
            out.append(word)
            continue
        lemma = lemma_by_endings(word, rules)
        if lemma == word and case_ending and word.endswith(case_ending) and len(word) - len(case_ending) >= 3:
            lemma = word[: len(word) - len(case_ending)]
        if _only_ending_differs(word.lower(), lemma.lower()):
            stem = len(os.path.commonprefix([word.lower(), lemma.lower()]))
            case_ending = case_ending or (word[stem:] if lemma.lower() == word.lower()[:stem] else "")
            out.append(_same_case(word, lemma))
        else:
            out.append(word)
    return tuple(out)


def _only_ending_differs(word: str, lemma: str) -> bool:
    """True when `lemma` is `word` with another ending of at most three letters (Tuska -> Tusk, Dudą -> Duda),
    not a dictionary word that merely looks alike (a foreign name the tables do not know: Kim -> kto)."""
    same = 0
    while same < min(len(word), len(lemma)) and word[same] == lemma[same]:
        same += 1
    return word != lemma and same >= 3 and max(len(word), len(lemma)) - same <= 3


def _name_parses(parses: list[Any]) -> list[Any]:
    """The readings of a word as a name; for a word the dictionary does not know, its guessed noun readings
    (a foreign name in a person's name declines like a noun: Чунгом -> Чунг)."""
    names = [p for p in parses if _NAME_GRAMMEMES & set(p.tag.grammemes)]
    return names or [p for p in parses if not p.is_known and "NOUN" in set(p.tag.grammemes)]


def _nominative_word(word: str, parses: list[Any], gender: str | None, morph: str) -> str:
    if not word[:1].isupper() or word.endswith(".") or not parses:
        return word
    # a person is one person (singular first), of the given name's gender; a dictionary's nominative reading
    # of the word as written wins ("Захарова" is a nominative when the given name is a woman's)
    def rank(p: Any) -> tuple[bool, bool, bool, float]:
        tags = set(p.tag.grammemes)  # a set: `in` on a tag raises for grammemes one dictionary lacks
        return ("sing" not in tags, gender is not None and not {gender, "ms-f"} & tags,
                not (p.is_known and "nomn" in tags), -p.score)

    best = min(parses, key=rank)
    vowels, instrumental = _undeclined(morph)
    if not best.is_known and word[-1:] and word[-1:].lower() in vowels and not word.lower().endswith(instrumental):
        return word  # a guessed foreign name ending in a vowel does not decline: Паулу, Судзуки, Руденко
    tags = set(best.tag.grammemes)
    if "nomn" in tags:
        return word
    form = best.inflect({"nomn", "sing"} if "sing" in tags else {"nomn"})
    if form is None:
        return word
    lemma: str = form.word
    return _same_case(word, lemma)


def _same_case(model: str, word: str) -> str:
    """`word` with the capitals of `model` (ЛАВРОВЫМ -> ЛАВРОВ, Лавровым -> Лавров, Ким Чен Ын stays)."""
    if model.isupper():
        return word.upper()
    parts = word.split("-")
    return "-".join(p[:1].upper() + p[1:] for p in parts)


def to_latin(word: str, table: tuple[tuple[str, str], ...]) -> str:
    """One name word in Latin script: by the language's table when it has one, else the Russian transcription."""
    if not is_cyrillic(word):
        return word
    if not table:
        return ru_to_latin(word)
    mapping = dict(table)
    out = []
    for i, ch in enumerate(word):
        low = ch.lower()
        initial = i == 0 or not word[i - 1].isalpha()
        lat = mapping.get(f"^{low}" if initial and f"^{low}" in mapping else low, ch)
        out.append(lat[:1].upper() + lat[1:] if ch.isupper() else lat)
    latin = "".join(out)
    # the usual English spelling ends a name in -y, not -yi/-iy (Zelenskyi -> Zelensky)
    return re.sub(r"(?<=\w)(?:yi|iy|yy)\b", "y", latin)
