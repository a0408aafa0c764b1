"""Fixtures of the watcher's tests: a local web site (see watch_helpers) and YAML config files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from watch_helpers import Site, serve


@pytest.fixture
def site() -> Iterator[Site]:
    yield from serve()


@pytest.fixture(scope="module")
def module_site() -> Iterator[Site]:
    yield from serve()


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[[str, Any], Path]:
    import yaml

    def write(name: str, data: Any) -> Path:
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    return write
