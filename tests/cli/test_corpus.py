"""End to end on every document of ../shared/corpus: no input errors, and every span is honest."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from communique.clean import clean_text
from communique.cli import app
from communique.document import Document
from communique.errors import InputError
from communique.options import Options
from communique.pipeline import process_all
from communique.read import read_inputs
from communique.records import event_record, mention_record, timex_record

Check = Callable[[dict[str, Any], str], None]


def test_every_record_of_every_corpus_document_has_honest_spans(shared_dir: Path, evidence_ok: Check) -> None:
    corpus = shared_dir / "corpus"
    paths = [corpus / "seeds", corpus / "news-sample.jsonl", corpus / "factrueval-dev.jsonl"]
    documents = records = 0
    for item in process_all(read_inputs([str(p) for p in paths]), Options()):
        assert not isinstance(item, InputError), str(item)
        assert isinstance(item, Document)
        documents += 1
        assert len(item.offset_map) == len(item.text) and item.text.strip()
        for rec in ([event_record(item, e) for e in item.events] + [mention_record(item, m) for m in item.mentions]
                    + [timex_record(item, t) for t in item.timexes]):
            evidence_ok(rec, item.text)
            records += 1
    assert documents == 5 + 2891 + 122


def test_extract_runs_over_the_news_sample(shared_dir: Path, evidence_ok: Check) -> None:
    path = shared_dir / "corpus" / "news-sample.jsonl"
    texts: dict[str, str] = {}  # the cleaned text of each document, which offsets refer to
    for item in read_inputs([str(path)]):
        assert isinstance(item, Document)
        clean_text(item, Options())
        texts[item.id] = item.text
    assert len(texts) == 2891
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr[-2000:]
    assert result.stderr == ""
    for line in result.stdout.splitlines():
        rec = json.loads(line)
        evidence_ok(rec, texts[rec["sources"][0]["doc"]])
