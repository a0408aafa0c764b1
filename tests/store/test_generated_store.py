"""The synthetic store generator's bulk load (benchmarks.generate) on both backends: the derived and count
tables it writes are what the store's own rebuild computes from the merged records."""

from __future__ import annotations

from benchmarks.generate import generate_store
from sqlalchemy import Engine, select

from communique.store import open_store
from communique.store.db import writing
from communique.store.derived import rebuild, rebuild_key_counts
from communique.store.schema import actor_links, actors, key_actors, key_months, merged_index, pair_counts

DERIVED = (merged_index, actor_links, pair_counts, actors, key_months, key_actors)


def _derived(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    with engine.connect() as conn:
        return {t.name: sorted(tuple(r) for r in conn.execute(select(t))) for t in DERIVED}


def test_bulk_load_writes_what_the_rebuild_computes(store_url: str) -> None:
    engine = open_store(store_url)
    generate_store(engine, 150, seed=21, batch=60)
    generate_store(engine, 60, seed=22, batch=25)  # appended: the counts add up
    loaded = _derived(engine)
    with writing(engine) as conn:
        rebuild(conn)
        rebuild_key_counts(conn)
    assert loaded == _derived(engine)
    assert len(loaded["key_months"]) > 500 and len(loaded["merged_index"]) > 210
    engine.dispose()
