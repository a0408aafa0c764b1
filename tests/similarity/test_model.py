"""The shipped similarity model: it loads, expects the features the code computes, and ranks real pairs right."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from communique.models import similarity as trained
from communique.similarity import compare, read_article
from communique.similarity.features import FEATURES

PAIRS = Path(__file__).resolve().parents[1] / "data" / "similarity" / "pairs.jsonl"


def _pair(pair_id: str) -> dict:
    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    return next(r for r in rows if r["pair_id"] == pair_id)


def test_the_shipped_model_loads_with_the_features_of_the_code() -> None:
    model = trained.load()
    assert model.features == FEATURES
    assert sorted(model.heads) == ["Entities", "Geography", "Narrative", "Overall", "Time"]
    assert trained.MODEL_FILE.stat().st_size < 1_000_000


@pytest.fixture(scope="module")
def scored() -> dict[str, float]:
    out = {}
    for pair_id in ("1591747382_1593268446", "1617840134_1613073176"):
        row = _pair(pair_id)
        a = read_article("a", row["text1"], row["lang1"])
        b = read_article("b", row["text2"], row["lang2"])
        out[pair_id] = compare(a, b).score
    return out


def test_a_same_story_pair_across_languages_scores_nearer_1_than_an_unrelated_one(scored: dict[str, float]) -> None:
    same, unrelated = scored["1591747382_1593268446"], scored["1617840134_1613073176"]  # gold 1 and 4 (de-en)
    assert same < 2.5 < unrelated
    assert same >= 1.0 and unrelated <= 4.0


def test_numpy_trees_give_what_they_were_built_to() -> None:
    # two stumps by hand: x0 <= 0.5 -> -1 else +1; x1 <= 2 -> 0.5 else 1.5
    trees = trained.TreeEnsemble(
        init=2.0, rate=0.1, roots=np.array([0, 3], dtype=np.int32),
        feature=np.array([0, -1, -1, 1, -1, -1], dtype=np.int32),
        threshold=np.array([0.5, 0, 0, 2.0, 0, 0]), left=np.array([1, -1, -1, 4, -1, -1], dtype=np.int32),
        right=np.array([2, -1, -1, 5, -1, -1], dtype=np.int32), value=np.array([0, -1, 1, 0, 0.5, 1.5]))
    got = trees.predict(np.array([[0.0, 1.0], [1.0, 3.0], [0.5, 2.0]]))
    assert got.tolist() == pytest.approx([2.0 + 0.1 * (-1 + 0.5), 2.0 + 0.1 * (1 + 1.5), 2.0 + 0.1 * (-1 + 0.5)])
