"""Russian names: transliteration to Latin, case endings off, the nominative of an unknown name.

Russian inflects names (Путиным, Лаврова, Чунгом): `stem` strips case endings so that the text and
the gazetteer meet in the middle, and `nominative` gives the nominative of an unknown name for its
canonical form (pymorphy3, loaded once, only for capitalized words).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from communique.lang.folding import fold

_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")


def is_cyrillic(text: str) -> bool:
    return not text.isascii() and _CYRILLIC_RE.search(text) is not None


# --- transliteration (Cyrillic -> Latin, English convention) ---------------------------------

_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian letters, read by the same table (Russian reads every Cyrillic word): "Європейського Союзу"
    # keys as "Европейского союза" does, and a Ukrainian name comes out in Latin letters only
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}


def to_latin(text: str) -> str:
    """English-convention transliteration of Russian, keeping capitals (Сергей Лавров -> Sergey Lavrov)."""
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        if low not in _LATIN:
            out.append(ch)
            continue
        lat = _LATIN[low]
        # е after a vowel or at the start of a word is "ye" in the usual English spelling (Yevgeny)
        if low == "е" and (i == 0 or not text[i - 1].isalpha()):
            lat = "ye"
        out.append(lat.capitalize() if ch.isupper() and lat else lat)
    result = "".join(out)
    # дж is almost always a foreign j (Джон, Арджун, Джакарта): John, Arjun, Jakarta
    result = result.replace("dzh", "j").replace("Dzh", "J")
    # -ий / -ый at the end of a word is written -y (Dmitry, Yuriy -> Yury is also common)
    return re.sub(r"(?<=\w)(iy|yy)\b", "y", result)


# --- inflection --------------------------------------------------------------------------------

_ENDINGS = sorted(
    ("а", "я", "у", "ю", "е", "и", "ы", "о", "ь", "ом", "ем", "ём", "ой", "ей", "ою", "ею", "ым", "им", "ами", "ями",
     "ах", "ях", "ого", "его", "ому", "ему", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ых", "их", "ий", "ый",
     "ям", "ам"),
    key=len, reverse=True,
)
# Russian reads every Cyrillic word of a language without its own data (`language.reads_script`): Ukrainian
# (України, Європейської, Угорщиною) case endings too. None of them ends a Russian word (і, ї, є are not
# Russian letters; Russian writes -ьего, -ьему), so they never take anything off a Russian word.
_SISTER_ENDINGS = ("і", "ї", "ій", "ії", "ів", "ім", "ої", "єю", "ією", "ього", "ьому")
_ENDINGS = sorted({*_ENDINGS, *_SISTER_ENDINGS}, key=lambda e: (-len(e), e))


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """The word without its case ending (folded), keeping a stem of at least 3 letters.

    Both the gazetteer and the text go through this, so Путиным / Путина / Путин all meet at путин.
    A word in another script is not Russian: it comes back as it is.
    """
    if not is_cyrillic(word):
        return word
    return _cyrillic_stem(word)


def _cyrillic_stem(word: str) -> str:
    low = fold(word)
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            low = low[: -len(ending)]
            break
    # stems differ by a final vowel or й (Сергей -> серг, Сергеем -> серге): drop it too
    while len(low) > 3 and low[-1] in "аеиоуыэюяйьіїє":
        low = low[:-1]
    return low


_CONSONANT_END = re.compile(r"[бвгджзклмнпрстфхцчшщ]$", re.IGNORECASE)


def oblique_form(word: str) -> str:
    """The genitive-looking form of a nominative ending in a consonant ("Вьетнам" -> "Вьетнама").

    A nominative can end in letters that look like a case ending ("Вьетнам", "Ибрагим"), so the stem
    of the nominative and of the genitive differ (вьетн / вьетнам): names are indexed under both.
    """
    return word + "а" if _CONSONANT_END.search(word) else word


@cache
def _morph() -> Any:
    import pymorphy3  # lazy: the Russian dictionary loads (0.3 s) only when a Russian name is inflected

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=32768)
def nominative(word: str) -> str:
    """The nominative of a capitalized Russian name word (Сергеем -> Сергей, Лавровым -> Лавров).

    Only name-like parses (Name, Surn, Patr, Geox) are trusted; otherwise the word is returned.
    """
    if not is_cyrillic(word) or not word[:1].isupper():
        return word
    parses = [p for p in _morph().parse(word) if {"Name", "Surn", "Patr"} & set(p.tag.grammemes)]
    # a person is one person: singular readings first (Налбандовым is "Налбандов", not plural "Налбандовы")
    parses.sort(key=lambda p: ("sing" not in p.tag, -p.score))
    for parse in parses:
        if not parse.is_known and word[-1:].lower() in "уюоие":
            return word  # a guessed foreign name ending in a vowel is indeclinable: Паулу, Судзуки, Руденко
        form = parse.inflect({"nomn", "sing"}) if "sing" in parse.tag else parse.inflect({"nomn"})
        if form is None:
            continue
        lemma: str = form.word
        return lemma[:1].upper() + lemma[1:]
    return word


def romanize(word: str) -> str:
    """The Latin form of one word of an unknown person's name: nominative, then transliterated."""
    return to_latin(nominative(word)) if not word.endswith(".") else to_latin(word)
