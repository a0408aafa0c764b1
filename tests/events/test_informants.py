"""Who told of a meeting or an agreement ("according to the Foreign Ministry", "외교부에 따르면") is no side of it
(`candidates._informants`, `discourse.informant`, `discourse.informant_after`); an accusation "according to"
someone is theirs."""

from __future__ import annotations

from tests.events.event_runs import events_of


def test_the_informant_of_a_meeting_is_no_side_of_it() -> None:
    cases = [("en", "According to the Kazakh Foreign Ministry, Sergey Lavrov met Wang Yi in Astana."),
             ("ru", "По данным МИД Казахстана, Сергей Лавров встретился с Ван И в Астане."),
             ("de", "Dem kasachischen Außenministerium zufolge traf Sergej Lawrow Wang Yi in Astana."),
             ("es", "Según el Ministerio de Exteriores de Kazajistán, Serguéi Lavrov se reunió con Wang Yi en Astaná.")]
    for lang, text in cases:
        events = events_of(text, lang)
        assert [e for e in events if e[0] == "CONSULT"] == [("CONSULT", ["Sergey Lavrov", "Wang Yi"])], lang


def test_an_accusation_according_to_its_speaker_is_the_speakers() -> None:
    text = "According to Maria Zakharova, the United States violated the agreement."
    assert events_of(text, "en") == [("ACCUSE", ["Maria Zakharova", "United States"])]


def test_a_time_of_day_is_no_cue() -> None:
    text = "Emmanuel Macron est arrivé lundi en fin d’après-midi au Maroc, à l’invitation du roi Mohammed VI."
    assert ("CONSULT", ["Emmanuel Macron", "Morocco"]) in events_of(text, "fr")
