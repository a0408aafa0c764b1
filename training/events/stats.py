"""Counts of labelled event sentences per language x type, over the converters' and annotators' files.

    python -m training.events.stats [FILE.jsonl ...]

Without arguments: training/events/data/*.jsonl (pools, which carry no "type", are skipped) and
/work/labels/*.jsonl if that folder exists. Prints one table per file group and a total table.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from training.events.sources.common import DATA, PLOVER_TYPES

LABELS_DIR = Path("/work/labels")
COLUMNS = ("NONE", *PLOVER_TYPES)


def default_files() -> list[Path]:
    files = sorted(DATA.glob("*.jsonl"))
    if LABELS_DIR.is_dir():
        files += sorted(LABELS_DIR.glob("*.jsonl"))
    return files


def count(path: Path, seen: set[str]) -> tuple[Counter[tuple[str, str, bool]], Counter[tuple[str, str, bool]]] | None:
    """(lang, type, synthetic) counts of one labels file, and of its sentences not in an earlier file (by id: a
    double-labelled sentence counts once in the total); None for a file without labels (a pool)."""
    counts: Counter[tuple[str, str, bool]] = Counter()
    new: Counter[tuple[str, str, bool]] = Counter()
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                print(f"{path}:{number}: not JSON ({err.msg}); line skipped", file=sys.stderr)
                continue
            if "type" not in rec:  # an unlabelled pool
                return None
            key = (rec.get("lang", "?"), rec["type"], bool(rec.get("synthetic")))
            counts[key] += 1
            rid = str(rec.get("id", ""))
            if rid not in seen:
                new[key] += 1
                seen.add(rid)
    return counts, new


def table(title: str, counts: Counter[tuple[str, str, bool]]) -> str:
    by_lang: dict[str, Counter[str]] = {}
    for (lang, ptype, _), n in counts.items():
        by_lang.setdefault(lang, Counter())[ptype] += n
    cols = [c for c in COLUMNS if any(c in row for row in by_lang.values())]
    cols += sorted({t for row in by_lang.values() for t in row} - set(COLUMNS))
    head = ["lang", *[c[:8] for c in cols], "total"]
    rows = [[lang, *[str(by_lang[lang][c]) for c in cols], str(sum(by_lang[lang].values()))]
            for lang in sorted(by_lang)]
    totals = Counter[str]()
    for row in by_lang.values():
        totals.update(row)
    rows.append(["all", *[str(totals[c]) for c in cols], str(sum(totals.values()))])
    width = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = [f"## {title}", " ".join(h.rjust(w) for h, w in zip(head, width, strict=True))]
    lines += [" ".join(v.rjust(w) for v, w in zip(r, width, strict=True)) for r in rows]
    synthetic = sum(n for (_, _, s), n in counts.items() if s)
    if synthetic:
        lines.append(f"(of which synthetic: {synthetic})")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    files = [Path(a) for a in argv] or default_files()
    total: Counter[tuple[str, str, bool]] = Counter()
    seen: set[str] = set()
    for path in files:
        counted = count(path, seen)
        if counted is None:
            continue
        print(table(str(path), counted[0]), end="\n\n")
        total.update(counted[1])
    print(table("all files (a sentence id labelled in several files counts once)", total))
    real = Counter({k: n for k, n in total.items() if not k[2]})
    print()
    print(table("all files, real text only (synthetic left out)", real))


if __name__ == "__main__":
    main(sys.argv[1:])
