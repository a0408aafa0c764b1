"""Fixtures for the scale tests: a small mixed corpus (the seeds + the first news-sample documents)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "src" / "communique" / "data" / "examples" / "seeds.jsonl"
NEWS_DOCS = 200


@pytest.fixture(scope="session")
def mixed_corpus(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """seeds.jsonl followed by the first 200 news-sample documents, as one JSONL file."""
    news = (shared_dir / "corpus" / "news-sample.jsonl").read_text(encoding="utf-8").splitlines()[:NEWS_DOCS]
    path = tmp_path_factory.mktemp("scale") / "mixed.jsonl"
    path.write_text(SEEDS.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(news) + "\n", encoding="utf-8")
    return path
