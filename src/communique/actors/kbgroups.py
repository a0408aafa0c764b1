"""Armed groups for the generated knowledge base (`communique kb build`, after the persons).

Sources (raw copies under `data-sources/kb/`, provenance in its SOURCES.md):

- `petrarch2/Phoenix.MilNonState.actors.txt` (openeventdata/petrarch2, MIT): the non-state armed actors of the
  TOPS database as CAMEO entries, a main name, `+variant` lines and a code whose first three letters name the
  country (`AFGREB`) or a region or none (`IMGMUSALQ`, `MEAREB`);
- `armed-groups/groups.csv` and `armed-groups/names.csv`: the most prominent groups, curated, with their names
  in the languages of `lang/` and the public page each row follows. A curated group takes the CAMEO entries
  its `cameo` column names; its names are the curated ones only (the CAMEO variants of those entries mix in
  persons and places: "AL-AQSA" under the Al-Aqsa Martyrs' Brigades).

CAMEO names are taken by rules, so that a name fires only where it names the group:
- an entry with a dated code is a person (a leader), not a group; an entry that is a hand-typed organization
  of `data/kb/` (Hamas, Hezbollah) is left to that entry;
- a one-word name is no name of a minor group: it is a word or a name in some language as often as not
  ("TIGERS", "NASRALLAH", "BERSATU": "united" in Malay, "HOTARU": "firefly"); only the curated groups have
  one-word names (Taliban). Short one-word names (up to four characters, or given in parentheses) are
  acronyms, matched case-sensitively, and dropped when they are English dictionary words ("LET", "IRA");
- a variant that is a person (a KB person's name, or a frequent given name without any group word, or a
  title first: "SHEIKH ...") is dropped;
- a name that two groups share is ambiguous and dropped from both (a curated group keeps its own names).

The result is `data/kb/generated/organizations.json` (kind organization, type armed_group) beside the persons.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import simplemma

from communique.actors.kb import ARMED_GROUP, _build, _bundled_sources
from communique.actors.kbbuild import (
    _ARABIC_PREFIX,
    _PARTICLES,
    FORMAT_VERSION,
    CameoEntry,
    _alpha3_table,
    _cap,
    name_key,
    parse_cameo,
    slug_id,
)

GENERATED_ORGS_NAME = "organizations.json"
CAMEO_FILE = "Phoenix.MilNonState.actors.txt"
CURATED_FOLDER = "armed-groups"
GROUP_COLUMNS = ("group", "country", "cameo", "source")
NAME_COLUMNS = ("group", "lang", "names", "source")

# Words that make a name a group's, not a person's ("ABU NIDAL ORGANIZATION", "ALEX BONCAYAO BRIGADE").
_GROUP_WORDS = frozenset({
    "army", "armies", "front", "brigade", "brigades", "battalion", "battalions", "movement", "party", "group",
    "groups", "organization", "organisation", "council", "committee", "league", "forces", "force", "union",
    "cell", "cells", "nuclei", "nucleus", "network", "commando", "commandos", "squad", "squads", "militia",
    "jihad", "mujahideen", "mujahidin", "jamaat", "harakat", "lashkar", "jaish", "jaysh", "hizb", "tanzim",
    "resistance", "liberation", "revolutionary", "guerrilla", "guerrillas", "guerilla", "fighters", "partisans",
    "action", "command", "commission", "faction", "club", "board", "troops", "foundation", "unity",
})
# Words that begin a person's name with a title or honorific ("SHEIKH AHMED YASSIN", "COMMANDER KHATTAB")
_PERSON_TITLES = frozenset({"sheikh", "shaikh", "sheik", "imam", "mullah", "mulla", "emir", "amir", "ayatollah",
                            "commander", "colonel", "general", "major", "captain", "dr", "mr", "seyyed", "sayyid",
                            "sayyed", "maulana", "haji", "hajji"})
# Function words written lower case inside an organization's name ("Al-Qaeda in the Islamic Maghreb")
_LOWER_WORDS = _PARTICLES | {"of", "the", "in", "and", "for", "on", "to", "at", "by", "from", "with", "a", "an",
                             "wa", "wal", "fi", "li"}
ACRONYM_MAX = 4  # one-word CAMEO names this short are acronyms ("PKK", "FARC", "AQAP"); "HAMAS" is a name
# Three capitals name too many other bodies to stand for a minor group ("PLA" under the Irish National
# Liberation Army is China's army to every reader; "EPA"): CAMEO acronyms need four (the curated ones are checked).
ACRONYM_MIN = 4
GIVEN_NAME_MIN = 3  # a first word is a given name when at least this many KB persons' names start with it
_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9]+")
# What the dictionary's comment says of a person listed as an entry of its own ("#  senior leader jma")
_PERSON_COMMENT_RE = re.compile(r"\b(leader|member|commander|head|founder|chief|spokesman|alias)\b", re.IGNORECASE)
_PAREN_RE = re.compile(r"\(([^()]*)\)?")


@dataclass(slots=True)
class Group:
    """An armed group being assembled from the sources."""

    name: str
    country: str | None
    names: dict[str, list[str]] = field(default_factory=dict)
    acronyms: dict[str, list[str]] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)
    curated: bool = False
    id: str | None = None

    def add_name(self, lang: str, form: str) -> None:
        forms = self.names.setdefault(lang, [])
        if form and form not in forms:
            forms.append(form)

    def add_acronym(self, lang: str, form: str) -> None:
        forms = self.acronyms.setdefault(lang, [])
        if form and form not in forms:
            forms.append(form)

    def keys(self) -> set[str]:
        return {name_key(f) for forms in self.names.values() for f in forms} | {name_key(self.name)}


@dataclass(frozen=True, slots=True)
class PersonNames:
    """What the KB's persons say about names: whole names (keys) and frequent given names."""

    keys: frozenset[str]
    given: frozenset[str]

    @classmethod
    def of(cls, names: Iterable[str]) -> PersonNames:
        keys: set[str] = set()
        firsts: Counter[str] = Counter()
        for name in names:
            key = name_key(name)
            parts = key.split()
            if len(parts) < 2:
                continue
            keys.add(key)
            if len(parts[0]) >= 3 and parts[0] not in _LOWER_WORDS:  # "Al Gore": "al" is an article elsewhere
                firsts[parts[0]] += 1
        return cls(frozenset(keys), frozenset(w for w, n in firsts.items() if n >= GIVEN_NAME_MIN))


