"""Cities of the world in every language, from CLDR's exemplar cities (`communique kb build`).

CLDR names the city of every time zone in every locale (Tashkent, Ташкент, طشقند, 塔什干, タシケント...), with
the territory the zone belongs to: the capitals of most countries and the large cities of the big ones. babel
ships that data (Unicode licence), so the builder reads it from the installed package and writes
`data/kb/generated/places.json`, which `kb.load_kb` merges like the generated persons. A city that a hand-typed
place of `data/kb/places.yaml` already lists (same country, same English name or alias) takes that place's id,
so its CLDR names join the hand-typed ones instead of making a second entity.

Left out, by rule: zones of no country (Etc/GMT, Antarctica), the sub-zones of a state or province
(America/Indiana/Knox, America/Argentina/Salta: small towns named for a zone), the zones of a country of many zones
that no hand-typed place lists (MAX_ZONES), a short name of an extra locale (MIN_VARIANT_LETTERS), a name that is a
country's own name in that language (Kuwait, Singapore: the country already says it), a name that is a person's full
name in the knowledge base (several locales write Ho Chi Minh City "Ho Chi Minh", the name of the man whose
monuments and mausoleum the news mentions), a one-character name, and a one-word name that some language's stemmer
cuts to a key of under four letters by removing two or more (Bulgarian "Тарауа" for Tarawa keys as "tar", which the
Russian given name "Таро" shares). Some cities are also given names (Sofia, Sydney, Regina, Stanley): a known
person's full name still wins over the place inside it ("Stanley Fischer", tests/actors/test_places_cldr.py).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from communique import lang as languages
from communique.actors.kb import _build, _bundled_sources
from communique.actors.names import fold

GENERATED_NAME = "places.json"
FORMAT_VERSION = 1
# Locales whose city names are taken beyond the languages of `lang/` (the languages most news is written in;
# a name identical to the English one is not repeated).
EXTRA_LOCALES = ("sv", "da", "nb", "fi", "cs", "sk", "sl", "hr", "sr", "bs", "ro", "hu", "el", "lt", "lv", "et",
                 "ka", "hy", "az", "kk", "uz", "be", "mk", "sq", "bn", "ur", "ta", "te", "mr", "pa", "gu", "sw",
                 "am", "ha", "so", "fil", "ne", "si", "ps", "ca", "gl", "eu", "mn", "ky", "tg", "tk")
NOT_A_COUNTRY = frozenset({"001", "ZZ", "AQ"})
# A country with more zones than this (the US, Canada, Russia, Brazil, Australia, Mexico, Kazakhstan...) names
# them after regional towns (Boise, Darwin, Oral, Belém) that are rarely news places and often other words or
# surnames; there only the cities the hand-typed places list are taken (with their CLDR names).
MAX_ZONES = 3
# A name of another locale this short and unlike the English one collides with words and acronyms of other
# languages (Estonian "Riia" for Riga keys as Russian "РИА", the news agency).
MIN_VARIANT_LETTERS = 5


def locales() -> list[str]:
    """The languages of `lang/` (not the fallback) and EXTRA_LOCALES, in that order."""
    own = [code for code in languages.codes() if code != languages.FALLBACK]
    return [*own, *(code for code in EXTRA_LOCALES if code not in own)]


def city_names(zone: str, locale_codes: Iterable[str]) -> dict[str, str]:
    """The exemplar city of `zone` per locale (locales CLDR does not know are skipped)."""
    import babel  # lazy: CLDR data, only when the KB is built
    from babel.dates import get_timezone, get_timezone_location

    tz = get_timezone(zone)
    out: dict[str, str] = {}
    for code in locale_codes:
        with contextlib.suppress(ValueError, LookupError, babel.UnknownLocaleError):
            out[code] = str(get_timezone_location(tz, locale=code, return_city=True))
    return out


def country_names_by_locale(locale_codes: Iterable[str]) -> dict[str, set[str]]:
    """Folded CLDR territory names per locale: a city name among them is the country's own name."""
    import babel  # lazy: CLDR data, only when the KB is built

    out: dict[str, set[str]] = {}
    for code in locale_codes:
        with contextlib.suppress(ValueError, babel.UnknownLocaleError):
            out[code] = {fold(str(name)) for name in babel.Locale.parse(code).territories.values()}
    return out


