"""The similarity trainer's article cache is keyed on the pipeline's code and data: a change to any stage (not to the
shipped models) makes it read the articles again (`training.similarity.train.pipeline_digest`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from training.similarity import train


def test_the_digest_follows_the_stages_not_the_shipped_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "communique"
    (package / "similarity").mkdir(parents=True)
    (package / "models" / "data").mkdir(parents=True)
    (package / "similarity" / "article.py").write_text("CUT = 3\n")
    (package / "lang.yaml").write_text("dates: {}\n")
    (package / "models" / "data" / "similarity.npz").write_bytes(b"model-1")
    monkeypatch.setattr(train.article_module, "__file__", str(package / "similarity" / "article.py"))
    first = train.pipeline_digest()
    (package / "models" / "data" / "similarity.npz").write_bytes(b"model-2")
    assert train.pipeline_digest() == first
    (package / "lang.yaml").write_text("dates: {months: {}}\n")
    assert train.pipeline_digest() != first
