"""Exact TIMEX3 values for issue 17's fourth pass: ages are no durations, a count of hours with a part of
day is a clock time, a relative day takes the clock time next to it, "this"/"ce" + weekday follows the tense,
parts of day standing alone in French."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-15"  # a Wednesday


def _timexes(text: str, lang: str, dct: str | None = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang=lang)
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "A 44-year-old man was arrested.", []),
    ("en", "The man, aged 52, was freed after three years in jail.", [("three years", "DURATION", "P3Y")]),
    ("en", "She is 30 years old.", []),
    ("fr", "Une femme âgée de 22 ans a été blessée.", []),
    ("fr", "Deux hommes de 22 et 25 ans ont été arrêtés.", []),
    ("fr", "L'opposant Jean Dupont, 73 ans, a été condamné à 5 ans de prison.", [("5 ans", "DURATION", "P5Y")]),
    ("de", "Der Mann, im Alter von 52 Jahren, lebte zwei Jahre in Bonn.", [("zwei Jahre", "DURATION", "P2Y")]),
    ("ru", "Мальчик 10 лет провёл в больнице два дня.", [("два дня", "DURATION", "P2D")]),
    ("id", "Pria berusia 40 tahun itu ditahan selama 2 tahun.", [("selama 2 tahun", "DURATION", "P2Y")]),
])
def test_ages_are_no_timex(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Il est parti vers huit heures du soir.", [("huit heures du soir", "TIME", "2024-05-15T20:00")]),
    ("fr", "L'attaque a eu lieu à 1 heure du matin.", [("1 heure du matin", "TIME", "2024-05-15T01:00")]),
    ("fr", "Il a attendu 3 heures devant la porte.", [("3 heures", "DURATION", "PT3H")]),
    ("es", "La sesión empezará a las 7 de la tarde.", [("7 de la tarde", "TIME", "2024-05-15T19:00")]),
    ("en", "The vote closed at 7 pm.", [("7 pm", "TIME", "2024-05-15T19:00")]),
])
def test_hours_with_a_part_of_day_are_clock_times(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "El partido será mañana a las 19:20.", [("mañana a las 19:20", "TIME", "2024-05-16T19:20")]),
    ("en", "They will meet tomorrow at 10:30.", [("tomorrow at 10:30", "TIME", "2024-05-16T10:30")]),
    ("de", "Die Sitzung beginnt heute um 10:00.", [("heute um 10:00", "TIME", "2024-05-15T10:00")]),
])
def test_a_relative_day_takes_its_clock_time(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # said on a Wednesday: with a future verb "this Friday" is the coming one, with a past one the last
    ("fr", "Le sommet se tiendra ce vendredi.", [("ce vendredi", "DATE", "2024-05-17")]),
    ("fr", "Le sommet s'est tenu ce lundi.", [("ce lundi", "DATE", "2024-05-13")]),
    ("pt", "O presidente vai viajar neste sábado.", [("neste sábado", "DATE", "2024-05-18")]),
])
def test_this_weekday_follows_the_tense(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Le 3 mai, la manifestation a commencé dans la matinée.",
     [("3 mai", "DATE", "2024-05-03"), ("la matinée", "DATE", "2024-05-03TMO")]),
    ("fr", "Les tirs ont repris dans l'après-midi.", [("l'après-midi", "DATE", "2024-05-15TAF")]),
    ("fr", "Il est arrivé à minuit.", [("minuit", "DATE", "2024-05-15T24:00")]),
])
def test_french_parts_of_day_alone(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # 일 alone is a day of the month; before a shift word or a count marker it counts days
    ("ko", "그는 3일 전에 도착했다.", [("3일 전", "DATE", "2024-05-12")]),
    ("ko", "10일 연속 비가 왔다.", [("10일", "DURATION", "P10D")]),
    ("ko", "회담은 3일 열렸다.", [("3일", "DATE", "2024-05-03")]),
])
def test_korean_day_counts(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # days listed before the one that names the month are dates of that month, each its own TIMEX3
    ("ru", "Голосование пройдёт 17, 18 и 19 сентября.", [("17", "DATE", "2024-09-17"),  # future tense: coming
                                                          ("18 и 19 сентября", "DATE", "2024-09-18")]),
    ("tr", "Etkinlik 14, 15 ve 16 Ekim tarihlerinde.", [("14", "DATE", "2023-10-14"), ("15", "DATE", "2023-10-15"),
                                                        ("16 Ekim", "DATE", "2023-10-16")]),
    ("ru", "в течение трёх дней — 18, 19, 20 сентября", [("трёх дней", "DURATION", "P3D"), ("18", "DATE", "2023-09-18"),
                                                         ("19", "DATE", "2023-09-19"),
                                                         ("20 сентября", "DATE", "2023-09-20")]),
    ("de", "Am 20., 21. und 22. August reist er.", [("20.", "DATE", "2024-08-20"),
                                                    ("21. und 22. August", "DATE", "2024-08-21")]),
    ("en", "Article 5, 12 May", [("12 May", "DATE", "2024-05-12")]),  # no "and" and no run: no list
    # "between" keeps the range
    ("en", "between 3 and 5 May", [("between 3 and 5 May", "DATE", "2024-05-03")]),
])
def test_day_lists(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a dot clock time after a clock preposition or before a time zone; an amount is none
    ("ru", "Совещание началось в 10.45, рост в 2.50 раза, в 2.50 млн", [("10.45", "TIME", "2024-05-15T10:45")]),
    ("uk", "Комендантська година з 18.00 до 06.00.", [("18.00", "TIME", "2024-05-15T18:00"),
                                                     ("06.00", "TIME", "2024-05-15T06:00")]),
    ("id", "Gempa terjadi 03.30 WIB.", [("03.30 WIB", "TIME", "2024-05-15T03:30")]),
])
def test_dot_clock_times(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fa", "یک مرد ۳۵ ساله بازداشت شد.", []),  # an age
    ("fa", "قرارداد ۲۵ ساله امضا شد.", [("۲۵ ساله", "DURATION", "P25Y")]),
    # a weekday taking the Solar Hijri date in brackets after it is converted like that date
    ("fa", "صبح امروز سه‌شنبه (۲۲ آبان ۱۴۰۳) برگزار شد.", [("صبح امروز سه‌شنبه", "DATE", "2024-11-12TMO"),
                                                         ("۲۲ آبان ۱۴۰۳", "DATE", "2024-11-12")]),
    # a clock preposition of several words ("hacia las") licenses the count of hours after it
    ("es", "Llegó hacia las 10 horas.", [("10 horas", "TIME", "2024-05-15T10:00")]),
])
def test_persian_ages_calendar_weekday_and_long_prepositions(lang: str, text: str,
                                                            expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "durante tres años y medio", [("tres años y medio", "DURATION", "P3Y6M")]),
    ("es", "esperó dos horas y media", [("dos horas y media", "DURATION", "PT2H30M")]),
    ("es", "hace dos años y medio", [("hace dos años y medio", "DATE", "2021-11")]),  # 30 months before
    ("en", "1.5 years ago", [("1.5 years ago", "DATE", "2022-11")]),
])
def test_halves(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a relative month or day word and the day after it are one DATE
    ("ja", "今月28日に会談した。", [("今月28日", "DATE", "2024-05-28")]),
    ("ja", "来月3日に訪問する。", [("来月3日", "DATE", "2024-06-03")]),
    ("zh", "本月28日举行会谈。", [("本月28日", "DATE", "2024-05-28")]),
    ("ja", "5月28日に会談した。", [("5月28日", "DATE", "2024-05-28")]),
    # a day alone in a sentence that looks ahead is this month's or the next one's, not the last one's
    ("ko", "정상회담은 오는 23일 열릴 예정이다.", [("23일", "DATE", "2024-05-23")]),
])
def test_relative_months_and_days_before_a_day(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


def test_arabic_clitics_fused_before_date_words() -> None:
    text = "وصل الوزير والسبت الماضي، الموافق ل18 يوليوز 2023، وقال بالأمس إن الوقت مناسب."
    assert _timexes(text, "ar") == [("السبت الماضي", "DATE", "2024-05-11"), ("18 يوليوز 2023", "DATE", "2023-07-18"),
                                    ("الأمس", "DATE", "2024-05-14")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Встреча началась в 10 часов утра и длилась 2 часа.", [("10 часов утра", "TIME", "2024-05-15T10:00"),
                                                                 ("2 часа", "DURATION", "PT2H")]),
    ("ru", "Он вернулся через 3 дня.", [("через 3 дня", "DATE", "2024-05-18")]),  # "дня" here is days, no clock
    ("uk", "О 19 годині 30 хвилин він поїхав.", [("19 годині 30 хвилин", "TIME", "2024-05-15T19:30")]),
])
def test_slavic_clock_hours(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "dct", "expected"), [
    # a yearless date told in the future tense is the coming one, even more than four months ahead
    ("ru", "Выставка завершится 26 ноября.", "2006-03-17", [("26 ноября", "DATE", "2006-11-26")]),
    ("ru", "Выставка завершилась 26 ноября.", "2006-03-17", [("26 ноября", "DATE", "2005-11-26")]),
])
def test_yearless_dates_follow_the_tense(lang: str, text: str, dct: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang, dct) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "la lettre adressée le 30 juillet dernier", [("30 juillet dernier", "DATE", "2023-07-30")]),
    ("fr", "le sommet du 3 mai prochain", [("3 mai prochain", "DATE", "2025-05-03")]),
    ("ru", "выборы 20 сентября текущего года", [("20 сентября текущего года", "DATE", "2024-09-20")]),
    ("ru", "встреча 5 мая прошлого года", [("5 мая прошлого года", "DATE", "2023-05-05")]),
])
def test_a_relative_word_after_a_day_gives_its_year(lang: str, text: str,
                                                    expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


def test_no_date_and_clock_time_across_a_line_break() -> None:
    text = "Samstag, 6. November 2021\n\n18.13 Uhr: Erste Kliniken melden Engpässe."
    assert _timexes(text, "de") == [("Samstag, 6. November 2021", "DATE", "2021-11-06"),
                                    ("18.13 Uhr", "TIME", "2021-11-06T18:13")]


def test_german_weekday_and_part_of_day_compounds() -> None:
    assert _timexes("Am Mittwochmorgen und am Dienstagabend trafen sie sich.", "de") == [
        ("Mittwochmorgen", "DATE", "2024-05-15TMO"), ("Dienstagabend", "DATE", "2024-05-14TEV")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("id", "Gempa terjadi pukul 07.00 pagi.", [("pukul 07.00 pagi", "TIME", "2024-05-15T07:00")]),
    ("id", "Ia tiba pukul 8.15 malam.", [("pukul 8.15 malam", "TIME", "2024-05-15T20:15")]),
    ("id", "Rapat dimulai sekitar jam sepuluh.", [("jam sepuluh", "TIME", "2024-05-15T10:00")]),
])
def test_time_words_with_hours_alone_words_and_parts_of_day(lang: str, text: str,
                                                            expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


def test_devanagari_vowel_signs_belong_to_the_word() -> None:
    # "आज" (today) inside "आजादी" (freedom) and "कल" inside "कल्याण", "कलाकार", "निकले" are no dates
    text = "आजादी के बाद कल्याण योजना, कलाकार निकले। आज सुबह 10 बजे बैठक हुई।"
    # a part of day and its clock time are one TIME
    assert _timexes(text, "hi") == [("आज सुबह 10 बजे", "TIME", "2024-05-15T10:00")]


def test_turkish_capital_dotted_i() -> None:
    # "İ".lower() is "i" and a combining dot in Python: the lexicon keys must still match
    assert _timexes("İki yıl çalıştı. İlkbaharda geldi.", "tr") == [("İki yıl", "DURATION", "P2Y"),
                                                                     ("İlkbaharda", "DATE", "2024-SP")]


def test_japanese_day_counts() -> None:
    assert _timexes("3日前に到着した。5日ぶりに再開した。", "ja") == [("3日前", "DATE", "2024-05-12"),
                                                                ("5日", "DURATION", "P5D")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ko", "지난주 금요일 만났다.", [("지난주 금요일", "DATE", "2024-05-10")]),
    ("ja", "来週月曜に会う。", [("来週月曜", "DATE", "2024-05-20")]),
    ("en", "He will visit next week Monday.", [("next week Monday", "DATE", "2024-05-20")]),
])
def test_a_relative_week_before_a_weekday(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("uk", "Збори відбулися минулої п'ятниці.", [("минулої п'ятниці", "DATE", "2024-05-10")]),
    ("ru", "Окружающая среда важна.", []),  # a bare weekday still needs its preposition
])
def test_a_weekday_with_its_relative_word_needs_no_preposition(lang: str, text: str,
                                                               expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("uk", "Сьогодні, 26 січня, відбулася зустріч.", [("Сьогодні, 26 січня", "DATE", "2024-01-26")]),
    ("tr", "Bugün, 27 Ekim 2025 Pazartesi günü toplandı.", [("Bugün, 27 Ekim 2025 Pazartesi", "DATE", "2025-10-27")]),
    ("es", "la fecha inicia mañana\n\n27/11/2020 00:55", [("mañana", "DATE", "2024-05-16"),  # not across lines
                                                        ("27/11/2020 00:55", "TIME", "2020-11-27T00:55")]),
])
def test_a_day_word_and_its_date_are_one_expression(lang: str, text: str,
                                                    expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


def test_a_month_first_day_is_no_count() -> None:
    # Hindi bylines write "जनवरी 10, 2019"; "मार्च 10 किलोमीटर" is a protest march of 10 km
    assert _timexes("किसानों का मार्च 10 किलोमीटर चला। जनवरी 10, 2019 को बैठक हुई।", "hi") == [
        ("जनवरी 10, 2019", "DATE", "2019-01-10")]
