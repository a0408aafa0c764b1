"""Hidden states of the frozen lower layers, computed once by the engine and kept on disk (training only).

    python -m training.encoder.lower_cache --layers 2     (caches the output of layer 12-2 = 10)

Every labelled sentence (training and held-out) is tokenized by the engine with the "query: " prefix, cut to
MAX_TOKENS, and run through the first 12-K layers; the states are stored as float16 in one array with offsets,
in BUILD/lower-<12-K>.npz, with the token ids (the training script checks that they match its texts).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from training.encoder import engine
from training.events import dataset

MAX_TOKENS = 128
BATCH = 64
BUILD = Path(os.environ.get("COMMUNIQUE_ENCODER_BUILD", Path(tempfile.gettempdir()) / "communique-encoder-tune"))


def texts_digest(texts: list[str]) -> str:
    return hashlib.sha256("\x00".join(texts).encode()).hexdigest()


def cache_file(first_tuned: int) -> Path:
    return BUILD / f"lower-{first_tuned}.npz"


def build(texts: list[str], first_tuned: int) -> Path:
    shim = engine.Shim()
    ids = [shim.tokenize(t, MAX_TOKENS) for t in texts]
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))  # similar lengths together: fewer wasted cycles
    lens = np.array([len(s) for s in ids])
    offsets = np.concatenate([[0], np.cumsum(lens)])
    states = np.zeros((int(offsets[-1]), 384), dtype=np.float16)
    start = time.perf_counter()
    for b in range(0, len(order), BATCH):
        chunk = order[b : b + BATCH]
        for i, h in zip(chunk, shim.hidden([ids[i] for i in chunk], first_tuned), strict=True):
            states[offsets[i] : offsets[i + 1]] = h
        if (b // BATCH) % 20 == 0:
            print(f"{b + len(chunk)}/{len(order)} sentences, {time.perf_counter() - start:.0f}s", file=sys.stderr)
    BUILD.mkdir(parents=True, exist_ok=True)
    path = cache_file(first_tuned)
    np.savez(path, states=states, offsets=offsets, ids=np.concatenate([np.array(s, np.int32) for s in ids]),
             digest=np.array(texts_digest(texts)))
    return path


def all_texts() -> list[str]:
    """Every labelled sentence in dataset order (training and held-out alike; the split is applied later)."""
    return [e.text for e in dataset.load()]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--layers", type=int, default=2, help="K: the number of top layers that will be tuned")
    args = ap.parse_args(argv)
    path = build(all_texts(), 12 - args.layers)
    print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
