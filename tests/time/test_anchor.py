"""The anchor (metadata > --doc-date > dateline > none) and the helpers the events stage uses."""

from __future__ import annotations

import pytest

from communique.document import Document, Timex
from communique.options import Options
from communique.time import document_anchor, tag_time, timex_to_event_date, timexes_in


def tag(text: str, lang: str, date: str | None = None, option: str | None = None) -> Document:
    doc = Document(id="t", raw_text=text, text=text, lang=lang, date=date)
    tag_time(doc, Options(doc_date=option))
    return doc


def test_metadata_wins_and_is_normalized() -> None:
    doc = tag("вчера", "ru", date="2025-02-22T10:00:00+03:00", option="2020-01-01")
    assert (doc.date, doc.date_source) == ("2025-02-22", "metadata")
    assert doc.timexes[0].value == "2025-02-21"


def test_option_when_no_metadata() -> None:
    doc = tag("gestern", "de", option="2024-01-24")
    assert (doc.date, doc.date_source, doc.timexes[0].value) == ("2024-01-24", "option", "2024-01-23")


def test_free_text_metadata_date() -> None:
    doc = tag("yesterday", "en", date="Tue, 03 Feb 2023 10:00:00 GMT")
    assert (doc.date, doc.timexes[0].value) == ("2023-02-03", "2023-02-02")


def test_unreadable_metadata_warns_and_falls_back() -> None:
    doc = tag("hier", "fr", date="not a date", option="2021-12-02")
    assert (doc.date, doc.date_source) == ("2021-12-02", "option")
    assert doc.warnings and "unreadable document date" in doc.warnings[0]


@pytest.mark.parametrize(("lang", "text", "anchor"), [
    ("fr", "Moscou, 2 décembre (VNA) - Nguyen Thi Hoang Van a rencontré", "--12-02"),
    ("en", "MOSCOW, November 12. /TASS/. Russia and Vietnam", "--11-12"),
    ("en", "HANOI, Feb. 3 (Reuters) - Vietnam said", "--02-03"),
    ("en", "HANOI, 3 February 2023 (VNA) - Vietnam said", "2023-02-03"),
    ("ru", "МОСКВА, 12 ноября. /ТАСС/. Россия", "--11-12"),
])
def test_datelines(lang: str, text: str, anchor: str) -> None:
    doc = tag(text, lang)
    assert (doc.date, doc.date_source) == (anchor, "dateline")
    assert document_anchor(doc) is not None


@pytest.mark.parametrize(("lang", "text"), [
    ("id", "(VOVWORLD) -Dalam rangka kunjungan resmi"),  # an agency without a date
    ("ru", "21 февраля в Ханое заместитель министра"),  # a sentence that opens with its date
    ("en", "Talks were held yesterday"),  # no date anywhere: never today's date
])
def test_no_dateline(lang: str, text: str) -> None:
    doc = tag(text, lang)
    assert (doc.date, doc.date_source) == (None, None)


def test_partial_anchor_resolves_what_it_can() -> None:
    doc = tag("Moscou, 2 décembre (VNA) - Elle a rencontré hier, les 1er et 2 décembre, les dirigeants.", "fr")
    assert doc.date == "--12-02"
    assert [(t.text, t.value, t.end_value) for t in doc.timexes] == [
        ("2 décembre", "XXXX-12-02", None), ("hier", "XXXX-12-01", None),
        ("les 1er et 2 décembre", "XXXX-12-01", "XXXX-12-02")]


def test_timexes_in_gives_overlapping_timexes_sorted() -> None:
    doc = tag("On 2 May talks began; on 4 May and 5 May more followed.", "en", date="2025-05-10")
    assert [t.text for t in timexes_in(doc, 0, 12)] == ["2 May"]
    assert [t.text for t in timexes_in(doc, 20, len(doc.text))] == ["4 May", "5 May"]
    assert timexes_in(doc, 10, 20) == []


@pytest.mark.parametrize(("timex", "expected"), [
    (Timex(0, 1, "x", value="2025-02-21", precision="day"), ("2025-02-21", None, "day")),
    (Timex(0, 1, "x", value="2024-06", precision="month"), ("2024-06", None, "month")),
    (Timex(0, 1, "x", value="2025", precision="year"), ("2025", None, "year")),
    (Timex(0, 1, "x", value="XXXX-02-21", precision="day"), ("--02-21", None, "day")),
    (Timex(0, 1, "x", value="2024-01-20", end_value="2024-01-23", precision="range"),
     ("2024-01-20", "2024-01-23", "range")),
    (Timex(0, 1, "x", value="XXXX-12-01", end_value="XXXX-12-02", precision="range"), ("--12-01", "--12-02", "range")),
    (Timex(0, 1, "x", value="2025-W09"), ("2025-02-24", "2025-03-02", "range")),
    (Timex(0, 1, "x", type="TIME", value="2025-02-22T10:30"), ("2025-02-22", None, "day")),
    (Timex(0, 1, "x", value="2030", precision="year", is_target=True), (None, None, None)),
    (Timex(0, 1, "x", value="PRESENT_REF"), (None, None, None)),
    (Timex(0, 1, "x", value=None), (None, None, None)),
    (Timex(0, 1, "x", type="DURATION", value="P3D"), (None, None, None)),
])
def test_timex_to_event_date(timex: Timex, expected: tuple[str | None, str | None, str | None]) -> None:
    got = timex_to_event_date(timex)
    assert (got["start"], got["end"], got["precision"]) == expected
