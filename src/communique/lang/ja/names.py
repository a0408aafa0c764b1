"""Japanese names in Latin letters: kanji have no spelling of their own, a name is read through its kana
reading (MeCab with the unidic-lite dictionary, which lists many family and given names): 岸田 -> キシダ ->
kishida. Long vowels are written once, as Hepburn without macrons does (シンゾウ -> shinzo).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from anyascii import anyascii

_JAPANESE_RE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_LONG_VOWEL_RE = re.compile(r"(?<=o)u|(?<=u)u|-")


@cache
def _tagger() -> Any:
    import fugashi  # lazy: the dictionary loads only when a Japanese name is first read (0.3 s)

    return fugashi.Tagger()


@lru_cache(maxsize=16384)
def phonetic_latin(word: str) -> str | None:
    """The Latin reading of a word in kanji or kana (安倍 -> abe), its names apart (岸田文雄 -> kishida
    bunyuu: the dictionary reads given names less well than family names), None for a word of another script."""
    if not _JAPANESE_RE.search(word):
        return None
    parts = []
    for token in _tagger()(word):
        reading = getattr(token.feature, "kana", None)
        kana = reading if reading and reading != "*" else token.surface
        parts.append(_LONG_VOWEL_RE.sub("", str(anyascii(kana)).lower()))
    return " ".join(p for p in parts if p)
