"""Chinese names in Latin letters that sound like them: pinyin (anyascii's reading of each character)
respelled where pinyin letters stand for other sounds than in English (q = ch, x = sh, zh = j, c = ts), so
that a foreign name written in characters meets its Latin spelling: 科萨切夫 kesaqiefu -> kesachiefu (Kosachev).
"""

from __future__ import annotations

import re

from anyascii import anyascii

_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_SYLLABLE_RE = re.compile(r"[A-Z][a-z]*")
# Pinyin initials -> the English letters of their sounds (longest first).
_INITIALS = (("zh", "j"), ("q", "ch"), ("x", "sh"), ("c", "ts"))


def phonetic_latin(word: str) -> str | None:
    """The pinyin of a word in Han characters, respelled for the ear (拉夫罗夫 -> lafuluofu), None for a
    word of another script."""
    if not _HAN_RE.search(word):
        return None
    out = []
    for syllable in _SYLLABLE_RE.findall(str(anyascii(word))):
        low = syllable.lower()
        for src, dst in _INITIALS:
            if low.startswith(src):
                low = dst + low[len(src) :]
                break
        out.append(low)
    return "".join(out)
