"""The training pipeline of the similarity model on a tiny made-up set: grouped folds, exported trees, npz."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingRegressor
from training.events.train import write_npz
from training.similarity import train
from training.similarity.data import Pair

from communique.models import similarity as trained


def _pair(a: str, b: str) -> Pair:
    return Pair(f"{a}_{b}", a, b, "en", "en", "x", "y", {"Overall": 1.0})


def test_pairs_that_share_an_article_share_a_group() -> None:
    pairs = [_pair("1", "2"), _pair("3", "4"), _pair("2", "5"), _pair("6", "7")]
    groups = train.article_groups(pairs)
    assert groups[0] == groups[2]
    assert len({groups[0], groups[1], groups[3]}) == 3


def test_exported_trees_predict_exactly_what_scikit_learn_predicts(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    x = rng.random((60, len(train.FEATURES)))
    y = {"Overall": 1 + 3 * x[:, 0], "Geography": 4 - 3 * x[:, 1]}
    heads = train.fit_shipped(x, y)
    path = tmp_path / "similarity.npz"
    write_npz(path, trained.arrays_of(train.FEATURES, heads))
    model = trained.read(path)
    assert model.features == train.FEATURES
    reference = GradientBoostingRegressor(**train.TREES).fit(x, y["Overall"]).predict(x)
    # the same trees; only the order of summing the trees differs from scikit-learn's (last-bit rounding)
    np.testing.assert_allclose(model.heads["Overall"].predict(x), reference, rtol=1e-12)
    again = tmp_path / "again.npz"
    write_npz(again, trained.arrays_of(train.FEATURES, train.fit_shipped(x, y)))
    assert again.read_bytes() == path.read_bytes()  # bit for bit


def test_cross_validation_learns_a_signal_out_of_fold() -> None:
    rng = np.random.default_rng(3)
    x = rng.random((80, 3))
    target = 1 + 3 * x[:, 0]
    pairs = [_pair(str(2 * i), str(2 * i + 1)) for i in range(80)]
    oof = train.cross_validate(x, {"Overall": target}, train.article_groups(pairs))
    assert train.pearson(oof["ridge"]["Overall"], target) > 0.95
    assert train.pearson(oof["trees"]["Overall"], target) > 0.9


def test_the_card_rewrites_its_section_and_keeps_the_sections_after_it(tmp_path: Path) -> None:
    from training.similarity import card

    doc = tmp_path / "models.md"
    doc.write_text(f"# Models\n\nintro\n\n{card.BEGIN}\nold numbers\n{card.END}\n\n## The participant model\nkept\n",
                   encoding="utf-8")
    card.write(doc)
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Models\n\nintro\n\n" + card.BEGIN)
    assert "old numbers" not in text
    assert "| Overall |" in text
    assert text.endswith(f"{card.END}\n\n## The participant model\nkept\n")
    card.write(doc)
    assert doc.read_text(encoding="utf-8") == text  # idempotent
