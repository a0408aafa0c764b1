"""Exact TIMEX3 values of the Dutch time vocabulary added to `lang/nl/data.yaml` (`dates:`):
relative days and their parts, last/this/next + week/month/year/weekday/season, vague durations,
shifts ("geleden", "over", "later"), number words, sets, quarters, "van" before a year, clock times
with "uur"/"u", parts of day, fixed holidays, present/past/future references."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-15"  # a Wednesday


def _timexes(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="nl")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # relative days and parts of the day
    ("De minister sprak gisteren met de Kamer.", [("gisteren", "DATE", "2024-05-14")]),
    ("Het debat is eergisteren afgesloten.", [("eergisteren", "DATE", "2024-05-13")]),
    ("De raad beslist morgen.", [("morgen", "DATE", "2024-05-16")]),
    ("Het kabinet vergadert overmorgen.", [("overmorgen", "DATE", "2024-05-17")]),
    ("De premier sprak vanochtend met de pers.", [("vanochtend", "DATE", "2024-05-15TMO")]),
    ("Het gesprek was gisteravond.", [("gisteravond", "DATE", "2024-05-14TEV")]),
    ("Afgelopen nacht was het onrustig.", [("Afgelopen nacht", "DATE", "2024-05-14TNI")]),
    ("Hij komt 's avonds terug.", [("'s avonds", "DATE", "2024-05-15TEV")]),
    # weekday and part of day in one word
    ("De minister sprak maandagochtend met de Kamer.", [("maandagochtend", "DATE", "2024-05-13TMO")]),
    ("Zondagmiddag sprak hij.", [("Zondagmiddag", "DATE", "2024-05-12TAF")]),
    # last / this / next
    ("Afgelopen maandag sprak de premier.", [("Afgelopen maandag", "DATE", "2024-05-13")]),
    ("Dinsdag aanstaande komt hij.", [("Dinsdag aanstaande", "DATE", "2024-05-21")]),
    ("Volgende week maandag start het proces.", [("Volgende week maandag", "DATE", "2024-05-20")]),
    ("De verkiezingen waren vorige week.", [("vorige week", "DATE", "2024-W19")]),
    ("Het kabinet treedt volgende maand af.", [("volgende maand", "DATE", "2024-06")]),
    ("Vorig jaar viel het kabinet.", [("Vorig jaar", "DATE", "2023")]),
    ("In juni vorig jaar won de partij.", [("juni vorig jaar", "DATE", "2023-06")]),
    ("Afgelopen zomer was het warm.", [("Afgelopen zomer", "DATE", "2023-SU")]),
    ("Het voorstel komt eind deze maand.", [("eind deze maand", "DATE", "2024-05")]),
    ("De Kamer stemt voor het einde van het jaar.", [("het einde van het jaar", "DATE", "2024")]),
    # a month after a preposition
    ("De sancties lopen in februari af.", [("februari", "DATE", "2024-02")]),
    # "van" between a season, quarter or month and its year
    ("In de zomer van 2022 viel het kabinet.", [("zomer van 2022", "DATE", "2022-SU")]),
    ("Het derde kwartaal van 2023 was slecht.", [("derde kwartaal van 2023", "DATE", "2023-Q3")]),
    # vague durations and references
    ("In tientallen gemeenten zijn de afgelopen dagen hertellingen geweest.",
     [("afgelopen dagen", "DURATION", "PXD")]),
    ("Hij werkte er jarenlang.", [("jarenlang", "DURATION", "PXY")]),
    ("Hij is momenteel in Parijs.", [("momenteel", "DATE", "PRESENT_REF")]),
    ("Het rapport verscheen onlangs.", [("onlangs", "DATE", "PAST_REF")]),
    ("Het advies komt binnenkort.", [("binnenkort", "DATE", "FUTURE_REF")]),
    # number words, modifiers, shifts
    ("Vijf jaar geleden won hij.", [("Vijf jaar geleden", "DATE", "2019")]),
    ("Over drie maanden kiest het land.", [("Over drie maanden", "DATE", "2024-08")]),
    ("Het duurde ruim twee jaar.", [("ruim twee jaar", "DURATION", "P2Y")]),
    ("De top duurde anderhalve dag.", [("anderhalve dag", "DURATION", "P1DT12H")]),
    ("Een dag later trad hij af.", [("Een dag later", "DATE", "2024-05-16")]),
    # sets
    ("Elke maandag vergadert de raad.", [("Elke maandag", "SET", "XXXX-WXX-1")]),
    ("De commissie komt wekelijks bijeen.", [("wekelijks", "SET", "P1W")]),
    # clock times: "uur" after a clock preposition or a dot time, Belgian "14u30"
    ("De top begint om 10 uur.", [("10 uur", "TIME", "2024-05-15T10:00")]),
    ("Het ongeluk gebeurde om 14.30 uur.", [("14.30 uur", "TIME", "2024-05-15T14:30")]),
    ("De betoging begint om 14u30.", [("14u30", "TIME", "2024-05-15T14:30")]),
    ("Regering legt morgen om 10 uur de eed af.", [("morgen om 10 uur", "TIME", "2024-05-16T10:00")]),
    # holidays on a fixed day
    ("Op tweede kerstdag was het rustig.", [("tweede kerstdag", "DATE", "2023-12-26")]),
    ("Koningsdag 2024 was druk.", [("Koningsdag 2024", "DATE", "2024-04-27")]),
    # ages are no durations
    ("Hij is 52 jaar oud.", []),
])
def test_dutch_forms(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _timexes(text) == expected
