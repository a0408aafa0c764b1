"""Per-language knowledge, kept as data: `data/lang/<lang>.yaml`.

Each file has top-level sections owned by the stage that uses them:
  debris (clean), sentences (clean), dates (time), titles / roles (actors),
  triggers / topics / agreements / status (events).
Adding a language means adding a file. Sections missing from a file are empty.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

# libyaml's loader when PyYAML was built with it (5-10x faster than the pure-Python one).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The languages with a full data file; others are processed with the catch-all `xx` data.
SUPPORTED = ("en", "ru", "de", "fr", "id", "vi")


def data_path(*parts: str) -> Any:
    """A Traversable inside the package's data folder."""
    node = resources.files("communique") / "data"
    for part in parts:
        node = node / part
    return node


@cache
def available_languages() -> tuple[str, ...]:
    folder = data_path("lang")
    names = (p.name for p in folder.iterdir())
    return tuple(sorted(n[:-5] for n in names if n.endswith(".yaml") and not n.startswith("_")))


@cache
def load_lang(lang: str) -> dict[str, Any]:
    """The data of one language (an empty mapping for a language without a file)."""
    node = data_path("lang", f"{lang}.yaml")
    if not node.is_file():
        return {}
    loaded = yaml.load(node.read_text(encoding="utf-8"), Loader=_Loader) or {}
    if not isinstance(loaded, dict):
        raise ValueError(f"data/lang/{lang}.yaml: top level must be a mapping")
    return loaded


def section(lang: str, name: str, default: Any = None) -> Any:
    """One section of a language's data, e.g. section("ru", "triggers")."""
    value = load_lang(lang).get(name)
    if value is None:
        return {} if default is None else default
    return value
