"""Country adjectives written for Italian and Dutch (lang/it/demonyms.yaml, lang/nl/demonyms.yaml): an adjective is
its country, and with a title the holder of that office on the article's date. Sentences written for these tests."""

from __future__ import annotations

import pytest

from communique.actors.recognize import recognize

DATE = "2024-05-01"


def found(text: str, lang: str) -> set[tuple[str, str | None]]:
    """(surface, ISO code) of the country mentions and (surface, canonical name) of the persons."""
    out: set[tuple[str, str | None]] = set()
    for d in recognize(text, lang, DATE)[0]:
        if d.kind == "country":
            out.add((text[d.start : d.end], d.country or (d.candidates[0].country if d.candidates else None)))
        elif d.kind == "person" and d.candidates:
            out.add((text[d.start : d.end], d.candidates[0].name))
    return out


def countries(text: str, lang: str) -> list[str]:
    return [text[d.start : d.end] for d in recognize(text, lang, DATE)[0] if d.kind == "country"]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("it", "Il presidente russo ha telefonato al suo omologo cinese.",
     {("presidente russo", "Vladimir Putin"), ("cinese", "CN")}),
    ("it", "Il presidente francese ha ricevuto all'Eliseo il cancelliere tedesco.",
     {("presidente francese", "Emmanuel Macron"), ("cancelliere tedesco", "Olaf Scholz")}),
    ("it", "Le forze russe hanno colpito un deposito di munizioni vicino al confine polacco.",
     {("russe", "RU"), ("polacco", "PL")}),
    ("it", "Il governo turco e quello greco hanno firmato un accordo sulle isole dell'Egeo.",
     {("turco", "TR"), ("greco", "GR")}),
    ("it", "Il ministro degli Esteri iraniano ha accusato i diplomatici statunitensi di ingerenza.",
     {("ministro degli Esteri iraniano", "Hossein Amir-Abdollahian"), ("statunitensi", "US")}),
    ("it", "Una delegazione sudcoreana ha incontrato funzionari sauditi a Riad.",
     {("sudcoreana", "KR"), ("sauditi", "SA")}),
    ("nl", "De Russische president heeft gisteren met zijn Chinese ambtgenoot gebeld.",
     {("Russische", "RU"), ("president", "Vladimir Putin"), ("Chinese", "CN")}),
    ("nl", "De Franse president ontving de Duitse bondskanselier in Parijs.",
     {("Franse", "FR"), ("president", "Emmanuel Macron"), ("Duitse", "DE"), ("bondskanselier", "Olaf Scholz")}),
    ("nl", "Het Poolse leger en de Noorse marine hielden samen een oefening.",
     {("Poolse", "PL"), ("Noorse", "NO")}),
    ("nl", "De Turkse regering protesteerde bij de Griekse ambassadeur.",
     {("Turkse", "TR"), ("Griekse", "GR")}),
    ("nl", "Amerikaanse en Zuid-Koreaanse troepen begonnen maandag een gezamenlijke oefening.",
     {("Amerikaanse", "US"), ("Zuid-Koreaanse", "KR")}),
    ("nl", "Saoedische diplomaten spraken met een Iraanse delegatie.",
     {("Saoedische", "SA"), ("Iraanse", "IR")}),
])
def test_an_adjective_is_its_country_and_with_a_title_its_office_holder(
        lang: str, text: str, expected: set[tuple[str, str | None]]) -> None:
    assert expected <= found(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("it", "Il malessere nel Cilento cresce, ha detto il sindaco."),  # malese, cileno
    ("it", "Nessuno ha serbato rancore per il serbatoio vuoto."),  # serbo
    ("it", "Papa Francesco ha parlato con i turisti in piazza."),  # francese
    ("nl", "Het letsel van de speler was ernstig, zei de trainer."),  # Lets
    ("nl", "De poolster stond aan de hemel toen wij poolshoogte namen."),  # Pools
    ("nl", "Frans Timmermans sprak gisteren over de dienstregeling."),  # Frans
])
def test_a_look_alike_word_is_no_country(lang: str, text: str) -> None:
    assert countries(text, lang) == []
