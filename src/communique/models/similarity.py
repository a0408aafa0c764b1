"""The article-similarity model: gradient-boosted regression trees over pair features, evaluated in numpy.

One tree ensemble per head: `Overall` (the SemEval-2022 Task 8 scale, 1 = same story … 4 = unrelated) and its
parts (`Geography`, `Entities`, `Time`, `Narrative`). Written by `python -m training.similarity.train` into
`data/similarity.npz` as plain arrays (no pickles), so run time needs only numpy and gives the scikit-learn
model's predictions exactly: features are compared as float32 against float64 thresholds, as scikit-learn does.
The features themselves are computed by `communique.similarity`; this module only knows their names and order.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent / "data"
MODEL_FILE = DATA / "similarity.npz"


@dataclass(frozen=True, slots=True)
class TreeEnsemble:
    """init + rate * sum of trees; all trees' nodes in flat arrays, `roots[i]` the first node of tree i."""

    init: float
    rate: float
    roots: np.ndarray  # (trees,) int32
    feature: np.ndarray  # (nodes,) int32, -1 at a leaf
    threshold: np.ndarray  # (nodes,) float64
    left: np.ndarray  # (nodes,) int32, global node index
    right: np.ndarray  # (nodes,) int32
    value: np.ndarray  # (nodes,) float64, the leaf value

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Predictions for the rows of `x` (n, features)."""
        x32 = np.asarray(x, dtype=np.float32)
        rows = np.arange(len(x32))
        total = np.zeros(len(x32), dtype=np.float64)
        for root in self.roots:
            node = np.full(len(x32), root, dtype=np.int64)
            while True:
                inner = self.feature[node] >= 0
                if not inner.any():
                    break
                f = self.feature[node[inner]]
                goes_left = x32[rows[inner], f] <= self.threshold[node[inner]]
                node[inner] = np.where(goes_left, self.left[node[inner]], self.right[node[inner]])
            total += self.value[node]
        return self.init + self.rate * total


@dataclass(frozen=True, slots=True)
class SimilarityModel:
    features: tuple[str, ...]  # the feature names, in column order
    heads: dict[str, TreeEnsemble]  # "Overall", "Geography", "Entities", "Time", "Narrative"

    def predict(self, x: np.ndarray) -> dict[str, np.ndarray]:
        """Each head's score for the rows of `x`, clipped to the 1-4 scale."""
        return {name: np.clip(head.predict(x), 1.0, 4.0) for name, head in self.heads.items()}


_lock = threading.Lock()
_loaded: dict[Path, SimilarityModel] = {}


def load(path: Path = MODEL_FILE) -> SimilarityModel:
    """The model in `path` (read once per process)."""
    with _lock:
        if path not in _loaded:
            _loaded[path] = read(path)
        return _loaded[path]


def read(path: Path) -> SimilarityModel:
    with np.load(path, allow_pickle=False) as data:
        features = tuple(str(f) for f in data["features"])
        heads = {}
        for name in (str(h) for h in data["heads"]):
            heads[name] = TreeEnsemble(
                init=float(data[f"{name}.init"]), rate=float(data[f"{name}.rate"]),
                roots=data[f"{name}.roots"].astype(np.int32), feature=data[f"{name}.feature"].astype(np.int32),
                threshold=data[f"{name}.threshold"].astype(np.float64), left=data[f"{name}.left"].astype(np.int32),
                right=data[f"{name}.right"].astype(np.int32), value=data[f"{name}.value"].astype(np.float64))
    return SimilarityModel(features, heads)


def arrays_of(features: tuple[str, ...], heads: dict[str, TreeEnsemble]) -> dict[str, np.ndarray]:
    """The npz arrays of a model (the inverse of `read`)."""
    out: dict[str, np.ndarray] = {"features": np.array(features), "heads": np.array(list(heads))}
    for name, h in heads.items():
        out |= {f"{name}.init": np.asarray(h.init, dtype=np.float64),
                f"{name}.rate": np.asarray(h.rate, dtype=np.float64), f"{name}.roots": h.roots,
                f"{name}.feature": h.feature.astype(np.int16), f"{name}.threshold": h.threshold,
                f"{name}.left": h.left, f"{name}.right": h.right, f"{name}.value": h.value}
    return {k: np.asarray(v) for k, v in out.items()}
