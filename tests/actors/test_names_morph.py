"""Country and organization names in any inflection or with clitics attached, in several languages."""

from __future__ import annotations

import pytest

from communique.actors.gazetteer import Token, clitics_of, lemma_language, token_key
from communique.document import Document
from communique.lang.ru.names import stem as ru_stem
from communique.options import Options
from communique.pipeline import process


def run_actors(text: str, lang: str) -> Document:
    return process(Document(id="t", raw_text=text, lang_hint=lang), Options(), until="actors")


def _found(doc: Document) -> list[tuple[int, int, str, str, str]]:
    """(start, end, text, kind, canonical name) of the country and organization mentions."""
    return [(m.start, m.end, m.text, m.kind, m.name) for m in doc.mentions if m.kind in ("country", "organization")]


def test_ukrainian_oblique_cases_are_the_country_not_new_entities() -> None:
    text = "Делегація України зустріла посла Угорщини. Київ домовився з Угорщиною."
    doc = run_actors(text, "uk")
    found = _found(doc)
    assert (10, 17, "України", "country", "Ukraine") in found
    assert (33, 41, "Угорщини", "country", "Hungary") in found
    assert (60, 69, "Угорщиною", "country", "Hungary") in found
    # the inflected country is never a person or an unknown organization ("Ukraїni")
    assert not [m for m in doc.mentions if m.text in ("України", "Угорщини", "Угорщиною") and m.kind != "country"]


def test_bulgarian_text_read_with_russian_data_knows_bulgarian_country_names() -> None:
    text = "България и Гърция подписаха споразумение."
    found = _found(run_actors(text, "bg"))
    assert (0, 8, "България", "country", "Bulgaria") in found
    assert (11, 17, "Гърция", "country", "Greece") in found


def test_arabic_prefix_clitics_and_nisba_adjectives() -> None:
    text = "التقى وزير خارجية وروسيا بنظيره في إسرائيل، وانتقد الجيش الإسرائيلي."
    found = _found(run_actors(text, "ar"))
    russia = text.index("وروسيا") + 1  # the conjunction و is not part of the name
    assert (russia, russia + 5, "روسيا", "country", "Russia") in found
    israel = text.index("إسرائيل،")
    assert (israel, israel + 7, "إسرائيل", "country", "Israel") in found
    adjective = text.index("الإسرائيلي") + 2  # the article ال is not part of the adjective's span
    assert (adjective, adjective + 8, "إسرائيلي", "country", "Israel") in found


def test_hebrew_prefix_clitics_keep_offsets_on_the_name() -> None:
    text = "השר נפגש מרוסיה ובארצות הברית עם נציגי ישראל."
    found = _found(run_actors(text, "he"))
    russia = text.index("מרוסיה") + 1
    assert (russia, russia + 5, "רוסיה", "country", "Russia") in found
    usa = text.index("ובארצות") + 2
    assert (usa, usa + len("ארצות הברית"), "ארצות הברית", "country", "United States") in found


def test_turkish_case_suffix_after_an_apostrophe() -> None:
    text = "Dışişleri Bakanı Rusya'nın teklifini Türkiye'ye iletti."
    found = _found(run_actors(text, "tr"))
    assert (17, 22, "Rusya", "country", "Russia") in found
    assert (37, 44, "Türkiye", "country", "Turkey") in found


def test_french_elided_article_before_a_country() -> None:
    text = "Le ministre a parlé de l'Ukraine et d'Israël."
    found = _found(run_actors(text, "fr"))
    assert (25, 32, "Ukraine", "country", "Ukraine") in found
    assert (38, 44, "Israël", "country", "Israel") in found


def test_persian_adjective_of_a_country() -> None:
    text = "نیروهای اسرائیلی به لبنان حمله کردند."
    found = _found(run_actors(text, "fa"))
    assert (8, 16, "اسرائیلی", "country", "Israel") in found


def test_clitics_are_split_only_where_the_language_has_them() -> None:
    arabic = clitics_of(("ar",))
    assert arabic is not None and "وال" in arabic.prefixes
    word = "والسعودية"
    heads = [t.text for t in arabic.without_prefix(Token(10, 10 + len(word), word, token_key(word, "ar")), "ar")]
    assert heads[0] == "السعودية" and "سعودية" in heads
    russian = clitics_of(("ru",))
    assert russian is not None and russian.prefixes == () and russian.boundaries == ("'", "’")


@pytest.mark.parametrize(
    ("word", "stem"),
    [("України", "украін"), ("Україна", "украін"), ("Європейської", "європейськ"), ("Європейського", "європейськ"),
     ("Угорщиною", "угорщин"), ("Россией", "росс"), ("России", "росс")],
)
def test_cyrillic_stems_meet_across_ukrainian_and_russian_case_endings(word: str, stem: str) -> None:
    assert ru_stem(word) == stem


@pytest.mark.parametrize(
    ("lang", "text", "body", "name", "entity_id"),
    [
        ("uk", "МЗС України викликало посла.", "МЗС України", "Ministry of Foreign Affairs of Ukraine",
         "org:ministri-of-foreign-afairs-of-ukraine"),
        ("uk", "Заява Міністерства закордонних справ Угорщини.", "Міністерства закордонних справ Угорщини",
         "Ministry of Foreign Affairs of Hungary", "org:ministri-of-foreign-afairs-of-hungari"),
        ("ru", "МИД Украины выразил протест.", "МИД Украины", "Ministry of Foreign Affairs of Ukraine",
         "org:ministri-of-foreign-afairs-of-ukraine"),
        ("en", "Russia's Defence Ministry said.", "Russia's Defence Ministry", "Ministry of Defence of Russia",
         "local:mod-ru"),
        ("de", "Das Außenministerium der Ukraine teilte mit.", "Außenministerium der Ukraine",
         "Ministry of Foreign Affairs of Ukraine", "org:ministri-of-foreign-afairs-of-ukraine"),
        ("tr", "Rusya Dışişleri Bakanlığı açıklama yaptı.", "Rusya Dışişleri Bakanlığı",
         "Ministry of Foreign Affairs of Russia", "local:mofa-ru"),
        ("he", "משרד החוץ הישראלי הודיע.", "משרד החוץ הישראלי", "Ministry of Foreign Affairs of Israel",
         "org:ministri-of-foreign-afairs-of-israel"),
        ("zh", "俄罗斯外交部表示。", "俄罗斯外交部", "Ministry of Foreign Affairs of Russia", "local:mofa-ru"),
    ],
)
def test_a_countrys_ministry_in_any_case_is_one_organization(lang: str, text: str, body: str, name: str,
                                                              entity_id: str) -> None:
    doc = run_actors(text, lang)
    start = text.index(body)
    found = [(m.start, m.end, m.kind, m.name, m.entity_id) for m in doc.mentions]
    assert (start, start + len(body), "organization", name, entity_id) in found
    # the country inside is part of the body, not a mention of its own
    assert not [m for m in doc.mentions if start < m.start < start + len(body)]


def test_a_person_after_a_country_in_a_title_keeps_the_models_name() -> None:
    text = "МЗС України викликало посла Угорщини Антала Гейзера."
    doc = run_actors(text, "uk")
    person = next(m for m in doc.mentions if m.kind == "person")
    assert (person.text, person.name, person.start) == ("Антала Гейзера", "Antal Heizera", text.index("Антала"))


@pytest.mark.parametrize(
    ("lang", "text", "name", "canonical"),
    [
        ("pl", "Rozmowy ze Stanami Zjednoczonymi trwają.", "Stanami Zjednoczonymi", "United States"),
        ("pl", "Premier był wczoraj w Polsce.", "Polsce", "Poland"),  # by the learned dictionary form Polska
        ("pl", "Wczoraj goście z Ukrainy przyjechali.", "Ukrainy", "Ukraine"),  # by the case endings
        ("cs", "Ministr jednal s prezidentem Ukrajiny v Německu.", "Německu", "Germany"),  # a language without a folder
    ],
)
def test_inflected_names_in_languages_with_case_endings_or_lemmas(lang: str, text: str, name: str,
                                                                  canonical: str) -> None:
    found = _found(run_actors(text, lang))
    start = text.index(name)
    assert (start, start + len(name), name, "country", canonical) in found


