"""Build the generated part of the knowledge base from public sources (`communique kb build`).

Sources (raw copies under `data-sources/kb/`, provenance in its SOURCES.md):

- CAMEO actor dictionaries of openeventdata/petrarch2 (`Phoenix.*.actors.txt`, MIT): persons with their
  name variants and dated government roles (to 2014);
- curated office lists (`offices/*.csv`): heads of state and government and foreign ministers, one row per
  term with the public list it was taken from, and names in other languages and scripts;
- the hand-typed YAML files of `data/kb/` (read, never written): a generated person that is one of them
  takes its id, so one real person never gets two ids.

The result is one compact JSON file, `data/kb/generated/persons.json`, that `kb.load_kb` reads lazily.
Persons are merged when they share a country and a folded full name (any listed variant), or when a
variant differs only by a misspelt given name of an entry that has no role of its own.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique import lang as languages
from communique.actors.gazetteer import country_names
from communique.actors.kb import OFFICE_KEYS, _build, _bundled_sources, _parse_date
from communique.actors.names import fold

GENERATED_NAME = "persons.json"
FORMAT_VERSION = 1

# Words that make a CAMEO name variant a title phrase ("PRESIDENT_VLADIMIR_PUTIN"), not a name.
_TITLE_WORDS = frozenset({
    "president", "presidente", "prime", "premier", "minister", "ministro", "ministre", "chancellor", "kanzler",
    "bundeskanzler", "secretary", "secretary-general", "general", "gen", "gen.", "col", "col.", "colonel", "lt",
    "lt.", "maj", "maj.", "major", "capt", "capt.", "captain", "adm", "adm.", "admiral", "marshal", "field", "king",
    "queen", "prince", "princess", "emir", "sheikh", "sultan", "crown", "pope", "cardinal", "archbishop", "bishop",
    "imam", "ayatollah", "mullah", "rev", "rev.", "reverend", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "sir", "lord", "lady", "dame", "senator", "sen", "sen.", "rep", "rep.", "representative", "governor", "gov",
    "gov.", "mayor", "chairman", "chairwoman", "chair", "leader", "head", "chief", "deputy", "vice", "former",
    "foreign", "defense", "defence", "interior", "finance", "justice", "spokesman", "spokeswoman", "ambassador",
    "envoy", "commander", "russian", "german", "american", "chinese", "french", "british", "iranian", "israeli",
    "turkish", "indian", "japanese", "korean", "syrian", "iraqi", "afghan", "pakistani", "egyptian", "saudi",
    "palestinian", "ukrainian", "un", "u.n.", "eu", "nato", "the", "of", "primer", "presidenta", "forces", "force",
    "army", "brigade", "brigades", "front", "movement", "party", "group", "militia", "council", "committee",
    "organization", "organisation", "union", "league", "alliance", "government", "ministry", "office", "agency",
    "police", "guard", "guards", "rebels", "insurgents", "tribe", "clan", "people", "national", "islamic",
    "republic", "state", "authority", "court", "bank", "company", "corporation"
})
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "van", "von", "der", "den", "de", "da", "das", "do",
                        "dos", "du", "la", "le", "di", "del", "y", "e", "ben", "ould", "wa", "zu", "ter"})
_ARABIC_PREFIX = re.compile(r"^(al|el|ad|as|at|an|ar|az|ash|ath|ad-din)-(.+)$", re.IGNORECASE)
# Korean and Taiwanese given names are written "Ki-moon", "Ing-wen" (second syllable lower case)
_SYLLABLE_HYPHEN_COUNTRIES = frozenset({"KR", "KP", "TW", "HK", "MO"})

# CAMEO sector codes after the country code -> a role title (generic: CAMEO does not name the office).
_SECTOR_TITLES = {
    "GOV": "Government official",
    "GOVBUS": "Government official (economy)",
    "GOVAGR": "Government official (agriculture)",
    "GOVMED": "Government official (media)",
    "GOVEDU": "Government official (education)",
    "GOVMIL": "Government official (defence)",
    "GOVHLH": "Government official (health)",
    "GOVDEV": "Government official (development)",
    "GOVJUD": "Government official (justice)",
    "GOVLAB": "Government official (labour)",
    "GOVENV": "Government official (environment)",
    "GOVHRI": "Government official (human rights)",
    "GOVLEG": "Legislator",
    "GOVREL": "Government official (religion)",
    "GOVCOP": "Government official (police)",
    "GOVSPY": "Government official (intelligence)",
    "GOVREF": "Government official (refugees)",
    "MIL": "Military officer",
    "SPY": "Intelligence official",
    "OPP": "Opposition figure",
    "REB": "Rebel leader",
    "LEG": "Legislator",
    "JUD": "Judge",
}
_INTERNATIONAL = frozenset({None, "EU", "UN"})
# CAMEO dictionaries of 2014: a role "from D" with no end was held at least until the dictionary was made,
# not for ever after.
CAMEO_AS_OF = "2014-01-30"
_IGO_TITLES = {"IGOUNO": ("United Nations official", "United Nations")}

_ROLE_RE = re.compile(r"\[([A-Z]{3,})\s*([<>]?\s*\d{6,8})?(?:\s*-\s*(\d{6,8}))?\s*\]")
_SEVERAL_ROLES_RE = re.compile(r"\[[^\]]*\]")


# --------------------------------------------------------------------------------------------- model


@dataclass(slots=True)
class Person:
    """A person being assembled from the sources."""

    name: str
    country: str | None
    names: dict[str, list[str]] = field(default_factory=dict)
    roles: list[dict[str, str]] = field(default_factory=list)
    id: str | None = None
    gender: str | None = None
    sources: set[str] = field(default_factory=set)
    curated: bool = False  # from an office list or a hand-typed file: its name is canonical

    def add_name(self, lang: str, form: str) -> None:
        forms = self.names.setdefault(lang, [])
        if form and form not in forms:
            forms.append(form)

    def name_keys(self) -> set[str]:
        return {name_key(f) for forms in self.names.values() for f in forms} | {name_key(self.name)}


def name_key(name: str) -> str:
    """A spelling-tolerant key of a full name: folded, lower case, without dots and hyphens."""
    words = re.findall(r"\w+", fold(name).lower().replace("'", "").replace("’", ""))
    return " ".join(words)


# --------------------------------------------------------------------------------------------- CAMEO


@dataclass(slots=True)
class CameoEntry:
    """One entry of a CAMEO actor dictionary: the main phrase, its variants and its role codes."""

    phrase: str
    variants: list[str]
    roles: list[tuple[str, str | None, str | None]]  # (code, from, to) as ISO dates
    comment: str
    line: int


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _cameo_date(value: str) -> str | None:
    """CAMEO dates: YYMMDD (two-digit years, 50-99 -> 19xx) or YYYYMMDD; None if impossible."""
    digits = value.strip("<> ")
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 1900 + yy if yy >= 30 else 2000 + yy
        month, day = digits[2:4], digits[4:6]
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), digits[4:6], digits[6:8]
    else:
        return None
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    return f"{year:04d}-{month}-{day}"


def _roles_in(text: str) -> list[tuple[str, str | None, str | None]]:
    out: list[tuple[str, str | None, str | None]] = []
    for m in _ROLE_RE.finditer(text):
        code, first, second = m.group(1), m.group(2), m.group(3)
        start = end = None
        if first and first.strip().startswith("<"):
            end = _cameo_date(first)
        elif first:
            start = _cameo_date(first)
            end = _cameo_date(second) if second else None
        out.append((code, start, end))
    return out


def parse_cameo(path: Path) -> Iterator[CameoEntry]:
    """The entries of a CAMEO .actors file (phrase, `+variant` lines, tab-indented `[CODE dates]` lines)."""
    current: CameoEntry | None = None
    for number, raw in enumerate(_read_text(path).splitlines(), 1):
        line, _, comment = raw.partition("#")
        if not line.strip():
            continue
        if line[:1] in ("\t", " ") and line.strip().startswith("["):
            if current is not None:
                current.roles += _roles_in(line)
            continue
        body = line.strip()
        if body.startswith("+"):
            if current is not None:
                current.variants.append(_SEVERAL_ROLES_RE.sub("", body[1:]).strip())
            continue
        if current is not None:
            yield current
        phrase = _SEVERAL_ROLES_RE.sub("", body).strip()
        current = CameoEntry(phrase, [], _roles_in(body), comment.strip(), number)
    if current is not None:
        yield current


def _words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[_\s]+", phrase.strip().strip("_")) if w]


def pretty_name(words: list[str], country: str | None) -> str:
    """CAMEO's upper-case words in the usual case: "BASHAR_AL-ASSAD_" -> "Bashar al-Assad"."""
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        if i > 0 and low in _PARTICLES:
            out.append(low)
            continue
        m = _ARABIC_PREFIX.match(word)
        if m and i > 0:
            out.append(f"{m.group(1).lower()}-{_cap(m.group(2))}")
            continue
        parts = low.split("-")
        if country in _SYLLABLE_HYPHEN_COUNTRIES and len(parts) == 2:
            out.append(f"{_cap(parts[0])}-{parts[1]}")
        else:
            out.append("-".join(_cap(p) for p in parts))
    return " ".join(out)


