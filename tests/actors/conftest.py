"""Fixtures for the actors tests: documents run through the pipeline up to the actors stage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from communique.document import Document
from communique.options import Options
from communique.pipeline import process

SEED_LANGS = {"000": "ru", "001": "ru", "002": "de", "003": "id", "004": "fr"}


def run_actors(text: str, lang: str, doc_id: str = "t", doc_date: str | None = None) -> Document:
    doc = Document(id=doc_id, raw_text=text, lang_hint=lang)
    return process(doc, Options(doc_date=doc_date), until="actors")


def person_rows(text: str, lang: str, date: str | None) -> list[tuple[str, str, str | None, str | None]]:
    """(text, entity id, role, country) of the person mentions of `text` on `date`, after checking every offset."""
    doc = run_actors(text, lang, doc_date=date)
    out = []
    for m in doc.mentions:
        assert m.text == text[m.start : m.end]
        if m.kind == "person":
            out.append((m.text, m.entity_id, m.role, m.country))
    return out


@pytest.fixture(scope="session")
def seed_doc(shared_dir: Path) -> Callable[[str], Document]:
    """A seed article (by its 3-digit prefix) after the actors stage."""
    cache: dict[str, Document] = {}

    def get(prefix: str) -> Document:
        if prefix not in cache:
            path = next((shared_dir / "corpus" / "seeds").glob(f"{prefix}_*.txt"))
            cache[prefix] = run_actors(path.read_text(encoding="utf-8"), SEED_LANGS[prefix], path.name)
        return cache[prefix]

    return get


@pytest.fixture(scope="session")
def country_builder() -> Any:
    """scripts/build_countries.py, which is no module of the package, loaded once."""
    import importlib.util  # lazy: only the builder's tests load the script
    import sys

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_countries.py"
    spec = importlib.util.spec_from_file_location("build_countries", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module
