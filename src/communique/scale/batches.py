"""Engine-neutral pieces of scale-out: batching the input and processing one batch on a worker.

A batch is processed where the workers are (a local process, a Dask worker) and returns only small,
picklable results: contract records and warnings, never the annotated Documents, so moving results
back costs little. Everything here is deterministic: the same batch gives the same results anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from communique.document import Document
from communique.options import Options
from communique.pipeline import process
from communique.records import event_records
from communique.store import InputSnapshot, ProcessedDocument, process_guarded

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
    results = []
    for doc in docs:
        process(doc, options)
        results.append(DocResult(doc_id=doc.id, source=doc.source or doc.id, records=event_records(doc, options),
                                 warnings=list(doc.warnings)))
    return results


def process_batch_for_store(
    items: list[tuple[InputSnapshot, Document]], options: Options
) -> list[tuple[InputSnapshot, ProcessedDocument | str]]:
    """The store's form of a batch: each snapshot with its processed document, or the failure message.

    A crash in a stage fails only its document (as in `store.ingest`), never the batch.
    """
    return [(snap, process_guarded(doc, options)) for snap, doc in items]
