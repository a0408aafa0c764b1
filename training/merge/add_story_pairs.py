"""Add labelled candidate event pairs from same-story SemEval article pairs to the merge set (issue #18).

    python training/merge/add_story_pairs.py STORE.db training/merge/story_report_labels.py data-sources/merge/

STORE.db: a store built by `communique ingest` over both articles of every SemEval-2022 training pair whose
gold Overall is <= 1.5 (same story; see data-sources/merge/SOURCES.md). Its reports (events the pipeline
found) are read as training/merge/candidates.py reads them, minus those of articles already in the set
(the earlier set ran some SemEval articles as `semevalpair-<id>`). Candidate pairs are built as
training/merge/build_pairs.py builds them (different documents, same PLOVER type, a shared participant or
participant/location country; no date window) among the new reports, labelled by the hand labels in
LABELS (K: "S<n>" -> (real-world event key, what it is); n = the report's position in store order; an
unlisted report is an event of its own), split by the hash of the two documents as before, and appended
to reports.jsonl and event-pairs.jsonl with `"origin": "semeval-same-story"`.
"""

from __future__ import annotations

import json
import re
import runpy
import sys
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_pairs import countries, side, split_of  # noqa: E402
from candidates import reports  # noqa: E402

ORIGIN = "semeval-same-story"
_ARTICLE = re.compile(r"(\d{6,})$")


def article_of(doc: str) -> str:
    m = _ARTICLE.search(doc)
    return m.group(1) if m else doc


def new_reports(store: str, folder: Path) -> list[dict[str, Any]]:
    known = {article_of(json.loads(line)["doc"]) for line in (folder / "reports.jsonl").read_text("utf-8").splitlines()}
    return [r for r in reports(store) if article_of(r["doc"]) not in known]


def candidate_pairs(items: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    out, seen = [], set()
    for a, b in combinations(items, 2):
        if a["doc"] == b["doc"] or a["type"] != b["type"]:
            continue
        if not ({y[0] for y in a["actors"]} & {y[0] for y in b["actors"]}) and not (countries(a) & countries(b)):
            continue
        pair = tuple(sorted((a["event"], b["event"])))
        if pair not in seen:
            seen.add(pair)
            out.append((a, b))
    return out


def main(store: str, labels_path: str, out_dir: str) -> None:
    folder = Path(out_dir)
    items = new_reports(store, folder)
    keys = runpy.run_path(labels_path)["K"]
    labelled = {x["event"]: keys.get(f"S{i}", (f"own:{x['event']}", x["sentence"][:160])) for i, x in enumerate(items)}
    with (folder / "reports.jsonl").open("a", encoding="utf-8") as out:
        for x in items:
            key, what = labelled[x["event"]]
            out.write(json.dumps(dict(side(x), event_key=key, event_is=what, origin=ORIGIN), ensure_ascii=False) + "\n")
    with (folder / "event-pairs.jsonl").open("a", encoding="utf-8") as out:
        for a, b in candidate_pairs(items):
            (ka, wa), (kb, wb) = labelled[a["event"]], labelled[b["event"]]
            same = ka == kb
            reason = f"both report: {wa}" if same else f"A reports: {wa} | B reports: {wb}"
            out.write(json.dumps({"pair_id": f"{a['event']}~{b['event']}", "a": a["event"], "b": b["event"],
                                  "same_event": same, "reason": reason, "split": split_of(a["doc"], b["doc"]),
                                  "langs": f"{a['lang']}-{b['lang']}", "origin": ORIGIN}, ensure_ascii=False) + "\n")
    print(f"{len(items)} reports, {len(candidate_pairs(items))} candidate pairs added to {folder}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
