"""Name forms across scripts and conventions: folding, transcription, matching keys, inflection.

Three problems, one module:
- Vietnamese names appear with diacritics, without them, and in Russian Cyrillic transcription
  (Lê Hoài Trung / Le Hoai Trung / Ле Хоай Чунг). `vi_to_cyrillic` implements the standard
  Russian transcription of Vietnamese (the Kontsevich system), `cyrillic_to_vi` the way back
  (toneless), and `fold` removes diacritics.
- Russian names appear in German, French, English and Indonesian spellings (Tschernyschenko,
  Tchernychenko, Chernyshenko). `match_key` maps every spelling convention to one loose key.
- Russian inflects names (Путиным, Лаврова, Чунгом): `ru_stem` strips case endings so that the
  text and the gazetteer meet in the middle, and `ru_nominative` gives the nominative of an
  unknown name for its canonical form (pymorphy3, loaded once, only for capitalized words).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

# --- folding --------------------------------------------------------------------------------

_EXTRA_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "ß": "ss", "ł": "l", "ı": "i", "ё": "е", "Ё": "Е"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics (Cyrillic keeps its letters; й stays й, ё becomes е)."""
    if text.isascii():
        return text.lower()
    text = text.translate(_EXTRA_FOLD)
    decomposed = unicodedata.normalize("NFD", text)
    # keep the breve of й (U+0306 after и): it is a letter of its own in Russian
    out = []
    for i, ch in enumerate(decomposed):
        if unicodedata.combining(ch):
            if ch == "\u0306" and i and decomposed[i - 1] in "иИ":
                out.append(ch)
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).lower()


_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")


def is_cyrillic(text: str) -> bool:
    return not text.isascii() and _CYRILLIC_RE.search(text) is not None


# --- Russian transliteration (Cyrillic -> Latin, English convention) ---------------------------

_RU_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}


def ru_to_latin(text: str) -> str:
    """English-convention transliteration of Russian, keeping capitals (Сергей Лавров -> Sergey Lavrov)."""
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        if low not in _RU_LATIN:
            out.append(ch)
            continue
        lat = _RU_LATIN[low]
        # е after a vowel or at the start of a word is "ye" in the usual English spelling (Yevgeny)
        if low == "е" and (i == 0 or not text[i - 1].isalpha()):
            lat = "ye"
        out.append(lat.capitalize() if ch.isupper() and lat else lat)
    result = "".join(out)
    # дж is almost always a foreign j (Джон, Арджун, Джакарта): John, Arjun, Jakarta
    result = result.replace("dzh", "j").replace("Dzh", "J")
    # -ий / -ый at the end of a word is written -y (Dmitry, Yuriy -> Yury is also common)
    return re.sub(r"(?<=\w)(iy|yy)\b", "y", result)


# --- one key for every spelling convention ----------------------------------------------------

# Spelling conventions as ordered rewrites on folded text (placeholders in upper case keep
# rewrites from feeding each other). Applied to whole tokens.
_CONVENTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (("tsch", "C"), ("sch", "S"), ("ch", "H"), ("zh", "Z"), ("ts", "T"), ("z", "T"), ("w", "v"),
           ("j", "y"), ("ss", "s"), ("ie", "i")),
    "fr": (("tch", "C"), ("ch", "S"), ("kh", "H"), ("dj", "D"), ("j", "Z"), ("ou", "u"), ("gue", "ge"),
           ("gui", "gi"), ("ss", "s"), ("w", "v")),
    "en": (("tch", "C"), ("ch", "C"), ("sh", "S"), ("kh", "H"), ("zh", "Z"), ("ts", "T"), ("w", "v")),
    "id": (("tch", "C"), ("ch", "C"), ("sh", "S"), ("kh", "H"), ("zh", "Z"), ("ts", "T"), ("w", "v")),
}
_CONVENTIONS["ru"] = _CONVENTIONS["en"]
# Vietnamese in Latin script needs no rewrite: the folded form is the key.
_CONVENTIONS["vi"] = ()
_INITIAL_YE_RE = re.compile(r"^(?:ye|ie|je)")
_DOUBLED_RE = re.compile(r"(.)\1+")
_PLACEHOLDERS = str.maketrans({"C": "ch", "S": "sh", "H": "h", "Z": "zh", "T": "ts", "D": "dzh"})


