"""Unit tests of the time stage: exact TIMEX3 values per language, on short texts."""

from __future__ import annotations

import pytest

from communique.document import Document, Timex
from communique.options import Options
from communique.time import tag_time


def tag(text: str, lang: str, date: str | None = None) -> Document:
    """Run only the time stage on an already clean text."""
    doc = Document(id="t", raw_text=text, text=text, lang=lang, date=date)
    tag_time(doc, Options())
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    return doc


def found(text: str, lang: str, date: str | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(t.text, t.value, t.end_value) for t in tag(text, lang, date).timexes]


def only(text: str, lang: str, date: str | None = None) -> Timex:
    timexes = tag(text, lang, date).timexes
    assert len(timexes) == 1, timexes
    return timexes[0]


ABSOLUTE = [
    ("ru", "24 февраля", "2026-02-25", "24 февраля", "2026-02-24"),
    ("ru", "21 февраля в Ханое", "2025-02-22", "21 февраля", "2025-02-21"),
    ("de", "am 23. Januar 2024 in Moskau", None, "23. Januar 2024", "2024-01-23"),
    ("fr", "le 2 décembre", "2021-12-05", "2 décembre", "2021-12-02"),
    ("vi", "ngày 24/2", "2025-03-01", "ngày 24/2", "2025-02-24"),
    ("en", "on July 6, 2022 in Hanoi", None, "July 6, 2022", "2022-07-06"),
    ("fr", "le 6 juillet 2022", None, "6 juillet 2022", "2022-07-06"),
    ("en", "talks on Feb. 3 ended", "2023-02-10", "Feb. 3", "2023-02-03"),
    ("en", "signed on 3 Feb 2023.", None, "3 Feb 2023", "2023-02-03"),
    ("en", "released 2023-02-03 by", None, "2023-02-03", "2023-02-03"),
    ("vi", "vào ngày 24 tháng 2 năm 2025,", None, "ngày 24 tháng 2 năm 2025", "2025-02-24"),
    ("id", "pada tanggal 10 Mei 2025", None, "tanggal 10 Mei 2025", "2025-05-10"),
    ("de", "am 24. Februar", "2025-03-01", "24. Februar", "2025-02-24"),
    ("de", "am 24.02.2025 in Berlin", None, "24.02.2025", "2025-02-24"),
    ("ru", "Москва, 24.02.2025 в полдень", None, "24.02.2025", "2025-02-24"),
    ("zh", "双方于2月24日会谈", "2025-03-01", "2月24日", "2025-02-24"),
    ("zh", "2025年2月24日，双方", None, "2025年2月24日", "2025-02-24"),
    ("es", "el 2 de diciembre de 2024", None, "2 de diciembre de 2024", "2024-12-02"),
    ("pt", "em 2 de dezembro de 2024", None, "2 de dezembro de 2024", "2024-12-02"),
    ("tr", "12 Mart 2024 tarihinde", None, "12 Mart 2024", "2024-03-12"),  # babel only, no data file
    ("pl", "w dniu 12 marca 2024 r.", None, "12 marca 2024 r.", "2024-03-12"),  # the year word inside
    ("en", "on 3/4/2024 the", None, "3/4/2024", "2024-03-04"),  # en reads numeric dates month first
    ("en", "on 13/4/2024 the", None, "13/4/2024", "2024-04-13"),  # ... unless only day-month is valid
]


@pytest.mark.parametrize(("lang", "text", "anchor", "span", "value"), ABSOLUTE)
def test_absolute_and_partial_dates(lang: str, text: str, anchor: str | None, span: str, value: str) -> None:
    t = only(text, lang, anchor)
    assert (t.text, t.value, t.precision, t.end_value) == (span, value, "day", None)
    assert t.start == text.index(span)


def test_weekday_before_a_bracketed_date_shares_its_day() -> None:
    assert found("Senin (29/12/2014)", "id") == [("Senin", "2014-12-29", None), ("29/12/2014", "2014-12-29", None)]


