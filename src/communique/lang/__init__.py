"""Languages as plug-ins: one package per language, `communique/lang/<code>/`, found by its folder.

A language folder holds its data and, only where data cannot say it, small modules:

    lang/ru/data.yaml       one section per stage: debris, sentences (clean), dates (time), titles
                            (actors), triggers, topics, agreements, status, discourse (events)
    lang/ru/language.yaml   what the language is: `language` (name, script, flags) and `names`
                            (spelling conventions, folding); its sections add to data.yaml's
    lang/ru/names.py        hooks a stage looks up by name (`hook("ru", "names", "stem")`):
                            transliteration, stemming, inflection, name shapes

Every `*.yaml` of a folder is read; two files may share a section (a mapping) but not a key in it.
Adding a language is adding a folder; `xx` is the fallback: the data of every document, and the
defaults of languages without their own. Shared modules ask this registry and never name a language.
The registry searches every folder of this package's `__path__`: the package itself, then the folders
named in COMMUNIQUE_LANG_PATH (separated like PATH), so a language is added without touching the
package; a code found twice is taken from the first folder.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

FALLBACK = "xx"  # the catch-all language: its data applies to every document
UNDETERMINED = "und"  # the code of a document whose language is not known
NO_LANGUAGE = "zxx"  # the code of content that is not language (ISO 639-2)
_CODE_RE = re.compile(r"^[a-z]{2,3}$")
LANG_PATH_VARIABLE = "COMMUNIQUE_LANG_PATH"

# Folders of languages outside the package, after it (hooks import from them as communique.lang.<code>).
__path__.extend(p for p in os.environ.get(LANG_PATH_VARIABLE, "").split(os.pathsep) if p)


class LanguageDataError(ValueError):
    """A language folder whose data cannot be read (names the file)."""


@dataclass(frozen=True, slots=True)
class Language:
    """One language: its code, its folder and its data (every section of every YAML file)."""

    code: str
    folder: Path
    data: dict[str, Any]

    def section(self, name: str, default: Any = None) -> Any:
        value = self.data.get(name)
        if value is None:
            return {} if default is None else default
        return value

    @property
    def about(self) -> dict[str, Any]:
        """The `language` section: name, script, country, flags."""
        return dict(self.section("language"))


def _folders() -> Iterator[Path]:
    """Every language folder on the package path (the first of a code wins), sorted by code."""
    seen: dict[str, Path] = {}
    for entry in __path__:
        root = Path(entry)
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            if folder.is_dir() and _CODE_RE.match(folder.name) and any(folder.glob("*.yaml")):
                seen.setdefault(folder.name, folder)
    for code in sorted(seen):
        yield seen[code]


@cache
def _index() -> dict[str, Path]:
    return {folder.name: folder for folder in _folders()}


def without_folder(code: str) -> bool:
    """True for a language code (two or three letters, not "und" or "zxx") that has no folder: a language
    the shared data must serve alone."""
    return bool(_CODE_RE.match(code)) and code not in (UNDETERMINED, NO_LANGUAGE) and find(code) is None


def codes() -> tuple[str, ...]:
    """The codes of every language with a folder, sorted (the fallback `xx` included)."""
    return tuple(_index())


@cache
def full() -> tuple[str, ...]:
    """The languages whose data is complete (`language.full`); others get the fallback's titles etc."""
    return tuple(code for code in codes() if get(code).about.get("full"))


def _read(path: Path) -> dict[str, Any]:
    import yaml  # lazy: `communique --help` needs no YAML

    # libyaml's loader when PyYAML was built with it (5-10x faster than the pure-Python one)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    except yaml.YAMLError as error:
        raise LanguageDataError(f"{path}: not valid YAML: {error}".splitlines()[0]) from None
    if not isinstance(loaded, dict):
        raise LanguageDataError(f"{path}: top level must be a mapping")
    return loaded


def _merge(into: dict[str, Any], extra: dict[str, Any], path: Path) -> None:
    """Add a file's sections; a section in two files must be a mapping in both, with no shared key."""
    for name, value in extra.items():
        if name not in into:
            into[name] = value
            continue
        if not (isinstance(into[name], dict) and isinstance(value, dict)) or set(into[name]) & set(value):
            raise LanguageDataError(f"{path}: section {name!r} is also defined in another file of this folder")
        into[name] = {**into[name], **value}


@cache
def find(code: str) -> Language | None:
    """The language with this code, or None when it has no folder."""
    folder = _index().get(code)
    if folder is None:
        return None
    data: dict[str, Any] = {}
    # data.yaml first, then the others by name: merge order never changes a value (keys are unique)
    for path in sorted(folder.glob("*.yaml"), key=lambda p: (p.name != "data.yaml", p.name)):
        _merge(data, _read(path), path)
    return Language(code, folder, data)


