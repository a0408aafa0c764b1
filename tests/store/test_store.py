"""The store on real SQLite and real PostgreSQL: merging, idempotence, migrations, corrections, queries."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from store_helpers import (
    HANG,
    IWAYA,
    JAISHANKAR,
    LAVROV,
    PUTIN,
    RUDENKO,
    TRUNG,
    record,
    scripted_document,
    scripted_pipeline,
)

from communique.cli.describe import event_explanation
from communique.options import Options
from communique.store import open_store
from communique.store.corrections import correct_event, history, merge_actors, parse_assignment, rename_actor
from communique.store.db import StoreError, writing
from communique.store.ingest import ingest_items, reprocess
from communique.store.migrations import migrate
from communique.store.queries import (
    EventFilter,
    count_events,
    explain_event,
    list_actors,
    query_events,
    search_documents,
    timeline,
)
from communique.store.schema import SCHEMA_VERSION, documents, events, merged_events, meta
from communique.store.write import InputSnapshot, ProcessedDocument, write_document

OPTIONS = Options()


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("communique.store.ingest.run_pipeline", scripted_pipeline)


def _ingest(engine: Engine, docs: list[Any]) -> Any:
    problems: list[str] = []
    stats = ingest_items(engine, docs, OPTIONS, problems.append)
    assert problems == []
    return stats


def _meeting_docs() -> list[Any]:
    """An India–Japan meeting in en/de/fr, plus the Moscow visit (Putin meeting, Lavrov talks)."""
    return [
        scripted_document("in-jp-en", "en", "Jaishankar held talks with Iwaya in New Delhi.", [
            record("evt_en", "in-jp-en", "en", [JAISHANKAR, IWAYA], topics=["defense"], location=("New Delhi", "IN"))]),
        scripted_document("in-jp-de", "de", "Jaishankar führte Gespräche mit Iwaya.", [
            record("evt_de", "in-jp-de", "de", [IWAYA, JAISHANKAR], mode="visit", topics=["clean_energy"])]),
        scripted_document("in-jp-fr", "fr", "Jaishankar s'est entretenu avec Iwaya.", [
            record("evt_fr", "in-jp-fr", "fr", [JAISHANKAR, IWAYA], date="2025-03-09")]),
        scripted_document("vn-ru", "ru", "Ле Хоай Чунг встретился с Путиным и провёл переговоры с Лавровым.", [
            record("evt_putin", "vn-ru", "ru", [TRUNG, PUTIN], date="2026-02-24", location=(None, "RU")),
            record("evt_lavrov", "vn-ru", "ru", [TRUNG, LAVROV], date="2026-02-24", location=(None, "RU"),
                   topics=["international_issues"])], date="2026-02-25"),
    ]


def _dump(engine: Engine) -> dict[str, Any]:
    """Everything extracted, without timestamps: two stores built from the same inputs compare equal."""
    with engine.connect() as conn:
        return {
            "documents": [tuple(r) for r in conn.execute(select(documents.c.id, documents.c.content_hash,
                                                                documents.c.seq).order_by(documents.c.id))],
            "events": [tuple(r) for r in conn.execute(select(events.c.id, events.c.doc_id, events.c.merged_id,
                                                             events.c.record).order_by(events.c.id))],
            "merged": [tuple(r) for r in conn.execute(select(merged_events.c.id, merged_events.c.record)
                                                      .order_by(merged_events.c.id))],
        }


def test_one_meeting_in_three_languages_is_one_event_and_ingest_is_idempotent(store_url: str, scripted: None) -> None:
    engine = open_store(store_url)
    stats = _ingest(engine, _meeting_docs())
    assert (stats.new, stats.unchanged, stats.events) == (4, 0, 5)
    merged = query_events(engine)
    assert [r["id"] for r in merged] == ["evt_en", "evt_lavrov", "evt_putin"]
    meeting = merged[0]
    assert [(s["doc"], s["lang"]) for s in meeting["sources"]] == [("in-jp-en", "en"), ("in-jp-de", "de"),
                                                                     ("in-jp-fr", "fr")]
    assert meeting["date"]["start"] == "2025-03-08" and meeting["topics"] == ["clean_energy", "defense"]
    before = _dump(engine)
    again = _ingest(engine, _meeting_docs())
    assert (again.new, again.changed, again.unchanged, again.events) == (0, 0, 4, 0)
    assert _dump(engine) == before


def test_derived_tables_kept_merge_by_merge_equal_a_fresh_count(store_url: str, scripted: None) -> None:
    """Ingestion updates the derived tables as each merged event changes (its old counts out, the new ones
    in): after merges, a changed document and a deleted report they equal counting every event afresh."""
    from sqlalchemy import text

    from communique.store.derived import rebuild, rebuild_key_counts

    engine = open_store(store_url)
    _ingest(engine, _meeting_docs())
    _ingest(engine, [scripted_document("in-jp-fr", "fr", "Correction : entretien téléphonique.", [
        record("evt_fr2", "in-jp-fr", "fr", [JAISHANKAR, IWAYA], mode="phone", topics=["trade"])]),
        scripted_document("vn-ru", "ru", "Ле Хоай Чунг встретился с Путиным.", [
            record("evt_putin", "vn-ru", "ru", [TRUNG, PUTIN], date="2026-02-24", location=(None, "RU"))],
            date="2026-02-25")])
    tables = ("merged_index", "actor_links", "pair_counts", "actors", "key_months", "key_actors")
    with engine.begin() as conn:
        kept = {t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}")).all())) for t in tables}
        rebuild(conn)
        rebuild_key_counts(conn)
        fresh = {t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}")).all())) for t in tables}
    assert kept == fresh
    assert ("p:IN,JP", "local:takeshi-iwaya", 2) in kept["key_actors"]  # the meeting and the phone call
    assert ("a:local:le-hoai-trung", "2026-02", "CONSULT", "", 1) in kept["key_months"]  # Lavrov talks gone


def test_period_filters_with_years_ranges_and_months(store_url: str, scripted: None) -> None:
    """--since/--until meet an event's days: a year-only date spans the year, a range its days, a month
    its month. Counts and pages agree with the exact Python filter at every bound (the SQL counts short
    and long spans apart and bounds date_start as text)."""
    from communique.store.queries import count_events, matches
    from communique.store.views import page_events

    dated = [("y2023", "2023", None), ("m2024", "2024-02", None), ("d1", "2024-02-28", None),
             ("r1", "2024-02-27", "2024-03-02"), ("d2", "2024-03-01", None), ("y2024", "2024", None),
             ("d3", "2024-12-31", None), ("nodate", None, None), ("noyear", "--03-01", None)]
    docs = []
    for i, (name, start, end) in enumerate(dated):
        parties = [(f"local:envoy-{i}", f"Envoy {i}", "person", "VN"), (f"local:host-{i}", f"Host {i}", "person", "RU")]
        rec = record(f"evt_{name}", f"doc-{name}", "en", parties, date=start, topics=["defense"])
        rec["date"] = {"start": start, "end": end, "precision": "range" if end else "day"}
        docs.append(scripted_document(f"doc-{name}", "en", f"Talks {name}.", [rec], date=None))
    engine = open_store(store_url)
    _ingest(engine, docs)
    everything = query_events(engine)
    assert len(everything) == len(dated)  # nothing merged: each is its own event
    bounds = [None, "2023", "2023-12-31", "2024", "2024-02", "2024-02-28", "2024-03", "2024-03-02", "2025"]
    for since in bounds:
        for until in bounds:
            flt = EventFilter(since=since, until=until)
            expected = sorted(r["id"] for r in everything if matches(r, flt))
            assert sorted(r["id"] for r in query_events(engine, flt)) == expected, flt
            assert count_events(engine, flt) == len(expected), flt
            page = page_events(engine, EventFilter(since=since, until=until, type="CONSULT"), limit=3)
            assert page.total == len(expected), flt
    assert sorted(r["id"] for r in query_events(engine, EventFilter(since="2024-03-02", until="2024-03-02"))) == \
        ["evt_r1", "evt_y2024"]


def test_changed_document_replaces_its_records(store_url: str, scripted: None) -> None:
    engine = open_store(store_url)
    _ingest(engine, _meeting_docs())
    changed = scripted_document("in-jp-fr", "fr", "Correction : entretien téléphonique.", [
        record("evt_fr2", "in-jp-fr", "fr", [JAISHANKAR, IWAYA], mode="phone")])
    stats = _ingest(engine, [changed])
    assert (stats.new, stats.changed) == (0, 1)
    by_id = {r["id"]: r for r in query_events(engine)}
    assert [s["doc"] for s in by_id["evt_en"]["sources"]] == ["in-jp-en", "in-jp-de"]
    assert by_id["evt_fr2"]["mode"] == "phone"  # a phone call is not the meeting
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(events).where(events.c.doc_id == "in-jp-fr")).scalar() == 1


def test_merged_ids_do_not_change_when_unrelated_documents_arrive(store_url: str, scripted: None) -> None:
    engine = open_store(store_url)
    _ingest(engine, _meeting_docs()[:2])
    first = [(r["id"], len(r["sources"])) for r in query_events(engine)]
    unrelated = scripted_document("vn-ru-2", "ru", "Консультации.", [
        record("evt_cons", "vn-ru-2", "ru", [HANG, RUDENKO], date="2025-02-21")])
    _ingest(engine, [unrelated, _meeting_docs()[2]])
    ids = {r["id"]: len(r["sources"]) for r in query_events(engine)}
    assert first == [("evt_en", 2)]
    assert ids == {"evt_en": 3, "evt_cons": 1}


def test_a_version_1_store_opens_with_current_code(store_url: str) -> None:
    from communique.store.db import make_engine

    old = make_engine(store_url)
    migrate(old, target=1)
    snap = InputSnapshot("old-doc", "raw text of an old document")
    with writing(old) as conn:
        conn.execute(documents.insert().values(id="old-doc", content_hash="x", seq=1, raw_text=snap.raw_text,
                                               text="cleaned old text about Hanoi", lang="en"))
    old.dispose()
    engine = open_store(store_url)
    with engine.connect() as conn:
        assert conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar() == \
            str(SCHEMA_VERSION)
        assert conn.execute(select(documents.c.text).where(documents.c.id == "old-doc")).scalar() == \
            "cleaned old text about Hanoi"
    assert [d["id"] for d in search_documents(engine, "hanoi")] == ["old-doc"]  # the v3 index covers old rows
    assert migrate(engine) == SCHEMA_VERSION  # already current: nothing to do


def test_a_newer_store_is_refused_with_a_clear_error(tmp_path: Any) -> None:
    engine = open_store(str(tmp_path / "s.db"))
    with writing(engine) as conn:
        conn.execute(meta.update().values(value="99"))
    with pytest.raises(StoreError, match="schema v99, newer than this Communiqué"):
        open_store(str(tmp_path / "s.db"))


def test_corrections_apply_on_top_and_survive_reprocessing(store_url: str, scripted: None,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    engine = open_store(store_url)
    _ingest(engine, _meeting_docs())
    assert correct_event(engine, "evt_de", [parse_assignment("date=2025-03-07"), parse_assignment("status=planned")],
                         reject=False, by="analyst") == "evt_en"
    correct_event(engine, "evt_lavrov", [], reject=True, by="analyst", note="not a separate event")
    corrected = {r["id"]: r for r in query_events(engine)}
    assert set(corrected) == {"evt_en", "evt_putin"}
    assert corrected["evt_en"]["date"] == {"start": "2025-03-07", "end": None, "precision": "day"}
    assert corrected["evt_en"]["status"] == "planned"
    assert corrected["evt_en"]["corrections"][0]["old"] == {"start": "2025-03-08", "end": None, "precision": "day"}
    assert [r["id"] for r in query_events(engine, EventFilter(include_rejected=True)) if r.get("rejected")] == \
        ["evt_lavrov"]
    trail = history(engine, "evt_en")
    assert [(t["field"], t["by"]) for t in trail] == [("date", "analyst"), ("status", "analyst")]
    # an upgraded pipeline finds the same events under new ids: the corrections follow them
    def upgraded(doc: Any, options: Any) -> ProcessedDocument:
        done = scripted_pipeline(doc, options)
        renamed = [dict(e, id=e["id"] + "_v2") for e in done.events]
        return ProcessedDocument(done.text, done.lang, done.date, done.record, renamed)

    monkeypatch.setattr("communique.store.ingest.run_pipeline", upgraded)
    stats = reprocess(engine, lambda m: None)
    assert (stats.changed, stats.events) == (4, 5)
    after = {r["id"]: r for r in query_events(engine)}
    # the meeting keeps its id (its other reports held it while each document was redone); the single-report
    # events get the new ids, and the rejection of the Lavrov talks found evt_lavrov_v2 through its anchor
    assert set(after) == {"evt_en", "evt_putin_v2"}
    assert after["evt_en"]["date"]["start"] == "2025-03-07" and after["evt_en"]["status"] == "planned"
    assert [r["id"] for r in query_events(engine, EventFilter(include_rejected=True)) if r.get("rejected")] == \
        ["evt_lavrov_v2"]


def test_actor_merge_and_rename_are_corrections_with_an_audit_trail(store_url: str, scripted: None) -> None:
    engine = open_store(store_url)
    duplicate = ("local:s-jaishankar", "S. Jaishankar", "person", "IN")
    _ingest(engine, [scripted_document("d1", "en", "x", [record("e1", "d1", "en", [duplicate, IWAYA],
                                                               date="2025-05-01")])] + _meeting_docs()[:1])
    merge_actors(engine, JAISHANKAR[0], duplicate[0], by="editor")
    rename_actor(engine, IWAYA[0], "Iwaya Takeshi", by="editor")
    rows = {a["id"]: a for a in list_actors(engine)}
    assert duplicate[0] not in rows
    assert rows[JAISHANKAR[0]]["events"] == 2 and rows[JAISHANKAR[0]]["name"] == "Subrahmanyam Jaishankar"
    assert rows[IWAYA[0]]["name"] == "Iwaya Takeshi"
    assert [r["id"] for r in query_events(engine, EventFilter(actor=JAISHANKAR[0]))] == ["evt_en", "e1"]
    assert [r["id"] for r in query_events(engine, EventFilter(actor="iwaya takeshi"))] == ["evt_en", "e1"]
    trail = history(engine)
    assert [(t["target"], t["field"], t["value"], t["old"]) for t in trail] == [
        (duplicate[0], "merged_into", JAISHANKAR[0], None), (IWAYA[0], "name", "Iwaya Takeshi", "Takeshi Iwaya")]
    with pytest.raises(StoreError, match="no actor 'nobody'"):
        rename_actor(engine, "nobody", "X")


def test_queries_filter_merged_events(store_url: str, scripted: None) -> None:
    engine = open_store(store_url)
    _ingest(engine, _meeting_docs())

    def ids(**kw: Any) -> list[str]:
        return [r["id"] for r in query_events(engine, EventFilter(**kw))]

    assert ids(pair=("VN", "RU")) == ["evt_lavrov", "evt_putin"]
    assert ids(pair=("JP", "IN")) == ["evt_en"]
    assert ids(country="jp") == ["evt_en"]
    assert ids(actor="lavrov") == ["evt_lavrov"]
    assert ids(actor=PUTIN[0]) == ["evt_putin"]
    assert ids(lang="de") == ["evt_en"]
    assert ids(topic="international_issues") == ["evt_lavrov"]
    assert ids(since="2026") == ["evt_lavrov", "evt_putin"]
    assert ids(until="2025-03-08") == ["evt_en"]
    assert ids(since="2025-03-09", until="2025-12") == []
    assert ids(type="agree") == [] and ids(mode="meet") == ["evt_en", "evt_lavrov", "evt_putin"]
    assert ids(text="Лавровым") == ["evt_lavrov", "evt_putin"]
    assert timeline(engine, EventFilter(pair=("VN", "RU"))) == [
        {"month": "2026-02", "events": 2, "types": {"CONSULT": 2}, "topics": {"international_issues": 1}}]
    found = search_documents(engine, "Gespräche Iwaya")
    assert [d["id"] for d in found] == ["in-jp-de"] and "[Gespräche]" in found[0]["snippet"]
    assert search_documents(engine, 'AND OR "') == []  # user text is never FTS syntax


def show_event(store_url: str, event_id: str) -> str | None:
    """What `communique show evt_…` prints: the store's explanation, rendered by the CLI."""
    explained = explain_event(store_url, event_id)
    return None if explained is None else event_explanation(explained)


