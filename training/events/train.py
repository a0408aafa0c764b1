"""Trains the shipped event model from training/events/data/ and writes it to src/communique/models/data/.

    python -m training.events.train            (or `make models`)

Bit for bit reproducible: sorted inputs, folds and split by text hash, deterministic solvers on one BLAS thread,
and .npz files written with fixed zip timestamps. Embeddings come from the disk cache (`embed_cache`) where
present; the encoder is deterministic, so the cache changes the time taken, never the model.

What is trained (all on the training split only; the held-out split is for `training.events.evaluate`):
- heads on the 384-d "query" embeddings, multinomial logistic regression; L2 strength C picked by 5-fold
  cross-validation (macro-F1 of the embedding-only type head on real sentences); each softmax head then gets a
  temperature fitted on its out-of-fold logits (minimum log-loss), which calibrates its probabilities;
- the type head also reads the sentence's hashed character n-grams (the cheap stage's features) next to the
  embedding, weighted by TYPE_NGRAM_SCALE: the words that name an act ("rejected", "sanctions", "выслать")
  are learned per language from the labelled sentences, where the small encoder blurs them;
- the cheap stage: logistic regression over hashed character n-grams, event vs NONE; its operating point is the
  logit that keeps CHEAP_RECALL of real event sentences out of fold, folded into the bias.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from threadpoolctl import threadpool_limits

from communique.models import encoder, ngrams
from communique.models.events import CHEAP_FILE, HEADS_FILE
from training.events import dataset
from training.events.dataset import ALL_TYPES, MODES, NONE, STATUSES, TYPES, Example

FOLDS = 5
C_GRID = (0.01, 0.02, 0.05, 0.1)
SYNTHETIC_WEIGHT = 0.2  # generated text teaches rare types, but real news should weigh more (CV: 0.1-0.25 best)
MIN_ALSO = 10  # an "also" type needs this many positive examples to get a head
CHEAP_C = 4.0
CHEAP_RECALL = 0.99  # share of real event sentences (out of fold) the cheap stage must pass
ABSENT_BIAS = -30.0  # logit of a class the data never shows: listed, never predicted
# Weight of the L2-normalised n-gram block against the standardised embedding in the type head. Chosen on the
# training split alone (`python -m training.events.choose_ngram_scale`: fit on folds 1-4, score the 4,851 real
# sentences of fold 0), macro-F1 by scale 0 (embedding only) / 10 / 30 / 60: 0.608 / 0.617 / 0.625 / 0.611.
TYPE_NGRAM_SCALE = 30.0
TEMPERATURES = np.exp(np.linspace(np.log(0.2), np.log(5.0), 241))


@dataclass(frozen=True, slots=True)
class Linear:
    """A fitted linear head in run-time form (weights already include the feature standardisation)."""

    classes: tuple[str, ...]
    weights: np.ndarray  # (k, d)
    bias: np.ndarray  # (k,)
    temperature: np.ndarray  # () for softmax heads, (k,) for sigmoid heads
    ngram_weights: np.ndarray | None = None  # (buckets, k): the lexical block of the type head, scale folded in


# ---------------------------------------------------------------- folds and features


def fold_of(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % FOLDS


@dataclass(frozen=True, slots=True)
class Scaler:
    """Standardisation fitted on the training rows; the solvers converge faster on standardised features."""

    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def fit(cls, x: np.ndarray) -> Scaler:
        std = x.std(axis=0)
        return cls(mean=x.mean(axis=0), scale=np.where(std > 1e-8, std, 1.0))

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return (x - self.mean) / self.scale


# ---------------------------------------------------------------- softmax heads


def fit_multinomial(features: np.ndarray | sparse.csr_matrix, y: Sequence[str], classes: Sequence[str], c: float,
                    weight: np.ndarray | None, tol: float = 1e-5) -> tuple[np.ndarray, np.ndarray]:
    """Coefficients (k, d) and intercepts (k,) of a multinomial logistic regression, one row per class of
    `classes`; a class absent from y gets zero weights and ABSENT_BIAS."""
    present = sorted(set(y))
    coef = np.zeros((len(classes), features.shape[1]))
    intercept = np.full(len(classes), ABSENT_BIAS)
    if len(present) == 1:
        intercept[list(classes).index(present[0])] = 0.0
        return coef, intercept
    model = LogisticRegression(C=c, max_iter=3000, tol=tol)
    model.fit(features, np.asarray(y), sample_weight=weight)
    rows, bias = model.coef_, model.intercept_
    if len(present) == 2:  # sklearn keeps one row for two classes: p(second) = sigmoid(row)
        rows = np.vstack([np.zeros_like(rows[0]), rows[0]])
        bias = np.array([0.0, bias[0]])
    for row, name in enumerate(model.classes_):
        i = list(classes).index(str(name))
        coef[i], intercept[i] = rows[row], bias[row]
    return coef, intercept


def fit_logreg(x: np.ndarray, y: Sequence[str], classes: Sequence[str], c: float,
               weight: np.ndarray | None = None) -> Linear:
    """Multinomial logistic regression on raw features x; returns run-time weights over x itself, one row per
    class of `classes` (classes absent from y get zero weights and ABSENT_BIAS)."""
    scaler = Scaler.fit(x)
    coef, intercept = fit_multinomial(scaler(x), y, classes, c, weight)
    w, b = unscale(coef, intercept, scaler)
    return Linear(tuple(classes), w, b, np.array(1.0))


def unscale(coef: np.ndarray, intercept: np.ndarray, scaler: Scaler) -> tuple[np.ndarray, np.ndarray]:
    """Weights over raw features from weights over standardised ones (absent classes keep their bias)."""
    return coef / scaler.scale, intercept - coef @ (scaler.mean / scaler.scale)


def logits(head: Linear, x: np.ndarray) -> np.ndarray:
    return x @ head.weights.T + head.bias


# ---------------------------------------------------------------- the lexical type head


def fit_lexical(x: np.ndarray, m: sparse.csr_matrix, y: Sequence[str], classes: Sequence[str], c: float,
                weight: np.ndarray, scale: float) -> Linear:
    """Multinomial logistic regression on [standardised x, scale * m] (m: n-gram rows of `ngram_matrix`);
    run-time weights over x itself and over m (scale folded in)."""
    scaler = Scaler.fit(x)
    features = sparse.hstack([sparse.csr_matrix(scaler(x)), m * scale], format="csr")
    coef, intercept = fit_multinomial(features, y, classes, c, weight, tol=1e-4)
    d = x.shape[1]
    w, b = unscale(coef[:, :d], intercept, scaler)
    return Linear(tuple(classes), w, b, np.array(1.0), np.ascontiguousarray(coef[:, d:].T * scale))


def lexical_logits(head: Linear, x: np.ndarray, m: sparse.csr_matrix) -> np.ndarray:
    assert head.ngram_weights is not None
    return x @ head.weights.T + head.bias + np.asarray(m @ head.ngram_weights)


def lexical_type_head(x: np.ndarray, m: sparse.csr_matrix, y: list[str], weight: np.ndarray, folds: np.ndarray,
                      c: float) -> tuple[Linear, float]:
    """The calibrated lexical type head and its out-of-fold macro-F1 on all rows. The folds are fitted in two
    processes (each fit is single-threaded and deterministic, so the result does not depend on the split)."""
    from joblib import Parallel, delayed

    def one_fold(k: int) -> tuple[np.ndarray, np.ndarray]:
        train_rows, test_rows = folds != k, folds == k
        head = fit_lexical(x[train_rows], m[train_rows], [y[i] for i in np.flatnonzero(train_rows)], ALL_TYPES, c,
                           weight[train_rows], TYPE_NGRAM_SCALE)
        return test_rows, lexical_logits(head, x[test_rows], m[test_rows])

    z = np.zeros((len(y), len(ALL_TYPES)))
    for test_rows, part in Parallel(n_jobs=2)(delayed(one_fold)(k) for k in range(FOLDS)):
        z[test_rows] = part
    y_index = np.array([ALL_TYPES.index(v) for v in y])
    t = fit_temperature(z, y_index)
    oof_f1 = float(f1_score(y_index, z.argmax(axis=1), average="macro", zero_division=0))
    head = fit_lexical(x, m, y, ALL_TYPES, c, weight, TYPE_NGRAM_SCALE)
    return Linear(head.classes, head.weights, head.bias, np.array(t), head.ngram_weights), oof_f1


def log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def fit_temperature(z: np.ndarray, y_index: np.ndarray) -> float:
    """The temperature that minimises the log-loss of softmax(z / T) (grid search: deterministic)."""
    losses = [-log_softmax(z / t)[np.arange(len(y_index)), y_index].mean() for t in TEMPERATURES]
    return float(TEMPERATURES[int(np.argmin(losses))])


def out_of_fold(x: np.ndarray, y: list[str], folds: np.ndarray, fit: Callable[[np.ndarray, list[str], np.ndarray],
                Linear], weight: np.ndarray) -> np.ndarray:
    """Logits of each row from the model trained on the other folds."""
    z = np.zeros((len(y), 0))
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        head = fit(x[train], [y[i] for i in np.flatnonzero(train)], weight[train])
        part = logits(head, x[test])
        if z.shape[1] == 0:
            z = np.zeros((len(y), part.shape[1]))
        z[test] = part
    return z


def softmax_head(x: np.ndarray, y: list[str], classes: Sequence[str], weight: np.ndarray, folds: np.ndarray,
                 c: float, oof: np.ndarray | None = None) -> tuple[Linear, np.ndarray]:
    """A calibrated softmax head and its out-of-fold logits (before calibration; computed unless given)."""
    def fit(xs: np.ndarray, ys: list[str], ws: np.ndarray) -> Linear:
        return fit_logreg(xs, ys, list(classes), c, ws)

    z = out_of_fold(x, y, folds, fit, weight) if oof is None else oof
    t = fit_temperature(z, np.array([list(classes).index(v) for v in y]))
    head = fit(x, y, weight)
    return Linear(head.classes, head.weights, head.bias, np.array(t)), z


def choose_c(x: np.ndarray, y: list[str], weight: np.ndarray, folds: np.ndarray, real: np.ndarray) -> tuple[float,
             dict[str, float], np.ndarray]:
    """The C of the type head with the best out-of-fold macro-F1 on real sentences, and its out-of-fold logits."""
    scores = {}
    logits_of = {}
    for c in C_GRID:
        def fit(xs: np.ndarray, ys: list[str], ws: np.ndarray, c: float = c) -> Linear:
            return fit_logreg(xs, ys, list(ALL_TYPES), c, ws)

        z = logits_of[c] = out_of_fold(x, y, folds, fit, weight)
        pred = np.array(ALL_TYPES)[z.argmax(axis=1)]
        truth = np.array(y)
        scores[str(c)] = float(f1_score(truth[real], pred[real], average="macro", zero_division=0))
        print(f"  C={c}: out-of-fold macro-F1 {scores[str(c)]:.3f}", file=sys.stderr)
    best = max(C_GRID, key=lambda c: (scores[str(c)], -c))
    return best, scores, logits_of[best]


def sigmoid_heads(x: np.ndarray, targets: dict[str, np.ndarray], c: float, weight: np.ndarray) -> Linear:
    """One independent binary logistic regression per target (multi-label), temperature 1."""
    names = sorted(targets)
    w = np.zeros((len(names), x.shape[1]))
    b = np.zeros(len(names))
    for i, name in enumerate(names):
        pair = fit_logreg(x, ["no" if not v else "yes" for v in targets[name]], ["no", "yes"], c, weight)
        w[i] = pair.weights[1] - pair.weights[0]
        b[i] = pair.bias[1] - pair.bias[0]
    return Linear(tuple(names), w, b, np.ones(len(names)))


# ---------------------------------------------------------------- the cheap stage


def ngram_matrix(texts: Sequence[str]) -> sparse.csr_matrix:
    """Rows: L2-normalised binary bucket vectors of the texts (what `ngrams.score` computes on the fly)."""
    indptr, indices, values = [0], [], []
    for text in texts:
        ids = ngrams.buckets(text)
        indices.append(ids)
        values.append(np.full(len(ids), 1.0 / np.sqrt(max(len(ids), 1))))
        indptr.append(indptr[-1] + len(ids))
    return sparse.csr_matrix((np.concatenate(values), np.concatenate(indices), np.array(indptr)),
                             shape=(len(texts), 1 << ngrams.BITS))


def fit_cheap(m: sparse.csr_matrix, y: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, float]:
    model = LogisticRegression(C=CHEAP_C, max_iter=5000, tol=1e-6, class_weight="balanced")
    model.fit(m, y, sample_weight=weight)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def train_cheap(train: list[Example], weight: np.ndarray, folds: np.ndarray) -> tuple[np.ndarray, float, dict]:
    """Weights (float16) and bias of the cheap stage, with the operating point folded into the bias."""
    m = ngram_matrix([e.text for e in train])
    y = np.array([e.type != NONE for e in train])
    z = np.zeros(len(train))
    for k in range(FOLDS):
        w, b = fit_cheap(m[folds != k], y[folds != k], weight[folds != k])
        z[folds == k] = m[folds == k] @ w.astype(np.float64) + b
    real_events = y & np.array([not e.synthetic for e in train])
    cut = float(np.quantile(z[real_events], 1.0 - CHEAP_RECALL)) if real_events.any() else 0.0
    none = ~y & np.array([not e.synthetic for e in train])
    stats = {"cut_logit": cut, "oof_event_recall": float((z[real_events] >= cut).mean()) if real_events.any() else 0,
             "oof_none_pass_rate": float((z[none] >= cut).mean()) if none.any() else 0}
    w, b = fit_cheap(m, y, weight)
    return w.astype(np.float16), b - cut, stats


# ---------------------------------------------------------------- writing


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """An .npz that np.load reads, byte-identical for identical arrays (fixed member order and timestamps)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue(), compresslevel=9)


