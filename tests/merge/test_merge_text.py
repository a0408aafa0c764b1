"""Merging that fails safe: text evidence (the encoder's sentence and lead vectors) decides what structure
alone cannot, and undated reports merge only with strong evidence."""

from __future__ import annotations

from typing import Any

from communique.merge import choose, compare, explain, view_of
from communique.merge.keys import EventView
from communique.merge.sentences import source_sentence, vectors

MERKEL = ("Q567", "Angela Merkel", "person", "DE")
GERMANY = ("country:DE", "Germany", "country", "DE")
CDU = ("Q49762", "Christian Democratic Union", "organization", "DE")

# Three unrelated German stories that all name the CDU, talks and Berlin, and give no year: the
# issue's false merge ("CONSULT talks, Berlin, --02-08" from three articles) in general form.
UNRELATED = [
    ("thuringia", "Nach der Wahl in Thüringen kamen die Spitzen von CDU und FDP zu Krisengesprächen in "
                  "Berlin zusammen, um über den Ministerpräsidenten zu beraten."),
    ("cdu-office", "In der CDU-Geschäftsstelle in Berlin trafen sich Mitarbeiter am 8. Februar zu einer "
                   "Besprechung über die Renovierung der Büros."),
    ("macron-g7", "Macron sprach in Berlin mit der CDU über die Vorbereitung des G7-Gipfels und die "
                  "Handelspolitik der Europäischen Union."),
]


def report(doc: str, sentence: str, date: str | None, actors: list[tuple[str, str, str, str]]) -> dict[str, Any]:
    return {
        "id": f"evt_{doc}", "type": "CONSULT", "mode": "meet", "label": "talks", "status": "occurred",
        "background": False, "date": {"start": date, "end": None, "precision": "day" if date else None},
        "location": {"name": "Berlin", "country": "DE", "evidence": None},
        "actors": [{"id": i, "name": n, "kind": k, "country": c, "role": None, "mention": n} for i, n, k, c in actors],
        "topics": [], "agreements": [],
        "sources": [{"doc": doc, "lang": "de", "evidence": [{"field": "trigger", "start": 0, "end": 4,
                                                             "text": sentence[:4]}]}],
        "confidence": 0.8,
    }


def view(doc: str, sentence: str, date: str | None, doc_date: str | None = None,
         actors: list[tuple[str, str, str, str]] | None = None, story: str | None = None) -> EventView:
    rec = report(doc, sentence, date, actors or [MERKEL, CDU, GERMANY])
    v = view_of(rec, doc_date)
    sentence_vec, lead_vec = vectors([source_sentence(sentence, rec), sentence])
    assert sentence_vec is not None and lead_vec is not None
    v.sentence_vecs, v.doc_vecs, v.stories = [sentence_vec], [lead_vec], frozenset({story or doc})
    return v


def test_undated_reports_of_unrelated_articles_do_not_merge() -> None:
    views = [(f"evt_{doc}", view(doc, text, "--02-08")) for doc, text in UNRELATED]
    merged: list[tuple[str, EventView]] = []
    for merged_id, v in views:
        decision = choose(v, merged)
        assert decision.merged_id is None, explain(decision.reason)
        merged.append((merged_id, v))
    # each pair was a candidate (same type, participants, place) and was refused for want of strong evidence
    match = compare(views[1][1], views[0][1])
    assert not match.ok and match.conflict is not None and match.conflict.startswith("undated report")
    assert match.agreed["text"]["sentence"] < 0.92


def test_unrelated_articles_do_not_merge_on_a_shared_day_either() -> None:
    a = view("thuringia", UNRELATED[0][1], "2020-02-08")
    b = view("macron-g7", UNRELATED[2][1], "2020-02-08")
    match = compare(b, a)
    assert not match.ok and "do not say the same thing" in str(match.conflict)


def test_undated_near_duplicate_reports_merge_and_say_why() -> None:
    text = UNRELATED[0][1]
    a = view("wire", text, None, story="wire")
    b = view("repost", text.replace("beraten", "sprechen"), None, story="wire")
    decision = choose(b, [("evt_wire", a)])
    assert decision.merged_id == "evt_wire"
    line = explain(decision.reason)
    assert "near-duplicate documents" in line and "sentence similarity" in line


def test_the_same_meeting_in_two_languages_merges_when_dated() -> None:
    de = view("de", "Bundeskanzlerin Merkel traf am Montag in Berlin den französischen Präsidenten zu Gesprächen.",
              "2020-02-10")
    en = view("en", "Chancellor Merkel met the French president for talks in Berlin on Monday.", "2020-02-10")
    match = compare(en, de)
    assert match.ok, match.conflict
    assert match.agreed["text"]["sentence"] >= 0.86
