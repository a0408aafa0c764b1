"""Candidate event pairs for labelling, from stores built by `communique ingest` over the shared corpora.

    python training/merge/candidates.py STORE.db [STORE.db ...] > /tmp/candidates.jsonl

A candidate pair is two reports from different documents with the same PLOVER type that share at least
one participant (a person, an organization or a country) -- what merging's blocking would put side by
side if dates were ignored, so that pairs far apart in time (hard negatives) are in the set too. Each
side carries what a labeller needs: the document, its language and date, the event's type, mode, date,
participants and the sentence that reports it.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from itertools import combinations
from typing import Any

from communique.merge.sentences import document_lead, source_sentence


def reports(path: str) -> list[dict[str, Any]]:
    db = sqlite3.connect(path)
    rows = db.execute("SELECT e.id, e.doc_id, e.record, d.text, d.title, d.date, d.lang FROM events e "
                      "JOIN documents d ON d.id = e.doc_id ORDER BY d.seq, e.position").fetchall()
    out = []
    for event_id, doc_id, record_json, text, title, date, lang in rows:
        record = json.loads(record_json)
        out.append({"event": event_id, "doc": doc_id, "lang": lang, "doc_date": date, "title": title,
                    "type": record.get("type"), "mode": record.get("mode"), "date": (record.get("date") or {}),
                    "location": record.get("location") or {},
                    "actors": [[a.get("id"), a.get("name"), a.get("kind"), a.get("country")]
                               for a in record.get("actors") or []],
                    "sentence": source_sentence(text or "", record), "lead": document_lead(title, text or ""),
                    "record": record})
    return out


def candidate_pairs(items: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    pairs = []
    seen = set()
    for a, b in combinations(items, 2):
        if a["doc"] == b["doc"] or a["type"] != b["type"]:
            continue
        shared = {x[0] for x in a["actors"]} & {x[0] for x in b["actors"]}
        if not shared:
            continue
        key = (a["doc"], b["doc"], a["sentence"], b["sentence"])
        if key in seen:
            continue
        seen.add(key)
        pairs.append((a, b))
    return pairs


def main(paths: list[str]) -> None:
    items = [r for p in paths for r in reports(p)]
    for a, b in candidate_pairs(items):
        print(json.dumps({"a": a, "b": b}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
