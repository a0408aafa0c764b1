"""Independent double labelling: `<lang>.jsonl` (first annotator, A) against `<lang>.second.jsonl` (B).

Same measures as agreement.py (one-to-one matching of overlapping spans, largest overlap first; exact extent;
exact TIMEX3 value and type on matched pairs). Usage:
    python agreement_second.py [LANG ...]          # table (default: every language with a .second.jsonl)
    python agreement_second.py --diff [LANG ...]   # list every unmatched span and every value/extent difference
"""

from __future__ import annotations

import sys

from agreement import HERE, Counts, compare, load, overlap, row


def language_counts(lang: str) -> tuple[int, Counts]:
    first = load(HERE / f"{lang}.jsonl")
    second = load(HERE / f"{lang}.second.jsonl")
    total = Counts()
    for doc_id, timex in second.items():
        if doc_id not in first:
            sys.exit(f"{lang}.second.jsonl: {doc_id} is not in {lang}.jsonl")
        total.add(compare(first[doc_id], timex))
    return len(second), total


def differences(lang: str) -> None:
    """Print A-only, B-only and matched-but-different pairs, doc by doc (same matching as compare)."""
    first = load(HERE / f"{lang}.jsonl")
    second = load(HERE / f"{lang}.second.jsonl")
    for doc_id, b_list in second.items():
        a_list = first[doc_id]
        pairs = sorted(((overlap(x, y), i, j) for i, x in enumerate(a_list) for j, y in enumerate(b_list)
                        if overlap(x, y) > 0), reverse=True)
        used_a: set[int] = set()
        used_b: set[int] = set()
        for _, i, j in pairs:
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            x, y = a_list[i], b_list[j]
            if (x["start"], x["end"], x["value"], x["type"]) != (y["start"], y["end"], y["value"], y["type"]):
                print(f"{doc_id}\tDIFF\tA {x['text']!r} {x['type']} {x['value']}\tB {y['text']!r} {y['type']} "
                      f"{y['value']}")
        for i, x in enumerate(a_list):
            if i not in used_a:
                print(f"{doc_id}\tA-ONLY\t{x['text']!r} {x['type']} {x['value']}")
        for j, y in enumerate(b_list):
            if j not in used_b:
                print(f"{doc_id}\tB-ONLY\t{y['text']!r} {y['type']} {y['value']}")


def main(args: list[str]) -> None:
    show_diff = "--diff" in args
    langs = [a for a in args if a != "--diff"] or sorted(p.name.split(".")[0] for p in HERE.glob("*.second.jsonl"))
    if show_diff:
        for lang in langs:
            differences(lang)
        return
    print("| lang | docs | TIMEX3 A | TIMEX3 B | span F1 (overlap) | span F1 (exact) | value acc. (matched) "
          "| type acc. (matched) | combined F1 (overlap + value) |")
    print("|---|---|---|---|---|---|---|---|---|")
    everything = Counts()
    all_docs = 0
    for lang in langs:
        docs, counts = language_counts(lang)
        all_docs += docs
        everything.add(counts)
        print(row(lang, docs, counts))
    print(row("all", all_docs, everything))


if __name__ == "__main__":
    main(sys.argv[1:])
