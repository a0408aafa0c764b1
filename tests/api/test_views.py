"""store/views.py and web/render.py: small pure functions, and the SQL page against the exact path."""

from __future__ import annotations

from pathlib import Path

from communique.store import open_store
from communique.store.queries import EventFilter, query_events
from communique.store.views import evidence_slice, highlight_segments, page_events, top_pairs
from communique.web.render import date_text, evidence_pieces, legend, query_string, radial_layout, safe_url


def test_highlight_segments_cut_at_every_boundary() -> None:
    text = "Lavrov held talks in Hanoi"
    marks = [{"field": "actor", "start": 0, "end": 6}, {"field": "trigger", "start": 7, "end": 17},
             {"field": "location", "start": 21, "end": 26}, {"field": "trigger", "start": 12, "end": 17}]
    assert highlight_segments(text, marks) == [
        ("Lavrov", ["actor"]), (" ", []), ("held talks", ["trigger"]), (" in ", []), ("Hanoi", ["location"])]
    overlap = [{"field": "actor", "start": 0, "end": 6}, {"field": "date", "start": 3, "end": 11}]
    assert highlight_segments(text, overlap) == [
        ("Lav", ["actor"]), ("rov", ["actor", "date"]), (" held", ["date"]), (" talks in Hanoi", [])]


def test_evidence_pieces_keep_markup_as_text() -> None:
    text = "<b>Talks</b> with <script>x</script>"
    pieces = evidence_pieces(text, [{"field": "trigger", "start": 3, "end": 8}])
    assert [(p["text"], p["cls"]) for p in pieces] == [
        ("<b>", ""), ("Talks", "f-trigger"), ("</b> with <script>x</script>", "")]
    assert legend([{"field": "topic"}, {"field": "actor"}, {"field": "topics"}, {"field": "odd"}]) == [
        {"cls": "f-actor", "name": "actor", "count": 1}, {"cls": "f-topic", "name": "topic", "count": 2},
        {"cls": "f-other", "name": "other", "count": 1}]


def test_evidence_slice_widens_to_words() -> None:
    text = "alpha beta gamma delta epsilon zeta"
    window = evidence_slice(text, [{"field": "trigger", "start": 11, "end": 16}], context=3)
    assert (window.start, window.end, window.text) == (6, 22, "beta gamma delta")
    assert window.marks == [{"field": "trigger", "start": 5, "end": 10}]
    assert window.text[5:10] == "gamma"
    assert evidence_slice(text, [{"field": "x", "start": 5, "end": 999}], 3).marks == []  # out of range: dropped


def test_render_helpers() -> None:
    assert date_text({"start": "2024-01-20", "end": "2024-01-23"}) == "2024-01-20 – 2024-01-23"
    assert date_text(None) == "undated"
    assert date_text({"start": "--02-21", "end": None}) == "undated (02-21, year unknown)"
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("javascript:alert(1)") is None and safe_url(" data:text/html,x") is None
    assert query_string({"pair": "VN,RU", "topic": "energy"}, topic=None, offset=50) == "?pair=VN%2CRU&offset=50"
    graph = radial_layout({"id": "a"}, [{"id": "b", "events": 2}, {"id": "c", "events": 1}], size=400)
    first, second = graph["nodes"]
    assert (first["x"], first["y"]) == (200.0, 90.0)  # the first counterpart at the top
    assert first["r"] > second["r"] and first["anchor"] == "middle"


def test_sql_page_equals_the_exact_query(web_store: Path) -> None:
    engine = open_store(str(web_store))
    for flt in (EventFilter(), EventFilter(pair=("VN", "RU")), EventFilter(type="CONSULT", lang="ru")):
        exact = query_events(engine, flt)
        for sort in ("date", "-date", "confidence", "-confidence"):
            page = page_events(engine, flt, sort, limit=500)
            assert page.total == len(exact)
            assert {r["id"] for r in page.items} == {r["id"] for r in exact}
            key = "confidence" if "confidence" in sort else "date"
            values = [r[key] if key == "confidence" else r["date"]["start"] for r in page.items]
            present = [v for v in values if v is not None]
            assert present == sorted(present, reverse=sort.startswith("-")), (flt, sort)
            assert values[len(present):] == [None] * (len(values) - len(present))  # undated last
    assert top_pairs(engine, 1)[0]["pair"] == "RU,VN"
    engine.dispose()
