"""Hebrew names in Latin letters: vav and yod mostly write the vowels o/u and i in foreign names
(מרקו Marko, דונלד Donald), a geresh makes g, ts and z into j, ch and zh (ג׳וריץ׳ Jurich)."""

from __future__ import annotations

import re

from anyascii import anyascii

_HEBREW_RE = re.compile("[\u0590-\u05ff]")
_GERESH = (("g'", "j"), ("ts'", "ch"), ("z'", "zh"))
_VAV_RE = re.compile(r"(?<!v)v(?!v)")


def phonetic_latin(word: str) -> str | None:
    """The consonants and vowel letters of a Hebrew word in Latin (מרקו -> mrko), None for another script."""
    if not _HEBREW_RE.search(word):
        return None
    latin = str(anyascii(word.replace("\u05f3", "'"))).lower()
    for src, dst in _GERESH:
        latin = latin.replace(src, dst)
    latin = _VAV_RE.sub("o", latin).replace("vv", "v")
    return latin.replace("'", "").replace("`", "")
