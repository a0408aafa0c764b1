"""Property tests (hypothesis) over the whole pipeline: any Unicode text, and mutated seed articles, give no
exception, honest evidence offsets, deterministic records, and an idempotent ingest."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from communique.document import Document
from communique.errors import InputError
from communique.options import Options
from communique.pipeline import process
from communique.read.readers import jsonl_document
from communique.records import event_record, mention_record, timex_record

SEEDS = sorted((Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds").glob("*.txt"))
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]

# Pieces that stress every stage: dates, names, titles, triggers in several scripts; controls and marks.
PIECES = ["21 февраля в Ханое", "Лавров и Ван И провели переговоры", "Am 3. März 2025 traf Scholz Macron in Berlin.",
          "le 2 décembre 2024 à Paris", "Presiden Prabowo bertemu", "ngày 24/2/2025 tại Hà Nội", "President Xi Jinping",
          "习近平会见普京", "2月29日", "الرئيس المصري عبد الفتاح السيسي", "שר החוץ", "met with", "signed an agreement",
          "MOSCOW, March 4 (Reuters) - ",
          "\u202e", "\u200b", "\u200d", "\ufeff", "\u0301", "\r\n", "\n\n", "\t", "\x0b",
          "\x1b[31m", " ", ".", "(", "«", "»", "—", "\u00a0", "\U0001f600", "e\u0301", "ﬁ", "İ", "ß", "Ⅻ", "٣"]

any_char = st.characters(codec=None, exclude_categories=())  # every code point, surrogates included
texts = st.one_of(
    st.text(any_char, max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(any_char, max_size=8)), max_size=25).map("".join),
)
langs = st.sampled_from([None, "ru", "de", "fr", "id", "vi", "en", "zh", "ar", "xx"])
dates = st.sampled_from([None, "2025-03-04", "2024-02-29", "1999-12-31"])

# COMMUNIQUE_PROPERTY_SCALE=20 runs 20 times as many examples (a longer hunt; the default keeps each test < 30 s).
SCALE = max(1, int(os.environ.get("COMMUNIQUE_PROPERTY_SCALE", "1")))
FAST = settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_as_input(text: str, lang: str | None = None, date: str | None = None, doc_id: str = "h") -> Document | None:
    """The text as the JSONL reader gives it (surrogates, NULs repaired there); None if it is no document."""
    line = json.dumps({"id": doc_id, "text": text, "lang": lang, "date": date}).encode()
    item = jsonl_document(line, 1, "prop", None)
    return None if isinstance(item, InputError) else item


def all_records(doc: Document) -> dict[str, list[dict[str, Any]]]:
    return {"events": [event_record(doc, e) for e in doc.events],
            "mentions": [mention_record(doc, m) for m in doc.mentions],
            "timexes": [timex_record(doc, t) for t in doc.timexes]}


def check_document(text: str, lang: str | None, date: str | None,
                   evidence_ok: Callable[[dict[str, Any], str], None]) -> None:
    first = read_as_input(text, lang, date)
    assume(first is not None)
    assert first is not None
    process(first, Options(doc_date="2025-03-05"))
    records = all_records(first)
    for group in records.values():
        for rec in group:
            evidence_ok(rec, first.text)
    second = read_as_input(text, lang, date)
    assert second is not None
    process(second, Options(doc_date="2025-03-05"))
    assert all_records(second) == records, "the same input must give the same records"


@pytest.fixture(scope="module", autouse=True)
def warm_pipeline() -> None:
    """Load every stage's data once, outside the timed examples."""
    for lang in ("en", "ru", "de", "fr", "id", "vi"):
        process(Document(id="warm", raw_text="Warm-up. 1 January 2020.", lang_hint=lang), Options(lang=lang))


@FAST
@given(text=texts, lang=langs, date=dates)
def test_any_text_gives_honest_deterministic_records(text: str, lang: str | None, date: str | None,
                                                     evidence_ok: Callable[[dict[str, Any], str], None]) -> None:
    check_document(text, lang, date, evidence_ok)


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    """A seed article with a few random edits: cuts, duplications, insertions of hostile characters, case flips."""
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 400)))
        op = draw(st.sampled_from(["cut", "duplicate", "insert", "upper", "lower", "truncate"]))
        if op == "cut":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "insert":
            text = text[:i] + draw(st.one_of(st.sampled_from(PIECES), st.text(any_char, max_size=20))) + text[i:]
        elif op == "upper":
            text = text[:i] + text[i:j].upper() + text[j:]
        elif op == "lower":
            text = text[:i] + text[i:j].lower() + text[j:]
        else:
            text = text[:i]
    return text


@settings(max_examples=150 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=mutated_seed(), lang=st.sampled_from([None, None, "ru", "de"]))
def test_mutated_seed_articles_give_honest_deterministic_records(
        text: str, lang: str | None, evidence_ok: Callable[[dict[str, Any], str], None]) -> None:
    check_document(text, lang, None, evidence_ok)


# -- ingest is idempotent ---------------------------------------------------------------------------


def table_rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}


@settings(max_examples=100 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(st.one_of(texts, mutated_seed()), min_size=1, max_size=4))
def test_ingesting_twice_changes_nothing(batch: list[str]) -> None:
    from communique.store import open_store
    from communique.store.ingest import ingest_items

    docs = [d for n, text in enumerate(batch) if (d := read_as_input(text, doc_id=f"d{n}")) is not None]
    assume(docs)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.db"
        engine = open_store(str(db))
        try:
            first = ingest_items(engine, docs, Options(doc_date="2025-03-05"), _no_report)
            assert first.failed == 0, first.problems
            stored = table_rows(db)
            again = [read_as_input(text, doc_id=f"d{n}") for n, text in enumerate(batch)]
            second = ingest_items(engine, [d for d in again if d is not None], Options(doc_date="2025-03-05"),
                                  _no_report)
            # a text given twice in the batch is one document: its second id is an alias, "already stored"
            assert (second.new, second.changed, second.unchanged + second.already) == (0, 0, len(docs))
            assert table_rows(db) == stored
        finally:
            engine.dispose()


def _no_report(message: str) -> None:
    raise AssertionError(f"unexpected problem: {message}")
