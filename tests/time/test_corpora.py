"""End-to-end checks of the time stage on the real corpora in ../shared (through the pipeline)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from communique.document import Document
from communique.errors import InputError
from communique.options import Options
from communique.pipeline import process_all
from communique.read import read_inputs
from communique.time import timex_to_event_date

SEED_LANG = {"000": "ru", "001": "ru", "002": "de", "003": "id", "004": "fr"}


def _gold(shared_dir: Path) -> dict[str, dict[str, Any]]:
    with (shared_dir / "gold" / "seeds.jsonl").open(encoding="utf-8") as fh:
        return {rec["doc"]: rec for rec in map(json.loads, fh)}


def _run(paths: list[Path], doc_date: str | None = None, lang: str | None = None,
         until: str = "time") -> list[Document]:
    options = Options(doc_date=doc_date, lang=lang)
    docs = []
    for item in process_all(read_inputs([str(p) for p in paths], options), options, until=until):
        assert not isinstance(item, InputError), item
        docs.append(item)
    return docs


def _seed(shared_dir: Path, prefix: str, with_date: bool) -> Document:
    gold = _gold(shared_dir)
    (path,) = sorted((shared_dir / "corpus" / "seeds").glob(f"{prefix}_*.txt"))
    doc_date = gold[path.name]["doc_date"] if with_date else None
    (doc,) = _run([path], doc_date, SEED_LANG[prefix])
    return doc


def _event_dates(doc: Document) -> list[tuple[str | None, str | None]]:
    return [(d["start"], d["end"]) for d in map(timex_to_event_date, doc.timexes)]


@pytest.mark.parametrize("prefix", sorted(SEED_LANG))
def test_every_gold_date_is_a_timex_with_the_doc_date(shared_dir: Path, prefix: str) -> None:
    doc = _seed(shared_dir, prefix, with_date=True)
    gold = _gold(shared_dir)[doc.id]
    assert doc.date == gold["doc_date"] and doc.date_source == "option"
    dates = _event_dates(doc)
    for event in gold["events"]:
        wanted = (event["date"]["start"], event["date"]["end"])
        # optional events dated only by the article's month ("the visit", no date words) are left out
        if wanted[0] is None or event.get("optional") and len(wanted[0]) == 7:
            continue
        assert wanted in dates, (event["type"], wanted, dates)


def test_seed_001_relative_months(shared_dir: Path) -> None:
    doc = _seed(shared_dir, "001", with_date=True)
    got = {(t.text, t.value) for t in doc.timexes}
    assert {("21 февраля", "2025-02-21"), ("июне прошлого года", "2024-06"), ("августе", "2024-08"),
            ("сентябре", "2024-09")} <= got


def test_seed_002_range_without_doc_date(shared_dir: Path) -> None:
    doc = _seed(shared_dir, "002", with_date=False)
    first = doc.timexes[0]
    assert (first.text, first.value, first.end_value, first.precision) == (
        "Vom 20. bis 23. Januar 2024", "2024-01-20", "2024-01-23", "range")
    assert doc.text[first.start : first.end] == first.text
    assert doc.date is None


def test_seed_003_weekday_and_year_without_doc_date(shared_dir: Path) -> None:
    doc = _seed(shared_dir, "003", with_date=False)
    got = [(t.text, t.value, t.is_target) for t in doc.timexes]
    assert ("10 Mei", "2025-05-10", False) in got  # Sabtu = Saturday only in 2025 of (1950, 2025, 1982)
    assert ("1982", "1982", True) in got  # UNCLOS 1982: a name, never an event date
    # only "10 Mei" and the weekday before it ("Sabtu sore (10 Mei") are that day
    assert not any(t.value and t.value.startswith("2025-05") and t.text not in ("10 Mei", "Sabtu sore")
                   for t in doc.timexes)


def test_seed_004_dateline_gives_partial_anchor(shared_dir: Path) -> None:
    doc = _seed(shared_dir, "004", with_date=False)
    assert (doc.date, doc.date_source) == ("--12-02", "dateline")
    got = [(t.text, t.value, t.end_value) for t in doc.timexes]
    assert ("les 1er et 2 décembre", "XXXX-12-01", "XXXX-12-02") in got
    assert timex_to_event_date(next(t for t in doc.timexes if t.end_value)) == {
        "start": "--12-01", "end": "--12-02", "precision": "range"}
    assert not any(t.value and t.value.startswith("2022-12") for t in doc.timexes)  # "2022-2024" is no anchor


def test_seed_000_congress_and_years_are_not_dates(shared_dir: Path) -> None:
    doc = _seed(shared_dir, "000", with_date=True)
    assert [(t.text, t.value) for t in doc.timexes if t.precision == "day"] == [
        ("24 февраля", "2026-02-24"), ("В тот же день", "2026-02-24")]  # "that same day": the story's date


def _check_layer(doc: Document) -> None:
    starts = [t.start for t in doc.timexes]
    assert starts == sorted(starts)
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")


def test_news_sample_layer_is_sound(shared_dir: Path) -> None:
    """2,891 articles in 7 languages: honest spans, no invented anchors (speed: benchmarks/bench_time.py)."""
    from communique.time import tag_time

    # the time stage alone on the texts as given (the earlier stages have their own tests and cost)
    with (shared_dir / "corpus" / "news-sample.jsonl").open(encoding="utf-8") as fh:
        docs = [Document(id=r["id"], raw_text=r["text"], text=r["text"], lang=r["lang"]) for r in map(json.loads, fh)]
    assert len(docs) == 2891
    for doc in docs:
        tag_time(doc, Options())
    for doc in docs:
        _check_layer(doc)
        # the sample has no dates: never today's date; a date only where the text shows it (issue 19)
        assert doc.date_source in (None, "dateline", "stamp", "date-line")
        if doc.date_source is not None:
            evidence = doc.date_evidence or {}
            assert doc.text[evidence["start"]:evidence["end"]] == evidence["text"]
            assert doc.date is not None and (not doc.date[:1].isdigit() or doc.date[2:4] in evidence["text"])
    assert sum(len(d.timexes) for d in docs) > 4000


def test_factrueval_russian(shared_dir: Path) -> None:
    docs = _run([shared_dir / "corpus" / "factrueval-dev.jsonl"], lang="ru")
    assert len(docs) == 122
    for doc in docs:
        _check_layer(doc)
    values = {t.value for d in docs for t in d.timexes}
    assert any(v and v.startswith("XXXX-06-12") for v in values)  # "12 июня", no document date