@lru_cache(maxsize=131072)
def match_key(token: str, lang: str) -> str:
    """A loose key for a name token that is the same for all the spellings of one Russian name.

    Cyrillic tokens are transliterated first; Latin tokens are read by the convention of `lang`.
    `Чернышенко`, `Chernyshenko` (en), `Tschernyschenko` (de) and `Tchernychenko` (fr) share a key.
    """
    low = fold(token)
    if is_cyrillic(low):
        low = fold(ru_to_latin(low))
        rules = _CONVENTIONS["en"]
    else:
        rules = _CONVENTIONS.get(lang, _CONVENTIONS["en"])
    for src, dst in rules:
        low = low.replace(src, dst)
    low = low.translate(_PLACEHOLDERS)
    low = low.replace("x", "ks").replace("kh", "h").replace("j", "y")
    # German writes both з and с as s (Sjuganow, Sergej): s and z are one letter in the key
    low = low.replace("zh", "\u0292").replace("z", "s").replace("\u0292", "zh")
    low = _INITIAL_YE_RE.sub("e", low)
    low = low.replace("y", "i")
    low = _DOUBLED_RE.sub(r"\1", low)  # Gennadi / Guennadi / Genadi, and ii -> i
    return low.replace("'", "").replace("’", "")


# --- Russian inflection --------------------------------------------------------------------

_RU_ENDINGS = sorted(
    ("а", "я", "у", "ю", "е", "и", "ы", "о", "ь", "ом", "ем", "ём", "ой", "ей", "ою", "ею", "ым", "им", "ами", "ями",
     "ах", "ях", "ого", "его", "ому", "ему", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ых", "их", "ий", "ый",
     "ям", "ам"),
    key=len, reverse=True,
)


@lru_cache(maxsize=131072)
def ru_stem(word: str) -> str:
    """The word without its case ending (folded), keeping a stem of at least 3 letters.

    Both the gazetteer and the text go through this, so Путиным / Путина / Путин all meet at путин.
    """
    low = fold(word)
    for ending in _RU_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            low = low[: -len(ending)]
            break
    # stems differ by a final vowel or й (Сергей -> серг, Сергеем -> серге): drop it too
    while len(low) > 3 and low[-1] in "аеиоуыэюяйь":
        low = low[:-1]
    return low


@lru_cache(maxsize=131072)
def de_stem(word: str) -> str:
    """German genitive and adjective endings off (Russlands, Kommunistischen -> russland, kommunistisch)."""
    low = fold(word)
    for ending in ("en", "em", "er", "es", "e", "s"):
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            return low[: -len(ending)]
    return low


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=32768)
def ru_nominative(word: str) -> str:
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


# --- Vietnamese <-> Russian Cyrillic ----------------------------------------------------------

_VI_INITIALS = (
    ("ngh", "нг"), ("ng", "нг"), ("nh", "нь"), ("ch", "ч"), ("tr", "ч"), ("th", "тх"), ("kh", "кх"),
    ("ph", "ф"), ("gh", "г"), ("gi", "з"), ("qu", "ку"), ("b", "б"), ("c", "к"), ("k", "к"), ("d", "з"),
    ("đ", "д"), ("g", "г"), ("h", "х"), ("l", "л"), ("m", "м"), ("n", "н"), ("p", "п"), ("r", "з"),
    ("s", "ш"), ("t", "т"), ("v", "в"), ("x", "с"),
)
_VI_FINALS = (("ng", "нг"), ("nh", "нь"), ("ch", "ть"), ("c", "к"), ("m", "м"), ("n", "н"), ("p", "п"),
              ("t", "т"))
_VI_VOWELS = (
    ("uyê", "уе"), ("ươi", "ыой"), ("ươu", "ыоу"), ("ươ", "ыо"), ("uôi", "уой"), ("uô", "уо"), ("iê", "ие"),
    ("yê", "ие"), ("oai", "оай"), ("oay", "оай"), ("uây", "уай"), ("uâ", "уа"), ("ưu", "ыу"), ("ưi", "ый"),
    ("ưa", "ыа"), ("ai", "ай"), ("ay", "ай"), ("ây", "ай"), ("ao", "ао"), ("au", "ау"), ("âu", "ау"),
    ("eo", "ео"), ("êu", "еу"), ("iu", "иу"), ("oi", "ой"), ("ôi", "ой"), ("ơi", "ой"), ("ui", "уй"),
    ("uy", "уи"), ("ia", "иа"), ("ua", "уа"), ("oa", "оа"), ("oă", "оа"), ("oe", "оэ"), ("a", "а"), ("ă", "а"),
    ("â", "а"), ("e", "е"), ("ê", "е"), ("i", "и"), ("y", "и"), ("o", "о"), ("ô", "о"), ("ơ", "о"), ("u", "у"),
    ("ư", "ы"),
)


def _strip_tones(syllable: str) -> str:
    """Remove tone marks but keep the vowel qualities (ă â ê ô ơ ư đ) that change transcription."""
    out = []
    for ch in unicodedata.normalize("NFD", syllable.lower()):
        if ch in "\u0300\u0301\u0303\u0309\u0323":  # grave, acute, tilde, hook, dot below
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


Table = tuple[tuple[str, str], ...]


