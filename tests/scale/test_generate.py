"""The synthetic store generator: consistent rows, realistic mixes, deterministic, queryable by the store."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from benchmarks.generate import COUNTRIES, TYPE_MIX, EventFactory, generate_store, make_actors
from sqlalchemy import Engine, event, func, select

from communique.store import open_store
from communique.store.db import writing
from communique.store.derived import rebuild, rebuild_key_counts
from communique.store.queries import EventFilter, count_events, matches, query_events, timeline
from communique.store.schema import documents, event_actor, events, merge_keys, merged_events, pair_counts

DERIVED = ("merged_index", "actor_links", "pair_counts", "actors", "key_months", "key_actors")

N = 600


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    engine = open_store(str(tmp_path_factory.mktemp("gen") / "gen.db"))
    stats = generate_store(engine, N, seed=3, batch=250)
    assert stats.merged == N
    return engine


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)  # type: ignore[arg-type]


def test_every_table_is_filled_consistently(store: Engine) -> None:
    n_reports = _count(store, events)
    assert _count(store, merged_events) == N
    assert N < n_reports <= 4 * N  # 1-4 sources per event
    assert _count(store, documents) == n_reports  # one document per report
    assert _count(store, event_actor) >= n_reports
    assert _count(store, merge_keys) >= N
    with store.connect() as conn:
        orphans = conn.execute(select(func.count()).select_from(events)
                               .where(events.c.merged_id.not_in(select(merged_events.c.id)))).scalar()
        record = json.loads(conn.execute(select(merged_events.c.record).limit(1)).scalar_one())
    assert orphans == 0
    assert 1 <= len(record["sources"]) <= 4
    assert {"id", "type", "date", "actors", "topics", "sources", "confidence"} <= set(record)


def test_type_mix_follows_real_news(store: Engine) -> None:
    with store.connect() as conn:
        rows = conn.execute(select(merged_events.c.type, func.count()).group_by(merged_events.c.type)).all()
    types = Counter({str(t): int(n) for t, n in rows})
    assert set(types) <= set(TYPE_MIX)
    assert types.most_common(1)[0][0] == "CONSULT"
    assert 0.33 < types["CONSULT"] / N < 0.47


def test_generated_events_answer_store_queries(store: Engine) -> None:
    with store.connect() as conn:
        pair = conn.execute(select(events.c.country_pair).where(events.c.country_pair.like("%,%"))
                            .group_by(events.c.country_pair).order_by(func.count().desc(), events.c.country_pair)
                            .limit(1)).scalar_one()
    cc1, cc2 = pair.split(",")[:2]
    found = query_events(store, EventFilter(pair=(cc1, cc2)))
    assert found
    assert all({cc1, cc2} <= {a["country"] for a in r["actors"]} for r in found)
    months = timeline(store, EventFilter(pair=(cc1, cc2)))
    assert sum(m["events"] for m in months) == len(found)


def test_generation_is_deterministic(tmp_path: Path) -> None:
    def first_records(name: str) -> list[str]:
        engine = open_store(str(tmp_path / name))
        generate_store(engine, 30, seed=5)
        with engine.connect() as conn:
            return list(conn.execute(select(merged_events.c.record).order_by(merged_events.c.id)).scalars())

    assert first_records("a.db") == first_records("b.db")


def test_actor_popularity_is_skewed() -> None:
    factory = EventFactory(random.Random(1))
    seen = Counter(a.id for _ in range(3000) for a in factory.participants())
    top, _ = zip(*seen.most_common(), strict=True)
    share_top_10 = sum(seen[a] for a in top[:10]) / sum(seen.values())
    assert 0.15 < share_top_10 < 0.6  # a few actors dominate, but not all
    assert len(seen) > 500  # and there is a long tail
    actors = make_actors(5000, random.Random(2))
    assert len(actors) == 5000
    assert len({a.country for a in actors}) > 100
    assert len(COUNTRIES) == 150


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        return sorted(db.execute(f"SELECT * FROM {table}").fetchall())


def _schema(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as db:
        return sorted(db.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall())


def test_bulk_load_leaves_the_tables_as_the_store_derives_them(tmp_path: Path) -> None:
    """Two loads (the second appends to a filled store, across batches): the derived and count tables hold
    what the store's own rebuild computes from the merged records, the schema and journal are as before."""
    loaded, rebuilt, fresh = tmp_path / "loaded.db", tmp_path / "rebuilt.db", tmp_path / "fresh.db"
    open_store(str(fresh)).dispose()
    engine = open_store(str(loaded))
    generate_store(engine, 300, seed=11, batch=70)
    stats = generate_store(engine, 200, seed=12, batch=90)
    assert stats.merged == 200
    engine.dispose()
    shutil.copy(loaded, rebuilt)
    again = open_store(str(rebuilt))
    with writing(again) as conn:
        rebuild(conn)
        rebuild_key_counts(conn)
    again.dispose()
    for table in DERIVED:
        assert _rows(loaded, table) == _rows(rebuilt, table), table
    assert len(_rows(loaded, "key_months")) > 1000
    assert _schema(loaded) == _schema(fresh)  # every index the load dropped is back, as the schema has it
    with sqlite3.connect(loaded) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        n_docs = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert db.execute("SELECT count(*) FROM docs_fts").fetchone()[0] == n_docs > 500
        assert db.execute("SELECT count(*) FROM merged_events").fetchone()[0] == 500