# Scripts that put spaces between words (a one-word form in them is one word, not a whole CJK name).
_SPACED_SCRIPTS = frozenset({"Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Arabic", "Hebrew", "Devanagari"})
# Unicode ranges and the shape of a Latin name word: data of the fallback language (lang/xx/scripts.yaml)
_SCRIPT_DATA = languages.section(languages.FALLBACK, "scripts")
_LATIN_NAME_WORD_RE = re.compile(str(_SCRIPT_DATA["latin_name_word"]))
_ROMAN = re.compile(r"^(?=[ivxl]+$)x{0,3}(ix|iv|v?i{0,3})$")


def _cap(part: str) -> str:
    if _ROMAN.match(part):
        return part.upper()  # Hassan II, not Hassan Ii
    if part.startswith("mc") and len(part) > 3:
        return "Mc" + part[2:].capitalize()
    if "'" in part:
        return "'".join(p.capitalize() for p in part.split("'"))
    return part.capitalize()


def _is_name_like(words: list[str]) -> bool:
    """Two or more words, none a title or demonym, at least one of three letters or more."""
    if len(words) < 2:
        return False
    if any(w.lower().strip(".,") in _TITLE_WORDS for w in words):
        return False
    if any(not _LATIN_NAME_WORD_RE.fullmatch(w) for w in words):
        return False
    return any(len(w.strip(".")) >= 3 for w in words)


