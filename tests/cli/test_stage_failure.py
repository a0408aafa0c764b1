"""A bug in a stage ends neither the run nor the batch: the document is reported in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique import pipeline
from communique.document import Document
from communique.errors import InputError
from communique.options import Options
from communique.pipeline import process_all


def test_a_failing_stage_reports_the_document_and_goes_on(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = pipeline.stages

    def broken_on_second(until: str = "events") -> list:
        def explode(doc: Document, options: Options) -> None:
            if doc.id == "2":
                raise ValueError("boom")

        return [*real(until), explode]

    monkeypatch.setattr(pipeline, "stages", broken_on_second)
    text = "The ministers met in Hanoi on 3 March."
    docs = [Document(id=str(i), raw_text=text, source="in.jsonl") for i in (1, 2, 3)]
    out = list(process_all(docs, Options()))
    assert [type(x).__name__ for x in out] == ["Document", "InputError", "Document"]
    error = out[1]
    assert isinstance(error, InputError)
    assert str(error) == "in.jsonl (document 2): could not be processed: ValueError: boom"
    assert json.dumps([d.id for d in out if isinstance(d, Document)]) == '["1", "3"]'
