"""SQLite's full-text rows are numbered by their document's seq (schema v8): a document's row is deleted
directly when the document is removed or rewritten, search orders matches by seq on both backends, and the
v8 migration renumbers the rows of an older store."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import generate_store
from sqlalchemy import Engine, create_engine, text

from communique.store import open_store, search_page
from communique.store.db import writing
from communique.store.write import remove_document

MISNUMBERED = "SELECT count(*) FROM docs_fts f JOIN documents d ON d.id = f.doc_id WHERE f.rowid != d.seq"


def _generated(path: Path) -> Engine:
    engine = open_store(f"sqlite:///{path}")
    generate_store(engine, 80, seed=5, batch=40)
    return engine


def test_each_document_has_one_row_numbered_by_its_seq(tmp_path: Path) -> None:
    engine = _generated(tmp_path / "g.db")
    with engine.connect() as conn:
        assert conn.execute(text(MISNUMBERED)).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM docs_fts")).scalar() == \
            conn.execute(text("SELECT count(*) FROM documents")).scalar() > 80


def test_removing_a_document_deletes_its_row_only(tmp_path: Path) -> None:
    engine = _generated(tmp_path / "g.db")
    with engine.connect() as conn:
        doc_id, seq, title = conn.execute(text("SELECT id, seq, title FROM documents ORDER BY seq "
                                               "LIMIT 1 OFFSET 7")).one()
        rows = conn.execute(text("SELECT count(*) FROM docs_fts")).scalar()
    word = title.split()[-1]
    assert doc_id in {item["id"] for item in search_page(engine, word, limit=1000).items}
    with writing(engine) as conn:
        remove_document(conn, doc_id)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM docs_fts WHERE rowid = :s"), {"s": seq}).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM docs_fts")).scalar() == rows - 1
        assert conn.execute(text(MISNUMBERED)).scalar() == 0
    assert doc_id not in {item["id"] for item in search_page(engine, word, limit=1000).items}


def test_the_v8_migration_renumbers_an_older_stores_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _generated(path).dispose()
    raw = create_engine(f"sqlite:///{path}")
    with raw.begin() as conn:  # back to v7: its indexes, and rows numbered in another order, as writes left them
        conn.execute(text("DROP INDEX merged_index_rows"))
        conn.execute(text("DROP INDEX merged_index_merged_key"))
        conn.execute(text("CREATE INDEX merged_index_merged ON merged_index (merged_id)"))
        conn.execute(text("DELETE FROM docs_fts"))
        conn.execute(text("INSERT INTO docs_fts (doc_id, title, text) "
                          "SELECT id, coalesce(title, ''), coalesce(text, '') FROM documents ORDER BY seq DESC"))
        assert conn.execute(text(MISNUMBERED)).scalar() > 0
        conn.execute(text("UPDATE meta SET value = '7' WHERE key = 'schema_version'"))
    raw.dispose()
    engine = open_store(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar() == "8"
        assert conn.execute(text(MISNUMBERED)).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM docs_fts")).scalar() == \
            conn.execute(text("SELECT count(*) FROM documents")).scalar()
        indexes = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index' "
                                                   "AND tbl_name = 'merged_index'"))}
    assert {"merged_index_rows", "merged_index_merged_key"} <= indexes and "merged_index_merged" not in indexes
