"""German names and words: genitive and adjective endings off, for matching."""

from __future__ import annotations

from functools import lru_cache

from communique.lang.folding import fold


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """German genitive and adjective endings off (Russlands, Kommunistischen -> russland, kommunistisch)."""
    low = fold(word)
    for ending in ("en", "em", "er", "es", "e", "s"):
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            return low[: -len(ending)]
    return low
