"""The watcher's memory, kept in the store's database in its own tables (own MetaData, created if missing;
the store's schema is not touched), so that a restarted watcher refetches nothing it already has.

  watch_items       one row per article URL: status, attempts, next retry, validators, the document id
  watch_sources     one row per source: last success, items seen, errors, back-off
  watch_http_cache  ETag / Last-Modified of feeds, sitemaps and listing pages (conditional GET)
  alerts_sent       the fingerprint last delivered per (watchlist, merged event, channel)
  watch_meta        small key/value facts (what the last alert evaluation saw)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Engine, Float, Integer, MetaData, Table, Text, insert, select, update

from communique.store import writing

metadata = MetaData()

watch_items = Table(
    "watch_items", metadata,
    Column("url", Text, primary_key=True),
    Column("source", Text, index=True),
    Column("first_seen", Text),
    Column("last_attempt", Text),
    Column("next_attempt", Float),  # epoch seconds; NULL: never again (done or given up)
    Column("attempts", Integer, nullable=False, default=0),
    Column("status", Text, nullable=False),  # ok | error | gone | refused | failed
    Column("http_status", Integer),
    Column("etag", Text), Column("last_modified", Text),
    Column("doc_id", Text),
    Column("error", Text),
)

watch_sources = Table(
    "watch_sources", metadata,
    Column("name", Text, primary_key=True),
    Column("kind", Text), Column("url", Text),
    Column("signature", Text),  # what the source was fetched as (kind, URL, --allow-private): a change ends back-off
    Column("last_attempt", Text), Column("last_success", Text),
    Column("next_attempt", Float),  # epoch seconds: no fetch before (back-off after errors)
    Column("items_seen", Integer, nullable=False, default=0),
    Column("items_new", Integer, nullable=False, default=0),  # ingested in the last successful cycle
    Column("errors", Integer, nullable=False, default=0),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("last_error", Text),
)

watch_http_cache = Table(
    "watch_http_cache", metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text), Column("last_modified", Text), Column("checked_at", Text),
)

alerts_sent = Table(
    "alerts_sent", metadata,
    Column("watchlist", Text, primary_key=True),
    Column("event_id", Text, primary_key=True),
    Column("channel", Text, primary_key=True),
    Column("fingerprint", Text, nullable=False),
    Column("material", Text),  # JSON of the fields the fingerprint covers (to say what changed)
    Column("sent_at", Text),
)

watch_meta = Table("watch_meta", metadata, Column("key", Text, primary_key=True), Column("value", Text))


def ensure_tables(engine: Engine) -> None:
    """Create the watcher's tables when missing (CREATE TABLE IF NOT EXISTS)."""
    metadata.create_all(engine, checkfirst=True)


def iso(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).isoformat(timespec="seconds")


def _upsert(engine: Engine, table: Table, key: dict[str, Any], values: dict[str, Any]) -> None:
    """Insert or update one row by primary key (portable: SQLite and PostgreSQL)."""
    with writing(engine) as conn:
        where = [table.c[k] == v for k, v in key.items()]
        if conn.execute(select(*[table.c[k] for k in key]).where(*where)).first():
            conn.execute(update(table).where(*where).values(**values))
        else:
            conn.execute(insert(table).values(**key, **values))


# -- items ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemState:
    url: str
    status: str
    attempts: int
    next_attempt: float | None
    etag: str | None
    last_modified: str | None

    def due(self, now: float) -> bool:
        """Worth fetching now: a retryable failure whose back-off has passed."""
        return self.next_attempt is not None and self.next_attempt <= now


def item_states(engine: Engine, urls: list[str]) -> dict[str, ItemState]:
    out: dict[str, ItemState] = {}
    c = watch_items.c
    with engine.connect() as conn:
        for start in range(0, len(urls), 500):
            chunk = urls[start : start + 500]
            for r in conn.execute(select(c.url, c.status, c.attempts, c.next_attempt, c.etag, c.last_modified)
                                  .where(c.url.in_(chunk))):
                out[r.url] = ItemState(r.url, r.status, r.attempts or 0, r.next_attempt, r.etag, r.last_modified)
    return out


def record_item(engine: Engine, url: str, source: str, status: str, now: float, attempts: int,
                next_attempt: float | None = None, http_status: int | None = None, etag: str | None = None,
                last_modified: str | None = None, doc_id: str | None = None, error: str | None = None) -> None:
    values = {"source": source, "last_attempt": iso(now), "next_attempt": next_attempt, "attempts": attempts,
              "status": status, "http_status": http_status, "etag": etag, "last_modified": last_modified,
              "doc_id": doc_id, "error": error}
    with writing(engine) as conn:
        exists = conn.execute(select(watch_items.c.url).where(watch_items.c.url == url)).first()
        if exists:
            conn.execute(update(watch_items).where(watch_items.c.url == url).values(**values))
        else:
            conn.execute(insert(watch_items).values(url=url, first_seen=iso(now), **values))


