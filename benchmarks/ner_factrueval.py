"""Named-entity scores of `communique entities` on factRuEval-2016 development documents (overlap match).

    communique entities ../shared/corpus/factrueval-dev.jsonl --format jsonl > /tmp/fre.jsonl
    python benchmarks/ner_factrueval.py /tmp/fre.jsonl [--gold G.jsonl] [--corpus C.jsonl] [--errors KIND]

Match rule (overlap): a predicted mention counts as correct when it overlaps (shares at least one character
with) a gold mention of the same kind in the same document; a gold mention is found when some predicted
mention of its kind overlaps it. Precision = correct predictions / predictions, recall = found gold / gold,
per kind (person, organization, location), F1 their harmonic mean.

Kinds: the pipeline's `country` and `location` are both factRuEval locations (its Location and LocOrg);
`organization` and `person` are themselves. Lower-case mentions (demonyms such as "итальянской", which the
pipeline keeps as a country for the events stage, and title-only references to an office holder such as
"президентом России") are not named entities in factRuEval's sense and are left out of the predictions.

Offsets of `communique entities` are into the cleaned text; the script checks that each prediction's `text`
is the corpus text at its offsets. It is for 121 of the 122 documents; in the one where cleaning changed the
text, predictions are moved to the nearest occurrence of their text (the count is reported).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
KINDS = ("person", "organization", "location")
PRED_KIND = {"person": "person", "organization": "organization", "media": "organization", "country": "location",
             "location": "location"}

Span = tuple[int, int]


def load_jsonl(path: Path) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                sys.exit(f"{path}:{n}: not a JSON line ({exc.msg})")
    return out


def is_named(text: str) -> bool:
    """A named mention starts with a capital letter or a digit (not a demonym, not a bare title)."""
    head = text.lstrip("«\"'(")[:1]
    return bool(head) and (head.isupper() or head.isdigit() or not head.isalpha())


def spans_by_doc_kind(records: list[dict], kind_map: dict[str, str] | None) -> dict[tuple[str, str], list[Span]]:
    out: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for r in records:
        kind = kind_map.get(r["kind"]) if kind_map is not None else r["kind"]
        if kind is None:
            continue
        out[(r["doc"], kind)].append((int(r["start"]), int(r["end"])))
    return out


def overlaps(a: Span, spans: list[Span]) -> bool:
    return any(a[0] < b[1] and b[0] < a[1] for b in spans)


def prf(correct_pred: int, n_pred: int, found_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = correct_pred / n_pred if n_pred else 0.0
    r = found_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold: list[dict], preds: list[dict]) -> dict[str, dict[str, float]]:
    g = spans_by_doc_kind(gold, None)
    p = spans_by_doc_kind(preds, PRED_KIND)
    result: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        n_gold = n_pred = found = correct = 0
        for (doc, k), spans in g.items():
            if k != kind:
                continue
            n_gold += len(spans)
            found += sum(overlaps(s, p.get((doc, kind), [])) for s in spans)
        for (doc, k), spans in p.items():
            if k != kind:
                continue
            n_pred += len(spans)
            correct += sum(overlaps(s, g.get((doc, kind), [])) for s in spans)
        prec, rec, f1 = prf(correct, n_pred, found, n_gold)
        result[kind] = {"gold": n_gold, "pred": n_pred, "p": prec, "r": rec, "f1": f1}
    return result


def realign(preds: list[dict], texts: dict[str, str], window: int = 2000) -> tuple[int, int]:
    """Move predictions whose text is not the corpus text at their offsets (cleaning changed the document)
    to the nearest occurrence of their text within `window` characters. Returns (moved, not found)."""
    moved = lost = 0
    for r in preds:
        text = texts[r["doc"]]
        if text[r["start"] : r["end"]] == r["text"]:
            continue
        lo = max(0, r["start"] - window)
        hits = [m.start() + lo for m in re.finditer(re.escape(r["text"]), text[lo : r["end"] + window])]
        if not hits:
            lost += 1
            r["start"] = r["end"] = -1
            continue
        best = min(hits, key=lambda h: abs(h - r["start"]))
        r["start"], r["end"] = best, best + len(r["text"])
        moved += 1
    return moved, lost


def print_errors(gold: list[dict], preds: list[dict], kind: str) -> None:
    g = spans_by_doc_kind(gold, None)
    p = spans_by_doc_kind(preds, PRED_KIND)
    for r in gold:
        if r["kind"] == kind and not overlaps((r["start"], r["end"]), p.get((r["doc"], kind), [])):
            print(f"MISSED  {r['doc']}\t{r['text']}")
    for r in preds:
        if PRED_KIND.get(r["kind"]) == kind and not overlaps((r["start"], r["end"]), g.get((r["doc"], kind), [])):
            print(f"WRONG   {r['doc']}\t{r['text']}\t{r.get('name')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pred", type=Path, help="`communique entities … --format jsonl` output")
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "factrueval-dev-entities.jsonl")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "factrueval-dev.jsonl")
    parser.add_argument("--errors", choices=KINDS, help="list missed and wrong mentions of this kind")
    args = parser.parse_args()
    gold = load_jsonl(args.gold)
    texts = {d["id"]: d["text"] for d in load_jsonl(args.corpus)}
    preds = [r for r in load_jsonl(args.pred) if r["doc"] in texts and is_named(r["text"])]
    moved, lost = realign(preds, texts)
    if moved or lost:
        print(f"note: {moved} predictions moved to their text in the corpus (cleaning changed a document), "
              f"{lost} not found", file=sys.stderr)
    if args.errors:
        print_errors(gold, preds, args.errors)
        return
    print(f"{'kind':<13} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for kind, s in score(gold, preds).items():
        print(f"{kind:<13} {s['gold']:>5} {s['pred']:>5} {s['p']:>6.3f} {s['r']:>6.3f} {s['f1']:>6.3f}")


if __name__ == "__main__":
    main()
