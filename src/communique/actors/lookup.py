"""Look-ups in the knowledge base for people asking: who held an office on a date, who is this name.

    who("foreign minister", "TR", "2021-06-01")  -> Mevlüt Çavuşoğlu
    find("Эрдоган")                             -> Recep Tayyip Erdoğan

An office is named as the titles lexicon of any supported language names it ("foreign minister",
"министр иностранных дел", "Außenminister") or by its key (head_of_state, head_of_government,
foreign_minister). A name is matched as the recognizer matches it in a text (same keys: case, diacritics,
inflection, transcription), in the language its script suggests.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from communique import lang as languages
from communique.actors.gazetteer import find_matches, gazetteer, tokenize
from communique.actors.kb import OFFICE_KEYS, Entity, _first_day, _last_day, load_kb, role_country
from communique.actors.titles import find_titles
from communique.langdata import SUPPORTED

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# The language a name in a script is looked up in (the gazetteer keys names per language).
# [first letter, last letter, code] (lang/xx/scripts.yaml: scripts.lookup_languages)
_SCRIPT_LANGS = tuple((str(lo), str(hi), str(code))
                      for lo, hi, code in languages.section(languages.FALLBACK, "scripts")["lookup_languages"])


@dataclass(slots=True)
class Answer:
    lines: list[str] = field(default_factory=list)
    problem: str | None = None


def office_title(text: str) -> str | None:
    """The canonical title (or office key) that `text` names, in any supported language."""
    words = text.strip()
    key = words.lower().replace(" ", "_").replace("-", "_")
    if key in OFFICE_KEYS:
        return key
    for lang in ("en", *sorted(SUPPORTED)):
        for match in find_titles(words, lang):
            if match.title and match.end - match.start >= len(words) - 2:
                return match.title
    return None


def who(office: str, country: str, date: str | None) -> Answer:
    """The holders of `office` of `country` at `date` (today when None), one line each."""
    if date is not None and not _DATE_RE.match(date):
        return Answer(problem=f"bad date {date!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    title = office_title(office) or (office.strip() if load_kb().has_office(office.strip(), country) else None)
    if title is None:
        return Answer(problem=f"unknown office {office!r} (try \"President\", \"foreign minister\", head_of_state)")
    when = date or dt.date.today().isoformat()
    holders = load_kb().office_holders(title, country, when)
    if not holders:
        return Answer(problem=f"no {title} of {country} known on {when}")
    return Answer(lines=[_holder_line(e, title, country, when) for e in holders])


def _holder_line(entity: Entity, title: str, country: str, date: str) -> str:
    lo, hi = _first_day(date), _last_day(date)
    role = next((r for r in entity.roles if (r.title == title or r.office == title)
                 and role_country(r, entity) == country and r.contains(lo, hi)), None)
    term = f"{role.start or '?'}..{role.end or ''}" if role else ""
    return "\t".join([entity.name, entity.id, role.title if role else title, term])


def lang_of_script(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            for lo, hi, lang in _SCRIPT_LANGS:
                if lo <= ch <= hi:
                    return lang
            return "en"
    return "en"


def load() -> None:
    """Loads now what `find_ids` and `all_names` read: the knowledge base and the gazetteer of each language a
    name in some script is looked up in (~2 s once per process; a server does it before its first request)."""
    load_kb()
    for lang in sorted({code for _, _, code in _SCRIPT_LANGS} | {"en"}):
        gazetteer(lang)


def find_ids(name: str) -> dict[str, str]:
    """The ids (and kinds) of the entities whose name, in any language or script, is `name` as a whole."""
    lang = lang_of_script(name)
    tokens = tokenize(name, lang)
    if not tokens:
        return {}
    found: dict[str, str] = {}
    for match in find_matches(name, tokens, gazetteer(lang)):
        if match.first_token != 0 or match.last_token != len(tokens) - 1:
            continue
        for cand in match.candidates:
            found.setdefault(cand.entity_id, cand.kind)
    return found


def all_names(entity_id: str) -> list[str]:
    """Every name of an entity in the knowledge base (all languages and scripts, acronyms, surnames alone)."""
    entity = load_kb().get(entity_id)
    if entity is None:
        return []
    forms = [form for form, _ in entity.all_forms()] + list(entity.surname.values()) + [entity.name]
    return sorted(set(forms))


def find(name: str, date: str | None = None) -> list[str]:
    """Entities named `name` (whole name), one line each: name, id, kind, country, role at `date`."""
    found = find_ids(name)
    kb = load_kb()
    lines = []
    for entity_id, kind in sorted(found.items()):
        entity = kb.get(entity_id)
        if entity is None:
            lines.append("\t".join([entity_id.split(":", 1)[-1], entity_id, kind, ""]))
            continue
        role = entity.role_at(date)
        lines.append("\t".join([entity.name, entity.id, entity.kind, entity.country or "",
                                role.title if role else ""]))
    return lines
