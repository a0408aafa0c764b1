"""Fixtures for the robustness tests: the bad-input corpus and its generator."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from robust_helpers import load_generator


@pytest.fixture(scope="session")
def generator() -> ModuleType:
    return load_generator()


@pytest.fixture(scope="session")
def bad_corpus(tmp_path_factory: pytest.TempPathFactory, generator: ModuleType) -> dict[str, Path]:
    """The whole bad-input corpus (without the 200 MB file), written once per session."""
    made: dict[str, Path] = generator.generate_bad_corpus(tmp_path_factory.mktemp("bad"), huge=False)
    return made