def _iso2(alpha3: str, table: Mapping[str, str]) -> str | None:
    return table.get(alpha3)


def _alpha3_table() -> dict[str, str]:
    import pycountry  # lazy: an optional dependency (dev extra) of `communique kb build` only

    table = {str(c.alpha_3): str(c.alpha_2) for c in pycountry.countries}
    # CAMEO's own codes for a few states
    table.update({"ROM": "RO", "ZAR": "CD", "TMP": "TL", "KOS": "XK", "PSE": "PS", "PAL": "PS", "YUG": "RS",
                  "SUN": "RU", "BUR": "MM", "DRV": "VN", "RVN": "VN"})
    return table


def cameo_person(entry: CameoEntry, alpha3: Mapping[str, str], source: str) -> Person | None:
    """A person from a CAMEO entry, or None when the entry is no person's name (a body, a title)."""
    words = _words(entry.phrase)
    if not _is_name_like(words):
        return None
    codes = [code for code, _, _ in entry.roles]
    countries = [alpha3[c[:3]] for c in codes if c[:3] in alpha3]
    country = max(sorted(set(countries)), key=countries.count) if countries else None
    if country is None and not any(c.startswith("IGO") for c in codes):
        return None
    if not any(start or end for _, start, end in entry.roles):
        return None  # no dated role: nothing to say about when this person acted
    person = Person(pretty_name(words, country), country, sources={source})
    person.add_name("en", person.name)
    main = {w.lower() for w in words if w.lower() not in _PARTICLES}
    for variant in entry.variants:
        vwords = _words(variant)
        if _is_name_like(vwords) and main & {w.lower() for w in vwords}:
            form = pretty_name(vwords, country)
            person.add_name("en", form)
            if "-" in form and form.replace("-", " ") == person.name:
                person.name = form  # "Bashar al-Assad", not "Bashar al Assad"
    for code, start, end in entry.roles:
        role = _cameo_role(code, alpha3)
        if role is None or not (start or end):
            continue  # an undated role would be claimed for every date
        title, org = role
        item = {"title": title, "org": org}
        if start:
            item["from"] = start
        item["to"] = end or max(CAMEO_AS_OF, start or "")
        if item not in person.roles:
            person.roles.append(item)
    return person


