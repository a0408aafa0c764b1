"""Document identity by content, near-duplicates, and an analyst's split of a wrong merge."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from store_helpers import IWAYA, JAISHANKAR, record, scripted_document, scripted_pipeline

from communique.document import Document
from communique.options import Options
from communique.store import (
    event_detail,
    ingest_items,
    ingest_paths,
    open_store,
    query_events,
    reprocess,
    split_report,
)
from communique.store.schema import doc_aliases, documents, events

SEEDS = Path("/work/shared/corpus/seeds")
OPTIONS = Options()


def _ingest(engine: Engine, docs: list[Any]) -> Any:
    problems: list[str] = []
    stats = ingest_items(engine, docs, OPTIONS, problems.append)
    assert problems == []
    return stats


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared corpus is not on this machine")
def test_seeds_ingested_again_under_other_paths_add_no_document(tmp_path: Path) -> None:
    """The real pipeline on the five seeds; then the same files under other paths (the corpus folder holds
    them again) and one seed as a JSONL line with another id: nothing is stored twice."""
    engine = open_store(str(tmp_path / "s.db"))
    problems: list[str] = []
    first = ingest_paths(engine, [str(SEEDS)], OPTIONS, problems.append)
    assert (first.new, first.already) == (5, 0)
    other_path = tmp_path / "corpus" / "seeds"
    other_path.mkdir(parents=True)
    for seed in sorted(SEEDS.iterdir()):
        (other_path / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    one = sorted(SEEDS.iterdir())[0].read_text(encoding="utf-8")
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text(json.dumps({"id": "https://example.org/wire/1", "text": "  " + one + "\n"}) + "\n",
                     encoding="utf-8")
    events_before = len(query_events(engine))
    again = ingest_paths(engine, [str(tmp_path / "corpus"), str(jsonl)], OPTIONS, problems.append)
    assert problems == []
    assert (again.new, again.already, again.events) == (0, 6, 0)
    assert "6 already stored" in again.summary()
    with engine.connect() as conn:
        stored = set(conn.execute(select(documents.c.id)).scalars())
        aliases = dict(conn.execute(select(doc_aliases.c.alias, doc_aliases.c.doc_id)).all())
    assert len(stored) == 5 and len(aliases) == 6 and set(aliases.values()) == stored
    first_seed = next(v for k, v in aliases.items() if k.endswith("000_df74262ac88120d2.txt"))
    assert aliases["https://example.org/wire/1"] == first_seed
    merged = query_events(engine)
    assert len(merged) == events_before
    for event in merged:
        docs = [s["doc"] for s in event["sources"]]
        assert len(docs) == len(set(docs)), f"{event['id']} lists an article twice: {docs}"


def _seed_story() -> tuple[str, str]:
    """A real wire story (seed 000) and its re-post: a new headline, the last paragraph cut."""
    text = (SEEDS / "000_df74262ac88120d2.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    repost = "Vietnam's envoy brings To Lam's message to the Kremlin\n\n" + "\n\n".join(paragraphs[1:-1])
    return text, repost


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared corpus is not on this machine")
def test_reposted_wire_story_is_linked_as_near_duplicate_and_not_counted_twice(
        store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("communique.store.ingest.run_pipeline", _body_pipeline)
    original, repost = _seed_story()
    other = (SEEDS / "002_993853eb23dc90a7.txt").read_text(encoding="utf-8")
    engine = open_store(store_url)
    # Undated reports of the same meeting: merging them needs strong evidence; a near-duplicate is.
    event = {"date": None, "location": (None, "RU")}
    _ingest(engine, [_body_document("wire", original, event), _body_document("repost", repost, event),
                     _body_document("other", other, event, actors=[JAISHANKAR, IWAYA])])
    with engine.connect() as conn:
        rows = {r.id: (r.story, r.story_score) for r in conn.execute(select(documents.c.id, documents.c.story,
                                                                            documents.c.story_score))}
    assert rows["wire"] == (None, None)
    assert rows["repost"][0] == "wire" and rows["repost"][1] >= 0.9
    assert rows["other"] == (None, None)
    merged = query_events(engine)
    assert len(merged) == 2  # the re-post's report joined the wire story's event: counted once
    joined = next(e for e in merged if len(e["sources"]) == 2)
    assert [s["doc"] for s in joined["sources"]] == ["wire", "repost"]


def _body_document(doc_id: str, body: str, event: dict[str, Any], actors: list[Any] | None = None) -> Document:
    from store_helpers import PUTIN, TRUNG

    rec = record(f"evt_{doc_id}", doc_id, "ru", actors or [TRUNG, PUTIN], date=event["date"],
                 location=event["location"])
    start = body.find("встретился")
    rec["sources"][0]["evidence"] = [{"field": "trigger", "start": max(start, 0), "end": max(start, 0) + 10,
                                      "text": body[max(start, 0):max(start, 0) + 10]}]
    _CARRIED[doc_id] = [rec]
    return Document(id=doc_id, raw_text=body, source=doc_id, date=None)


_CARRIED: dict[str, list[dict[str, Any]]] = {}  # the records each test document "contains"


def _body_pipeline(doc: Document, options: Any) -> Any:
    """The document's real text as the cleaned text; the records it carries as its events."""
    from communique.store.write import ProcessedDocument

    return ProcessedDocument(text=doc.raw_text, lang="ru", date=doc.date, record={"id": doc.id},
                             events=_CARRIED[doc.id])


def test_an_analysts_split_keeps_reports_apart_after_reprocessing(store_url: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("communique.store.ingest.run_pipeline", scripted_pipeline)
    engine = open_store(store_url)
    _ingest(engine, [
        scripted_document("d-en", "en", "Jaishankar held talks with Iwaya in New Delhi.",
                          [record("evt_en", "d-en", "en", [JAISHANKAR, IWAYA])]),
        scripted_document("d-fr", "fr", "Jaishankar s'est entretenu avec Iwaya à New Delhi.",
                          [record("evt_fr", "d-fr", "fr", [JAISHANKAR, IWAYA])]),
    ])
    assert [len(e["sources"]) for e in query_events(engine)] == [2]
    shown = event_detail(engine, "evt_en")
    assert shown is not None
    second = shown["sources"][1]
    assert second["report"] == "evt_fr" and second["merge"].startswith("merged: score ")
    assert "sentence similarity" in second["merge"] and second["merge_reason"]["agreed"]["text"]["sentence"] >= 0.86
    left, now = split_report(engine, "evt_fr", by="analyst", note="two different meetings")
    assert (left, now) == ("evt_en", "evt_fr")
    assert sorted(e["id"] for e in query_events(engine)) == ["evt_en", "evt_fr"]
    problems: list[str] = []
    reprocess(engine, problems.append)
    assert problems == []
    assert sorted((e["id"], len(e["sources"])) for e in query_events(engine)) == [("evt_en", 1), ("evt_fr", 1)]
    with engine.connect() as conn:
        reason = json.loads(conn.execute(select(events.c.merge_reason).where(events.c.id == "evt_fr")).scalar())
    assert reason["action"] == "new" and "evt_en" in reason["split"]
