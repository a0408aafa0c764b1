"""The SQL query paths (derived tables, schema v4) answer exactly what the old read-everything Python
path answered, on the seeds + news-sample store, with and without corrections; a v3 store is upgraded."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, text

from communique.store import open_store
from communique.store.corrections import correct_event, load_corrections, merge_actors
from communique.store.queries import (
    EventFilter,
    _matching_doc_ids,
    count_events,
    list_actors,
    matches,
    query_events,
    timeline,
)
from communique.store.schema import SCHEMA_VERSION, merged_events
from communique.store.views import _sort_key, actor_detail, page_actors, page_events, top_pairs

V4_INDEXES = ("merged_type_date", "merged_period", "merged_type_period", "merged_span")
V5_INDEXES = ("merged_type_start", "merged_start", "actor_links_cover")
DERIVED = ("merged_index", "actor_links", "pair_counts", "actors", "key_months", "key_actors")


def reference_query(engine: Engine, flt: EventFilter) -> list[dict[str, Any]]:
    """The old path (before v4): every merged record read, corrected and filtered in Python."""
    with engine.connect() as conn:
        corr = load_corrections(conn)
        docs = set(_matching_doc_ids(conn, flt.text)) if flt.text else None
        raws = list(conn.execute(select(merged_events.c.record)).scalars())
    out = []
    for raw in raws:
        rec = corr.apply(json.loads(raw))
        if rec.get("rejected") and not flt.include_rejected:
            continue
        if matches(rec, flt, docs):
            out.append(rec)
    out.sort(key=lambda r: ((r.get("date") or {}).get("start") or "9999", r["id"]))
    return out


def reference_timeline(records: list[dict[str, Any]]) -> dict[str, tuple[int, dict[str, int], dict[str, int]]]:
    from communique.merge.keys import parse_date

    months: dict[str, list[Any]] = {}
    for rec in records:
        parsed = parse_date((rec.get("date") or {}).get("start"), None)
        month = f"{parsed[0].year:04d}-{parsed[0].month:02d}" if parsed else "undated"
        row = months.setdefault(month, [0, Counter(), Counter()])
        row[0] += 1
        row[1][rec["type"]] += 1
        row[2].update(set(rec.get("topics") or []))
    return {m: (n, dict(t), dict(topics)) for m, (n, t, topics) in months.items()}


@pytest.fixture
def store(web_store: Path, tmp_path: Path) -> Engine:
    copy = tmp_path / "store.db"
    shutil.copy(web_store, copy)
    return open_store(str(copy))


def sample_filters(engine: Engine) -> list[EventFilter]:
    records = reference_query(engine, EventFilter())
    actors = Counter(str(a["id"]) for r in records for a in r["actors"])
    names = Counter(str(a["name"]).split()[-1] for r in records for a in r["actors"] if a.get("name"))
    countries = Counter(str(a["country"]) for r in records for a in r["actors"] if a.get("country"))
    pairs = Counter(p for r in records
                    for p in combinations(sorted({str(a["country"]) for a in r["actors"] if a.get("country")}), 2))
    topics = Counter(t for r in records for t in r.get("topics") or [])
    filters = [EventFilter(), EventFilter(type="CONSULT"), EventFilter(mode="meet"), EventFilter(lang="ru"),
               EventFilter(since="2025-02", until="2025-03"), EventFilter(since="2025"), EventFilter(until="2024-12"),
               EventFilter(text="Lavrov"), EventFilter(type="AGREE", since="2024-06-01", until="2025-12-31"),
               EventFilter(actor="nosuchactor")]
    filters += [EventFilter(actor=a) for a, _ in actors.most_common(4)]
    filters += [EventFilter(actor=n.lower()) for n, _ in names.most_common(3)]
    filters += [EventFilter(country=c) for c, _ in countries.most_common(3)]
    filters += [EventFilter(pair=p) for p, _ in pairs.most_common(3)]
    filters += [EventFilter(topic=t) for t, _ in topics.most_common(2)]
    filters += [EventFilter(pair=pairs.most_common(1)[0][0], type="CONSULT", lang="en")]
    # one key and a period: the key's rows are read for the period's dates only (merged_index.date_start)
    filters += [EventFilter(pair=pairs.most_common(1)[0][0], since="2025-01", until="2025-06"),
                EventFilter(country=countries.most_common(1)[0][0], since="2025-02-15"),
                EventFilter(actor=actors.most_common(1)[0][0], until="2025-03")]
    # two actors (the pulse of a pair of actors): one key's rows, the other's probed
    partners = Counter(p for r in records for p in combinations(sorted({str(a["id"]) for a in r["actors"]}), 2))
    first, second = partners.most_common(1)[0][0]
    filters += [EventFilter(actor=first, actor_id=second)]
    # a confidence threshold (no count table answers it): timelines and actors counted in SQL from the index
    filters += [EventFilter(min_confidence=0.5), EventFilter(pair=pairs.most_common(1)[0][0], min_confidence=0.3)]
    return filters


def assert_same_answers(engine: Engine) -> None:
    for flt in sample_filters(engine):
        expected = reference_query(engine, flt)
        got = query_events(engine, flt)
        assert [r["id"] for r in got] == [r["id"] for r in expected], flt
        assert got == expected, flt
        assert count_events(engine, flt) == len(expected)
        for sort in ("-date", "date", "-confidence", "confidence"):
            ordered = sorted(expected, key=_sort_key(sort))
            for offset in (0, 3):
                page = page_events(engine, flt, sort, 5, offset)
                assert page.total == len(expected)
                assert [r["id"] for r in page.items] == [r["id"] for r in ordered[offset:offset + 5]], (flt, sort)
        assert [r["id"] for r in query_events(engine, flt, limit=4, offset=2)] == [r["id"] for r in expected[2:6]]
        got_timeline = {r["month"]: (r["events"], r["types"], r["topics"]) for r in timeline(engine, flt)}
        assert got_timeline == reference_timeline(expected), flt
        counts = Counter(i for r in expected for i in {str(a["id"]) for a in r["actors"]})
        listed = list_actors(engine, flt)
        assert {r["id"]: r["events"] for r in listed} == dict(counts), flt
        assert list_actors(engine, flt, limit=3) == listed[:3], flt
        items, total = page_actors(engine, flt, limit=4, offset=2)
        assert (items, total) == (listed[2:6], len(listed)), flt


def reference_pairs(engine: Engine) -> list[dict[str, Any]]:
    counts: Counter[tuple[str, ...]] = Counter()
    for rec in reference_query(engine, EventFilter()):
        codes = sorted({str(a["country"]).upper() for a in rec["actors"] if a.get("country")})
        counts.update(combinations(codes, 2))
    return [{"pair": ",".join(p), "events": n} for p, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def assert_actor_pages(engine: Engine) -> None:
    records = reference_query(engine, EventFilter())
    busiest = Counter(str(a["id"]) for r in records for a in r["actors"]).most_common(3)
    for actor_id, n in busiest:
        own = [r for r in records if any(str(a["id"]) == actor_id for a in r["actors"])]
        assert len(own) == n
        # a country's page counts the events of its officials too, as its pairs do (issue 19)
        code = actor_id.split(":", 1)[1] if actor_id.startswith("country:") else None
        listed = [r for r in records if matches(r, EventFilter(country=code))] if code else own
        found = actor_detail(engine, actor_id)
        assert found is not None and found["event_count"] == len(listed) >= n
        assert [r["id"] for r in found["events"]] == [r["id"] for r in sorted(listed, key=_sort_key("-date"))][:200]
        mine = own
        roles: dict[str, list[Any]] = {}
        for r in mine:
            for a in r["actors"]:
                if str(a["id"]) == actor_id and a.get("role"):
                    row = roles.setdefault(a["role"], [0, set()])
                    row[0] += 1
                    start = (r.get("date") or {}).get("start")
                    if start and start[0].isdigit():
                        row[1].add(start)
        assert {r["role"]: (r["events"], r["first"], r["last"]) for r in found["roles"]} == \
            {k: (n, min(d, default=None), max(d, default=None)) for k, (n, d) in roles.items()}
        partners = Counter(o for r in mine for o in {str(a["id"]) for a in r["actors"]} - {actor_id})
        assert {c["id"]: c["events"] for c in found["counterparts"]} == dict(partners.most_common(30)) or \
            sorted(c["events"] for c in found["counterparts"]) == sorted(partners.values(), reverse=False)[-30:]
    assert actor_detail(engine, "no-such-actor") is None


def test_sql_paths_answer_what_the_python_path_answered(store: Engine) -> None:
    assert_same_answers(store)
    assert_actor_pages(store)
    assert top_pairs(store, 10) == reference_pairs(store)[:10]


def test_sql_paths_apply_corrections_at_query_time(store: Engine) -> None:
    records = reference_query(store, EventFilter())
    paired = [r for r in records if len({a.get("country") for a in r["actors"] if a.get("country")}) >= 2]
    correct_event(store, paired[0]["id"], [], reject=True)
    correct_event(store, records[1]["id"], [("type", "PROTEST"), ("date", {"start": "2019-05", "end": None,
                                                                            "precision": "month"})], reject=False)
    assert_same_answers(store)  # event corrections only: the count tables answer, corrected events taken off
    assert_actor_pages(store)
    busiest = Counter(str(a["id"]) for r in records for a in r["actors"]).most_common(2)
    merge_actors(store, busiest[0][0], busiest[1][0])
    assert_same_answers(store)
    assert top_pairs(store, 10) == reference_pairs(store)[:10]
    assert paired[0]["id"] not in {r["id"] for r in query_events(store)}
    assert query_events(store, EventFilter(type="PROTEST", until="2019-12"))[0]["id"] == records[1]["id"]


def test_a_version_3_store_is_upgraded_with_filled_derived_tables(store: Engine, tmp_path: Path) -> None:
    url = str(store.url)
    with store.begin() as conn:
        before = {t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}")).all())) for t in DERIVED}
        periods = conn.execute(text("SELECT id, period_lo, period_hi, span_days FROM merged_events ORDER BY id")).all()
        # Back to exactly what a v3 store had.
        for index in V4_INDEXES + V5_INDEXES:
            conn.execute(text(f"DROP INDEX IF EXISTS {index}"))
        for column in ("period_lo", "period_hi", "span_days"):
            conn.execute(text(f"ALTER TABLE merged_events DROP COLUMN {column}"))
        for table in DERIVED:
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))
    store.dispose()
    upgraded = open_store(url)
    with upgraded.connect() as conn:
        assert conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar() == str(SCHEMA_VERSION)
        after = {t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}")).all())) for t in DERIVED}
        assert conn.execute(text("SELECT id, period_lo, period_hi, span_days FROM merged_events ORDER BY id")
                            ).all() == periods
    assert all(before[t] for t in DERIVED)
    assert after == before
    assert_same_answers(upgraded)


def test_a_version_4_store_gains_its_key_counts(store: Engine) -> None:
    url = str(store.url)
    correct_event(store, reference_query(store, EventFilter())[0]["id"], [("type", "PROTEST")], reject=False)
    with store.begin() as conn:
        before = {t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}")).all())) for t in DERIVED}
        for table in ("key_months", "key_actors"):
            conn.execute(text(f"DROP TABLE {table}"))
        for index in V4_INDEXES + V5_INDEXES:  # back to v4's indexes
            conn.execute(text(f"DROP INDEX IF EXISTS {index}"))
        for ddl in ("merged_type_date ON merged_events (type, date_start)",
                    "merged_period ON merged_events (period_lo, period_hi, date_start)",
                    "merged_type_period ON merged_events (type, period_lo, period_hi, date_start)",
                    "merged_span ON merged_events (span_days)"):
            conn.execute(text(f"CREATE INDEX {ddl}"))
        conn.execute(text("UPDATE meta SET value = '4' WHERE key = 'schema_version'"))
    store.dispose()
    upgraded = open_store(url)
    with upgraded.connect() as conn:
        after = {t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}")).all())) for t in DERIVED}
    assert before["key_months"] and before["key_actors"]
    assert after == before
    with upgraded.connect() as conn:
        indexes = dict(conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index'")).all())
    assert set(V5_INDEXES) <= set(indexes) and "merged_type_date" not in indexes
    assert "span_days, type" in indexes["merged_span"]  # v5's covering form replaced v4's
    assert_same_answers(upgraded)

