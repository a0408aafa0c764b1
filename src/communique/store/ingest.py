"""Incremental, idempotent ingestion: inputs -> pipeline -> store, one transaction per document.

A document already stored with the same content hash (id + raw text) is skipped before the pipeline
runs; a changed one replaces its records. The same text under another id (another path, URL or JSONL
id: the normalised-text hash of store/identity.py) is the same document: it is not stored again, its
id is kept as an alias, and the summary counts it as "already stored". Each document is written with
its events and their merge assignment in one transaction, so a run killed at any point leaves a
consistent store and the next run simply carries on (what was committed is skipped, the rest is done).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import TypeVar

from sqlalchemy import Connection, Engine, select

from communique import __version__
from communique.document import Document
from communique.errors import InputError
from communique.options import Options
from communique.pipeline import Failed, guarded, process
from communique.read import read_inputs
from communique.records import document_record, event_records
from communique.similarity import article_of
from communique.store.db import writing
from communique.store.identity import remember_alias, stored_under
from communique.store.schema import documents
from communique.store.write import InputSnapshot, ProcessedDocument, content_hash, stored_hash, write_document

Report = Callable[[str], None]
# Called once per input item when it is done: the CLI draws a progress bar with it, the store draws nothing.
Progress = Callable[[], None]
T = TypeVar("T")


@dataclass(slots=True)
class IngestStats:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    already: int = 0  # the same text stored under another id
    failed: int = 0
    input_errors: int = 0
    events: int = 0
    problems: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)  # stored documents whose date (with its year) is unknown

    def add_failure(self, message: str, report: Report) -> None:
        """A document the pipeline failed on: counted, its message kept and reported; it is not stored."""
        self.failed += 1
        self.problems.append(message)
        report(message)

    def count_date(self, doc_id: str, date: str | None) -> None:
        if not date or not date[:4].isdigit():  # none, or a dateline's day and month without a year
            self.undated.append(doc_id)

    def undated_summary(self, shown: int = 5) -> str | None:
        """How many stored documents stayed without a date, which, and how to give them one; None if all dated."""
        if not self.undated:
            return None
        names = ", ".join(self.undated[:shown]) + (f", … ({len(self.undated) - shown} more)"
                                                   if len(self.undated) > shown else "")
        return (f"{len(self.undated)} document(s) stayed undated ({names}): their events get no year. "
                "Give the date with --doc-date YYYY-MM-DD, a \"date\" field in JSONL, "
                "or a first line 'date YYYY-MM-DD'")

    def summary(self) -> str:
        return (f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged document(s); "
                + (f"{self.already} already stored (the same text under another id); " if self.already else "")
                + f"{self.events} event(s) stored" + (f"; {self.failed} failed" if self.failed else "")
                + (f"; {self.input_errors} input error(s)" if self.input_errors else ""))


def snapshot_of(doc: Document, options: Options) -> InputSnapshot:
    """The document as read, before any stage touches it."""
    return InputSnapshot(id=doc.id, raw_text=doc.raw_text, source=doc.source, title=doc.title, url=doc.url,
                         date=doc.date, lang_hint=doc.lang_hint, opt_doc_date=options.doc_date,
                         opt_lang=options.lang)


def run_pipeline(doc: Document, options: Options) -> ProcessedDocument:
    """The public pipeline, then the contract records: the store never looks inside a stage."""
    process(doc, options)
    return ProcessedDocument(text=doc.text, lang=doc.lang, date=doc.date, record=document_record(doc),
                             events=event_records(doc, options), article=article_of(doc))


def process_guarded(doc: Document, options: Options) -> ProcessedDocument | str:
    """`run_pipeline` under the per-document crash guard: the result, or the one-line report of the crash."""
    done = guarded(lambda: run_pipeline(doc, options))
    if isinstance(done, Failed):
        return f"{doc.source or doc.id}: the pipeline failed ({done.reason}); not stored"
    return done


def ingest_paths(engine: Engine, paths: list[str], options: Options, report: Report,
                 progress: Progress | None = None) -> IngestStats:
    """Ingest files, folders and JSONL files (read as `communique extract` reads them)."""
    return ingest_items(engine, read_inputs(paths, options), options, report, progress)


def ingest_items(engine: Engine, items: Iterable[Document | InputError], options: Options, report: Report,
                 progress: Progress | None = None) -> IngestStats:
    """Ingest documents (input errors are reported and counted, never stop the run)."""
    stats = IngestStats()
    for item in _counted(items, progress):
        if isinstance(item, InputError):
            stats.input_errors += 1
            report(str(item))
            continue
        prior = prior_state(engine, item)
        if prior is Prior.UNCHANGED:
            stats.unchanged += 1
            continue
        if prior is Prior.ALREADY:
            stats.already += 1
            continue
        snap = snapshot_of(item, options)
        done = _process_or_report(item, options, stats, report)
        if done is None:
            continue
        with writing(engine) as conn:
            save_processed(conn, snap, done, prior, stats)
    return stats


class Prior(Enum):
    """What the store holds of a document before it is ingested."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    ALREADY = "already"  # the same text is stored under another id