@dataclass(slots=True)
class GroupReport:
    groups: int = 0
    from_cameo: int = 0
    curated: int = 0
    languages: int = 0
    problems: list[str] = field(default_factory=list)
    output: str = ""

    def lines(self) -> list[str]:
        return [f"armed groups: {self.groups} ({self.from_cameo} from CAMEO/TOPS, {self.curated} curated)",
                f"armed group name languages: {self.languages}", f"written: {self.output}",
                *[f"problem: {p}" for p in self.problems]]


# --------------------------------------------------------------------------------------------- CAMEO names


def is_common_word(word: str) -> bool:
    """An ordinary English word ("tigers", "youth"): the dictionary of simplemma knows it."""
    return bool(simplemma.is_known(word.lower(), lang="en"))


def group_name(words: list[str]) -> str:
    """CAMEO's upper-case words in the usual case of a name: "AL-QAEDA_IN_THE_ISLAMIC_MAGHREB" ->
    "Al-Qaeda in the Islamic Maghreb"."""
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        if i > 0 and low in _LOWER_WORDS:
            out.append(low)
            continue
        m = _ARABIC_PREFIX.match(word)
        if m and i > 0:
            out.append(f"{m.group(1).lower()}-{_cap(m.group(2))}")
            continue
        out.append("-".join(_cap_part(p) for p in low.split("-")))
    return " ".join(out)


