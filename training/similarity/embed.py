"""Embed the title and chunks of every article of the training pairs into the disk cache (priority order).

    python -m training.similarity.embed [--part K --parts N]

Titles first, then leads, then body chunks, so that an interrupted run leaves the most useful vectors.
With `--parts 2` two processes share the work (each takes every second text of each group).
"""

from __future__ import annotations

import argparse

from training.events import embed_cache
from training.similarity.data import PAIRS, load_pairs, pieces_by_article

STEP = 24


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", type=int, default=0)
    parser.add_argument("--parts", type=int, default=1)
    args = parser.parse_args()
    pieces = pieces_by_article(load_pairs(PAIRS))
    depth = max(len(p) for p in pieces.values())
    for level in range(depth):
        texts = sorted({p[level] for p in pieces.values() if len(p) > level})
        mine = texts[args.part :: args.parts]
        print(f"level {level}: {len(mine)} texts")
        for start in range(0, len(mine), STEP):  # small steps: an interrupted run keeps its work
            embed_cache.embed(mine[start : start + STEP], "query", progress=False)
            print(f"level {level}: {min(start + STEP, len(mine))}/{len(mine)}", flush=True)


if __name__ == "__main__":
    main()
