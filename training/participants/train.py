"""Trains the participant model from training/participants/data/features.jsonl.gz and writes
src/communique/models/data/participants.npz.

    python -m training.participants.train               [--report] held-out scores of the model and the rules
    python -m training.participants.train --refeaturize  features made again by today's pipeline, then train

The features file is data, committed with the model it trained: every labelled mention of
`labels-pass*.jsonl` with the features the pipeline gave it when the model was made. Each labelled sentence
went through the pipeline (actors stage, then the candidate of its labelled type, as `examples.build` makes
it); a labelled mention is matched by its offsets, and mentions the actors stage no longer finds are left out
(counted). Training from the file does not depend on today's actors stage, so `make models` rebuilds the
shipped file bit for bit; `--refeaturize` is how a change of the actors or events stage reaches the model (it
rewrites the file: measure seeds and dev-pages before committing both).

Bit for bit reproducible: rows sorted by sentence id, the split by a hash of the source document, a
deterministic solver (lbfgs) on one BLAS thread, and the .npz written with fixed zip timestamps. The held-out
split (HELD_OUT_SHARE of the source documents) is never trained on: the shipped model is fitted on the training
split, C chosen by grouped cross-validation there.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from communique.events import cues
from communique.models.participants import CLASSES, MODEL_FILE
from training.events.train import write_npz
from training.participants.examples import DATA, build

HELD_OUT_SHARE = 0.25  # of source documents
FOLDS = 5
C_GRID = (0.1, 0.3, 1.0, 3.0)
MIN_COUNT = 2  # a feature seen in fewer training mentions is left out (it would only learn noise)
FEATURES = DATA / "features.jsonl.gz"


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled mention with its features."""

    sentence: str
    lang: str
    source: str
    label: str
    features: dict[str, float]
    rules: str  # the rules' decision as a class: none, source, target

    @property
    def held_out(self) -> bool:
        return held_out(self.source)


def held_out(source: str) -> bool:
    digest = int(hashlib.sha256(source.encode("utf-8")).hexdigest()[:8], 16)
    return digest % 100 < HELD_OUT_SHARE * 100


def label_files() -> list[Path]:
    """The first-pass labels (the blind second pass only measures agreement)."""
    return sorted(p for p in DATA.glob("labels-pass*.jsonl") if not p.name.startswith("labels-pass2"))


def load_rows(files: Sequence[Path]) -> tuple[list[Row], int]:
    """Rows of every labelled mention the pipeline still finds; and the count of those it does not."""
    records = []
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: not JSON ({e.msg})")
    rows: list[Row] = []
    lost = 0
    for rec in sorted(records, key=lambda r: str(r["id"])):
        ex = build(rec)
        wanted = {(m["start"], m["end"]): m["label"] for m in rec["mentions"]}
        if ex is None:
            lost += len(wanted)
            continue
        feats = cues.mention_features(ex.doc, ex.cand, ex.actors, ex.chosen)
        found = 0
        for m, f in zip(ex.actors, feats, strict=True):
            label = wanted.get((m.start, m.end))
            if label is None:
                continue
            found += 1
            rows.append(Row(ex.id, ex.lang, ex.source, label, f, rules_class(f)))
        lost += len(wanted) - found
    return rows, lost


def write_rows(rows: Sequence[Row], path: Path = FEATURES) -> None:
    """The rows as sorted-key JSON lines, gzip with no name and a zero time stamp (the same rows, the same bytes)."""
    text = "".join(json.dumps({"sentence": r.sentence, "lang": r.lang, "source": r.source, "label": r.label,
                               "rules": r.rules, "features": r.features}, ensure_ascii=False, sort_keys=True) + "\n"
                   for r in rows)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
        f.write(text.encode("utf-8"))


def read_rows(path: Path = FEATURES) -> list[Row]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [Row(d["sentence"], d["lang"], d["source"], d["label"], d["features"], d["rules"])
                for d in map(json.loads, f)]


def rules_class(f: dict[str, float]) -> str:
    """What the hand-written rules decide: a kept participant on the subject side is a source."""
    if not f.get("rules_kept"):
        return "none"
    return "source" if f.get("rules=subject") else "target"


def vocabulary(rows: Sequence[Row]) -> list[str]:
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        for name, value in r.features.items():
            if value:
                counts[name] += 1
    return sorted(name for name, c in counts.items() if c >= MIN_COUNT)


def matrix(rows: Sequence[Row], names: Sequence[str]) -> np.ndarray:
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for name, value in r.features.items():
            j = index.get(name)
            if j is not None:
                x[i, j] = value
    return x


def fit(x: np.ndarray, y: np.ndarray, c: float) -> LogisticRegression:
    model = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    return model.fit(x, y)


