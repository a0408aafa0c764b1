"""Store fixtures: a real PostgreSQL server started in a temporary folder, and store URLs for both backends.

The server: Debian's initdb/pg_ctl (found on PATH or under /usr/lib/postgresql/*/bin), a cluster in a
tmp dir listening on a free port on 127.0.0.1, started once per test session (per xdist worker) and
stopped at the end. As root, the binaries run as the `postgres` user (PostgreSQL refuses root).
Tests are skipped only when the binaries are absent and we are not in CI (CI=true makes it a failure).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest
from benchmarks.throwaway import pg_bin, throwaway_postgres

_database_numbers = count(1)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A running PostgreSQL server; yields the URL of its `postgres` database (superuser `communique`)."""
    if pg_bin() is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("PostgreSQL binaries (initdb, pg_ctl) are missing in CI: apt-get install -y postgresql")
        pytest.skip("PostgreSQL binaries not found (apt-get install postgresql); PostgreSQL tests skipped")
    with throwaway_postgres() as url:
        yield url


@pytest.fixture
def pg_url(postgres_server: str) -> str:
    """A fresh, empty database on the session's server."""
    import psycopg

    name = f"t{os.getpid()}_{next(_database_numbers)}"
    with psycopg.connect(postgres_server.replace("postgresql://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return postgres_server.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on a SQLite file and on a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue("pg_url"))