def test_lemmas_only_where_a_language_asks_for_them() -> None:
    assert lemma_language("pl") == "endings:pl"  # the learned table, not a 400 MB dictionary
    assert lemma_language("cs") == "simplemma:cs"  # no folder: the fallback's setting
    assert lemma_language("hr") == "simplemma:hbs"  # simplemma's code for Serbo-Croatian
    assert lemma_language("ru") is None  # a stemmer of its own
    assert lemma_language("fr") is None  # a folder that does not ask


def test_ukrainian_multiword_organizations_match_their_russian_names_in_any_case() -> None:
    text = "Представники Європейського Союзу та Європейської комісії."
    found = _found(run_actors(text, "uk"))
    eu, ec = text.index("Європейського"), text.index("Європейської")
    assert (eu, eu + len("Європейського Союзу"), "Європейського Союзу", "organization", "European Union") in found
    commission = "Європейської комісії"
    assert (ec, ec + len(commission), commission, "organization", "European Commission") in found


def test_a_title_and_a_country_are_no_unknown_organization() -> None:
    text = "Minister spraw zagranicznych Rosji spotkał się z delegacją."
    doc = run_actors(text, "pl")
    assert (29, 34, "Rosji", "country", "Russia") in _found(doc)
    assert not [m for m in doc.mentions if m.kind == "organization"]


def test_a_countrys_ministry_is_the_knowledge_bases_entity_when_it_has_one() -> None:
    text = "Ein Sprecher des Außenministeriums Frankreichs und das Außenministerium der Niederlande."
    found = [(m.text, m.name, m.entity_id) for m in run_actors(text, "de").mentions if m.kind == "organization"]
    assert found == [("Außenministeriums Frankreichs", "Ministry for Europe and Foreign Affairs of France",
                      "local:mofa-fr"),
                     ("Außenministerium der Niederlande", "Ministry of Foreign Affairs of the Netherlands",
                      "org:ministri-of-foreign-afairs-of-the-netherlands")]


@pytest.mark.parametrize(
    ("lang", "text", "adjective", "canonical"),
    [
        ("ar", "وصلت القوات الأوكرانية إلى المدينة.", "أوكرانية", "Ukraine"),  # أوكرانيا without -يا
        ("fa", "مقامات روسی گفتند.", "روسی", "Russia"),  # روسیه without -یه
        ("he", "הצבא האוקראיני הודיע.", "אוקראיני", "Ukraine"),  # אוקראינה without -ה
    ],
)
def test_country_adjectives_formed_on_a_shortened_name(lang: str, text: str, adjective: str, canonical: str) -> None:
    doc = run_actors(text, lang)
    start = text.index(adjective)
    assert (start, start + len(adjective), adjective, "country", canonical) in _found(doc)


@pytest.mark.parametrize(
    ("word", "other"),
    [("Mało", "Mali"), ("Małego", "Mali"), ("Moście", "Moscow")],
)
def test_case_endings_do_not_join_unrelated_short_names(word: str, other: str) -> None:
    assert token_key(word, "pl") != token_key(other, "pl")


def test_case_endings_join_the_forms_of_one_name() -> None:
    assert {token_key(w, "pl") for w in ("Rosja", "Rosji", "Rosję", "Rosją")} == {token_key("Rosja", "pl")}
    assert token_key("Trumpa", "pl") == token_key("Trump", "pl")


def test_korean_particles_are_split_off_names() -> None:
    text = "미국과 북한의 정상이 중국으로 갔다."
    found = _found(run_actors(text, "ko"))
    assert (0, 2, "미국", "country", "United States") in found
    assert (4, 6, "북한", "country", "North Korea") in found
    assert (12, 14, "중국", "country", "China") in found


@pytest.mark.parametrize(
    ("lang", "text", "acronym", "canonical"),
    [("en", "NATO's chief spoke.", "NATO", "NATO"), ("fr", "Le sommet de l'UE a commencé.", "UE", "European Union")],
)
def test_acronyms_with_a_clitic_across_an_apostrophe(lang: str, text: str, acronym: str, canonical: str) -> None:
    start = text.index(acronym)
    assert (start, start + len(acronym), acronym, "organization", canonical) in _found(run_actors(text, lang))


def test_a_capitalized_common_word_is_no_country_by_its_dictionary_form() -> None:
    text = "Warsztaty kulinarne Małego Mistrza w Warszawie."
    assert not [m for m in run_actors(text, "pl").mentions if m.kind == "country"]