def fold_of(sentence_source: str) -> int:
    return int(hashlib.sha256(("fold:" + sentence_source).encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def choose_c(rows: Sequence[Row], names: Sequence[str]) -> float:
    """The C with the best participant F1 over grouped folds (by source document) of the training rows."""
    x, y = matrix(rows, names), np.array([CLASSES.index(r.label) for r in rows])
    folds = np.array([fold_of(r.source) for r in rows])
    best = (-1.0, C_GRID[0])
    for c in C_GRID:
        predicted = np.zeros(len(rows), dtype=int)
        for k in range(FOLDS):
            test = folds == k
            if test.any() and len(set(y[~test])) > 1:
                predicted[test] = fit(x[~test], y[~test], c).predict(x[test])
        score = participant_scores([CLASSES[i] for i in predicted], [r.label for r in rows])["f1"]
        best = max(best, (score, c))
    return best[1]


def participant_scores(predicted: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    """Participant decisions (source or target vs none): precision, recall, F1; and 3-class accuracy."""
    tp = sum(p != "none" and g != "none" for p, g in zip(predicted, gold, strict=True))
    fp = sum(p != "none" and g == "none" for p, g in zip(predicted, gold, strict=True))
    fn = sum(p == "none" and g != "none" for p, g in zip(predicted, gold, strict=True))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    acc = sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(gold) if gold else 0.0
    agree = sum((p != "none") == (g != "none") for p, g in zip(predicted, gold, strict=True))
    binary = agree / len(gold) if gold else 0.0
    return {"p": prec, "r": rec, "f1": f1, "acc3": acc, "acc2": binary, "n": float(len(gold))}


def train(rows: Sequence[Row]) -> tuple[LogisticRegression, list[str], float]:
    names = vocabulary(rows)
    c = choose_c(rows, names)
    x, y = matrix(rows, names), np.array([CLASSES.index(r.label) for r in rows])
    return fit(x, y, c), names, c


def save(model: LogisticRegression, names: Sequence[str], path: Path = MODEL_FILE) -> None:
    weights = np.zeros((len(CLASSES), len(names)))
    bias = np.zeros(len(CLASSES))
    for k, cls in enumerate(model.classes_):
        weights[int(cls)] = model.coef_[k]
        bias[int(cls)] = model.intercept_[k]
    write_npz(path, {"names": np.array(names), "weights": weights.astype(np.float32),
                     "bias": bias.astype(np.float32), "classes": np.array(CLASSES)})


def report(rows: Sequence[Row], model: LogisticRegression, names: Sequence[str]) -> str:
    test = [r for r in rows if r.held_out]
    predicted = [CLASSES[int(i)] for i in model.predict(matrix(test, names))] if test else []
    lines = ["held-out (by source document): participant P/R/F1, 2-class and 3-class accuracy",
             f"{'lang':6} {'n':>5}  {'model P   R   F1   acc2 acc3':32} {'rules P   R   F1   acc2 acc3':32}"]
    by_lang: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(test):
        by_lang[r.lang].append(i)
    for lang in [*sorted(by_lang), "all"]:
        idx = by_lang[lang] if lang != "all" else list(range(len(test)))
        gold = [test[i].label for i in idx]
        m = participant_scores([predicted[i] for i in idx], gold)
        ru = participant_scores([test[i].rules for i in idx], gold)
        lines.append(f"{lang:6} {len(idx):5}  " + " ".join(f"{m[k]:.2f}" for k in ("p", "r", "f1", "acc2", "acc3"))
                     + "       " + " ".join(f"{ru[k]:.2f}" for k in ("p", "r", "f1", "acc2", "acc3")))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="print held-out scores of the model and the rules")
    parser.add_argument("--refeaturize", action="store_true",
                        help=f"run the labelled sentences through today's pipeline again and rewrite {FEATURES.name}")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    with threadpool_limits(1):
        lost = 0
        if args.refeaturize:
            rows, lost = load_rows(label_files())
            write_rows(rows)
        else:
            rows = read_rows()
        train_rows = [r for r in rows if not r.held_out]
        model, names, c = train(train_rows)
        save(model, names, args.out)
    sentences = {r.sentence for r in rows}
    langs = {r.lang for r in rows}
    made = f"{lost} no longer found" if args.refeaturize else f"features from {FEATURES.name}"
    print(f"{len(rows)} labelled mentions ({made}) in {len(sentences)} sentences, {len(langs)} "
          f"languages; trained on {len(train_rows)} (C={c}), {len(names)} features -> {args.out}")
    if args.report:
        print(report(rows, model, names))


if __name__ == "__main__":
    main()