def _cap_part(part: str) -> str:
    """"people's" -> "People's" (not "People'S"), "a" -> "A" (a letter of "TRIPLE A")."""
    if len(part) == 1:
        return part.upper()
    if "'" in part:
        head, _, tail = part.partition("'")
        return f"{_cap(head)}'{tail}"
    return _cap(part)


def split_form(phrase: str) -> tuple[list[str], list[str]]:
    """A CAMEO phrase as words, and the acronyms it gives in parentheses ("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_").
    A phrase with a slash ("DHKP/C") gives nothing: no text writes the name that way between word breaks."""
    text = phrase.replace("_", " ")
    if "/" in text:
        return [], []
    inside = [m.group(1).strip() for m in _PAREN_RE.finditer(text)]
    words = [w for w in _PAREN_RE.sub(" ", text).split() if any(ch.isalnum() for ch in w)]
    return words, [a for a in inside if _ACRONYM_RE.fullmatch(a) and len(a) <= ACRONYM_MAX + 2]


def _acronym_ok(form: str) -> bool:
    return len(form) >= ACRONYM_MIN and not is_common_word(form)


def _is_person(words: list[str], persons: PersonNames) -> bool:
    """A leader listed among a group's names ("KHALED_MESHAAL", "SHEIKH_AHMED_YASSIN", "ANWAR_AL-AWLAKI")."""
    lower = [w.lower() for w in words]
    if any(w in _GROUP_WORDS for w in lower):
        return False
    key = name_key(" ".join(words))
    return key in persons.keys or lower[0] in _PERSON_TITLES or key.split()[0] in persons.given


def _is_date(words: list[str]) -> bool:
    """"21_JUNE", "17_NOVEMBER": a group named after a day is a date in every other text (without a group word)."""
    return any(w.isdigit() for w in words) and not any(w.lower() in _GROUP_WORDS for w in words)


def cameo_forms(entry: CameoEntry, persons: PersonNames) -> tuple[list[str], list[str]]:
    """The names and acronyms of a CAMEO entry that name the group and nothing else (rules above)."""
    names: list[str] = []
    acronyms: list[str] = []
    phrases = [p for raw in [entry.phrase, *entry.variants] for p in raw.split("+") if p.strip("_ ")]
    for phrase in phrases:
        words, inside = split_form(phrase)
        acronyms += [a for a in inside if _acronym_ok(a)]
        if not words:
            continue
        if len(words) == 1:
            word = words[0]
            if len(word) <= ACRONYM_MAX and _ACRONYM_RE.fullmatch(word) and _acronym_ok(word):
                acronyms.append(word)
            continue  # one word of a minor group is a word or a name of some language ("Bersatu", "Hotaru")
        if _is_person(words, persons) or _is_date(words):
            continue
        names.append(group_name(words))
    return list(dict.fromkeys(names)), list(dict.fromkeys(acronyms))


def cameo_group(entry: CameoEntry, alpha3: Mapping[str, str], persons: PersonNames, source: str) -> Group | None:
    """The group of a CAMEO entry, or None: a person (a dated code), or no name left by the rules."""
    if any(start or end for _, start, end in entry.roles) or _PERSON_COMMENT_RE.search(entry.comment):
        return None
    names, acronyms = cameo_forms(entry, persons)
    if not names and not acronyms:
        return None
    codes = [alpha3[code[:3]] for code, _, _ in entry.roles if code[:3] in alpha3]
    country = max(sorted(set(codes)), key=codes.count) if codes else None
    group = Group(names[0] if names else acronyms[0], country, sources={source})
    for form in names:
        group.add_name("en", form)
    for form in acronyms:
        group.add_acronym("en", form)
    return group


# --------------------------------------------------------------------------------------------- curated


