"""Exact TIMEX3 values of the Polish time vocabulary added to `lang/pl/data.yaml` (`dates:`):
locative months, case forms and adjectives of weekdays, relative words, "ubiegły/przyszły/najbliższy" +
weekday, weeks/months/years, the weekend, shifts ("temu", "za", "później"), number words, modifiers,
sets, quarters, year suffixes, clock words, parts of day, holidays and tense cues."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-15"  # a Wednesday


def _timexes(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="pl")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # locative months and a year with its suffix
    ("W kwietniu inflacja spadła.", [("kwietniu", "DATE", "2024-04")]),
    ("Minister zapowiedział to w styczniu 2024 roku.", [("styczniu 2024 roku", "DATE", "2024-01")]),
    ("W 2022 roku inflacja wzrosła.", [("2022 roku", "DATE", "2022")]),
    ("Do spotkania doszło w marcu ubiegłego roku.", [("marcu ubiegłego roku", "DATE", "2023-03")]),
    ("Ustawę uchwalono 15 maja br.", [("15 maja br.", "DATE", "2024-05-15")]),
    # weekdays: accusative, genitive, adjectives, with a date
    ("Wybory odbędą się w sobotę 18 maja.", [("sobotę 18 maja", "DATE", "2024-05-18")]),
    ("Od poniedziałku do piątku trwają konsultacje.",
     [("poniedziałku", "DATE", "2024-05-13"), ("piątku", "DATE", "2024-05-17")]),
    ("Po niedzielnym ataku MSZ wezwało ambasadora.", [("niedzielnym", "DATE", "2024-05-12")]),
    ("W czwartkowy wieczór premier wygłosi orędzie.", [("czwartkowy wieczór", "DATE", "2024-05-16TEV")]),
    # last / next / nearest weekday
    ("Minister przyjechał w ubiegły piątek.", [("ubiegły piątek", "DATE", "2024-05-10")]),
    ("Spotkanie odbędzie się w przyszłą środę.", [("przyszłą środę", "DATE", "2024-05-22")]),
    ("Decyzję ogłoszono w minioną sobotę.", [("minioną sobotę", "DATE", "2024-05-11")]),
    # tense: a weekday alone looks ahead after a future verb, back after a past one
    ("Premier przyjedzie do Kijowa w poniedziałek.", [("poniedziałek", "DATE", "2024-05-20")]),
    ("Premier przyjechał do Kijowa w poniedziałek.", [("poniedziałek", "DATE", "2024-05-13")]),
])
def test_dates(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Przedwczoraj minister był w Paryżu, a pojutrze pojedzie do Rzymu.",
     [("Przedwczoraj", "DATE", "2024-05-13"), ("pojutrze", "DATE", "2024-05-17")]),
    ("Dziś rano minister spotkał się z ambasadorem.", [("Dziś rano", "DATE", "2024-05-15TMO")]),
    ("Wczoraj wieczorem premier wrócił do Warszawy.", [("Wczoraj wieczorem", "DATE", "2024-05-14TEV")]),
    ("W tym tygodniu Sejm zbierze się dwa razy.", [("tym tygodniu", "DATE", "2024-W20")]),
    ("W ubiegłym tygodniu minister był w Berlinie.", [("ubiegłym tygodniu", "DATE", "2024-W19")]),
    ("Ustawa wejdzie w życie w przyszłym roku.", [("przyszłym roku", "DATE", "2025")]),
    ("W weekend odbędą się wybory.", [("weekend", "DATE", "2024-W20-WE")]),
    ("Dzień później prezydent wyjechał.", [("Dzień później", "DATE", "2024-05-16")]),
    ("Obecnie trwają rozmowy.", [("Obecnie", "DATE", "PRESENT_REF")]),
    ("Rozmowy będą kontynuowane w nadchodzących tygodniach.", [("nadchodzących tygodniach", "DATE", "FUTURE_REF")]),
    ("W ostatnich latach rosła liczba protestów.", [("ostatnich latach", "DATE", "PAST_REF")]),
    ("Rząd przyjmie projekt za tydzień.", [("za tydzień", "DATE", "2024-05-22")]),
])
def test_relative(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Umowę podpisano dwa lata temu.", [("dwa lata temu", "DATE", "2022")]),
    ("Rok temu premier był w Kijowie.", [("Rok temu", "DATE", "2023")]),
    ("Rząd zajmie się projektem za dwa tygodnie.", [("za dwa tygodnie", "DATE", "2024-W22")]),
    ("Negocjacje trwały ponad trzy lata.", [("ponad trzy lata", "DURATION", "P3Y")]),
    ("Rozmowa trwała około pół godziny.", [("około pół godziny", "DURATION", "PT30M")]),
    ("Budowa potrwa półtora roku.", [("półtora roku", "DURATION", "P1Y6M")]),
    ("Przez kilkanaście lat nic się nie zmieniło.", [("kilkanaście lat", "DURATION", "PXY")]),
    # "rok" alone is no duration ("trudny rok"); a count of years after "w wieku" is an age
    ("To był trudny rok dla rządu.", []),
    ("Mężczyzna w wieku 52 lat został zatrzymany.", []),
])
def test_durations(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Raport jest publikowany co roku.", [("co roku", "SET", "P1Y")]),
    ("Spotkania odbywają się raz w tygodniu.", [("raz w tygodniu", "SET", "P1W")]),
    ("Komisja zbiera się każdego dnia.", [("każdego dnia", "SET", "P1D")]),
    ("W I kwartale 2024 r. PKB wzrósł.", [("I kwartale 2024", "DATE", "2024-Q1")]),
    ("Konferencja rozpocznie się o godz. 18:30.", [("godz. 18:30", "TIME", "2024-05-15T18:30")]),
    ("Sejm zbierze się 12 czerwca o godz. 10.", [("12 czerwca o godz. 10", "TIME", "2024-06-12T10:00")]),
    ("Premier przyjedzie w piątek po południu.", [("piątek po południu", "DATE", "2024-05-17TAF")]),
    ("Obchody Święta Niepodległości odbyły się w Warszawie.", [("Święta Niepodległości", "DATE", "2023-11-11")]),
    ("Nowy rok szkolny zacznie się we wrześniu.", [("wrześniu", "DATE", "2024-09")]),
])
def test_sets_quarters_clock_holidays(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected
