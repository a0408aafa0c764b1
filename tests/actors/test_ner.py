"""Named-entity models behind one interface (communique.actors.ner): persons that neither the knowledge base
nor a title found, in Russian, Ukrainian, French, Vietnamese, Chinese, Japanese and Korean; their canonical
names (nominative, Latin where the script allows), offsets and ids."""

from __future__ import annotations

import pytest

from communique.actors import ner
from communique.actors.ner import EntitySpan, entities
from communique.actors.ner.persons import lemmatized, nominative, to_latin
from communique.document import Document, Mention
from communique.pipeline import Options, process


def run_actors(text: str, lang: str) -> Document:
    return process(Document(id="t", raw_text=text, lang_hint=lang), Options(), until="actors")


def person(doc: Document, text: str) -> Mention:
    start = doc.text.index(text)
    found = [m for m in doc.mentions if m.start == start and m.kind == "person"]
    assert found, f"{text!r} not found: {[(m.text, m.kind) for m in doc.mentions]}"
    return found[0]


def test_russian_inflected_names_in_the_nominative() -> None:
    doc = run_actors("В Казани журналисты встретились с Анной Смирновой и Игорем Лебедевым. "
                     "Лебедев рассказал о планах.", "ru")
    anna = person(doc, "Анной Смирновой")
    assert (anna.start, anna.end, anna.kind, anna.name, anna.entity_id) == (
        34, 49, "person", "Anna Smirnova", "per:ana-smirnova")
    igor = person(doc, "Игорем Лебедевым")
    assert (igor.start, igor.end, igor.name) == (52, 68, "Igor Lebedev")
    later = person(doc, "Лебедев ")
    assert (later.start, later.end, later.entity_id) == (70, 77, igor.entity_id)  # surname alone: same person


def test_same_person_same_id_across_documents() -> None:
    first = person(run_actors("Вчера Олег Тихонов открыл выставку.", "ru"), "Олег Тихонов")
    second = person(run_actors("Гости поблагодарили Олега Тихонова за приём.", "ru"), "Олега Тихонова")
    assert first.entity_id == second.entity_id == "per:oleg-tihonov"
    assert second.name == "Oleg Tikhonov"


def test_nominative_keeps_a_womans_surname_and_declines_foreign_names() -> None:
    assert nominative(("Марии", "Захаровой"), "ru") == ("Мария", "Захарова")
    assert nominative(("Мария", "Захарова"), "ru") == ("Мария", "Захарова")
    assert nominative(("Ле", "Хоай", "Чунгом"), "ru") == ("Ле", "Хоай", "Чунг")
    assert nominative(("Сергеем", "Лавровым"), "ru") == ("Сергей", "Лавров")


def test_ukrainian_names_by_the_ukrainian_transliteration() -> None:
    doc = run_actors("Міністр закордонних справ України Андрій Сибіга зустрівся з Еліною Валтонен.", "uk")
    sybiha = person(doc, "Андрій Сибіга")
    assert (sybiha.end, sybiha.name) == (sybiha.start + len("Андрій Сибіга"), "Andrii Sybiha")
    assert person(doc, "Еліною Валтонен").name == "Elina Valtonen"
    table = ner.config("uk").latin  # type: ignore[union-attr]
    assert to_latin("Зеленський", table) == "Zelensky"


def test_french_person_from_spacy() -> None:
    doc = run_actors("À Lyon, le maire Grégoire Dufresnoy a reçu des élus. Dufresnoy a salué leur travail.", "fr")
    mayor = person(doc, "Grégoire Dufresnoy")
    assert (mayor.start, mayor.end, mayor.name, mayor.source) == (17, 35, "Grégoire Dufresnoy", "ner")
    assert [m.entity_id for m in doc.mentions if m.text == "Dufresnoy"] == [mayor.entity_id]


def test_vietnamese_person_from_the_trained_tagger() -> None:
    text = "Thủ tướng Phạm Minh Chính tiếp đoàn tại Hà Nội."
    assert EntitySpan(10, 25, "person") in entities(text, "vi")
    assert person(run_actors(text, "vi"), "Phạm Minh Chính").end == 25


def test_chinese_person_in_pinyin() -> None:
    # a person the KB does not know is named in pinyin
    doc = run_actors("中国驻俄罗斯大使张汉晖在莫斯科表示，中方欢迎各方参与。", "zh")
    zhang = person(doc, "张汉晖")
    assert (zhang.start, zhang.end, zhang.name, zhang.entity_id) == (8, 11, "Zhang Hanhui", "per:zhang-hanhui")
    # one it knows (a foreign-ministry spokesperson, data-sources/kb/offices/spokespersons.csv) is linked
    doc = run_actors("外交部发言人毛宁在北京表示，中方欢迎各方参与。", "zh")
    mao = person(doc, "毛宁")
    assert (mao.start, mao.end, mao.name, mao.entity_id) == (6, 8, "Mao Ning", "local:mao-ning.cn")


def test_a_chinese_text_that_opens_with_a_transliterated_name() -> None:
    # the first token is a foreign name (jieba's nrt): nothing before it to join with, no crash
    spans = entities("科萨切夫会见了拉夫罗夫。", "zh")
    assert [(s.start, s.end, s.kind) for s in spans] == [(0, 4, "person"), (7, 11, "person")]


def test_japanese_person_from_proper_noun_tags() -> None:
    doc = run_actors("国土交通省の金井正彰局長は東京で記者会見を開いた。", "ja")
    kanai = person(doc, "金井正彰")
    # a name outside the KB is written in Latin letters by its kana reading (actors.xscript)
    assert (kanai.start, kanai.end, kanai.name, kanai.kind) == (6, 10, "Kanai Masaaki", "person")


def test_korean_person_in_latin() -> None:
    doc = run_actors("외교부 김흔진 북핵정책과장은 서울에서 회의를 열었다.", "ko")
    kim = person(doc, "김흔진")
    assert (kim.start, kim.end, kim.name) == (4, 7, "Kim Heun-jin")
    spans = entities("문재인 대통령은 세르게이 라브로프 장관을 만났다. 한반도 문제", "ko")
    assert spans == [EntitySpan(0, 3, "person", "Moon Jae-in"), EntitySpan(9, 18, "person")]


def test_korean_foreign_name_with_a_middle_initial_is_one_person() -> None:
    text = "2019년 4월 11일, 도널드 J. 트럼프 대통령과 영부인 멜라니아 트럼프 여사는 백악관에서 만났다."
    assert [text[s.start : s.end] for s in entities(text, "ko")] == ["도널드 J. 트럼프", "멜라니아 트럼프"]


def test_no_person_from_months_common_nouns_or_acronyms() -> None:
    doc = run_actors("Решение Совета поддержал в мае Олег Тихонов. МИД выступил с заявлением.", "ru")
    persons = [m.text for m in doc.mentions if m.kind == "person"]
    assert persons == ["Олег Тихонов"]


def test_backend_named_by_the_language_data_and_stubs(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ner.config("ru").backend == "natasha"  # type: ignore[union-attr]
    assert ner.config("en").backend == "perceptron"  # type: ignore[union-attr]
    assert ner.config("en").take == ("person", "location")  # type: ignore[union-attr]  # the KB names its bodies
    assert ner.config("ru").take == ("person", "organization", "location")  # type: ignore[union-attr]
    assert ner.config("tr") is None
    monkeypatch.setenv("COMMUNIQUE_NER", "off")
    assert entities("Олег Тихонов", "ru") == []
    monkeypatch.delenv("COMMUNIQUE_NER")
    ner.register("stub", lambda: lambda text: [EntitySpan(0, len(text), "person")])
    assert ner.load_backend("stub")("Ab") == [EntitySpan(0, 2, "person")]  # type: ignore[misc]


def test_spanish_person_from_the_trained_tagger() -> None:
    text = "El presidente del Gobierno, Pedro Sánchez, se reunió en Rabat con Aziz Akhannouch."
    found = [(text[s.start : s.end], s.kind) for s in entities(text, "es") if s.kind == "person"]
    assert found == [("Pedro Sánchez", "person"), ("Aziz Akhannouch", "person")]
    doc = run_actors(text, "es")
    assert person(doc, "Aziz Akhannouch").name == "Aziz Akhannouch"


def test_name_particles_stay_in_the_name() -> None:
    doc = run_actors("No final do almoço, a convite de Marcelo Rebelo de Sousa, o chefe de Estado falou.", "pt")
    assert person(doc, "Marcelo Rebelo de Sousa").name == "Marcelo Rebelo de Sousa"


def test_polish_names_to_their_dictionary_form() -> None:
    assert lemmatized(("Donalda", "Tuska"), "pl") == ("Donald", "Tusk")
    assert lemmatized(("Andrzejem", "Dudą"), "pl") == ("Andrzej", "Duda")
    assert lemmatized(("A.", "Dudą", "z"), "pl") == ("A.", "Duda", "z")  # initials and lower case stay
    # a lemma that is another word, not another ending of this one, is not taken (simplemma: Kim -> kto)
    assert lemmatized(("Kim", "Dzong", "Un"), "pl") == ("Kim", "Dzong", "Un")
    assert lemmatized(("Ivan", "Komarenko"), "pl") == ("Ivan", "Komarenko")


def test_polish_model_finds_an_inflected_name_in_its_nominative() -> None:
    doc = process(Document(id="t", raw_text="Minister spraw zagranicznych Radosław Sikorski rozmawiał w środę z "
                           "Andrzejem Dudą o sytuacji na Ukrainie.", lang_hint="pl"), Options(doc_date="2025-06-01"),
                  until="actors")
    persons = [(m.text, m.name) for m in doc.mentions if m.kind == "person"]
    assert persons == [("Radosław Sikorski", "Radosław Sikorski"), ("Andrzejem Dudą", "Andrzej Duda")]


@pytest.mark.parametrize(("text", "name"), [
    ("Jake Sullivan, who advises the president on security, told reporters that the talks had been useful.",
     "Jake Sullivan"),
    ("Opposition leader Omoyele Sowore was arrested by police in Abuja on Friday after a protest.", "Omoyele Sowore"),
])
def test_english_person_the_kb_does_not_know_from_the_trained_tagger(text: str, name: str) -> None:
    found = [text[s.start : s.end] for s in entities(text, "en") if s.kind == "person"]
    assert found == [name]
    doc = run_actors(text, "en")
    assert person(doc, name).name == name
    assert not any(m.source == "ner" and m.kind == "organization" for m in doc.mentions)  # not its bodies


def test_a_run_of_capitalised_words_is_no_person(monkeypatch: pytest.MonkeyPatch) -> None:
    from communique.actors.ner import perceptron_ner

    def capitals_are_one_person(weights: object, words: list[str]) -> list[str]:
        # the words between "that" and "was" as one person, as a tagger would on a run of capitals
        start, end = words.index("that") + 1, words.index("was")
        return ["B-PER" if i == start else "I-PER" if start < i < end else "O" for i in range(len(words))]

    monkeypatch.setattr(perceptron_ner, "tag_words", capitals_are_one_person)
    recognize = perceptron_ner.load("en")
    text = "he said that Luiz Inácio Lula da Silva was there on time"  # five words: a name
    assert [text[s.start : s.end] for s in recognize(text)] == ["Luiz Inácio Lula da Silva"]
    text = "he said that Explained Share Tweet Email Star Trek Picard was a rumour that nobody would believe"
    assert recognize(text) == []  # seven: a run of capitals
