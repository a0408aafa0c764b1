"""International organizations and movements named in Arabic, Persian, Hebrew, Turkish and Korean news: the
knowledge base's names in those languages, with the clitics and suffixes written onto them."""

from __future__ import annotations

import pytest

from conftest import run_actors


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ar", "دعا مجلس الأمن الدولي والاتحاد الأوروبي حماس وحزب الله إلى التهدئة.",
     [("مجلس الأمن الدولي", "local:un-security-council"), ("الاتحاد الأوروبي", "Q458"), ("حماس", "local:hamas"),
      ("حزب الله", "local:hezbollah")]),
    ("fa", "عراقچی با مدیرکل آژانس بینالمللی انرژی اتمی و نماینده اتحادیه اروپا دیدار کرد.",
     [("آژانس بینالمللی انرژی اتمی", "local:iaea"), ("اتحادیه اروپا", "Q458")]),
    ("he", "שר החוץ האשים את חמאס בפני האו\"ם ונאט\"ו.",
     [("חמאס", "local:hamas"), ("או\"ם", "Q1065"), ("נאט\"ו", "Q7184")]),
    ("tr", "AB ve BM, Hamas’ın açıklamasını değerlendirdi.",
     [("AB", "Q458"), ("BM", "Q1065"), ("Hamas", "local:hamas")]),
    ("ko", "유엔과 나토는 하마스를 규탄했다.",
     [("유엔", "Q1065"), ("나토", "Q7184"), ("하마스", "local:hamas")]),
])
def test_organizations_by_their_names_in_the_language(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    doc = run_actors(text, lang, doc_date="2024-01-01")
    found = []
    for m in doc.mentions:
        assert m.text == text[m.start : m.end]
        if m.kind == "organization" and not m.entity_id.startswith("group:"):
            found.append((m.text, m.entity_id))
    assert found == expected


def test_a_korean_country_with_its_government_written_onto_it_is_the_country() -> None:
    text = "칠레정부는 콜롬비아정부와 합의했다."
    doc = run_actors(text, "ko", doc_date="2024-01-01")
    assert [(m.text, m.entity_id, m.start) for m in doc.mentions] == [("칠레", "country:CL", 0),
                                                                       ("콜롬비아", "country:CO", 6)]
