"""Fixtures shared by every test folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """/work/shared: corpora, gold annotations, the scorer (../shared beside the repo)."""
    return SHARED.resolve()


def assert_evidence_ok(record: dict[str, Any], doc_text: str) -> None:
    """Every evidence span of an event record, and a mention/timex record's own span, is honest:
    `text == doc_text[start:end]` (offsets into the cleaned text that `show --text` prints)."""
    if "sources" in record:
        for source in record["sources"]:
            for ev in source["evidence"]:
                assert 0 <= ev["start"] <= ev["end"] <= len(doc_text), ev
                assert ev["text"] == doc_text[ev["start"] : ev["end"]], (source["doc"], ev)
    if "start" in record and "text" in record:
        assert 0 <= record["start"] <= record["end"] <= len(doc_text), record
        assert record["text"] == doc_text[record["start"] : record["end"]], record


@pytest.fixture(scope="session")
def evidence_ok() -> Callable[[dict[str, Any], str], None]:
    """`assert_evidence_ok` as a fixture (test folders cannot import each other's conftest)."""
    return assert_evidence_ok
