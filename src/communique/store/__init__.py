"""The event store: documents, per-document events, merged events and corrections (SQLAlchemy Core).

This module is the store's public interface: the API, the web pages, the CLI, watch and scale import
from here, never from the store's submodules (tests/test_architecture.py checks it).

Opening a store (SQLite file or postgresql://…; created or migrated to the latest schema on open)::

    engine = open_store("communique.db")          # resolve_url(None): $COMMUNIQUE_DB, else ./communique.db
    with translated_errors(url): …                # database exceptions become one-line StoreErrors

Ingesting (incremental, idempotent, one transaction per document; progress is a callback)::

    stats = ingest_paths(engine, paths, options, report, progress=None)   # -> IngestStats
    stats = ingest_items(engine, documents, options, report)
    stats = reprocess(engine, report, doc_ids=None)

Reading (merged events, corrections applied; callers render)::

    query_events(engine, EventFilter(pair=("VN", "RU")))   list_actors, timeline, search_documents
    search_page(engine, "Lavrov", Entities(ids, names))   # words or entity, paged, with facet counts
    page_events, event_detail, page_actors, actor_detail, network, document_detail, list_documents, top_pairs
    country_counts(engine, flt)                            # events per country, for the map (store/geo.py)
    explain_event(db_url, "evt_…")                         # EventExplanation (record + sources), or None

Correcting (kept apart from extracted data, applied on top, kept across reprocessing)::

    correct_event(engine, "evt_…", [parse_assignment("date=2025-02-21")], reject=False, by=None, note=None)
    merge_actors, rename_actor, history
    split_report(engine, "evt_… (one report)")             # take a report out of a wrong merge, for good

Similarity profiles (`communique similar --near`; opaque JSON + vectors per document and model)::

    documents_without_profile(engine, model) -> [ProfileSource]; save_profiles(engine, model, [StoredProfile])
    load_profiles(engine, model) -> [StoredProfile]; document_source(engine, doc_id) -> ProfileSource | None

Stories (articles about one story in any language, grouped at ingest: store/stories.py, story_views.py)::

    page_stories(engine, limit, offset, min_documents=1, lang=None) -> StoryPage(total, items)
    story_detail(engine, "story_…") -> StoryDetail (summary, documents, merged events) | None
    document_story(engine, doc_id) -> "story_…" | None

Writing from elsewhere (an engine that runs the pipeline on other machines and writes here)::

    prior = prior_state(engine, doc)                 # Prior.NEW / CHANGED / UNCHANGED (skip it)
    snap = snapshot_of(doc, options)                 # before any stage runs; then, on a worker:
    done = process_guarded(doc, options)             # ProcessedDocument, or the one-line failure
    with writing(engine) as conn:
        save_processed(conn, snap, done, prior, stats)
"""

from __future__ import annotations

from communique.store.corrections import (
    EVENT_FIELDS,
    PLOVER_TYPES,
    CorrectionError,
    correct_event,
    history,
    merge_actors,
    parse_assignment,
    rename_actor,
    split_report,
)
from communique.store.db import StoreError, resolve_url, translated_errors, writing
from communique.store.geo import MAP_CAP, CountryCounts, country_counts
from communique.store.ingest import (
    IngestStats,
    Prior,
    Progress,
    Report,
    ingest_items,
    ingest_paths,
    prior_state,
    process_guarded,
    reprocess,
    save_processed,
    snapshot_of,
)
from communique.store.migrations import open_store
from communique.store.queries import (
    EventExplanation,
    EventFilter,
    SourceReport,
    change_mark,
    check_period,
    count_events,
    explain_event,
    list_actors,
    matches,
    query_events,
    search_documents,
    timeline,
)
from communique.store.search import Entities, SearchPage, search_page
from communique.store.similarity import (
    ProfileSource,
    StoredProfile,
    document_source,
    documents_without_profile,
    load_profiles,
    save_profiles,
)
from communique.store.story_views import (
    StoryDetail,
    StoryPage,
    StorySummary,
    document_story,
    page_stories,
    story_detail,
)
from communique.store.views import (
    EventPage,
    actor_detail,
    count_pairs,
    document_detail,
    event_detail,
    highlight_segments,
    list_documents,
    network,
    page_actors,
    page_events,
    surviving_actor,
    top_pairs,
)
from communique.store.write import InputSnapshot, ProcessedDocument

__all__ = [
    "StoryDetail",
    "StoryPage",
    "StorySummary",
    "document_story",
    "page_stories",
    "story_detail",
    "save_profiles",
    "load_profiles",
    "documents_without_profile",
    "document_source",
    "StoredProfile",
    "ProfileSource",
    "EVENT_FIELDS",
    "Entities",
    "SearchPage",
    "PLOVER_TYPES",
    "MAP_CAP",
    "CorrectionError",
    "CountryCounts",
    "EventExplanation",
    "EventFilter",
    "EventPage",
    "IngestStats",
    "InputSnapshot",
    "Prior",
    "ProcessedDocument",
    "Progress",
    "Report",
    "SourceReport",
    "StoreError",
    "actor_detail",
    "change_mark",
    "check_period",
    "correct_event",
    "count_events",
    "country_counts",
    "count_pairs",
    "document_detail",
    "event_detail",
    "explain_event",
    "highlight_segments",
    "history",
    "ingest_items",
    "ingest_paths",
    "list_actors",
    "list_documents",
    "matches",
    "merge_actors",
    "network",
    "open_store",
    "page_actors",
    "page_events",
    "parse_assignment",
    "prior_state",
    "process_guarded",
    "query_events",
    "rename_actor",
    "reprocess",
    "save_processed",
    "resolve_url",
    "search_documents",
    "search_page",
    "snapshot_of",
    "split_report",
    "surviving_actor",
    "timeline",
    "top_pairs",
    "translated_errors",
    "writing",
]
