"""Train the article-similarity model on the SemEval-2022 Task 8 training pairs; measure it by grouped 5-fold CV.

    python -m training.similarity.train [--no-write] [--articles-cache FILE]

Reproducible bit for bit: the pipeline and the encoder are deterministic, folds are fixed (GroupKFold over
articles, so an article never sits in a training and a test fold at once) and the trees' random state is
fixed. Embeddings come from the disk cache of `training.events.embed_cache` (same vectors with or without it).
Writes src/communique/models/data/similarity.npz and training/similarity/results.json (the card's numbers).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import Ridge
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from communique.models import similarity as model_io
from communique.similarity import article as article_module
from communique.similarity.article import Article, read_article
from communique.similarity.features import FEATURES, pair_features
from training.events import embed_cache
from training.events.train import write_npz
from training.similarity.data import PAIRS, TARGETS, Pair, articles, load_pairs

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "training" / "similarity" / "results.json"
FOLDS = 5
SEED = 20220
TREES = dict(n_estimators=400, learning_rate=0.02, max_depth=2, min_samples_leaf=20, subsample=0.8,
             random_state=SEED)


def pipeline_digest() -> str:
    """A digest of the code and language data the article reading runs through (every file of the package but the
    shipped models): a change to any stage invalidates a cache of its signals."""
    package = Path(article_module.__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package).as_posix()
        if path.is_file() and not relative.startswith("models/") and "__pycache__" not in relative:
            digest.update(relative.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def read_articles(pairs: list[Pair], cache: Path | None) -> dict[str, Article]:
    """Every article through the actor and time stages (optionally cached in `cache`, keyed by the texts and by
    the pipeline's code and data: a cache of older signals is never read)."""
    texts = articles(pairs)
    key = hashlib.sha256(json.dumps([sorted(texts.items()), pipeline_digest()]).encode()).hexdigest()
    if cache is not None and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if stored.get("key") == key:
            return dict(stored["articles"])
    out = {doc_id: read_article(doc_id, text, lang) for doc_id, (lang, text) in sorted(texts.items())}
    if cache is not None:
        cache.write_bytes(pickle.dumps({"key": key, "articles": out}))
    return out


def feature_matrix(pairs: list[Pair], arts: dict[str, Article]) -> np.ndarray:
    pieces = sorted({p for a in arts.values() for p in a.pieces})
    vectors = embed_cache.embed(pieces, "query")
    index = {text: i for i, text in enumerate(pieces)}

    def vecs(a: Article) -> np.ndarray:
        return vectors[[index[p] for p in a.pieces]]

    return np.array([pair_features(arts[p.id1], vecs(arts[p.id1]), arts[p.id2], vecs(arts[p.id2])) for p in pairs])


def article_groups(pairs: list[Pair]) -> np.ndarray:
    """A group per connected component of articles (pairs that share an article share a group)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for p in pairs:
        parent[find(p.id1)] = find(p.id2)
    roots = sorted({find(p.id1) for p in pairs})
    return np.array([roots.index(find(p.id1)) for p in pairs])


def learners() -> dict[str, object]:
    return {"trees": GradientBoostingRegressor(**TREES),
            "ridge": make_pipeline(StandardScaler(), Ridge(alpha=10.0))}


def cross_validate(x: np.ndarray, y: dict[str, np.ndarray], groups: np.ndarray) -> dict[str, dict[str, np.ndarray]]:
    """Out-of-fold predictions per learner and head."""
    out: dict[str, dict[str, np.ndarray]] = defaultdict(dict)
    folds = list(GroupKFold(n_splits=FOLDS).split(x, groups=groups))
    for name in learners():
        for head, target in y.items():
            pred = np.zeros(len(x))
            for train, test in folds:
                learner = learners()[name]
                learner.fit(x[train], target[train])  # type: ignore[attr-defined]
                pred[test] = learner.predict(x[test])  # type: ignore[attr-defined]
            out[name][head] = np.clip(pred, 1.0, 4.0)
    return out


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1]) if len(a) > 2 and a.std() > 0 and b.std() > 0 else float("nan")


def report(pairs: list[Pair], y: dict[str, np.ndarray], oof: dict[str, dict[str, np.ndarray]]) -> dict:
    by_lang: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pairs):
        by_lang["-".join(sorted((p.lang1, p.lang2)))].append(i)
    result: dict = {"pairs": len(pairs), "folds": FOLDS, "learners": {}}
    for name, heads in oof.items():
        result["learners"][name] = {
            "pearson": {h: round(pearson(heads[h], y[h]), 4) for h in heads},
            "by_language_pair": {lp: {"n": len(ix), "pearson": round(pearson(heads["Overall"][ix],
                                                                             y["Overall"][ix]), 4)}
                                 for lp, ix in sorted(by_lang.items())},
        }
    return result


def fit_shipped(x: np.ndarray, y: dict[str, np.ndarray]) -> dict[str, model_io.TreeEnsemble]:
    heads = {}
    for head, target in y.items():
        gbr = GradientBoostingRegressor(**TREES).fit(x, target)
        heads[head] = export_trees(gbr)
        check = model_io.TreeEnsemble.predict(heads[head], x)
        assert np.allclose(check, gbr.predict(x), atol=1e-9), head  # numpy run time = scikit-learn
    return heads


def export_trees(gbr: GradientBoostingRegressor) -> model_io.TreeEnsemble:
    roots, feature, threshold, left, right, value = [], [], [], [], [], []
    offset = 0
    for estimator in gbr.estimators_[:, 0]:
        t = estimator.tree_
        roots.append(offset)
        feature.append(np.where(t.children_left < 0, -1, t.feature))
        threshold.append(t.threshold)
        left.append(np.where(t.children_left < 0, -1, t.children_left + offset))
        right.append(np.where(t.children_right < 0, -1, t.children_right + offset))
        value.append(t.value[:, 0, 0])
        offset += t.node_count
    init = float(np.asarray(gbr.init_.constant_).ravel()[0])
    return model_io.TreeEnsemble(init, float(gbr.learning_rate), np.array(roots, dtype=np.int32),
                                 np.concatenate(feature).astype(np.int32), np.concatenate(threshold),
                                 np.concatenate(left).astype(np.int32), np.concatenate(right).astype(np.int32),
                                 np.concatenate(value))


def main() -> None:
    parser = argparse.ArgumentParser(description="Train the article-similarity model; grouped 5-fold CV.")
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--no-write", action="store_true", help="measure only; leave the shipped model alone")
    parser.add_argument("--articles-cache", type=Path, default=None, help="pickle of the pipeline's articles")
    parser.add_argument("--out", type=Path, default=model_io.MODEL_FILE)
    args = parser.parse_args()
    pairs = load_pairs(args.pairs)
    arts = read_articles(pairs, args.articles_cache)
    x = feature_matrix(pairs, arts)
    y = {t: np.array([p.gold[t] for p in pairs]) for t in TARGETS}
    result = report(pairs, y, cross_validate(x, y, article_groups(pairs)))
    print(json.dumps(result["learners"], indent=1))
    if args.no_write:
        return
    heads = fit_shipped(x, y)
    write_npz(args.out, model_io.arrays_of(FEATURES, heads))
    result["features"] = list(FEATURES)
    result["trees"] = {k: v for k, v in TREES.items()}
    result["model_bytes"] = args.out.stat().st_size
    result["model_sha256"] = hashlib.sha256(args.out.read_bytes()).hexdigest()
    RESULTS.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({result['model_bytes']:,} bytes)")


if __name__ == "__main__":
    main()
