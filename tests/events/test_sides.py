"""Source and target sides from case markers, coordination and the predicate's place (events/sides.py),
in languages with prepositions, postpositions and case suffixes."""

from __future__ import annotations

import re

import pytest

from communique.document import Document, Mention, Sentence, Span
from communique.events.candidates import _predicate_span
from communique.events.sides import cues, envoy_senders, names_group, sides
from communique.langdata import section


def named(text: str, name: str, kind: str = "person", nth: int = 0) -> Mention:
    start = [m.start() for m in re.finditer(re.escape(name), text)][nth]
    return Mention(start, start + len(name), name, kind, f"id:{name}", name)


def split(text: str, names: list[str], lang: str, anchor: str | None = None) -> tuple[list[str], list[str]]:
    mentions = sorted((named(text, n) for n in names), key=lambda m: m.start)
    span = None
    if anchor is not None:
        at = text.index(anchor)
        span = Span(at, at + len(anchor))
    sources, targets = sides(text, mentions, lang, span)
    return [m.text for m in sources], [m.text for m in targets]


def test_russian_comitative_before_the_verb_marks_the_counterpart() -> None:
    text = "Путин с Эрдоганом провели переговоры в Сочи."
    assert split(text, ["Путин", "Эрдоганом"], "ru", anchor="провели переговоры") == (["Путин"], ["Эрдоганом"])


def test_english_position_around_the_verb_without_markers() -> None:
    text = "Russia accused Ukraine of shelling the plant."
    assert split(text, ["Russia", "Ukraine"], "en", anchor="accused") == (["Russia"], ["Ukraine"])


def test_english_passive_agent_is_the_source() -> None:
    text = "Ukraine was accused by Russia of shelling the plant."
    assert split(text, ["Ukraine", "Russia"], "en", anchor="accused") == (["Russia"], ["Ukraine"])


def test_coordinated_names_stand_on_one_side() -> None:
    text = "Vladimir Putin and Recep Tayyip Erdogan spoke by phone."
    assert split(text, ["Vladimir Putin", "Recep Tayyip Erdogan"], "en") == (
        ["Vladimir Putin", "Recep Tayyip Erdogan"], [])


def test_japanese_postpositions_subject_and_comitative() -> None:
    text = "岸田首相はバイデン大統領と会談した。"
    assert split(text, ["岸田", "バイデン"], "ja") == (["岸田"], ["バイデン"])


def test_korean_case_suffix_after_the_title() -> None:
    text = "윤석열 대통령은 바이든 대통령과 회담했다."
    assert split(text, ["윤석열", "바이든"], "ko") == (["윤석열"], ["바이든"])


def test_turkish_suffix_after_an_apostrophe() -> None:
    text = "Erdoğan, Putin'le telefonda görüştü."
    assert split(text, ["Erdoğan", "Putin"], "tr") == (["Erdoğan"], ["Putin"])


def test_hindi_ergative_agent_and_comitative() -> None:
    text = "मोदी ने पुतिन से फोन पर बात की।"
    assert split(text, ["मोदी", "पुतिन"], "hi") == (["मोदी"], ["पुतिन"])


def test_chinese_preposition_marks_the_counterpart() -> None:
    text = "习近平同普京举行会谈。"
    assert split(text, ["习近平", "普京"], "zh") == (["习近平"], ["普京"])


def test_unmarked_verb_final_clause_first_name_is_the_source() -> None:
    text = "Pezeshkian Putin'i Tahran'da ağırladı."
    assert split(text, ["Pezeshkian", "Tahran"], "tr")[0] == ["Pezeshkian"]


def test_envoy_sender_is_named_after_the_cue() -> None:
    text = "Ông Lâm tiếp đặc phái viên của Tổng thống Putin, ông Igor Sechin."
    mentions = [named(text, "Lâm"), named(text, "Putin"), named(text, "Igor Sechin")]
    senders = envoy_senders(text, mentions, "vi", 0, len(text))
    assert [m.text for m in mentions if id(m) in senders] == ["Putin"]


def test_the_two_sides_refer_back() -> None:
    text = "Hai bên nhất trí thúc đẩy hợp tác."
    assert names_group(text, "vi", 0, len(text))
    assert not names_group("Việt Nam và Nga nhất trí.", "vi", 0, 24)


@pytest.mark.parametrize(("lang", "text", "reference"), [
    ("en", "The heads of the two countries also signed several agreements.", "the two countries"),
    ("ru", "Главы двух государств подписали совместное заявление.", "двух государств"),
    ("de", "Die beiden Staatschefs unterzeichneten eine Erklärung.", "beiden Staatschefs"),
    ("es", "Ambos líderes firmaron una declaración conjunta.", "Ambos líderes"),
    ("he", "במהלך פגישתם המשותפת חתמו השניים על הסכם.", "השניים"),
])
def test_the_two_of_anything_stands_for_actors_named_before(lang: str, text: str, reference: str) -> None:
    pattern = cues(lang).pronouns
    assert pattern is not None
    found = pattern.search(text)
    assert found is not None and found.group() == reference


@pytest.mark.parametrize("text", ["The two-day visit ended.", "Talks were held both in Moscow and online."])
def test_the_two_before_no_noun_is_no_group(text: str) -> None:
    assert not names_group(text, "en", 0, len(text))


DEV_LANGUAGES = ["ar", "bg", "de", "en", "es", "fa", "fr", "he", "hi", "id", "it", "ja", "ko", "ms", "nl", "pl",
                 "pt", "ru", "tr", "uk", "vi", "zh"]


@pytest.mark.parametrize("lang", DEV_LANGUAGES)
def test_every_language_has_participant_cues(lang: str) -> None:
    data = section(lang, "participants")
    assert data["with"] and data["and"] and data["pronouns"], lang
    assert cues(lang).verb in ("initial", "medial", "final")


@pytest.mark.parametrize(("lang", "text", "names", "expected"), [
    # verb-final: the last words after the names, but not the time stamp that closes a headline
    ("ja", "日中外相が非公式に会談 05:55", ["日中外相"], "が非公式に会談"),
    ("en", "Lavrov and Son 2024/01/15 05:55", ["Lavrov", "Son"], None),
    ("en", "Lavrov 12:30 discussed trade with Son", ["Lavrov", "Son"], "discussed trade with"),
])
def test_a_predicate_place_is_made_of_words_not_numbers(lang: str, text: str, names: list[str],
                                                       expected: str | None) -> None:
    doc = Document(id="t", raw_text=text, text=text, lang=lang)
    sentence = Sentence(0, len(text))
    span = _predicate_span(doc, sentence, [named(text, n, "country") for n in names])
    if expected is None:  # no word between or after the names: the whole sentence is the evidence
        assert (span.start, span.end) == (0, len(text))
    else:
        assert text[span.start : span.end] == expected
