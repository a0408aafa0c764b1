"""Exact TIMEX3 values of the Persian forms added to `lang/fa/data.yaml` (dates section): weekday spellings,
the head noun "روز", Gregorian month spellings, number words, relative words, vague plurals, sets, fused and
adjectival units, duration modifiers, parts of day, feasts, Gregorian years and "ساعت" before a clock time."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-15"  # a Wednesday (26 Ordibehesht 1403)


def _timexes(text: str, dct: str | None = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="fa")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # weekdays typed with a zero-width non-joiner: Thursday, not "شنبه" (Saturday)
    ("دیدار پنج‌شنبه گذشته انجام شد.", [("پنج‌شنبه گذشته", "DATE", "2024-05-09")]),
    ("او روز یک‌شنبه رسید.", [("روز یک‌شنبه", "DATE", "2024-05-12")]),
    # the head noun "روز" is inside the date
    ("نشست روز سه‌شنبه برگزار شد.", [("روز سه‌شنبه", "DATE", "2024-05-14")]),
    ("او روز 3 مارس رسید.", [("روز 3 مارس", "DATE", "2024-03-03")]),
    # Gregorian month spellings beside CLDR's
    ("قرارداد در ۱۵ آگوست ۲۰۲۳ امضا شد.", [("۱۵ آگوست ۲۰۲۳", "DATE", "2023-08-15")]),
    # "the coming" after a weekday
    ("وزیر شنبه پیش رو به پکن می‌رود.", [("شنبه پیش رو", "DATE", "2024-05-18")]),
])
def test_days(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("برنامه هفته پیش رو اعلام شد.", [("هفته پیش رو", "DATE", "2024-W21")]),
    ("نتایج سال قبل بهتر بود.", [("سال قبل", "DATE", "2023")]),
    ("او هفته قبل استعفا داد.", [("هفته قبل", "DATE", "2024-W19")]),
    ("او هفته پیش استعفا داد.", [("هفته پیش", "DATE", "2024-W19")]),
    ("دیشب باران بارید.", [("دیشب", "DATE", "2024-05-14TNI")]),
    ("شب گذشته باران بارید.", [("شب گذشته", "DATE", "2024-05-14TNI")]),
    ("امشب مسابقه برگزار می‌شود.", [("امشب", "DATE", "2024-05-15TNI")]),
    ("پس‌فردا جلسه است.", [("پس‌فردا", "DATE", "2024-05-17")]),
    ("روز گذشته توافق شد.", [("روز گذشته", "DATE", "2024-05-14")]),
    ("تاکنون کسی پاسخ نداده است.", [("تاکنون", "DATE", "PRESENT_REF")]),
    ("در حال حاضر مذاکره ادامه دارد.", [("حال حاضر", "DATE", "PRESENT_REF")]),
    ("در سال‌های اخیر قیمت‌ها بالا رفت.", [("سال‌های اخیر", "DATE", "PAST_REF")]),
    ("در روزهای آینده تصمیم گرفته می‌شود.", [("روزهای آینده", "DATE", "FUTURE_REF")]),
])
def test_relative_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # number words, half
    ("گفتگو بیست روز طول کشید.", [("بیست روز", "DURATION", "P20D")]),
    ("جلسه نیم ساعت طول کشید.", [("نیم ساعت", "DURATION", "PT30M")]),
    # a bare plural unit: a vague duration
    ("سال‌هاست که منتظریم.", [("سال‌هاست", "DURATION", "PXY")]),
    ("مردم ساعت‌ها در صف ماندند.", [("ساعت‌ها", "DURATION", "PTXH")]),
    # "one year" typed as one word
    ("او یکسال در زندان بود.", [("یکسال", "DURATION", "P1Y")]),
    # modifiers are inside
    ("این کار حدود ۳ ساعت طول کشید.", [("حدود ۳ ساعت", "DURATION", "PT3H")]),
    ("بیش از ۱۰ سال گذشت.", [("بیش از ۱۰ سال", "DURATION", "P10Y")]),
    ("دست کم دو هفته زمان لازم است.", [("دست کم دو هفته", "DURATION", "P2W")]),
    # adjectival units
    ("یک دوره ۳۰ روزه آغاز شد.", [("۳۰ روزه", "DURATION", "P30D")]),
    ("یک تعطیلی دو هفته‌ای اعلام شد.", [("دو هفته‌ای", "DURATION", "P2W")]),
    ("یک برنامه شش ماهه تصویب شد.", [("شش ماهه", "DURATION", "P6M")]),
    ("یک قرارداد ۲۵ ساله امضا شد.", [("۲۵ ساله", "DURATION", "P25Y")]),
    ("خدمات ۲۴ ساعته است.", [("۲۴ ساعته", "DURATION", "PT24H")]),
    # century, day-and-night
    ("این بنا دو قرن قدمت دارد.", [("دو قرن", "DURATION", "P200Y")]),
    ("امدادگران سه شبانه‌روز کار کردند.", [("سه شبانه‌روز", "DURATION", "P3D")]),
])
def test_durations(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("آمار روزانه منتشر می‌شود.", [("روزانه", "SET", "P1D")]),
    ("این نشریه هفتگی است.", [("هفتگی", "SET", "P1W")]),
    ("جشنواره هر سال برگزار می‌شود.", [("هر سال", "SET", "P1Y")]),
])
def test_sets(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # parts of day before a day word
    ("عصر دیروز تظاهرات شد.", [("عصر دیروز", "DATE", "2024-05-14TAF")]),
    ("بعدازظهر امروز جلسه است.", [("بعدازظهر امروز", "DATE", "2024-05-15TAF")]),
    ("غروب دیروز حادثه رخ داد.", [("غروب دیروز", "DATE", "2024-05-14TEV")]),
    # feasts on a fixed day of a calendar
    ("مراسم عاشورا برگزار خواهد شد.", [("عاشورا", "DATE", "2024-07-16")]),
    ("در روز طبیعت مردم بیرون رفتند.", [("روز طبیعت", "DATE", "2024-04-01")]),
    # a Gregorian year with its head noun and calendar word
    ("در سال ۲۰۲۰ میلادی رخ داد.", [("سال ۲۰۲۰ میلادی", "DATE", "2020")]),
    # "ساعت" before a clock time, joining it to its day
    ("نشست روز دوشنبه ساعت ۱۶:۳۰ آغاز شد.", [("روز دوشنبه ساعت ۱۶:۳۰", "TIME", "2024-05-13T16:30")]),
])
def test_days_parts_feasts_clock(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected
