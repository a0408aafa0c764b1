"""The actors knowledge base: people, organizations and places with names per language and dated roles.

Entities live in YAML files (`data/kb/*.yaml`, bundled; plus the files and folders named in the env var
COMMUNIQUE_KB_PATH, separated by `os.pathsep`; plus explicit `extra_paths`). Each file is a YAML list of
entries; the loader is lenient and skips entries it cannot use, `check_files` reports every problem:

    - id: Q7747                 # Wikidata QID when sure, else local:<slug>
      kind: person              # person | organization | location
      name: Vladimir Putin      # canonical (Vietnamese people: Vietnamese with diacritics)
      country: RU               # ISO 3166-1 alpha-2
      gender: m                 # persons, optional
      type: party               # organizations: party | government | ministry | parliament | party_body |
                                #   international | armed_group | company | media | other;
                                #   locations: city | capital | seat | venue | region
                                #   (seat: the seat of a government, "the Kremlin")
      names: {en: [Vladimir Putin], ru: [Владимир Путин], de: [Wladimir Putin]}   # nominative, per language
      acronyms: {en: [CPV], ru: [КПВ]}                  # organizations
      surname: {en: Putin, ru: Путин}                   # the form used alone (not for Vietnamese people)
      roles:                    # priority order; dates YYYY / YYYY-MM / YYYY-MM-DD, both ends inclusive
        - {title: President, org: Russia, from: 2012-05-07}

Countries are not KB entries (they come from CLDR via babel, see the recognizer); `demonyms.yaml` in the
same folder belongs to the recognizer and is not an entity file.

The generated part (`data/kb/generated/persons.json`, `places.json` and `organizations.json`, written by
`communique kb build` from the public sources in `data-sources/kb/` and from CLDR's exemplar cities) is read
after the YAML files, once per process, when the KB is first used. A generated entity with the id of a
hand-typed one adds its names and its office terms (after the hand-typed roles); every other generated entity
is added as it is.

Roles are listed in priority order: when a person holds several roles at once (a party post and a state
post), `role_at` returns the first listed one that is held at the date.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from communique import caching

KINDS = ("person", "organization", "location")
ORG_TYPES = ("party", "government", "ministry", "parliament", "party_body", "international", "armed_group",
             "company", "media", "other")
# Non-state armed groups (the Taliban, al-Shabaab): sides of force and contention, not of diplomacy
ARMED_GROUP = "armed_group"
LOCATION_TYPES = ("city", "capital", "seat", "venue", "region")
GENDERS = ("m", "f")
ENV_VAR = "COMMUNIQUE_KB_PATH"
OFFICE_KEYS = ("head_of_state", "head_of_government", "foreign_minister", "foreign_ministry_spokesperson")
# Canonical titles that name an office whatever each country calls it ("Secretary of State" of the US,
# "Minister of External Affairs" of India are the "Minister of Foreign Affairs" of their country; Morocco's
# "Head of Government", Germany's "Chancellor" and China's "Premier" are the prime minister the news names).
TITLE_OFFICES = {"Minister of Foreign Affairs": "foreign_minister",
                 "Spokesperson of the Ministry of Foreign Affairs": "foreign_ministry_spokesperson",
                 "Prime Minister": "head_of_government", "Head of Government": "head_of_government"}

# Files in the kb folder that are not entity lists (owned by other stages).
NON_ENTITY_FILES = frozenset({"demonyms.yaml"})

_KNOWN_KEYS = frozenset({"id", "kind", "name", "country", "type", "gender", "names", "acronyms", "surname", "roles",
                         "note"})
_ROLE_KEYS = frozenset({"title", "org", "from", "to", "note"})
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID_RE = re.compile(r"^(Q[1-9]\d*|local:[a-z0-9][a-z0-9_.-]*)$")
_LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$")
# libyaml's safe loader reads the KB ~10x faster than the pure-Python one (same result).
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# --------------------------------------------------------------------------------------------- model


@dataclass(frozen=True, slots=True)
class Role:
    """A dated role: `title` is the canonical English title as records print it ("President",
    "General Secretary of the Communist Party of Vietnam"); `org` the country or body it belongs to.
    `start`/`end` are ISO dates at any precision (YYYY, YYYY-MM, YYYY-MM-DD), inclusive; None = open."""

    title: str
    org: str | None = None
    start: str | None = None
    end: str | None = None
    office: str | None = None  # head_of_state | head_of_government | foreign_minister (office lists)

    def interval(self) -> tuple[str, str]:
        """The role's span as (first day, last day), open ends widened to the far past/future."""
        lo = _first_day(self.start) if self.start else "0000-01-01"
        hi = _last_day(self.end) if self.end else "9999-12-31"
        return lo, hi

    def overlaps(self, lo: str, hi: str) -> bool:
        start, end = self.interval()
        return start <= hi and lo <= end

    def contains(self, lo: str, hi: str) -> bool:
        start, end = self.interval()
        return start <= lo and hi <= end


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organization or location. `names`/`acronyms` map a language code to its forms
    (nominative, as written in the news); `surname` maps a language to the form used alone."""

    id: str
    kind: str
    name: str
    country: str | None = None
    type: str | None = None
    gender: str | None = None
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    acronyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    surname: Mapping[str, str] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()
    source: str = ""  # the file it came from (for messages)

    @property
    def is_actor(self) -> bool:
        """Media (bylines, photo credits) and places are never event actors."""
        return self.kind != "location" and self.type != "media"

    def roles_at(self, date: str | None) -> tuple[Role, ...]:
        """All roles held at `date` (ISO, any precision) in priority order; see `role_at`."""
        if not self.roles:
            return ()
        if date is None:
            return self._current_roles()
        lo, hi = _first_day(date), _last_day(date)
        held = [r for r in self.roles if r.contains(lo, hi)]
        if not held:
            # A partial date (a year) that only partly overlaps: the role taken up latest in it.
            partial = [r for r in self.roles if r.overlaps(lo, hi)]
            held = sorted(partial, key=lambda r: r.interval()[0], reverse=True)
        return tuple(_drop_handed_over(held, lo, hi))

    def role_at(self, date: str | None) -> Role | None:
        """The role held at `date` (ISO, may be partial like "2024-06"); None: the most recent role.
        Several roles at once: the first listed wins (the KB lists roles in priority order)."""
        held = self.roles_at(date)
        return held[0] if held else None

    def _current_roles(self) -> tuple[Role, ...]:
        """Open-ended roles in listed order, else the role that ended last."""
        current = tuple(r for r in self.roles if r.end is None)
        if current:
            return current
        return tuple(sorted(self.roles, key=lambda r: r.interval()[1], reverse=True)[:1])

    def all_forms(self) -> Iterator[tuple[str, str]]:
        """(surface form, lang) for every name and acronym."""
        for lang, forms in self.names.items():
            for form in forms:
                yield form, lang
        for lang, forms in self.acronyms.items():
            for form in forms:
                yield form, lang


def _drop_handed_over(held: list[Role], lo: str, hi: str) -> list[Role]:
    """On a hand-over day (one role ends the day another starts), keep the new role."""
    if lo != hi or len(held) < 2:
        return held
    starting = [r for r in held if r.start is not None and _first_day(r.start) == lo]
    if not starting:
        return held
    return [r for r in held if not (r.end is not None and _last_day(r.end) == hi and r not in starting)]


@dataclass(slots=True)
class KnowledgeBase:
    entities: dict[str, Entity] = field(default_factory=dict)
    _office_index: dict[tuple[str, str], tuple[Entity, ...]] | None = field(default=None, repr=False)

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entities

    def __len__(self) -> int:
        return len(self.entities)

    def of_kind(self, kind: str) -> Iterator[Entity]:
        return (e for e in self.entities.values() if e.kind == kind)

    def all_names(self) -> Iterator[tuple[str, str, str]]:
        """(surface form, lang, entity id) for every name and acronym, each once, in a stable order."""
        for entity_id in sorted(self.entities):
            seen: set[tuple[str, str]] = set()
            for form, lang in self.entities[entity_id].all_forms():
                if (form, lang) not in seen:
                    seen.add((form, lang))
                    yield form, lang, entity_id

    def office_holders(self, title: str, country: str, date: str | None) -> list[Entity]:
        """The persons who held the office `title` ("President", or an office key such as "head_of_state")
        of `country` at `date` ("President" of RU in 2024-08). A role counts only if it is held over the
        whole of `date` (a term that starts within the month asked for does not)."""
        index = self._offices()
        office = TITLE_OFFICES.get(title)
        found = {e.id: e for e in index.get((title, country), ()) if _holds(e, title, country, date)}
        if office:
            found.update((e.id, e) for e in index.get((office, country), ()) if _holds(e, office, country, date))
        return _after_hand_over(sorted(found.values(), key=lambda e: e.id), title, office, country, date)

    def ever_held(self, title: str, country: str) -> list[Entity]:
        """The persons who held the office `title` (a role title or an office key) of `country` at any time."""
        index = self._offices()
        found = {e.id: e for e in index.get((title, country), ())}
        office = TITLE_OFFICES.get(title)
        if office:
            found.update((e.id, e) for e in index.get((office, country), ()))
        return sorted(found.values(), key=lambda e: e.id)

    def has_office(self, title: str, country: str) -> bool:
        """Whether some person of the KB held `title` (a role title or an office key) of `country`."""
        return (title, country) in self._offices()

    def _offices(self) -> dict[tuple[str, str], tuple[Entity, ...]]:
        if self._office_index is None:
            built: dict[tuple[str, str], dict[str, Entity]] = {}
            for e in self.entities.values():
                if e.kind != "person":
                    continue
                for r in e.roles:
                    country = role_country(r, e)
                    if country:
                        built.setdefault((r.title, country), {})[e.id] = e
                        if r.office:
                            built.setdefault((r.office, country), {})[e.id] = e
            self._office_index = {k: tuple(v.values()) for k, v in built.items()}
        return self._office_index

    def counts(self) -> dict[str, int]:
        """Entity count per kind (and per organization type, as "organization/<type>")."""
        out: dict[str, int] = {}
        for e in self.entities.values():
            out[e.kind] = out.get(e.kind, 0) + 1
            if e.kind == "organization" and e.type:
                key = f"organization/{e.type}"
                out[key] = out.get(key, 0) + 1
        return dict(sorted(out.items()))


def role_country(role: Role, person: Entity) -> str | None:
    """The country a role belongs to: its org when that is a country's name, else the person's country."""
    if role.org:
        code = _country_codes().get(role.org)
        if code:
            return code
        if role.org in ("European Union", "United Nations"):
            return {"European Union": "EU", "United Nations": "UN"}[role.org]
    return person.country


@cache
def _country_codes() -> dict[str, str]:
    from communique.actors.countries import country_names  # lazy: CLDR names, only for office look-ups

    return {name: code for code, name in country_names().items()}


def _holds(person: Entity, title: str, country: str, date: str | None) -> bool:
    if date is None:
        return any(_matches(r, title) and role_country(r, person) == country for r in person._current_roles())
    lo, hi = _first_day(date), _last_day(date)
    return any(_matches(r, title) and role_country(r, person) == country and r.contains(lo, hi)
               for r in person.roles)


def _matches(role: Role, title: str) -> bool:
    return role.title == title or role.office == title


def _after_hand_over(holders: list[Entity], title: str, office: str | None, country: str,
                     date: str | None) -> list[Entity]:
    """On the day one holder hands over to the next (both terms include it), the new holder."""
    if len(holders) < 2 or date is None or len(date) != 10:
        return holders

    def starts_today(e: Entity) -> bool:
        return any((_matches(r, title) or (office is not None and r.office == office))
                   and role_country(r, e) == country and r.start == date for r in e.roles)

    new = [e for e in holders if starts_today(e)]
    return new or holders


# --------------------------------------------------------------------------------------------- dates


def _parse_date(value: str) -> dt.date | None:
    """The first day of an ISO date at any precision, or None if it is not one."""
    if not _DATE_RE.match(value):
        return None
    parts = [int(p) for p in value.split("-")]
    try:
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None


def _first_day(value: str) -> str:
    parts = value.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def _last_day(value: str) -> str:
    parts = value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31"
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)).isoformat()
    return value


def _date_text(value: Any) -> str | None:
    """YAML reads 2012-05-07 as a date and 2012 as an int: bring both back to ISO text."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# --------------------------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class _Source:
    """A KB file: a label for messages and its text."""

    label: str
    text: str


