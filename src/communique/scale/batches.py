"""Engine-neutral pieces of scale-out: batching the input and processing one batch on a worker.

A batch is processed where the workers are (a local process, a Dask worker) and returns only small,
picklable results: contract records and warnings, never the annotated Documents, so moving results
back costs little. Everything here is deterministic: the same batch gives the same results anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from communique.document import Document
    from communique.pipeline import Options
    from communique.store.write import InputSnapshot, ProcessedDocument

T = TypeVar("T")


@dataclass(slots=True)
class DocResult:
    """What extraction made of one document: its event records (contract form) and its warnings."""

    doc_id: str
    source: str
    records: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items, in input order (the last one may be shorter)."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_batch(docs: list[Document], options: Options) -> list[DocResult]:
    """Run the whole pipeline on each document and build its records (what `communique extract` prints)."""
    from communique.pipeline import process
    from communique.records import event_record

    results = []
    for doc in docs:
        process(doc, options)
        records = [event_record(doc, ev) for ev in doc.events if ev.confidence >= options.min_confidence]
        results.append(DocResult(doc_id=doc.id, source=doc.source or doc.id, records=records,
                                 warnings=list(doc.warnings)))
    return results


def process_batch_for_store(
    items: list[tuple[InputSnapshot, Document]], options: Options
) -> list[tuple[InputSnapshot, ProcessedDocument | str]]:
    """The store's form of a batch: each snapshot with its processed document, or the failure message.

    A crash in a stage fails only its document (as in `store.ingest`), never the batch.
    """
    from communique.store.ingest import run_pipeline

    out: list[tuple[InputSnapshot, ProcessedDocument | str]] = []
    for snap, doc in items:
        try:
            out.append((snap, run_pipeline(doc, options)))
        except Exception as error:  # one bad document must not lose the other documents of the batch
            out.append((snap, f"{doc.source or doc.id}: the pipeline failed ({type(error).__name__}: {error}); "
                              "not stored"))
    return out
