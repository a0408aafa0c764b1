"""End to end on the five seed articles, scored by the project's own scorer against the gold events."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from communique.options import Options
from communique.pipeline import process_all
from communique.read import read_inputs
from communique.records import event_record

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "gold" / "seeds.jsonl"


def _seed_documents(tmp: Path, with_dates: bool) -> Path:
    lines = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        text = (SHARED / "corpus" / "seeds" / gold["doc"]).read_text(encoding="utf-8")
        doc: dict[str, Any] = {"id": gold["doc"], "text": text}
        if with_dates:
            doc["date"] = gold["doc_date"]
        lines.append(json.dumps(doc, ensure_ascii=False))
    path = tmp / ("seeds-dated.jsonl" if with_dates else "seeds-undated.jsonl")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@cache
def _predictions(tmp: str, with_dates: bool) -> list[dict[str, Any]]:
    path = _seed_documents(Path(tmp), with_dates)
    records = []
    for doc in process_all(read_inputs([str(path)], Options()), Options()):
        assert not isinstance(doc, Exception), doc
        records += [event_record(doc, ev) for ev in doc.events]
    return records


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory, scorer: ModuleType) -> dict[str, Any]:
    preds = _predictions(str(tmp_path_factory.mktemp("seeds")), True)
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    return dict(scorer.score(gold, preds))


def test_event_f1_on_seeds(scored: dict[str, Any]) -> None:
    assert scored["events"]["f1"] >= 0.9, "\n".join(scored["report"])


def test_dates_on_seeds(scored: dict[str, Any]) -> None:
    assert scored["fields"]["date"] >= 0.9, "\n".join(scored["report"])


def test_location_country_on_seeds(scored: dict[str, Any]) -> None:
    assert scored["fields"]["country"] >= 0.9, "\n".join(scored["report"])


def test_topics_on_seeds(scored: dict[str, Any]) -> None:
    assert scored["topics_f1"] >= 0.7


def test_seed_ids_are_stable(tmp_path_factory: pytest.TempPathFactory) -> None:
    first = _predictions(str(tmp_path_factory.mktemp("a")), True)
    second = _predictions(str(tmp_path_factory.mktemp("b")), True)
    assert [r["id"] for r in first] == [r["id"] for r in second]
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)
