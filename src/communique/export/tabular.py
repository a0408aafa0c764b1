"""Events as JSON lines (the contract form) or as flat rows (csv, parquet)."""

from __future__ import annotations

import csv
import json
from typing import IO, Any

# (column, type) of the flat form; nested fields are also kept whole as JSON text.
FLAT_COLUMNS: list[tuple[str, str]] = [
    ("id", "string"), ("type", "string"), ("mode", "string"), ("label", "string"), ("status", "string"),
    ("background", "bool"), ("date_start", "string"), ("date_end", "string"), ("date_precision", "string"),
    ("location_name", "string"), ("location_country", "string"), ("actor_ids", "string"),
    ("actor_names", "string"), ("actor_countries", "string"), ("topics", "string"), ("n_sources", "int"),
    ("docs", "string"), ("langs", "string"), ("confidence", "float"), ("rejected", "bool"),
    ("actors_json", "string"), ("agreements_json", "string"), ("sources_json", "string"),
]
SEP = ";"


def write_jsonl(records: list[dict[str, Any]], stream: IO[str]) -> None:
    for rec in records:
        stream.write(json.dumps(rec, ensure_ascii=False) + "\n")


def flat_row(rec: dict[str, Any]) -> dict[str, Any]:
    """One event as flat columns; lists joined with ';' and kept whole as JSON."""
    date = rec.get("date") or {}
    loc = rec.get("location") or {}
    actors = rec.get("actors") or []
    sources = rec.get("sources") or []
    return {
        "id": rec.get("id"), "type": rec.get("type"), "mode": rec.get("mode"), "label": rec.get("label"),
        "status": rec.get("status"), "background": bool(rec.get("background")),
        "date_start": date.get("start"), "date_end": date.get("end"), "date_precision": date.get("precision"),
        "location_name": loc.get("name"), "location_country": loc.get("country"),
        "actor_ids": SEP.join(str(a.get("id")) for a in actors),
        "actor_names": SEP.join(str(a.get("name")) for a in actors),
        "actor_countries": SEP.join(sorted({str(a["country"]) for a in actors if a.get("country")})),
        "topics": SEP.join(rec.get("topics") or []), "n_sources": len(sources),
        "docs": SEP.join(str(s.get("doc")) for s in sources),
        "langs": SEP.join(sorted({str(s.get("lang")) for s in sources if s.get("lang")})),
        "confidence": float(rec.get("confidence") or 0.0), "rejected": bool(rec.get("rejected")),
        "actors_json": json.dumps(actors, ensure_ascii=False),
        "agreements_json": json.dumps(rec.get("agreements") or [], ensure_ascii=False),
        "sources_json": json.dumps(sources, ensure_ascii=False),
    }


def write_csv(records: list[dict[str, Any]], stream: IO[str]) -> None:
    writer = csv.DictWriter(stream, fieldnames=[name for name, _ in FLAT_COLUMNS], lineterminator="\n")
    writer.writeheader()
    for rec in records:
        writer.writerow(flat_row(rec))


def write_parquet(records: list[dict[str, Any]], path: str) -> None:
    # lazy: pyarrow (0.27 s measured) is for parquet only; jsonl and csv exports do without it
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "bool": pa.bool_(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(name, types[kind]) for name, kind in FLAT_COLUMNS])
    rows = [flat_row(rec) for rec in records]
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path)
