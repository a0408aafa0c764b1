"""The store through the command line: real pipeline, real processes (kill -9), clear errors."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from communique.store import open_store
from communique.store.queries import query_events
from communique.store.schema import documents, events, merged_events

DATA = Path(__file__).resolve().parent / "data"
COMMUNIQUE = [sys.executable, "-m", "communique.cli"]


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMUNIQUE, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def dump(db: str) -> dict[str, Any]:
    engine = open_store(db)
    with engine.connect() as conn:
        out = {
            "documents": [tuple(r) for r in conn.execute(select(documents.c.id, documents.c.content_hash,
                                                                documents.c.seq).order_by(documents.c.seq))],
            "events": [tuple(r) for r in conn.execute(select(events.c.id, events.c.doc_id, events.c.merged_id,
                                                             events.c.record).order_by(events.c.id))],
            "merged": [tuple(r) for r in conn.execute(select(merged_events.c.id, merged_events.c.record)
                                                      .order_by(merged_events.c.id))],
        }
    engine.dispose()
    return out


@pytest.fixture(scope="module")
def news_batch(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    """The seed articles and 25 news-sample articles in one JSONL file (doc dates from the gold file)."""
    gold = {json.loads(line)["doc"]: json.loads(line)["doc_date"]
            for line in (shared_dir / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    lines = [json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8"), "date": gold.get(p.name)},
                        ensure_ascii=False) for p in sorted((shared_dir / "corpus" / "seeds").glob("*.txt"))]
    with open(shared_dir / "corpus" / "news-sample.jsonl", encoding="utf-8") as f:
        lines += [next(f).rstrip("\n") for _ in range(25)]
    path = tmp_path_factory.mktemp("batch") / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_killed_ingest_resumes_to_the_same_store(tmp_path: Path, news_batch: Path) -> None:
    complete, killed = str(tmp_path / "complete.db"), str(tmp_path / "killed.db")
    assert run("ingest", str(news_batch), "--db", complete).returncode == 0
    proc = subprocess.Popen([*COMMUNIQUE, "ingest", str(news_batch), "--db", killed],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = _wait_for_documents(killed, 10, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 10 <= stored < 30, "the ingest should have been killed midway"
    after_kill = _count(killed)
    resumed = run("ingest", str(news_batch), "--db", killed)
    assert resumed.returncode == 0, resumed.stderr
    # what was committed before the kill is kept, the rest is done now
    assert f"{30 - after_kill} new, 0 changed, {after_kill} unchanged" in resumed.stderr
    assert dump(killed) == dump(complete)
    assert len(dump(complete)["documents"]) == 30


def _count(db: str) -> int:
    return len(dump(db)["documents"])


def _wait_for_documents(db: str, n: int, proc: subprocess.Popen[bytes]) -> int:
    """Poll the store (read-only) until it holds n documents."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                found = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            if found >= n:
                return int(found)
        except sqlite3.Error:
            pass
        time.sleep(0.02)
    pytest.fail("the ingest finished before it could be killed")


