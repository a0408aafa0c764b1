"""Story clusters (store/stories.py): real articles of one story in two languages end in one story, unrelated
ones apart; ids are deterministic; re-ingesting adds nothing; the v7 migration keeps an older profile table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import create_engine, inspect, select, text

from communique.options import Options
from communique.read.readers import jsonl_document
from communique.records import stable_id
from communique.store import document_story, open_store, page_stories, story_detail
from communique.store.ingest import ingest_items
from communique.store.schema import SCHEMA_VERSION, documents, stories
from communique.store.stories import SAME_STORY, cluster_day, outlet

TRAVEL_DE, TRAVEL_EN, PRISON_DE, HOLDINGS_EN = "1591747382", "1593268446", "1617840134", "1613073176"


def test_one_story_in_two_languages_and_unrelated_articles_apart(story_store: Path) -> None:
    engine = open_store(str(story_store))
    story = stable_id("story", TRAVEL_DE)  # the first article of the story names it
    assert document_story(engine, TRAVEL_DE) == story == document_story(engine, TRAVEL_EN)
    assert document_story(engine, PRISON_DE) == stable_id("story", PRISON_DE)
    assert document_story(engine, HOLDINGS_EN) == stable_id("story", HOLDINGS_EN)
    detail = story_detail(engine, story)
    assert detail is not None
    assert detail.story.langs == ["de", "en"] and detail.story.n_docs == 2
    assert (detail.story.first_seen, detail.story.last_seen) == ("2020-05-20", "2020-05-22")
    assert detail.story.outlets == ["euobserver.example.com", "example-de.de"]
    assert detail.story.title == "Fast jeder Zweite lehnt Grenzöffnungen für Sommerurlaub ab"
    first, second = detail.documents
    assert (first.id, first.via, first.score) == (TRAVEL_DE, None, None)
    assert second.id == TRAVEL_EN and second.via == TRAVEL_DE
    assert second.score is not None and 1.0 <= second.score <= SAME_STORY


def test_stories_are_listed_with_totals_and_paging(story_store: Path) -> None:
    engine = open_store(str(story_store))
    everything = page_stories(engine)
    assert everything.total == 3
    assert [s.n_docs for s in everything.items] == [2, 1, 1]  # last seen 05-22 first, the bigger first
    told_twice = page_stories(engine, min_documents=2)
    assert told_twice.total == 1 and told_twice.items[0].id == stable_id("story", TRAVEL_DE)
    assert page_stories(engine, limit=1, offset=2).items[0].id == stable_id("story", PRISON_DE)
    assert page_stories(engine, lang="en").total == 2


def test_reingesting_adds_nothing(story_store: Path, story_input: list[bytes], tmp_path: Path) -> None:
    copy = tmp_path / "again.db"
    shutil.copy(story_store, copy)
    engine = open_store(str(copy))
    with engine.connect() as conn:
        before = conn.execute(select(stories).order_by(stories.c.id)).all()
    lines = story_input
    renamed = json.loads(lines[1])  # the English article again, under another id: the same document
    renamed["id"] = "euobserver-copy"
    items = [jsonl_document(line, n, "again", None)
             for n, line in enumerate([*lines, json.dumps(renamed).encode()], 1)]
    stats = ingest_items(engine, items, Options(), lambda _m: None)
    assert (stats.new, stats.unchanged, stats.already) == (0, 4, 1)
    with engine.connect() as conn:
        assert conn.execute(select(stories).order_by(stories.c.id)).all() == before
        assert conn.execute(select(documents.c.id).where(documents.c.cluster.is_(None))).all() == []


def test_story_day_and_outlet() -> None:
    assert cluster_day("2020-05-20", "2026-12-05T10:00:00+00:00") == "2020-05-20"
    assert cluster_day("--02-08", "2026-12-05T10:00:00+00:00") == "2026-12-05"  # no year: the ingest day
    assert cluster_day(None, "2026-12-05T10:00:00+00:00") == "2026-12-05"
    assert outlet("https://www.dw.com/de/a-1") == "dw.com"
    assert outlet(None) is None


def test_v7_migration_keeps_a_profile_table_made_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = open_store(str(path))
    engine.dispose()
    raw = create_engine(f"sqlite:///{path}")
    with raw.begin() as conn:  # a v6 store whose profile table was created on first use, with a row in it
        conn.execute(text("DROP TABLE stories"))
        conn.execute(text("UPDATE meta SET value = '6' WHERE key = 'schema_version'"))
        conn.execute(text("INSERT INTO similarity_profiles VALUES ('d1', 'm', '{}', x'00')"))
    raw.dispose()
    engine = open_store(str(path))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar() == \
            str(SCHEMA_VERSION)
        assert conn.execute(text("SELECT doc_id FROM similarity_profiles")).scalars().all() == ["d1"]
        assert "stories" in inspect(conn).get_table_names()
        assert {"cluster", "cluster_via", "cluster_score", "cluster_day"} <= \
            {c["name"] for c in inspect(conn).get_columns("documents")}
