"""The world's cities (GeoNames, 8,477 cities of 50,000 inhabitants or more, names in every script): the
country of a place that a named-entity model recognised and the knowledge base does not know.

Only places a model already called a location are looked up here: city names that are also words or given
names ("Reading", "Nice", "Austin") never become places by this table. A surface matches a city's name after
folding (case and accents); in a language whose names inflect (a `names.stem` hook or `names.case_endings`),
also with one or two letters cut from both ends ("Тяньцзине" -> "Тяньцзинь", "Пекином" -> "Пекин"), at least
MIN_STEM letters left. A city's own (English) name, or its start, outranks the other cities' alternative names
("Victoria" is Victoria, not an old name of Hong Kong; "Washington" is "Washington, D. C."). A name several
cities share goes to the most populous one when it has at least DOMINANCE times the population of every
same-named city of another country, else to none.

The table is `data/kb/generated/cities.tsv` (930 KB), built by `scripts/build_cities.py`; its index (1-2 s to
build) is kept in the per-user cache.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from communique import caching
from communique import lang as languages
from communique.actors.names import case_endings, fold

MIN_STEM = 4
DOMINANCE = 3.0
CITIES_FILE = "cities.tsv"


@dataclass(frozen=True, slots=True)
class City:
    id: str  # "geonames:<id>": one city, whatever language names it
    name: str  # English
    country: str  # ISO 3166-1 alpha-2
    population: int
    capital: bool = False  # the seat of its country's government (GeoNames PPLC)


Index = dict[str, tuple[int, ...]]


def city_rows() -> Iterator[tuple[City, list[str]]]:
    """Each city of the table with its names in every script (the table's own order; none without the file)."""
    node = resources.files("communique") / "data" / "kb" / "generated" / CITIES_FILE
    if not node.is_file():
        return
    for line in node.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        geoname_id, name, country, population, names, capital = line.split("\t")
        yield City(f"geonames:{geoname_id}", name, country, int(population), capital == "capital"), names.split("|")


@cache
def _tables() -> tuple[list[City], Index, Index]:
    """The cities, and two indexes to their numbers: by any name, by any name less its last letter."""
    cached = caching.load("cities", "index")
    if isinstance(cached, tuple) and len(cached) == 3:
        rows, exact, cut = cached
        return [City(*row) for row in rows], exact, cut
    cities: list[City] = []
    exact_sets: dict[str, set[int]] = {}
    cut_sets: dict[str, set[int]] = {}
    for city, names in city_rows():
        number = len(cities)
        cities.append(city)
        for form in names:
            key = _key(form)
            exact_sets.setdefault(key, set()).add(number)
            if len(key) > MIN_STEM:
                cut_sets.setdefault(key[:-1], set()).add(number)
    exact, cut = ({k: tuple(sorted(v)) for k, v in index.items()} for index in (exact_sets, cut_sets))
    caching.store("cities", "index", ([(c.id, c.name, c.country, c.population, c.capital) for c in cities], exact, cut))
    return cities, exact, cut


@cache
def _capital_keys() -> frozenset[tuple[str, str]]:
    """(folded name, country) of every name of every capital in the table."""
    cities, exact, _ = _tables()
    return frozenset((key, cities[n].country) for key, numbers in exact.items() for n in numbers if cities[n].capital)


def is_capital(name: str, country: str | None) -> bool:
    """Whether `name` (a canonical or written name) is a name of the capital of `country`."""
    return country is not None and (_key(name), country) in _capital_keys()


def is_city_name(word: str) -> bool:
    """Whether `word` is the name, in some language, of a city of the list (any size)."""
    return _key(word) in _tables()[1]


def _key(surface: str) -> str:
    return fold(" ".join(surface.split()))


def city(surface: str, lang: str) -> City | None:
    """The city `surface` names in a text of `lang`, or None (unknown, or shared by comparable cities)."""
    cities, exact, cut = _tables()
    key = _key(surface)
    forms = [key]
    found = exact.get(key, ())
    if not found and _inflects(lang):
        for k in (1, 2):
            stem = key[:-k]
            if len(stem) < MIN_STEM:
                break
            forms.append(stem)
            found = exact.get(stem, ()) + (cut.get(stem, ()) if k == 1 else ())
            if found:
                break
    matched = [cities[n] for n in dict.fromkeys(found)]
    by_own_name = [c for c in matched if _own_name_matches(c, forms)]
    return _dominant(by_own_name or matched)


def _own_name_matches(c: City, forms: list[str]) -> bool:
    """The city's own name is the surface, or starts with it ("Washington, D. C.", "New York City")."""
    name = _key(c.name)
    return any(name == f or name.startswith((f + ",", f + " ")) for f in forms) or (
        len(forms) > 1 and name[:-1] == forms[1])


def _inflects(lang: str) -> bool:
    return bool(case_endings(lang)) or languages.hook(lang, "names", "stem") is not None


def _dominant(cities: Sequence[City]) -> City | None:
    if not cities:
        return None
    ranked = sorted(set(cities), key=lambda c: (-c.population, c.id))
    top = ranked[0]
    rivals = [c for c in ranked[1:] if c.country != top.country]
    if rivals and top.population < DOMINANCE * rivals[0].population:
        return None
    return top
