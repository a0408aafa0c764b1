"""Versioned schema migrations: `meta.schema_version` and an ordered list of migration functions.

A migration is frozen once released: it creates exactly what its version had (so a v1 store is
upgraded by running v2, v3, … on it). All pending migrations run in one transaction, so a crash
mid-upgrade leaves the store at its old version.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    inspect,
    select,
    text,
)

from communique.store.db import StoreError, make_engine, resolve_url, translated_errors, writing
from communique.store.derived import rebuild, rebuild_key_counts
from communique.store.identity import fill_identity
from communique.store.schema import SCHEMA_VERSION, meta

Migration = Callable[[Connection], None]
FTS_TABLE = ("CREATE VIRTUAL TABLE docs_fts USING fts5(doc_id UNINDEXED, title, text, "
             "tokenize = 'unicode61 remove_diacritics 2')")  # SQLite's full-text index of documents


def _v1_core_tables(conn: Connection) -> None:
    """Documents, per-document events and actors, merged events and their blocking keys."""
    md = MetaData()
    Table("meta", md, Column("key", Text, primary_key=True), Column("value", Text))
    Table("documents", md, Column("id", Text, primary_key=True), Column("content_hash", Text, nullable=False),
          Column("seq", Integer, nullable=False, unique=True), Column("source", Text), Column("title", Text),
          Column("url", Text), Column("input_date", Text), Column("lang_hint", Text), Column("opt_doc_date", Text),
          Column("opt_lang", Text), Column("raw_text", Text, nullable=False), Column("text", Text),
          Column("lang", Text), Column("date", Text), Column("record", Text), Column("ingested_at", Text))
    Table("events", md, Column("id", Text, primary_key=True), Column("doc_id", Text, nullable=False, index=True),
          Column("position", Integer, nullable=False), Column("merged_id", Text, index=True),
          Column("type", Text, index=True), Column("mode", Text), Column("status", Text),
          Column("date_start", Text, index=True), Column("date_end", Text), Column("precision", Text),
          Column("country_pair", Text, index=True), Column("lang", Text), Column("confidence", Float),
          Column("record", Text, nullable=False), Column("merge_reason", Text))
    Table("event_actor", md, Column("event_id", Text, primary_key=True), Column("position", Integer, primary_key=True),
          Column("actor_id", Text, index=True), Column("name", Text), Column("kind", Text),
          Column("country", Text, index=True), Column("role", Text))
    Table("merged_events", md, Column("id", Text, primary_key=True), Column("type", Text, index=True),
          Column("mode", Text), Column("status", Text), Column("date_start", Text, index=True),
          Column("date_end", Text), Column("date_lo", Text), Column("date_hi", Text), Column("countries", Text),
          Column("langs", Text), Column("doc_date", Text), Column("n_sources", Integer),
          Column("confidence", Float), Column("record", Text, nullable=False))
    Table("merge_keys", md, Column("key", Text, primary_key=True), Column("merged_id", Text, primary_key=True),
          Index("merge_keys_merged", "merged_id"))
    md.create_all(conn)


def _v2_corrections(conn: Connection) -> None:
    """Corrections with their audit trail, kept apart from extracted data."""
    md = MetaData()
    Table("corrections", md, Column("id", Integer, primary_key=True, autoincrement=True),
          Column("target_kind", Text, nullable=False), Column("target_id", Text, nullable=False, index=True),
          Column("field", Text, nullable=False), Column("value", Text), Column("old_value", Text),
          Column("by", Text), Column("at", Text), Column("note", Text), Column("anchor", Text),
          Column("active", Boolean, nullable=False, default=True))
    md.create_all(conn)


def _v3_search_and_versions(conn: Connection) -> None:
    """Full-text search over documents, and the pipeline version that produced each document's records."""
    conn.execute(text("ALTER TABLE documents ADD COLUMN pipeline_version TEXT"))
    if conn.dialect.name == "sqlite":
        conn.execute(text(FTS_TABLE))
        conn.execute(text("INSERT INTO docs_fts (doc_id, title, text) "
                          "SELECT id, coalesce(title, ''), coalesce(text, '') FROM documents"))
    else:
        conn.execute(text("CREATE INDEX documents_fts ON documents USING GIN "
                          "(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, '')))"))


