"""Serbian (lang/sr/): the folder loads like any other, and its titles, country adjectives, participant cues,
triggers and dates give the events of Serbian news in both of its scripts, Cyrillic and Latin (the Latin entries
of the folder are transliterations of the Cyrillic ones, made once when the folder was written).

Serbian has no named-entity model: a person is found by the KB's names or after a title; a Latin name loses its
case ending (language.yaml), a Cyrillic one is read by the script's reader (ru).
"""

from __future__ import annotations

from tests.lang.lang_runs import events, run, timexes

from communique import lang as languages

DATE = "2024-05-15"


def persons(text: str) -> set[tuple[str, str | None, str | None]]:
    """(text, entity id, role) of the person mentions."""
    return {(m.text, m.entity_id, m.role) for m in run(text, "sr", DATE, "actors").mentions if m.kind == "person"}


def countries(text: str) -> list[tuple[str, str | None]]:
    """(text, ISO code) of the country mentions."""
    return [(m.text, m.country) for m in run(text, "sr", DATE, "actors").mentions if m.kind == "country"]


def test_the_serbian_folder_loads_with_both_scripts() -> None:
    assert "sr" in languages.codes()
    assert languages.get("sr").about["name"] == "Serbian"
    for name in ("titles", "demonyms", "participants", "organizations", "groups", "discourse", "triggers",
                 "countries", "names", "grammar", "dates"):
        assert languages.section("sr", name), name
    # each Cyrillic entry is followed by its Latin transliteration
    assert languages.section("sr", "demonyms")["RU"] == ["руск", "rusk", "Рус", "Rus"]
    assert languages.section("sr", "grammar")["conjunctions"] == ["и", "i", "као и", "kao i"]
    assert languages.section("sr", "dates")["relative"]["јуче"] == languages.section("sr", "dates")["relative"]["juče"]
    # the generated country names (CLDR sr, Wikidata sr): Cyrillic
    assert "САД" in languages.section("sr", "countries")["names"]["US"]


def test_a_title_gives_the_person_its_canonical_title_in_both_scripts() -> None:
    assert ("Александар Вучић", "local:aleksandar-vucic.rs", "President") in persons(
        "Председник Србије Александар Вучић обратио се грађанима.")
    assert ("Markom Đurićem", "local:marko-duric.rs", "Minister of Foreign Affairs") in persons(
        "Razgovarao je sa ministrom spoljnih poslova Srbije Markom Đurićem.")
    assert ("Viktor Orban", "local:viktor-orban.hu", "Prime Minister") in persons(
        "Premijer Mađarske Viktor Orban doputovao je u Beograd.")


def test_a_country_in_its_cases_gets_its_iso_code() -> None:
    assert countries("Делегације Русије, Хрватске и Србије стигле су у Турску.") == [
        ("Русије", "RU"), ("Хрватске", "HR"), ("Србије", "RS"), ("Турску", "TR")]
    assert countries("Sastanak u Rusiji, razgovor sa Hrvatskom i poseta Srbiji.") == [
        ("Rusiji", "RU"), ("Hrvatskom", "HR"), ("Srbiji", "RS")]


def test_country_adjectives_name_their_country() -> None:
    found = run("Руски и амерички дипломати, хрватски министар и mađarski premijer.", "sr", DATE, "actors")
    adjectives = [(m.text, m.country) for m in found.mentions if m.kind == "country"]
    assert adjectives == [("Руски", "RU"), ("амерички", "US"), ("хрватски", "HR"), ("mađarski", "HU")]


def test_a_meeting_of_two_named_sides_is_one_consult_with_both() -> None:
    cyrillic = ("Председник Србије Александар Вучић састао се данас у Београду са руским министром спољних "
                "послова Сергејом Лавровом.")
    latin = ("Predsednik Srbije Aleksandar Vučić sastao se danas u Beogradu sa ruskim ministrom spoljnih "
             "poslova Sergejom Lavrovom.")
    for text in (cyrillic, latin):
        assert events(text, "sr", DATE) == [("CONSULT", "meet", ["local:aleksandar-vucic.rs", "local:sergey-lavrov"])]


def test_a_phone_call_is_a_consult_by_phone() -> None:
    text = ("Američki državni sekretar Marko Rubio razgovarao je telefonom sa ministrom spoljnih poslova Srbije "
            "Markom Đurićem.")
    assert events(text, "sr", DATE) == [("CONSULT", "phone", ["local:marco-rubio", "local:marko-duric.rs"])]


def test_an_accusation_and_a_request_get_their_types() -> None:
    assert events("Србија је оптужила Хрватску за кршење споразума.", "sr", DATE) == [
        ("ACCUSE", None, ["country:RS", "country:HR"])]
    assert events("Srbija je optužila Hrvatsku za kršenje sporazuma.", "sr", DATE) == [
        ("ACCUSE", None, ["country:RS", "country:HR"])]
    assert events("Председник Србије Александар Вучић позвао је Русију да настави преговоре.", "sr", DATE) == [
        ("REQUEST", None, ["local:aleksandar-vucic.rs", "country:RU"])]
    assert events("Premijer Mađarske Viktor Orban zatražio je od Ukrajine da prekine napade.", "sr", DATE) == [
        ("REQUEST", None, ["local:viktor-orban.hu", "country:UA"])]


def test_refusing_a_protest_note_is_a_rejection() -> None:
    assert events("Hrvatski ambasador odbio da primi protestnu notu Srbije", "sr", DATE) == [
        ("REJECT", None, ["country:HR", "country:RS"])]


def test_yesterday_and_other_dates_resolve_in_both_scripts() -> None:
    assert timexes("Јуче је председник допутовао у Париз.", "sr", DATE) == [("Јуче", "DATE", "2024-05-14")]
    assert timexes("Juče je predsednik doputovao u Pariz.", "sr", DATE) == [("Juče", "DATE", "2024-05-14")]
    assert timexes("Sastanak je održan 15. marta 2024. godine u Beogradu.", "sr", DATE)[0][2] == "2024-03-15"
    assert timexes("Sutra ujutru počinju razgovori, a prošle godine u decembru nije bilo.", "sr", DATE) == [
        ("Sutra ujutru", "DATE", "2024-05-16TMO"), ("prošle godine", "DATE", "2023"), ("decembru", "DATE", "2023-12")]
    assert timexes("Pre tri dana ministri su se sastali.", "sr", DATE) == [("Pre tri dana", "DATE", "2024-05-12")]
    assert timexes("Састанак ће бити у среду, а самит је био прошле недеље.", "sr", DATE)[-1] == (
        "прошле недеље", "DATE", "2024-W19")
