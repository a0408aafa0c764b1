"""Russian in legacy single-byte encodings: which codecs to try and how Russian a decoding looks.

The reader tries each codec of every language that has this module (`legacy_codecs`) and keeps the
decoding that `score`s best: the one that yields mostly lower-case Cyrillic letters and common
Russian bigrams.
"""

from __future__ import annotations

import re

_SAMPLE = 65536

# In order of preference on a tie (mac_cyrillic is left out: it reads cp1251 text almost as well).
LEGACY_CODECS = ("cp1251", "koi8_r", "cp866", "iso8859_5")
# The most frequent Russian letter bigrams (lower case): a right decoding is full of them.
_BIGRAMS = frozenset(["ст", "но", "то", "на", "ен", "ов", "ни", "ра", "во", "ко", "ес", "пр", "ал", "ре", "ор",
                      "по", "ан", "ет", "ли", "не", "ка", "ол", "ел", "ом", "ер", "та", "ть", "го", "од", "де"])
_WORD = re.compile(r"[а-яё]{2,}")


def legacy_codecs() -> tuple[str, ...]:
    return LEGACY_CODECS


def script_letters(text: str) -> int:
    """How many characters of `text` are Cyrillic letters (the high bytes a right codec gives)."""
    return sum(1 for c in text if "\u0400" <= c <= "\u04ff")


def score(text: str) -> float:
    """How Russian a decoding looks: lower-case Cyrillic share plus common-bigram rate (0..2).

    The share is of all non-ASCII characters, so a decoding that turns capitals into symbols loses.
    """
    sample = text[:_SAMPLE]
    non_ascii = sum(1 for c in sample if ord(c) >= 0x80)
    if not non_ascii:
        return 0.0
    lower = sum(1 for c in sample if "\u0430" <= c <= "\u045f") / non_ascii
    words = _WORD.findall(text[:_SAMPLE])
    pairs = [w[i : i + 2] for w in words for i in range(len(w) - 1)]
    common = sum(1 for p in pairs if p in _BIGRAMS) / len(pairs) if pairs else 0.0
    return lower + common
