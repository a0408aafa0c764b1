"""Opening a store: URL resolution, engines (SQLite in WAL mode, PostgreSQL via psycopg 3), errors.

Every database problem the user can cause (a bad URL, a locked or corrupt file, a server that is
down) becomes a `StoreError` with one clear line; the CLI prints it and exits, never a traceback.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.engine import make_url

DEFAULT_FILE = "communique.db"
ENV_VAR = "COMMUNIQUE_DB"
SQLITE_BUSY_SECONDS = 15.0
WRITE_OPTION = "communique_write"


class StoreError(Exception):
    """A store problem reported as one line. `usage` marks a bad --db value (exit 2)."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


def resolve_url(db: str | None) -> str:
    """--db, else $COMMUNIQUE_DB, else ./communique.db; a plain path means a SQLite file."""
    value = db or os.environ.get(ENV_VAR) or DEFAULT_FILE
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    if value.startswith(("postgresql://", "postgres://")):
        # SQLAlchemy's default PostgreSQL driver is psycopg2; we ship psycopg 3.
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def make_engine(db: str | None) -> Engine:
    url_text = resolve_url(db)
    try:
        url = make_url(url_text)
    except exc.ArgumentError:
        raise StoreError(f"--db {db!r}: not a database URL or file path", usage=True) from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url_text, url.database)
    if backend == "postgresql":
        try:
            return create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError:
            raise StoreError("PostgreSQL needs psycopg: pip install 'communique[postgres]'") from None
    raise StoreError(f"--db {db!r}: unsupported database {backend!r} (use a file path or postgresql://…)",
                     usage=True)


def _sqlite_engine(url_text: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        folder = Path(database).parent
        if not folder.is_dir():
            raise StoreError(f"--db {database}: folder {folder} does not exist", usage=True)
    # How long to wait for another writer before giving up ("database is locked").
    busy = float(os.environ.get("COMMUNIQUE_DB_TIMEOUT", SQLITE_BUSY_SECONDS))
    engine = create_engine(url_text, connect_args={"timeout": busy})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        # WAL: readers never block the writer, and a killed writer leaves the file consistent.
        # Let SQLAlchemy, not pysqlite, decide where transactions begin (see _begin below).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        _switch_to_wal(cur, busy)
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # A writer takes the lock up front (BEGIN IMMEDIATE): two writers queue instead of deadlocking.
        # Readers begin deferred and never wait for a writer (WAL).
        immediate = conn.get_execution_options().get(WRITE_OPTION)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _switch_to_wal(cur: Any, busy_seconds: float) -> None:
    """Put the file in WAL mode (a lasting property of the file), waiting for other processes as a write does.

    SQLite answers "database is locked" at once, without calling the busy handler, when another connection
    holds a lock while this one changes the journal mode: two first ingests into a new store would fail.
    So the switch is retried, within the same busy timeout as any write, and skipped when already done.
    """
    deadline = time.monotonic() + busy_seconds
    pause = 0.005
    while True:
        try:
            if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
                return
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            if time.monotonic() >= deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


# The PostgreSQL advisory lock that write transactions hold (see `writing`); the key is any constant.
WRITE_LOCK = "SELECT pg_advisory_xact_lock(1131375981)"


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back on any error.

    Writers run one at a time on both backends: SQLite by BEGIN IMMEDIATE, PostgreSQL by a transaction-level
    advisory lock. A write reads before it writes (the next document number, the merged events a report
    joins, the schema version of a new store), so two concurrent writers would otherwise both create the
    schema, or give two documents one number, or merge the same event twice.
    """
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(WRITE_LOCK)
        yield conn


def describe(error: BaseException, url: str) -> StoreError:
    """One clear line for a database error (locked, corrupt, unreachable, permission)."""
    text = str(getattr(error, "orig", None) or error).strip().splitlines()[0] if str(error).strip() else repr(error)
    where = _safe_url(url)
    low = text.lower()
    if "locked" in low or "busy" in low:
        return StoreError(f"{where}: the database is locked by another process; try again when it finishes")
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return StoreError(f"{where}: not a Communiqué database, or the file is damaged ({text})")
    if "unable to open" in low or "readonly" in low or "permission" in low:
        return StoreError(f"{where}: cannot open the database ({text})")
    if "connection" in low or "could not" in low or "password" in low or "does not exist" in low:
        return StoreError(f"{where}: cannot connect ({text})")
    return StoreError(f"{where}: database error: {text}")


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except exc.ArgumentError:
        return url


@contextmanager
def translated_errors(url: str) -> Iterator[None]:
    """Database exceptions inside the block become one-line StoreErrors."""
    try:
        yield
    except StoreError:
        raise
    except exc.SQLAlchemyError as error:
        raise describe(error, url) from None
    except ModuleNotFoundError as error:
        raise StoreError(f"a database driver is missing ({error.name}); "
                         "for PostgreSQL: pip install 'communique[postgres]'") from None
