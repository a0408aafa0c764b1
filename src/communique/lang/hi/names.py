"""Hindi (Devanagari) names in Latin letters: anyascii, with the nasal sign (anusvara) written as the nasal
the next consonant takes (होंग hong, not homg; संबंध sambandh) and च as ch (चिन्ह chinh), as names are
spelled in English."""

from __future__ import annotations

import re

from anyascii import anyascii

_DEVANAGARI_RE = re.compile("[\u0900-\u097f]")
_ANUSVARA = "\u0902"
_VIRAMA = "\u094d"
_LABIALS = "\u092a\u092b\u092c\u092d\u092e"  # pa pha ba bha ma
_NA, _MA = "\u0928", "\u092e"
_LABIAL_NASAL_RE = re.compile(f"{_ANUSVARA}(?=[{_LABIALS}])")


def phonetic_latin(word: str) -> str | None:
    """The Latin reading of a Devanagari word (ट्रान होंग हा: tran hong ha), None for a word of another script."""
    if not _DEVANAGARI_RE.search(word):
        return None
    word = _LABIAL_NASAL_RE.sub(_MA + _VIRAMA, word).replace(_ANUSVARA, _NA + _VIRAMA)
    return str(anyascii(word)).lower().replace("c", "ch").replace("chh", "ch")
