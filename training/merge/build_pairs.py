"""Build the labelled candidate event pairs (data-sources/merge/event-pairs.jsonl) from labelled reports.

    python training/merge/build_pairs.py REPORTS.json KEYS.py data-sources/merge/

writes reports.jsonl (each report once: document, language, record, sentence, lead, and the hand label:
the real-world event it reports) and event-pairs.jsonl (pairs of report ids, same event or not, reason,
split).

Each report (an event found by the pipeline in one document) was labelled by hand with the real-world
event it reports (KEYS: report -> event key and description; an unlisted report is an event of its own).
A candidate pair is two reports of different documents with the same PLOVER type that share a
participant country or organization or person (actors' ids, actors' countries, the location's country):
what merging's blocking puts side by side, without the date window, so that hard negatives (the same
actors months apart) are in. A pair is the same event when both reports have the same key.
Split: by a hash of the sorted pair of documents (the same documents are never in both splits):
"tune" (thresholds were set on it) and "heldout" (measured only).
"""

from __future__ import annotations

import hashlib
import json
import runpy
import sys
from itertools import combinations
from pathlib import Path
from typing import Any


def countries(x: dict[str, Any]) -> set[str]:
    found = {str(a[3]) for a in x["actors"] if a[3]}
    if (x.get("location") or {}).get("country"):
        found.add(str(x["location"]["country"]))
    return found


def split_of(doc_a: str, doc_b: str) -> str:
    digest = hashlib.sha256("|".join(sorted((doc_a, doc_b))).encode()).digest()
    return "tune" if digest[0] % 2 == 0 else "heldout"


def side(x: dict[str, Any]) -> dict[str, Any]:
    return {"doc": x["doc"], "event": x["event"], "lang": x["lang"], "doc_date": x["doc_date"],
            "title": x["title"], "sentence": x["sentence"], "lead": x["lead"], "record": x["record"]}


def main(reports_path: str, keys_path: str, out_dir: str) -> None:
    items = json.loads(Path(reports_path).read_text(encoding="utf-8"))
    keys = runpy.run_path(keys_path)["K"]
    labelled = {}
    with open(f"{out_dir}/reports.jsonl", "w", encoding="utf-8") as out:
        for i, x in enumerate(items):
            key, what = keys.get(f"R{i}", (f"own:{x['event']}", x["sentence"][:160]))
            labelled[x["event"]] = (key, what)
            out.write(json.dumps(dict(side(x), event_key=key, event_is=what), ensure_ascii=False) + "\n")
    lines: list[str] = []
    seen = set()
    for a, b in combinations(items, 2):
        if a["doc"] == b["doc"] or a["type"] != b["type"]:
            continue
        shared_ids = {y[0] for y in a["actors"]} & {y[0] for y in b["actors"]}
        if not shared_ids and not (countries(a) & countries(b)):
            continue
        pair = tuple(sorted((a["event"], b["event"])))
        if pair in seen:
            continue
        seen.add(pair)
        (ka, wa), (kb, wb) = labelled[a["event"]], labelled[b["event"]]
        same = ka == kb
        reason = f"both report: {wa}" if same else f"A reports: {wa} | B reports: {wb}"
        lines.append(json.dumps({"pair_id": f"{a['event']}~{b['event']}", "a": a["event"], "b": b["event"],
                                "same_event": same, "reason": reason, "split": split_of(a["doc"], b["doc"]),
                                "langs": f"{a['lang']}-{b['lang']}"}, ensure_ascii=False) + "\n")
    Path(f"{out_dir}/event-pairs.jsonl").write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
