"""Exact TIMEX3 values of the Italian time vocabulary added to `lang/it/data.yaml` (`dates:`):
relative days and parts of day, "scorso/prossimo" with weekdays, weeks, months and years, month
prepositions, "fa/tra/dopo" shifts, number words, vague spans, sets, seasons, quarters, holidays,
"ore" before a clock time, ordinal "1°", and ages that are no durations."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-15"  # a Wednesday


def _timexes(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="it")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # relative days, with a part of day
    ("Il ministro ha parlato ieri con il premier.", [("ieri", "DATE", "2024-05-14")]),
    ("Il decreto arriverà domani in Aula.", [("domani", "DATE", "2024-05-16")]),
    ("L'altro ieri il ministro ha parlato.", [("L'altro ieri", "DATE", "2024-05-13")]),
    ("Lo ha detto stamattina il ministro.", [("stamattina", "DATE", "2024-05-15TMO")]),
    ("Il ministro ha parlato ieri sera con il premier.", [("ieri sera", "DATE", "2024-05-14TEV")]),
    ("Il confronto di questa mattina è stato cordiale.", [("questa mattina", "DATE", "2024-05-15TMO")]),
    ("L'incontro si è svolto nel pomeriggio.", [("nel pomeriggio", "DATE", "2024-05-15TAF")]),
    ("Nella serata di ieri il premier ha parlato.", [("Nella serata di ieri", "DATE", "2024-05-14TEV")]),
    # a weekday with "scorso/prossimo", a part of day after it
    ("Lunedì scorso il governo ha approvato il decreto.", [("Lunedì scorso", "DATE", "2024-05-13")]),
    ("Le elezioni si terranno domenica prossima.", [("domenica prossima", "DATE", "2024-05-19")]),
    ("Lunedì mattina il Cdm si è riunito.", [("Lunedì mattina", "DATE", "2024-05-13TMO")]),
    # weeks, months, years, weekends
    ("Il vertice si terrà la prossima settimana a Bruxelles.", [("la prossima settimana", "DATE", "2024-W21")]),
    ("L'accordo è stato firmato l'anno scorso.", [("l'anno scorso", "DATE", "2023")]),
    ("Era il discorso dello scorso anno.", [("scorso anno", "DATE", "2023")]),
    ("Il tema di quest'anno è la pace.", [("quest'anno", "DATE", "2024")]),
    ("In settimana è atteso il voto.", [("In settimana", "DATE", "2024-W20")]),
    # a month after a preposition; a date with a relative word after it; "1°"
    ("Il prezzo è salito del 3% rispetto a febbraio.", [("febbraio", "DATE", "2024-02")]),
    ("Il 3 marzo scorso il governo ha deciso.", [("3 marzo scorso", "DATE", "2024-03-03")]),
    ("Dal 1° gennaio 2025 cambiano le regole.", [("1° gennaio 2025", "DATE", "2025-01-01")]),
    ("Il 25 aprile del 2023 c'era il sole.", [("25 aprile del 2023", "DATE", "2023-04-25")]),
    # shifts and durations
    ("Tre anni fa la situazione era diversa.", [("Tre anni fa", "DATE", "2021")]),
    ("Tra due settimane si vota.", [("Tra due settimane", "DATE", "2024-W22")]),
    ("La riunione è durata due ore e mezza.", [("due ore e mezza", "DURATION", "PT2H30M")]),
    ("Lo slittamento è stato di mezz'ora.", [("mezz'ora", "DURATION", "PT30M")]),
    ("Il ministro è rimasto in carica per una decina di giorni.", [("una decina di giorni", "DURATION", "P10D")]),
    ("Negli ultimi anni il paese è cambiato.", [("ultimi anni", "DURATION", "PXY")]),
    ("La guerra è durata due decenni.", [("due decenni", "DURATION", "P20Y")]),
    ("Nei giorni scorsi il ministro ha incontrato i sindacati.", [("giorni scorsi", "DURATION", "PXD")]),
    ("Al momento non ci sono altri incontri.", [("Al momento", "DATE", "PRESENT_REF")]),
    # sets, seasons, quarters, holidays
    ("Ogni giorno arrivano centinaia di persone.", [("Ogni giorno", "SET", "P1D")]),
    ("Il Consiglio si riunisce ogni lunedì.", [("ogni lunedì", "SET", "XXXX-WXX-1")]),
    ("La scorsa estate è stata calda.", [("scorsa estate", "DATE", "2023-SU")]),
    ("Per tutta la stagione invernale.", [("stagione invernale", "DATE", "2024-WI")]),
    ("Nel primo trimestre del 2024 il Pil è cresciuto.", [("primo trimestre del 2024", "DATE", "2024-Q1")]),
    ("A Ferragosto le città si svuotano.", [("Ferragosto", "DATE", "2024-08-15")]),
    # "ore" before a clock time
    ("Il premier parlerà alle ore 16.", [("ore 16", "TIME", "2024-05-15T16:00")]),
    # ages and "un secondo mandato" are no durations
    ("Un uomo di 45 anni è stato arrestato.", []),
    ("Mattarella è al secondo mandato, un secondo mandato inatteso.", []),
])
def test_italian_forms(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _timexes(text) == expected