def _cameo_role(code: str, alpha3: Mapping[str, str]) -> tuple[str, str] | None:
    for prefix, (title, org) in _IGO_TITLES.items():
        if code.startswith(prefix):
            return title, org
    country = alpha3.get(code[:3])
    if country is None:
        return None
    sector = _SECTOR_TITLES.get(code[3:]) or _SECTOR_TITLES.get(code[3:6])
    if sector is None:
        return None
    return sector, _country_name(country)


def _country_name(code: str) -> str:
    return country_names().get(code, code)


# --------------------------------------------------------------------------------------------- offices


OFFICE_COLUMNS = ("country", "office", "title", "name", "start", "end", "qid", "names", "source")
OFFICES = OFFICE_KEYS


@dataclass(frozen=True, slots=True)
class Term:
    """One row of an office list: who held which office of which country from when to when."""

    country: str
    office: str
    title: str
    name: str
    start: str
    end: str | None
    qid: str | None
    names: dict[str, list[str]]
    source: str
    where: str
    citizen: str | None = None  # the holder's own country when it is not the office's (EU, UN)


def read_offices(path: Path) -> tuple[list[Term], list[str]]:
    """The terms of an office CSV and one problem line per bad row (named by file and line)."""
    numbered = [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if line.strip() and not line.startswith("#")]
    if not numbered:
        return [], [f"{path}: empty"]
    rows = csv.reader([line for _, line in numbered])
    header = [c.strip() for c in next(rows)]
    missing = [c for c in OFFICE_COLUMNS if c not in header]
    if missing:
        return [], [f"{path}:{numbered[0][0]}: missing columns {', '.join(missing)}"]
    terms: list[Term] = []
    problems: list[str] = []
    for (number, _), cells in zip(numbered[1:], rows, strict=True):
        row = dict(zip(header, (c.strip() for c in cells), strict=False))
        where = f"{path.name}:{number}"
        problem = _bad_row(row)
        if problem:
            problems.append(f"{where}: {problem}")
            continue
        terms.append(Term(row["country"], row["office"], row["title"], row["name"], row["start"],
                          row["end"] or None, row["qid"] or None, _other_names(row["names"]), row["source"],
                          where, row.get("citizen") or None))
    return terms, problems


_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _bad_row(row: Mapping[str, str | None]) -> str | None:
    if any(row.get(c) is None for c in OFFICE_COLUMNS):
        return "too few fields"
    if not re.fullmatch(r"[A-Z]{2}|EU|UN", str(row["country"]).strip()):
        return f"bad country {row['country']!r}"
    if str(row["office"]).strip() not in OFFICES:
        return f"bad office {row['office']!r} (one of {', '.join(OFFICES)})"
    if not str(row["name"]).strip() or not str(row["title"]).strip():
        return "no name or title"
    for key in ("start", "end"):
        value = str(row[key]).strip()
        if (value or key == "start") and (not _ISO_DATE.match(value) or _parse_date(value) is None):
            return f"bad {key} date {value!r}"
    end = str(row["end"]).strip()
    if end and end < str(row["start"]).strip():
        return "ends before it starts"
    qid = str(row["qid"]).strip()
    if qid and not re.fullmatch(r"Q[1-9]\d*", qid):
        return f"bad QID {qid!r}"
    return None


