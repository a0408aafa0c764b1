"""The benchmark helpers measure what they claim (fast checks; the benchmarks themselves are not tests)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# `benchmarks` is a folder of the repository, not an installed package: pyproject's pytest `pythonpath` finds it
from benchmarks.common import markdown_table, percentile
from benchmarks.merge import MemoryMerger, synthetic_reports
from benchmarks.runner import run_command


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 95) == 95.0
    assert percentile([3.0], 95) == 3.0
    with pytest.raises(ValueError):
        percentile([], 50)


def test_run_command_times_first_line_and_counts_lines() -> None:
    code = "import time; print('a', flush=True); time.sleep(0.3); print('b')"
    run = run_command([sys.executable, "-c", code])
    assert run.returncode == 0
    assert run.lines == 2
    assert run.first_output is not None and run.first_output < run.wall
    assert run.wall >= 0.3
    assert run.max_rss_mb > 1
    assert run.cpu > 0


def test_markdown_table() -> None:
    assert markdown_table(["a", "b"], [[1, "x"]]) == ["| a | b |", "|---|---|", "| 1 | x |"]


def test_memory_merger_refinds_the_reports_of_one_event() -> None:
    reports = synthetic_reports(400, "span", seed=4)
    merger = MemoryMerger()
    for record, doc_id, doc_date in reports:
        merger.add(record, doc_id, doc_date)
    true_events = {r["id"].rsplit("_", 1)[0] for r, _, _ in reports}
    # Reports of one synthetic event share type, date and participants: most are merged back together.
    # A few sources date theirs only to the year, which also fits another meeting of the same two
    # parties that year: those may join it (hence the lower bound below the number of true events).
    assert 0.9 * len(true_events) <= len(merger.clusters) <= 1.2 * len(true_events)
    assert len(merger.clusters) < len(reports)


def test_store_benchmark_queries_run_on_sqlite(tmp_path: Path) -> None:
    from benchmarks.generate import generate_store
    from benchmarks.store import full_queries, http_queries, parameters, view_queries

    from communique.store import open_store
    from communique.store.queries import EventFilter, count_events, timeline

    engine = open_store(str(tmp_path / "bench.db"))
    generate_store(engine, 300, seed=9)
    params = parameters(engine)
    top = params[0]
    pair = EventFilter(pair=(top["cc1"], top["cc2"]))
    assert count_events(engine, pair) > 1  # the most popular pair
    assert sum(row["events"] for row in timeline(engine, pair)) == count_events(engine, pair)
    for family in (view_queries(), http_queries(engine), full_queries()):
        for name, query in family.items():
            assert query(engine, top) > 0, name
