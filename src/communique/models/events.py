"""The learned event model: which PLOVER event a sentence reports, in any language the encoder knows.

Two stages, so that the pipeline stays fast:
- `may_hold_event` (cheap, no transformer): a linear model over hashed character n-grams (`ngrams`) scores
  whether a sentence can hold an event between political actors; only sentences scoring at least
  `CHEAP_THRESHOLD` need `classify_sentences`. Its operating point was set in training to keep ~99% of event
  sentences (see docs/models.md for what it loses on held-out data).
- `classify_sentences`: the sentence's e5 embedding ("query" convention, see `encoder`) through linear heads
  (multinomial logistic regression, temperature-calibrated): PLOVER type or NONE, further types the sentence
  also reports, CONSULT mode, status and background. The type head also reads the sentence's character
  n-grams (the cheap stage's features, learned per language from the labelled sentences): the words that name
  an act are what the small encoder blurs most.

Weights are plain arrays in `data/event-heads.npz` and `data/event-cheap.npz`, written by
`python -m training.events.train`; run time needs only numpy. The heads take no language input: the encoder
maps all languages into one space, so one model serves languages it was never trained on (the n-gram block
then adds little, and the embedding decides). `langs` is accepted
for the interface (and future per-language calibration) and does not change results today.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from communique.models import encoder, ngrams

DATA = Path(__file__).resolve().parent / "data"
HEADS_FILE = DATA / "event-heads.npz"
CHEAP_FILE = DATA / "event-cheap.npz"

# The cheap stage's score is the logistic of its logit minus the trained operating point, so the cut is 0.5
# for every trained model and callers can rely on a constant.
CHEAP_THRESHOLD: float = 0.5

# What the heads read of a sentence: its first 1,000 characters, as the cheap stage does (`ngrams.MAX_CHARS`).
# A longer "sentence" is a page the splitter could not cut (a 10 MB single line), and the encoder windows long
# inputs at linear cost; no training sentence is longer (the longest is 800 characters), so the model is the same.
SENTENCE_CHARS = ngrams.MAX_CHARS


@dataclass(frozen=True, slots=True)
class SentenceLabel:
    type_probs: dict[str, float]  # the 16 PLOVER types and "NONE"; sums to 1 (calibrated)
    also_probs: dict[str, float]  # per type, probability that the sentence ALSO reports it (multi-label)
    mode_probs: dict[str, float]  # meet visit host phone multilateral third-party; meaningful for CONSULT
    status_probs: dict[str, float]  # occurred planned agreed_to denied
    background_prob: float  # an earlier event the text only refers back to

    @property
    def type(self) -> str:
        """The most probable type ("NONE" for no event); ties go to the first in sorted order."""
        return max(sorted(self.type_probs), key=lambda t: self.type_probs[t])


@dataclass(frozen=True, slots=True)
class _Head:
    """A linear head: logits = x @ weights.T + bias, divided by the calibration temperature."""

    classes: tuple[str, ...]
    weights: np.ndarray  # (k, 384) float32
    bias: np.ndarray  # (k,)
    temperature: np.ndarray  # scalar for a softmax head, (k,) for independent sigmoids
    ngram_weights: np.ndarray | None = None  # (buckets, k) int8: the type head's lexical block, or None
    ngram_scale: np.ndarray | None = None  # (k,) float32: the lexical block's weights are ngram_weights * this

    def logits(self, x: np.ndarray, texts: Sequence[str] | None = None) -> np.ndarray:
        z = x.astype(np.float64) @ self.weights.T.astype(np.float64) + self.bias
        if self.ngram_weights is not None:
            if texts is None or len(texts) != len(x):
                raise ValueError("this head also reads the sentences' character n-grams: pass their texts")
            z += np.array([self._ngram_logits(text) for text in texts]).reshape(len(x), -1)
        return z / self.temperature

    def _ngram_logits(self, text: str) -> np.ndarray:
        """The lexical block's logits: the weight rows of the text's n-gram buckets, L2-normalised as trained."""
        assert self.ngram_weights is not None and self.ngram_scale is not None
        ids = ngrams.buckets(text)
        if len(ids) == 0:
            return np.zeros(len(self.classes))
        return self.ngram_weights[ids].sum(axis=0, dtype=np.float64) * self.ngram_scale / np.sqrt(len(ids))


@dataclass(frozen=True, slots=True)
class _Heads:
    type: _Head
    also: _Head
    mode: _Head
    status: _Head
    background: _Head


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # = 1 / (1 + exp(-z)), without overflow for large |z|


def _load_head(arrays: np.lib.npyio.NpzFile, name: str) -> _Head:
    return _Head(
        classes=tuple(str(c) for c in arrays[f"{name}_classes"]),
        weights=arrays[f"{name}_W"],
        bias=arrays[f"{name}_b"].astype(np.float64),
        temperature=arrays[f"{name}_T"].astype(np.float64),
        ngram_weights=arrays.get(f"{name}_ngram_W"),
        ngram_scale=arrays.get(f"{name}_ngram_scale"),
    )


class EventModel:
    """The heads and the cheap stage read from two .npz files (the shipped ones unless told otherwise)."""

    def __init__(self, heads_file: Path = HEADS_FILE, cheap_file: Path = CHEAP_FILE) -> None:
        with np.load(heads_file, allow_pickle=False) as arrays:
            self.heads = _Heads(*(_load_head(arrays, n) for n in ("type", "also", "mode", "status", "background")))
        with np.load(cheap_file, allow_pickle=False) as arrays:
            self.cheap_weights = arrays["weights"].astype(np.float32)
            self.cheap_bias = float(arrays["bias"])

    def classify(self, texts: Sequence[str]) -> list[SentenceLabel]:
        bounded = [text[:SENTENCE_CHARS] for text in texts]
        return self.label_embeddings(encoder.encode(bounded, "query"), bounded) if bounded else []

    def label_embeddings(self, x: np.ndarray, texts: Sequence[str]) -> list[SentenceLabel]:
        """Labels from already computed "query" embeddings (n, 384) of `texts` (whose character n-grams the
        type head also reads): for callers that reuse the vectors."""
        h = self.heads
        types = softmax(h.type.logits(x, [text[:SENTENCE_CHARS] for text in texts]))
        also = sigmoid(h.also.logits(x))
        modes = softmax(h.mode.logits(x))
        status = softmax(h.status.logits(x))
        background = sigmoid(h.background.logits(x))[:, 0]
        return [
            SentenceLabel(
                type_probs=_named(h.type.classes, types[i]),
                also_probs=_named(h.also.classes, also[i]),
                mode_probs=_named(h.mode.classes, modes[i]),
                status_probs=_named(h.status.classes, status[i]),
                background_prob=float(background[i]),
            )
            for i in range(len(x))
        ]

    def cheap_score(self, text: str) -> float:
        return float(sigmoid(np.array(ngrams.score(text, self.cheap_weights, self.cheap_bias))))


def _named(classes: tuple[str, ...], probs: np.ndarray) -> dict[str, float]:
    return {c: float(p) for c, p in zip(classes, probs, strict=True)}


_lock = threading.Lock()
_shipped: EventModel | None = None


def shipped() -> EventModel:
    """The shipped model, loaded once per process (about a millisecond: two small files)."""
    global _shipped
    with _lock:
        if _shipped is None:
            _shipped = EventModel()
        return _shipped


def classify_sentences(texts: Sequence[str], langs: Sequence[str]) -> list[SentenceLabel]:
    """Labels of `texts` (one per text, same order). Batch; loads the encoder and heads once per process;
    deterministic."""
    if len(texts) != len(langs):
        raise ValueError(f"classify_sentences: {len(texts)} texts but {len(langs)} languages")
    return shipped().classify(texts)


def may_hold_event(text: str, lang: str) -> float:
    """The cascade's cheap first stage (no transformer): a fast score in [0, 1] that `text` can hold an event;
    send sentences scoring at least CHEAP_THRESHOLD on to classify_sentences. `lang` does not change the score
    (character n-grams serve every language)."""
    return shipped().cheap_score(text)
