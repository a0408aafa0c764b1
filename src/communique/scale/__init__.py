"""Scale-out: running the pipeline over many documents, on local processes or a Dask cluster.

    batches(items, size)                                  -> lists of documents/input errors, input order
    extract_batch(docs, options)                          -> per-document results (records + warnings)
    extract_with_dask(paths, options, scheduler=None)     -> event records, same order as a local run
    ingest_with_dask(paths, db_url, options, scheduler=None) -> IngestStats (the store, written from the client)

Local processes are `communique.pipeline.process_parallel` (`communique extract --jobs N`). The Dask
engine imports dask/distributed only when called: install them with `pip install 'communique[dask]'`.
"""

from communique.scale.batches import DocResult, batches, extract_batch, process_batch_for_store

__all__ = ["DocResult", "batches", "extract_batch", "process_batch_for_store"]
