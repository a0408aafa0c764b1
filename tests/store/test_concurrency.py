"""Concurrent writers and readers on one store: nothing lost, nothing duplicated, no "database is locked".

The writers are separate processes (`communique ingest`), as two cron jobs or a watcher and a user would be;
the readers count while they write. Run on a new SQLite file (the first writers race to create it) and on a
new PostgreSQL database.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from communique.store import open_store
from communique.store.db import make_engine
from communique.store.schema import documents

WRITERS = 4
DOCS_PER_WRITER = 6
SHARED_DOCS = 2  # documents every writer ingests: stored once, whoever wins


def _batches(tmp_path: Path) -> list[Path]:
    """One JSONL file per writer: its own documents plus the same SHARED_DOCS in every file."""
    shared = [{"id": f"shared-{n}", "date": f"2025-03-{n + 1:02d}",
               "text": f"Russian Foreign Minister Sergey Lavrov met his Vietnamese counterpart Bui Thanh Son in "
                       f"Moscow on {n + 1} March 2025. They discussed energy and education."}
              for n in range(SHARED_DOCS)]
    paths = []
    for w in range(WRITERS):
        own = [{"id": f"w{w}-{n}", "date": "2025-04-01",
                "text": f"Indonesian President Prabowo Subianto received Vietnamese Prime Minister Pham Minh Chinh "
                        f"in Jakarta on {n + 2} April 2025 (writer {w}, report {n})."} for n in range(DOCS_PER_WRITER)]
        path = tmp_path / f"writer{w}.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in shared + own), encoding="utf-8")
        paths.append(path)
    return paths


def _count(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents)).scalar_one())
    finally:
        engine.dispose()


def test_concurrent_writers_and_readers_lose_and_duplicate_nothing(store_url: str, tmp_path: Path) -> None:
    batches = _batches(tmp_path)
    procs = [subprocess.Popen([sys.executable, "-m", "communique.cli", "ingest", str(b), "--db", store_url],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for b in batches]
    seen: list[list[int]] = [[], []]
    reader_errors: list[BaseException] = []

    def read_while_writing(counts: list[int]) -> None:
        while any(p.poll() is None for p in procs):
            try:
                counts.append(_count(store_url))
            except Exception as error:  # the store may not exist yet: only errors after creation count
                if "no such table" not in str(error) and "does not exist" not in str(error):
                    reader_errors.append(error)
            time.sleep(0.05)

    readers = [threading.Thread(target=read_while_writing, args=(counts,)) for counts in seen]
    for r in readers:
        r.start()
    errors = [p.communicate(timeout=600)[1].decode() for p in procs]
    for r in readers:
        r.join()
    assert [p.returncode for p in procs] == [0] * WRITERS, errors
    assert not reader_errors, reader_errors
    for counts in seen:  # a reader never saw the count go down (no rewrite, no partial transaction)
        assert counts == sorted(counts)
    assert _count(store_url) == SHARED_DOCS + WRITERS * DOCS_PER_WRITER
    engine = open_store(store_url)
    with engine.connect() as conn:
        ids = [r[0] for r in conn.execute(select(documents.c.id))]
    engine.dispose()
    assert len(ids) == len(set(ids))
    assert {f"w{w}-{n}" for w in range(WRITERS) for n in range(DOCS_PER_WRITER)} < set(ids)


def test_wal_switch_waits_for_a_lock_held_on_a_new_file(tmp_path: Path) -> None:
    """A second process opening a new store while the first holds a lock waits (busy timeout) instead of
    failing at once with "database is locked" when it switches the file to WAL."""
    path = tmp_path / "new.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    releaser = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    releaser.start()
    try:
        engine = make_engine(str(path))
        with engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        engine.dispose()
    finally:
        releaser.join()
        holder.close()
    assert mode == "wal"


@pytest.mark.parametrize("attempt", range(3))
def test_two_first_ingests_into_a_new_sqlite_store_both_succeed(tmp_path: Path, attempt: int) -> None:
    db = tmp_path / f"first{attempt}.db"
    docs = []
    for k in range(2):
        path = tmp_path / f"doc{attempt}-{k}.txt"
        path.write_text(f"Sergey Lavrov met Bui Thanh Son in Hanoi on {k + 3} March 2025.", encoding="utf-8")
        docs.append(path)
    procs = [subprocess.Popen([sys.executable, "-m", "communique.cli", "ingest", str(d), "--db", str(db)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for d in docs]
    errors = [p.communicate(timeout=300)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert _count(str(db)) == 2
