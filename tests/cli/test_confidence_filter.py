"""`--min-confidence`: one filter (`Options.keeps`), the same records from `extract` and from the store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from communique.cli import app
from communique.options import Options
from communique.store import ingest_paths, open_store, query_events


def _extract(seeds: Path, *extra: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", *extra, str(seeds)])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_the_confidence_filter_keeps_exactly_the_events_at_or_above_it(shared_dir: Path, tmp_path: Path) -> None:
    seeds = shared_dir / "corpus" / "seeds"
    everything = _extract(seeds)
    confidences = sorted({float(str(r["confidence"])) for r in everything})
    assert len(confidences) >= 3  # the seeds give events of several confidences
    # records round confidence to 3 decimals; the filter sees the unrounded value: a threshold half-way
    # across a gap of 0.002 or more is on the same side of both
    gaps = [(b - a, (a + b) / 2) for a, b in zip(confidences, confidences[1:], strict=False) if b - a >= 0.002]
    threshold = sorted(gaps)[-1][1]
    kept = _extract(seeds, "--min-confidence", str(threshold))
    assert [r["id"] for r in kept] == [r["id"] for r in everything if float(str(r["confidence"])) >= threshold]
    assert 0 < len(kept) < len(everything)
    engine = open_store(str(tmp_path / "filtered.db"))
    ingest_paths(engine, [str(seeds)], Options(min_confidence=threshold), lambda _m: None)
    stored = {s["doc"] + ":" + str(s["evidence"]) for r in query_events(engine) for s in r["sources"]}
    assert len(stored) == len(kept)
    assert Options(min_confidence=0.5).keeps(0.5) and not Options(min_confidence=0.5).keeps(0.499)
