"""The Dask engine gives byte-identical records, in the same order, as a local run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from communique.document import Document
from communique.options import Options
from communique.pipeline import process_all
from communique.read import read_inputs
from communique.records import event_record

distributed = pytest.importorskip("distributed")


def _lines(records: list[dict[str, Any]]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


def _local_records(path: Path, options: Options) -> list[dict[str, Any]]:
    out = []
    for doc in process_all(read_inputs([str(path)], options), options):
        if isinstance(doc, Document):
            out += [event_record(doc, ev) for ev in doc.events if ev.confidence >= options.min_confidence]
    return out


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Two worker processes, one thread each (the pipeline is pure Python)."""
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_dask_extraction_matches_local_run(mixed_corpus: Path, scheduler: str) -> None:
    from communique.scale.dask_engine import extract_with_dask

    options = Options()
    local = _lines(_local_records(mixed_corpus, options))
    errors: list[Any] = []
    # A small batch size so that several batches are in flight on both workers and must be re-ordered.
    remote = _lines(list(extract_with_dask([str(mixed_corpus)], options, scheduler=scheduler, batch_size=16,
                                           on_error=errors.append, on_warning=lambda _w: None)))
    assert errors == []
    assert len(local) >= 20  # the seeds alone give 20 events
    assert remote == local
    first_seed_doc = json.loads(local[0])["sources"][0]["doc"]
    assert first_seed_doc == json.loads(remote[0])["sources"][0]["doc"]


def test_dask_reports_input_errors_in_place(tmp_path: Path, scheduler: str) -> None:
    from communique.scale.dask_engine import extract_with_dask

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Talks in Hanoi on 3 March 2025."}\nnot json\n', encoding="utf-8")
    errors: list[Any] = []
    list(extract_with_dask([str(bad), str(tmp_path / "missing.txt")], Options(), scheduler=scheduler,
                           on_error=errors.append, on_warning=lambda _w: None))
    assert len(errors) == 2
    assert "missing.txt" in str(errors[1])


def test_dask_ingest_matches_local_ingest(tmp_path: Path, scheduler: str) -> None:
    from communique.scale.dask_engine import ingest_with_dask
    from communique.store import open_store
    from communique.store.ingest import ingest_paths
    from communique.store.queries import query_events

    seeds = str(Path(__file__).resolve().parents[2] / "src" / "communique" / "data" / "examples" / "seeds.jsonl")
    options = Options()
    local_db, dask_db = tmp_path / "local.db", tmp_path / "dask.db"
    local_engine = open_store(str(local_db))
    ingest_paths(local_engine, [seeds], options, report=lambda _m: None)

    stats = ingest_with_dask([seeds], str(dask_db), options, scheduler=scheduler, batch_size=2,
                             report=lambda _m: None)
    assert (stats.new, stats.failed, stats.input_errors) == (5, 0, 0)
    dask_engine = open_store(str(dask_db))
    assert _lines(query_events(dask_engine)) == _lines(query_events(local_engine))
    assert stats.events == sum(len(r["sources"]) for r in query_events(dask_engine))

    again = ingest_with_dask([seeds], str(dask_db), options, scheduler=scheduler, report=lambda _m: None)
    assert (again.new, again.unchanged) == (0, 5)  # idempotent: nothing is sent to the cluster twice
