"""The time stage on the TIMEX3 dev sets, scored by the repo's scorer: floors a change must not break
(the measured values are in benchmarks/timex/results.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.time.scoring import load_jsonl, score_records

TIMEX = Path(__file__).resolve().parents[2] / "data-sources" / "timex"

FLOORS = {  # combined F1 (span overlap and exact value), 0.02 under the value measured on 2026-12-07
    "tempeval3-platinum.jsonl": 0.83, "tempeval3-tbaq.jsonl": 0.70, "meantime-en.jsonl": 0.75,
    "wikiwarsua.jsonl": 0.74,
    "ar.jsonl": 0.79, "de.jsonl": 0.82, "es.jsonl": 0.74, "fa.jsonl": 0.74, "fr.jsonl": 0.85, "hi.jsonl": 0.84,
    "id.jsonl": 0.86, "ja.jsonl": 0.77, "ko.jsonl": 0.69, "ru.jsonl": 0.85, "tr.jsonl": 0.82, "uk.jsonl": 0.86,
    "vi.jsonl": 0.81, "zh.jsonl": 0.85,
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_combined_f1_floor(name: str) -> None:
    path = TIMEX / name
    if not path.exists():
        pytest.skip(f"{name} not in this checkout")
    scores = score_records(load_jsonl(path))
    assert scores.gold > 100
    assert scores.combined_f1 >= FLOORS[name], scores.row()