def item_rows(engine: Engine, source: str | None = None) -> list[dict[str, Any]]:
    query = select(watch_items).order_by(watch_items.c.first_seen, watch_items.c.url)
    if source:
        query = query.where(watch_items.c.source == source)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


# -- conditional GET validators of feeds, sitemaps, listings -----------------------------------------


def cached_validators(engine: Engine, url: str) -> tuple[str | None, str | None]:
    with engine.connect() as conn:
        row = conn.execute(select(watch_http_cache.c.etag, watch_http_cache.c.last_modified)
                           .where(watch_http_cache.c.url == url)).first()
    return (row.etag, row.last_modified) if row else (None, None)


def store_validators(engine: Engine, url: str, etag: str | None, last_modified: str | None, now: float) -> None:
    _upsert(engine, watch_http_cache, {"url": url},
            {"etag": etag, "last_modified": last_modified, "checked_at": iso(now)})


# -- sources ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceState:
    next_attempt: float | None
    consecutive_failures: int
    signature: str | None = None


def source_state(engine: Engine, name: str) -> SourceState:
    c = watch_sources.c
    with engine.connect() as conn:
        row = conn.execute(select(c.next_attempt, c.consecutive_failures, c.signature).where(c.name == name)).first()
    return SourceState(row.next_attempt, row.consecutive_failures or 0, row.signature) if row else SourceState(None, 0)


def record_source(engine: Engine, name: str, kind: str, url: str, now: float, ok: bool, items_seen: int = 0,
                  items_new: int = 0, error: str | None = None, next_attempt: float | None = None,
                  item_errors: int = 0, signature: str | None = None) -> None:
    """One cycle's outcome for a source: success resets the back-off; failure counts and postpones."""
    c = watch_sources.c
    with writing(engine) as conn:
        row = conn.execute(select(watch_sources).where(c.name == name)).first()
        prev: dict[str, Any] = dict(row._mapping) if row else {"items_seen": 0, "errors": 0,
                                                               "consecutive_failures": 0, "signature": signature}
        values: dict[str, Any] = {
            "kind": kind, "url": url, "signature": signature, "last_attempt": iso(now), "next_attempt": next_attempt,
            "errors": (prev["errors"] or 0) + item_errors + (0 if ok else 1),
            "items_seen": (prev["items_seen"] or 0) + items_seen,
        }
        if ok:
            values.update(last_success=iso(now), items_new=items_new, consecutive_failures=0)
            if error:
                values["last_error"] = error
        else:
            before = (prev["consecutive_failures"] or 0) if prev.get("signature") == signature else 0
            values.update(consecutive_failures=before + 1, last_error=error)
        if row:
            conn.execute(update(watch_sources).where(c.name == name).values(**values))
        else:
            conn.execute(insert(watch_sources).values(name=name, **values))


def source_status(engine: Engine) -> list[dict[str, Any]]:
    """One row per source the watcher has seen: for `communique watch status`."""
    ensure_tables(engine)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(watch_sources).order_by(watch_sources.c.name))]
        pending: dict[str, int] = {}
        for r in conn.execute(select(watch_items.c.source, watch_items.c.status)):
            if r.status != "ok":
                pending[r.source] = pending.get(r.source, 0) + 1
    for row in rows:
        row["next_attempt"] = iso(row["next_attempt"]) if row["next_attempt"] else None
        row["failed_items"] = pending.get(row["name"], 0)
    return rows


# -- alerts and small facts -------------------------------------------------------------------------


def sent_fingerprints(engine: Engine, watchlist: str) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(event id, channel) -> (fingerprint, material JSON) last delivered for this watchlist."""
    c = alerts_sent.c
    with engine.connect() as conn:
        return {(r.event_id, r.channel): (r.fingerprint, r.material)
                for r in conn.execute(select(c.event_id, c.channel, c.fingerprint, c.material)
                                      .where(c.watchlist == watchlist))}


def record_sent(engine: Engine, watchlist: str, event_id: str, channel: str, fingerprint: str, material: str,
                now: float) -> None:
    _upsert(engine, alerts_sent, {"watchlist": watchlist, "event_id": event_id, "channel": channel},
            {"fingerprint": fingerprint, "material": material, "sent_at": iso(now)})


def get_meta(engine: Engine, key: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(select(watch_meta.c.value).where(watch_meta.c.key == key)).scalar()


def set_meta(engine: Engine, key: str, value: str) -> None:
    _upsert(engine, watch_meta, {"key": key}, {"value": value})