def head_arrays(name: str, head: Linear) -> dict[str, np.ndarray]:
    arrays = {f"{name}_classes": np.array(head.classes, dtype="<U16"), f"{name}_W": head.weights.astype(np.float32),
              f"{name}_b": head.bias.astype(np.float32), f"{name}_T": np.asarray(head.temperature, dtype=np.float32)}
    if head.ngram_weights is not None:
        arrays[f"{name}_ngram_W"], arrays[f"{name}_ngram_scale"] = quantized(head.ngram_weights)
    return arrays


def quantized(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 weights and a float32 scale per column (class): w ~ q * scale. A quarter of float32 on disk and in
    memory; the largest error per weight is half a step (max |w| / 254), far below what moves a decision."""
    scale = np.abs(w).max(axis=0) / 127.0
    scale = np.where(scale > 0, scale, 1.0).astype(np.float32)
    return np.round(w / scale).astype(np.int8), scale


# ---------------------------------------------------------------- the whole run


def train(examples: list[Example], embed: Callable[[list[str]], np.ndarray], heads_file: Path = HEADS_FILE,
          cheap_file: Path = CHEAP_FILE, meta: dict | None = None) -> dict:
    """Fits every head on the training split of `examples` and writes the two model files; returns a summary."""
    train_set = [e for e in examples if not e.held_out]
    texts = [e.text for e in train_set]
    x = embed(texts).astype(np.float64)
    folds = np.array([fold_of(t) for t in texts])
    weight = np.array([SYNTHETIC_WEIGHT if e.synthetic else 1.0 for e in train_set])
    real = np.array([not e.synthetic for e in train_set])
    y_type = [e.type for e in train_set]
    with threadpool_limits(limits=1):
        print("type head:", file=sys.stderr)
        c, c_scores, _ = choose_c(x, y_type, weight, folds, real)
        grams = ngram_matrix(texts)
        type_head, lexical_oof_f1 = lexical_type_head(x, grams, y_type, weight, folds, c)
        print(f"  lexical type head (n-gram scale {TYPE_NGRAM_SCALE:g}): out-of-fold macro-F1 {lexical_oof_f1:.3f}",
              file=sys.stderr)
        events = np.array([e.type != NONE for e in train_set])
        consult = np.array([e.type == "CONSULT" and e.mode is not None for e in train_set])
        with_status = np.array([e.status is not None for e in train_set])
        mode_head = sub_head(x, train_set, consult, "mode", MODES, weight, folds, c)
        status_head = sub_head(x, train_set, with_status, "status", STATUSES, weight, folds, c)
        background_head = sigmoid_heads(x[events], {"background": np.array([e.background for e in train_set])[events]},
                                        c, weight[events])
        also_counts = {t: sum(t in e.also for e in train_set) for t in TYPES}
        also_head = sigmoid_heads(x, {t: np.array([t in e.also for e in train_set]) for t, n in also_counts.items()
                                      if n >= MIN_ALSO}, c, weight)
        cheap_w, cheap_b, cheap_stats = train_cheap(train_set, weight, folds)
    summary = {"encoder": encoder.MODEL_ID, "encoder_kind": "query", "train_sentences": len(train_set),
               "train_real": int(real.sum()), "C": c, "C_scores": c_scores, "type_ngram_scale": TYPE_NGRAM_SCALE,
               "type_lexical_oof_macro_f1": lexical_oof_f1,
               "temperatures": {"type": float(type_head.temperature), "mode": float(mode_head.temperature),
                                "status": float(status_head.temperature)},
               "also_types": list(also_head.classes), "cheap": cheap_stats, **(meta or {})}
    arrays = {**head_arrays("type", type_head), **head_arrays("mode", mode_head),
              **head_arrays("status", status_head), **head_arrays("background", background_head),
              **head_arrays("also", also_head), "meta": np.array(json.dumps(summary, sort_keys=True))}
    write_npz(heads_file, arrays)
    write_npz(cheap_file, {"weights": cheap_w, "bias": np.array(cheap_b, dtype=np.float32)})
    return summary


def sub_head(x: np.ndarray, rows: list[Example], mask: np.ndarray, field: str, classes: Sequence[str],
             weight: np.ndarray, folds: np.ndarray, c: float) -> Linear:
    """A calibrated softmax head over the examples of `mask` (e.g. CONSULT mode on CONSULT sentences)."""
    y = [str(getattr(e, field)) for e, keep in zip(rows, mask, strict=True) if keep]
    head, _ = softmax_head(x[mask], y, classes, weight[mask], folds[mask], c)
    return head


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Train the event model (see the module docstring).")
    ap.add_argument("--data", type=Path, default=dataset.DATA)
    ap.add_argument("--no-cache", action="store_true", help="embed every sentence afresh (slow; same result)")
    ap.add_argument("--out", type=Path, help="write the two model files here instead of over the shipped ones")
    args = ap.parse_args(argv)
    heads_file = args.out / HEADS_FILE.name if args.out else HEADS_FILE
    cheap_file = args.out / CHEAP_FILE.name if args.out else CHEAP_FILE
    from training.events.embed_cache import embed

    examples = dataset.load(args.data)
    if not examples:
        sys.exit(f"{args.data}: no labelled sentences found")
    summary = train(examples, lambda texts: embed(texts, "query", use_cache=not args.no_cache), heads_file,
                    cheap_file, meta={"data_sha256": dataset.data_digest(args.data)})
    for path in (heads_file, cheap_file):
        print(f"{path}: {path.stat().st_size:,} bytes, sha256 {hashlib.sha256(path.read_bytes()).hexdigest()}")
    print(json.dumps(summary, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
