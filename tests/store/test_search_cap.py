"""Search on a store too big to count every match (issue 19, search under 300 ms at a million events): up to
MAX_MATCHES per source the answer is exact; past it, the most recently stored matches, and the page says the
total is a lower bound. Checked on a generated store on both backends, with the cap set small."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from benchmarks.generate import generate_store
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from communique.app import Settings, create_app
from communique.store import Entities, open_store, search_page
from communique.store import search as search_module


@pytest.fixture
def generated(store_url: str) -> Engine:
    engine = open_store(store_url)
    generate_store(engine, 120, seed=11, batch=50)
    return engine


def _documents_by_seq(engine: Engine) -> list[tuple[str, str]]:
    """(id, title) of every document, most recently stored first."""
    with engine.connect() as conn:
        return [(r[0], r[1]) for r in conn.execute(text("SELECT id, title FROM documents ORDER BY seq DESC"))]


def _busiest_person(engine: Engine) -> tuple[str, str]:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT actor_id, min(name) FROM event_actor WHERE kind = 'person' "
                                "GROUP BY actor_id ORDER BY count(*) DESC, actor_id LIMIT 1")).one()
    return row[0], row[1]


def test_under_the_cap_every_match_is_counted(generated: Engine) -> None:
    word = "consultations"  # the label of every CONSULT document's title
    expected = {doc_id for doc_id, title in _documents_by_seq(generated) if re.search(rf"\b{word}\b", title)}
    assert len(expected) > 20
    page = search_page(generated, word, limit=500)
    assert page.total_exact and page.total == len(expected)
    assert {item["id"] for item in page.items} == expected
    assert sum(page.facets["lang"].values()) == page.total == page.facets["match"]["words"]
    if generated.dialect.name == "sqlite":  # the matching words marked in the page's snippets
        assert all(f"[{word}]" in item["snippet"] for item in page.items)


def test_past_the_cap_the_newest_matches_and_a_lower_bound(generated: Engine,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    word = "consultations"
    newest = [doc_id for doc_id, title in _documents_by_seq(generated) if re.search(rf"\b{word}\b", title)][:10]
    monkeypatch.setattr(search_module, "MAX_MATCHES", 10)
    page = search_page(generated, word, limit=500)
    assert not page.total_exact and page.total == 10
    assert {item["id"] for item in page.items} == set(newest)
    assert page.as_dict()["total_exact"] is False
    dates = [item["date"] for item in page.items if item["date"]]
    assert dates == sorted(dates, reverse=True)  # the kept matches are still shown newest first


def test_an_entity_past_the_cap_is_cut_at_its_newest_event_rows(generated: Engine,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    actor_id, _ = _busiest_person(generated)
    with generated.connect() as conn:
        all_docs = set(conn.execute(text("SELECT DISTINCT e.doc_id FROM event_actor ea JOIN events e "
                                         "ON e.id = ea.event_id WHERE ea.actor_id = :a"), {"a": actor_id}).scalars())
    assert len(all_docs) > 4
    entity = Entities(ids=(actor_id,))
    exact = search_page(generated, "zzqxv", entity, limit=500)
    assert exact.total_exact and {item["id"] for item in exact.items} == all_docs
    assert exact.facets["match"] == {"entity": len(all_docs)}
    monkeypatch.setattr(search_module, "MAX_MATCHES", 3)
    cut = search_page(generated, "zzqxv", entity, limit=500)
    assert not cut.total_exact and 1 <= cut.total <= 3
    assert {item["id"] for item in cut.items} < all_docs


def test_the_page_and_the_api_say_the_total_is_a_lower_bound(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "generated.db"
    generate_store(open_store(f"sqlite:///{db}"), 120, seed=11, batch=50)
    client = TestClient(create_app(Settings(db=str(db))), client=("127.0.0.1", 50000), base_url="http://localhost")
    exact = client.get("/api/search", params={"q": "consultations"}).json()
    assert exact["total_exact"] is True and exact["total"] > 20
    page = client.get("/search", params={"q": "consultations"}, headers={"Accept": "text/html"}).text
    assert f"{exact['total']} document(s)" in page and 'id="search-cut"' not in page
    monkeypatch.setattr(search_module, "MAX_MATCHES", 10)
    cut = client.get("/api/search", params={"q": "consultations", "limit": 5}).json()
    assert cut["total_exact"] is False and cut["total"] == 10 and len(cut["items"]) == 5
    page = client.get("/search", params={"q": "consultations"}, headers={"Accept": "text/html"}).text
    assert "10+ document(s)" in page and 'id="search-cut"' in page
