"""Second annotator's TIMEX3 labels: span strings resolved to offsets here, asserted against the text.

A span is given either as the exact string (n = which occurrence, 0-based) or as a context string with the
expression between ⟦ and ⟧ (the context must then occur exactly once, or n picks the occurrence).
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent


def T(span, typ, value, mod=None, anchor="dct", n=0, note=None):
    return {"span": span, "type": typ, "value": value, "mod": mod, "anchor": anchor, "n": n, "note": note}


def resolve(text, item, doc_id):
    span = item["span"]
    if "⟦" in span:
        pre, rest = span.split("⟦")
        inner, post = rest.split("⟧")
        ctx = pre + inner + post
        offset = len(pre)
    else:
        ctx, inner, offset = span, span, 0
    positions = []
    i = text.find(ctx)
    while i >= 0:
        positions.append(i)
        i = text.find(ctx, i + 1)
    if len(positions) <= item["n"]:
        sys.exit(f"{doc_id}: {span!r} occurrence {item['n']} not found ({len(positions)} found)")
    start = positions[item["n"]] + offset
    end = start + len(inner)
    assert text[start:end] == inner
    out = {"start": start, "end": end, "text": inner, "type": item["type"], "value": item["value"],
           "mod": item["mod"], "anchor": item["anchor"], "annotator": "second"}
    if item["note"]:
        out["note"] = item["note"]
    return out


def build(lang, labels):
    docs = [json.loads(line) for line in (HERE / f"{lang}.blank.jsonl").read_text(encoding="utf-8").splitlines()]
    lines = []
    for doc in docs:
        if doc["doc_id"] not in labels:
            sys.exit(f"{doc['doc_id']}: no labels given")
        timex = [resolve(doc["text"], item, doc["doc_id"]) for item in labels[doc["doc_id"]]]
        timex.sort(key=lambda t: (t["start"], t["end"]))
        for a, b in zip(timex, timex[1:], strict=False):
            if b["start"] < a["end"]:
                sys.exit(f"{doc['doc_id']}: overlapping spans {a['text']!r} {b['text']!r}")
        doc["timex"] = timex
        lines.append(json.dumps(doc, ensure_ascii=False) + "\n")
    (OUT / f"{lang}.second.jsonl").write_text("".join(lines), encoding="utf-8")
    print(lang, len(docs), "docs", sum(len(labels[d["doc_id"]]) for d in docs), "timex")
