"""News media are mentions of kind `media`: `communique entities` lists them (they are organizations in the text),
no event takes them as a side (actors/resolve.py::MEDIA)."""

from __future__ import annotations

from communique.document import Document
from communique.options import Options
from communique.pipeline import process


def _doc(text: str, lang: str) -> Document:
    return process(Document(id="t", raw_text=text, lang_hint=lang, date="2024-04-10"), Options())


def test_a_news_agency_is_a_media_mention_and_no_side() -> None:
    doc = _doc("Москва, 10 апреля. Как сообщает ТАСС, президент Владимир Путин провел переговоры с "
               "Александром Лукашенко в Минске.", "ru")
    media = [(m.text, m.name, m.kind) for m in doc.mentions if m.kind == "media"]
    assert media == [("ТАСС", "TASS", "media")]
    assert doc.events, "the talks are an event"
    assert all("TASS" not in [a.name for a in e.actors] for e in doc.events)
    assert ("CONSULT", ["Alexander Lukashenko", "Vladimir Putin"]) in [
        (e.type, sorted(a.name for a in e.actors if a.kind == "person")) for e in doc.events]


def test_short_names_of_media_do_not_swallow_words() -> None:
    # UzA's key is "usa", Jiji's "i", BelTA's "belt": such one-word forms are left out of news-agencies.yaml
    doc = _doc("The USA and China discussed the Belt and Road Initiative. I think so, Yle said.", "en")
    found = [(m.text, m.name, m.kind) for m in doc.mentions]
    assert ("USA", "United States", "country") in found
    assert not [m for m in doc.mentions if m.kind == "media"]


def test_national_agencies_of_the_news_agencies_file_are_media() -> None:
    doc = _doc("به گزارش ایرنا، عراقچی با لاوروف دیدار کرد.", "fa")
    assert [(m.text, m.entity_id) for m in doc.mentions if m.kind == "media"] == [("ایرنا", "local:irna")]
    doc = _doc("Anadolu Ajansı'na göre Fidan, Lavrov ile görüştü.", "tr")
    assert [m.entity_id for m in doc.mentions if m.kind == "media"] == ["local:anadolu"]
