"""Fixtures shared by every test folder."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"

# The per-user cache (communique/caching.py) of this test run and of the commands it starts: never the
# user's own, shared by the workers (entries are keyed by their inputs and written atomically).
os.environ.setdefault("COMMUNIQUE_CACHE_DIR", str(Path(tempfile.gettempdir()) / f"communique-tests-{os.getuid()}"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """/work/shared: corpora, gold annotations, the scorer (../shared beside the repo)."""
    return SHARED.resolve()


def assert_evidence_ok(record: dict[str, Any], doc_text: str) -> None:
    """Every evidence span of an event record, and a mention/timex record's own span, is honest:
    `text == doc_text[start:end]` (offsets into the cleaned text that `show --text` prints)."""
    if "sources" in record:
        for source in record["sources"]:
            for ev in source["evidence"]:
                assert 0 <= ev["start"] <= ev["end"] <= len(doc_text), ev
                assert ev["text"] == doc_text[ev["start"] : ev["end"]], (source["doc"], ev)
    if "start" in record and "text" in record:
        assert 0 <= record["start"] <= record["end"] <= len(doc_text), record
        assert record["text"] == doc_text[record["start"] : record["end"]], record


@pytest.fixture(scope="session")
def scorer(shared_dir: Path) -> ModuleType:
    """The project's event scorer (shared/eval/score_events.py), loaded as a module."""
    spec = importlib.util.spec_from_file_location("score_events", shared_dir / "eval" / "score_events.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def evidence_ok() -> Callable[[dict[str, Any], str], None]:
    """`assert_evidence_ok` as a fixture (test folders cannot import each other's conftest)."""
    return assert_evidence_ok


# A hostile document for the web app's tests: markup in its text, title and URL must never run.
XSS_DOC = {"id": "xss-probe", "date": "2025-03-10", "lang": "en", "title": "<script>alert('title')</script>Talks",
           "url": "javascript:alert(1)",
           "text": "Hanoi, March 10 - Vietnamese Foreign Minister Bui Thanh Son held talks with Russian Foreign "
                   "Minister Sergey Lavrov in Hanoi on Monday <script>alert(1)</script>. The two ministers "
                   "discussed energy cooperation <img src=x onerror=alert(1)> and education."}
WEB_NEWS_LINES = 500  # of news-sample.jsonl (~15 CPU-min to ingest per worker, 2026-12-06; the whole file is too slow)


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    """A SQLite store (for tests/api and tests/web) with the seeds (gold doc dates), the first
    WEB_NEWS_LINES articles of the news sample and XSS_DOC; built once per session (per xdist worker)."""
    import json

    from communique.options import Options
    from communique.read.readers import jsonl_document
    from communique.store import open_store
    from communique.store.ingest import ingest_items

    root = Path(__file__).resolve().parents[1]
    lines = (root / "src/communique/data/examples/seeds.jsonl").read_bytes().splitlines()
    with (shared_dir / "corpus" / "news-sample.jsonl").open("rb") as fh:
        lines += [fh.readline() for _ in range(WEB_NEWS_LINES)]
    lines.append(json.dumps(XSS_DOC).encode())
    items = [jsonl_document(line, n, "web-fixture", None) for n, line in enumerate(lines, 1) if line.strip()]
    path = tmp_path_factory.mktemp("web") / "web.db"
    engine = open_store(str(path))
    ingest_items(engine, items, Options(), lambda _m: None)
    engine.dispose()
    return path


# Real articles of tests/data/similarity/pairs.jsonl (SemEval-2022 Task 8 training pairs, see its README): one
# story told in German and in English (Germans and summer travel abroad, gold Overall 1), and two unrelated
# articles (gold Overall 4 between them: an NRW prison, NRW Holdings' shares).
STORY_DOCS = {"1591747382": ("2020-05-20", "https://www.example-de.de/reise"),
              "1593268446": ("2020-05-22", "https://euobserver.example.com/travel"),
              "1617840134": ("2020-05-20", "https://www.example-de.de/nrw"),
              "1613073176": ("2020-05-22", "https://markets.example.com/nrw-holdings")}


def story_lines() -> list[bytes]:
    """The four articles as JSONL input lines (id, lang, date, url, text)."""
    import json

    root = Path(__file__).resolve().parent
    lines = []
    for row in map(json.loads, (root / "data/similarity/pairs.jsonl").read_text("utf-8").splitlines()):
        for side, doc_id in enumerate(row["pair_id"].split("_"), 1):
            date, url = STORY_DOCS[doc_id]
            lines.append(json.dumps({"id": doc_id, "lang": row[f"lang{side}"], "date": date, "url": url,
                                     "text": row[f"text{side}"]}, ensure_ascii=False).encode())
    return lines


@pytest.fixture(scope="session")
def story_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store with the four STORY_DOCS articles ingested (for the story tests of store, api, web, cli)."""
    from communique.options import Options
    from communique.read.readers import jsonl_document
    from communique.store import open_store
    from communique.store.ingest import ingest_items

    items = [jsonl_document(line, n, "stories", None) for n, line in enumerate(story_lines(), 1)]
    path = tmp_path_factory.mktemp("stories") / "stories.db"
    engine = open_store(str(path))
    stats = ingest_items(engine, items, Options(), lambda _m: None)
    assert stats.new == 4, stats.summary()
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def story_input() -> list[bytes]:
    """`story_lines()` as a fixture (test folders cannot import each other's conftest)."""
    return story_lines()