def zones() -> list[tuple[str, str]]:
    """(zone, territory) of every time zone of a country, without the sub-zones of states and provinces."""
    from babel.core import get_global  # lazy: CLDR data, only when the KB is built

    pairs = get_global("zone_territories").items()
    return sorted((str(z), str(t)) for z, t in pairs
                  if t not in NOT_A_COUNTRY and str(z).count("/") == 1 and len(str(t)) == 2)


def zone_counts(pairs: Iterable[tuple[str, str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, territory in pairs:
        counts[territory] = counts.get(territory, 0) + 1
    return counts


def _hand_places(entities: Iterable[Any]) -> dict[tuple[str, str], str]:
    """(country, folded English name or alias) -> id of the hand-typed places."""
    out: dict[tuple[str, str], str] = {}
    for e in entities:
        if e.kind == "location" and e.country:
            for name in (e.name, *e.names.get("en", ())):
                out.setdefault((e.country, fold(name)), e.id)
    return out


def person_names(entities: Iterable[Any]) -> set[str]:
    """Folded full names of the persons among `entities`, in every language listed."""
    out: set[str] = set()
    for e in entities:
        if e.kind == "person":
            out.update(fold(name) for name in (e.name, *(n for forms in e.names.values() for n in forms)))
    return out


def build_places(persons: Iterable[Any] = ()) -> dict[str, Any]:
    """The generated places document (see the module docstring); `persons`: generated persons, whose names
    (with the hand-typed persons') a city name must not be."""
    hand = _build(_bundled_sources()).entities.values()
    hand_ids = _hand_places(hand)
    taken = person_names([*hand, *persons])
    codes = ["en", *(c for c in locales() if c != "en")]
    countries = country_names_by_locale(codes)
    entities, skipped = [], 0
    pairs = zones()
    per_country = zone_counts(pairs)
    for zone, territory in pairs:
        names = city_names(zone, codes)
        english = names.get("en", "")
        if not english or fold(english) in countries.get("en", set()):
            skipped += 1  # the country's own name (Kuwait, Singapore)
            continue
        entity_id = hand_ids.get((territory, fold(english)))
        if entity_id is None and per_country[territory] > MAX_ZONES:
            continue  # a regional town of a country of many zones (Boise, Darwin, Oral): not taken on its own
        entity_id = entity_id or f"cldr:{zone}"
        entities.append({"id": entity_id, "kind": "location", "name": english, "country": territory,
                         "type": "city", "zone": zone, "names": _names_by_locale(names, countries, taken)})
    entities += capitals_beyond(entities, hand, countries, taken)
    return {"format": FORMAT_VERSION, "source": "CLDR exemplar cities (Unicode licence), via babel; capitals CLDR "
            "names no zone after: GeoNames (CC BY 4.0), via data/kb/generated/cities.tsv",
            "skipped_country_names": skipped, "entities": entities}


# A capital's one-word name this short is taken only for a capital this populous: short names are words in
# some language ("Male", the capital of the Maldives), and a small capital rarely makes the news.
SHORT_NAME_LETTERS = 4
SHORT_NAME_POPULATION = 300_000


def capitals_beyond(entities: Iterable[Mapping[str, Any]], hand: Iterable[Any], countries: Mapping[str, set[str]],
                    persons: set[str]) -> list[dict[str, Any]]:
    """The capitals (GeoNames PPLC rows of `cities.tsv`) that neither a CLDR zone nor a hand-typed place names
    (Rabat, Islamabad, Abuja, Doha: CLDR names the zone after another city), with their names in every script.
    Left out: a name that is a country's own name in some locale (Singapore, Panama), a person's full name, a
    one-word name that is a word of a person's name ("Santiago"), a common word of some language, a name some
    language's stemmer cuts short or keys like one of its country names, a short name of a small capital."""
    from communique.actors.cities import city_rows  # lazy: the cities table, only when the KB is built
    from communique.actors.gazetteer import common_words  # lazy: the gazetteer loads the KB

    known = {(str(e["country"]), fold(str(name))) for e in entities
             for name in (e["name"], *(n for forms in e["names"].values() for n in forms))}
    known |= {(str(e.country), fold(name)) for e in hand if e.kind == "location"
              for name in (e.name, *(n for forms in e.names.values() for n in forms))}
    country_words = set().union(*countries.values()) if countries else set()
    words = {fold(w) for code in languages.codes() for w in common_words(code)}
    name_words = {w for name in persons for w in name.split()}  # "Santiago" Abascal, "Kingston"
    country_keys = _country_keys_by_language()
    out: list[dict[str, Any]] = []
    for city, names in city_rows():
        if not city.capital:
            continue
        english, country, population = city.name, city.country, city.population
        forms = [english, *(n for n in names if n != english)]
        if any((country, fold(form)) in known for form in forms) or fold(english) in country_words:
            continue
        kept = [form for form in forms if fold(form) not in country_words and fold(form) not in persons
                and fold(form) not in words and not _stems_too_short(form)
                and not (" " not in form.strip() and fold(form) in name_words)
                and not _keyed_like_a_country(form, country_keys)
                and not (" " not in form and len(fold(form)) <= SHORT_NAME_LETTERS
                         and population < SHORT_NAME_POPULATION)]
        if english in kept:
            out.append({"id": city.id, "kind": "location", "name": english, "country": country,
                        "type": "capital", "names": {"en": kept}})
    return out


def _names_by_locale(names: Mapping[str, str], countries: Mapping[str, set[str]],
                     persons: set[str]) -> dict[str, list[str]]:
    english = names.get("en", "")
    out: dict[str, list[str]] = {"en": [english]}
    for code, name in names.items():
        if code == "en" or len(name) < 2 or name == english or fold(name) in countries.get(code, set()):
            continue
        if fold(name) in persons or _stems_too_short(name):
            continue
        if code in EXTRA_LOCALES and len(fold(name)) < MIN_VARIANT_LETTERS and fold(name) != fold(english):
            continue
        out[code] = [name]
    return out


MIN_CUT_KEY = 4  # letters a one-word name's key keeps when the stemmer removed two or more


def _country_keys_by_language() -> dict[str, set[tuple[str, ...]]]:
    """Per language of `lang/`, the keys of its country names and their inflected forms."""
    from communique.actors.gazetteer import country_surfaces, inflected_phrase_keys  # lazy: loads the KB

    return {code: {k for surface, _ in country_surfaces(code) for k in inflected_phrase_keys(surface, code)}
            for code in languages.codes()}


def _keyed_like_a_country(name: str, country_keys: Mapping[str, set[tuple[str, ...]]]) -> bool:
    """Whether some language keys `name` like one of its country names (Russian "Кито", Quito, and "Китая")."""
    from communique.actors.gazetteer import inflected_phrase_keys  # lazy: loads the KB

    return any(inflected_phrase_keys(name, code) & keys for code, keys in country_keys.items())


def _stems_too_short(name: str) -> bool:
    """Whether a one-word name is cut to a short key by the keys of some language (see the module docstring)."""
    from communique.actors.gazetteer import inflected_phrase_keys  # lazy: the gazetteer loads the KB

    if " " in name.strip():
        return False
    letters = len(fold(name).replace(" ", ""))
    for code in languages.codes():
        for keys in inflected_phrase_keys(name, code):
            if len(keys) == 1 and len(keys[0]) < MIN_CUT_KEY and letters - len(keys[0]) >= 2:
                return True
    return False


def write_places(document: Mapping[str, Any], path: Path) -> None:
    """One entity per line (a rebuild's diff shows the cities that changed)."""
    head = {k: v for k, v in document.items() if k != "entities"}
    lines = [json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for e in document["entities"]]
    opening = json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1] + ', "entities": [\n'
    text = opening + ",\n".join(lines) + "\n]}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build_next_to(persons_file: Path) -> tuple[Path, dict[str, Any]]:
    """Build the places and write them beside the generated persons file (whose names a city must not take)."""
    persons: list[Any] = []
    if persons_file.is_file():
        from communique.actors.kb import _generated_entity  # lazy: only the build reads the persons back

        payload = json.loads(persons_file.read_text(encoding="utf-8"))
        persons = [_generated_entity(item, persons_file.name) for item in payload.get("entities", [])]
    document = build_places(persons)
    path = persons_file.with_name(GENERATED_NAME)
    write_places(document, path)
    return path, document
