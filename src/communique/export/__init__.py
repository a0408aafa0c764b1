"""Exports of merged events: jsonl (the contract form), csv and parquet (one row per event, flat
columns), graphml and gexf (the actor network for Gephi/networkx: actors as nodes, an edge between
two actors of one event, weighted by the number of events they share).

    write_export(records, fmt, output)   # output: a path, or None for standard output (not parquet)
    export_bytes(records, fmt)           # the same, in memory (the API's /api/export)
"""

from __future__ import annotations

import sys
from typing import Any

from communique.export.network import actor_network, write_gexf, write_graphml
from communique.export.payload import MEDIA_TYPES, export_bytes, write_text_format
from communique.export.tabular import FLAT_COLUMNS, flat_row, write_csv, write_jsonl, write_parquet

FORMATS = ("jsonl", "csv", "parquet", "graphml", "gexf")
BINARY_FORMATS = ("parquet",)


class ExportError(Exception):
    pass


def write_export(records: list[dict[str, Any]], fmt: str, output: str | None) -> None:
    """Write records in `fmt` to the file `output` (or standard output)."""
    if fmt not in FORMATS:
        raise ExportError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if fmt in BINARY_FORMATS:
        if not output:
            raise ExportError(f"--format {fmt} needs --output FILE")
        write_parquet(records, output)
        return
    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    try:
        write_text_format(records, fmt, stream)
    finally:
        if output:
            stream.close()


__all__ = ["FLAT_COLUMNS", "FORMATS", "MEDIA_TYPES", "ExportError", "actor_network", "export_bytes", "flat_row",
           "write_csv", "write_export",
           "write_gexf", "write_graphml", "write_jsonl", "write_parquet"]