def _other_names(cell: str | None) -> dict[str, list[str]]:
    """"ru=Владимир Путин|zh=普京" -> {"ru": ["Владимир Путин"], "zh": ["普京"]}."""
    out: dict[str, list[str]] = {}
    for part in (cell or "").split("|"):
        lang, sep, form = part.partition("=")
        if sep and lang.strip() and form.strip():
            out.setdefault(lang.strip(), []).append(form.strip())
    return out


# --------------------------------------------------------------------------------------------- merging


class Registry:
    """Persons indexed by (country, name key); adding a person merges it into the one it matches."""

    def __init__(self) -> None:
        self.persons: list[Person] = []
        self._by_key: dict[tuple[str | None, str], Person] = {}
        self._by_id: dict[str, Person] = {}
        self._by_name: dict[str, list[Person]] = defaultdict(list)

    def find(self, person: Person) -> Person | None:
        if person.id and person.id in self._by_id:
            return self._by_id[person.id]
        for key in sorted(person.name_keys()):
            hit = self._by_key.get((person.country, key))
            if hit is not None:
                return hit
        return self._international_match(person)

    def _international_match(self, person: Person) -> Person | None:
        """A holder of an international post (no country, or EU/UN) and a national figure of the same full
        name are one person when the name is held by one person only ("Josep Borrell", ES and EU)."""
        key = name_key(person.name)
        same = [p for p in self._by_name.get(key, ()) if p is not person]
        if person.country in _INTERNATIONAL:
            same = [p for p in same if p.country not in _INTERNATIONAL] or same
        else:
            same = [p for p in same if p.country in _INTERNATIONAL]
        return same[0] if len(same) == 1 else None

    def add(self, person: Person) -> Person:
        target = self.find(person)
        if target is None:
            self.persons.append(person)
            target = person
        else:
            _merge_into(target, person)
        self._index(target)
        return target

    def _index(self, person: Person) -> None:
        name = self._by_name[name_key(person.name)]
        if person not in name:
            name.append(person)
        for key in person.name_keys():
            self._by_key.setdefault((person.country, key), person)
        if person.id:
            self._by_id.setdefault(person.id, person)


def _merge_into(target: Person, other: Person) -> None:
    if other.curated and not target.curated:
        target.name, target.curated = other.name, True
    target.id = target.id or other.id
    if target.country in _INTERNATIONAL and other.country not in _INTERNATIONAL:
        target.country = other.country
    target.gender = target.gender or other.gender
    for lang, forms in other.names.items():
        for form in forms:
            target.add_name(lang, form)
    # curated office terms are specific: they go before the generic CAMEO roles
    for role in other.roles:
        if role not in target.roles:
            if other.curated:
                target.roles.insert(_curated_count(target), role)
            else:
                target.roles.append(role)
    target.sources |= other.sources


def _curated_count(person: Person) -> int:
    return sum(1 for r in person.roles if r.get("office"))


def merge_misspelt(persons: list[Person]) -> list[Person]:
    """Fold an entry without roles into a same-country person of the same surname whose given name differs
    by a spelling only ("Dmitr Medvedev" into "Dmitry Medvedev"): CAMEO splits variant lists that way."""
    groups: dict[tuple[str | None, str, int], list[Person]] = defaultdict(list)
    for p in persons:
        words = name_key(p.name).split()
        if len(words) >= 2:
            groups[(p.country, words[-1], len(words))].append(p)
    dropped: set[int] = set()
    for group in groups.values():
        with_roles = [p for p in group if p.roles]
        for p in group:
            if p.roles or id(p) in dropped:
                continue
            given = name_key(p.name).split()[0]
            near = [q for q in with_roles if _near(given, name_key(q.name).split()[0])]
            if len(near) == 1:
                _merge_into(near[0], p)
                dropped.add(id(p))
    return [p for p in persons if id(p) not in dropped]


