"""The time stage on the TIMEX3 dev sets, scored by the repo's scorer: floors a change must not break
(the measured values are in benchmarks/timex/results.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.time.scoring import load_jsonl, score_records

TIMEX = Path(__file__).resolve().parents[2] / "data-sources" / "timex"

FLOORS = {  # combined F1 (span overlap and exact value), a little under the measured value
    "tempeval3-platinum.jsonl": 0.80,
    "zh.jsonl": 0.77,
    "id.jsonl": 0.77,
    "ru.jsonl": 0.72,
    "fr.jsonl": 0.70,
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_combined_f1_floor(name: str) -> None:
    path = TIMEX / name
    if not path.exists():
        pytest.skip(f"{name} not in this checkout")
    scores = score_records(load_jsonl(path))
    assert scores.gold > 100
    assert scores.combined_f1 >= FLOORS[name], scores.row()
