"""A throwaway PostgreSQL server with a fresh database, tuned for benchmarks (benchmarks.throwaway)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from benchmarks.throwaway import throwaway_postgres as _server

# A throwaway server; shared_buffers large enough to hold the hot indexes.
BENCH_SETTINGS = ("synchronous_commit=off", "shared_buffers=1GB", "work_mem=64MB", "max_wal_size=4GB")


@contextmanager
def throwaway_postgres(database: str = "bench", folder: str | None = None) -> Iterator[str]:
    """A server in a temporary folder on a free port; yields the URL of a new database; removed after."""
    with _server(BENCH_SETTINGS, prefix="communique-bench-pg-", folder=folder) as server_url:
        import psycopg

        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{database}"')
        yield server_url.rsplit("/", 1)[0] + f"/{database}"
