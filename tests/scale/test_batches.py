"""Batching and batch processing (engine-neutral), and the CLI's --engine option."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.document import Document
from communique.options import Options
from communique.pipeline import process
from communique.records import event_record
from communique.scale import batches, extract_batch, process_batch_for_store
from communique.store.ingest import snapshot_of

SEEDS = Path(__file__).resolve().parents[2] / "src" / "communique" / "data" / "examples" / "seeds.jsonl"


def _seed_documents() -> list[Document]:
    docs = []
    for line in SEEDS.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        docs.append(Document(id=rec["id"], raw_text=rec["text"], date=rec.get("date"), lang_hint=rec.get("lang")))
    return docs


def test_batches_keep_order_and_size() -> None:
    assert list(batches(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batches([], 3)) == []
    with pytest.raises(ValueError):
        list(batches([1], 0))


def test_extract_batch_gives_the_records_of_a_local_run() -> None:
    options = Options()
    expected = []
    for doc in _seed_documents():
        process(doc, options)
        expected.append([event_record(doc, ev) for ev in doc.events])
    results = extract_batch(_seed_documents(), options)
    assert [r.doc_id for r in results] == [d.id for d in _seed_documents()]
    assert [r.records for r in results] == expected
    assert sum(len(r.records) for r in results) >= 20


def test_store_batch_isolates_a_failing_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import communique.store.ingest as ingest

    real = ingest.run_pipeline

    def flaky(doc: Document, options: Options) -> object:
        if doc.id == "boom":
            raise RuntimeError("stage crashed")
        return real(doc, options)

    monkeypatch.setattr(ingest, "run_pipeline", flaky)
    good = Document(id="ok", raw_text="Talks were held in Hanoi on 3 March 2025.", lang_hint="en")
    bad = Document(id="boom", raw_text="Anything.", lang_hint="en")
    options = Options()
    out = process_batch_for_store([(snapshot_of(good, options), good), (snapshot_of(bad, options), bad)], options)
    assert [snap.id for snap, _ in out] == ["ok", "boom"]
    assert not isinstance(out[0][1], str) and out[0][1].lang == "en"
    assert isinstance(out[1][1], str) and "RuntimeError: stage crashed" in out[1][1]


def test_cli_rejects_an_unknown_engine() -> None:
    result = CliRunner().invoke(app, ["extract", str(SEEDS), "--engine", "spark", "--format", "jsonl"])
    assert result.exit_code == 2
    assert "--engine 'spark'" in result.output
