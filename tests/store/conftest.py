"""Store fixtures: a real PostgreSQL server started in a temporary folder, and store URLs for both backends.

The server: Debian's initdb/pg_ctl (found on PATH or under /usr/lib/postgresql/*/bin), a cluster in a
tmp dir listening on a free port on 127.0.0.1, started once per test session (per xdist worker) and
stopped at the end. As root, the binaries run as the `postgres` user (PostgreSQL refuses root).
Tests are skipped only when the binaries are absent and we are not in CI (CI=true makes it a failure).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest

_database_numbers = count(1)


def _pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--", *args]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A running PostgreSQL server; yields the URL of its `postgres` database (superuser `communique`)."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("PostgreSQL binaries (initdb, pg_ctl) are missing in CI: apt-get install -y postgresql")
        pytest.skip("PostgreSQL binaries not found (apt-get install postgresql); PostgreSQL tests skipped")
    root = Path(tempfile.mkdtemp(prefix="communique-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, user="postgres", group="postgres")
    data, port = root / "data", _free_port()
    subprocess.run(_as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "communique",
                                    "-E", "UTF8", "--locale", "C.UTF-8"]),
                   check=True, capture_output=True, cwd=root)
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-t", "60",
                                    "-l", str(root / "log"), "start"]), check=True, capture_output=True, cwd=root)
    try:
        yield f"postgresql://communique@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                       capture_output=True, cwd=root)
        shutil.rmtree(root, ignore_errors=True)


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