def _read_rows(path: Path, columns: tuple[str, ...]) -> tuple[list[tuple[str, dict[str, str]]], list[str]]:
    """(where, row) for each row of a CSV with `#` comment lines; one problem line per bad row."""
    numbered = [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if line.strip() and not line.startswith("#")]
    if not numbered:
        return [], [f"{path}: empty"]
    reader = csv.reader([line for _, line in numbered])
    header = [c.strip() for c in next(reader)]
    missing = [c for c in columns if c not in header]
    if missing:
        return [], [f"{path}:{numbered[0][0]}: missing columns {', '.join(missing)}"]
    rows: list[tuple[str, dict[str, str]]] = []
    problems: list[str] = []
    for (number, _), cells in zip(numbered[1:], reader, strict=True):
        where = f"{path.name}:{number}"
        if len(cells) != len(header):
            problems.append(f"{where}: {len(cells)} fields, expected {len(header)}")
            continue
        row = dict(zip(header, (c.strip() for c in cells), strict=True))
        if not row["group"] or not row["source"]:
            problems.append(f"{where}: no group or source")
            continue
        rows.append((where, row))
    return rows, problems


def read_curated(folder: Path) -> tuple[list[Group], dict[str, str], list[str]]:
    """The curated groups with their names, the CAMEO main phrases they take (phrase -> group), and problems."""
    groups: dict[str, Group] = {}
    taken: dict[str, str] = {}
    group_rows, problems = _read_rows(folder / "groups.csv", GROUP_COLUMNS)
    for where, row in group_rows:
        country = row["country"] or None
        if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
            problems.append(f"{where}: bad country {country!r}")
            continue
        if row["group"] in groups:
            problems.append(f"{where}: group {row['group']!r} listed twice")
            continue
        group = Group(row["group"], country, sources={row["source"]}, curated=True)
        group.add_name("en", row["group"])
        groups[row["group"]] = group
        for phrase in filter(None, (p.strip() for p in row["cameo"].split("|"))):
            taken[phrase] = row["group"]
    name_rows, more = _read_rows(folder / "names.csv", NAME_COLUMNS)
    problems += more
    for where, row in name_rows:
        group_or_none = groups.get(row["group"])
        if group_or_none is None:
            problems.append(f"{where}: group {row['group']!r} is not in groups.csv")
            continue
        if not re.fullmatch(r"[a-z]{2,3}", row["lang"]):
            problems.append(f"{where}: bad language {row['lang']!r}")
            continue
        for form in filter(None, (f.strip() for f in row["names"].split("|"))):
            if is_token_acronym(form):
                group_or_none.add_acronym(row["lang"], form)
            else:
                group_or_none.add_name(row["lang"], form)
        group_or_none.sources.add(row["source"])
    return list(groups.values()), taken, problems


def is_token_acronym(form: str) -> bool:
    """Capitals written as one word ("ISIS", "ИГИЛ", "LeT"): matched case-sensitively as an acronym. A form with
    a hyphen ("ISIS-K") or a digit ("M23") is matched as a name."""
    return form.isalpha() and sum(ch.isupper() for ch in form) >= 2 and len(form) <= 8


# --------------------------------------------------------------------------------------------- build


def build_groups(sources: Path, persons_file: Path, output: Path) -> GroupReport:
    """Read the CAMEO armed groups and the curated ones, resolve shared names, write `output`."""
    report = GroupReport()
    hand_typed = [e for e in _build(_bundled_sources()).entities.values() if e.kind == "organization"]
    hand_keys = {name_key(f) for e in hand_typed for f, _ in e.all_forms()}
    curated, taken, problems = read_curated(sources / CURATED_FOLDER)
    report.problems += problems
    persons = PersonNames.of(_person_names(persons_file))
    alpha3 = _alpha3_table()
    by_key: dict[str, Group] = {}
    cameo: list[Group] = []
    for entry in parse_cameo(sources / "petrarch2" / CAMEO_FILE):
        if entry.phrase in taken:
            continue  # a curated group's entry: its names are the curated ones
        group = cameo_group(entry, alpha3, persons, f"petrarch2/{CAMEO_FILE}")
        if group is None or group.keys() & hand_keys:
            continue
        same = by_key.get(name_key(group.name))
        if same is not None:  # one group listed twice ("ABU_SAYYAF_GROUP", "ABU_SAYYAF__")
            _merge(same, group)
            continue
        by_key[name_key(group.name)] = group
        cameo.append(group)
    groups = _without_shared_names(curated, cameo)
    payload = _payload(groups, {e.id for e in hand_typed}, report)
    report.curated = sum(g.curated for g in groups)
    report.from_cameo = report.groups - report.curated
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    report.output = str(output)
    return report


