"""Exact TIMEX3 values of the forms added for issue 17's third pass: parts of day standing alone,
fused particles and suffixes, dot clock times, next-year dates, Solar Hijri numbers, Han-bound years."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time
from communique.time.grammar import mask_particles
from communique.time.lexicon import lexicon

DCT = "2024-05-12"  # a Sunday


def _timexes(text: str, lang: str, dct: str | None = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang=lang)
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # alone: the document's day, or the last day the text stated
    ("uk", "Вночі дощ, вдень сонячно.", [("Вночі", "DATE", "2024-05-12TNI"), ("вдень", "DATE", "2024-05-12TDT")]),
    ("uk", "3 травня вночі й вранці", [("3 травня вночі", "DATE", "2024-05-03TNI"),
                                       ("вранці", "DATE", "2024-05-03TMO")]),
    ("es", "Ocurrió durante la madrugada.", [("la madrugada", "DATE", "2024-05-12TNI")]),
    ("es", "Llegó el mediodía.", [("el mediodía", "DATE", "2024-05-12T12:00")]),
    # joined to a bare day it qualifies it and is not a second expression
    ("ko", "13일 낮 최고기온", [("13일 낮", "DATE", "2024-05-13TDT")]),
])
def test_parts_of_day_alone(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ko", "내년부터는 바뀐다", [("내년", "DATE", "2025")]),  # particles are outside the span
    ("ko", "2020년에도 일한다", [("2020년", "DATE", "2020")]),
    ("tr", "Ocak ayında açıklandı", [("Ocak ayında", "DATE", "2024-01")]),  # Turkish suffixes are inside
    ("tr", "Geçtiğimiz haftadan beri", [("Geçtiğimiz haftadan", "DATE", "2024-W18")]),
    ("tr", "sabah saatlerinden itibaren", [("sabah saatlerinden", "DATE", "2024-05-12TMO")]),
    ("tr", "dünyada ve dünyanın her yerinde", []),  # "dünya" is no "dün" (yesterday) + "ya"
])
def test_fused_particles_and_suffixes(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


def test_masking_keeps_offsets() -> None:
    text = "올해는 내년부터는"
    masked = mask_particles(text, lexicon("ko"))
    assert masked == "올해  내년   "
    assert len(masked) == len(text)


@pytest.mark.parametrize(("lang", "text", "dct", "expected"), [
    ("es", "a las 21.30 horas", DCT, ("21.30 horas", "TIME", "2024-05-12T21:30")),
    ("uk", "5 січня", "2020-12-28", ("5 січня", "DATE", "2021-01-05")),  # written in late December: next month
    ("de", "am 8. Juli", "2022-03-11", ("8. Juli", "DATE", "2022-07-08")),  # four months ahead: announced
    ("de", "am 8. Oktober", "2022-03-11", ("8. Oktober", "DATE", "2021-10-08")),  # further: last year's
    ("fa", "۱۴۰۰/۰۱/۲۰", DCT, ("۱۴۰۰/۰۱/۲۰", "DATE", "2021-04-09")),  # Solar Hijri, Persian digits
    ("fa", "مورخ 28-4-1400", DCT, ("28-4-1400", "DATE", "2021-07-19")),
    ("fa", "در سال ۱۴۰۳", DCT, ("سال ۱۴۰۳", "DATE", "2024")),
    ("zh", "水位突破1998年历史极值", DCT, ("1998年", "DATE", "1998")),
])
def test_clock_years_and_calendars(lang: str, text: str, dct: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, lang, dct)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ar", "لمدة أسبوعين", ("أسبوعين", "DURATION", "P2W")),  # the dual holds its count
    ("ar", "خلال 15 عاماً", ("15 عاماً", "DURATION", "P15Y")),
    ("ko", "이틀간 열린다", ("이틀간", "DURATION", "P2D")),
    ("uk", "протягом 30 діб", ("30 діб", "DURATION", "P30D")),
    ("uk", "цих вихідних", ("цих вихідних", "DATE", "2024-W19-WE")),
])
def test_counted_units_and_weekends(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, lang)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("vi", "Chiều 24/4, đoàn đến", ("Chiều 24/4", "DATE", "2024-04-24TAF")),  # a bare day/month in Vietnamese
    ("ja", "5月15日(水曜日)午後1時から", ("5月15日(水曜日)午後1時", "TIME", "2024-05-15T13:00")),
])
def test_bare_day_month_and_bracketed_weekday(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, lang)


def test_bare_day_month_is_only_where_the_language_says() -> None:
    assert _timexes("2/3 of the votes", "en") == []


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ko", "경기는 30분 늦춘다", [("30분", "DURATION", "PT30M")]),  # a Hangul unit touching its number
    ("ar", "لمدة 15يوماً", [("15يوماً", "DURATION", "P15D")]),
    ("es", "según 20minutos", []),  # a Latin unit does not: "20minutos" is a newspaper
])
def test_units_touching_numbers(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Il a été blessé cet été.", [("cet été", "DATE", "2024-SU")]),  # "a été" is the verb
    ("id", "Pada malam hari hujan turun.", [("malam hari", "DATE", "2024-05-12TNI")]),
    ("de", "Am 2. Mai begann es, am Abend regnete es.", [("2. Mai", "DATE", "2024-05-02"),
                                                          ("Abend", "DATE", "2024-05-02TEV")]),
])
def test_seasons_and_parts_of_day_as_nouns(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "um 18 Uhr", [("18 Uhr", "TIME", "2024-05-12T18:00")]),
    ("de", "um 18.13 Uhr", [("18.13 Uhr", "TIME", "2024-05-12T18:13")]),
    ("de", "am 20.05. in Berlin", [("20.05.", "DATE", "2024-05-20")]),
    ("de", "Kapitel 1.2. und 10.15 Euro", []),
])
def test_german_clock_and_dotted_day_month(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ar", "اليوم الأحد", [("اليوم الأحد", "DATE", "2024-05-12")]),  # one DATE in Arabic
    ("id", "Kemarin Jumat", [("Kemarin", "DATE", "2024-05-11"), ("Jumat", "DATE", "2024-05-10")]),  # two here
])
def test_relative_day_with_weekday(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "dct", "expected"), [
    # Umm al-Qura: 1 Shawwal 1444 was 21 April 2023 (the arithmetic calendar says the 22nd)
    ("tr", "Ramazan Bayramı yaklaşıyor", "2023-03-30", ("Ramazan Bayramı", "DATE", "2023-04-21")),
    ("ar", "في 19 ربيع الأول 1432 هـ", DCT, ("19 ربيع الأول 1432 هـ", "DATE", "2011-02-22")),
    ("fa", "نوروز نزدیک است", "2023-12-30", ("نوروز", "DATE", "2024-03-20")),  # the coming one
    ("de", "am Tag der deutschen Einheit", "2014-10-01", ("Tag der deutschen Einheit", "DATE", "2014-10-03")),
])
def test_holidays_and_hijri_dates(lang: str, text: str, dct: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(text, lang, dct)


def test_holiday_with_a_gregorian_year() -> None:
    # 1 Shawwal 1446 in the Umm al-Qura tables (Indonesia's sighting put Lebaran on the 31st)
    assert _timexes("Lebaran 2025", "id", "2024-05-12") == [("Lebaran 2025", "DATE", "2025-03-30")]


@pytest.mark.parametrize(("text", "expected"), [
    # one month by its two names (Egyptian/Gulf and Levantine), as the Arabic press writes it: one DATE
    ("وصل يوم 17 يونيو/ حزيران 2023 إلى طهران", [("17 يونيو/ حزيران 2023", "DATE", "2023-06-17")]),
    ("في 5 آذار/مارس 2022", [("5 آذار/مارس 2022", "DATE", "2022-03-05")]),
    # two different months are no pair
    ("في مارس/ أبريل 2022", []),
    # a month with "last", "next", "of last year" after it
    ("واتفقتا في مارس/ آذار الماضي على ذلك", [("مارس/ آذار الماضي", "DATE", "2024-03")]),
    ("في أيلول المقبل", [("أيلول المقبل", "DATE", "2024-09")]),
    ("في يناير من العام الماضي", [("يناير من العام الماضي", "DATE", "2023-01")]),
])
def test_arabic_paired_and_relative_months(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, "ar") == expected


def test_arabic_range_of_days_keeps_both_ends() -> None:
    doc = Document(id="t", raw_text="من 20 إلى 23 يناير 2024", text="من 20 إلى 23 يناير 2024", date=DCT, lang="ar")
    tag_time(doc, Options())
    assert [(t.text, t.value, t.end_value) for t in doc.timexes] == [
        ("من 20 إلى 23 يناير 2024", "2024-01-20", "2024-01-23")]
