"""A name the text gives an office links to that office's holder when spelled nearly alike; a name written
again takes the same link; a model's place that is a KB person's full name is the person; a title of another
country does not describe a KB person of their own country."""

from __future__ import annotations

from communique.actors.ner import EntitySpan
from communique.actors.ner.drafts import _named
from communique.actors.xscript import Context, link_office_holder
from communique.document import Document
from communique.options import Options
from communique.pipeline import process


def _people(text: str, date: str) -> list[tuple[str, str, str | None]]:
    doc = process(Document(id="t", raw_text=text, date=date, date_source="metadata"), Options(), until="actors")
    return [(m.text, m.name, m.role) for m in doc.mentions if m.kind == "person"]


def test_office_holder_link_needs_a_near_spelling() -> None:
    moroccan_pm = Context("es", "2023-12-14", "MA", role="Prime Minister")
    assert link_office_holder(("Aziz", "Ajanuch"), moroccan_pm) == "local:aziz-akhannouch.ma"
    assert link_office_holder(("Aziz", "Rabbah"), moroccan_pm) is None  # a given name alone is not enough
    vietnam_fm = Context("tr", "2026-02-24", "VN", role="Minister of Foreign Affairs")
    assert link_office_holder(("Le", "Hoai", "Chung"), vietnam_fm) == "local:le-hoai-trung"
    # the same words with the office of a date someone else held it
    assert link_office_holder(("Le", "Hoai", "Chung"), Context("tr", "2018-08-01", "VN",
                                                               role="Minister of Foreign Affairs")) is None
    assert link_office_holder(("Aziz", "Ajanuch"), Context("es", "2023-12-14", "MA")) is None  # no stated office


def test_prime_minister_is_the_head_of_government_whatever_the_country_calls_it() -> None:
    text = "El canciller se reunió el lunes con el primer ministro marroquí, Aziz Ajanuch, en Rabat."
    assert ("Aziz Ajanuch", "Aziz Akhannouch", "Prime Minister") in _people(text, "2024-03-04")


def test_a_name_written_again_without_its_title_is_the_same_person() -> None:
    text = ("Vietnam Dışişleri Bakanı Le Hoai Chung Moskova'ya geldi. Putin ile Le Hoai Chung arasındaki "
            "görüşme Kremlin'de gerçekleşti.")
    linked = [(surface, name) for surface, name, _ in _people(text, "2026-02-24") if "Chung" in surface]
    assert linked == [("Le Hoai Chung", "Lê Hoài Trung"), ("Le Hoai Chung", "Lê Hoài Trung")]


def test_a_title_of_another_country_is_not_the_next_name_s() -> None:
    text = ("Usai pertemuan dengan Menlu Turki, Retno bertemu Menlu Vietnam, Pam Binh Minh, di Singapura.")
    people = _people(text, "2018-08-02")
    assert ("Menlu Turki", "Mevlüt Çavuşoğlu", "Minister of Foreign Affairs") in people
    assert ("Retno", "Retno Marsudi", "Minister of Foreign Affairs") in people  # her own office, Indonesia's
    assert ("Pam Binh Minh", "Phạm Bình Minh", "Minister of Foreign Affairs") in people


def test_a_model_s_place_that_is_a_kb_person_s_full_name_is_the_person() -> None:
    text = "Il primo ministro libico Abdulhamid Dbeibah è arrivato a Roma per incontrare Giorgia Meloni."
    names = [name for _, name, _ in _people(text, "2023-06-07")]
    assert "Abdul Hamid Dbeibeh" in names


def test_a_place_the_model_found_that_the_kb_knows_as_a_full_name_is_that_person() -> None:
    # what the Italian tagger did with this name: a place (ner.drafts._named); the KB knows a person's full name
    text = "Ieri a Roma Abdulhamid Dbeibah ha parlato di migrazione."
    start = text.index("Abdulhamid")
    place = _named(text, EntitySpan(start, start + len("Abdulhamid Dbeibah"), "location"), "it")
    assert place is not None and place.kind == "person"
    assert [(c.entity_id, c.name) for c in place.candidates] == [
        ("local:abdul-hamid-dbeibeh.ly", "Abdul Hamid Dbeibeh")]
    # a place that is no KB person's name stays a place
    start = text.index("Roma")
    assert _named(text, EntitySpan(start, start + 4, "location"), "it").kind == "location"  # type: ignore[union-attr]
