"""Exact TIMEX3 values of the Ukrainian forms added to `dates:` in lang/uk/data.yaml (one short sentence each)."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-12"  # a Sunday


def _timexes(text: str, dct: str | None = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="uk")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # year_suffix: locative "році"; decade_suffix
    ("Це сталося у 2020 році.", [("2020 році", "DATE", "2020")]),
    ("У 1990-х роках місто швидко росло.", [("1990-х роках", "DATE", "199")]),
    # range_from / range_to
    ("Виставка триватиме з 11 по 13 листопада.", [("з 11 по 13 листопада", "DATE", "2024-11-11")]),
    # month_relative_after, month_prepositions
    ("Завод запрацював у червні минулого року.", [("червні минулого року", "DATE", "2023-06")]),
    ("Роботи завершать наприкінці травня.", [("наприкінці травня", "DATE", "2024-05")]),
    # not_year_after: an amount is no year
    ("Ціна зросла до 2000 гривень.", []),
])
def test_years_ranges_months(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # genitive weekdays, U+02BC apostrophe, weekday_prepositions, month_relative_before
    ("Виставка працюватиме до п'ятниці.", [("п'ятниці", "DATE", "2024-05-17")]),
    ("У пʼятницю пройшов мітинг.", [("пʼятницю", "DATE", "2024-05-10")]),
    ("Ремонт триває з минулої п'ятниці.", [("минулої п'ятниці", "DATE", "2024-05-10")]),
    ("Нараду перенесли на наступний понеділок.", [("наступний понеділок", "DATE", "2024-05-13")]),
    ("У цю суботу пройшов дощ.", [("цю суботу", "DATE", "2024-05-11")]),
    ("Вплив на навколишню середу зростає.", []),
    # parts_of_day between a weekday and its date
    ("У суботу вранці, 11 травня, пройшов дощ.", [("суботу вранці, 11 травня", "DATE", "2024-05-11")]),
])
def test_weekdays(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Тепер усе інакше.", [("Тепер", "DATE", "PRESENT_REF")]),
    ("Таке вже траплялося в минулому.", [("в минулому", "DATE", "PAST_REF")]),
    ("Рішення ухвалять найближчим часом.", [("найближчим часом", "DATE", "FUTURE_REF")]),
    ("Ми нещодавно писали про це.", [("нещодавно", "DATE", "PAST_REF")]),
    ("Він приїде післязавтра.", [("післязавтра", "DATE", "2024-05-14")]),
    ("Торік завод закрили.", [("Торік", "DATE", "2023")]),
    ("Сьогодні ввечері піде дощ.", [("Сьогодні ввечері", "DATE", "2024-05-12TEV")]),
    ("Вчора ввечері пролунав вибух.", [("Вчора ввечері", "DATE", "2024-05-11TEV")]),
    ("Найближчої ночі очікується мороз.", [("Найближчої ночі", "DATE", "2024-05-12TNI")]),
    ("На цьому тижні відбудеться засідання.", [("цьому тижні", "DATE", "2024-W19")]),
    ("Ціни знизилися цього місяця.", [("цього місяця", "DATE", "2024-05")]),
    ("У наступному році податки зростуть.", [("У наступному році", "DATE", "2025")]),
    ("Наступних вихідних буде тепло.", [("Наступних вихідних", "DATE", "2024-W20-WE")]),
    ("У суботу-неділю буде сухо.", [("суботу-неділю", "DATE", "2024-W19-WE")]),
    ("Матч відбувся 3 травня. Того самого дня команда повернулася.",
     [("3 травня", "DATE", "2024-05-03"), ("Того самого дня", "DATE", "2024-05-03")]),
])
def test_relative_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # numbers (genitive), duration_mods, counted_units, shift_after
    ("Обстріл тривав понад п'ять років.", [("понад п'ять років", "DURATION", "P5Y")]),
    ("Він працював там приблизно шість років.", [("приблизно шість років", "DURATION", "P6Y")]),
    ("Протягом останніх трьох років ціни росли.", [("останніх трьох років", "DURATION", "P3Y")]),
    ("За добу ворог атакував 20 разів.", [("добу", "DURATION", "P1D")]),
    ("Завод закрили півроку тому.", [("півроку тому", "DATE", "2023-11")]),
    ("Поліція приїхала за півгодини.", [("півгодини", "DURATION", "PT30M")]),
    # clock_after "дня": an afternoon hour
    ("Зустріч почнеться о 3 годині дня.", [("3 годині дня", "TIME", "2024-05-12T15:00")]),
    ("Матч відбувся 3 травня, а два дні раніше команда тренувалася.",
     [("3 травня", "DATE", "2024-05-03"), ("два дні раніше", "DATE", "2024-05-01")]),
    # sets, set_prefix
    ("Звіт публікують щомісячно.", [("щомісячно", "SET", "P1M")]),
    ("Новини оновлюються щогодини.", [("щогодини", "SET", "PT1H")]),
    ("Зустрічі проходять кожного тижня.", [("кожного тижня", "SET", "P1W")]),
    # quarters, seasons, parts of day
    ("У першому кварталі ВВП зріс.", [("першому кварталі", "DATE", "2024-Q1")]),
    ("Улітку було спекотно.", [("Улітку", "DATE", "2024-SU")]),
    ("Зранку було холодно.", [("Зранку", "DATE", "2024-05-12TMO")]),
    ("Він повернувся опівдні.", [("опівдні", "DATE", "2024-05-12T12:00")]),
])
def test_durations_sets_parts(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("На Івана Купала запалять ватру.", [("Івана Купала", "DATE", "2024-07-07")]),
    ("До Дня Конституції готуються заздалегідь.", [("Дня Конституції", "DATE", "2024-06-28")]),
    ("Старий Новий рік святкують удома.", [("Старий Новий рік", "DATE", "2024-01-14")]),
])
def test_holidays(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected
