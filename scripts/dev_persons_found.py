#!/usr/bin/env python3
"""How many persons of the gold events of dev-pages are found by `communique entities` in their document,
per language (a check on the knowledge base and recognizer, not a target to fit).

    python3 scripts/dev_persons_found.py [--gold GOLD.jsonl] [--corpus DIR] [--entities ENTITIES.jsonl]

Compared as the event scorer compares persons (`same_person` of /work/shared/eval/score_events.py).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

SHARED = Path("/work/shared")


def _scorer(path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_events", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev-pages.jsonl")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev-pages")
    parser.add_argument("--entities", type=Path, help="reuse a saved `communique entities` output")
    parser.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score_events.py")
    parser.add_argument("--verbose", action="store_true", help="list the persons not found")
    args = parser.parse_args()
    same_person = _scorer(args.scorer).same_person
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.entities:
        lines = args.entities.read_text(encoding="utf-8").splitlines()
    else:
        out = subprocess.run([sys.executable, "-m", "communique", "entities", "-f", "jsonl", str(args.corpus)],
                             capture_output=True, text=True, check=True)
        lines = out.stdout.splitlines()
    names: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        record = json.loads(line)
        if record.get("kind") == "person":
            doc = Path(str(record.get("doc") or record.get("source") or record.get("path") or "")).name
            names[doc].add(str(record.get("name") or ""))
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for page in gold:
        persons = {a["name"] for e in page["events"] if not e.get("optional") for a in e["actors"]
                   if a.get("kind") == "person"}
        for person in sorted(persons):
            hit = any(same_person(person, n) for n in names.get(page["doc"], ()))
            found[page["lang"]][0] += hit
            found[page["lang"]][1] += 1
            if args.verbose and not hit:
                print(f"  missing {page['lang']} {page['doc']}: {person}", file=sys.stderr)
    total = [sum(v[0] for v in found.values()), sum(v[1] for v in found.values())]
    print(" ".join(f"{lang} {v[0]}/{v[1]}" for lang, v in sorted(found.items())))
    print(f"total {total[0]}/{total[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
