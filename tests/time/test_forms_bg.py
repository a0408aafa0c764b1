"""Exact TIMEX3 values of the Bulgarian time vocabulary added to `lang/bg/data.yaml` (`dates:`):
relative days and their adjectives, parts of day, "last/next/this" + weekday or week, month prepositions,
year suffixes, shifts ("преди", "по-късно"), counted units, sets, quarters, ordinal days, holidays,
ages and clock times."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2025-10-21"  # a Tuesday


def _timexes(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="bg")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # relative days, their adjectives and parts of day
    ("Министрите се събраха вчера.", [("вчера", "DATE", "2025-10-20")]),
    ("Днешното заседание се провали.", [("Днешното", "DATE", "2025-10-21")]),
    ("Снощи премиерът заяви, че ще подаде оставка.", [("Снощи", "DATE", "2025-10-20TEV")]),
    ("Утре вечер ще има концерт.", [("Утре вечер", "DATE", "2025-10-22TEV")]),
    ("Вчера следобед той заяви това.", [("Вчера следобед", "DATE", "2025-10-20TAF")]),
    # last / next / this + week or weekday
    ("Миналата седмица парламентът не събра кворум.", [("Миналата седмица", "DATE", "2025-W42")]),
    ("Премиерът отмени заседанието миналия вторник.", [("миналия вторник", "DATE", "2025-10-14")]),
    ("Министърът ще дойде следващата събота.", [("следващата събота", "DATE", "2025-10-25")]),
    # month prepositions and a month with "миналата година"
    ("Цените се повишиха спрямо август.", [("август", "DATE", "2025-08")]),
    ("Това стана през септември миналата година.", [("септември миналата година", "DATE", "2024-09")]),
    # year suffixes and joiners
    ("Бюджетът за 2024-а беше приет.", [("2024-а", "DATE", "2024")]),
    ("Това се случи през 2023 г.", [("2023 г.", "DATE", "2023")]),
    ("Ръстът през първото тримесечие на 2024 г. беше слаб.",
     [("първото тримесечие на 2024", "DATE", "2024-Q1")]),
    # ordinal days
    ("Протестът беше на 1-ви май.", [("1-ви май", "DATE", "2025-05-01")]),
    ("Срещата ще е на 7-ми ноември.", [("7-ми ноември", "DATE", "2025-11-07")]),
    # shifts, number words, half units
    ("Това стана преди две години.", [("преди две години", "DATE", "2023")]),
    ("Два дни по-късно той подаде оставка.", [("Два дни по-късно", "DATE", "2025-10-23")]),
    ("Заседаваха около половин час.", [("около половин час", "DURATION", "PT30M")]),
    ("Проектът отне две години и половина.", [("две години и половина", "DURATION", "P2Y6M")]),
    ("Преговорите продължиха няколко месеца.", [("няколко месеца", "DURATION", "PXM")]),
    ("Чакаха десетина дни.", [("десетина дни", "DURATION", "P10D")]),
    # sets
    ("Заплатите растат с 5% годишно.", [("годишно", "SET", "P1Y")]),
    ("Комисията заседава всяка седмица.", [("всяка седмица", "SET", "P1W")]),
    # clock times with a part of day or a day word
    ("Заседанието започна в 8 часа сутринта.", [("8 часа сутринта", "TIME", "2025-10-21T08:00")]),
    ("Днес в 11 часа ще има среща.", [("Днес в 11 часа", "TIME", "2025-10-21T11:00")]),
    # end of the year, vague future
    ("Документът ще е готов до края на годината.", [("края на годината", "DATE", "2025")]),
    # holidays on a fixed day
    ("Президентът говори на Трети март.", [("Трети март", "DATE", "2025-03-03")]),
    ("Президентът ще говори на Трети март.", [("Трети март", "DATE", "2026-03-03")]),
    # ages are no durations
    ("Мъж на 52 години загина при катастрофата.", []),
    ("Той е на 45 години.", []),
])
def test_bulgarian_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected
