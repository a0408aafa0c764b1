"""A confidence threshold on a filter the count tables answer is counted as the filter's counts less its
events under the threshold, when those are fewer (queries._below_threshold). Both ways must give the same
timeline and actors, on both backends, with and without a corrected event."""

from __future__ import annotations

from collections import Counter

import pytest
from benchmarks.generate import generate_store
from sqlalchemy import Engine, text

from communique.store import EventFilter, list_actors, open_store, timeline
from communique.store import queries as queries_module
from communique.store.corrections import correct_event


def _filters(engine: Engine) -> list[EventFilter]:
    with engine.connect() as conn:
        pair = conn.execute(text("SELECT pair FROM pair_counts ORDER BY n DESC, pair LIMIT 1")).scalar()
        actor = conn.execute(text("SELECT actor_id FROM event_actor WHERE kind = 'person' GROUP BY actor_id "
                                  "ORDER BY count(*) DESC, actor_id LIMIT 1")).scalar()
        country = conn.execute(text("SELECT country FROM event_actor WHERE country IS NOT NULL GROUP BY country "
                                    "ORDER BY count(*) DESC, country LIMIT 1")).scalar()
    out = []
    for least in (0.55, 0.75, 0.93):  # fewer events under the threshold than above it, about as many, more
        out += [EventFilter(min_confidence=least), EventFilter(pair=tuple(pair.split(",")), min_confidence=least),
                EventFilter(actor_id=actor, min_confidence=least), EventFilter(country=country, min_confidence=least),
                EventFilter(topic="economy_trade", min_confidence=least)]
    return out


def _answers(engine: Engine, flt: EventFilter) -> tuple[object, object]:
    return timeline(engine, flt), list_actors(engine, flt)


@pytest.mark.parametrize("corrected", [False, True])
def test_counted_less_the_events_under_the_threshold_is_the_direct_count(
        store_url: str, corrected: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = open_store(store_url)
    generate_store(engine, 160, seed=9, batch=80)
    if corrected:  # an event's confidence and type changed: the count tables still count its extracted form
        with engine.connect() as conn:
            merged_id = conn.execute(text("SELECT merged_id FROM merged_index WHERE confidence < 0.6 "
                                          "ORDER BY merged_id LIMIT 1")).scalar()
        correct_event(engine, merged_id, [("type", "PROTEST"), ("confidence", 0.95)], reject=False)
    filters = _filters(engine)
    shortcut = [_answers(engine, flt) for flt in filters]
    with engine.connect() as conn:
        corr = queries_module.load_corrections(conn)
        extracted = queries_module._records(conn, corr.event_ids)
        used = Counter(queries_module._below_threshold(conn, flt, corr, extracted) is not None for flt in filters)
    monkeypatch.setattr(queries_module, "_below_threshold", lambda *args: None)
    direct = [_answers(engine, flt) for flt in filters]
    for flt, got, expected in zip(filters, shortcut, direct, strict=True):
        assert got == expected, flt
    assert used[True] >= 5 and used[False] >= 2  # both ways were taken
    assert sum(row["events"] for months, _ in direct for row in months) > 100  # real timelines were compared
    engine.dispose()
