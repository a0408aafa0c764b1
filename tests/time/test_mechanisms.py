"""General time mechanisms driven by `dates:` data (see lexicon.py): START/MID/END words next to a month,
year or quarter (`period_mods_before`, `period_mods_after`), decades by a word before the number or by a
suffix after two digits (`decade_prefix`, `decade_words`, `decade_short_suffix`), comma clock times
(`comma_clock`), a part of day touching the minutes, day and clock joined by a word (`clock_joiners`),
"'s avonds", a last/next word before a full date (`day_relative_before`) and compound duration adjectives
(`compound_counts`, `compound_units`, `compound_endings`)."""

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


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("it", "Il cantiere chiuderà a fine maggio.", [("fine maggio", "DATE", "2024-05", "END")]),
    ("it", "Se ne parlerà all'inizio di giugno.", [("inizio di giugno", "DATE", "2024-06", "START")]),
    ("it", "Il voto è previsto a metà giugno.", [("metà giugno", "DATE", "2024-06", "MID")]),
    ("fr", "Le chantier sera fini à la fin de juin.", [("la fin de juin", "DATE", "2024-06", "END")]),
    ("fr", "La réunion aura lieu fin juin.", [("fin juin", "DATE", "2024-06", "END")]),
    ("fr", "Les travaux commencent mi-juin.", [("mi-juin", "DATE", "2024-06", "MID")]),
    ("ru", "Мост откроют в конце июня.", [("конце июня", "DATE", "2024-06", "END")]),
    ("ru", "Выборы пройдут в середине 2025 года.", [("середине 2025 года", "DATE", "2025", "MID")]),
    ("bg", "Срещата ще бъде в началото на юни.", [("началото на юни", "DATE", "2024-06", "START")]),
    ("bg", "Ремонтът приключи в края на 2023 г.", [("края на 2023 г.", "DATE", "2023", "END")]),
    ("en", "The plant will open early next year.", [("early next year", "DATE", "2025", "START")]),
    ("en", "Talks resume in mid-June.", [("mid-June", "DATE", "2024-06", "MID")]),
    ("en", "The vote is set for the end of June.", [("the end of June", "DATE", "2024-06", "END")]),
    ("de", "Die Messe beginnt Anfang Juni.", [("Anfang Juni", "DATE", "2024-06", "START")]),
    ("de", "Das Werk schließt Ende 2025.", [("Ende 2025", "DATE", "2025", "END")]),
    ("vi", "Dự án hoàn thành vào cuối tháng 6.", [("cuối tháng 6", "DATE", "2024-06", "END")]),
    ("nl", "De brug gaat eind juni open.", [("eind juni", "DATE", "2024-06", "END")]),
    ("pl", "Prace potrwają do końca czerwca.", [("końca czerwca", "DATE", "2024-06", "END")]),
    ("es", "Se votará a mediados de junio.", [("mediados de junio", "DATE", "2024-06", "MID")]),
    ("el", "Η σύνοδος θα γίνει στα τέλη Ιουνίου.", [("τέλη Ιουνίου", "DATE", "2024-06", "END")]),
    # after the period: Korean (a particle after it stays outside), Chinese, Turkish (a fused suffix inside)
    ("ko", "공사는 내년 초에 끝난다.", [("내년 초", "DATE", "2025", "START")]),
    ("ko", "회의는 6월 말에 열린다.", [("6월 말", "DATE", "2024-06", "END")]),
    ("zh", "工程将于6月底完工。", [("6月底", "DATE", "2024-06", "END")]),
    ("tr", "Proje Haziran ayı sonunda bitecek.", [("Haziran ayı sonunda", "DATE", "2024-06", "END")]),
])
def test_start_mid_end(lang: str, text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("el", "Η μουσική της δεκαετίας του ’90 επιστρέφει.", [("δεκαετίας του ’90", "DATE", "199", None)]),
    ("nl", "De muziek van de jaren negentig is terug.", [("jaren negentig", "DATE", "199", None)]),
    ("nl", "In de jaren '80 groeide de stad.", [("jaren '80", "DATE", "198", None)]),
    ("ru", "Это было в 90-х годах.", [("90-х годах", "DATE", "199", None)]),
    ("fr", "Dans les années 1990, la ville a grandi.", [("années 1990", "DATE", "199", None)]),
    ("it", "Negli anni Settanta la città crebbe.", [("anni Settanta", "DATE", "197", None)]),
    ("de", "In den 90er Jahren wuchs die Stadt.", [("90er Jahren", "DATE", "199", None)]),
    ("zh", "上世纪90年代,城市发展很快。", [("90年代", "DATE", "199", None)]),
    ("bg", "През 80-те години градът растеше.", [("80-те години", "DATE", "198", None)]),
    ("ko", "1990년대에 도시가 커졌다.", [("1990년대", "DATE", "199", None)]),  # the particle outside
    ("en", "The city grew in the nineties.", [("the nineties", "DATE", "199", None)]),
    ("ar", "نمت المدينة في التسعينيات.", [("التسعينيات", "DATE", "199", None)]),
    ("ru", "Город рос в девяностые.", [("девяностые", "DATE", "199", None)]),
])
def test_decades(lang: str, text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("bg", "Срещата започна в 10,30 часа.", [("10,30 часа", "TIME", "2024-05-15T10:30", None)]),
    ("bg", "Пожарът е избухнал в 6,00 часа сутринта.", [("6,00 часа сутринта", "TIME", "2024-05-15T06:00", None)]),
    ("ru", "Заседание началось в 10,30 часа.", [("10,30 часа", "TIME", "2024-05-15T10:30", None)]),
    ("ru", "Операция длилась 2,5 часа.", [("2,5 часа", "DURATION", "PT2H30M", None)]),  # still a duration
    ("el", "Το συμβάν έγινε γύρω στις 13:30μμ.", [("13:30μμ", "TIME", "2024-05-15T13:30", None)]),
    ("el", "Η εκδήλωση θα γίνει την Παρασκευή 17 Μαΐου και ώρα 4:00 μ.μ.",
     [("Παρασκευή 17 Μαΐου και ώρα 4:00 μ.μ.", "TIME", "2024-05-17T16:00", None)]),
    ("nl", "Hij komt 's avonds terug.", [("'s avonds", "DATE", "2024-05-15TEV", None)]),
    ("nl", "Dinsdag 's avonds was het druk.", [("Dinsdag 's avonds", "DATE", "2024-05-14TEV", None)]),
    ("nl", "Peter's auto is nieuw.", []),
])
def test_clock_forms(lang: str, text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("it", "Lo ha detto lo scorso 3 giugno.", [("scorso 3 giugno", "DATE", "2023-06-03", None)]),
    ("it", "Si vota il prossimo 5 aprile.", [("prossimo 5 aprile", "DATE", "2025-04-05", None)]),
    ("it", "Lo ha detto lo scorso 3 giugno 2022.", [("scorso 3 giugno 2022", "DATE", "2022-06-03", None)]),
    ("es", "Lo anunció el pasado 3 de junio.", [("pasado 3 de junio", "DATE", "2023-06-03", None)]),
    ("es", "Se votará el próximo 5 de abril.", [("próximo 5 de abril", "DATE", "2025-04-05", None)]),
    ("pt", "O acordo foi assinado no passado dia 3 de junho.",
     [("passado dia 3 de junho", "DATE", "2023-06-03", None)]),
    ("pt", "A votação será no próximo 5 de abril.", [("próximo 5 de abril", "DATE", "2025-04-05", None)]),
])
def test_last_next_before_a_date(lang: str, text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("pl", "Rozpoczęła się dwudniowa wizyta premiera.", [("dwudniowa", "DURATION", "P2D", None)]),
    ("pl", "Po trzymiesięcznej przerwie wrócił.", [("trzymiesięcznej", "DURATION", "P3M", None)]),
    ("ru", "Начался двухдневный визит премьера.", [("двухдневный", "DURATION", "P2D", None)]),
    ("ru", "После трёхнедельного перерыва он вернулся.", [("трёхнедельного", "DURATION", "P3W", None)]),
    ("uk", "Почався дводенний візит прем'єра.", [("дводенний", "DURATION", "P2D", None)]),
    ("uk", "Відбулася тригодинна нарада.", [("тригодинна", "DURATION", "PT3H", None)]),
    ("bg", "Започна двудневна визита на премиера.", [("двудневна", "DURATION", "P2D", None)]),
    ("pl", "Dwuletni chłopiec się zgubił.", []),  # years are left out: mostly ages
    ("de", "Der zweitägige Gipfel beginnt.", [("zweitägige", "DURATION", "P2D", None)]),
    ("de", "Die dreijährige Tochter spielt.", []),  # "-jährig" is an age
])
def test_compound_duration_adjectives(lang: str, text: str,
                                      expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a clock time after a date, joined by "del" (`clock_joiners`): one TIME
    ("es", "La cita es a las 19:00 del 9 de junio.", [("19:00 del 9 de junio", "TIME", "2024-06-09T19:00", None)]),
    ("it", "Il concerto inizia alle 20:30 del 3 giugno.", [("20:30 del 3 giugno", "TIME", "2024-06-03T20:30", None)]),
    # a part of the day with its clock time: the clock replaces the part
    ("it", "Questa sera alle 20:30 parla il premier.", [("Questa sera alle 20:30", "TIME", "2024-05-15T20:30", None)]),
    ("es", "Esta tarde a las 19:20 habla el presidente.",
     [("Esta tarde a las 19:20", "TIME", "2024-05-15T19:20", None)]),
    ("fr", "Le président parlera ce soir à 20h.", [("ce soir à 20h", "TIME", "2024-05-15T20:00", None)]),
])
def test_day_and_clock_joined(lang: str, text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("text", "dct", "expected"), [
    # Hebrew calendar dates in letter numerals (convertdate.hebrew): `calendars.hebrew`, `letter_numerals`
    ('ביום שישי, א\' אלול התש"פ, נפתח הכנס.', "2020-08-25",
     [('יום שישי, א\' אלול התש"פ', "DATE", "2020-08-21", None)]),
    ('חג ט"ו בשבט תשפ"ה נחגג בכל הארץ.', "2025-02-14", [('ט"ו בשבט תשפ"ה', "DATE", "2025-02-13", None)]),
    ('חג ט"ו בשבט נחגג אתמול.', "2020-02-11",
     [('ט"ו בשבט', "DATE", "2020-02-10", None), ("אתמול", "DATE", "2020-02-10", None)]),
    ("כי אב המשפחה הגיע.", "2020-02-11", []),  # "אב" (Av, father) needs a day in letters with a mark
    ("הבחירות יתקיימו בסוף מרץ.", "2020-02-11", [("סוף מרץ", "DATE", "2020-03", "END")]),  # "ב" prefix outside
])
def test_hebrew_calendar(text: str, dct: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _timexes(text, "he", dct) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a period word that is a date only next to a START/MID/END word (`period_nouns`)
    ("en", "The plant will close by the end of the year.", [("the end of the year", "DATE", "2024", "END")]),
    ("ru", "Мост откроют в конце года.", [("конце года", "DATE", "2024", "END")]),
    ("ru", "Это случилось в начале прошлого года.", [("начале прошлого года", "DATE", "2023", "START")]),
    ("fr", "Le projet sera voté d'ici la fin de l'année.", [("la fin de l'année", "DATE", "2024", "END")]),
    ("de", "Die Messe beginnt Anfang der Woche.", [("Anfang der Woche", "DATE", "2024-W20", "START")]),
    ("pl", "Prace potrwają do końca roku.", [("końca roku", "DATE", "2024", "END")]),
    ("vi", "Dự án hoàn thành vào cuối năm.", [("cuối năm", "DATE", "2024", "END")]),
    ("tr", "Proje yıl sonunda bitecek.", [("yıl sonunda", "DATE", "2024", "END")]),
    ("bg", "Ремонтът ще започне в началото на годината.", [("началото на годината", "DATE", "2024", "START")]),
    # the weekend stays the weekend; a year after the word is the year itself
    ("es", "Lo anunció el fin de semana.", [("el fin de semana", "DATE", "2024-W20-WE", None)]),
    ("vi", "Dự án hoàn thành vào giữa năm 2020.", [("giữa năm 2020", "DATE", "2020", "MID")]),
])
def test_period_nouns(lang: str, text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a part of day before a clock time sets its half of the day and joins the span
    ("hi", "दोपहर करीब 3:15 बजे हमला हुआ।", [("दोपहर करीब 3:15", "TIME", "2024-05-15T15:15", None)]),
    ("hi", "शाम करीब 6 बजे बैठक हुई।", [("शाम करीब 6 बजे", "TIME", "2024-05-15T18:00", None)]),
    ("ru", "Вечером в 7:30 начался концерт.", [("Вечером в 7:30", "TIME", "2024-05-15T19:30", None)]),
    ("ru", "Ночью в 2:00 прозвучал взрыв.", [("Ночью в 2:00", "TIME", "2024-05-15T02:00", None)]),
    ("it", "Questa sera alle 9:30 parla il premier.", [("Questa sera alle 9:30", "TIME", "2024-05-15T21:30", None)]),
    ("en", "He will speak this evening at 8:30.", [("this evening at 8:30", "TIME", "2024-05-15T20:30", None)]),
])
def test_part_of_day_sets_the_clock(lang: str, text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # an hour written as a word before a part of day is a clock time; twelve at night is the day's end
    ("es", "Abrirá a las diez de la mañana.", [("diez de la mañana", "TIME", "2024-05-15T10:00", None)]),
    ("es", "Cerró a las doce de la noche del 9 de mayo.",
     [("doce de la noche del 9 de mayo", "TIME", "2024-05-09T24:00", None)]),
    ("fr", "Le vote a eu lieu à huit heures du soir.", [("huit heures du soir", "TIME", "2024-05-15T20:00", None)]),
    ("hi", "आज रात 12 बजे से नियम लागू होगा।", [("आज रात 12 बजे", "TIME", "2024-05-15T24:00", None)]),
])
def test_hour_words_and_midnight(lang: str, text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _timexes(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # "today" and a weekday with its date, and a clock time: one TIME where today and a weekday join (el)
    ("el", "Η συνεδρίαση θα γίνει σήμερα, Τετάρτη 15 Μαΐου και ώρα 4:00 μ.μ.",
     [("σήμερα, Τετάρτη 15 Μαΐου και ώρα 4:00 μ.μ.", "TIME", "2024-05-15T16:00", None)]),
    ("ms", "Mesyuarat diadakan hari ini, Rabu 15 Mei 2024.",
     [("hari ini, Rabu 15 Mei 2024", "DATE", "2024-05-15", None)]),
    # Indonesian writes them as two DATEs
    ("id", "Presiden bertemu pada hari ini, Rabu 15 Mei 2024.",
     [("hari ini", "DATE", "2024-05-15", None), ("Rabu 15 Mei 2024", "DATE", "2024-05-15", None)]),
])
def test_today_and_a_dated_weekday(lang: str, text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _timexes(text, lang) == expected
