"""Swedish (lang/sv/): the folder loads like any other, and its titles, country names in the genitive, country
adjectives, participant cues, triggers and date words give the events of Swedish news.

Swedish has no named-entity model here: a person is found by the KB's names or after a title
("utrikesminister Tobias Billström", "Rysslands president Vladimir Putin"). Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from tests.lang import lang_runs

from communique import lang as languages
from communique.actors.titles import find_titles
from communique.document import Document
from communique.events import discourse
from communique.events.lexicon import lexicon as events_lexicon

DATE = "2024-03-15"  # a Friday


def run(text: str, until: str = "events") -> Document:
    return lang_runs.run(text, "sv", DATE, until)


def mentions(text: str) -> list[tuple[str, str | None, str, str | None]]:
    """(text, entity id, kind, role) of the mentions."""
    return [(m.text, m.entity_id, m.kind, m.role) for m in run(text, "actors").mentions]


def events(text: str) -> list[tuple[str, str | None, list[str | None]]]:
    return lang_runs.events(text, "sv", DATE)


# --------------------------------------------------------------------------------------------- the folder


def test_the_swedish_folder_loads_like_any_other() -> None:
    assert "sv" in languages.codes()
    swedish = languages.get("sv")
    assert swedish.folder.name == "sv"
    assert swedish.about["name"] == "Swedish"
    for name in ("titles", "demonyms", "participants", "organizations", "groups", "discourse", "triggers",
                 "countries", "common_words", "names", "grammar", "dates"):
        assert languages.section("sv", name), name
    assert languages.section("sv", "demonyms")["RU"] == ["rysk", "ryss"]
    text = "Sverige och Finland undertecknade ett avtal. Kristersson ringde till Zelenskyj."
    found = [(text[t.start : t.end], t.type, t.mode) for t in events_lexicon("sv").find_triggers(text)]
    assert found == [("undertecknade ett avtal", "AGREE", None), ("ringde till", "CONSULT", "phone")]


# --------------------------------------------------------------------------------------------- actors


@pytest.mark.parametrize(("text", "span", "title"), [
    ("Statsminister Ulf Kristersson talade.", "Statsminister", "Prime Minister"),
    ("Statsministern talade i riksdagen.", "Statsministern", "Prime Minister"),
    ("Utrikesministern kommenterade uppgifterna.", "Utrikesministern", "Minister of Foreign Affairs"),
    ("Försvarsminister Pål Jonson talade.", "Försvarsminister", "Minister of Defence"),
    ("Den biträdande utrikesministern talade.", "biträdande utrikesministern", "Deputy Minister of Foreign Affairs"),
    ("Natos generalsekreterare talade.", "generalsekreterare", "General Secretary"),
    ("Förbundskansler Olaf Scholz talade.", "Förbundskansler", "Chancellor"),
    ("Den ryska ambassadören kallades upp.", "ambassadören", "Ambassador"),
    ("Finansminister Elisabeth Svantesson talade.", "Finansminister", "Minister"),
    ("Den tillförordnade presidenten talade.", "tillförordnade presidenten", "Acting President"),
])
def test_a_swedish_title_names_its_canonical_title(text: str, span: str, title: str) -> None:
    found = [(text[t.start : t.end], t.title) for t in find_titles(text, "sv")]
    assert found[0] == (span, title)


@pytest.mark.parametrize(("text", "mention"), [
    ("Ryssland har utvisat diplomater.", ("Ryssland", "country:RU", "country", None)),
    ("Rysslands agerande fördömdes.", ("Rysslands", "country:RU", "country", None)),
    ("Sveriges ambassad i Moskva har stängt.", ("Sveriges", "country:SE", "country", None)),
    ("USA:s sanktioner trädde i kraft.", ("USA", "country:US", "country", None)),
    ("Den ryska marinen höll en övning.", ("ryska", "country:RU", "country", None)),
    ("Ett amerikanskt fartyg anlände.", ("amerikanskt", "country:US", "country", None)),
    ("Svenske medborgare greps.", ("Svenske", "country:SE", "country", None)),
    ("Kinesiska myndigheter svarade inte.", ("Kinesiska", "country:CN", "country", None)),
])
def test_a_country_in_its_swedish_forms(text: str, mention: tuple[str, str, str, None]) -> None:
    assert mention in mentions(text)


def test_a_title_after_the_country_genitive_gives_the_role() -> None:
    found = mentions("Rysslands president Vladimir Putin träffade Kinas president Xi Jinping i Moskva.")
    persons = [(text, entity, role) for text, entity, kind, role in found if kind == "person"]
    assert persons == [("Vladimir Putin", "Q7747", "President"), ("Xi Jinping", "Q15031", "President")]


# --------------------------------------------------------------------------------------------- events


@pytest.mark.parametrize(("text", "expected"), [
    ("Rysslands president Vladimir Putin träffade Kinas president Xi Jinping i Moskva på tisdagen.",
     ("CONSULT", "meet", ["Q7747", "Q15031"])),
    ("Tysklands förbundskansler Olaf Scholz ringde till Frankrikes president Emmanuel Macron.",
     ("CONSULT", "phone", ["local:olaf-scholz", "Q3052772"])),
    ("Frankrikes president Emmanuel Macron besökte Sverige på inbjudan av kungen.",
     ("CONSULT", "visit", ["Q3052772", "country:SE"])),
    ("Sverige anklagade Ryssland för att ha spridit desinformation.",
     ("ACCUSE", None, ["country:SE", "country:RU"])),
    ("Finland uppmanade Ryssland att dra tillbaka sina trupper.",
     ("REQUEST", None, ["country:FI", "country:RU"])),
    ("EU införde nya sanktioner mot Ryssland.",
     ("SANCTION", None, ["Q458", "country:RU"])),
    ("Sverige och Finland undertecknade ett avtal om försvarssamarbete.",
     ("AGREE", None, ["country:SE", "country:FI"])),
    # "att" before an infinitive is no complementizer: what follows is still the target
    ("Ungern vägrade att godkänna Sveriges Natoansökan.",
     ("REJECT", None, ["country:HU", "country:SE"])),
    ("USA hotar Kina med nya tullar.",
     ("THREATEN", None, ["country:US", "country:CN"])),
    ("Estland utvisade en rysk diplomat.",
     ("SANCTION", "expel", ["country:EE", "country:RU"])),
])
def test_swedish_news_gives_its_event(text: str, expected: tuple[str, str | None, list[str]]) -> None:
    assert expected in events(text)


def test_a_meeting_of_two_named_sides_is_one_consult() -> None:
    found = events("Statsminister Ulf Kristersson träffade Ukrainas president Volodymyr Zelenskyj i Kiev.")
    consults = [e for e in found if e[0] == "CONSULT"]
    assert len(consults) == 1
    assert consults[0][2] == ["local:ulf-kristersson.se", "local:volodymyr-zelenskyy"]


# --------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(("text", "value"), [
    ("Ministrarna träffades i går i Bryssel.", "2024-03-14"),
    ("Ministrarna träffades igår i Bryssel.", "2024-03-14"),
    ("Mötet hålls i morgon.", "2024-03-16"),
    ("Ministrarna träffades på tisdagen.", "2024-03-12"),
    ("Avtalet undertecknades förra veckan.", "2024-W10"),
    ("Sanktionerna infördes i fjol.", "2023"),
    ("Iran erkände på onsdagskvällen att planet sköts ned.", "2024-03-13TEV"),
    ("Han greps den 17 januari.", "2024-01-17"),
])
def test_swedish_date_words(text: str, value: str) -> None:
    doc = run(text, "time")
    assert [t.value for t in doc.timexes] == [value]


# --------------------------------------------------------------------------------------------- discourse


@pytest.mark.parametrize(("kind", "text", "cue"), [
    ("frame", "Inom ramen för besöket undertecknade parterna ett avtal.", "Inom ramen för"),
    ("speech", "Ministern betonade vikten av avtalet.", "betonade"),
    ("group", "Båda parterna enades om att fortsätta dialogen.", "Båda parterna"),
    ("complementizer", "Regeringen kräver att Iran samarbetar.", "att"),
    # the infinitive marker is no complementizer
    ("complementizer", "Ministern kommer att träffa sin kollega för att diskutera läget.", None),
    ("complementizer", "Ungern vägrade att godkänna ansökan.", None),
    ("complementizer", "Hon sa att ryska styrkor anföll.", "att"),
])
def test_swedish_discourse_cues(kind: str, text: str, cue: str | None) -> None:
    assert [text[a:b] for a, b in discourse.find("sv", kind, text, 0, len(text))] == ([cue] if cue else [])
