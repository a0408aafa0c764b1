"""The package's data folder (`data/`: knowledge base, examples), and old names for language data.

Language knowledge lives in `communique/lang/<code>/` (see `communique.lang`); the names below that
read it are kept for code written against this module and delegate to the registry.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from communique import lang as languages


def data_path(*parts: str) -> Any:
    """A Traversable inside the package's data folder."""
    node = resources.files("communique") / "data"
    for part in parts:
        node = node / part
    return node


def available_languages() -> tuple[str, ...]:
    """Every language with a folder (`communique.lang.codes`)."""
    return languages.codes()


def load_lang(code: str) -> dict[str, Any]:
    """The data of one language, {} without a folder (`communique.lang.data`)."""
    return languages.data(code)


section = languages.section


def __getattr__(name: str) -> Any:
    if name == "SUPPORTED":  # the languages with complete data, now `communique.lang.full()`
        return languages.full()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
