"""Exact TIMEX3 values for each kind, calendar and digit system (issue 17)."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time
from communique.time.scoring import Annotation, match, score_document

DCT = "2024-05-12"  # a Sunday


def _timexes(text: str, lang: str, dct: str | None = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang=lang)
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "for three years", ("three years", "DURATION", "P3Y")),
    ("en", "in the past two weeks", ("the past two weeks", "DURATION", "P2W")),
    ("en", "a decade of war", ("a decade", "DURATION", "P10Y")),
    ("en", "after 90 minutes", ("90 minutes", "DURATION", "PT90M")),
    ("en", "a five-year plan", ("five-year", "DURATION", "P5Y")),
    ("en", "for several months", ("several months", "DURATION", "PXM")),
    ("ru", "в течение трёх лет", ("трёх лет", "DURATION", "P3Y")),
    ("de", "seit zwei Jahren", ("zwei Jahren", "DURATION", "P2Y")),
])
def test_durations(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, lang)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "two years ago", ("two years ago", "DATE", "2022")),
    ("en", "three months ago", ("three months ago", "DATE", "2024-02")),
    ("en", "five days ago", ("five days ago", "DATE", "2024-05-07")),
    ("ru", "два года назад", ("два года назад", "DATE", "2022")),
    ("de", "vor zwei Jahren", ("vor zwei Jahren", "DATE", "2022")),
    ("zh", "两年前", ("两年前", "DATE", "2022")),
    ("fa", "دو روز پیش", ("دو روز پیش", "DATE", "2024-05-10")),
])
def test_durations_ago_anchor_on_the_document_date(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, lang)


def test_narrative_anchor_is_the_last_date_mentioned() -> None:
    found = _timexes("The talks began on 3 March 2020. Three days later the envoys left; the next day they "
                     "returned.", "en")
    assert ("Three days later", "DATE", "2020-03-06") in found
    assert ("the next day", "DATE", "2020-03-07") in found


def test_yearless_dates_take_the_year_of_the_story() -> None:
    found = _timexes("1 вересня 1939 року почалася війна. 3 вересня Британія оголосила війну.", "uk", "2018-05-19")
    assert ("3 вересня", "DATE", "1939-09-03") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("every week", ("every week", "SET", "P1W")),
    ("it meets annually", ("annually", "SET", "P1Y")),
    ("last summer", ("last summer", "DATE", "2023-SU")),
    ("in the 1990s", ("1990s", "DATE", "199")),
    ("on Friday afternoon", ("Friday afternoon", "DATE", "2024-05-10TAF")),
    ("this morning", ("this morning", "DATE", "2024-05-12TMO")),
    ("until now", ("now", "DATE", "PRESENT_REF")),
])
def test_sets_seasons_decades_parts_of_day_references(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, "en")


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("ar", "في ١٠ مايو ٢٠٢٤", "2024-05-10"),  # Arabic-Indic digits
    ("fa", "۱۰ مه ۲۰۲۴", "2024-05-10"),  # Persian digits, Gregorian month
    ("hi", "१० मई २०२४", "2024-05-10"),  # Devanagari digits
    ("ja", "２０２４年５月１０日", "2024-05-10"),  # full-width digits
    ("zh", "2024年5月10日", "2024-05-10"),
    ("zh", "二〇二四年五月十日", "2024-05-10"),  # Han numerals
    ("ko", "2024년 5월 10일", "2024-05-10"),
    ("ja", "令和6年5月10日", "2024-05-10"),  # Japanese era
    ("ja", "平成元年1月8日", "1989-01-08"),  # first year of an era
    ("fa", "۲۱ اردیبهشت ۱۴۰۳", "2024-05-10"),  # Solar Hijri
    ("ar", "2 ذو القعدة 1445 هـ", "2024-05-10"),  # Hijri
])
def test_digit_systems_and_calendars(lang: str, text: str, value: str) -> None:
    found = _timexes(text, lang)
    assert [v for _, _, v in found] == [value], found


def test_solar_hijri_without_a_year_takes_the_year_before_the_document_date() -> None:
    assert _timexes("۲۱ اردیبهشت", "fa") == [("۲۱ اردیبهشت", "DATE", "2024-05-10")]


def test_unknown_year_stays_unknown() -> None:
    assert _timexes("on 21 February", "en", None) == [("21 February", "DATE", "XXXX-02-21")]


def test_range_is_scored_as_two_parts() -> None:
    doc = Document(id="r", raw_text="from 20 to 23 January 2024", text="from 20 to 23 January 2024", lang="en")
    tag_time(doc, Options())
    (t,) = doc.timexes
    assert (t.value, t.end_value) == ("2024-01-20", "2024-01-23")
    assert doc.text[t.start : t.first_end] .endswith("20") and doc.text[t.second_start : t.end] == "23 January 2024"


def test_scorer_counts_overlap_value_and_combined() -> None:
    gold = [Annotation(0, 5, "2024"), Annotation(10, 20, "P3D"), Annotation(30, 35, "2024-05")]
    system = [Annotation(1, 5, "2024"), Annotation(12, 14, "P2D"), Annotation(40, 45, "2023")]
    assert [(g.start, s.start) for g, s in match(gold, system)] == [(0, 1), (10, 12)]
    scores = score_document("d", gold, system)
    assert (scores.matched, scores.exact_value) == (2, 1)
    assert scores.precision == pytest.approx(2 / 3) and scores.value_accuracy == pytest.approx(0.5)
    assert scores.combined_f1 == pytest.approx(1 / 3)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "in the third quarter", ("third quarter", "DATE", "2023-Q3")),  # not begun by May: last year's
    ("en", "in the first quarter", ("first quarter", "DATE", "2024-Q1")),
    ("zh", "一季度", ("一季度", "DATE", "2024-Q1")),
    ("zh", "上半年", ("上半年", "DATE", "2024-H1")),
    ("zh", "下半年", ("下半年", "DATE", "2023-H2")),
    ("en", "this weekend", ("this weekend", "DATE", "2024-W19-WE")),
    ("en", "next Friday", ("next Friday", "DATE", "2024-05-17")),
    ("en", "last Friday", ("last Friday", "DATE", "2024-05-10")),
    ("ar", "الجمعة المقبل", ("الجمعة المقبل", "DATE", "2024-05-17")),
    ("en", "the 20th century", ("20th century", "DATE", "19")),
    ("uk", "на початку XX століття", ("XX століття", "DATE", "19")),
])
def test_quarters_weekends_weekday_shifts_centuries(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, lang)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "lundi à 19 heures", ("lundi à 19 heures", "TIME", "2024-05-13T19:00")),
    ("fr", "il dure 19 heures", ("19 heures", "DURATION", "PT19H")),  # no preposition: a duration
    ("ja", "午後5時半", ("午後5時半", "TIME", "2024-05-12T17:30")),
    ("zh", "2024年5月10日10时40分", ("2024年5月10日10时40分", "TIME", "2024-05-10T10:40")),
    ("en", "14 February 2020 15:49", ("14 February 2020 15:49", "TIME", "2020-02-14T15:49")),
    ("id", "pukul 19.00 WIB", ("pukul 19.00", "TIME", "2024-05-12T19:00")),
])
def test_clock_times(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, lang)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ko", "내년 3월 19일", ("내년 3월 19일", "DATE", "2025-03-19")),
    ("zh", "去年1月", ("去年1月", "DATE", "2023-01")),
    ("zh", "据报道，15日", ("15日", "DATE", "2024-04-15")),  # after the document's day: last month
    ("zh", "5月3日开幕，6日闭幕", ("6日", "DATE", "2024-05-06")),  # the story's month
])
def test_relative_years_and_days_alone(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, lang)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "in September", ("September", "DATE", "2024-09")),  # four months ahead: announced, this year
    ("en", "in October", ("October", "DATE", "2023-10")),  # further: last year's
    ("en", "at 2:30 p.m.", ("2:30 p.m.", "TIME", "2024-05-12T14:30")),
    ("es", "a las 4:15 de la tarde", ("4:15 de la tarde", "TIME", "2024-05-12T16:15")),
])
def test_yearless_months_and_twelve_hour_clocks(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, lang)
