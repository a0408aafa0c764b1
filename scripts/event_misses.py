"""Sorts every missed gold event of a scored run by cause.

    python3 scripts/event_misses.py PRED.jsonl [--gold ../shared/gold/dev-pages.jsonl] [--verbose]

Causes, for a required gold event left unmatched by `score_events.py`:
  type-ok-actors-bad   a record of the same type exists in the document, but its participants do not agree;
  actors-ok-type-bad   a record whose participants agree exists, but of another type;
  other-events-only    the document has records, none of the same type nor with agreeing participants;
  no-events            the document has no record at all.
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(SHARED / "eval"))
import score_events as se  # noqa: E402


def causes(gold_docs: list[dict], preds: list[dict]) -> list[tuple[str, str, dict, list[dict]]]:
    by_doc: dict[str, list[dict]] = collections.defaultdict(list)
    for e in preds:
        for s in e.get("sources", []):
            by_doc[se.doc_key(s.get("doc", ""))].append(e)
    rows = []
    for gd in gold_docs:
        key = se.doc_key(gd["doc"])
        pred = list({id(e): e for e in by_doc.get(key, [])}.values())
        # the matched set, derived as score_events.score derives it
        pairs = [(gi, pi) for gi, g in enumerate(gd["events"]) for pi, p in enumerate(pred)
                 if g["type"] == str(p.get("type", "")).upper() and se.actors_agree(g, p)]
        pairs.sort(key=lambda t: (not se.date_exact(gd["events"][t[0]]["date"], pred[t[1]].get("date")),
                                  gd["events"][t[0]].get("optional", False)))
        used_g: set[int] = set()
        used_p: set[int] = set()
        for gi, pi in pairs:
            if gi not in used_g and pi not in used_p:
                used_g.add(gi)
                used_p.add(pi)
        for gi, g in enumerate(gd["events"]):
            if g.get("optional"):
                continue
            if gi in used_g:
                rows.append(("match", key, g, pred))
            elif not pred:
                rows.append(("no-events", key, g, pred))
            elif any(g["type"] == str(p.get("type", "")).upper() for p in pred):
                rows.append(("type-ok-actors-bad", key, g, pred))
            elif any(se.actors_agree(g, p) for p in pred):
                rows.append(("actors-ok-type-bad", key, g, pred))
            else:
                rows.append(("other-events-only", key, g, pred))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pred")
    ap.add_argument("--gold", default=str(SHARED / "gold" / "dev-pages.jsonl"))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    rows = causes(se.load_jsonl(args.gold), se.load_jsonl(args.pred))
    print(dict(collections.Counter(r[0] for r in rows)))
    if args.verbose:
        for cause, key, g, pred in rows:
            if cause == "match":
                continue
            gold_actors = "; ".join(f"{a['kind']}:{a['name']}" for a in g["actors"])
            print(f"\n[{cause}] {key} gold {g['type']} {g.get('mode')} {g['date'].get('start')} | {gold_actors}")
            print(f"    label: {g.get('label', '')}; note: {g.get('note', '')!s:.160}")
            for p in pred:
                names = "; ".join(f"{a.get('kind')}:{a.get('name')}" for a in p.get("actors", []))
                print(f"    pred {p.get('type')} {p.get('mode')} | {names}")


if __name__ == "__main__":
    main()
