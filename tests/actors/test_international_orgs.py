"""The international organizations are one entity in every language of lang/: their names and the press's
short forms ("l'Ue", "北约", "国連安保理", "Rada Bezpieczeństwa ONZ") resolve to the KB's id."""

from __future__ import annotations

import pytest

from conftest import run_actors

EU, NATO, UN, UNSC = "Q458", "Q7184", "Q1065", "local:un-security-council"


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("it", "Il memorandum tra l'Ue e la Tunisia è stato firmato.", [("Ue", EU)]),
    ("es", "La Unión Europea y la OTAN firmaron un acuerdo.", [("Unión Europea", EU), ("OTAN", NATO)]),
    ("pt", "A União Europeia e as Nações Unidas assinaram.", [("União Europeia", EU), ("Nações Unidas", UN)]),
    ("nl", "De Europese Unie en de NAVO overleggen.", [("Europese Unie", EU), ("NAVO", NATO)]),
    ("pl", "Rada Bezpieczeństwa ONZ zebrała się z udziałem Unii Europejskiej.",
     [("Rada Bezpieczeństwa ONZ", UNSC), ("Unii Europejskiej", EU)]),
    ("uk", "ЄС і НАТО підтримали Україну.", [("ЄС", EU), ("НАТО", NATO)]),
    ("zh", "欧盟与北约表示欢迎。", [("欧盟", EU), ("北约", NATO)]),
    ("ja", "国連安保理が会合を開いた。", [("国連安保理", UNSC)]),
    ("hi", "यूरोपीय संघ और संयुक्त राष्ट्र ने बयान जारी किया।", [("यूरोपीय संघ", EU), ("संयुक्त राष्ट्र", UN)]),
    ("ms", "Kesatuan Eropah menyokong Pertubuhan Bangsa-Bangsa Bersatu.",
     [("Kesatuan Eropah", EU), ("Pertubuhan Bangsa-Bangsa Bersatu", UN)]),
])
def test_international_organizations_resolve_in_every_language(lang: str, text: str,
                                                                 expected: list[tuple[str, str]]) -> None:
    doc = run_actors(text, lang, doc_date="2024-05-01")
    assert [(m.text, m.entity_id) for m in doc.mentions if m.kind == "organization"] == expected
