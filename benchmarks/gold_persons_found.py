"""How many persons of required gold events `communique entities` finds in their document, by name.

    python3 ../shared/eval/gold_as_jsonl.py dev-pages > /tmp/dev.jsonl
    communique entities /tmp/dev.jsonl --format jsonl > /tmp/dev-entities.jsonl
    python benchmarks/gold_persons_found.py /tmp/dev-entities.jsonl [--gold G.jsonl] [--missed]

A gold person is one (document, name) pair among the actors of kind person of the document's events that are
not `optional`. It is found when a person mention of that document has a canonical name (`name`) that is the
same person as the gold name by the event scorer's own rule (`score_events.same_person`: folded tokens, every
token of the shorter name matched, at least one of them a full token). Prints found/total overall and per
language; `--missed` lists the persons not found with the person names the document did get.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_events", path)
    if spec is None or spec.loader is None:
        sys.exit(f"{path}: cannot load the event scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_jsonl(path: Path) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    sys.exit(f"{path}:{n}: not a JSON line ({exc.msg})")
    return out


def gold_persons(gold_docs: list[dict]) -> list[tuple[str, str, str]]:
    """(doc, lang, name) of every person of a required event, once per document."""
    out: dict[tuple[str, str], str] = {}
    for g in gold_docs:
        for event in g.get("events", []):
            if event.get("optional"):
                continue
            for actor in event.get("actors", []):
                if actor.get("kind") == "person" and actor.get("name"):
                    out.setdefault((g["doc"], actor["name"]), g.get("lang", "?"))
    return [(doc, lang, name) for (doc, name), lang in out.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("entities", type=Path, help="`communique entities … --format jsonl` output")
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev-pages.jsonl")
    parser.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score_events.py")
    parser.add_argument("--missed", action="store_true", help="list the persons not found")
    args = parser.parse_args()
    same_person = load_scorer(args.scorer).same_person
    names: dict[str, set[str]] = defaultdict(set)
    for r in load_jsonl(args.entities):
        if r.get("kind") == "person" and r.get("name"):
            names[Path(str(r["doc"])).name].add(r["name"])
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc, lang, name in gold_persons(load_jsonl(args.gold)):
        found = any(same_person(name, pred) for pred in names.get(doc, ()))
        for key in (lang, "all"):
            total[key][0] += found
            total[key][1] += 1
        if args.missed and not found:
            print(f"MISSED {doc} ({lang}) {name!r}; got: {sorted(names.get(doc, ()))}")
    for lang in sorted(total, key=lambda k: (k == "all", k)):
        hit, n = total[lang]
        print(f"{lang:<4} {hit:>4}/{n:<4} {hit / n:.2f}")


if __name__ == "__main__":
    main()