def _near(a: str, b: str) -> bool:
    """Same first letter and at most two edits apart (Dmitriy / Dmitry / Dimitri)."""
    if a == b or not a or not b or a[0] != b[0] or abs(len(a) - len(b)) > 2:
        return False
    return _edits(a, b) <= 2


def _office_holders_by_country(persons: list[Person]) -> dict[str | None, list[Person]]:
    """The curated persons that hold a dated office, by country."""
    out: dict[str | None, list[Person]] = defaultdict(list)
    for p in persons:
        if p.curated and any(r.get("from") for r in p.roles):
            out[p.country].append(p)
    return out


def _spelled_apart(person: Person, holders: Mapping[str | None, list[Person]]) -> Person | None:
    """The one curated office holder of the person's country whose name is the CAMEO name spelled a little
    apart, word by word (Zurab Nogaideli / Zurab Noghaideli: each word at most two edits, same first letters),
    and whose dated terms overlap the CAMEO roles' dates: the same person, not a namesake of another time."""
    words = name_key(person.name).split()
    if len(words) < 2 or not person.roles:
        return None
    found = [q for q in holders.get(person.country, ())
             if len(theirs := name_key(q.name).split()) == len(words)
             and all(_near_word(a, b) for a, b in zip(words, theirs, strict=True))
             and _terms_overlap(person.roles, q.roles)]
    return found[0] if len(found) == 1 else None


def _near_word(a: str, b: str) -> bool:
    """The same word, or one with the same first letter at most two edits apart, one for a short word (under
    7 letters): Khalid is not Khalifa, Samuel not Samura (two edits), Davit is David."""
    if a == b:
        return True
    limit = 2 if min(len(a), len(b)) >= 7 else 1
    return bool(a and b) and a[0] == b[0] and abs(len(a) - len(b)) <= limit and _edits(a, b) <= limit


def _edits(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _terms_overlap(a: list[dict[str, str]], b: list[dict[str, str]]) -> bool:
    return any(str(x.get("from") or "0000") <= str(y.get("to") or "9999") and
               str(y.get("from") or "0000") <= str(x.get("to") or "9999") for x in a for y in b if y.get("from"))


def person_from_term(term: Term) -> Person:
    country = term.citizen or (None if term.country in ("EU", "UN") else term.country)
    person = Person(term.name, country, curated=True, sources={term.source})
    person.id = term.qid
    person.add_name("en", term.name)
    for lang, forms in term.names.items():
        for form in forms:
            # a one-word form of a person with a longer name ("Philippe") is any Philippe: not a name of theirs
            if len(form.split()) > 1 or len(term.name.split()) == 1 or script_of(form) not in _SPACED_SCRIPTS:
                person.add_name(lang, form)
    role = {"title": term.title, "org": _office_org(term.country), "from": term.start, "office": term.office}
    if term.end:
        role["to"] = term.end
    person.roles.append(role)
    return person


def _office_org(country: str) -> str:
    return {"EU": "European Union", "UN": "United Nations"}.get(country) or _country_name(country)


def persons_from_yaml(entities: Iterable[Any]) -> list[Person]:
    """The hand-typed persons, so that generated ones join them instead of duplicating them."""
    out: list[Person] = []
    for e in entities:
        if e.kind != "person":
            continue
        p = Person(e.name, e.country, id=e.id, gender=e.gender, curated=True, sources={e.source})
        for lang, forms in e.names.items():
            for form in forms:
                p.add_name(lang, form)
        out.append(p)
    return out


def local_id(person: Person, taken: set[str]) -> str:
    """A stable id from the folded name and the country (a number added only on a clash)."""
    return slug_id(person.name, taken, "person", f".{person.country.lower()}" if person.country else "")


def slug_id(name: str, taken: set[str], fallback: str, suffix: str = "") -> str:
    """"local:" + the folded name's words joined by hyphens (else `fallback`) + `suffix`, with a number added
    only when the id is already `taken`."""
    slug = "-".join(re.findall(r"[a-z0-9]+", name_key(name))) or fallback
    base = f"local:{slug}{suffix}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# --------------------------------------------------------------------------------------------- build


@dataclass(slots=True)
class BuildReport:
    persons: int = 0
    dated_roles: int = 0
    office_terms: int = 0
    languages: int = 0
    scripts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    output: str = ""

    def lines(self) -> list[str]:
        return [f"persons: {self.persons}", f"dated roles: {self.dated_roles}",
                f"office terms: {self.office_terms}", f"name languages: {self.languages}",
                f"name scripts: {', '.join(self.scripts)}", f"written: {self.output}",
                *[f"problem: {p}" for p in self.problems]]


def default_output() -> Path:
    """The bundled generated file, inside the package's data folder."""
    return Path(__file__).resolve().parent.parent / "data" / "kb" / "generated" / GENERATED_NAME


def build(sources: Path, output: Path) -> BuildReport:
    """Read every source under `sources`, merge, and write the generated persons file to `output`."""
    report = BuildReport()
    registry = Registry()
    for person in persons_from_yaml(_build(_bundled_sources()).entities.values()):
        registry.add(person)
    for path in sorted((sources / "offices").glob("*.csv")):
        terms, problems = read_offices(path)
        report.problems += problems
        report.office_terms += len(terms)
        for term in terms:
            registry.add(person_from_term(term))
    alpha3 = _alpha3_table()
    cameo: list[Person] = []
    for path in sorted((sources / "petrarch2").glob("*.actors.txt")):
        label = f"petrarch2/{path.name}"
        for entry in parse_cameo(path):
            found = cameo_person(entry, alpha3, label)
            if found is not None:
                cameo.append(found)
    holders = _office_holders_by_country(registry.persons)
    for person in merge_misspelt(cameo):
        twin = None if registry.find(person) is not None else _spelled_apart(person, holders)
        if twin is not None:
            _merge_into(twin, person)
            registry.add(twin)  # indexes the CAMEO spellings under the curated person
        else:
            registry.add(person)
    payload = _payload(registry.persons, report)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
                      encoding="utf-8")
    report.output = str(output)
    return report