def test_show_event_explains_sources_and_why_they_merged(store_url: str, scripted: None) -> None:
    engine = open_store(store_url)
    _ingest(engine, _meeting_docs())
    explained = explain_event(store_url, "evt_fr")
    assert explained is not None and explained.record["id"] == "evt_en"
    assert ("evt_de", "in-jp-de") in [(s.report_id, s.doc_id) for s in explained.sources]
    assert [s.merge_reason["action"] for s in explained.sources if s.merge_reason][-1] == "joined"
    text = show_event(store_url, "evt_fr")
    assert text is not None
    assert text.splitlines()[0] == "evt_en  CONSULT/meet  talks"
    assert "  - in-jp-de (de, 2025-03-09)" in text
    assert "merged: score" in text and "participants: local:subrahmanyam-jaishankar (Subrahmanyam Jaishankar)" in text
    assert "date: 2025-03-09..2025-03-09 within 1 day of 2025-03-08..2025-03-08" in text
    lavrov = show_event(store_url, "evt_lavrov")
    assert lavrov is not None and "kept apart from evt_putin: already has a report from this document" in lavrov
    assert show_event(store_url, "evt_nope") is None


def test_hand_written_records_without_a_pipeline(store_url: str) -> None:
    """write_document takes contract records from anywhere (another tool, a batch job)."""
    engine = open_store(store_url)
    with writing(engine) as conn:
        for i, doc in enumerate(("a", "b")):
            rec = record(f"evt_{doc}", doc, "en", [TRUNG, LAVROV], date="2026-02-24")
            done = ProcessedDocument(f"text {i}", "en", None, {}, [rec])
            write_document(conn, InputSnapshot(doc, f"raw {doc}"), done, "test")
    assert [(r["id"], len(r["sources"])) for r in query_events(engine)] == [("evt_a", 2)]
    assert json.loads(json.dumps(query_events(engine)))[0]["members"] == ["evt_a", "evt_b"]


