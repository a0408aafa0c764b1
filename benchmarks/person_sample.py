"""A reproducible random sample of the person names `communique entities` extracted, to read for junk.

    communique entities ../shared/corpus/news-sample.jsonl --format jsonl > /tmp/news-entities.jsonl
    python benchmarks/person_sample.py /tmp/news-entities.jsonl /tmp/dev-entities.jsonl [--n 300] [--seed 0]

Each distinct (canonical name, id) of kind person is one item, whatever the number of its mentions; the
sample is drawn with a fixed seed and printed with the text of one mention, sorted by the source that found
it (`source` when the records carry it) so a reader can mark every item that is not a person's name.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    items: dict[tuple[str, str], str] = {}
    for path in args.files:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if r.get("kind") == "person" and r.get("name"):
                    items.setdefault((r["name"], r.get("id", "")), r.get("text", ""))
    keys = sorted(items)
    sample = random.Random(args.seed).sample(keys, min(args.n, len(keys)))
    print(f"{len(keys)} distinct persons; {len(sample)} drawn (seed {args.seed})")
    for n, (name, entity_id) in enumerate(sorted(sample), 1):
        print(f"{n:>3}  {name}\t[{items[(name, entity_id)]}]\t{entity_id}")


if __name__ == "__main__":
    main()
