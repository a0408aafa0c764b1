"""Time mechanisms of the seventh pass: a lunar Hijri date printed with its weekday takes the day that weekday
names (the month began on a sighting the tables may miss), and numeric Hijri dates with their era suffix; a
weekday's bare name in brackets after a day word (`bracket_weekdays`: "היום (שני)"); the Nth or last week of a
month (`month_weeks_before`, `month_weeks_after`): the ISO week of that Monday of the month; a month of another
calendar with a relative year word after it (`month_relative_after`: "۱۱ اسفند امسال") is in that calendar's year; a
bare hour listed after a clock time with a half-of-day word shares its half ("오후 3시, 5시"); a clock time alone in a
sentence with a habitual cue (`habitual`: "평일", "todos los días") is any day's (XXXX-XX-XX); a preposition or
"last" before an abbreviated month leaves a following day to the date ("by Jan. 14", "last Oct. 23"); a count with
a half ("5 1/2 hours", "2½ years", en `half_after` "a minute and a half"); a weekday touching its date is one
expression where bracketed weekdays join too (ja "2月20日木曜日"), two in zh; a Sunday-first week (`first_weekday`, ar):
"this week" said on a Sunday is the ISO week of the Monday after; a year before 1800 with its year word ("năm 1776",
"Jahr 1648", "1648 році"); a year in brackets after a yearless date or month is its year ("tháng 11 (2008)"); a
clock time in UTC keeps TimeML's "Z" ("18:00 UTC"), local zones none; "and a half" after a unit in fa, ar, he, vi,
ko (`half_after`), also after a unit holding its count ("عامين ونصف"); minutes and seconds joined to the hour by a
word with their counters (`clock_and`: "ساعت ۶ و ۳۶ دقیقه و ۲۶ ثانیه")."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-15"  # a Wednesday


def _timexes(text: str, lang: str, dct: str = DCT) -> list[tuple[str, str, str | None, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang=lang)
    tag_time(doc, Options())
    return [(t.text, t.type, t.value, t.mod) for t in doc.timexes]


@pytest.mark.parametrize(("lang", "text", "dct", "expected"), [
    # Umm al-Qura puts 29 Rabi' al-Akhir 1445 on Monday 13 November 2023; printed with Tuesday, it is the 14th
    ("ar", "صدر البيان اليوم الثلاثاء 29 ربيع الآخر 1445 هـ في الرياض.", "2023-11-14",
     [("اليوم الثلاثاء 29 ربيع الآخر 1445 هـ", "DATE", "2023-11-14", None)]),
    # without a weekday the tables stand
    ("ar", "صدر البيان في 29 ربيع الآخر 1445 هـ في الرياض.", "2023-11-14",
     [("29 ربيع الآخر 1445 هـ", "DATE", "2023-11-13", None)]),
    # numeric Hijri dates, day first or year first, the era suffix inside
    ("ar", "تقرر أن يكون يوم السبت 23/3/1432هـ عطلة رسمية.", "2011-02-22",
     [("السبت 23/3/1432هـ", "DATE", "2011-02-26", None)]),
    ("ar", "وصدر القرار بتاريخ 1432/3/19 هـ عن الديوان.", "2011-02-22",
     [("1432/3/19 هـ", "DATE", "2011-02-22", None)]),
])
def test_hijri(lang: str, text: str, dct: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, lang, dct) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("שר האוצר נפגש היום (רביעי) עם הנגיד.",
     [("היום", "DATE", "2024-05-15", None), ("רביעי", "DATE", "2024-05-15", None)]),
    ("השרים נפגשו אמש (שלישי) בירושלים.",
     [("אמש", "DATE", "2024-05-14TEV", None), ("שלישי", "DATE", "2024-05-14", None)]),
    # an ordinal in brackets after no day word is no weekday
    ("הקבוצה סיימה במקום (שני) בטבלה.", []),
])
def test_bracket_weekday(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, "he") == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # June 2024 has its last Monday on the 24th (W26), July its first on the 1st (W27)
    ("es", "El pago llegará la última semana de junio.", [("la última semana de junio", "DATE", "2024-W26", None)]),
    ("es", "Lo harán en la primera semana de julio.", [("la primera semana de julio", "DATE", "2024-W27", None)]),
    ("pt", "O pagamento chega na última semana de junho.", [("última semana de junho", "DATE", "2024-W26", None)]),
    ("en", "Talks resume in the second week of September 2025.",
     [("the second week of September 2025", "DATE", "2025-W37", None)]),
    ("fr", "Le sommet aura lieu la dernière semaine de juin.",
     [("la dernière semaine de juin", "DATE", "2024-W26", None)]),
    ("fr", "Il part la première semaine d'août.", [("la première semaine d'août", "DATE", "2024-W32", None)]),
    ("it", "Il voto è previsto l'ultima settimana di giugno.",
     [("l'ultima settimana di giugno", "DATE", "2024-W26", None)]),
    ("nl", "De top is in de laatste week van juni.", [("de laatste week van juni", "DATE", "2024-W26", None)]),
    ("ru", "Саммит пройдёт на последней неделе июня.", [("последней неделе июня", "DATE", "2024-W26", None)]),
    ("uk", "Саміт відбудеться останнього тижня червня.", [("останнього тижня червня", "DATE", "2024-W26", None)]),
    ("ko", "회의는 6월의 마지막 주에 열린다.", [("6월의 마지막 주", "DATE", "2024-W26", None)]),
    ("ko", "행사는 2025년 3월 첫째 주에 열린다.", [("2025년 3월 첫째 주", "DATE", "2025-W10", None)]),
])
def test_month_week(lang: str, text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 2024-05-15 is 26 Ordibehesht 1403: "this year" is Solar 1403, whose Esfand ends in March 2025
    ("انتخابات در ۱۱ اسفند امسال برگزار خواهد شد.", [("۱۱ اسفند امسال", "DATE", "2025-03-01", None)]),
    ("ثبت‌نام از ۲۷ مهرماه امسال آغاز می‌شود.", [("۲۷ مهرماه امسال", "DATE", "2024-10-18", None)]),
    ("حوادث آبان ماه سال گذشته بررسی شد.", [("آبان ماه سال گذشته", "DATE", "2023-11", None)]),
    ("قانون در فروردین‌ماه ۱۴۰۲ تصویب شد.", [("فروردین\u200cماه ۱۴۰۲", "DATE", "2023-04", None)]),
])
def test_calendar_month_relative_year(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, "fa") == expected


def test_zero_width_non_joiner_inside_a_word() -> None:
    # "آغاز می‌شود" (begins): "می" before the joiner is the verb's prefix, not May with a START word
    assert _timexes("برنامه از فردا آغاز می‌شود.", "fa") == [("فردا", "DATE", "2024-05-16", None)]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ko", "결승전은 오후 2시, 4시 두 차례 열렸다.",
     [("오후 2시", "TIME", "2024-05-15T14:00", None), ("4시", "TIME", "2024-05-15T16:00", None)]),
    ("ko", "공연은 오후 2시와 6시에 열렸다.",
     [("오후 2시", "TIME", "2024-05-15T14:00", None), ("6시", "TIME", "2024-05-15T18:00", None)]),
    ("ja", "説明会は午後2時と4時に開かれた。",
     [("午後2時", "TIME", "2024-05-15T14:00", None), ("4時", "TIME", "2024-05-15T16:00", None)]),
    # a morning word shares nothing; minutes need their counter after a space
    ("ko", "오전 9시, 11시에 회의가 열렸다.",
     [("오전 9시", "TIME", "2024-05-15T09:00", None), ("11시", "TIME", "2024-05-15T11:00", None)]),
    ("ko", "회의는 오후 3시 5분에 끝났다.", [("오후 3시 5분", "TIME", "2024-05-15T15:05", None)]),
])
def test_shared_clock_half(lang: str, text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ko", "평일 경기는 오후 7시에 시작한다.", [("오후 7시", "TIME", "XXXX-XX-XXT19:00", None)]),
    ("ja", "窓口は平日の午前9時に開く。", [("午前9時", "TIME", "XXXX-XX-XXT09:00", None)]),
    ("zh", "商场工作日晚上10点关门。", [("晚上10点", "TIME", "XXXX-XX-XXT22:00", None)]),
    ("es", "El museo abre todos los días a las 10:00.",
     [("todos los días", "SET", "P1D", None), ("10:00", "TIME", "XXXX-XX-XXT10:00", None)]),
    ("fr", "Le musée ouvre tous les jours à 10:00.",
     [("tous les jours", "SET", "P1D", None), ("10:00", "TIME", "XXXX-XX-XXT10:00", None)]),
    ("it", "Il museo apre tutti i giorni alle 10:00.",
     [("tutti i giorni", "SET", "P1D", None), ("10:00", "TIME", "XXXX-XX-XXT10:00", None)]),
    ("de", "Das Museum öffnet täglich um 10:00.",
     [("täglich", "SET", "P1D", None), ("10:00", "TIME", "XXXX-XX-XXT10:00", None)]),
    ("en", "The museum opens every day at 10:00.",
     [("every day", "SET", "P1D", None), ("10:00", "TIME", "XXXX-XX-XXT10:00", None)]),
    # without a cue the clock time is on the story's day
    ("ko", "경기는 오후 7시에 시작했다.", [("오후 7시", "TIME", "2024-05-15T19:00", None)]),
])
def test_habitual_clock(lang: str, text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The boy had to go home by Jan. 14, the agency said.", [("Jan. 14", "DATE", "2024-01-14", None)]),
    ("The deal was closed by Dec. 10.", [("Dec. 10", "DATE", "2023-12-10", None)]),
    ("The doctor was shot last Oct. 23 at his home.", [("Oct. 23", "DATE", "2023-10-23", None)]),
    ("The doctor was shot last October.", [("last October", "DATE", "2023-10", None)]),
])
def test_abbreviated_month_day(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, "en") == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "The hearing lasted 4 1/2 hours.", [("4 1/2 hours", "DURATION", "PT4H30M", None)]),
    ("en", "He spent 3½ years in prison.", [("3½ years", "DURATION", "P3Y6M", None)]),
    ("en", "The call lasted a minute and a half.", [("a minute and a half", "DURATION", "PT1M30S", None)]),
    ("es", "Estuvo preso 3 1/2 años.", [("3 1/2 años", "DURATION", "P3Y6M", None)]),
    ("en", "Rates rose 3 1/2 percent.", []),
])
def test_half_counts(lang: str, text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ja", "会見は5月15日水曜日 14時00分に始まった。", [("5月15日水曜日 14時00分", "TIME", "2024-05-15T14:00", None)]),
    ("ja", "式典は5月13日月曜日に開かれた。", [("5月13日月曜日", "DATE", "2024-05-13", None)]),
    ("zh", "会议于5月13日星期一举行。",
     [("5月13日", "DATE", "2024-05-13", None), ("星期一", "DATE", "2024-05-13", None)]),
])
def test_weekday_touching_date(lang: str, text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("يعقد الاجتماع هذا الأسبوع في القاهرة.", "2024-05-12", [("هذا الأسبوع", "DATE", "2024-W20", None)]),  # a Sunday
    ("يعقد الاجتماع الأسبوع المقبل في القاهرة.", "2024-05-12", [("الأسبوع المقبل", "DATE", "2024-W21", None)]),
    ("يعقد الاجتماع هذا الأسبوع في القاهرة.", "2024-05-15", [("هذا الأسبوع", "DATE", "2024-W20", None)]),  # a Wednesday
])
def test_sunday_first_week(text: str, dct: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, "ar", dct) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("vi", "Tuyên bố Độc lập năm 1776 đã mở ra một thời kỳ mới.", [("năm 1776", "DATE", "1776", None)]),
    ("de", "Im Jahr 1648 endete der Krieg.", [("Jahr 1648", "DATE", "1648", None)]),
    ("uk", "У 1648 році почалося повстання.", [("1648 році", "DATE", "1648", None)]),
    ("id", "Kota itu didirikan pada tahun 1527.", [("tahun 1527", "DATE", "1527", None)]),
    # no year word: a count ("1500 років" are years of time, "1776 người" people)
    ("uk", "Місту понад 1500 років.", []),
    ("vi", "Có 1776 người tham gia.", []),
])
def test_old_years(lang: str, text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("vi", "Cuộc bầu cử diễn ra vào tháng 11 (2008).", [("tháng 11 (2008)", "DATE", "2008-11", None)]),
    ("vi", "Trong bài diễn văn hôm 3/6 (2008), ông nói.", [("hôm 3/6 (2008)", "DATE", "2008-06-03", None)]),
    ("en", "The vote was held on March 3 (2008).", [("March 3 (2008)", "DATE", "2008-03-03", None)]),
])
def test_bracket_year(lang: str, text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "The plane landed at 18:00 UTC.", [("18:00 UTC", "TIME", "2024-05-15T18:00Z", None)]),
    ("de", "Die Sonde landete um 18:00 UTC.", [("18:00 UTC", "TIME", "2024-05-15T18:00Z", None)]),
    ("en", "The plane landed at 18:00 GMT.", [("18:00", "TIME", "2024-05-15T18:00", None)]),
])
def test_utc_clock(lang: str, text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fa", "جلسه یک ساعت و نیم طول کشید.", [("یک ساعت و نیم", "DURATION", "PT1H30M", None)]),
    ("fa", "جلسه یکساعت و نیم طول کشید.", [("یکساعت و نیم", "DURATION", "PT1H30M", None)]),
    ("ar", "استمرت المفاوضات عامين ونصف.", [("عامين ونصف", "DURATION", "P2Y6M", None)]),
    ("vi", "Dự án kéo dài hai năm rưỡi.", [("hai năm rưỡi", "DURATION", "P2Y6M", None)]),
    ("ko", "회의는 1시간 반 동안 진행됐다.", [("1시간 반", "DURATION", "PT1H30M", None)]),
    ("he", "הבנייה נמשכה שלוש שנים וחצי.", [("שלוש שנים וחצי", "DURATION", "P3Y6M", None)]),
])
def test_and_a_half(lang: str, text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("تحویل سال ساعت ۶ و ۳۶ دقیقه و ۲۶ ثانیه روز چهارشنبه ۱ فروردین ۱۴۰۳ است.",
     [("ساعت ۶ و ۳۶ دقیقه و ۲۶ ثانیه روز چهارشنبه ۱ فروردین ۱۴۰۳", "TIME", "2024-03-20T06:36:26", None)]),
    ("جلسه ساعت ۱۰ و ۱۵ دقیقه آغاز شد.", [("ساعت ۱۰ و ۱۵ دقیقه", "TIME", "2024-05-15T10:15", None)]),
    ("جلسه ۱۵ دقیقه طول کشید.", [("۱۵ دقیقه", "DURATION", "PT15M", None)]),
])
def test_clock_in_words(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, "fa") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("حمله ساعت ۱۰ شب رخ داد.", [("ساعت ۱۰ شب", "TIME", "2024-05-15T22:00", None)]),
    ("جلسه ساعت ۴ عصر تمام شد.", [("ساعت ۴ عصر", "TIME", "2024-05-15T16:00", None)]),
    ("زلزله ساعت ۲ بامداد رخ داد.", [("ساعت ۲ بامداد", "TIME", "2024-05-15T02:00", None)]),
])
def test_fa_clock_parts(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _timexes(text, "fa") == expected