RANGES = [
    ("de", "Vom 20. bis 23. Januar 2024 besuchte", None, "Vom 20. bis 23. Januar 2024", "2024-01-20", "2024-01-23"),
    ("ru", "20–23 января 2024 года прошли", None, "20–23 января 2024 года", "2024-01-20", "2024-01-23"),
    ("ru", "встречи 1 и 2 декабря", "2021-12-05", "1 и 2 декабря", "2021-12-01", "2021-12-02"),
    ("fr", "a rencontré les 1er et 2 décembre des", "2021-12-02", "les 1er et 2 décembre", "2021-12-01",
     "2021-12-02"),
    ("en", "held from 20 to 23 January", "2024-01-25", "from 20 to 23 January", "2024-01-20", "2024-01-23"),
    ("id", "pada 20-23 Mei 2025", None, "20-23 Mei 2025", "2025-05-20", "2025-05-23"),
    ("vi", "từ ngày 20 đến 23/1", "2024-01-25", "từ ngày 20 đến 23/1", "2024-01-20", "2024-01-23"),
    ("en", "on January 20-23, 2024,", None, "January 20-23, 2024", "2024-01-20", "2024-01-23"),
    ("ru", "30 ноября – 2 декабря 2021 года", None, "30 ноября – 2 декабря 2021 года", "2021-11-30", "2021-12-02"),
    ("en", "from December 28, 2023 to January 3, 2024", None, "from December 28, 2023 to January 3, 2024",
     "2023-12-28", "2024-01-03"),
    ("fr", "du 25 août au 6 septembre", "2020-09-10", "du 25 août au 6 septembre", "2020-08-25", "2020-09-06"),
]


@pytest.mark.parametrize(("lang", "text", "anchor", "span", "start", "end"), RANGES)
def test_ranges_are_one_timex(lang: str, text: str, anchor: str | None, span: str, start: str, end: str) -> None:
    t = only(text, lang, anchor)
    assert (t.text, t.value, t.end_value, t.precision) == (span, start, end, "range")


ANCHOR = "2025-02-22"  # a Saturday
RELATIVE = [
    ("ru", "в июне прошлого года", "июне прошлого года", "2024-06"),
    ("en", "last August", "last August", "2024-08"),
    ("de", "im vergangenen August", "vergangenen August", "2024-08"),
    ("fr", "en août dernier", "août dernier", "2024-08"),
    ("id", "Agustus lalu", "Agustus lalu", "2024-08"),
    ("vi", "tháng 8 năm ngoái", "tháng 8 năm ngoái", "2024-08"),
    ("fr", "hier", "hier", "2025-02-21"),
    ("id", "kemarin", "kemarin", "2025-02-21"),
    ("vi", "hôm qua", "hôm qua", "2025-02-21"),
    ("en", "yesterday", "yesterday", "2025-02-21"),
    ("ru", "вчера", "вчера", "2025-02-21"),
    ("de", "gestern", "gestern", "2025-02-21"),
    ("en", "tomorrow", "tomorrow", "2025-02-23"),
    ("en", "this year", "this year", "2025"),
    ("ru", "в этом году", "в этом году", "2025"),
    ("id", "tahun ini", "tahun ini", "2025"),
    ("ru", "в августе", "августе", "2024-08"),  # after February: last year
    ("en", "in September", "September", "2024-09"),
    ("en", "in January", "January", "2025-01"),  # not after the anchor month: this year
    ("vi", "tháng 8", "tháng 8", "2024-08"),
    ("en", "next week", "next week", "2025-W09"),
    ("en", "in the past", "in the past", "PAST_REF"),
    ("en", "on Monday", "Monday", "2025-02-24"),  # weekdays: the nearest such day (2 days ahead, 5 back)
    ("en", "on Thursday", "Thursday", "2025-02-20"),  # 2 back, 5 ahead
    ("en", "on Wednesday", "Wednesday", "2025-02-19"),  # 3 back, 4 ahead
    ("ru", "в понедельник", "понедельник", "2025-02-24"),
    ("ru", "в субботу", "субботу", "2025-02-22"),  # the anchor's own weekday: that day
    ("de", "am Montag", "Montag", "2025-02-24"),
    ("id", "Senin", "Senin", "2025-02-24"),
    ("vi", "thứ Hai", "thứ Hai", "2025-02-24"),
]


@pytest.mark.parametrize(("lang", "text", "span", "value"), RELATIVE)
def test_relative_expressions_use_the_anchor(lang: str, text: str, span: str, value: str) -> None:
    t = only(text, lang, ANCHOR)
    assert (t.text, t.value, t.relative) == (span, value, True)


@pytest.mark.parametrize(("lang", "text"), [("en", "recently"), ("ru", "недавно"), ("de", "kürzlich"),
                                            ("fr", "récemment"), ("id", "baru-baru ini"), ("vi", "gần đây")])
def test_vague_expressions_are_past_references(lang: str, text: str) -> None:
    t = only(text, lang, ANCHOR)
    assert (t.text, t.value, t.relative) == (text, "PAST_REF", True)  # TimeML: "recently" = PAST_REF


def test_relative_expressions_without_anchor_have_no_value() -> None:
    assert [(t.text, t.value) for t in tag("yesterday, on Monday", "en").timexes] == [
        ("yesterday", None), ("Monday", None)]


def test_day_month_more_than_two_months_ahead_is_last_year() -> None:
    assert only("on 20 December", "en", "2025-02-22").value == "2024-12-20"
    assert only("on 20 April", "en", "2025-02-22").value == "2025-04-20"  # within ~2 months: planned