def test_progress_is_a_callback_called_once_per_item_done(tmp_path: Any, scripted: None) -> None:
    """The store draws nothing: it calls `progress()` after each item is done (stored, skipped or reported)."""
    from communique.errors import InputError

    engine = open_store(str(tmp_path / "progress.db"))

    def stored() -> int:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents)).scalar_one())

    seen: list[int] = []
    items = [*_meeting_docs(), InputError("broken.jsonl:3", "not JSON")]
    stats = ingest_items(engine, items, OPTIONS, lambda _m: None, lambda: seen.append(stored()))
    assert stats.new == 4 and stats.input_errors == 1
    assert seen == [1, 2, 3, 4, 4]  # each call comes after its document was written
    again: list[int] = []
    rerun = ingest_items(engine, _meeting_docs(), OPTIONS, lambda _m: None, lambda: again.append(stored()))
    assert rerun.unchanged == 4
    assert again == [4, 4, 4, 4]


def test_an_actor_merge_that_folds_two_participants_into_one_changes_the_pair_answers(
        store_url: str, scripted: None) -> None:
    """Merging a Vietnamese participant into a Russian one leaves their meeting with one actor and one country:
    the pair and country filters, counts and top pairs answer from the corrected record, not the extracted one."""
    engine = open_store(store_url)
    _ingest(engine, [scripted_document("d1", "en", "x", [record("e1", "d1", "en", [LAVROV, TRUNG])]),
                     scripted_document("d2", "en", "y", [record("e2", "d2", "en", [PUTIN, HANG],
                                                                date="2025-04-02")])])
    assert [r["id"] for r in query_events(engine, EventFilter(pair=("RU", "VN")))] == ["e1", "e2"]
    merge_actors(engine, LAVROV[0], TRUNG[0], by="editor")
    (folded,) = [r for r in query_events(engine) if r["id"] == "e1"]
    assert [(a["id"], a["country"]) for a in folded["actors"]] == [(LAVROV[0], "RU")]
    assert [r["id"] for r in query_events(engine, EventFilter(pair=("RU", "VN")))] == ["e2"]
    assert count_events(engine, EventFilter(pair=("RU", "VN"))) == 1
    assert [r["id"] for r in query_events(engine, EventFilter(country="VN"))] == ["e2"]
    assert {r["id"]: r["events"] for r in list_actors(engine, EventFilter(pair=("RU", "VN")))} == \
        {PUTIN[0]: 1, HANG[0]: 1}
