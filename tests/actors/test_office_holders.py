"""A title with a country and no name refers to whoever held that office at the document's date."""

from __future__ import annotations

from communique.document import Document
from communique.options import Options
from communique.pipeline import process


def _people(text: str, date: str) -> list[tuple[str, str, str | None]]:
    doc = process(Document(id="t", raw_text=text, date=date, date_source="metadata"), Options(), until="actors")
    return [(m.text, m.name, m.role) for m in doc.mentions if m.kind == "person"]


def test_russian_president_without_a_name_is_putin_in_2024() -> None:
    text = "В августе генеральный секретарь ЦК КПВ То Лам провел телефонные переговоры с президентом России."
    assert ("президентом России", "Vladimir Putin", "President") in _people(text, "2024-09-01")


def test_the_office_holder_depends_on_the_date() -> None:
    text = "В марте 2010 года премьер-министр Вьетнама встретился с президентом России в Москве."
    people = _people(text, "2010-03-20")
    assert ("президентом России", "Dmitry Medvedev", "President") in people


def test_no_holder_without_a_country() -> None:
    text = "The president met farmers on Monday."
    assert _people(text, "2024-09-01") == []


def test_a_title_before_countries_joined_by_and_is_each_country_s_holder() -> None:
    # "the presidents of Kazakhstan and Uzbekistan": two people, each on its country's words
    text = "Президенты Казахстана и Узбекистана провели переговоры в Ташкенте."
    assert _people(text, "2024-05-16") == [("Казахстана", "Kassym-Jomart Tokayev", "President"),
                                           ("Узбекистана", "Shavkat Mirziyoyev", "President")]
    text = "Die Außenminister Russlands und Chinas trafen sich am Donnerstag in Astana."
    assert _people(text, "2024-05-16") == [("Russlands", "Sergey Lavrov", "Minister of Foreign Affairs"),
                                           ("Chinas", "Wang Yi", "Minister of Foreign Affairs")]
    text = "Les ministres des Affaires étrangères de la France et de l'Allemagne se sont rencontrés à Paris."
    assert [name for _, name, _ in _people(text, "2024-05-16")] == ["Stéphane Séjourné", "Annalena Baerbock"]


def test_one_country_after_a_title_stays_one_holder() -> None:
    text = "Президент России и премьер-министр Вьетнама провели переговоры."
    people = _people(text, "2024-05-16")
    assert ("Президент России", "Vladimir Putin", "President") in people
    assert all(name != "Tô Lâm" or role != "President" for _, name, role in people)


def test_english_plural_titles_before_countries_and_alone() -> None:
    text = "The foreign ministers of Russia and China met in Astana on Thursday."
    assert _people(text, "2024-05-16") == [("Russia", "Sergey Lavrov", "Minister of Foreign Affairs"),
                                           ("China", "Wang Yi", "Minister of Foreign Affairs")]
    # a plural title of no countries, or of one, is nobody in particular: not the defence minister named before
    text = "Defense Minister Sergei Shoigu spoke at the ASEAN Defense Ministers' Meeting-Plus on Wednesday."
    assert [(surface, name) for surface, name, _ in _people(text, "2021-06-11")] == [
        ("Sergei Shoigu", "Sergei Shoigu")]


def test_plural_title_with_the_names_after_it_keeps_the_names() -> None:
    text = "Президенты России и Турции Владимир Путин и Реджеп Тайип Эрдоган провели переговоры."
    people = _people(text, "2024-05-16")
    assert ("Владимир Путин", "Vladimir Putin", "President") in people
    assert all(surface != "Турции" for surface, _, _ in people)
