"""Choose the story-clustering threshold on the SemEval-2022 training pairs, by nested grouped cross-validation.

    python -m training.stories.threshold [--articles-cache FILE]

A pair is the same story when its gold Overall is <= GOLD_SAME (1.5: "very similar" by most annotators).
The store puts two documents in one story when the similarity model's Overall score is <= a threshold.
The threshold is chosen to maximise F0.5 (precision weighs more: one wrong join chains two stories).

Nested, so the reported precision and recall are on pairs that neither the model nor the threshold saw:
the outer grouped 5 folds of training/similarity/train.py (an article never in two folds); inside each
outer training part, inner grouped folds give out-of-fold scores on which the threshold is chosen; the
model is then trained on the whole outer training part and the chosen threshold is applied to the outer
test fold. The shipped threshold is chosen the same way on the out-of-fold scores of all 697 pairs.
Writes training/stories/results.json.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import GroupKFold

from training.similarity.data import PAIRS, Pair, load_pairs
from training.similarity.train import FOLDS, TREES, article_groups, feature_matrix, read_articles

RESULTS = Path(__file__).resolve().parent / "results.json"
GOLD_SAME = 1.5
BETA = 0.5
GRID = np.round(np.arange(1.0, 3.001, 0.05), 2)


def oof_scores(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Out-of-fold Overall scores by grouped folds (the shipped learner)."""
    pred = np.zeros(len(x))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, groups=groups):
        pred[test] = GradientBoostingRegressor(**TREES).fit(x[train], y[train]).predict(x[test])
    return np.clip(pred, 1.0, 4.0)


def counts(score: np.ndarray, same: np.ndarray, threshold: float) -> tuple[int, int, int]:
    joined = score <= threshold
    return int((joined & same).sum()), int((joined & ~same).sum()), int((~joined & same).sum())


def f_beta(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    b2 = BETA * BETA
    return (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0


def best_threshold(score: np.ndarray, same: np.ndarray) -> float:
    """The grid value with the best F-beta (the lowest on ties: fewer joins)."""
    values = [f_beta(*counts(score, same, float(t))) for t in GRID]
    return float(GRID[int(np.argmax(values))])


def nested(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> tuple[list[float], np.ndarray]:
    """Per outer fold the threshold chosen inside it, and outer-test scores of the whole set."""
    chosen: list[float] = []
    joined = np.zeros(len(x), dtype=bool)
    for train, test in GroupKFold(n_splits=FOLDS).split(x, groups=groups):
        inner = oof_scores(x[train], y[train], groups[train])
        threshold = best_threshold(inner, y[train] <= GOLD_SAME)
        chosen.append(threshold)
        model = GradientBoostingRegressor(**TREES).fit(x[train], y[train])
        joined[test] = np.clip(model.predict(x[test]), 1.0, 4.0) <= threshold
    return chosen, joined


def scores_of(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(tp / (tp + fp), 4) if tp + fp else float("nan"),
            "recall": round(tp / (tp + fn), 4) if tp + fn else float("nan")}


def by_language(pairs: list[Pair], joined: np.ndarray, same: np.ndarray) -> dict[str, dict[str, float | int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pairs):
        index["-".join(sorted((p.lang1, p.lang2)))].append(i)
    out = {}
    for lp, ix in sorted(index.items()):
        j, s = joined[ix], same[ix]
        out[lp] = {"n": len(ix), "same": int(s.sum()),
                   **scores_of(int((j & s).sum()), int((j & ~s).sum()), int((~j & s).sum()))}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--articles-cache", type=Path, default=None)
    args = parser.parse_args()
    pairs = load_pairs(args.pairs)
    x = feature_matrix(pairs, read_articles(pairs, args.articles_cache))
    y = np.array([p.gold["Overall"] for p in pairs])
    groups = article_groups(pairs)
    same = y <= GOLD_SAME
    chosen, joined = nested(x, y, groups)
    oof = oof_scores(x, y, groups)
    shipped = best_threshold(oof, same)
    result = {
        "pairs": len(pairs), "same_story_pairs": int(same.sum()), "gold_same": GOLD_SAME, "beta": BETA,
        "grid": [float(GRID[0]), float(GRID[-1]), 0.05], "folds": FOLDS,
        "thresholds_per_outer_fold": chosen, "shipped_threshold": shipped,
        "heldout": scores_of(int((joined & same).sum()), int((joined & ~same).sum()), int((~joined & same).sum())),
        "heldout_by_language_pair": by_language(pairs, joined, same),
        "heldout_false_joins_by_gold": {f"<= {hi}": int((joined & ~same & (y > lo) & (y <= hi)).sum())
                                        for lo, hi in ((1.5, 2.0), (2.0, 2.5), (2.5, 3.0), (3.0, 4.0))},
        "oof_curve": {str(t): scores_of(*counts(oof, same, float(t))) for t in GRID[::2]},
    }
    RESULTS.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("thresholds_per_outer_fold", "shipped_threshold", "heldout")}))


if __name__ == "__main__":
    main()
