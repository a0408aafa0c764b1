"""Document identity by content: an exact hash of the normalised text, and MinHash near-duplicates.

Exact: two inputs whose texts differ only in Unicode form, case and white space are one document
(`text_hash`), whatever path, URL or JSONL id they came under.

Near-duplicate: the same wire story re-posted with a new headline or a cut paragraph. Each document
gets a MinHash signature over its word 4-shingles (`signature`); LSH bands of the signature
(`band_keys`) are indexed, so only documents sharing a band are compared (near-linear), and a pair is
a near-duplicate when its estimated shingle overlap is high (`NEAR_DUPLICATE`). The overlap is the
containment of the shorter text in the longer (a cut story is contained in the full one), estimated from
the signatures as Jaccard and converted with both shingle counts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

SHINGLE = 4  # words per shingle: long enough that two unrelated stories share almost none
PERMUTATIONS = 128
BANDS = 32  # 32 bands of 4 rows: a pair with Jaccard 0.5 shares a band with probability 0.87, 0.3 with 0.23
ROWS = PERMUTATIONS // BANDS
MIN_SHINGLES = 20  # shorter texts (a headline, a caption) are not compared: too little to tell
NEAR_DUPLICATE = 0.7  # estimated containment of the shorter text's shingles in the longer one's
_PRIME = (1 << 61) - 1
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def normalised_text(text: str) -> str:
    """NFKC, case-folded, white space collapsed: what two copies of one text still share."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def text_hash(text: str) -> str:
    """The document's identity: sha256 of its normalised text."""
    return hashlib.sha256(normalised_text(text).encode()).hexdigest()


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """Fixed (seeded) hash permutations a*x+b mod p: the same signature for the same text in every run."""
    rng = np.random.default_rng(20261205)
    # a < 2**31 and x < 2**32 keep a*x + b below 2**64: exact in numpy's uint64.
    a = rng.integers(1, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, 1 << 32, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


_A, _B = _permutations()


def shingles(text: str) -> set[int]:
    """32-bit hashes of the word 4-grams of the normalised text."""
    words = _WORD.findall(normalised_text(text))
    grams = {" ".join(words[i:i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little") for g in grams}


def signature(text: str) -> tuple[np.ndarray, int] | None:
    """The MinHash signature (uint32 x PERMUTATIONS) and the shingle count; None for too short a text."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    x = np.fromiter(found, dtype=np.uint64, count=len(found))
    hashed = (_A[:, None] * x[None, :] + _B[:, None]) % np.uint64(_PRIME)
    return (hashed.min(axis=1) & np.uint64(0xFFFFFFFF)).astype(np.uint32), len(found)


def band_keys(sig: np.ndarray) -> list[str]:
    """One key per LSH band: documents that share any key are compared."""
    return [f"{band}:{hashlib.blake2b(sig[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8).hexdigest()}"
            for band in range(BANDS)]


def encode_signature(sig: np.ndarray, count: int) -> str:
    return f"{count}:{sig.astype('<u4').tobytes().hex()}"


def decode_signature(value: str) -> tuple[np.ndarray, int]:
    count, _, hexed = value.partition(":")
    return np.frombuffer(bytes.fromhex(hexed), dtype="<u4").astype(np.uint32), int(count)


def containment(a: tuple[np.ndarray, int], b: tuple[np.ndarray, int]) -> float:
    """Estimated share of the shorter text's shingles found in the longer one (1.0: a cut copy)."""
    jaccard = float(np.mean(a[0] == b[0]))
    small, large = sorted((a[1], b[1]))
    # |A∩B| = J/(1+J) * (|A|+|B|); containment = |A∩B| / min(|A|, |B|)
    shared = jaccard / (1.0 + jaccard) * (small + large)
    return round(min(1.0, shared / small), 3)