def _person_names(path: Path) -> list[str]:
    """Every name of every person of the generated persons file (and of the hand-typed persons)."""
    names = [f for e in _build(_bundled_sources()).entities.values() if e.kind == "person" for f, _ in e.all_forms()]
    if path.is_file():
        for item in json.loads(path.read_text(encoding="utf-8")).get("entities", []):
            names += [f for forms in item.get("names", {}).values() for f in forms]
    return names


def _merge(target: Group, other: Group) -> None:
    for lang, forms in other.names.items():
        for form in forms:
            target.add_name(lang, form)
    for lang, forms in other.acronyms.items():
        for form in forms:
            target.add_acronym(lang, form)
    target.country = target.country or other.country
    target.sources |= other.sources


def _without_shared_names(curated: list[Group], cameo: list[Group]) -> list[Group]:
    """Names held by two groups name neither (CAMEO's "ISLAMIC JIHAD" under Hezbollah and under the Palestinian
    group); a curated group keeps its names and the CAMEO group loses them. Groups left without a name go."""
    owners: dict[str, set[int]] = defaultdict(set)
    for index, group in enumerate([*curated, *cameo]):
        for form in _all_forms(group):
            owners[name_key(form)].add(index)
    curated_keys = {name_key(f) for g in curated for f in _all_forms(g)}
    out = list(curated)
    for index, group in enumerate(cameo, len(curated)):
        def own(form: str, index: int = index) -> bool:
            key = name_key(form)
            return key not in curated_keys and owners[key] == {index}

        group.names = _kept(group.names, own)
        group.acronyms = _kept(group.acronyms, own)
        if group.names or group.acronyms:
            first = next(iter(group.names.values()), None) or next(iter(group.acronyms.values()))
            if group.name not in first:
                group.name = first[0]
            out.append(group)
    return out


def _kept(forms: dict[str, list[str]], keep: Callable[[str], bool]) -> dict[str, list[str]]:
    return {lang: kept for lang, listed in forms.items() if (kept := [f for f in listed if keep(f)])}


def _all_forms(group: Group) -> list[str]:
    return [f for forms in [*group.names.values(), *group.acronyms.values()] for f in forms]


def local_group_id(group: Group, taken: set[str]) -> str:
    """A stable id from the folded name (a number added only on a clash)."""
    return slug_id(group.name, taken, "group")


def _payload(groups: list[Group], hand_ids: set[str], report: GroupReport) -> dict[str, Any]:
    taken = set(hand_ids)
    entities: list[dict[str, Any]] = []
    langs: set[str] = set()
    # curated groups first: they take the plain ids ("local:taliban")
    for group in sorted(groups, key=lambda g: (not g.curated, name_key(g.name), g.name)):
        group.id = local_group_id(group, taken)
        taken.add(group.id)
        entity: dict[str, Any] = {"id": group.id, "name": group.name, "country": group.country, "type": ARMED_GROUP,
                                  "names": dict(sorted(group.names.items()))}
        if group.acronyms:
            entity["acronyms"] = dict(sorted(group.acronyms.items()))
        langs |= set(group.names) | set(group.acronyms)
        entities.append(entity)
    entities.sort(key=lambda e: e["id"])
    report.groups = len(entities)
    report.languages = len(langs)
    return {"format": FORMAT_VERSION, "kind": "organization", "entities": entities}
