"""Hashed character n-grams: the features of the cascade's cheap first stage (no transformer, numpy only).

A sentence becomes the set of buckets of its lower-cased character 2-, 3- and 4-grams (padded with a space at
both ends, so word beginnings and endings are n-grams of their own). Characters, not words, so the same code
serves languages without spaces (zh, ja, th) and rich morphology (ru, tr, fi). The hash is a polynomial over
code points with 64-bit wrap-around, computed for all n-grams of a text at once, so it is fast, portable and
the same on every run (Python's own `hash` is salted per process).
"""

from __future__ import annotations

import numpy as np

ORDERS = (2, 3, 4)
BITS = 18  # 262,144 buckets
_BASE = np.uint64(0x100000001B3)  # FNV-64 prime: spreads code points over the 64 bits
_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top bits of h * _MIX pick the bucket
_SHIFT = np.uint64(64 - BITS)
MAX_CHARS = 1000  # longer texts are cut: a "sentence" this long is a page, and its head is enough to decide


def buckets(text: str) -> np.ndarray:
    """Sorted unique bucket ids (int64) of the n-grams of `text`; empty for an empty text."""
    padded = f" {text[:MAX_CHARS].lower()} "
    codes = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    parts = []
    h = codes  # h[i] = hash of the n-gram starting at i, grown one character per order
    for n in range(2, ORDERS[-1] + 1):
        if len(codes) < n:
            break
        h = h[:-1] * _BASE + codes[n - 1 :]
        if n in ORDERS:
            parts.append(((h + np.uint64(n)) * _MIX) >> _SHIFT)
    if not parts:
        return np.zeros(0, dtype=np.int64)
    return np.unique(np.concatenate(parts)).astype(np.int64)


def score(text: str, weights: np.ndarray, bias: float) -> float:
    """Logit of a linear model over the L2-normalised binary bucket vector of `text`."""
    ids = buckets(text)
    if len(ids) == 0:
        return bias
    return bias + float(weights[ids].sum(dtype=np.float64)) / float(np.sqrt(len(ids)))
