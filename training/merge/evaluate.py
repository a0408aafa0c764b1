"""Merge precision and recall on the labelled candidate pairs (data-sources/merge/event-pairs.jsonl).

    python training/merge/evaluate.py [data-sources/merge] [--split heldout|tune|all] [--show]

Each side is the report as the store holds it: its contract record, the encoder vectors of its sentence
and of its document's lead (models/encoder.py, as store/write.py computes them), its document as its
story. The decision is merge.compare (hard constraints, structural score, text evidence), the one the
store makes for a report against a merged event.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from communique.merge import compare, view_of
from communique.merge.keys import EventView
from communique.merge.sentences import vectors


def view(side: dict[str, Any]) -> EventView:
    v = view_of(side["record"], side.get("doc_date"))
    sentence, lead = vectors([side["sentence"], side["lead"]])
    v.sentence_vecs = [sentence] if sentence is not None else []
    v.doc_vecs = [lead] if lead is not None else []
    v.stories = frozenset({side["doc"]})
    return v


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default="data-sources/merge")
    parser.add_argument("--split", default="heldout", help="tune | heldout | all")
    parser.add_argument("--show", action="store_true", help="print the errors")
    parser.add_argument("--features", type=Path, help="also write each pair's decision, score and text evidence here")
    args = parser.parse_args()
    folder = Path(args.folder)
    reports = {r["event"]: r for r in map(json.loads, (folder / "reports.jsonl").read_text("utf-8").splitlines())}
    rows = [json.loads(line) for line in (folder / "event-pairs.jsonl").read_text("utf-8").splitlines()]
    if args.split != "all":
        rows = [r for r in rows if r["split"] == args.split]
    views = {event: view(r) for event, r in reports.items()}
    tp = fp = fn = tn = 0
    features = []
    for r in rows:
        match = compare(views[r["a"]], views[r["b"]])
        features.append(json.dumps({"pair_id": r["pair_id"], "same": r["same_event"], "split": r["split"],
                                    "merged": match.ok, "score": match.score, "conflict": match.conflict,
                                    "text": match.agreed.get("text"), "dated": [views[r["a"]].dated,
                                                                                views[r["b"]].dated]}))
        merged, same = match.ok, bool(r["same_event"])
        tp += merged and same
        fp += merged and not same
        fn += same and not merged
        tn += not merged and not same
        if args.show and (merged != same or same):
            text = match.agreed.get("text")
            print(f"{'OK ' if merged == same else 'ERR'} same={same} merged={merged} {r['langs']} "
                  f"score={match.score} text={text} conflict={match.conflict}\n    {r['reason'][:150]}")
    if args.features:
        args.features.write_text("\n".join(features) + "\n", encoding="utf-8")
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    print(f"split={args.split} pairs={len(rows)} same={tp + fn} merged={tp + fp} "
          f"tp={tp} fp={fp} fn={fn} tn={tn} precision={precision:.3f} recall={recall:.3f}")


if __name__ == "__main__":
    main()
