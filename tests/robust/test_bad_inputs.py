"""The bad-input corpus (tests/data/bad/) through every CLI entry point: one clear line per problem or a correct
result, the rest of the batch processed, huge inputs refused without being read, and a store left untouched."""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from robust_helpers import Ran, assert_clean_errors, run_cli

from communique.document import Document
from communique.options import Options
from communique.pipeline import process
from communique.read import MAX_DOCUMENT_BYTES, read_bytes
from communique.read.readers import read_inputs
from communique.records import event_record

# What each member of the corpus must give: an error line (exact problem text), or None for a document.
ERRORS = {
    "compressed.txt": "binary file (not text)",
    "image.html": "binary file (not text)",
    "nul-heavy.txt": "binary file (not text)",
    "random.txt": "binary file (not text)",
    "program.jsonl": "binary file (not text)",
    "empty.txt": "empty document",
    "only-controls.txt": "empty document",
}
BROKEN_JSONL_ERRORS = {
    2: "invalid JSON (Unterminated string starting at column 28)",
    3: "duplicate id 'ok-1' (first used on line 1); skipped",
    4: "expected a JSON object, got list",
    5: 'missing "text"',
    8: '"text" must be a string, got number',
    9: "invalid JSON (Expecting value at column 1)",
    10: "empty document",
}
BROKEN_JSONL_DOCS = ["ok-1", "nul", "surrogate", "17", "ok-12", "bad-utf8"]
# Inputs whose problems are repaired with a warning: (file, warning).
WARNINGS = [("broken.jsonl:6", "removed 1 NUL character(s)"),
            ("broken.jsonl:7", "invalid surrogate characters replaced"),
            ("broken.jsonl:11", "ignored date 'not a date': expected YYYY-MM-DD"),
            ("broken.jsonl:13", "invalid UTF-8 replaced"), ("stray-nul.txt", "removed 1 NUL byte(s)"),
            ("mixed-encoding.txt", "mixed encodings: 1 line(s) read as cp1251, the rest as UTF-8")]
SMALL = sorted(set(ERRORS) | {"broken.jsonl", "koi8r.txt", "malformed.html", "mixed-encoding.txt", "nested.html",
                              "stray-nul.txt", "utf16-nobom.txt", "zero-width-bidi.txt"})


def _documents(ran: Ran) -> dict[str, dict[str, Any]]:
    return {rec["id"]: rec for rec in map(json.loads, ran.stdout.splitlines())}


@pytest.fixture(scope="module")
def shown(bad_corpus: dict[str, Path], shared_dir: Path) -> Ran:
    """`communique show --format jsonl` over the small corpus and one good seed article, in one process."""
    seed = shared_dir / "corpus" / "seeds" / "001_def872bfea9ee96b.txt"
    return run_cli("show", *(str(bad_corpus[name]) for name in SMALL), str(seed), "--format", "jsonl")


def test_every_bad_file_gets_its_one_line_message(shown: Ran, bad_corpus: dict[str, Path]) -> None:
    assert shown.code == 1
    assert_clean_errors(shown)
    expected = [f"communique: {bad_corpus[name]}: {problem}" for name, problem in ERRORS.items()]
    expected += [f"communique: {bad_corpus['broken.jsonl']}:{line}: {problem}"
                 for line, problem in BROKEN_JSONL_ERRORS.items()]
    folder = bad_corpus["broken.jsonl"].parent
    expected += [f"communique: {folder / where}: {warning}" for where, warning in WARNINGS]
    assert sorted(shown.errors) == sorted(expected)


def test_the_rest_of_the_batch_is_processed_with_honest_offsets(
        shown: Ran, evidence_ok: Callable[[dict[str, Any], str], None]) -> None:
    docs = _documents(shown)
    assert sorted(docs) == sorted([*BROKEN_JSONL_DOCS, "001_def872bfea9ee96b.txt", "koi8r.txt", "malformed.html",
                                   "mixed-encoding.txt", "nested.html", "stray-nul.txt", "utf16-nobom.txt",
                                   "zero-width-bidi.txt"])
    for doc in docs.values():
        assert "\x00" not in doc["text"] and not any("\ud800" <= c <= "\udfff" for c in doc["text"])
        for rec in [*doc["mentions"], *doc["timexes"], *doc["events"]]:
            evidence_ok(rec, doc["text"])
    assert docs["001_def872bfea9ee96b.txt"]["events"], "the good article among bad ones still gives its events"