NOT_DATES = [
    ("ru", "XIV съезд КПВ за 40 лет обновления, 75-летие"),
    ("de", "anlässlich des 100. Jahrestages"),
    ("en", "the 80th anniversary"),
    ("id", "HUT ke-80 Hari Kemenangan"),
    ("fr", "à l'occasion du 20e anniversaire du Parti"),
    ("en", "call +7 495 123-45-67, id 20240512, ref 2024/5678, $2025, 2025% and 2,025 units"),
    ("en", "2000 people came"),
    ("ru", "2000 человек"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_DATES)
def test_numbers_that_are_not_dates(lang: str, text: str) -> None:
    # durations ("за 40 лет" = P40Y) are TIMEX3 too, but no date may come out of these numbers
    assert [t for t in tag(text, lang, ANCHOR).timexes if t.type != "DURATION"] == []


TARGETS = [
    ("de", "die Vision bis 2030", "2030"),
    ("en", "a strategy to 2030", "2030"),
    ("ru", "стратегия до 2030 года", "2030 года"),
    ("id", "Konvensi tentang Hukum Laut tahun 1982", "tahun 1982"),
    ("id", "(UNCLOS 1982)", "1982"),
    ("vi", "tầm nhìn đến năm 2045", "năm 2045"),
]


@pytest.mark.parametrize(("lang", "text", "span"), TARGETS)
def test_years_as_targets_or_names_are_flagged(lang: str, text: str, span: str) -> None:
    t = only(text, lang, ANCHOR)
    assert (t.text, t.precision, t.is_target) == (span, "year", True)


def test_plain_years_and_year_ranges() -> None:
    assert found("in the 2024 election and from 2020 to 2030", "en") == [
        ("2024", "2024", None), ("from 2020 to 2030", "2020", "2030")]
    t = only("Ende 2024", "de")
    assert (t.value, t.is_target) == ("2024", False)  # German capitalizes nouns: not a name


def test_times_are_time_type() -> None:
    t = only("at 10:30 local time", "en", ANCHOR)
    assert (t.text, t.type, t.value) == ("10:30", "TIME", "2025-02-22T10:30")


def test_weekday_fixes_the_year_without_anchor() -> None:
    text = "pada Sabtu sore (10 Mei, waktu Moskow), ... HUT ke-75 hubungan diplomatik (1950 - 2025)"
    doc = tag(text, "id")
    assert doc.date is None
    # the weekday (with its part of day) and the bracketed date are two timexes of the same day
    assert [(t.text, t.value) for t in doc.timexes][:2] == [("Sabtu sore", "2025-05-10TAF"), ("10 Mei", "2025-05-10")]


def test_weekday_folded_into_the_date() -> None:
    t = only("Monday, January 5, the talks", "en", "2026-01-10")
    assert (t.text, t.value) == ("Monday, January 5", "2026-01-05")


def test_year_of_a_full_date_elsewhere_is_used() -> None:
    doc = tag("Am 20. Januar 2024 begann die Reise. Am 22. Januar traf er Putin.", "de")
    assert [t.value for t in doc.timexes] == ["2024-01-20", "2024-01-22"]


def test_unknown_year_is_never_guessed() -> None:
    doc = tag("Le 2 décembre, pour la période 2022-2024.", "fr")
    assert [t.value for t in doc.timexes] == ["XXXX-12-02", "2022"]


def test_ambiguous_weekday_words() -> None:
    # Russian "среда" is also "the environment": a weekday alone needs a preposition
    assert found("окружающая среда; встреча в среду", "ru", "2025-02-26") == [("среду", "2025-02-26", None)]
    # Vietnamese "thứ 2" is Monday only next to a date; elsewhere "the 2nd"
    assert found("lần thứ 2; thứ 2 (24/2)", "vi", "2025-02-26") == [("thứ 2", "2025-02-24", None),
                                                                   ("24/2", "2025-02-24", None)]
    # Indonesian "minggu" is a week, "Minggu" Sunday
    assert found("minggu lalu, pada Minggu", "id", "2025-02-26") == [
        ("minggu lalu", "2025-W08", None), ("Minggu", "2025-02-23", None)]


def test_a_wrong_weekday_does_not_move_the_date_into_the_future() -> None:
    # 24 February 2025 was a Monday; the anchor year stands
    assert found("во вторник, 24 февраля", "ru", "2025-02-26") == [("вторник, 24 февраля", "2025-02-24", None)]


def test_a_weekday_can_move_a_date_into_the_previous_year() -> None:
    # 7 February 2011 was a Monday, 7 February 2012 a Tuesday
    assert found("в понедельник 7 февраля", "ru", "2012-06-15") == [("понедельник 7 февраля", "2011-02-07", None)]