def _v4_query_tables(conn: Connection) -> None:
    """Derived tables and indexes so queries filter, sort and page in the database (store/derived.py),
    filled from the merged events already stored. Indexes are created after the fill (faster on big stores)."""
    conn.execute(text("ALTER TABLE merged_events ADD COLUMN period_lo TEXT"))
    conn.execute(text("ALTER TABLE merged_events ADD COLUMN period_hi TEXT"))
    conn.execute(text("ALTER TABLE merged_events ADD COLUMN span_days INTEGER"))
    md = MetaData()
    merged_index = Table("merged_index", md, Column("key", Text, primary_key=True),
                         Column("merged_id", Text, primary_key=True), Column("date_start", Text),
                         Column("type", Text), Column("confidence", Float), Column("topics", Text))
    Table("actor_links", md, Column("actor_id", Text, primary_key=True), Column("other_id", Text, primary_key=True),
          Column("type", Text, primary_key=True), Column("n", Integer, nullable=False))
    pair_counts = Table("pair_counts", md, Column("pair", Text, primary_key=True), Column("n", Integer, nullable=False))
    actors = Table("actors", md, Column("variant", Text, primary_key=True), Column("actor_id", Text, nullable=False),
                   Column("name", Text), Column("name_lower", Text), Column("kind", Text), Column("country", Text),
                   Column("role", Text), Column("n", Integer, nullable=False))
    md.create_all(conn)
    rebuild(conn)
    merged = Table("merged_events", md, autoload_with=conn)
    for index in (Index("merged_index_order", merged_index.c.key, merged_index.c.date_start, merged_index.c.merged_id),
                  Index("merged_index_merged", merged_index.c.merged_id),
                  Index("pair_counts_n", pair_counts.c.n),
                  Index("ix_actors_actor_id", actors.c.actor_id),
                  Index("merged_type_date", merged.c.type, merged.c.date_start),
                  Index("merged_period", merged.c.period_lo, merged.c.period_hi, merged.c.date_start),
                  Index("merged_type_period", merged.c.type, merged.c.period_lo, merged.c.period_hi,
                        merged.c.date_start),
                  Index("merged_span", merged.c.span_days)):
        index.create(conn)


def _v5_key_counts(conn: Connection) -> None:
    """Counts per key kept at write time (store/derived.py): key_months (a timeline, a page's total, an
    actor's roles without reading the key's index rows) and key_actors (the actors of a pair's events);
    period indexes that cover every column a period filter reads (counts and pages read no rows)."""
    md = MetaData()
    Table("key_months", md, Column("key", Text, primary_key=True), Column("month", Text, primary_key=True),
          Column("type", Text, primary_key=True), Column("topic", Text, primary_key=True),
          Column("n", Integer, nullable=False), sqlite_with_rowid=False)
    Table("key_actors", md, Column("key", Text, primary_key=True), Column("actor_id", Text, primary_key=True),
          Column("n", Integer, nullable=False), sqlite_with_rowid=False)
    md.create_all(conn)
    rebuild_key_counts(conn)
    for statement in ("DROP INDEX IF EXISTS merged_type_date", "DROP INDEX IF EXISTS merged_period",
                      "DROP INDEX IF EXISTS merged_type_period", "DROP INDEX IF EXISTS merged_span"):
        conn.execute(text(statement))
    merged = Table("merged_events", md, autoload_with=conn)
    m = merged.c
    for index in (Index("merged_period", m.period_lo, m.period_hi, m.date_start, m.span_days),
                  Index("merged_type_period", m.type, m.period_lo, m.period_hi, m.date_start, m.span_days),
                  Index("merged_span", m.span_days, m.type, m.period_lo, m.period_hi, m.date_start),
                  Index("merged_type_start", m.type, m.date_start, m.id, m.period_lo, m.period_hi),
                  Index("merged_start", m.date_start, m.id, m.period_lo, m.period_hi)):
        index.create(conn)
    links = Table("actor_links", md, autoload_with=conn)
    Index("actor_links_cover", links.c.actor_id, links.c.other_id, links.c.type, links.c.n).create(conn)


def _v6_document_identity(conn: Connection) -> None:
    """Documents identified by their normalised text (and indexed for near-duplicates); encoder vectors of
    documents' leads and events' sentences for merging (filled when a document is next written: older
    events without them merge on structure when dated, and not at all when undated)."""
    # Each column once (a store taken back to an older version by hand may keep them); literal statements only
    have = {c["name"] for c in inspect(conn).get_columns("documents")}
    for column, statement in (("text_hash", "ALTER TABLE documents ADD COLUMN text_hash TEXT"),
                              ("minhash", "ALTER TABLE documents ADD COLUMN minhash TEXT"),
                              ("story", "ALTER TABLE documents ADD COLUMN story TEXT"),
                              ("story_score", "ALTER TABLE documents ADD COLUMN story_score FLOAT"),
                              ("doc_vec", "ALTER TABLE documents ADD COLUMN doc_vec TEXT")):
        if column not in have:
            conn.execute(text(statement))
    if "sentence_vec" not in {c["name"] for c in inspect(conn).get_columns("events")}:
        conn.execute(text("ALTER TABLE events ADD COLUMN sentence_vec TEXT"))
    md = MetaData()
    bands = Table("doc_bands", md, Column("band", Text, primary_key=True), Column("doc_id", Text, primary_key=True),
                  sqlite_with_rowid=False)
    aliases = Table("doc_aliases", md, Column("alias", Text, primary_key=True),
                    Column("doc_id", Text, nullable=False))
    md.create_all(conn)
    fill_identity(conn)
    docs = Table("documents", md, autoload_with=conn)
    for index in (Index("ix_documents_text_hash", docs.c.text_hash), Index("doc_bands_doc", bands.c.doc_id),
                  Index("ix_doc_aliases_doc_id", aliases.c.doc_id)):
        index.create(conn, checkfirst=True)


