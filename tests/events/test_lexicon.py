"""The events lexicon: PLOVER triggers, topics, agreements and status cues per language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.events.lexicon import (
    PLOVER_TYPES,
    TOPICS,
    Lexicon,
    LexiconError,
    TriggerMatch,
    compile_lexicon,
    lexicon,
)
from communique.lang import codes as available_languages


def _trigger(lang: str, text: str, phrase: str) -> TriggerMatch:
    """The trigger found exactly on `phrase` (fails if the phrase is not a trigger)."""
    start = text.index(phrase)
    found = [t for t in lexicon(lang).find_triggers(text) if (t.start, t.end) == (start, start + len(phrase))]
    assert found, (phrase, [(t.text, t.label) for t in lexicon(lang).find_triggers(text)])
    return found[0]


def _topics(lang: str, text: str) -> set[str]:
    return {topic for topic, _, _ in lexicon(lang).find_topics(text)}


def _agreements(lang: str, text: str) -> list[tuple[str, str]]:
    return [(kind, text[s:e]) for kind, s, e in lexicon(lang).find_agreements(text)]


# (lang, sentence, trigger phrase, type, mode, label)
TRIGGER_CASES = [
    (
        "en",
        "Indian Prime Minister Narendra Modi held talks with Japanese Prime Minister Fumio Kishida in Tokyo.",
        "held talks",
        "CONSULT",
        "meet",
        "talks",
    ),
    (
        "en",
        "Brazilian President Lula began a state visit to China on Thursday.",
        "state visit",
        "CONSULT",
        "visit",
        "state visit",
    ),
    (
        "en",
        "Macron spoke by phone with German Chancellor Olaf Scholz on Monday.",
        "spoke by phone",
        "CONSULT",
        "phone",
        "phone talks",
    ),
    (
        "en",
        "Indonesia and Australia signed a memorandum of understanding on maritime security.",
        "signed a memorandum",
        "AGREE",
        None,
        "signing of an agreement",
    ),
    (
        "en",
        "Beijing accused Washington of interfering in its internal affairs.",
        "accused",
        "ACCUSE",
        None,
        "accusation",
    ),
    (
        "en",
        "The EU imposed new sanctions on Iranian officials.",
        "imposed new sanctions",
        "SANCTION",
        None,
        "sanctions",
    ),
    (
        "ru",
        "Министр иностранных дел Индии и его японский коллега провели политические консультации в Дели.",
        "провели политические консультации",
        "CONSULT",
        "meet",
        "political consultations",
    ),
    (
        "ru",
        "Президент Бразилии находится в Китае с государственным визитом.",
        "государственным визитом",
        "CONSULT",
        "visit",
        "state visit",
    ),
    (
        "ru",
        "Глава МИД Франции провел телефонный разговор с немецким коллегой.",
        "телефонный разговор",
        "CONSULT",
        "phone",
        "phone talks",
    ),
    ("ru", "Премьер-министр принял посла Индонезии.", "принял", "CONSULT", "host", "reception"),
    (
        "ru",
        "Стороны подписали меморандум о сотрудничестве в области образования.",
        "подписали меморандум",
        "AGREE",
        None,
        "signing of an agreement",
    ),
    ("ru", "Министр попросил японскую сторону ускорить переговоры.", "попросил", "REQUEST", None, "request"),
    (
        "de",
        "Bundeskanzler Scholz empfing den indischen Premierminister Modi im Kanzleramt.",
        "empfing",
        "CONSULT",
        "host",
        "reception",
    ),
    (
        "de",
        "Die Außenminister Frankreichs und Deutschlands führten in Paris intensive Gespräche.",
        "führten in Paris intensive Gespräche",
        "CONSULT",
        "meet",
        "talks",
    ),
    (
        "de",
        "Der brasilianische Präsident traf sich mit dem chinesischen Staatschef Xi Jinping.",
        "traf sich mit",
        "CONSULT",
        "meet",
        "meeting",
    ),
    ("de", "Macron führte ein Telefongespräch mit Scholz.", "Telefongespräch", "CONSULT", "phone", "phone talks"),
    (
        "de",
        "Indonesien und Australien unterzeichneten ein Abkommen über Verteidigung.",
        "unterzeichneten ein Abkommen",
        "AGREE",
        None,
        "signing of an agreement",
    ),
    ("de", "Berlin forderte Moskau auf, die Truppen abzuziehen.", "forderte", "REQUEST", None, "demand"),
    (
        "fr",
        "Le président brésilien a effectué une visite d'État en Chine.",
        "visite d'État",
        "CONSULT",
        "visit",
        "state visit",
    ),
    (
        "fr",
        "Emmanuel Macron a eu un entretien téléphonique avec Olaf Scholz.",
        "entretien téléphonique",
        "CONSULT",
        "phone",
        "phone talks",
    ),
    (
        "fr",
        "Le ministre indien a rencontré son homologue japonais à Tokyo.",
        "a rencontré",
        "CONSULT",
        "meet",
        "meeting",
    ),
    (
        "fr",
        "La France et l'Allemagne ont signé un accord sur l'énergie.",
        "ont signé un accord",
        "AGREE",
        None,
        "signing of an agreement",
    ),
    ("fr", "Le gouvernement a demandé à Pékin de libérer les détenus.", "a demandé", "REQUEST", None, "request"),
    (
        "id",
        "Presiden Indonesia mengadakan pembicaraan dengan Perdana Menteri Australia di Canberra.",
        "mengadakan pembicaraan",
        "CONSULT",
        "meet",
        "talks",
    ),
    (
        "id",
        "Menteri Luar Negeri India melakukan kunjungan resmi ke Jepang.",
        "kunjungan resmi",
        "CONSULT",
        "visit",
        "official visit",
    ),
    (
        "id",
        "Kedua menteri melakukan percakapan telepon pada hari Senin.",
        "percakapan telepon",
        "CONSULT",
        "phone",
        "phone talks",
    ),
    (
        "id",
        "Indonesia dan Australia menandatangani nota kesepahaman di bidang pendidikan.",
        "menandatangani nota kesepahaman",
        "AGREE",
        None,
        "signing of an agreement",
    ),
    ("id", "Menlu meminta Australia mempercepat proses visa.", "meminta", "REQUEST", None, "request"),
    ("vi", "Thủ tướng Ấn Độ hội đàm với Thủ tướng Nhật Bản tại Tokyo.", "hội đàm", "CONSULT", "meet", "talks"),
    ("vi", "Tổng thống Brazil thăm cấp nhà nước Trung Quốc.", "thăm cấp nhà nước", "CONSULT", "visit", "state visit"),
    ("vi", "Bộ trưởng Ngoại giao điện đàm với người đồng cấp Pháp.", "điện đàm", "CONSULT", "phone", "phone talks"),
    ("vi", "Thứ trưởng đã tiếp Đại sứ Indonesia tại Hà Nội.", "tiếp", "CONSULT", "host", "reception"),
    (
        "vi",
        "Hai bên đã ký kết 3 bản ghi nhớ hợp tác.",
        "ký kết 3 bản ghi nhớ",
        "AGREE",
        None,
        "signing of an agreement",
    ),
    ("vi", "Bộ trưởng đề nghị phía Australia tạo điều kiện cấp thị thực.", "đề nghị", "REQUEST", None, "request"),
]


@pytest.mark.parametrize(("lang", "text", "phrase", "etype", "mode", "label"), TRIGGER_CASES)
def test_newswire_sentences_give_the_expected_trigger(
    lang: str, text: str, phrase: str, etype: str, mode: str | None, label: str
) -> None:
    trigger = _trigger(lang, text, phrase)
    assert (trigger.type, trigger.mode, trigger.label) == (etype, mode, label)
    assert trigger.text == phrase


def test_host_trigger_needs_a_person_and_visit_verbs_need_a_place() -> None:
    assert _trigger("ru", "Премьер-министр принял посла.", "принял").needs == "person_object"
    assert _trigger("en", "He visited Canberra.", "visited").needs == "country_object"
    assert _trigger("de", "Ein Staatsbesuch in Brasilien.", "Staatsbesuch").noun is True


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ru",
            "сотрудничество в сферах атомной энергетики, нефтегазовой отрасли, морского взаимодействия, "
            "военно-технического сотрудничества",
            {"nuclear_energy", "oil_gas", "maritime", "military_technical"},
        ),
        ("ru", "сотрудничества в области политики, экономики и торговли", {"politics", "economy_trade"}),
        ("ru", "обменялись мнениями по международным и региональным вопросам", {"international_issues"}),
        (
            "en",
            "cooperation in civil nuclear energy, semiconductors and people-to-people exchanges",
            {"nuclear_energy", "semiconductors", "people_to_people"},
        ),
        (
            "de",
            "Zusammenarbeit in den Bereichen Cybersicherheit, Halbleiter und Landwirtschaft",
            {"cybersecurity", "semiconductors", "agriculture"},
        ),
        (
            "fr",
            "coopération dans la défense, la cybersécurité et l'éducation",
            {"defense", "cybersecurity", "education"},
        ),
        (
            "id",
            "bidang permigasan, keamanan siber, semikonduktor, ketenagakerjaan dan pendidikan-pelatihan",
            {"oil_gas", "cybersecurity", "semiconductors", "labour", "education"},
        ),
        (
            "vi",
            "hợp tác dầu khí, an ninh mạng, giáo dục - đào tạo và du lịch",
            {"oil_gas", "cybersecurity", "education", "tourism"},
        ),
    ],
)
def test_topics_name_the_cooperation_areas(lang: str, text: str, expected: set[str]) -> None:
    assert _topics(lang, text) == expected


def test_the_most_specific_topic_wins_an_overlap() -> None:
    text = "в сфере атомной энергетики"
    assert lexicon("ru").find_topics(text) == [("nuclear_energy", 8, 26)]
    assert _topics("en", "food security") == {"agriculture"}
    assert _topics("en", "cyber security") == {"cybersecurity"}


def test_foreign_policy_is_not_a_cooperation_topic() -> None:
    assert _topics("ru", "Вьетнам является приоритетным партнером России во внешней политике.") == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "They signed a memorandum of understanding and two agreements.",
            [("memorandum_of_understanding", "memorandum of understanding"), ("agreement", "agreements")],
        ),
        (
            "ru",
            "подписали меморандум о взаимопонимании и протокол",
            [("memorandum_of_understanding", "меморандум о взаимопонимании"), ("protocol", "протокол")],
        ),
        (
            "de",
            "unterzeichneten eine Absichtserklärung und die Gemeinsame Erklärung",
            [("memorandum_of_understanding", "Absichtserklärung"), ("joint_statement", "Gemeinsame Erklärung")],
        ),
        (
            "fr",
            "un traité et une déclaration commune",
            [("treaty", "traité"), ("joint_statement", "déclaration commune")],
        ),
        (
            "id",
            "5 MoU, 4 Perjanjian Kerjasama dan 2 Protokol",
            [("memorandum_of_understanding", "MoU"), ("agreement", "Perjanjian Kerjasama"), ("protocol", "Protokol")],
        ),
        (
            "vi",
            "ký tuyên bố chung và hai bản ghi nhớ",
            [("joint_statement", "tuyên bố chung"), ("memorandum_of_understanding", "bản ghi nhớ")],
        ),
    ],
)
def test_agreement_kinds(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _agreements(lang, text) == expected


def test_number_words_and_digits() -> None:
    assert lexicon("ru").number("две") == 2
    assert lexicon("de").number("Zwei") == 2
    assert lexicon("fr").number("deux") == 2
    assert lexicon("id").number("dua") == 2
    assert lexicon("vi").number("hai") == 2
    assert lexicon("en").number("two") == 2
    assert lexicon("en").number("5") == 5
    assert lexicon("en").number("several") is None


def test_status_cues() -> None:
    text = "в ходе предстоящего визита"
    assert lexicon("ru").find_cues("planned", text) == [(7, 19)]
    ru = "Специальный посланник Генерального секретаря по поручению То Лама"
    assert [ru[s:e] for s, e in lexicon("ru").find_cues("envoy", ru)] == ["Специальный посланник"]
    assert [ru[s:e] for s, e in lexicon("ru").find_cues("sender", ru)] == ["по поручению"]
    en = "He did not meet his counterpart last year."
    assert [en[s:e] for s, e in lexicon("en").find_cues("negated", en)] == ["not"]
    assert [en[s:e] for s, e in lexicon("en").find_cues("counterpart", en)] == ["counterpart"]
    assert [en[s:e] for s, e in lexicon("en").find_cues("background", en)] == ["last year"]
    assert lexicon("en").find_cues("no-such-kind", en) == []


def test_elided_cue_matches_before_a_letter() -> None:
    text = "Il n'a pas rencontré"
    assert [text[s:e] for s, e in lexicon("fr").find_cues("negated", text)] == ["n'", "pas"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Manchester United met Liverpool at Old Trafford and the striker received a yellow card."),
        ("en", "Shares of the company rose after it received a takeover bid; the weather will be sunny."),
        ("en", "Tourists visit the museum every summer; the attack scored twice in the second half."),
        ("de", "Bayern München gewann das Spiel gegen Dortmund mit 3:1, am Wochenende wird es sonnig."),
        ("fr", "Le PSG a battu Marseille 2-0 ; demain, le temps sera pluvieux sur la Bretagne."),
        ("ru", "Спартак обыграл Зенит, а цены на бензин снова выросли."),
    ],
)
def test_sports_business_weather_give_no_confident_consult_or_agree(lang: str, text: str) -> None:
    confident = [t for t in lexicon(lang).find_triggers(text) if t.type in ("CONSULT", "AGREE") and t.weight >= 0.6]
    assert confident == []


def test_offsets_slice_back_to_the_matched_text_and_respect_bounds() -> None:
    text = "Intro. Putin held talks with Modi. Later he met the press."
    second = text.index("Later")
    inside = lexicon("en").find_triggers(text, 0, second)
    assert [t.text for t in inside] == ["held talks"]
    assert all(text[t.start : t.end] == t.text for t in inside)
    assert [t.text for t in lexicon("en").find_triggers(text, second)] == ["met"]


def test_matches_stay_on_word_boundaries() -> None:
    # "met" inside "metal", "visit" inside "revisit" and "talks" inside "stalks" are no triggers.
    assert lexicon("en").find_triggers("metal stalks revisit") == []
    # Cyrillic: the negation "не" is not found inside "небо" or "Дании".
    assert lexicon("ru").find_cues("negated", "небо Дании") == []
    assert lexicon("en").find_topics("trademark") == []


def test_unknown_language_gives_an_empty_lexicon() -> None:
    empty = lexicon("tr")
    assert isinstance(empty, Lexicon)
    assert empty.find_triggers("Erdoğan held talks with Putin.") == []
    assert empty.find_topics("energy") == []
    assert empty.number("iki") is None


def test_unsegmented_language_matches_without_spaces() -> None:
    text = "习近平与普京举行会谈，双方签署联合声明。"
    assert [t.label for t in lexicon("zh").find_triggers(text)] == ["talks", "signing", "joint statement"]


def test_every_language_file_compiles_with_valid_types_modes_and_topics() -> None:
    for lang in available_languages():
        lex = lexicon(lang)
        assert all(entry.type in PLOVER_TYPES for entry in lex.triggers)
    for lang in ("en", "ru", "de", "fr", "id", "vi"):
        data_topics = {t for t, _, _ in lexicon(lang).find_topics("")}
        assert data_topics <= TOPICS
        assert len(lexicon(lang).triggers) >= 100


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"triggers": [{"pattern": "met", "type": "MEET", "label": "x", "weight": 0.5}]}, "not a PLOVER type"),
        (
            {"triggers": [{"pattern": "met", "type": "CONSULT", "mode": "dinner", "label": "x", "weight": 0.5}]},
            "not a CONSULT mode",
        ),
        ({"triggers": [{"pattern": "(met)", "type": "CONSULT", "label": "x", "weight": 0.5}]}, "capturing group"),
        ({"triggers": [{"pattern": "met(", "type": "CONSULT", "label": "x", "weight": 0.5}]}, "does not compile"),
        ({"triggers": [{"pattern": "met", "type": "CONSULT", "label": "x", "weight": 1.5}]}, "weight"),
        ({"triggers": [{"pattern": "met", "type": "CONSULT", "label": "x", "weight": 0.5, "needs": "cake"}]}, "needs"),
        ({"topics": {"sports": ["football"]}}, "topics.sports"),
        ({"agreements": {"numbers": {"two": "2"}}}, "numbers"),
        ({"status": {"planned": ["\\w*"]}}, "empty string"),
    ],
)
def test_validation_names_the_file_and_the_entry(data: dict[str, object], message: str) -> None:
    with pytest.raises(LexiconError, match=message) as raised:
        compile_lexicon("qq", data, source="lang/qq/data.yaml")
    assert "lang/qq/data.yaml" in str(raised.value)


def _seed(shared_dir: Path, name: str) -> str:
    return next((shared_dir / "corpus" / "seeds").glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def test_seed_articles_give_the_gold_triggers(shared_dir: Path) -> None:
    ru = _seed(shared_dir, "001")
    labels = {(t.type, t.mode, t.label) for t in lexicon("ru").find_triggers(ru)}
    assert {
        ("CONSULT", "meet", "political consultations"),
        ("CONSULT", "visit", "state visit"),
        ("CONSULT", "phone", "phone talks"),
        ("CONSULT", "visit", "official visit"),
        ("CONSULT", "host", "reception"),
        ("REQUEST", None, "request"),
    } <= labels
    de = _seed(shared_dir, "002")
    de_labels = {(t.type, t.label) for t in lexicon("de").find_triggers(de)}
    assert {
        ("CONSULT", "meeting"),
        ("AGREE", "signing of an agreement"),
        ("CONSULT", "round table"),
        ("CONSULT", "phone talks"),
    } <= de_labels
    fr = _seed(shared_dir, "004")
    assert {("SUPPORT", "message of congratulations"), ("CONSULT", "official visit")} <= {
        (t.type, t.label) for t in lexicon("fr").find_triggers(fr)
    }


def test_seed_topics_cover_the_gold_topics(shared_dir: Path) -> None:
    gold = {
        json.loads(line)["doc"][:3]: json.loads(line)
        for line in (shared_dir / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    for prefix in ("000", "001", "003"):
        record = gold[prefix]
        found = _topics(record["lang"], _seed(shared_dir, prefix))
        wanted = set().union(*(set(e["topics"]) for e in record["events"]))
        assert wanted - found == set(), prefix