def _bundled_sources() -> list[_Source]:
    folder = resources.files("communique") / "data" / "kb"
    names = sorted(p.name for p in folder.iterdir() if _is_entity_file(p.name))
    return [_Source(f"data/kb/{n}", (folder / n).read_text(encoding="utf-8")) for n in names]


def _is_entity_file(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) and not name.startswith(("_", ".")) and name not in NON_ENTITY_FILES


def _path_sources(paths: Sequence[str]) -> list[_Source]:
    """Files as given; folders expand to their entity files, sorted (deterministic override order)."""
    out: list[_Source] = []
    for raw in paths:
        if not raw:
            continue
        path = Path(raw)
        files = sorted(p for p in path.iterdir() if _is_entity_file(p.name)) if path.is_dir() else [path]
        out.extend(_Source(str(f), f.read_text(encoding="utf-8")) for f in files)
    return out


def _env_paths() -> tuple[str, ...]:
    return tuple(p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p)


def _parse_yaml(source: _Source) -> tuple[list[Any], list[str]]:
    """The entries of a file and the problems reading it."""
    try:
        loaded = yaml.load(source.text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        return [], [f"{source.label}: not valid YAML ({first_line})"]
    if loaded is None:
        return [], []
    if not isinstance(loaded, list):
        return [], [f"{source.label}: the top level must be a list of entities"]
    return loaded, []


def _forms(value: Any) -> dict[str, tuple[str, ...]]:
    """A {lang: [forms]} mapping, tolerating a single string where a list is expected."""
    if not isinstance(value, Mapping):
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for lang, forms in value.items():
        items = [forms] if isinstance(forms, str) else forms if isinstance(forms, list) else []
        cleaned = tuple(dict.fromkeys(str(f).strip() for f in items if isinstance(f, str | int) and str(f).strip()))
        if cleaned:
            out[str(lang)] = cleaned
    return out


def _roles(value: Any) -> tuple[Role, ...]:
    if not isinstance(value, list):
        return ()
    out: list[Role] = []
    for item in value:
        if not isinstance(item, Mapping) or not item.get("title"):
            continue
        start, end = _date_text(item.get("from")), _date_text(item.get("to"))
        out.append(Role(title=str(item["title"]), org=_str_or_none(item.get("org")),
                        start=start if start and _parse_date(start) else None,
                        end=end if end and _parse_date(end) else None))
    return tuple(out)


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def entity_from_entry(entry: Mapping[str, Any], source: str = "") -> Entity | None:
    """An Entity from one YAML entry, or None if it lacks an id, a name or a known kind."""
    entity_id, name, kind = entry.get("id"), entry.get("name"), entry.get("kind")
    if not entity_id or not name or kind not in KINDS:
        return None
    surname = entry.get("surname")
    return Entity(
        id=str(entity_id),
        kind=str(kind),
        name=str(name),
        country=_str_or_none(entry.get("country")),
        type=_str_or_none(entry.get("type")),
        gender=_str_or_none(entry.get("gender")),
        names=_forms(entry.get("names")),
        acronyms=_forms(entry.get("acronyms")),
        surname={str(k): str(v) for k, v in surname.items() if v} if isinstance(surname, Mapping) else {},
        roles=_roles(entry.get("roles")),
        source=source,
    )


def _build(sources: Sequence[_Source]) -> KnowledgeBase:
    """Later sources override earlier ones entry by entry (a user file may redefine a bundled id)."""
    kb = KnowledgeBase()
    for source in sources:
        entries, problems = _parse_yaml(source)
        for problem in problems:
            warnings.warn(problem, stacklevel=3)
        for index, entry in enumerate(entries):
            entity = entity_from_entry(entry, source.label) if isinstance(entry, Mapping) else None
            if entity is None:
                warnings.warn(f"{source.label}: entry {index + 1} skipped (needs id, name and kind)", stacklevel=3)
                continue
            kb.entities[entity.id] = entity
    return kb


@cache
def _load_cached(paths: tuple[str, ...]) -> KnowledgeBase:
    kb = _build(_bundled_sources() + _path_sources(paths))
    if os.environ.get(NO_GENERATED_VAR) != "1":
        add_generated(kb, generated_entities())
    return kb


# --------------------------------------------------------------------------------------------- generated


GENERATED_FILE = "persons.json"
GENERATED_PLACES_FILE = "places.json"  # cities from CLDR (actors/placesbuild.py)
GENERATED_ORGS_FILE = "organizations.json"  # armed groups (CAMEO/TOPS and the curated names, actors/kbgroups.py)
NO_GENERATED_VAR = "COMMUNIQUE_KB_NO_GENERATED"  # "1": the hand-typed files only (to compare)


def generated_entities() -> list[Entity]:
    """The persons, places and armed groups of the generated files (none if missing: a checkout before
    `communique kb build`)."""
    return [e for name in (GENERATED_FILE, GENERATED_PLACES_FILE, GENERATED_ORGS_FILE) for e in _generated_file(name)]


def _generated_file(name: str) -> list[Entity]:
    node = resources.files("communique") / "data" / "kb" / "generated" / name
    if not node.is_file():
        return []
    label = f"data/kb/generated/{name}"
    try:
        payload = json.loads(node.read_text(encoding="utf-8"))
    except ValueError as exc:
        warnings.warn(f"{label}: not valid JSON ({exc}); run `communique kb build`", stacklevel=2)
        return []
    kind = str(payload.get("kind") or "person")
    return [_generated_entity(item, label, kind) for item in payload.get("entities", []) if isinstance(item, dict)]


def _generated_entity(item: Mapping[str, Any], label: str, kind: str = "person") -> Entity:
    # positional arguments: tens of thousands of these are made when the KB is first used
    names = {lang: tuple(forms) for lang, forms in item["names"].items()}
    acronyms = {lang: tuple(forms) for lang, forms in (item.get("acronyms") or {}).items()}
    roles = tuple(Role(*r) for r in item.get("roles", ()) if r[0])
    return Entity(item["id"], item.get("kind") or kind, item["name"], item.get("country"), item.get("type"),
                  item.get("gender"), names, acronyms, item.get("surname") or {}, roles, label)


def add_generated(kb: KnowledgeBase, generated: Sequence[Entity]) -> None:
    """Generated entities join the KB; one with a hand-typed id adds its names and office terms to it."""
    for entity in generated:
        known = kb.entities.get(entity.id)
        if known is None:
            kb.entities[entity.id] = entity
            continue
        names = {lang: tuple(dict.fromkeys(forms)) for lang, forms in known.names.items()}
        for lang, forms in entity.names.items():
            names[lang] = tuple(dict.fromkeys((*names.get(lang, ()), *forms)))
        kb.entities[entity.id] = replace(known, names=names, roles=_with_offices(known.roles, entity.roles))
    kb._office_index = None


def kb_sources_key() -> str:
    """What, besides the package's own files, decides the contents of `load_kb()`: the user's KB files
    (their names and bytes) and whether the generated files are read (a key for caches built from the KB)."""
    return f"{caching.files_fingerprint(_env_paths())}/{os.environ.get(NO_GENERATED_VAR) == '1'}"


def load_kb(extra_paths: Sequence[str] = ()) -> KnowledgeBase:
    """The bundled KB plus the files/folders in $COMMUNIQUE_KB_PATH plus `extra_paths`.
    Cached per distinct set of paths: one load per process; treat the result as read-only."""
    return _load_cached(_env_paths() + tuple(extra_paths))


def _with_offices(known: tuple[Role, ...], generated: tuple[Role, ...]) -> tuple[Role, ...]:
    """Hand-typed roles (in their order) marked with the office of the same term in the office lists, then
    the terms they lack. Generated roles without an office (generic CAMEO ones) add nothing here. The same term
    is the same title, dates and organization: a monarch of several realms is King of each ("King, Australia,
    2022-09-08" is not the hand-typed "King, United Kingdom" of the same day)."""
    roles = list(known)
    for term in (r for r in generated if r.office):
        same = next((k for k, r in enumerate(roles) if (r.title, r.start, r.end) == (term.title, term.start, term.end)
                     and (r.org is None or term.org is None or r.org == term.org)), None)
        if same is not None:
            roles[same] = replace(roles[same], office=term.office, org=roles[same].org or term.org)
        elif term not in roles:
            roles.append(term)
    return tuple(roles)


# --------------------------------------------------------------------------------------------- checking


@cache
def _territories() -> frozenset[str]:
    import babel  # lazy: CLDR data (0.1 s), only when the KB is checked

    codes = (str(code) for code in babel.Locale("en").territories)
    return frozenset(code for code in codes if len(code) == 2 and code.isalpha())


def _where(source: str, index: int, entry: Any) -> str:
    label = entry.get("id") or entry.get("name") if isinstance(entry, Mapping) else None
    return f"{source}: entry {index + 1}" + (f" ({label})" if label else "")


def _check_forms(field_name: str, value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, Mapping):
        return [f"{where}: {field_name} must be a mapping of language to a list of names"]
    problems: list[str] = []
    for lang, forms in value.items():
        if not isinstance(lang, str) or not _LANG_RE.match(lang):
            problems.append(f"{where}: {field_name} has a bad language code {lang!r}")
        if not isinstance(forms, list):
            problems.append(f"{where}: {field_name}.{lang} must be a list, got {type(forms).__name__}")
        elif not all(isinstance(f, str) and f.strip() for f in forms):
            problems.append(f"{where}: {field_name}.{lang} must hold non-empty strings")
    return problems


def _check_roles(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        return [f"{where}: roles must be a list"]
    problems: list[str] = []
    for n, role in enumerate(value, 1):
        if not isinstance(role, Mapping):
            problems.append(f"{where}: role {n} must be a mapping with title/org/from/to")
            continue
        if not role.get("title"):
            problems.append(f"{where}: role {n} has no title")
        unknown = set(role) - _ROLE_KEYS
        if unknown:
            problems.append(f"{where}: role {n} has unknown keys {sorted(unknown)}")
        dates: dict[str, str] = {}
        for key in ("from", "to"):
            text = _date_text(role.get(key))
            if text is None:
                continue
            if _parse_date(text) is None:
                problems.append(f"{where}: role {n} ({role.get('title')}) has a bad '{key}' date {text!r}"
                                " (use YYYY, YYYY-MM or YYYY-MM-DD)")
            else:
                dates[key] = text
        if "from" in dates and "to" in dates and _first_day(dates["from"]) > _last_day(dates["to"]):
            problems.append(f"{where}: role {n} ({role.get('title')}) starts after it ends "
                            f"(from {dates['from']} > to {dates['to']})")
    return problems


def _check_entry(entry: Any, where: str) -> list[str]:
    if not isinstance(entry, Mapping):
        return [f"{where}: must be a mapping"]
    problems: list[str] = []
    entity_id, kind, name = entry.get("id"), entry.get("kind"), entry.get("name")
    if not entity_id:
        problems.append(f"{where}: missing id")
    elif not isinstance(entity_id, str) or not _ID_RE.match(entity_id):
        problems.append(f"{where}: bad id {entity_id!r} (a Wikidata QID like Q7747 or local:<slug>)")
    if not name:
        problems.append(f"{where}: missing name")
    if not kind:
        problems.append(f"{where}: missing kind")
    elif kind not in KINDS:
        problems.append(f"{where}: bad kind {kind!r} (one of {', '.join(KINDS)})")
    country = entry.get("country")
    if country is not None and (not isinstance(country, str) or country not in _territories()):
        problems.append(f"{where}: bad country code {country!r} (ISO 3166-1 alpha-2, upper case)")
    problems += _check_type(entry, where)
    gender = entry.get("gender")
    if gender is not None and gender not in GENDERS:
        problems.append(f"{where}: bad gender {gender!r} (m or f)")
    unknown = set(entry) - _KNOWN_KEYS
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)}")
    problems += _check_forms("names", entry.get("names"), where)
    problems += _check_forms("acronyms", entry.get("acronyms"), where)
    if not entry.get("names") and name:
        problems.append(f"{where}: no names (list at least the English or native name per language)")
    surname = entry.get("surname")
    if surname is not None and (not isinstance(surname, Mapping) or
                                not all(isinstance(v, str) for v in surname.values())):
        problems.append(f"{where}: surname must map a language to one string")
    problems += _check_roles(entry.get("roles"), where)
    return problems