def prior_state(engine: Engine, doc: Document) -> Prior:
    """Whether the store holds this document: not at all, with other content, exactly as it is now, or
    (the same text) under another id, which is then remembered as an alias of the stored one."""
    with engine.connect() as conn:
        old = stored_hash(conn, doc.id)
        same_text = stored_under(conn, doc.raw_text, doc.id) if old is None else None
    if same_text is not None:
        with writing(engine) as conn:
            remember_alias(conn, doc.id, same_text)
        return Prior.ALREADY
    if old is None:
        return Prior.NEW
    return Prior.UNCHANGED if old == content_hash(doc.id, doc.raw_text) else Prior.CHANGED


def save_processed(conn: Connection, snap: InputSnapshot, done: ProcessedDocument, prior: Prior,
                   stats: IngestStats) -> None:
    """Write one processed document in the caller's transaction and count it, unless another process
    stored the same content meanwhile."""
    if stored_hash(conn, snap.id) == content_hash(snap.id, snap.raw_text):
        stats.unchanged += 1  # written meanwhile by another process
        return
    if prior is Prior.NEW and stored_under(conn, snap.raw_text, snap.id) is not None:
        stats.already += 1  # the same text, stored meanwhile under another id
        return
    stats.events += write_document(conn, snap, done, __version__)
    stats.count_date(snap.id, done.date)
    if prior is Prior.NEW:
        stats.new += 1
    else:
        stats.changed += 1


def reprocess(engine: Engine, report: Report, doc_ids: list[str] | None = None,
              progress: Progress | None = None) -> IngestStats:
    """Run the (upgraded) pipeline again on stored documents, in ingest order; corrections are untouched."""
    stats = IngestStats()
    for snap in _counted(_stored_snapshots(engine, doc_ids), progress):
        options = Options(doc_date=snap.opt_doc_date, lang=snap.opt_lang)
        doc = Document(id=snap.id, raw_text=snap.raw_text, source=snap.source, title=snap.title, url=snap.url,
                       date=snap.date, lang_hint=snap.lang_hint)
        done = _process_or_report(doc, options, stats, report)
        if done is None:
            continue
        with writing(engine) as conn:
            stats.events += write_document(conn, snap, done, __version__)
        stats.count_date(snap.id, done.date)
        stats.changed += 1
    return stats


def _stored_snapshots(engine: Engine, doc_ids: list[str] | None) -> Iterator[InputSnapshot]:
    """Stored documents one at a time (ids first, so a long reprocess holds no read transaction)."""
    query = select(documents.c.id).order_by(documents.c.seq)
    if doc_ids:
        query = query.where(documents.c.id.in_(doc_ids))
    with engine.connect() as conn:
        ids = list(conn.execute(query).scalars())
    cols = documents.c
    for doc_id in ids:
        with engine.connect() as conn:
            row = conn.execute(select(cols.id, cols.raw_text, cols.source, cols.title, cols.url, cols.input_date,
                                      cols.lang_hint, cols.opt_doc_date, cols.opt_lang)
                               .where(cols.id == doc_id)).first()
        if row is not None:
            yield InputSnapshot(id=row.id, raw_text=row.raw_text, source=row.source or "", title=row.title,
                                url=row.url, date=row.input_date, lang_hint=row.lang_hint,
                                opt_doc_date=row.opt_doc_date, opt_lang=row.opt_lang)


def _process_or_report(doc: Document, options: Options, stats: IngestStats, report: Report) -> ProcessedDocument | None:
    """Run the pipeline; a crash in a stage is reported and the document left for the next run."""
    done = process_guarded(doc, options)
    if isinstance(done, str):
        stats.add_failure(done, report)
        return None
    return done


def _counted(items: Iterable[T], progress: Progress | None) -> Iterator[T]:
    """The items; `progress()` is called after each one is done (stored, skipped or reported)."""
    for item in items:
        yield item
        if progress is not None:
            progress()
