"""Events per country for the map (store/geo.py): exact from the count tables, or over the newest events."""

from __future__ import annotations

from pathlib import Path

from communique.store import EventFilter, count_events, country_counts, open_store, page_events


def test_country_counts_exact_and_capped(web_store: Path) -> None:
    engine = open_store(str(web_store))
    every = country_counts(engine)
    assert every.scanned == 0 and not every.capped  # from key_months: no event read
    assert every.counts["RU"] == count_events(engine, EventFilter(country="RU"))
    pair = country_counts(engine, EventFilter(pair=("RU", "VN")))
    assert pair.counts["RU"] == pair.counts["VN"] == 21 and not pair.capped and pair.scanned == 21
    newest = country_counts(engine, EventFilter(pair=("RU", "VN")), cap=5)
    assert newest.capped and newest.scanned == 5 and newest.counts["RU"] == newest.counts["VN"] == 5
    five = page_events(engine, EventFilter(pair=("RU", "VN")), "-date", 5).items
    others = {str(a["country"]) for e in five for a in e["actors"] if a.get("country")} - {"RU", "VN"}
    assert set(newest.counts) - {"RU", "VN"} <= others | {str((e.get("location") or {}).get("country")) for e in five}
    engine.dispose()