def test_repaired_inputs_give_the_right_text(shown: Ran) -> None:
    docs = _documents(shown)
    assert docs["koi8r.txt"]["text"].startswith("Министр иностранных дел России Сергей Лавров провёл переговоры")
    assert docs["mixed-encoding.txt"]["text"] == ("Die Außenminister trafen sich am 3. März 2025 in Berlin.\n"
                                                  "Министр иностранных дел встретился с коллегой 4 марта 2025 года.")
    assert docs["utf16-nobom.txt"]["text"].startswith("Russian Foreign Minister Sergey Lavrov met")
    assert docs["stray-nul.txt"]["text"].startswith("Russian Foreign Minister Sergey Lavrov met Chinese")
    assert docs["surrogate"]["text"] == "Lone \ufffd surrogate: the president visited Hanoi on 7 March 2025. \ufffd end"
    assert docs["bad-utf8"]["text"] == "caf\ufffd au lait: the ministers met."
    malformed = docs["malformed.html"]["text"]
    assert "Am 4. März 2025 reiste er nach Warschau weiter." in malformed
    assert "injected" not in malformed and "hidden" not in malformed  # scripts and comments are not text
    # 10,000 nested tags: lxml gives up past depth 255, the fallback parser does not.
    assert docs["nested.html"]["text"] == "Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister " \
                                          "Wang Yi in Moscow on 4 March 2025."
    assert docs["nested.html"]["title"] == "Nested"


def test_bidi_and_zero_width_controls_change_nothing_found(shown: Ran, bad_corpus: dict[str, Path]) -> None:
    doc = _documents(shown)["zero-width-bidi.txt"]
    names = {m["name"] for m in doc["mentions"] if m.get("name")}
    assert {"France", "Germany", "Sergey Lavrov", "Wang Yi", "Moscow"} <= names, names
    assert not any(c in doc["text"] for c in "\u202e\u202c\u2066\u2069\u200b\u200e\u200f\ufeff")
    plain = "".join(c for c in bad_corpus["zero-width-bidi.txt"].read_text(encoding="utf-8")
                    if unicodedata.category(c) != "Cf")
    found = process(Document(id="plain", raw_text=plain), Options())
    assert _event_summary(doc["events"]) == _event_summary([event_record(found, e) for e in found.events])


