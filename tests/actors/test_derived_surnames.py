"""A well-known person's surname alone, in every script the KB has their full name in (gazetteer.derived_surnames):
the KB hand-types the surname-alone form in a few languages; the others are read off the full names."""

from __future__ import annotations

import pytest

from communique.actors.gazetteer import derived_surnames
from communique.actors.kb import load_kb
from conftest import run_actors

PUTIN, TRUMP = "Q7747", "Q22686"

# (language, sentence "Putin met Trump", as the language's news writes it, with particles and clitics)
SENTENCES = [
    ("fa", "پوتین با ترامپ در آلاسکا دیدار کرد.", "پوتین", "ترامپ"),
    ("ar", "التقى بوتين ترامب في ألاسكا.", "بوتين", "ترامب"),
    ("ko", "푸틴은 트럼프와 알래스카에서 회담했다.", "푸틴", "트럼프"),
    ("zh", "普京在阿拉斯加会见了特朗普。", "普京", "特朗普"),
    ("ja", "プーチン氏はアラスカでトランプ氏と会談した。", "プーチン", "トランプ"),
    ("hi", "पुतिन ने अलास्का में ट्रंप से मुलाकात की।", "पुतिन", "ट्रंप"),
    ("he", "פוטין נפגש עם טראמפ באלסקה.", "פוטין", "טראמפ"),
    ("uk", "Путін зустрівся з Трампом на Алясці.", "Путін", "Трампом"),
]


@pytest.mark.parametrize(("lang", "text", "putin", "trump"), SENTENCES)
def test_surnames_alone_are_the_kb_persons_in_every_script(lang: str, text: str, putin: str, trump: str) -> None:
    doc = run_actors(text, lang, doc_date="2025-08-15")
    persons = [(m.text, m.entity_id, m.start) for m in doc.mentions if m.kind == "person"]
    assert (putin, PUTIN, text.index(putin)) in persons
    assert (trump, TRUMP, text.index(trump)) in persons


def test_derived_forms_are_the_last_word_of_each_languages_full_name() -> None:
    putin = dict((lang, form) for form, lang in derived_surnames(load_kb().get(PUTIN)))
    assert putin["fa"] == "پوتین"  # from "ولادیمیر پوتین"
    assert putin["ja"] == "プーチン"  # from "ウラジーミル・プーチン": the middle dot separates the words
    assert putin["zh"] == "普京"  # from "弗拉基米尔·普京"
    assert "en" not in putin and "ru" not in putin  # hand-typed there: the KB's own form stays


def test_no_surname_is_derived_for_names_written_surname_first() -> None:
    # "Xi Jinping": the hand-typed surname "Xi" is not the last word of the English name, so a last word in
    # another script would be the given name
    xi = next(e for e in load_kb().entities.values() if e.name == "Xi Jinping")
    assert xi.surname["en"] == "Xi"
    assert derived_surnames(xi) == []


def test_a_capitalized_function_word_is_no_given_name_before_a_surname() -> None:
    # ("The Biden administration" is the United States: tests/actors/test_leader_governments.py)
    doc = run_actors("The Biden speech on Monday drew sharp criticism in Moscow.", "en", doc_date="2023-03-01")
    assert [(m.text, m.entity_id) for m in doc.mentions if m.kind == "person"] == [("Biden", "Q6279")]
    assert "Monday" not in [m.text for m in doc.mentions]  # a weekday is no place


def test_a_name_kept_in_its_own_order_gives_its_first_word() -> None:
    # Korean and Vietnamese write a Japanese name family name first ("기시다 후미오", "Abe Shinzō")
    kishida = dict((lang, form) for form, lang in derived_surnames(load_kb().get("local:fumio-kishida")))
    assert kishida == {"ko": "기시다"}
    doc = run_actors("윤석열 대통령은 기시다 총리와 회담했다.", "ko", doc_date="2023-05-07")
    assert [(m.text, m.entity_id) for m in doc.mentions if m.kind == "person"] == [
        ("윤석열", "local:yoon-suk-yeol"), ("기시다", "local:fumio-kishida")]
