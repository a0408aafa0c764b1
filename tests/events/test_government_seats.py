"""A capital or seat of government that acts speaks for its country ("Moscow condemned …", "the Kremlin accused
Washington …"); one named as where something happened stays the place (`sides.speaks_for_country`)."""

from __future__ import annotations

from tests.events.event_runs import events_of

from communique.actors import government_seat
from communique.actors.cities import is_capital
from communique.document import Mention, Span
from communique.events import sides


def test_capitals_come_from_geonames_and_seats_from_the_kb() -> None:
    assert is_capital("Tehran", "IR") and is_capital("Москва", "RU") and is_capital("الرياض", "SA")
    assert not is_capital("Shanghai", "CN") and not is_capital("Tehran", "IQ")
    kremlin = Mention(4, 11, "Kremlin", "location", "local:kremlin", "Kremlin", country="RU")
    seat = government_seat(kremlin)
    assert seat is not None and (seat.kind, seat.entity_id, seat.name, seat.span) == (
        "country", "country:RU", "Russia", Span(4, 11))
    square = Mention(0, 10, "Red Square", "location", "local:red-square", "Red Square", country="RU")
    assert government_seat(square) is None


def test_a_capital_opening_the_clause_or_after_the_verb_is_its_government() -> None:
    text = "Moscow condemned the decision, and Washington imposed new sanctions against Tehran."
    assert events_of(text, "en") == [("SANCTION", ["Iran", "United States"])]
    assert events_of("The Kremlin accused Washington of interference.", "en") == [
        ("ACCUSE", ["Russia", "United States"])]
    assert events_of("北京は東京に抗議した。", "ja") == [("ACCUSE", ["China", "Japan"])]


def test_a_capital_after_a_place_preposition_or_in_a_dateline_is_the_place() -> None:
    assert events_of("Putin met Xi in Moscow on Monday.", "en") == [("CONSULT", ["Vladimir Putin", "Xi Jinping"])]
    assert events_of("MOSCOW, Dec 5 (Reuters) - Russia condemned Ukraine.", "en") == [
        ("ACCUSE", ["Russia", "Ukraine"])]
    text = "Армения и Азербайджан подписали мирное соглашение в Вашингтоне."
    assert events_of(text, "ru") == [("AGREE", ["Armenia", "Azerbaijan"])]


def _seat(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, "location", "x", name, country="RU")


def test_speaks_for_country_reads_the_position() -> None:
    text = "Talks began in Moscow, and Moscow rejected the plan."
    trigger = Span(text.index("rejected"), text.index("rejected") + 8)
    first = _seat(text, "Moscow")
    second = Mention(text.rindex("Moscow"), text.rindex("Moscow") + 6, "Moscow", "location", "x", "Moscow", "RU")
    clause = text.index(",") + 1
    assert sides.speaks_for_country(text, "en", second, clause, trigger, "REJECT", True)
    assert not sides.speaks_for_country(text, "en", first, 0, trigger, "REJECT", True)
    # after a verb: a target of an accusation, the place of a visit
    visit = "Lavrov visited Moscow."
    verb = Span(7, 14)
    assert not sides.speaks_for_country(visit, "en", _seat(visit, "Moscow"), 0, verb, "CONSULT", True)
    assert sides.speaks_for_country(visit, "en", _seat(visit, "Moscow"), 0, verb, "ACCUSE", True)
    # "with" makes it the counterpart whatever the type
    talks = "Talks with Moscow resumed."
    assert sides.speaks_for_country(talks, "en", _seat(talks, "Moscow"), 0, None, "CONSULT", False)


def test_a_capital_joined_by_and_to_an_acting_one_acts_too() -> None:
    assert events_of("Moscow and Beijing signed a new agreement on energy.", "en") == [("AGREE", ["China", "Russia"])]
    # the place of the talks stays a place
    assert events_of("Russia and Beijing held talks in Moscow.", "en") == [("CONSULT", ["China", "Russia"])]


def test_a_capital_before_a_possessive_opens_its_clause() -> None:
    text = "Moscow's refusal, or Moscow rejected."
    second = _seat(text, "Moscow")
    assert sides.speaks_for_country(text, "en", second, 0, None, "REJECT", False)
    dateline = "MOSCOW, Dec 5 - Russia rejected the plan."
    assert not sides.speaks_for_country(dateline, "en", _seat(dateline, "MOSCOW"), 0, None, "REJECT", False)


def test_two_capitals_after_between_are_their_governments() -> None:
    """`participants.between`: "talks between Moscow and Kyiv" names two governments in any language that lists
    the word; a place preposition before the pair still makes them places."""
    cases = [("en", "The first direct talks between Moscow and Kyiv in three years took place in Istanbul."),
             ("de", "Die ersten direkten Gespräche zwischen Moskau und Kiew seit drei Jahren fanden statt."),
             ("ru", "Первые прямые переговоры между Москвой и Киевом прошли в Стамбуле."),
             ("es", "Las negociaciones entre Moscú y Kiev se reanudaron en Estambul.")]
    for lang, text in cases:
        assert events_of(text, lang) == [("CONSULT", ["Russia", "Ukraine"])], lang
    assert events_of("Protests were held in Paris and Berlin.", "en") == []
    assert events_of("Flights between Paris and Berlin were cancelled.", "en") == []


def test_two_capitals_before_a_postposed_between_are_their_governments() -> None:
    """`participants.between_after`: "之间", "の間" after the pair (read from each name's end, over "and" and the
    second name)."""
    assert events_of("莫斯科和基辅之间的直接谈判在伊斯坦布尔举行。", "zh") == [("CONSULT", ["Russia", "Ukraine"])]
    assert [sides for _, sides in events_of("モスクワとキエフの間の直接協議がイスタンブールで行われた。", "ja")] == [
        ["Russia", "Ukraine"]]
    assert events_of("习近平在北京会见了普京。", "zh") == [("CONSULT", ["Vladimir Putin", "Xi Jinping"])]
