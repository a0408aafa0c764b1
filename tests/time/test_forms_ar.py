"""Exact TIMEX3 values of the Arabic time vocabulary added to `lang/ar/data.yaml` (`dates:`): one short
sentence per form (weekday spelling, relative day words, Egyptian "ى" spellings, the Arabic comma before a
year, the Gregorian era after it, tense cues, duals, accusative units, duration modifiers, sets, parts of day,
feasts and number words)."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-12"  # a Sunday: the first day of the Arabic week, whose ISO week is that of Monday 13 (W20)


def _timexes(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="ar")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # Monday spelt with hamza
    ("يجتمع المجلس يوم الإثنين", [("الإثنين", "DATE", "2024-05-13")]),
    # tomorrow / yesterday and their neighbours
    ("وصل الوفد غد الأربعاء", [("غد الأربعاء", "DATE", "2024-05-15")]),
    ("يصل الوفد غدٍ", [("غدٍ", "DATE", "2024-05-13")]),
    ("يصل الوفد يوم غد", [("يوم غد", "DATE", "2024-05-13")]),
    ("يصل الوفد يوم غدٍ", [("يوم غدٍ", "DATE", "2024-05-13")]),
    ("يصل الوفد بعد غد", [("بعد غد", "DATE", "2024-05-14")]),
    ("وصل الوفد يوم أمس", [("يوم أمس", "DATE", "2024-05-11")]),
    ("وصل الوفد أول أمس", [("أول أمس", "DATE", "2024-05-10")]),
    ("وصل الوفد البارحة", [("البارحة", "DATE", "2024-05-11")]),
    # weeks, months and years named from today
    ("يصل الوفد الأسبوع القادم", [("الأسبوع القادم", "DATE", "2024-W21")]),
    ("يصل الوفد الشهر القادم", [("الشهر القادم", "DATE", "2024-06")]),
    ("يصل الوفد العام القادم", [("العام القادم", "DATE", "2025")]),
    ("يصل الوفد الأسبوع الجاري", [("الأسبوع الجاري", "DATE", "2024-W20")]),
    ("ارتفع الإنتاج الشهر الجاري", [("الشهر الجاري", "DATE", "2024-05")]),
    ("ارتفع الإنتاج العام الجاري", [("العام الجاري", "DATE", "2024")]),
    ("ارتفع الإنتاج الشهر الحالي", [("الشهر الحالي", "DATE", "2024-05")]),
    ("ارتفع الإنتاج العام الحالي", [("العام الحالي", "DATE", "2024")]),
    ("ارتفع الإنتاج هذا الشهر", [("هذا الشهر", "DATE", "2024-05")]),
    ("ارتفع الإنتاج السنة الماضية", [("السنة الماضية", "DATE", "2023")]),
    ("يرتفع الإنتاج السنة المقبلة", [("السنة المقبلة", "DATE", "2025")]),
    ("ارتفع الإنتاج السنة الحالية", [("السنة الحالية", "DATE", "2024")]),
    ("ارتفع الإنتاج العام المنصرم", [("العام المنصرم", "DATE", "2023")]),
    ("ارتفع الإنتاج مؤخرا", [("مؤخرا", "DATE", "PAST_REF")]),
    ("ارتفع الإنتاج مؤخراً", [("مؤخراً", "DATE", "PAST_REF")]),
    ("ارتفع الإنتاج حتى الآن", [("الآن", "DATE", "PRESENT_REF")]),
    # the Egyptian spelling with a final "ى"
    ("تراجعت الأسعار العام الماضى", [("العام الماضى", "DATE", "2023")]),
    ("تراجعت الأسعار الأسبوع الماضى", [("الأسبوع الماضى", "DATE", "2024-W19")]),
    ("تراجعت الأسعار الشهر الماضى", [("الشهر الماضى", "DATE", "2024-04")]),
    ("تراجعت الأسعار في مارس الماضى", [("مارس الماضى", "DATE", "2024-03")]),
    ("التقى الوزير الخميس الماضى", [("الخميس الماضى", "DATE", "2024-05-09")]),
    ("يبدأ البرنامج في يونيو الحالي", [("يونيو الحالي", "DATE", "2024-06")]),
])
def test_relative_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the Arabic comma between the day-month and its year
    ("وقع الحادث في 14 مارس، 2020 وسط المدينة", [("14 مارس، 2020", "DATE", "2020-03-14")]),
    # the Gregorian era after the year is part of the date
    ("وقع الحادث في 19 يوليو 2023 م", [("19 يوليو 2023 م", "DATE", "2023-07-19")]),
    ("وقع الحادث في 1990 ميلادي", [("1990 ميلادي", "DATE", "1990")]),
    ("وقع الحادث في 5 مارس 2023 ميلادية", [("5 مارس 2023 ميلادية", "DATE", "2023-03-05")]),
])
def test_year_joiner_and_era(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "قد" and "كان" only as words: "يعقد" and "سكان" are no past cues
    ("من المقرر أن يعقد الاجتماع الخميس", [("الخميس", "DATE", "2024-05-16")]),
    ("من المقرر أن يزور الوزير سكان القرية الخميس", [("الخميس", "DATE", "2024-05-16")]),
    ("وقد التقى الوزير الخميس", [("الخميس", "DATE", "2024-05-09")]),
    # "the expected (meeting)" looks ahead
    ("يعقد الاجتماع المرتقب الخميس", [("الخميس", "DATE", "2024-05-16")]),
    ("تنطلق القمة المرتقبة الخميس", [("الخميس", "DATE", "2024-05-16")]),
])
def test_tense_cues(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # duals
    ("استمرت المفاوضات ساعتان", [("ساعتان", "DURATION", "PT2H")]),
    ("مرت عامان على الحرب", [("عامان", "DURATION", "P2Y")]),
    ("مرت سنتان على الحرب", [("سنتان", "DURATION", "P2Y")]),
    ("انتظر دقيقتين", [("دقيقتين", "DURATION", "PT2M")]),
    ("تأخر دقيقتان", [("دقيقتان", "DURATION", "PT2M")]),
    ("بعد عقدين من الحرب", [("عقدين", "DURATION", "P20Y")]),
    # accusative and singular units after a count
    ("منذ 100 عام", [("منذ 100 عام", "DATE", "1924")]),
    ("استمر 18 شهرا", [("18 شهرا", "DURATION", "P18M")]),
    ("استمر 18 شهراً", [("18 شهراً", "DURATION", "P18M")]),
    ("استمر 12 أسبوعا", [("12 أسبوعا", "DURATION", "P12W")]),
    ("استمر 12 أسبوعاً", [("12 أسبوعاً", "DURATION", "P12W")]),
    ("استمر 24 ساعةً", [("24 ساعةً", "DURATION", "PT24H")]),
    ("استمر 30 دقيقةً", [("30 دقيقةً", "DURATION", "PT30M")]),
    # modifiers before a count
    ("استمر نحو 3 سنوات", [("نحو 3 سنوات", "DURATION", "P3Y")]),
    ("استمر حوالي 5 أيام", [("حوالي 5 أيام", "DURATION", "P5D")]),
    ("استمر حوالى 5 أيام", [("حوالى 5 أيام", "DURATION", "P5D")]),
    ("استمر قرابة 10 أيام", [("قرابة 10 أيام", "DURATION", "P10D")]),
    ("استمر أكثر من 10 أيام", [("أكثر من 10 أيام", "DURATION", "P10D")]),
    ("استمر أقل من 3 أشهر", [("أقل من 3 أشهر", "DURATION", "P3M")]),
    # number words
    ("استمر ست سنوات", [("ست سنوات", "DURATION", "P6Y")]),
    ("استمر سبع سنوات", [("سبع سنوات", "DURATION", "P7Y")]),
    ("استمر ثماني سنوات", [("ثماني سنوات", "DURATION", "P8Y")]),
    ("استمر تسع سنوات", [("تسع سنوات", "DURATION", "P9Y")]),
    ("استمر عشر سنوات", [("عشر سنوات", "DURATION", "P10Y")]),
    ("استمر عشرين عاما", [("عشرين عاما", "DURATION", "P20Y")]),
    ("استمر عشرون عاما", [("عشرون عاما", "DURATION", "P20Y")]),
    ("استمر ثلاثين عاما", [("ثلاثين عاما", "DURATION", "P30Y")]),
    ("استمر ثلاثون عاما", [("ثلاثون عاما", "DURATION", "P30Y")]),
    ("استمر أربعين عاما", [("أربعين عاما", "DURATION", "P40Y")]),
    ("استمر خمسين عاما", [("خمسين عاما", "DURATION", "P50Y")]),
    ("منذ مئة عام", [("منذ مئة عام", "DATE", "1924")]),
    ("منذ مائة عام", [("منذ مائة عام", "DATE", "1924")]),
    ("استمر بضعة أيام", [("بضعة أيام", "DURATION", "PXD")]),
    ("استمر بضع سنوات", [("بضع سنوات", "DURATION", "PXY")]),
])
def test_durations(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("يتدرب يوميا", [("يوميا", "SET", "P1D")]),
    ("يتدرب يومياً", [("يومياً", "SET", "P1D")]),
    ("يجتمع أسبوعيا", [("أسبوعيا", "SET", "P1W")]),
    ("يجتمع أسبوعياً", [("أسبوعياً", "SET", "P1W")]),
    ("يصدر شهريا", [("شهريا", "SET", "P1M")]),
    ("يصدر شهرياً", [("شهرياً", "SET", "P1M")]),
    ("ينمو سنويا", [("سنويا", "SET", "P1Y")]),
    ("ينمو سنوياً", [("سنوياً", "SET", "P1Y")]),
    ("يتدرب كل يوم", [("كل يوم", "SET", "P1D")]),
    ("يجتمع كل أسبوع", [("كل أسبوع", "SET", "P1W")]),
    ("يصدر كل شهر", [("كل شهر", "SET", "P1M")]),
    ("يقام كل عام", [("كل عام", "SET", "P1Y")]),
    ("يقام كل سنة", [("كل سنة", "SET", "P1Y")]),
])
def test_sets(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # adverbial parts of day standing alone: the story's day
    ("وصل الوفد صباحا", [("صباحا", "DATE", "2024-05-12TMO")]),
    ("وصل الوفد صباحاً", [("صباحاً", "DATE", "2024-05-12TMO")]),
    ("وصل الوفد مساءً", [("مساءً", "DATE", "2024-05-12TEV")]),
    ("وصل الوفد ظهرا", [("ظهرا", "DATE", "2024-05-12TMI")]),
    ("وصل الوفد ظهراً", [("ظهراً", "DATE", "2024-05-12TMI")]),
    ("وصل الوفد عصرا", [("عصرا", "DATE", "2024-05-12TAF")]),
    ("وصل الوفد عصراً", [("عصراً", "DATE", "2024-05-12TAF")]),
    ("وصل الوفد فجرا", [("فجرا", "DATE", "2024-05-12TMO")]),
    ("وصل الوفد فجراً", [("فجراً", "DATE", "2024-05-12TMO")]),
    # parts of day before a day
    ("وصل الوفد صبيحة يوم الجمعة", [("صبيحة يوم الجمعة", "DATE", "2024-05-10TMO")]),
    ("وقع القصف ليل السبت", [("ليل السبت", "DATE", "2024-05-11TNI")]),
    ("وصل الوفد ظهيرة اليوم", [("ظهيرة اليوم", "DATE", "2024-05-12TMI")]),
])
def test_parts_of_day(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("تظاهر العمال في عيد العمال", [("عيد العمال", "DATE", "2024-05-01")]),
    ("احتفل الناس في رأس السنة الميلادية", [("رأس السنة الميلادية", "DATE", "2024-01-01")]),
    ("يقف الحجاج يوم عرفة", [("يوم عرفة", "DATE", "2024-06-15")]),
    ("احتفل الناس في ذكرى المولد النبوي", [("المولد النبوي", "DATE", "2023-09-27")]),
    ("صام الناس عاشوراء", [("عاشوراء", "DATE", "2024-07-16")]),
])
def test_feasts(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected
