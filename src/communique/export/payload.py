"""An export as bytes in memory (for the API and the web app): the same writers as `communique export`."""

from __future__ import annotations

import io
import os
import tempfile
from typing import Any, TextIO

from communique.export.network import actor_network, write_gexf, write_graphml
from communique.export.tabular import write_csv, write_jsonl, write_parquet

MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
               "parquet": "application/vnd.apache.parquet", "graphml": "application/graphml+xml",
               "gexf": "application/gexf+xml"}


def export_bytes(records: list[dict[str, Any]], fmt: str) -> bytes:
    """`records` written in `fmt` (one of MEDIA_TYPES), as `write_export` writes them to a file."""
    if fmt not in MEDIA_TYPES:
        raise ValueError(f"format {fmt!r}: expected one of {', '.join(MEDIA_TYPES)}")
    if fmt == "parquet":  # pyarrow writes to a file: a private temporary one
        handle, path = tempfile.mkstemp(suffix=".parquet")
        os.close(handle)
        try:
            write_parquet(records, path)
            with open(path, "rb") as fh:
                return fh.read()
        finally:
            os.unlink(path)
    stream = io.StringIO(newline="")
    write_text_format(records, fmt, stream)
    return stream.getvalue().encode("utf-8")


def write_text_format(records: list[dict[str, Any]], fmt: str, stream: TextIO) -> None:
    """`records` in one of the text formats (jsonl, csv, graphml, gexf) to an open text stream."""
    if fmt == "jsonl":
        write_jsonl(records, stream)
    elif fmt == "csv":
        write_csv(records, stream)
    else:
        nodes, edges = actor_network(records)
        (write_graphml if fmt == "graphml" else write_gexf)(nodes, edges, stream)
