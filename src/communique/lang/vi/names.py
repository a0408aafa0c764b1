"""Vietnamese names: Russian Cyrillic transcription both ways, syllable shapes, the shape of a name.

Vietnamese names appear with diacritics, without them, and in Russian Cyrillic transcription
(Lê Hoài Trung / Le Hoai Trung / Ле Хоай Чунг). `to_cyrillic` implements the standard Russian
transcription of Vietnamese (the Kontsevich system), `from_cyrillic` the way back (toneless).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache

from communique import lang
from communique.lang.folding import fold
from communique.lang.ru.names import is_cyrillic
from communique.lang.ru.names import stem as ru_stem

_INITIALS = (
    ("ngh", "нг"), ("ng", "нг"), ("nh", "нь"), ("ch", "ч"), ("tr", "ч"), ("th", "тх"), ("kh", "кх"),
    ("ph", "ф"), ("gh", "г"), ("gi", "з"), ("qu", "ку"), ("b", "б"), ("c", "к"), ("k", "к"), ("d", "з"),
    ("đ", "д"), ("g", "г"), ("h", "х"), ("l", "л"), ("m", "м"), ("n", "н"), ("p", "п"), ("r", "з"),
    ("s", "ш"), ("t", "т"), ("v", "в"), ("x", "с"),
)
_FINALS = (("ng", "нг"), ("nh", "нь"), ("ch", "ть"), ("c", "к"), ("m", "м"), ("n", "н"), ("p", "п"),
           ("t", "т"))
_VOWELS = (
    ("uyê", "уе"), ("ươi", "ыой"), ("ươu", "ыоу"), ("ươ", "ыо"), ("uôi", "уой"), ("uô", "уо"), ("iê", "ие"),
    ("yê", "ие"), ("oai", "оай"), ("oay", "оай"), ("uây", "уай"), ("uâ", "уа"), ("ưu", "ыу"), ("ưi", "ый"),
    ("ưa", "ыа"), ("ai", "ай"), ("ay", "ай"), ("ây", "ай"), ("ao", "ао"), ("au", "ау"), ("âu", "ау"),
    ("eo", "ео"), ("êu", "еу"), ("iu", "иу"), ("oi", "ой"), ("ôi", "ой"), ("ơi", "ой"), ("ui", "уй"),
    ("uy", "уи"), ("ia", "иа"), ("ua", "уа"), ("oa", "оа"), ("oă", "оа"), ("oe", "оэ"), ("a", "а"), ("ă", "а"),
    ("â", "а"), ("e", "е"), ("ê", "е"), ("i", "и"), ("y", "и"), ("o", "о"), ("ô", "о"), ("ơ", "о"), ("u", "у"),
    ("ư", "ы"),
)


def strip_tones(syllable: str) -> str:
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


def _syllable_to_cyrillic(syllable: str) -> str:
    initial, vowel, final = _transcribe_syllable(strip_tones(syllable), _INITIALS, _FINALS, _VOWELS)
    if not initial and vowel.startswith("е"):
        vowel = "э" + vowel[1:]
    return initial + vowel + final


def _by_syllable(name: str, convert: Callable[[str], str], capitalize: bool) -> str:
    """Each word (syllable) of a name converted, separators kept; capitals where the word had one,
    or on every word with `capitalize`."""
    parts = []
    for word in re.split(r"(\W+)", name):
        if not word or not word[0].isalpha():
            parts.append(word)
            continue
        out = convert(word)
        parts.append(out[:1].upper() + out[1:] if capitalize or word[0].isupper() else out)
    return "".join(parts)


def to_cyrillic(name: str) -> str:
    """Russian transcription of a Vietnamese name (Lê Hoài Trung -> Ле Хоай Чунг)."""
    return _by_syllable(name, _syllable_to_cyrillic, capitalize=False)


_CYR_INITIALS = (("нг", "ng"), ("нь", "nh"), ("тх", "th"), ("кх", "kh"), ("ку", "qu"), ("ч", "tr"), ("ф", "ph"),
                 ("з", "d"), ("д", "d"), ("с", "x"), ("ш", "s"), ("х", "h"), ("к", "c"), ("б", "b"), ("г", "g"),
                 ("л", "l"), ("м", "m"), ("н", "n"), ("п", "p"), ("т", "t"), ("в", "v"), ("р", "r"))
_CYR_FINALS = (("нг", "ng"), ("нь", "nh"), ("ть", "ch"), ("к", "c"), ("м", "m"), ("н", "n"), ("п", "p"),
               ("т", "t"))
_CYR_VOWELS = (("уе", "uye"), ("ыо", "uo"), ("ие", "ie"), ("ай", "ai"), ("ой", "oi"), ("уй", "ui"), ("ый", "ui"),
               ("уи", "uy"), ("а", "a"), ("е", "e"), ("э", "e"), ("и", "i"), ("о", "o"), ("у", "u"), ("ы", "u"),
               ("я", "ia"), ("ю", "iu"), ("й", "i"))


def _cyr_syllable_to_vi(syllable: str) -> str:
    initial, vowel, final = _transcribe_syllable(fold(syllable), _CYR_INITIALS, _CYR_FINALS, _CYR_VOWELS)
    if initial == "c" and vowel[:1] in ("e", "i", "y"):
        initial = "k"  # Vietnamese writes k before front vowels (Kiên, Kế)
    if initial == "qu" and vowel.startswith("u"):
        vowel = vowel[1:]
    if initial == "ng" and vowel[:1] in ("e", "i"):
        initial = "ngh"
    return initial + vowel + final


def from_cyrillic(name: str) -> str:
    """Toneless Latin Vietnamese form of a Cyrillic transcription (Ле Тхи Тху Ханг -> Le Thi Thu Hang)."""
    return _by_syllable(name, _cyr_syllable_to_vi, capitalize=True)


# A Vietnamese syllable in Latin script: an optional initial, a vowel nucleus and an optional final.
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|tr|th|kh|ph|gh|gi|qu|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(ng|nh|ch|[cmnpt])?$"
)


def is_syllable(word: str) -> bool:
    """True for a word that can be a Vietnamese syllable (Latin script, with or without tones)."""
    return bool(_SYLLABLE.match(strip_tones(word)))


_CYR_SYLLABLE = re.compile(
    r"^(нг|нь|тх|кх|ку|[бвгдзклмнпрстфхчш])?[аеэиоуыяюй]{1,3}(нг|нь|ть|[кмнпт])?$"
)


def is_cyrillic_syllable(word: str) -> bool:
    """True for a Cyrillic word that can be the Russian transcription of a Vietnamese syllable."""
    return bool(_CYR_SYLLABLE.match(fold(word)))


# --- hooks the actors stage looks up --------------------------------------------------------------


def transcriptions(name: str) -> Iterator[tuple[str, str]]:
    """(form, language) of a Vietnamese person's name in other scripts: the Russian transcription,
    even when the knowledge base lacks the ru form."""
    if not is_cyrillic(name):
        yield to_cyrillic(name), "ru"


def romanize(word: str) -> str:
    """The Latin Vietnamese form of a Cyrillic word of a Vietnamese name; a syllable is kept as written,
    only a word with a case ending loses it (Чунгом -> Чунг)."""
    return from_cyrillic(word if is_cyrillic_syllable(word) else ru_stem(word))


@cache
def _surname_keys() -> frozenset[str]:
    """Folded Vietnamese family names in Latin script and in Russian transcription."""
    surnames = [str(s) for s in lang.section("vi", "titles").get("surnames") or [] if s]
    return frozenset({fold(s) for s in surnames} | {fold(to_cyrillic(s)) for s in surnames})


def looks_like_name(words: list[str]) -> bool:
    """2-4 syllables starting with a Vietnamese family name (in Latin script or Cyrillic transcription)."""
    if not 2 <= len(words) <= 4:
        return False
    if fold(words[0]) not in _surname_keys():
        return False
    if is_cyrillic(words[0]):
        return all(is_cyrillic_syllable(w) or is_cyrillic_syllable(ru_stem(w)) for w in words)
    return all(is_syllable(w) for w in words)
