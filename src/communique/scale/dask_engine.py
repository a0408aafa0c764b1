"""The pipeline on a Dask cluster: documents are read by the client, processed in batches by the
workers, and the results come back in input order (the same records, in the same order, as a local run).

    for record in extract_with_dask(["news.jsonl"], Options(), scheduler="tcp://10.0.0.5:8786"):
        ...
    stats = ingest_with_dask(["news.jsonl"], "postgresql://…/communique", Options())

Without a scheduler address a `LocalCluster` of worker processes (one thread each: the pipeline is
pure Python, so threads would only share the GIL) is started for the call and closed after it.
At most `in_flight` batches are out at a time, so memory stays bounded on inputs of any size.
Each worker loads the pipeline's data once, on its first document (the stages cache it per process).

The store is written from the client only, one transaction per batch: the database needs no access
from the workers, and merging (which depends on the order documents arrive in) sees them in input order.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from communique.document import Document
from communique.errors import InputError
from communique.options import Options
from communique.read import read_inputs
from communique.scale.batches import DocResult, batches, extract_batch, process_batch_for_store
from communique.store import (
    IngestStats,
    InputSnapshot,
    Prior,
    open_store,
    prior_state,
    save_processed,
    snapshot_of,
    writing,
)

ErrorHandler = Callable[["InputError"], None]
WarningHandler = Callable[[str], None]
DEFAULT_BATCH = 200


def _stderr(message: object) -> None:
    print(f"communique: {message}", file=sys.stderr)


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A `distributed.Client` on `scheduler`, or on a LocalCluster of `workers` processes started here."""
    try:
        from distributed import Client, LocalCluster  # lazy: an optional dependency (communique[dask])
    except ModuleNotFoundError:
        raise RuntimeError("the Dask engine needs dask and distributed: pip install 'communique[dask]'") from None
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    n = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=n, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client


def _worker_count(client: Any) -> int:
    info = client.scheduler_info()
    return max(1, len(info.get("workers", {})))


def _ordered_results(client: Any, jobs: Iterable[tuple[Any, Callable[..., Any], tuple[Any, ...]]],
                     in_flight: int) -> Iterator[tuple[Any, Any]]:
    """Submit (tag, function, args) jobs with at most `in_flight` pending; yield (tag, result) in order."""
    pending: deque[tuple[Any, Any]] = deque()
    for tag, func, args in jobs:
        pending.append((tag, client.submit(func, *args, pure=False)))
        if len(pending) >= in_flight:
            first_tag, future = pending.popleft()
            yield first_tag, future.result()
    while pending:
        first_tag, future = pending.popleft()
        yield first_tag, future.result()


def extract_with_dask(
    paths: list[str],
    options: Options,
    scheduler: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    on_error: ErrorHandler | None = None,
    on_warning: WarningHandler | None = None,
    workers: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Event records of every document (the output contract), in the order of a local run.

    Input errors go to `on_error` and document warnings to `on_warning` (both default to stderr),
    at the place in the input where they occur.
    """
    yield from _extract_items(read_inputs(paths, options), options, scheduler, batch_size,
                              on_error or _stderr, on_warning or _stderr, workers)


def _extract_items(items: Iterable[Document | InputError], options: Options, scheduler: str | None,
                   batch_size: int, on_error: ErrorHandler, on_warning: WarningHandler,
                   workers: int | None) -> Iterator[dict[str, Any]]:
    def jobs(client: Any) -> Iterator[tuple[list[Document | InputError], Callable[..., Any], tuple[Any, ...]]]:
        for batch in batches(items, batch_size):
            docs = [d for d in batch if isinstance(d, Document)]
            yield batch, extract_batch, (docs, options)

    with dask_client(scheduler, workers) as client:
        window = 2 * _worker_count(client)
        for batch, results in _ordered_results(client, jobs(client), window):
            done: Iterator[DocResult] = iter(results)
            for item in batch:
                if not isinstance(item, Document):
                    on_error(item)
                    continue
                result = next(done)
                for warning in result.warnings:
                    on_warning(f"{result.source}: {warning}")
                yield from result.records


def ingest_with_dask(
    paths: list[str],
    db_url: str,
    options: Options,
    scheduler: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    report: WarningHandler | None = None,
    workers: int | None = None,
) -> IngestStats:
    """Ingest documents into the store at `db_url`: the pipeline on the cluster, the writes from here.

    Same semantics as `store.ingest.ingest_paths`: documents already stored with the same content are
    skipped before any work is sent out; a changed document replaces its records; a crash in a stage
    fails that document only. Each batch is written in one transaction (all of it or none of it).
    """
    engine = open_store(db_url)
    try:
        return _ingest_items(engine, read_inputs(paths, options), options, scheduler, batch_size,
                             report or _stderr, workers)
    finally:
        engine.dispose()


def _ingest_items(engine: Any, items: Iterable[Document | InputError], options: Options, scheduler: str | None,
                  batch_size: int, report: WarningHandler, workers: int | None) -> IngestStats:
    stats = IngestStats()
    priors: dict[str, Prior] = {}

    def to_process() -> Iterator[tuple[InputSnapshot, Document]]:
        for item in items:
            if not isinstance(item, Document):
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
            priors[item.id] = prior
            yield snapshot_of(item, options), item  # the snapshot is taken before any stage runs

    def jobs(client: Any) -> Iterator[tuple[None, Callable[..., Any], tuple[Any, ...]]]:
        for batch in batches(to_process(), batch_size):
            yield None, process_batch_for_store, (batch, options)

    with dask_client(scheduler, workers) as client:
        window = 2 * _worker_count(client)
        for _, results in _ordered_results(client, jobs(client), window):
            with writing(engine) as conn:
                for snap, done in results:
                    if isinstance(done, str):
                        stats.add_failure(done, report)
                        continue
                    save_processed(conn, snap, done, priors.pop(snap.id, Prior.NEW), stats)
    return stats
