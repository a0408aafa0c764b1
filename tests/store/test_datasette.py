"""The store opens in datasette as a plain database, with the canned queries of docs/datasette/metadata.yml
(datasette's in-process client: no server, no network)."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from communique.store import EventFilter, count_events, open_store, page_events, top_pairs

METADATA = Path(__file__).resolve().parents[2] / "docs" / "datasette" / "metadata.yml"


@pytest.fixture(scope="module")
def store(web_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test store under the name the metadata describes (datasette names a database after its file)."""
    target = tmp_path_factory.mktemp("datasette") / "communique.db"
    shutil.copyfile(web_store, target)
    wal = web_store.with_name(web_store.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    return target


def fetch(store: Path, *paths: str) -> list[Any]:
    datasette = pytest.importorskip("datasette.app")

    async def run() -> list[Any]:
        ds = datasette.Datasette([str(store)], metadata=yaml.safe_load(METADATA.read_text()))
        await ds.invoke_startup()
        answers = []
        for path in paths:
            response = await ds.client.get(path)
            assert response.status_code == 200, (path, response.text[:300])
            answers.append(response.json())
        return answers

    return asyncio.run(run())


def test_datasette_serves_the_store_and_its_canned_queries(store: Path) -> None:
    tables, pairs, pair_events, evidence = fetch(
        store, "/communique.json", "/communique/busiest_pairs.json?_shape=array",
        "/communique/pair_events.json?_shape=array&a=ru&b=vn",
        "/communique/evidence_of_event.json?_shape=array&event_id=")
    names = {t["name"] for t in tables["tables"]}
    assert {"merged_events", "events", "documents", "corrections", "pair_counts"} <= names
    queries = {q["name"] for q in tables["queries"]}
    assert {"pair_events", "pair_quad_months", "actor_events", "undated_documents", "search_documents"} <= queries
    engine = open_store(str(store))
    assert [(r["pair"], r["events"]) for r in pairs[:3]] == [(p["pair"], p["events"]) for p in top_pairs(engine, 3)]
    assert pairs[0] == {"pair": "RU,VN", "events": 21}
    expected = page_events(engine, EventFilter(pair=("RU", "VN")), "-date", 500).items
    assert sorted(r["id"] for r in pair_events) == sorted(e["id"] for e in expected)
    assert len(pair_events) == count_events(engine, EventFilter(pair=("RU", "VN"))) == 21
    assert evidence == []
    engine.dispose()


def test_canned_queries_answer_with_the_store_values(store: Path) -> None:
    engine = open_store(str(store))
    event = page_events(engine, EventFilter(pair=("RU", "VN")), "-date", 1).items[0]
    actor = next(a["id"] for a in event["actors"] if a["id"] == "Q7747" or a["kind"] == "person")
    months, evidence, actor_rows = fetch(
        store, "/communique/pair_quad_months.json?_shape=array&a=RU&b=VN",
        f"/communique/evidence_of_event.json?_shape=array&event_id={event['id']}",
        f"/communique/actor_events.json?_shape=array&actor_id={actor}")
    dated = [e for e in page_events(engine, EventFilter(pair=("RU", "VN")), "-date", 500).items if e["date"]["start"]]
    cooperation = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE")
    assert sum(m["verbal_cooperation"] for m in months) == sum(e["type"] in cooperation for e in dated) == 21
    assert sum(m["material_conflict"] for m in months) == 0  # the pair's one ASSAULT is undated
    assert {m["month"] for m in months} >= {"2024-01"}
    spans = sorted((e["doc"], e["field"], e["text"]) for e in evidence)
    assert spans == sorted((s["doc"], ev["field"], ev["text"]) for s in event["sources"] for ev in s["evidence"])
    assert event["id"] in {r["id"] for r in actor_rows}
    assert len(actor_rows) == count_events(engine, EventFilter(actor_id=actor))
    engine.dispose()