def _transcribe_syllable(s: str, initials: Table, finals: Table, vowels: Table) -> tuple[str, str, str]:
    """Split a syllable into initial, nucleus and final, each mapped through its table (first match wins)."""
    initial = ""
    for src, dst in initials:
        if s.startswith(src) and len(s) > len(src):
            # "gi" before a vowel is an initial; "gi" alone is g + i
            initial, s = dst, s[len(src):]
            break
    final = ""
    for src, dst in finals:
        if s.endswith(src) and len(s) > len(src):
            final, s = dst, s[: -len(src)]
            break
    vowel = ""
    rest = s
    while rest:
        for src, dst in vowels:
            if rest.startswith(src):
                vowel += dst
                rest = rest[len(src):]
                break
        else:
            vowel += rest[0]
            rest = rest[1:]
    return initial, vowel, final


def _vi_syllable_to_cyrillic(syllable: str) -> str:
    initial, vowel, final = _transcribe_syllable(_strip_tones(syllable), _VI_INITIALS, _VI_FINALS, _VI_VOWELS)
    if not initial and vowel.startswith("е"):
        vowel = "э" + vowel[1:]
    return initial + vowel + final


def vi_to_cyrillic(name: str) -> str:
    """Russian transcription of a Vietnamese name (Lê Hoài Trung -> Ле Хоай Чунг)."""
    parts = []
    for word in re.split(r"(\W+)", name):
        if not word or not word[0].isalpha():
            parts.append(word)
            continue
        cyr = _vi_syllable_to_cyrillic(word)
        parts.append(cyr[:1].upper() + cyr[1:] if word[0].isupper() else cyr)
    return "".join(parts)


_CYR_VI_INITIALS = (("нг", "ng"), ("нь", "nh"), ("тх", "th"), ("кх", "kh"), ("ку", "qu"), ("ч", "tr"), ("ф", "ph"),
                    ("з", "d"), ("д", "d"), ("с", "x"), ("ш", "s"), ("х", "h"), ("к", "c"), ("б", "b"), ("г", "g"),
                    ("л", "l"), ("м", "m"), ("н", "n"), ("п", "p"), ("т", "t"), ("в", "v"), ("р", "r"))
_CYR_VI_FINALS = (("нг", "ng"), ("нь", "nh"), ("ть", "ch"), ("к", "c"), ("м", "m"), ("н", "n"), ("п", "p"),
                  ("т", "t"))
_CYR_VI_VOWELS = (("уе", "uye"), ("ыо", "uo"), ("ие", "ie"), ("ай", "ai"), ("ой", "oi"), ("уй", "ui"), ("ый", "ui"),
                  ("уи", "uy"), ("а", "a"), ("е", "e"), ("э", "e"), ("и", "i"), ("о", "o"), ("у", "u"), ("ы", "u"),
                  ("я", "ia"), ("ю", "iu"), ("й", "i"))


def _cyr_syllable_to_vi(syllable: str) -> str:
    initial, vowel, final = _transcribe_syllable(fold(syllable), _CYR_VI_INITIALS, _CYR_VI_FINALS, _CYR_VI_VOWELS)
    if initial == "c" and vowel[:1] in ("e", "i", "y"):
        initial = "k"  # Vietnamese writes k before front vowels (Kiên, Kế)
    if initial == "qu" and vowel.startswith("u"):
        vowel = vowel[1:]
    if initial == "ng" and vowel[:1] in ("e", "i"):
        initial = "ngh"
    return initial + vowel + final


def cyrillic_to_vi(name: str) -> str:
    """Toneless Latin Vietnamese form of a Cyrillic transcription (Ле Тхи Тху Ханг -> Le Thi Thu Hang)."""
    parts = []
    for word in re.split(r"(\W+)", name):
        if not word or not word[0].isalpha():
            parts.append(word)
            continue
        lat = _cyr_syllable_to_vi(word)
        parts.append(lat[:1].upper() + lat[1:])
    return "".join(parts)


# A Vietnamese syllable in Latin script: an optional initial, a vowel nucleus and an optional final.
_VI_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|tr|th|kh|ph|gh|gi|qu|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(ng|nh|ch|[cmnpt])?$"
)


def is_vi_syllable(word: str) -> bool:
    """True for a word that can be a Vietnamese syllable (Latin script, with or without tones)."""
    return bool(_VI_SYLLABLE.match(_strip_tones(word)))


_CYR_SYLLABLE = re.compile(
    r"^(нг|нь|тх|кх|ку|[бвгдзклмнпрстфхчш])?[аеэиоуыяюй]{1,3}(нг|нь|ть|[кмнпт])?$"
)


def is_cyrillic_vi_syllable(word: str) -> bool:
    """True for a Cyrillic word that can be the Russian transcription of a Vietnamese syllable."""
    return bool(_CYR_SYLLABLE.match(fold(word)))