def _check_type(entry: Mapping[str, Any], where: str) -> list[str]:
    kind, kind_type = entry.get("kind"), entry.get("type")
    allowed = {"organization": ORG_TYPES, "location": LOCATION_TYPES}.get(str(kind))
    if kind_type is None:
        return [f"{where}: missing type (one of {', '.join(allowed)})"] if allowed else []
    if allowed is None:
        return [f"{where}: a {kind} has no type"]
    if kind_type not in allowed:
        return [f"{where}: bad type {kind_type!r} for a {kind} (one of {', '.join(allowed)})"]
    return []


def _check_sources(sources: Sequence[_Source]) -> list[str]:
    problems: list[str] = []
    first_seen: dict[str, str] = {}  # id -> where it was first defined
    same_name: dict[tuple[str, str, str], str] = {}  # (kind, name, country) -> id: one entity, two ids?
    for source in sources:
        entries, read_problems = _parse_yaml(source)
        problems += read_problems
        for index, entry in enumerate(entries):
            where = _where(source.label, index, entry)
            problems += _check_entry(entry, where)
            entity_id = entry.get("id") if isinstance(entry, Mapping) else None
            if not isinstance(entity_id, str) or not entity_id:
                continue
            if entity_id in first_seen:
                problems.append(f"{where}: duplicate id {entity_id} (first defined in {first_seen[entity_id]})")
                continue
            first_seen[entity_id] = where
            key = (str(entry.get("kind")), str(entry.get("name")), str(entry.get("country")))
            if key in same_name:
                problems.append(f"{where}: same kind, name and country as {same_name[key]} under another id")
            else:
                same_name[key] = entity_id
    return problems


def check_files(paths: list[str] | None = None) -> list[str]:
    """Validation problems, one line each naming file and entry; [] when all is well.
    With no paths: the bundled KB. With paths: the bundled KB plus those files, so that ids clashing
    with bundled ones are reported too (a user file that means to override an id can ignore that line)."""
    sources = _bundled_sources()
    if paths:
        try:
            sources += _path_sources(paths)
        except OSError as exc:
            return [f"{exc.filename or paths}: cannot read ({exc.strerror})"]
    return _check_sources(sources)
