"""Exports of merged events read back with pandas, pyarrow and networkx."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest

from communique.export import actor_network, write_export
from communique.merge import combine

JAISHANKAR = {"id": "local:s-jaishankar", "name": "S. Jaishankar", "kind": "person", "country": "IN", "role": None,
              "mention": "Jaishankar"}
IWAYA = {"id": "local:takeshi-iwaya", "name": "Takeshi Iwaya", "kind": "person", "country": "JP", "role": None,
         "mention": "Iwaya"}
WANG = {"id": "local:wang-yi", "name": "Wang Yi", "kind": "person", "country": "CN", "role": None, "mention": "王毅"}


def record(event_id: str, doc: str, lang: str, actors: list[dict[str, Any]], type_: str = "CONSULT") -> dict[str, Any]:
    return {"id": event_id, "type": type_, "mode": "meet", "label": "talks & <consultations>", "status": "occurred",
            "background": False, "date": {"start": "2025-03-08", "end": None, "precision": "day"},
            "location": {"name": "New Delhi", "country": "IN", "evidence": "New Delhi"}, "actors": actors,
            "topics": ["defense", "clean_energy"], "agreements": [{"kind": "memorandum_of_understanding", "count": 2,
                                                                   "subject": "energy"}],
            "sources": [{"doc": doc, "lang": lang, "evidence": [{"field": "trigger", "start": 3, "end": 8,
                                                                 "text": "talks"}]}], "confidence": 0.5}


@pytest.fixture
def merged() -> list[dict[str, Any]]:
    meeting = combine([record("e1", "en.txt", "en", [JAISHANKAR, IWAYA]),
                       record("e2", "de.txt", "de", [IWAYA, JAISHANKAR])], "e1")
    return [meeting, combine([record("e3", "zh.txt", "zh", [JAISHANKAR, WANG, IWAYA], "AGREE")], "e3")]


def test_jsonl_is_the_contract_form(merged: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    from communique.export import write_jsonl

    write_jsonl(merged, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0]["id"] == "e1" and [s["doc"] for s in lines[0]["sources"]] == ["en.txt", "de.txt"]
    assert lines[1]["actors"][1]["mention"] == "王毅"


def test_csv_and_parquet_open_in_pandas_and_pyarrow(merged: list[dict[str, Any]], tmp_path: Path) -> None:
    write_export(merged, "csv", str(tmp_path / "e.csv"))
    frame = pd.read_csv(tmp_path / "e.csv")
    assert list(frame["id"]) == ["e1", "e3"]
    assert frame.loc[0, "docs"] == "en.txt;de.txt" and frame.loc[0, "n_sources"] == 2
    assert frame.loc[0, "confidence"] == 0.75 and frame.loc[1, "actor_names"] == "S. Jaishankar;Wang Yi;Takeshi Iwaya"
    assert json.loads(frame.loc[0, "sources_json"])[1]["lang"] == "de"
    write_export(merged, "parquet", str(tmp_path / "e.parquet"))
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 2 and table.column("type").to_pylist() == ["CONSULT", "AGREE"]
    assert pd.read_parquet(tmp_path / "e.parquet").loc[1, "langs"] == "zh"


def test_actor_network_weights_edges_by_shared_events(merged: list[dict[str, Any]]) -> None:
    nodes, edges = actor_network(merged)
    assert [(n["id"], n["events"]) for n in nodes] == [("local:s-jaishankar", 2), ("local:takeshi-iwaya", 2),
                                                       ("local:wang-yi", 1)]
    weights = {(e["source"], e["target"]): (e["weight"], e["types"]) for e in edges}
    assert weights[("local:s-jaishankar", "local:takeshi-iwaya")] == (2, "AGREE:1;CONSULT:1")
    assert weights[("local:takeshi-iwaya", "local:wang-yi")] == (1, "AGREE:1")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_open_in_networkx(merged: list[dict[str, Any]], tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"actors.{fmt}"
    write_export(merged, fmt, str(path))
    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert graph.number_of_nodes() == 3 and graph.number_of_edges() == 3
    assert graph["local:s-jaishankar"]["local:takeshi-iwaya"]["weight"] == 2
    label = "name" if fmt == "graphml" else "label"
    assert graph.nodes["local:wang-yi"][label] == "Wang Yi"
    assert graph.nodes["local:wang-yi"]["country"] == "CN"


def test_export_command_writes_every_format_from_the_store(tmp_path: Path) -> None:
    from communique.store import open_store
    from communique.store.db import writing
    from communique.store.write import InputSnapshot, ProcessedDocument, write_document

    db = str(tmp_path / "s.db")
    engine = open_store(db)
    with writing(engine) as conn:
        reports = [record("e1", "en.txt", "en", [JAISHANKAR, IWAYA]), record("e2", "de.txt", "de", [IWAYA, JAISHANKAR])]
        for rec in reports:
            doc = rec["sources"][0]["doc"]
            write_document(conn, InputSnapshot(doc, f"raw {doc}"), ProcessedDocument("text", rec["sources"][0]["lang"],
                                                                                    "2025-03-09", {}, [rec]), "t")
    cmd = [sys.executable, "-m", "communique.cli", "export", "--db", db]
    jsonl = subprocess.run([*cmd, "--format", "jsonl"], capture_output=True, text=True, check=True).stdout
    assert [len(json.loads(line)["sources"]) for line in jsonl.splitlines()] == [2]
    for fmt in ("csv", "parquet", "graphml", "gexf"):
        out = tmp_path / f"out.{fmt}"
        done = subprocess.run([*cmd, "--format", fmt, "--output", str(out), "--pair", "IN,JP"], capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 100
    assert nx.read_gexf(tmp_path / "out.gexf").number_of_edges() == 1
    assert pd.read_parquet(tmp_path / "out.parquet").loc[0, "docs"] == "en.txt;de.txt"
    empty = subprocess.run([*cmd, "--format", "csv", "--pair", "VN,RU"], capture_output=True, text=True, check=True)
    assert empty.stdout.splitlines()[0].startswith("id,type,mode")
