"""Cross-document merging on hand-built records in the contract form (independent of extraction)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from communique.merge import blocking_keys, choose, combine, compare, explain, view_of
from communique.merge.keys import event_interval, parse_date

TRUNG = ("local:le-hoai-trung", "Lê Hoài Trung", "person", "VN")
PUTIN = ("Q7747", "Vladimir Putin", "person", "RU")
LAVROV = ("local:sergey-lavrov", "Sergey Lavrov", "person", "RU")
JAISHANKAR = ("local:subrahmanyam-jaishankar", "Subrahmanyam Jaishankar", "person", "IN")
IWAYA = ("local:takeshi-iwaya", "Takeshi Iwaya", "person", "JP")
INDIA = ("country:IN", "India", "country", "IN")
JAPAN = ("country:JP", "Japan", "country", "JP")


def record(event_id: str, doc: str, lang: str, actors: list[tuple[str, str, str, str]], date: str | None = "2025-03-08",
           type_: str = "CONSULT", mode: str | None = "meet", topics: list[str] | None = None,
           location: tuple[str | None, str | None] = ("New Delhi", "IN"), confidence: float = 0.8,
           precision: str | None = "day") -> dict[str, Any]:
    return {
        "id": event_id, "type": type_, "mode": mode, "label": "talks", "status": "occurred", "background": False,
        "date": {"start": date, "end": None, "precision": precision if date else None},
        "location": {"name": location[0], "country": location[1], "evidence": None},
        "actors": [{"id": i, "name": n, "kind": k, "country": c, "role": None, "mention": n} for i, n, k, c in actors],
        "topics": topics or [], "agreements": [],
        "sources": [{"doc": doc, "lang": lang,
                     "evidence": [{"field": "trigger", "start": 0, "end": 5, "text": "talks"}]}],
        "confidence": confidence,
    }


def test_dates_parse_to_intervals_at_their_precision() -> None:
    anchor = dt.date(2025, 2, 22)
    assert parse_date("2025-02-21", None) == (dt.date(2025, 2, 21), dt.date(2025, 2, 21))
    assert parse_date("2024-02", None) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert parse_date("2025", None) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert parse_date("--02-21", anchor) == (dt.date(2025, 2, 21), dt.date(2025, 2, 21))
    assert parse_date("XXXX-12-30", dt.date(2025, 1, 2)) == (dt.date(2024, 12, 30), dt.date(2024, 12, 30))
    assert parse_date("--02-21", None) is None
    assert parse_date("yesterday", anchor) is None
    undated = event_interval({"start": None}, anchor)
    assert undated is not None and undated.approximate and undated.hi == anchor and undated.lo == dt.date(2025, 2, 19)


def test_blocking_keys_are_type_month_and_participant() -> None:
    view = view_of(record("e1", "d1", "en", [JAISHANKAR, IWAYA, INDIA, JAPAN]))
    keys = blocking_keys(view)
    assert "CONSULT|2025-03|a:local:subrahmanyam-jaishankar" in keys
    assert "CONSULT|2025-03|a:local:takeshi-iwaya" in keys
    assert "CONSULT|2025-03|c:IN,JP" in keys
    # the last day of a month also looks in the next month (reports a day apart)
    edge = blocking_keys(view_of(record("e2", "d2", "en", [JAISHANKAR], date="2025-03-31")))
    assert "CONSULT|2025-04|a:local:subrahmanyam-jaishankar" in edge


def test_one_meeting_reported_in_three_languages_merges() -> None:
    en = record("e_en", "en.txt", "en", [JAISHANKAR, IWAYA, INDIA], topics=["defense", "economy_trade"])
    de = record("e_de", "de.txt", "de", [JAISHANKAR, IWAYA, JAPAN], mode="visit", topics=["defense"])
    fr = record("e_fr", "fr.txt", "fr", [IWAYA, JAISHANKAR], date="2025-03", precision="month", location=(None, "IN"))
    cluster = combine([en], "e_en")
    m = compare(view_of(de, "2025-03-09"), view_of(cluster, "2025-03-09"))
    assert m.ok and m.agreed["date"] == "same day 2025-03-08"
    assert m.agreed["participants"] == ["local:subrahmanyam-jaishankar (Subrahmanyam Jaishankar)",
                                        "local:takeshi-iwaya (Takeshi Iwaya)"]
    cluster = combine([en, de], "e_en")
    decision = choose(view_of(fr, "2025-03-09"), [("e_en", view_of(cluster, "2025-03-09"))])
    assert decision.merged_id == "e_en"
    merged = combine([en, de, fr], "e_en")
    assert [s["doc"] for s in merged["sources"]] == ["en.txt", "de.txt", "fr.txt"]
    assert merged["date"] == {"start": "2025-03-08", "end": None, "precision": "day"}
    assert {a["id"] for a in merged["actors"]} == {JAISHANKAR[0], IWAYA[0], INDIA[0], JAPAN[0]}
    assert merged["topics"] == ["defense", "economy_trade"]
    assert merged["mode"] == "meet"
    assert merged["confidence"] == round(1 - 0.2 ** 3, 3)
    assert "participants: local:subrahmanyam-jaishankar" in explain(decision.reason)


def test_meeting_with_putin_and_talks_with_lavrov_stay_apart() -> None:
    putin = record("e_putin", "000.txt", "ru", [TRUNG, PUTIN], date="2026-02-24", location=(None, "RU"))
    lavrov = record("e_lavrov", "000.txt", "ru", [TRUNG, LAVROV], date="2026-02-24", location=(None, "RU"))
    m = compare(view_of(lavrov), view_of(combine([putin], "e_putin")))
    assert not m.ok
    assert m.conflict == "different counterparts from RU: Sergey Lavrov vs Vladimir Putin"
    decision = choose(view_of(lavrov), [("e_putin", view_of(combine([putin], "e_putin")))])
    assert decision.merged_id is None
    assert "different counterparts from RU" in explain(decision.reason)


def test_differing_type_mode_date_or_countries_keep_events_apart() -> None:
    base = view_of(combine([record("a", "d1", "en", [JAISHANKAR, IWAYA])], "a"))
    assert compare(view_of(record("b", "d2", "en", [JAISHANKAR, IWAYA], type_="AGREE")), base).conflict == \
        "type AGREE != CONSULT"
    assert not compare(view_of(record("b", "d2", "en", [JAISHANKAR, IWAYA], mode="phone")), base).ok
    far = compare(view_of(record("b", "d2", "en", [JAISHANKAR, IWAYA], date="2025-03-12")), base)
    assert far.conflict == "dates 2025-03-12..2025-03-12 and 2025-03-08..2025-03-08 are 4 days apart"
    # a day apart is the same event (time zones, wire time)
    assert compare(view_of(record("b", "d2", "en", [JAISHANKAR, IWAYA], date="2025-03-09")), base).ok
    other = ("local:wang-yi", "Wang Yi", "person", "CN")
    assert not compare(view_of(record("b", "d2", "en", [JAISHANKAR, other])), base).ok


def test_report_naming_only_the_countries_joins_on_pair_and_stated_date() -> None:
    base = view_of(combine([record("a", "d1", "en", [JAISHANKAR, IWAYA, INDIA, JAPAN])], "a"))
    countries_only = record("b", "d2", "fr", [INDIA, JAPAN])
    m = compare(view_of(countries_only), base)
    assert m.ok and m.agreed["participants"] == "none named; same country pair"
    undated = record("c", "d3", "fr", [INDIA, JAPAN], date=None)
    assert not compare(view_of(undated, "2025-03-09"), base).ok


def test_vague_report_between_two_events_is_not_merged_at_random() -> None:
    putin = view_of(combine([record("p", "d1", "ru", [TRUNG, PUTIN], date="2026-02-24")], "p"))
    lavrov = view_of(combine([record("l", "d1", "ru", [TRUNG, LAVROV], date="2026-02-24")], "l"))
    vague = view_of(record("v", "d2", "vi", [TRUNG], date="2026-02-24"))
    decision = choose(vague, [("p", putin), ("l", lavrov)])
    assert decision.merged_id is None and decision.reason["ambiguous"] == ["l", "p"]
    # the order of candidates does not matter
    assert choose(vague, [("l", lavrov), ("p", putin)]).reason == decision.reason


def test_combine_prefers_the_most_precise_date_and_keeps_every_source() -> None:
    a = record("a", "d1", "en", [JAISHANKAR], date="2025-03", precision="month", confidence=0.5)
    b = record("b", "d2", "de", [JAISHANKAR], date="2025-03-08", confidence=0.5)
    merged = combine([a, b], "a")
    assert merged["id"] == "a" and merged["members"] == ["a", "b"]
    assert merged["date"]["start"] == "2025-03-08"
    assert merged["confidence"] == 0.75
    assert [s["lang"] for s in merged["sources"]] == ["en", "de"]


def test_a_date_taken_from_the_document_is_no_evidence_for_merging() -> None:
    anchor = dt.date(2025, 3, 4)
    from_text = event_interval({"start": "2025-03-04", "end": None, "precision": "day"}, anchor)
    from_document = event_interval({"start": "2025-03-04", "end": None, "precision": "day", "basis": "document"},
                                   anchor)
    undated = event_interval({"start": None, "end": None, "precision": None}, anchor)
    assert from_text is not None and from_text.exact_day and not from_text.approximate
    assert from_document == undated
    assert from_document is not None and from_document.approximate and from_document.hi == anchor