def _event_summary(events: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted((e["type"], e["date"]["start"], tuple(a["name"] for a in e["actors"])) for e in events)


def test_ten_megabyte_line_gives_a_correct_result(bad_corpus: dict[str, Path]) -> None:
    ran = run_cli("extract", str(bad_corpus["long-line.txt"]), "--format", "jsonl", "--doc-date", "2025-03-05")
    assert ran.code == 0, ran.stderr
    assert_clean_errors(ran)
    (event,) = [json.loads(line) for line in ran.stdout.splitlines()]
    assert event["sources"][0]["doc"] == "long-line.txt"
    assert event["date"]["start"] == "2025-03-04"
    assert sorted(a["name"] for a in event["actors"]) == ["Sergey Lavrov", "Wang Yi"]
    assert ran.max_rss_kb < 2 * 1024 * 1024, f"peak RSS {ran.max_rss_kb} KB for a 10 MB line"


# -- refusing huge input without reading it ---------------------------------------------------------

RSS_CEILING_KB = 150 * 1024  # the CLI itself takes ~40 MB; reading 200 MB would blow far past this


@pytest.fixture(scope="module")
def huge(tmp_path_factory: pytest.TempPathFactory, generator: ModuleType) -> Path:
    path: Path = generator.write_huge_sparse(tmp_path_factory.mktemp("huge") / "huge.txt")
    assert path.stat().st_size == 200 * 1024 * 1024
    return path


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_200_mb_file_is_refused_without_reading_it(huge: Path, tmp_path: Path, command: str) -> None:
    extra = ["--db", str(tmp_path / "s.db")] if command == "ingest" else ["--format", "jsonl"]
    ran = run_cli(command, str(huge), *extra)
    assert ran.code == 1
    assert f"communique: {huge}: file too large (200 MB; the limit is 50 MB)" in ran.errors
    assert ran.max_rss_kb < RSS_CEILING_KB, f"peak RSS {ran.max_rss_kb} KB"


def test_a_200_mb_standard_input_file_is_refused_without_reading_it(huge: Path) -> None:
    ran = run_cli("extract", "-", "--format", "jsonl", stdin_path=huge)
    assert ran.code == 1
    assert ran.errors == ["communique: <stdin>: input too large (the limit is 50 MB)"]
    assert ran.max_rss_kb < RSS_CEILING_KB, f"peak RSS {ran.max_rss_kb} KB"


def test_an_oversized_jsonl_line_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "big-line.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"id": "big", "text": "')
        chunk = b"a " * 32768
        for _ in range(MAX_DOCUMENT_BYTES // len(chunk) + 2):
            fh.write(chunk)
        fh.write(b'"}\n{"id": "small", "text": "Die Minister trafen sich am 3. M\xc3\xa4rz 2025."}\n')
    small = tmp_path / "small-line.jsonl"
    small.write_bytes(b'{"id": "small", "text": "Die Minister trafen sich am 3. M\xc3\xa4rz 2025."}\n')
    ran = run_cli("show", str(path), "--text")
    assert ran.code == 1
    assert ran.errors == [f"communique: {path}:1: document too large (the limit is 50 MB)"]
    assert ran.stdout == "Die Minister trafen sich am 3. März 2025.\n"
    # The interpreter, the models and the knowledge base's name index are a fixed cost per process whatever the
    # input (~250 MB today, and it moves as the KB grows), so the bound is on what the long line adds to the same
    # command on the small line alone: at most one limit-sized line (read in bounded chunks, then dropped).
    baseline = run_cli("show", str(small), "--text")
    assert baseline.code == 0 and baseline.stdout == ran.stdout
    grown_kb = ran.max_rss_kb - baseline.max_rss_kb
    assert grown_kb < MAX_DOCUMENT_BYTES // 1024, f"the long line added {grown_kb} KB"


# -- the readers directly ---------------------------------------------------------------------------


def test_lone_surrogates_escaped_in_json_never_reach_the_text() -> None:
    (doc,) = read_bytes(b'{"id": "s", "text": "a\\ud800b\\udc00c\\ud83d\\ude00d"}\n', "stdin", "<stdin>")
    assert not isinstance(doc, Exception)
    assert doc.raw_text == "a\ufffdb\ufffdc\U0001f600d"  # a valid pair is kept, lone halves replaced
    assert doc.warnings == ["invalid surrogate characters replaced"]


def test_duplicate_ids_in_one_jsonl_are_refused_but_other_files_may_reuse_an_id(tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    one.write_text('{"id": "a", "text": "First."}\n{"id": "a", "text": "Second."}\n', encoding="utf-8")
    two.write_text('{"id": "a", "text": "Third."}\n', encoding="utf-8")
    items = list(read_inputs([str(one), str(two)]))
    assert [getattr(i, "raw_text", str(i)) for i in items] == [
        "First.", f"{one}:2: duplicate id 'a' (first used on line 1); skipped", "Third."]


# -- the store: a bad batch changes nothing already stored ---------------------------------------------

def snapshot_tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (FTS shadow tables included), sorted: equal snapshots mean an unchanged store."""
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names}


ONLY_ERRORS = sorted(ERRORS)


def test_ingesting_bad_input_never_changes_what_is_stored(bad_corpus: dict[str, Path], shared_dir: Path,
                                                          tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    good = run_cli("ingest", str(shared_dir / "corpus" / "seeds"), "--db", str(db))
    assert good.code == 0, good.stderr
    before = snapshot_tables(db)
    assert len(before["documents"]) == 5 and before["events"]

    only_bad = run_cli("ingest", *(str(bad_corpus[n]) for n in ONLY_ERRORS), "--db", str(db))
    assert only_bad.code == 1
    assert_clean_errors(only_bad)
    assert len(only_bad.errors) == len(ONLY_ERRORS) + 1  # one line each, then the summary
    assert snapshot_tables(db) == before

    mixed = run_cli("ingest", *(str(bad_corpus[n]) for n in SMALL), "--db", str(db))
    assert mixed.code == 1
    assert_clean_errors(mixed)
    # 13 readable documents, 3 of which repeat another's text (the good sentence in other encodings): one each
    assert re.search(r": 10 new, 0 changed, 0 unchanged document\(s\); 3 already stored \(the same text under "
                     r"another id\); \d+ event\(s\) stored; 14 input error\(s\)$", mixed.errors[-1]), mixed.errors[-1]
    after = snapshot_tables(db)
    for table in ("documents", "events", "event_actor"):
        kept = [row for row in after[table] if row in before[table]]
        assert kept == before[table], f"{table}: a stored row changed"
    assert len(after["documents"]) == 5 + 10

    again = run_cli("ingest", *(str(bad_corpus[n]) for n in SMALL), "--db", str(db))
    assert again.errors[-1].endswith("0 new, 0 changed, 10 unchanged document(s); 3 already stored (the same "
                                     "text under another id); 0 event(s) stored; 14 input error(s)")
    assert snapshot_tables(db) == after