def get(code: str) -> Language:
    """The language with this code, else the fallback `xx`."""
    found = find(code)
    if found is not None:
        return found
    fallback = find(FALLBACK)
    if fallback is None:
        raise LanguageDataError(f"no folder for the fallback language {FALLBACK!r}")
    return fallback


def data(code: str) -> dict[str, Any]:
    """All the data of one language ({} for a language without a folder)."""
    found = find(code)
    return found.data if found is not None else {}


def section(code: str, name: str, default: Any = None) -> Any:
    """One section of a language's data, e.g. section("ru", "triggers"); empty when absent."""
    found = find(code)
    if found is None:
        return {} if default is None else default
    return found.section(name, default)


def about(code: str, key: str, default: Any = None) -> Any:
    """One entry of a language's `language` section (its name, script, country, flags)."""
    value = section(code, "language").get(key)
    return default if value is None else value


def international() -> str | None:
    """The language of international usage (`language.international` of the fallback): its country
    names are known in every document, and a language without titles borrows its titles."""
    value = about(FALLBACK, "international")
    return str(value) if value else None


def everywhere(name: str, key: str) -> Iterator[tuple[str, Any]]:
    """(code, value) of `section[key]` in every language that has it, by code."""
    for code in codes():
        value = section(code, name).get(key)
        if value is not None:
            yield code, value


def hook(code: str, module: str, name: str) -> Callable[..., Any] | None:
    """A function a language module provides (`lang/<code>/<module>.py`), or None."""
    return _hooks(module, name).get(code)


@cache
def _hooks(module: str, name: str) -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for code, folder in _index().items():
        if not (folder / f"{module}.py").is_file():
            continue
        loaded = importlib.import_module(f"{__name__}.{code}.{module}")
        function = getattr(loaded, name, None)
        if callable(function):
            found[code] = function
    return found


def hooks(module: str, name: str) -> list[tuple[str, Callable[..., Any]]]:
    """(code, function) for every language whose module provides `name`, by code."""
    return sorted(_hooks(module, name).items())


@cache
def _script_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(code, one-character regex) of the languages that read every word of their script
    (`language.script` with `language.reads_script`): a Cyrillic word of no known language is Russian."""
    return tuple((code, re.compile(str(about(code, "script")))) for code in codes()
                 if about(code, "reads_script") and about(code, "script"))


def script_reader(text: str) -> str | None:
    """The language that reads `text` by its script (any character of the script counts), else None."""
    if text.isascii():
        return None
    for code, pattern in _script_patterns():
        if pattern.search(text):
            return code
    return None


def script_counts(text: str) -> list[tuple[str, int]]:
    """(code, how many characters of its script `text` has) for every script-reading language."""
    return [(code, len(pattern.findall(text))) for code, pattern in _script_patterns()]


@cache
def _unspaced_pattern() -> re.Pattern[str] | None:
    scripts = sorted({str(about(code, "script")) for code in codes()
                      if about(code, "unsegmented") and about(code, "script")})
    return re.compile("|".join(scripts)) if scripts else None


def is_unspaced(text: str) -> bool:
    """True if `text` has a character of a script written without spaces between words
    (`language.script` of the languages marked `language.unsegmented`: Han, kana)."""
    pattern = _unspaced_pattern()
    return pattern is not None and not text.isascii() and pattern.search(text) is not None


@cache
def of_country(country: str | None) -> str | None:
    """The language whose name rules describe the people of `country` (`language.country`), if any."""
    if country is None:
        return None
    return next((code for code in codes() if about(code, "country") == country), None)


def joined(name: str, key: str) -> list[Any]:
    """The list `section[key]` of every language, concatenated by code, without repeats (in first order)."""
    out: list[Any] = []
    for _, values in everywhere(name, key):
        out.extend(v for v in values if v not in out)
    return out


@cache
def capitals(acronyms: bool = False) -> str:
    """A character-class body of capital letters: A-Z and every language's `language.capitals`
    (with `acronyms`, also the letters it writes only in acronyms: `language.acronym_capitals`)."""
    keys = ("capitals", "acronym_capitals") if acronyms else ("capitals",)
    return "A-Z" + "".join(str(value) for key in keys for _, value in everywhere("language", key))


def words_pattern(name: str, key: str) -> str:
    """An alternation (longest first) of the words `section[key]` lists in every language."""
    words = sorted({str(w) for w in joined(name, key)}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in words) or "(?!x)x"


def reset() -> None:
    """Forget discovered folders and loaded data (after `__path__` changed, in tests)."""
    for cached in (_index, full, find, _hooks, _script_patterns, _unspaced_pattern, of_country, capitals):
        cached.cache_clear()
