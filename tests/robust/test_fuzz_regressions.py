"""What fuzzing found, kept as regression tests; and a smoke run of the fuzz targets so they do not rot."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from robust_helpers import BAD_DIR, ROOT

from communique.document import Document
from communique.options import Options
from communique.pipeline import process
from communique.time import tag_time


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "9999-01-01"])
def test_a_document_date_at_the_edge_of_the_calendar_is_ignored_not_a_crash(date: str) -> None:
    """fuzz_time: anchor 9999-12-31 + '24 февраля' overflowed datetime (OverflowError in normalize)."""
    doc = Document(id="edge", raw_text="24 февраля, next week", text="24 февраля, next week", lang="ru", date=date)
    tag_time(doc, Options())
    assert doc.warnings == [f"time: unreadable document date {date!r}; ignored"]
    assert doc.date is None
    assert [t.text for t in doc.timexes][:1] == ["24 февраля"]


def test_an_edge_date_through_the_whole_pipeline_and_the_option() -> None:
    doc = process(Document(id="edge", raw_text="Am 24. Februar 9999 trafen sich die Minister in Berlin.",
                           date="9999-12-31"), Options(doc_date="9999-12-31"))
    assert doc.date is None
    assert "time: unreadable document date '9999-12-31'; ignored" in doc.warnings


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"fuzz_{name}", ROOT / "fuzz" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("target", ["fuzz_readers", "fuzz_time"])
def test_fuzz_targets_run_on_the_bad_corpus(target: str) -> None:
    pytest.importorskip("atheris")
    fuzz = _load(target)
    inputs = [p.read_bytes() for p in sorted(BAD_DIR.iterdir()) if p.suffix in (".txt", ".html", ".jsonl")]
    inputs += [b"", b"\x00", b"\xff" * 64, bytes(range(256))]
    for data in inputs:
        for shift in range(4):  # the first bytes choose the target: try each
            fuzz.test_one_input(bytes([shift]) * 8 + data)


def test_mixed_encodings_in_one_file_are_read_line_by_line(tmp_path: Path) -> None:
    from communique.read import decode_bytes

    data = "Grüße aus Köln.\n".encode() + "Привет из Москвы.\n".encode("cp1251") + b"ASCII line.\n"
    decoded = decode_bytes(data)
    assert decoded.text == "Grüße aus Köln.\nПривет из Москвы.\nASCII line.\n"
    assert decoded.warnings == ["mixed encodings: 1 line(s) read as cp1251, the rest as UTF-8"]