def test_counts_agree_with_the_records(store: Engine) -> None:
    with store.connect() as conn:
        records = [json.loads(r) for r in conn.execute(select(merged_events.c.record)).scalars()]
        top_pair, n = conn.execute(select(pair_counts.c.pair, pair_counts.c.n)
                                   .order_by(pair_counts.c.n.desc(), pair_counts.c.pair).limit(1)).one()
    cc1, cc2 = top_pair.split(",")
    with_both = sum({cc1, cc2} <= {a["country"] for a in r["actors"]} for r in records)
    assert count_events(store, EventFilter(pair=(cc1, cc2))) == n == with_both > 1
    assert count_events(store) == N
    consult = sum(r["type"] == "CONSULT" for r in records)
    assert count_events(store, EventFilter(type="CONSULT")) == consult


def test_a_key_and_a_period_read_the_keys_rows_of_the_period(store: Engine) -> None:
    """A key's events of a period (the pulse's drill-down: a pair and a month): the events the records' own
    dates say, events dated only to a month or a year that overlap the period included, found through the
    key's index rows of the period's dates (index (key, date_start) with both bounds), not all its rows."""
    with store.connect() as conn:
        records = [json.loads(r) for r in conn.execute(select(merged_events.c.record)).scalars()]
        top_pair = conn.execute(select(pair_counts.c.pair).order_by(pair_counts.c.n.desc(), pair_counts.c.pair)
                                .limit(1)).scalar_one()
    cc1, cc2 = top_pair.split(",")
    filters = [EventFilter(pair=(cc1, cc2), since=since, until=until)
               for since, until in (("2019-03", "2019-05"), ("2016", "2017"), ("2022-12-20", "2023-01-10"))]
    month_dated = next(r for r in records if len(r["date"]["start"] or "") == 7)
    year_dated = next(r for r in records if len(r["date"]["start"] or "") == 4)
    for coarse, since, until in ((month_dated, "-10", "-20"), (year_dated, "-06-01", "-06-30")):
        start = coarse["date"]["start"]
        filters.append(EventFilter(country=coarse["actors"][0]["country"], since=start + since, until=start + until))
    for flt in filters:
        expected = sorted(r["id"] for r in records if matches(r, flt))
        assert sorted(r["id"] for r in query_events(store, flt)) == expected, flt
        assert count_events(store, flt) == len(expected)
    found = {r["id"] for flt in filters[-2:] for r in query_events(store, flt)}
    assert {month_dated["id"], year_dated["id"]} <= found
    statements: list[tuple[str, tuple[object, ...]]] = []

    def keep(conn: object, cursor: object, statement: str, parameters: tuple[object, ...], *rest: object) -> None:
        statements.append((statement, parameters))

    event.listen(store, "before_cursor_execute", keep)
    try:
        count_events(store, EventFilter(pair=(cc1, cc2), since="2019-03", until="2019-05"))
    finally:
        event.remove(store, "before_cursor_execute", keep)
    counting = [(s, p) for s, p in statements if s.startswith("SELECT count(*)") and "merged_index AS x" in s]
    assert len(counting) == 2  # short and long spans
    with store.connect() as conn:
        for statement, parameters in counting:
            plan = " ".join(str(row[3]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))
            assert "merged_index_order (key=? AND date_start>? AND date_start<?)" in plan, plan
