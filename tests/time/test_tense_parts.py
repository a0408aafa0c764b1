"""Exact TIMEX3 values of issue 17's fourth pass: a weekday alone in a future sentence is the coming
one (time/tense.py), and parts of day joined to their day across a joiner word or without spaces."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time
from communique.time.lexicon import lexicon
from communique.time.tense import AHEAD, weekday_direction

DCT = "2024-05-12"  # a Sunday: the nearest Thursday is 2024-05-09 (3 days back, 4 ahead)


def _timexes(text: str, lang: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang=lang)
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("lang", "text", "value"), [
    # a future cue in the sentence: the coming Thursday
    ("en", "The minister will meet Li on Thursday in Beijing.", "2024-05-16"),
    ("de", "Die Kanzlerin wird am Donnerstag in Peking eintreffen.", "2024-05-16"),
    ("es", "El ministro viajará el jueves a Lima.", "2024-05-16"),
    ("id", "Sidang akan dilanjutkan hari Kamis.", "2024-05-16"),
    ("zh", "会谈将于周四举行。", "2024-05-16"),
    ("ko", "목요일에는 전국에 비가 내리겠다.", "2024-05-16"),
    # no cue, or a nearer past cue: the nearest Thursday (news reports the past)
    ("en", "The minister met Li on Thursday in Beijing.", "2024-05-09"),
    ("en", "On Thursday, officials said they will review the case.", "2024-05-09"),
    ("de", "Am Donnerstag traf die Kanzlerin in Peking ein.", "2024-05-09"),
])
def test_weekday_follows_the_tense_of_its_sentence(lang: str, text: str, value: str) -> None:
    weekdays = [t for t in _timexes(text, lang) if t[1] == "DATE"]
    assert [w[2] for w in weekdays] == [value]


def test_future_cue_in_another_sentence_does_not_count() -> None:
    text = "Officials will meet next month. The talks failed on Thursday."
    assert weekday_direction(text, text.index("Thursday"), text.index("Thursday") + 8, lexicon("en")) is None
    text = "The talks will resume on Thursday."
    assert weekday_direction(text, text.index("Thursday"), text.index("Thursday") + 8, lexicon("en")) == AHEAD


def test_weekday_on_the_anchor_day_stays_with_a_future_cue() -> None:
    assert _timexes("Talks will resume on Sunday.", "en") == [("Sunday", "DATE", "2024-05-12")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Утром в пятницу пошёл снег", ("Утром в пятницу", "DATE", "2024-05-10TMO")),
    ("ru", "в ночь на пятницу", ("ночь на пятницу", "DATE", "2024-05-10TNI")),
    ("zh", "4月14日晚在北京", ("4月14日晚", "DATE", "2024-04-14TEV")),
    ("zh", "8日下午举行", ("8日下午", "DATE", "2024-05-08TAF")),
    ("ja", "22日の夜に発生した", ("22日の夜", "DATE", "2024-04-22TNI")),  # a day after the anchor's: last month
    ("fa", "صبح شنبه ۱۶ آذر ۱۳۹۸", ("صبح شنبه ۱۶ آذر ۱۳۹۸", "DATE", "2019-12-07TMO")),
    ("vi", "tối ngày 3/6/2008", ("tối ngày 3/6/2008", "DATE", "2008-06-03TEV")),
    ("hi", "शनिवार की शाम", ("शनिवार की शाम", "DATE", "2024-05-11TEV")),
])
def test_part_of_day_across_a_joiner(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, lang)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # written seconds stay in the value, ":00" too
    ("tr", "21.06.2021 08:45:00", ("21.06.2021 08:45:00", "TIME", "2021-06-21T08:45:00")),
    # pm / am words after a clock time
    ("ar", "الأحد 26 نوفمبر 2023 - 11:40 مساءً", ("الأحد 26 نوفمبر 2023 - 11:40 مساءً", "TIME", "2023-11-26T23:40")),
    ("ar", "في الساعة 5:10 م", ("5:10 م", "TIME", "2024-05-12T17:10")),
    # fractional counts split into the next smaller unit
    ("tr", "3,5 gün sürdü", ("3,5 gün", "DURATION", "P3DT12H")),
    ("en", "for 1.5 hours", ("1.5 hours", "DURATION", "PT1H30M")),
    # full dates written in English on pages of another language
    ("hi", "अपडेट: Oct 23, 2021, 7:07 AM IST", ("Oct 23, 2021, 7:07", "TIME", "2021-10-23T07:07")),
    ("fr", "Publié le December 1, 2025", ("December 1, 2025", "DATE", "2025-12-01")),
    # Persian months typed with the Arabic yeh
    ("fa", "۲۵ تير ۱۳۹۷", ("۲۵ تير ۱۳۹۷", "DATE", "2018-07-16")),
])
def test_clock_words_fractions_and_foreign_dates(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, lang)


def test_english_month_words_alone_are_not_dates_elsewhere() -> None:
    # only full English dates are read on other languages' pages; "May" alone stays a word
    assert _timexes("Sie sagte May sei gekommen.", "de") == []


@pytest.mark.parametrize(("lang", "text", "dct", "expected"), [
    # a month of another calendar named without a day is the Gregorian month of its middle
    ("ar", "خلال شهر شوال لعام 1436 ه", "2015-08-20", ("شهر شوال لعام 1436 ه", "DATE", "2015-07")),
    ("ar", "شهر محرم لعام 1445 هـ", "2023-07-17", ("شهر محرم لعام 1445 هـ", "DATE", "2023-08")),
    # "the first day of" a month: its first day
    ("ar", "فاتح شهر محرم لعام 1445 هـ", "2023-07-17", ("فاتح شهر محرم لعام 1445 هـ", "DATE", "2023-07-19")),
    # Hijri months in Persian text, with the prefix "ماه" and the suffix "قمری"
    ("fa", "ماه رمضان", "2024-03-01", ("ماه رمضان", "DATE", "2024-03")),
    ("fa", "۹ رمضان ۱۴۴۵ قمری", "2024-03-25", ("۹ رمضان ۱۴۴۵ قمری", "DATE", "2024-03-19")),
])
def test_months_of_other_calendars(lang: str, text: str, dct: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, lang, dct)


@pytest.mark.parametrize(("text", "dct", "expected"), [
    # a weekday joined to its day is one DATE; the weekday picks the month (19 June 2023 is a Monday)
    ("다음주 월요일인 19일 서울", "2023-06-17", ("다음주 월요일인 19일", "DATE", "2023-06-19")),  # the week word joins
    ("수요일 21일엔 비가", "2023-06-17", ("수요일 21일", "DATE", "2023-06-21")),
    # in brackets: two expressions of one day, the weekday takes the day's date
    ("오는 월요일(11일)부터", "2023-09-10", ("월요일", "DATE", "2023-09-11")),
])
def test_korean_weekday_with_its_day(text: str, dct: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, "ko", dct)


@pytest.mark.parametrize(("text", "expected"), [
    ("June 18 , 2009\nChina Eastern", ("June 18 , 2009", "DATE", "2009-06-18")),  # tokenized: space before comma
    ("at 15:00 GMT Saturday", ("15:00 GMT Saturday", "TIME", "2024-05-11T15:00")),  # a time zone in between
    ("prices rose for years", ("years", "DURATION", "PXY")),  # a bare plural unit: a vague duration
    ("profit this fiscal year", ("this fiscal year", "DATE", "2024")),
])
def test_english_forms(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, "en")


def test_history_keeps_its_year_far_below() -> None:
    # a yearless date pages after the last dated one, in a narrative of the past, is in that year
    text = "28 травня 1940 року почалася евакуація. " + "Бої тривали. " * 200 + "22 червня підписано перемир'я."
    found = _timexes(text, "uk", "2018-04-01")
    assert ("22 червня", "DATE", "1940-06-22") in found


def test_years_before_1800_with_a_month() -> None:
    assert ("17 червня 1775 року", "DATE", "1775-06-17") in _timexes("Битва 17 червня 1775 року", "uk", "2018-04-01")
    assert _timexes("загинуло 1500 солдатів", "uk", "2018-04-01") == []  # alone a number is no year


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "durante el mes de septiembre", ("septiembre", "DATE", "2023-09")),
    ("uk", "до кінця листопада", ("кінця листопада", "DATE", "2023-11")),
])
def test_month_after_more_prepositions(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert [t[2] for t in _timexes(text, lang, "2023-12-05")] == [expected[2]]


def test_japanese_solar_terms_are_days_not_seasons() -> None:
    assert _timexes("立冬を迎えた", "ja", "2016-11-06") == [("立冬", "DATE", "2016-11-07")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("tr", "27 Ekim 2025 Pazartesi günü", ("27 Ekim 2025 Pazartesi", "DATE", "2025-10-27")),
    ("tr", "28 Ekim 2025 Salı 05:00", ("28 Ekim 2025 Salı 05:00", "TIME", "2025-10-28T05:00")),
    ("ru", "29 мая 2020, Пятница, 13:02", ("29 мая 2020, Пятница, 13:02", "TIME", "2020-05-29T13:02")),
])
def test_weekday_after_its_date(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert _timexes(text, lang) == [expected]


def test_future_word_before_a_duration_in_unspaced_text() -> None:
    # "未来" (the coming) before a count and a unit is part of a duration, not FUTURE_REF
    assert [t[1:] for t in _timexes("未来一周天气晴朗", "zh")] == [("DURATION", "P1W")]
