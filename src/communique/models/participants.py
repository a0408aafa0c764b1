"""The learned participant model: is an actor mention a participant of an event, and on which side?

For one event candidate and each actor mention (person, organization, country) of its sentence, a multinomial
logistic regression over named features (`events.cues.mention_features`: the mention's kind, title, case
marker, position against the trigger, quotes, content clauses, what the hand-written rules decided…) gives
the probabilities of `none`, `source` and `target`. Nothing in it is per language.

Weights are plain arrays in `data/participants.npz` (feature names, one weight row per class, biases), written
by `python -m training.participants.train`; run time needs only numpy. A feature the file does not name
weighs nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from communique.models.events import softmax

MODEL_FILE = Path(__file__).resolve().parent / "data" / "participants.npz"
CLASSES = ("none", "source", "target")


class ParticipantModel:
    """The weights of one trained model (the shipped file unless told otherwise)."""

    def __init__(self, path: Path = MODEL_FILE) -> None:
        with np.load(path, allow_pickle=False) as arrays:
            names = [str(n) for n in arrays["names"]]
            self.weights = arrays["weights"].astype(np.float64)  # (classes, features)
            self.bias = arrays["bias"].astype(np.float64)
            self.classes = tuple(str(c) for c in arrays["classes"])
        self.index = {name: i for i, name in enumerate(names)}

    def matrix(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        x = np.zeros((len(rows), len(self.index)))
        for i, row in enumerate(rows):
            for name, value in row.items():
                j = self.index.get(name)
                if j is not None:
                    x[i, j] = value
        return x

    def probabilities(self, rows: Sequence[Mapping[str, float]]) -> list[dict[str, float]]:
        """Per mention, the probability of each class (none, source, target)."""
        if not rows:
            return []
        p = softmax(self.matrix(rows) @ self.weights.T + self.bias)
        return [{c: float(p[i, k]) for k, c in enumerate(self.classes)} for i in range(len(rows))]


_lock = threading.Lock()
_shipped: ParticipantModel | None = None


def shipped() -> ParticipantModel:
    """The shipped model, loaded once per process."""
    global _shipped
    with _lock:
        if _shipped is None:
            _shipped = ParticipantModel()
        return _shipped


def participant_probabilities(rows: Sequence[Mapping[str, float]]) -> list[dict[str, float]]:
    """The shipped model's class probabilities for each feature row (see `ParticipantModel.probabilities`)."""
    return shipped().probabilities(rows)