def _v7_stories(conn: Connection) -> None:
    """Story clusters (store/stories.py): each document's story, the match that put it there and its day; a
    summary row per story. The similarity profiles table, created on first use before v7, becomes part of the
    schema (kept as it is when a store already has it). Stored documents get their story when next written
    (`communique reprocess`): a profile needs the pipeline's actors and dates."""
    have = {c["name"] for c in inspect(conn).get_columns("documents")}
    for column, statement in (("cluster", "ALTER TABLE documents ADD COLUMN cluster TEXT"),
                              ("cluster_via", "ALTER TABLE documents ADD COLUMN cluster_via TEXT"),
                              ("cluster_score", "ALTER TABLE documents ADD COLUMN cluster_score FLOAT"),
                              ("cluster_day", "ALTER TABLE documents ADD COLUMN cluster_day TEXT")):
        if column not in have:
            conn.execute(text(statement))
    md = MetaData()
    Table("similarity_profiles", md, Column("doc_id", Text, primary_key=True), Column("model", Text, nullable=False),
          Column("profile", Text, nullable=False), Column("vectors", LargeBinary, nullable=False))
    stories = Table("stories", md, Column("id", Text, primary_key=True), Column("title", Text),
                    Column("first_doc", Text, nullable=False), Column("first_seen", Text), Column("last_seen", Text),
                    Column("n_docs", Integer, nullable=False), Column("langs", Text), Column("outlets", Text))
    md.create_all(conn, checkfirst=True)
    docs = Table("documents", md, autoload_with=conn)
    for index in (Index("ix_documents_cluster", docs.c.cluster), Index("ix_documents_cluster_day", docs.c.cluster_day),
                  Index("ix_stories_first_seen", stories.c.first_seen)):
        index.create(conn, checkfirst=True)


def _v8_covering_key_rows(conn: Connection) -> None:
    """Indexes that hold every column of merged_index: a key's rows in merged_id order (a filter that no
    count table answers, such as a confidence threshold or a pair of actors, is counted from the index
    alone: the busiest pair's timeline above a threshold at 1M events 470 -> 90 ms of SQL), and an event's
    keys from its id (the actors of the matching events without reading a row); the latter replaces the
    index on merged_id alone. SQLite's full-text rows are renumbered by their document's seq: a document's
    row is then deleted directly (it was found by comparing every row's doc_id), and search's "most recently
    stored" is the seq order on both backends."""
    conn.execute(text("DROP INDEX IF EXISTS merged_index_merged"))
    if conn.dialect.name == "sqlite":
        conn.execute(text("DROP TABLE IF EXISTS docs_fts"))
        conn.execute(text(FTS_TABLE))
        conn.execute(text("INSERT INTO docs_fts (rowid, doc_id, title, text) "
                          "SELECT seq, id, coalesce(title, ''), coalesce(text, '') FROM documents"))
    md = MetaData()
    rows = Table("merged_index", md, autoload_with=conn)
    k = rows.c
    for index in (Index("merged_index_rows", k.key, k.merged_id, k.type, k.date_start, k.confidence, k.topics),
                  Index("merged_index_merged_key", k.merged_id, k.key)):
        index.create(conn, checkfirst=True)


MIGRATIONS: list[Migration] = [_v1_core_tables, _v2_corrections, _v3_search_and_versions, _v4_query_tables,
                               _v5_key_counts, _v6_document_identity, _v7_stories, _v8_covering_key_rows]
assert len(MIGRATIONS) == SCHEMA_VERSION


def current_version(conn: Connection) -> int:
    """0 for an empty database; raises StoreError for a database that is not a store."""
    tables = set(inspect(conn).get_table_names())
    if "meta" not in tables:
        if tables - {"sqlite_sequence"}:
            raise StoreError("this database has tables but is not a Communiqué store")
        return 0
    value = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value or 0)


def open_store(db: str | None) -> Engine:
    """An engine on the store at `db` (see db.resolve_url), created or upgraded to the latest schema."""
    engine = make_engine(db)
    with translated_errors(resolve_url(db)):
        migrate(engine)
    return engine


def migrate(engine: Engine, target: int = SCHEMA_VERSION) -> int:
    """Bring the store up to `target` (default: the latest); returns the version it had before."""
    with writing(engine) as conn:
        before = current_version(conn)
        if before > SCHEMA_VERSION:
            raise StoreError(f"this store has schema v{before}, newer than this Communiqué (v{SCHEMA_VERSION}); "
                             "upgrade Communiqué")
        for version in range(before + 1, target + 1):
            MIGRATIONS[version - 1](conn)
            _set_version(conn, version)
    return before


def _set_version(conn: Connection, version: int) -> None:
    updated = conn.execute(meta.update().where(meta.c.key == "schema_version").values(value=str(version)))
    if updated.rowcount == 0:
        conn.execute(meta.insert().values(key="schema_version", value=str(version)))
