"""Between two verbal triggers, the words belong to the first verb (its object) unless a comma or a complementizer
opens the second one's clause; in a verb-final language they belong to the verb after them."""

from __future__ import annotations

from tests.events.event_runs import events_of

from communique.document import Sentence
from communique.events.candidates import _window_cuts
from communique.events.lexicon import TriggerMatch


def _trigger(text: str, word: str, event_type: str) -> TriggerMatch:
    start = text.index(word)
    return TriggerMatch(start, start + len(word), word, event_type, None, word, 0.8)


def test_the_accused_stays_the_accusations_target_in_english() -> None:
    text = "Ukraine accused Russia on Monday of shelling a hospital in Kharkiv."
    assert events_of(text, "en", "name", "2024-05-01") == [("ACCUSE", ["Russia", "Ukraine"])]


def test_the_accused_stays_the_accusations_target_in_russian() -> None:
    text = "Украинский МИД осудил Россию за высылку европейских дипломатов."
    assert events_of(text, "ru", "name", "2024-05-01") == [
        ("ACCUSE", ["Ministry of Foreign Affairs of Ukraine", "Russia"])]


def test_the_warned_side_is_the_threats_target() -> None:
    text = ("The Russian foreign minister, Sergei Lavrov, warned Ukraine on Saturday of a decisive response to any"
            " attack.")
    assert events_of(text, "en", "name", "2024-05-01") == [("THREATEN", ["Sergey Lavrov", "Ukraine"])]


def test_cuts_between_two_verbs() -> None:
    text = "Ukraine accused Russia of shelling Kharkiv."
    sentence = Sentence(0, len(text))
    accused, shelling = _trigger(text, "accused", "ACCUSE"), _trigger(text, "shelling", "ASSAULT")
    # no clause break: "Russia of" is the accusation's
    assert _window_cuts(text, sentence, [accused, shelling], "en") == [0, text.index("shelling"), len(text)]
    said = "Ukraine accused Moscow, and Russia then shelled Kharkiv."
    shelled = _trigger(said, "shelled", "ASSAULT")
    assert _window_cuts(said, Sentence(0, len(said)), [_trigger(said, "accused", "ACCUSE"), shelled], "en") == [
        0, said.index(",") + 1, len(said)]
    that = "Kyiv warned that Russia would attack Kharkiv."
    cuts = _window_cuts(that, Sentence(0, len(that)), [_trigger(that, "warned", "THREATEN"),
                                                         _trigger(that, "attack", "ASSAULT")], "en")
    assert cuts == [0, that.index("that") + len("that"), len(that)]


def test_a_verb_final_language_gives_the_words_to_the_verb_after_them() -> None:
    text = "한국은 일본과 회담하고 미국과 협정에 서명했다."
    met, signed = _trigger(text, "회담하고", "CONSULT"), _trigger(text, "서명했다", "AGREE")
    assert _window_cuts(text, Sentence(0, len(text)), [met, signed], "ko") == [0, met.end, len(text)]


def test_the_subject_is_not_passed_over_the_first_verbs_object() -> None:
    # "thanked the Russian MFA for its support … and called for…": the MFA is thanked, it does not ask; the words
    # that join the two verbs include the first one's object, so the second takes no subject from the first
    text = ("Она также выразила благодарность российскому МИДу за поддержку вьетнамской общины и призвала упростить"
            " визовый режим для граждан Вьетнама.")
    assert ("REQUEST", ["Ministry of Foreign Affairs of Russia", "Vietnam"]) not in events_of(
        text, "ru", "name", "2025-02-21")


def test_a_verb_after_a_noun_trigger_in_its_clause_takes_the_names_before_the_noun() -> None:
    # "after their talks in Moscow" sits inside the signing's clause: Putin and Xi signed (the noun trigger's
    # window holds them; without passing them on, the agreement had no side)
    text = "Putin and Xi after their talks in Moscow signed a treaty on energy."
    assert ("AGREE", ["Vladimir Putin", "Xi Jinping"]) in events_of(text, "en", "name", "2024-05-01")


def test_after_a_noun_the_names_right_before_the_verb_are_its_subject() -> None:
    """`sides.names_before_verb`: "During the visit … <title> <name> met …" without a comma: the names
    standing before the verb are its subject; the noun keeps what comes before them."""
    text = ("Во время официального визита по приглашению Сергея Лаврова 27 сентября министр иностранных дел "
            "Вьетнама Буй Тхань Шон встретился с Константином Косачевым.")
    assert events_of(text, "ru") == [("CONSULT", ["Bùi Thanh Sơn", "Konstantin Kosachev"])]
    text = ("В ходе визита Сергея Лаврова в Пекин министр иностранных дел Китая Ван И также встретился с "
            "премьер-министром Вьетнама Фам Минь Тьинем.")
    assert events_of(text, "ru") == [("CONSULT", ["China", "Sergey Lavrov"]),
                                     ("CONSULT", ["Phạm Minh Chính", "Wang Yi"])]
