"""Derived tables that let queries filter, sort and page in the database (schema v4).

They are a pure function of the *extracted* merged records (corrections are not folded in): the store
rewrites a merged event's contributions in the same transaction as the merged event itself
(`replace_merged`), and queries apply corrections on top at query time (corrected events are few: they
are taken out of the SQL answer and matched in Python; actor merges map ids when the answer is read).

  merged_index  (key, merged_id, date_start, type, confidence, topics): one row per key of a merged event:
                * (every event), a:<actor id>, p:<CC>,<CC> (sorted pair of participant countries),
                c:<CC> (a participant's or the location's country), t:<topic>, l:<source language>,
                r:<actor id>\\x1f<role>
  actor_links   (actor_id, other_id, type, n): merged events two actors share, per event type
  pair_counts   (pair, n): merged events per pair of participant countries
  actors        one row per (id, name, kind, country, role) variant seen, with how many events carry it:
                resolves a name substring to actor ids and gives an actor's name, kind, country, roles
  key_months    (key, month, type, topic, n) (v5): merged events per key and month, by type (topic "")
                and by topic (type ""): a key's timeline, and its count (a page's total), without
                reading its index rows; role keys (r:) get the type rows only (events per role)
  key_actors    (key, actor_id, n) (v5): merged events per key (not a: or r:) and actor: who appears most
                in a country's, a pair's, a topic's, a language's events
merged_events also gains period_lo/period_hi/span_days: the days a --since/--until filter compares.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, delete, insert, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite

from communique.merge.keys import parse_date
from communique.store.schema import (
    actor_links,
    actors,
    key_actors,
    key_months,
    merged_events,
    merged_index,
    pair_counts,
)

ROLE_SEP = "\x1f"
ALL_KEY = "*"
UNDATED = "undated"
ALL_TOPICS = ""  # key_months: (type, "") counts events of a type, ("", topic) events with a topic
ALL_TYPES = ""
CHUNK = 500
REBUILD_BATCH = 5_000


def actor_key(actor_id: str) -> str:
    return f"a:{actor_id}"


def pair_key(first: str, second: str) -> str:
    a, b = sorted((first.upper(), second.upper()))
    return f"p:{a},{b}"


def country_key(cc: str) -> str:
    return f"c:{cc.upper()}"


def topic_key(topic: str) -> str:
    return f"t:{topic}"


def lang_key(lang: str) -> str:
    return f"l:{lang}"


def role_prefix(actor_id: str) -> str:
    return f"r:{actor_id}{ROLE_SEP}"


def month_of(date_start: str | None) -> str:
    """The month a timeline files an event under: YYYY-MM of the first day its start can mean, or "undated"."""
    parsed = parse_date(date_start, None)
    return f"{parsed[0].year:04d}-{parsed[0].month:02d}" if parsed else UNDATED


def actor_variant(actor: dict[str, Any]) -> tuple[str, str | None, str | None, str | None, str | None]:
    return (str(actor.get("id")), _opt(actor.get("name")), _opt(actor.get("kind")), _opt(actor.get("country")),
            _opt(actor.get("role")))


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


@dataclass(slots=True)
class Contribution:
    """What one merged record adds to the derived tables."""

    keys: set[str] = field(default_factory=set)
    links: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    pairs: Counter[str] = field(default_factory=Counter)
    variants: Counter[tuple[str, str | None, str | None, str | None, str | None]] = field(default_factory=Counter)
    months: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)  # (key, month, type, topic)
    key_actors: Counter[tuple[str, str]] = field(default_factory=Counter)


def contribution(record: dict[str, Any]) -> Contribution:
    """The keys, links, pairs and actor variants of one merged record — the same notions as
    queries.matches: actor ids, participant countries (+ the location's for c:), topics, source languages."""
    out = Contribution(keys={ALL_KEY})
    actor_list = [a for a in record.get("actors") or [] if a.get("id") is not None]
    ids = sorted({str(a["id"]) for a in actor_list})
    countries = sorted({str(a["country"]).upper() for a in record.get("actors") or [] if a.get("country")})
    location = str((record.get("location") or {}).get("country") or "").upper()
    out.keys.update(actor_key(i) for i in ids)
    out.keys.update(country_key(cc) for cc in countries)
    if location:
        out.keys.add(country_key(location))
    for a, b in combinations(countries, 2):
        out.keys.add(pair_key(a, b))
        out.pairs[f"{a},{b}"] += 1
    out.keys.update(topic_key(str(t)) for t in record.get("topics") or [])
    out.keys.update(lang_key(str(s["lang"])) for s in record.get("sources") or [] if s.get("lang"))
    out.keys.update(role_prefix(str(a["id"])) + str(a["role"]) for a in actor_list if a.get("role"))
    event_type = str(record.get("type"))
    for a, b in combinations(ids, 2):
        out.links[(a, b, event_type)] += 1
        out.links[(b, a, event_type)] += 1
    out.variants.update(set(actor_variant(a) for a in actor_list))
    month = month_of((record.get("date") or {}).get("start"))
    topics = sorted({str(t) for t in record.get("topics") or []})
    for key in out.keys:
        out.months[(key, month, event_type, ALL_TOPICS)] += 1
        if not key.startswith("r:"):
            out.months.update((key, month, ALL_TYPES, t) for t in topics)
        if not key.startswith(("a:", "r:")):
            out.key_actors.update((key, i) for i in ids)
    return out


def period_columns(record: dict[str, Any]) -> dict[str, Any]:
    """The first and last day the record's date can mean (as queries._in_period reads it), and the span."""
    date = record.get("date") or {}
    start = parse_date(date.get("start"), None)
    if start is None:
        return {"period_lo": None, "period_hi": None, "span_days": None}
    end = parse_date(date.get("end"), None) if date.get("end") else None
    lo, hi = start[0], (end[1] if end else start[1])
    return {"period_lo": lo.isoformat(), "period_hi": hi.isoformat(), "span_days": max(0, (hi - lo).days)}


# -- keeping the tables up to date ---------------------------------------------------------------------


def replace_merged(conn: Connection, merged_id: str, old: dict[str, Any] | None, new: dict[str, Any] | None) -> None:
    """Swap a merged event's contributions (old record -> new record; None = absent), in the caller's
    transaction. The merged_events row itself (with its period_columns) is written by the caller."""
    conn.execute(delete(merged_index).where(merged_index.c.merged_id == merged_id))
    totals = Totals()
    if old is not None:
        totals.add([(merged_id, old)], sign=-1)
    if new is not None:
        insert_index_rows(conn, totals.add([(merged_id, new)]))
    totals.write(conn)


def index_rows(items: Iterable[tuple[str, dict[str, Any], set[str]]]) -> list[dict[str, Any]]:
    """The merged_index rows of (merged id, record, keys) items (as Totals.add returns them)."""
    return [{"key": key, "merged_id": merged_id, "date_start": (rec.get("date") or {}).get("start"),
             "type": rec.get("type"), "confidence": rec.get("confidence"), "topics": topics_column(rec)}
            for merged_id, rec, keys in items for key in sorted(keys)]


def insert_index_rows(conn: Connection, items: Iterable[tuple[str, dict[str, Any], set[str]]]) -> None:
    rows = index_rows(items)
    for i in range(0, len(rows), 10_000):
        conn.execute(insert(merged_index), rows[i:i + 10_000])


def topics_column(record: dict[str, Any]) -> str:
    """Topics as one text column (split on \\x1f) so a timeline reads them from the index rows."""
    return ROLE_SEP.join(str(t) for t in record.get("topics") or [])


def _variant_id(variant: tuple[Any, ...]) -> str:
    return json.dumps(list(variant), ensure_ascii=False)


def _variant_row(variant: tuple[Any, ...]) -> dict[str, Any]:
    actor_id, name, kind, country, role = variant
    return {"actor_id": actor_id, "name": name, "name_lower": (name or "").lower(), "kind": kind,
            "country": country, "role": role}


def _upsert(conn: Connection, table: Table, pk: tuple[str, ...]) -> Any:
    return _upsert_statement(conn.dialect.name, table, pk)


@lru_cache(maxsize=32)
def _upsert_statement(dialect: str, table: Table, pk: tuple[str, ...]) -> Any:
    """INSERT … ON CONFLICT (pk) DO UPDATE SET n = n + excluded.n (SQLite and PostgreSQL), built once per
    table: building it costs more than running it on a few rows, and every write runs it."""
    dialect_insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = dialect_insert(table)
    return stmt.on_conflict_do_update(index_elements=list(pk), set_={"n": table.c.n + stmt.excluded.n})


def _add_counts(conn: Connection, table: Table, pk: tuple[str, ...], deltas: Any,
                extra: dict[str, dict[str, Any]] | None = None) -> None:
    """Add signed deltas to the `n` of rows keyed by `pk`; rows that reach 0 are deleted."""
    changed = {k: v for k, v in deltas.items() if v}
    if not changed:
        return
    rows = [dict(zip(pk, k, strict=True), n=v, **((extra or {}).get(k[0], {}) if extra else {}))
            for k, v in sorted(changed.items())]
    conn.execute(_upsert(conn, table, pk), rows)
    gone = [k for k, v in changed.items() if v < 0]
    cols = [table.c[name] for name in pk]
    for i in range(0, len(gone), CHUNK):
        chunk = gone[i:i + CHUNK]
        match = cols[0].in_([k[0] for k in chunk]) if len(cols) == 1 else tuple_(*cols).in_(chunk)
        conn.execute(delete(table).where(and_(match, table.c.n <= 0)))


def add_new_merged(conn: Connection, items: list[tuple[str, dict[str, Any]]]) -> None:
    """Contributions of merged events that had none yet (bulk: the generator and the migration)."""
    totals = Totals()
    insert_index_rows(conn, totals.add(items))
    totals.write(conn)


COUNTS = ("links", "pairs", "variants", "months", "key_actors")  # the count tables, by Totals' field names


@dataclass
class Totals:
    """Counts summed over many merged events' contributions (signed: -1 takes a record's counts away);
    `tracked` names the ones kept (a migration that fills some tables need not hold the others in memory)."""

    tracked: tuple[str, ...] = COUNTS
    links: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    pairs: Counter[str] = field(default_factory=Counter)
    variants: Counter[tuple[Any, ...]] = field(default_factory=Counter)
    months: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)
    key_actors: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, items: list[tuple[str, dict[str, Any]]], sign: int = 1) -> list[tuple[str, dict[str, Any], Any]]:
        """Add the events' counts; returns their index rows (id, record, keys)."""
        indexed = []
        for merged_id, record in items:
            c = contribution(record)
            indexed.append((merged_id, record, c.keys))
            for name in self.tracked:
                mine, theirs = getattr(self, name), getattr(c, name)
                if sign > 0:
                    mine.update(theirs)
                else:
                    mine.subtract(theirs)
        return indexed

    def write(self, conn: Connection) -> None:
        """Add the tracked counts to their tables (upserts; rows that reach 0 are deleted), then forget them."""
        if "links" in self.tracked:
            _add_counts(conn, actor_links, ("actor_id", "other_id", "type"), self.links)
        if "pairs" in self.tracked:
            _add_counts(conn, pair_counts, ("pair",), {(k,): v for k, v in self.pairs.items()})
        if "variants" in self.tracked:
            _add_counts(conn, actors, ("variant",), {(_variant_id(k),): v for k, v in self.variants.items()},
                        extra={_variant_id(k): _variant_row(k) for k in self.variants})
        if "months" in self.tracked:
            _add_counts(conn, key_months, ("key", "month", "type", "topic"), self.months)
        if "key_actors" in self.tracked:
            _add_counts(conn, key_actors, ("key", "actor_id"), self.key_actors)
        for name in COUNTS:
            getattr(self, name).clear()

    def size(self) -> int:
        return sum(len(getattr(self, name)) for name in self.tracked)


def rebuild(conn: Connection) -> None:
    """Fill the v4 derived tables and period columns from every merged event (the v4 migration)."""
    for table in (merged_index, actor_links, pair_counts, actors):
        conn.execute(delete(table))
    totals = Totals(tracked=("links", "pairs", "variants"))
    for batch in _merged_batches(conn):
        insert_index_rows(conn, totals.add(batch))
        periods = [{"b_id": merged_id, **period_columns(record)} for merged_id, record in batch]
        conn.execute(update(merged_events).where(merged_events.c.id == _bind("b_id"))
                     .values(period_lo=_bind("period_lo"), period_hi=_bind("period_hi"),
                             span_days=_bind("span_days")), periods)
    _bulk(conn, actor_links,
          [{"actor_id": a, "other_id": b, "type": t, "n": n} for (a, b, t), n in totals.links.items()])
    _bulk(conn, pair_counts, [{"pair": p, "n": n} for p, n in totals.pairs.items()])
    _bulk(conn, actors, [dict(_variant_row(k), variant=_variant_id(k), n=n) for k, n in totals.variants.items()])


FLUSH_ROWS = 500_000  # counts held in memory before they are added to the tables (bounded memory)


def rebuild_key_counts(conn: Connection) -> None:
    """Fill key_months and key_actors from every merged event (the v5 migration), in bounded memory:
    counts are added to the tables (upserts) whenever FLUSH_ROWS distinct ones have piled up."""
    for table in (key_months, key_actors):
        conn.execute(delete(table))
    totals = Totals(tracked=("months", "key_actors"))
    for batch in _merged_batches(conn):
        totals.add(batch)
        if totals.size() >= FLUSH_ROWS:
            totals.write(conn)
    totals.write(conn)


def _bind(name: str) -> Any:
    return bindparam(name)


def _bulk(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    for i in range(0, len(rows), 10_000):
        conn.execute(insert(table), rows[i:i + 10_000])


def _merged_batches(conn: Connection) -> Iterator[list[tuple[str, dict[str, Any]]]]:
    """All merged records by id, a batch at a time (keyset paging: bounded memory on big stores)."""
    last = ""
    while True:
        rows = conn.execute(select(merged_events.c.id, merged_events.c.record).where(merged_events.c.id > last)
                            .order_by(merged_events.c.id).limit(REBUILD_BATCH)).all()
        if not rows:
            return
        yield [(r.id, json.loads(r.record)) for r in rows]
        last = rows[-1].id
