"""The store's tables as of the latest schema version (SQLAlchemy Core, one schema for SQLite and PostgreSQL).

Extracted data (documents, per-document events, merged events) is kept apart from what people
decide (corrections), which is applied on top at query and export time and so survives reprocessing.

  documents      raw text + input metadata (to reprocess), cleaned text, content hash, ingest order
  events         one row per event found in one document: the contract record as JSON + indexed columns
  event_actor    the participants of each event (for actor and country queries)
  merged_events  one row per real-world event: the merged record as JSON + indexed columns
  merge_keys     blocking keys of merged events (type|month|participant) -> candidate search
  merged_index, actor_links, pair_counts, actors (v4), key_months, key_actors (v5)
                 derived from merged events for fast queries (see store/derived.py)
  corrections    the audit trail of corrections (who, when, what, old value); also an analyst's splits of
                 merged events (target_kind "split": reports of one document kept apart from others')
  doc_bands      (v6) MinHash LSH band keys of documents -> near-duplicate candidates (merge/dedup.py)
  doc_aliases    (v6) another id (path, URL, JSONL id) under which the same text was offered again
  similarity_profiles  (v7; created on first use before) what the article-similarity model reads of each
                 document (JSON) and the embeddings of its title and lead, keyed by the model that made them
  stories        (v7) articles about one story in any language (store/stories.py): documents.cluster
                 names a document's story; a row per story sums it up (first/last seen, languages, outlets)
  meta           schema_version
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, Index, Integer, LargeBinary, MetaData, Table, Text

SCHEMA_VERSION = 8

metadata = MetaData()

meta = Table("meta", metadata, Column("key", Text, primary_key=True), Column("value", Text))

documents = Table(
    "documents", metadata,
    Column("id", Text, primary_key=True),
    Column("content_hash", Text, nullable=False),
    Column("seq", Integer, nullable=False, unique=True),  # ingest order: merging is replayed in it
    Column("source", Text), Column("title", Text), Column("url", Text),
    Column("input_date", Text),  # the date the input gave (before the pipeline), for reprocessing
    Column("lang_hint", Text),
    Column("opt_doc_date", Text), Column("opt_lang", Text),  # the options it was ingested with
    Column("raw_text", Text, nullable=False),
    Column("text", Text),  # cleaned text: the one evidence offsets refer to
    Column("lang", Text), Column("date", Text),
    Column("record", Text),  # document_record() as JSON
    Column("ingested_at", Text),
    Column("pipeline_version", Text),  # v3
    # v6: identity by content and near-duplicates (merge/dedup.py); the lead's encoder vector (merging)
    Column("text_hash", Text, index=True),  # sha256 of the normalised raw text: the same text is one document
    Column("minhash", Text),  # MinHash signature of its word shingles
    Column("story", Text),  # the first stored document it is a near-duplicate of (NULL: none)
    Column("story_score", Float),  # the estimated containment that linked it
    Column("doc_vec", Text),  # encoder vector of title + lead (float16 hex)
    # v7: the story (store/stories.py) the document was put in, the document it matched and the score of that
    # match (SemEval 1-4 scale; NULL for a story's first document), and the day its story window is about
    Column("cluster", Text, index=True),
    Column("cluster_via", Text),
    Column("cluster_score", Float),
    Column("cluster_day", Text, index=True),  # the document's date (YYYY-MM-DD), else the day it was ingested
)

events = Table(
    "events", metadata,
    Column("id", Text, primary_key=True),
    Column("doc_id", Text, nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("merged_id", Text, index=True),
    Column("type", Text, index=True), Column("mode", Text), Column("status", Text),
    Column("date_start", Text, index=True), Column("date_end", Text), Column("precision", Text),
    Column("country_pair", Text, index=True), Column("lang", Text), Column("confidence", Float),
    Column("record", Text, nullable=False),
    Column("merge_reason", Text),
    Column("sentence_vec", Text),  # v6: encoder vector of the sentence that reports the event (float16 hex)
)

event_actor = Table(
    "event_actor", metadata,
    Column("event_id", Text, primary_key=True), Column("position", Integer, primary_key=True),
    Column("actor_id", Text, index=True), Column("name", Text), Column("kind", Text),
    Column("country", Text, index=True), Column("role", Text),
)

merged_events = Table(
    "merged_events", metadata,
    Column("id", Text, primary_key=True),
    Column("type", Text, index=True), Column("mode", Text), Column("status", Text),
    Column("date_start", Text, index=True), Column("date_end", Text),
    Column("date_lo", Text), Column("date_hi", Text),  # the interval merging compared (ISO days)
    Column("countries", Text),  # ",RU,VN," for LIKE filters
    Column("langs", Text), Column("doc_date", Text),
    Column("n_sources", Integer), Column("confidence", Float),
    Column("record", Text, nullable=False),
    # v4: the days a --since/--until filter compares (queries._in_period), and their span
    Column("period_lo", Text), Column("period_hi", Text), Column("span_days", Integer),
    # v5: every period filter answered from an index alone (a count reads no row): events starting in a
    # window, by type or not; the few long-span ones by their span; pages in date order within a period.
    Index("merged_period", "period_lo", "period_hi", "date_start", "span_days"),
    Index("merged_type_period", "type", "period_lo", "period_hi", "date_start", "span_days"),
    Index("merged_span", "span_days", "type", "period_lo", "period_hi", "date_start"),
    Index("merged_type_start", "type", "date_start", "id", "period_lo", "period_hi"),
    Index("merged_start", "date_start", "id", "period_lo", "period_hi"),
)

merged_index = Table(
    "merged_index", metadata,
    Column("key", Text, primary_key=True), Column("merged_id", Text, primary_key=True),
    Column("date_start", Text), Column("type", Text), Column("confidence", Float), Column("topics", Text),
    Index("merged_index_order", "key", "date_start", "merged_id"),
    # v8: a key's rows with every column, in merged_id order (counts and timelines under a filter no count
    # table answers read no table row, and probe another key's rows in order); an event's keys from its id
    Index("merged_index_rows", "key", "merged_id", "type", "date_start", "confidence", "topics"),
    Index("merged_index_merged_key", "merged_id", "key"),
)

actor_links = Table(
    "actor_links", metadata,
    Column("actor_id", Text, primary_key=True), Column("other_id", Text, primary_key=True),
    Column("type", Text, primary_key=True), Column("n", Integer, nullable=False),
    Index("actor_links_cover", "actor_id", "other_id", "type", "n"),  # v5: an actor's links without row reads
)

pair_counts = Table(
    "pair_counts", metadata,
    Column("pair", Text, primary_key=True), Column("n", Integer, nullable=False),
    Index("pair_counts_n", "n"),
)

actors = Table(
    "actors", metadata,
    Column("variant", Text, primary_key=True),  # JSON [id, name, kind, country, role]
    Column("actor_id", Text, nullable=False, index=True), Column("name", Text), Column("name_lower", Text),
    Column("kind", Text), Column("country", Text), Column("role", Text), Column("n", Integer, nullable=False),
)

# Clustered on their key in SQLite (WITHOUT ROWID): a key's rows are read as one contiguous range.
key_months = Table(
    "key_months", metadata,
    Column("key", Text, primary_key=True), Column("month", Text, primary_key=True),
    Column("type", Text, primary_key=True), Column("topic", Text, primary_key=True),
    Column("n", Integer, nullable=False),
    sqlite_with_rowid=False,
)

key_actors = Table(
    "key_actors", metadata,
    Column("key", Text, primary_key=True), Column("actor_id", Text, primary_key=True),
    Column("n", Integer, nullable=False),
    sqlite_with_rowid=False,
)

merge_keys = Table(
    "merge_keys", metadata,
    Column("key", Text, primary_key=True), Column("merged_id", Text, primary_key=True),
    Index("merge_keys_merged", "merged_id"),
)

doc_bands = Table(
    "doc_bands", metadata,
    Column("band", Text, primary_key=True), Column("doc_id", Text, primary_key=True),
    Index("doc_bands_doc", "doc_id"),
    sqlite_with_rowid=False,
)

doc_aliases = Table(
    "doc_aliases", metadata,
    Column("alias", Text, primary_key=True), Column("doc_id", Text, nullable=False, index=True),
)

similarity_profiles = Table(
    "similarity_profiles", metadata,
    Column("doc_id", Text, primary_key=True),
    Column("model", Text, nullable=False),  # the encoder and article cut that made it (similarity.PROFILE_MODEL)
    Column("profile", Text, nullable=False),  # JSON of the Article
    Column("vectors", LargeBinary, nullable=False),  # float32, row-major (pieces, dim)
)

stories = Table(
    "stories", metadata,
    Column("id", Text, primary_key=True),  # story_… of its first document: stable across runs
    Column("title", Text),  # the first document's title
    Column("first_doc", Text, nullable=False),
    Column("first_seen", Text, index=True), Column("last_seen", Text),  # cluster_day of its documents
    Column("n_docs", Integer, nullable=False),
    Column("langs", Text),  # "de,en"
    Column("outlets", Text),  # "dw.com,reuters.com": hosts of the documents' URLs
)

corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target_kind", Text, nullable=False),  # event | actor
    Column("target_id", Text, nullable=False, index=True),
    Column("field", Text, nullable=False),
    Column("value", Text),  # JSON
    Column("old_value", Text),  # JSON
    Column("by", Text), Column("at", Text), Column("note", Text),
    Column("anchor", Text),  # JSON: the member reports, to find the event again if its id changes
    Column("active", Boolean, nullable=False, default=True),
)