def test_three_languages_of_one_meeting_through_the_real_pipeline(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    meeting = str(DATA / "in-jp-meeting.jsonl")
    extracted = run("extract", meeting, "--format", "jsonl")
    found = {json.loads(line)["sources"][0]["doc"] for line in extracted.stdout.splitlines() if line.strip()}
    if found != {"in-jp-en", "in-jp-de", "in-jp-fr"}:
        pytest.xfail(f"extraction finds the meeting in {sorted(found)} of the three articles (not all yet)")
    first = run("ingest", meeting, "--db", db)
    assert first.returncode == 0, first.stderr
    engine = open_store(db)
    merged = query_events(engine)
    all_three = [r for r in merged if {s["doc"] for s in r["sources"]} == {"in-jp-en", "in-jp-de", "in-jp-fr"}]
    # one meeting and one visit ("Iwaya arrived in India on Friday for a two-day visit"), each merged over the three
    assert sorted(r["mode"] for r in all_three) == ["meet", "visit"]
    talks = next(r for r in all_three if r["mode"] == "meet")
    visit = next(r for r in all_three if r["mode"] == "visit")
    assert visit["date"]["start"] == "2025-03-07" and {a["name"] for a in visit["actors"]} == {"Takeshi Iwaya", "India"}
    assert (talks["type"], talks["mode"], talks["date"]["start"]) == ("CONSULT", "meet", "2025-03-08")
    names = {a["name"] for a in talks["actors"]}
    assert {"Takeshi Iwaya"} <= names and any("Jaishankar" in n for n in names)
    with_both = [r for r in merged if {"Takeshi Iwaya"} <= {a["name"] for a in r["actors"]}
                 and any("Jaishankar" in a["name"] for a in r["actors"])]
    assert with_both == [talks]  # no second copy of the meeting
    before = dump(db)
    again = run("ingest", meeting, "--db", db)
    assert "0 new, 0 changed, 3 unchanged" in again.stderr
    assert dump(db) == before


def test_cli_round_trip_on_the_seeds(tmp_path: Path, news_batch: Path) -> None:
    db = str(tmp_path / "s.db")
    assert run("ingest", str(news_batch), "--db", db).returncode == 0
    listed = run("events", "--db", db, "--pair", "VN,RU", "--format", "jsonl")
    assert listed.returncode == 0
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    assert records and all({"VN", "RU"} <= {a["country"] for a in r["actors"]} for r in records)
    target = records[0]["id"]
    fixed = run("correct", target, "--set", "date=2025-02-21", "--by", "tester", "--db", db)
    assert fixed.returncode == 0, fixed.stderr
    assert run("reprocess", "--db", db).returncode == 0
    shown = run("events", "--db", db, "--pair", "VN,RU", "--format", "json")
    after = {r["id"]: r for r in json.loads(shown.stdout)}
    assert after[target]["date"]["start"] == "2025-02-21"
    trail = json.loads(run("history", target, "--db", db, "--format", "json").stdout)
    assert [(t["field"], t["value"], t["by"]) for t in trail] == [("date", {"start": "2025-02-21", "end": None,
                                                                             "precision": "day"}, "tester")]
    timeline = json.loads(run("timeline", "--pair", "VN,RU", "--db", db, "--format", "json").stdout)
    assert sum(m["events"] for m in timeline) == len(records)
    hits = json.loads(run("search", "Лавров", "--db", db, "--format", "json").stdout)
    assert "000_df74262ac88120d2.txt" in [h["id"] for h in hits]
    actors = json.loads(run("actors", "--db", db, "--format", "json").stdout)
    assert actors and all(a["events"] >= 1 for a in actors)


def test_store_errors_are_one_line_and_keep_the_store(tmp_path: Path) -> None:
    bad_url = run("events", "--db", "mysql+nope://x/y")
    assert bad_url.returncode == 2 and bad_url.stderr.count("\n") == 1 and "Traceback" not in bad_url.stderr
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not a database" * 100)
    broken = run("events", "--db", str(corrupt))
    assert broken.returncode == 1 and "not a Communiqué database, or the file is damaged" in broken.stderr
    assert corrupt.read_bytes() == b"this is not a database" * 100
    missing = run("ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "s.db"))
    assert missing.returncode == 1 and "nope.txt: no such file or directory" in missing.stderr
    nofolder = run("events", "--db", str(tmp_path / "no" / "such" / "s.db"))
    assert nofolder.returncode == 2 and "does not exist" in nofolder.stderr
    bad_pg = run("events", "--db", "postgresql://nobody@127.0.0.1:1/x")
    assert bad_pg.returncode == 1 and "cannot connect" in bad_pg.stderr and "Traceback" not in bad_pg.stderr
    assert run("correct", "evt_x", "--set", "colour=red", "--db", str(tmp_path / "s.db")).returncode == 2
    assert run("export", "--format", "parquet", "--db", str(tmp_path / "s.db")).returncode == 2


def test_a_locked_store_is_reported_not_corrupted(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    doc = tmp_path / "a.txt"
    doc.write_text("Hanoi, 21 February. Talks were held.", encoding="utf-8")
    assert run("ingest", str(doc), "--db", str(db)).returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        doc.write_text("Hanoi, 22 February. Talks were held again.", encoding="utf-8")
        locked = run("ingest", str(doc), "--db", str(db), env={"COMMUNIQUE_DB_TIMEOUT": "0.2"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert locked.returncode == 1 and "the database is locked by another process" in locked.stderr
    assert "Traceback" not in locked.stderr
    assert "1 changed" in run("ingest", str(doc), "--db", str(db)).stderr
