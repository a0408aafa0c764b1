"""Who the sides of a meeting are: a spokesperson who tells of it is none (events.build.reporter), the sides
the model paired them with met each other, their own statements are theirs; "the two" refer back."""

from __future__ import annotations

from event_runs import events_of

from communique.document import Mention
from communique.events.build import reporter


def test_a_spokesperson_is_a_reporter_of_meetings_only() -> None:
    peskov = Mention(0, 6, "Peskov", "person", "local:dmitry-peskov", "Dmitry Peskov")
    lavrov = Mention(0, 6, "Lavrov", "person", "local:sergey-lavrov", "Sergey Lavrov",
                     role="Minister of Foreign Affairs")
    titled = Mention(0, 5, "Smith", "person", "per:john-smith", "John Smith", role="Spokesperson")
    # Peskov by his KB title at the date (Press Secretary of the President since 2012), Smith by the text's
    assert reporter(peskov, "CONSULT", "2024-07-09") and reporter(peskov, "AGREE", "2024-07-09")
    assert not reporter(peskov, "CONSULT", "2010-01-01")
    assert reporter(titled, "CONSULT")
    assert not reporter(peskov, "ACCUSE", "2024-07-09") and not reporter(peskov, "REJECT", "2024-07-09")
    assert not reporter(lavrov, "CONSULT", "2024-07-09")


def test_the_spokesman_telling_of_talks_is_not_at_them() -> None:
    text = ("Kremlin spokesman Dmitry Peskov commented on the meeting of Vladimir Putin with Indian Prime Minister "
            "Narendra Modi, which took place in the Kremlin.")
    assert events_of(text, "en", date="2024-07-09") == [("CONSULT", ["Narendra Modi", "Vladimir Putin"])]
    text = ("Представитель Кремля Дмитрий Песков рассказал о встрече Владимира Путина с премьер-министром Индии "
            "Нарендрой Моди в Кремле.")
    assert events_of(text, "ru", date="2024-07-09") == [("CONSULT", ["Narendra Modi", "Vladimir Putin"])]


def test_the_two_refer_back_over_a_sentence_that_names_no_one() -> None:
    # events.candidates.REFER_BACK: "the two" of the third sentence are the ministers of the first
    text = ("Foreign Minister Gideon Sa'ar met his Serbian counterpart Marko Djuric in Jerusalem on Tuesday. "
            "First they held a one-on-one meeting, then a meeting with their teams. "
            "During the meeting the two signed an agreement on cooperation in education and culture.")
    # "they" and "the two" are the ministers and their countries (the second meeting joins the first)
    assert events_of(text, "en", date="2025-09-30") == [
        ("CONSULT", ["Gideon Sa'ar", "Israel", "Marko Đurić", "Serbia"]),
        ("AGREE", ["Gideon Sa'ar", "Israel", "Marko Đurić", "Serbia"])]
