"""API fixtures: the app on the shared test store (read-only), and on a private copy for writes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_helpers import TOKEN, client_for
from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def api(web_store: Path) -> Iterator[TestClient]:
    """Reads on the session's store (no token configured: writes are refused)."""
    with client_for(web_store) as client:
        yield client


@pytest.fixture
def store_copy(web_store: Path, tmp_path: Path) -> Path:
    """A private copy of the session's store, for tests that write."""
    target = tmp_path / "copy.db"
    shutil.copyfile(web_store, target)
    wal = web_store.with_name(web_store.name + "-wal")
    if wal.exists():  # not checkpointed yet: its pages belong to the database
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    return target


@pytest.fixture
def writer(store_copy: Path) -> Iterator[TestClient]:
    """The app on a private store copy, with a token configured."""
    with client_for(store_copy, token=TOKEN) as client:
        yield client


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
