"""Folding: one form of a word without case and diacritics, for matching across spellings.

The letters that do not decompose (đ, ß, ø) and the marks a language keeps (the breve of й) are
each language's data: `names.fold` and `names.fold_keep` in its folder.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

from communique import lang


@cache
def _tables() -> tuple[dict[int, str], dict[str, frozenset[str]]]:
    """The translation of undecomposable letters, and mark -> the base letters that keep it."""
    replace: dict[str, str] = {}
    keep: dict[str, set[str]] = {}
    for _, mapping in lang.everywhere("names", "fold"):
        replace.update({str(k): str(v) for k, v in mapping.items()})
    for _, letters in lang.everywhere("names", "fold_keep"):
        for letter in letters:
            decomposed = unicodedata.normalize("NFD", str(letter))
            for mark in decomposed[1:]:
                keep.setdefault(mark, set()).add(decomposed[0])
    return str.maketrans(replace), {mark: frozenset(bases) for mark, bases in keep.items()}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics, except the marks a language keeps as letters of their own."""
    if text.isascii():
        return text.lower()
    replace, keep = _tables()
    text = text.translate(replace)
    decomposed = unicodedata.normalize("NFD", text)
    out = []
    for i, ch in enumerate(decomposed):
        if unicodedata.combining(ch):
            if i and decomposed[i - 1] in keep.get(ch, ()):
                out.append(ch)
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).lower()
