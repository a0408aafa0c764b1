"""Titles in Ukrainian and Bulgarian (lang/uk/titles.yaml, lang/bg/titles.yaml): the canonical title a title
names, the role it gives the name after it, the holder of an office named by title and country; and their
discourse cues (lang/<code>/discourse.yaml).

The actors stage reads a Cyrillic text of a language without complete data (`language.full`) with the
Russian data (actors.recognize.effective_lang), but a document's own titles apply when its language has them
(actors.recognize.titles_language).
"""

from __future__ import annotations

import pytest

from communique.actors.titles import find_titles
from communique.events import discourse
from conftest import run_actors


def persons(text: str, lang: str, date: str) -> set[tuple[str, str, str, str | None]]:
    """(text, entity id, canonical name, role) of the person mentions, after checking every offset."""
    doc = run_actors(text, lang, doc_date=date)
    out = set()
    for m in doc.mentions:
        assert m.text == text[m.start : m.end]
        if m.kind == "person":
            out.add((m.text, m.entity_id, m.name, m.role))
    return out


@pytest.mark.parametrize(("lang", "text", "span", "title"), [
    # the feminine form, the modifier before the title
    ("uk", "Заступниця міністра закордонних справ Еміне Джапарова взяла участь у засіданні.",
     "Заступниця міністра закордонних справ", "Deputy Minister of Foreign Affairs"),
    ("uk", "Першого віцепрем'єр-міністра України прийняли в Брюсселі.",
     "Першого віцепрем'єр-міністра", "First Deputy Prime Minister"),
    # an adviser of the president is no president: the office after the title word belongs to the title
    ("uk", "Радник керівника Офісу президента Михайло Подоляк прокоментував заяву.",
     "Радник керівника Офісу президента", ""),
    # the definite article on the title; a hyphenated deputy; the caretaker ("служебен") prime minister
    ("bg", "Заместник-министърът на външните работи Иво Христов участва в заседанието.",
     "Заместник-министърът на външните работи", "Deputy Minister of Foreign Affairs"),
    ("bg", "Служебният премиер Димитър Главчев посети Брюксел.", "Служебният премиер", "Acting Prime Minister"),
    ("bg", "Шефът на руската дипломация Сергей Лавров пристигна в София.", "Шефът на руската дипломация",
     "Minister of Foreign Affairs"),
])
def test_a_title_names_its_canonical_title(lang: str, text: str, span: str, title: str) -> None:
    found = [(text[t.start : t.end], t.title) for t in find_titles(text, lang)]
    assert found[0] == (span, title)


@pytest.mark.parametrize(("lang", "text", "date", "expected"), [
    ("uk", "Голова Верховної Ради Руслан Стефанчук провів зустріч з послом Японії.", "2024-05-01",
     ("Руслан Стефанчук", "per:ruslan-stefanchuk", "Ruslan Stefanchuk", "Speaker")),
    ("uk", "Посолка США в Україні Бріджит Брінк зустрілася з міністром оборони Рустемом Умєровим.", "2024-05-01",
     ("Рустемом Умєровим", "per:rustem-umierov", "Rustem Umierov", "Minister of Defence")),
    # "речник МЗС": the unnamed ministry between the title and the name
    ("uk", "Речник МЗС Олег Ніколенко відреагував на заяву.", "2024-05-01",
     ("Олег Ніколенко", "local:oleh-nikolenko.ua", "Oleh Nikolenko", "Spokesperson")),
    ("bg", "Председателят на Народното събрание Росен Желязков прие посланика на Япония.", "2024-05-01",
     ("Росен Желязков", "local:rosen-zhelyazkov.bg", "Rosen Zhelyazkov", "Chairman of the National Assembly")),
    ("bg", "Посланикът на САЩ в България Кенет Мертен се срещна с министъра на отбраната Тодор Тагарев.",
     "2024-05-01", ("Тодор Тагарев", "per:todor-tagarev", "Todor Tagarev", "Minister of Defence")),
])
def test_a_title_gives_the_name_after_it_its_role(lang: str, text: str, date: str,
                                                  expected: tuple[str, str, str, str]) -> None:
    assert expected in persons(text, lang, date)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("uk", "Канцлер Німеччини Олаф Шольц прибув до Києва, де його зустрів прем'єр-міністр України.",
     ("прем'єр-міністр України", "local:denys-shmyhal.ua", "Denys Shmyhal", "Prime Minister")),
    ("uk", "Міністр закордонних справ Франції заявив про підтримку України.",
     ("Міністр закордонних справ Франції", "local:stephane-sejourne", "Stéphane Séjourné",
      "Minister of Foreign Affairs")),
    ("bg", "Президентът на Русия заяви, че преговорите са невъзможни.",
     ("Президентът на Русия", "Q7747", "Vladimir Putin", "President")),
])
def test_an_office_named_by_title_and_country_is_its_holder(lang: str, text: str,
                                                            expected: tuple[str, str, str, str]) -> None:
    assert expected in persons(text, lang, "2024-05-01")


@pytest.mark.parametrize(("lang", "kind", "text", "cue"), [
    ("uk", "frame", "Під час візиту сторони підписали угоду.", "Під час"),
    ("uk", "group", "Обидві сторони наголосили, що співпраця важлива.", "Обидві сторони"),
    ("bg", "speech", "Министърът подчерта значението на споразумението.", "подчерта"),
    ("bg", "anniversary", "По случай 30-ата годишнина от установяването на отношенията.", "годишнина"),
])
def test_discourse_cues(lang: str, kind: str, text: str, cue: str) -> None:
    assert [text[a:b] for a, b in discourse.find(lang, kind, text, 0, len(text))] == [cue]
