"""The event store: documents, per-document events, merged events and corrections (SQLAlchemy Core).

    engine = open_store("communique.db")          # or postgresql://…; migrates to the latest schema
    ingest_paths(engine, paths, options, report)   # incremental, idempotent, one transaction per document
    query_events(engine, EventFilter(pair=("VN", "RU")))  # merged records, corrections applied
    show_event(db_url, "evt_…")                    # a readable explanation, or None
"""

from __future__ import annotations

from sqlalchemy import Engine

from communique.store.db import StoreError, make_engine, resolve_url, translated_errors


def open_store(db: str | None) -> Engine:
    """An engine on the store at `db` (see db.resolve_url), created or upgraded to the latest schema."""
    from communique.store.migrations import migrate

    engine = make_engine(db)
    with translated_errors(resolve_url(db)):
        migrate(engine)
    return engine


__all__ = ["StoreError", "open_store", "resolve_url", "translated_errors"]