def _payload(persons: list[Person], report: BuildReport) -> dict[str, Any]:
    taken = {p.id for p in persons if p.id}
    entities: list[dict[str, Any]] = []
    langs: set[str] = set()
    scripts: set[str] = set()
    for p in persons:
        if not p.roles and not p.curated:
            continue  # a CAMEO name with no role is no political actor we can date
        if p.id is None:
            p.id = local_id(p, taken)
            taken.add(p.id)
        names = {lang: forms for lang, forms in sorted(p.names.items())}
        langs |= set(names)
        scripts |= {script_of(f) for forms in names.values() for f in forms}
        entity: dict[str, Any] = {"id": p.id, "name": p.name, "country": p.country, "names": names,
                                  "roles": [_role_row(r) for r in p.roles]}
        if p.gender:
            entity["gender"] = p.gender
        entities.append(entity)
        report.dated_roles += sum(1 for r in p.roles if r.get("from") or r.get("to"))
    entities.sort(key=lambda e: e["id"])
    report.persons = len(entities)
    report.languages = len(langs)
    report.scripts = sorted(scripts - {""})
    return {"format": FORMAT_VERSION, "kind": "person", "entities": entities}


def _role_row(role: Mapping[str, str]) -> list[str | None]:
    """[title, org, from, to, office] — a list keeps the file small."""
    return [role.get("title"), role.get("org"), role.get("from"), role.get("to"), role.get("office")]


# [script, first letter, last letter] (lang/xx/scripts.yaml): the first range holding a letter names its script
_SCRIPTS = tuple((str(name), str(lo), str(hi)) for name, lo, hi in _SCRIPT_DATA["blocks"])


def script_of(text: str) -> str:
    """The script of the first letter of `text` (Latin, Cyrillic, Arabic, Han, ...)."""
    for ch in text:
        if ch.isalpha():
            for name, lo, hi in _SCRIPTS:
                if lo <= ch <= hi:
                    return name
            return "Other"
    return ""
