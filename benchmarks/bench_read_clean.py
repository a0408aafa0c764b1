"""Speed of the first stages: read, clean, language, sentences, each alone and together.

    .venv/bin/python benchmarks/bench_read_clean.py [PATH ...] [--repeat N]

Prints documents/s per stage (CPU time, best of `repeat`, models and data loaded beforehand) and for
the four together. Default input: ../shared/corpus/news-sample.jsonl (documents carry a `lang`
hint there, so the language stage scores the hint; --no-hints measures detection instead).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "news-sample.jsonl"


def main() -> None:
    from communique.document import Document
    from communique.options import Options
    from communique.pipeline import stages
    from communique.read import read_inputs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT_CORPUS)])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-hints", action="store_true", help="drop JSONL lang hints (measure detection)")
    args = parser.parse_args()

    options = Options()
    chain = stages("sentences")
    for stage in chain:  # load data and models once, untimed
        stage(Document(id="warm-up", raw_text="Warm-up text for the language model."), options)

    timings: dict[str, float] = {}
    count = 0
    for _ in range(args.repeat):
        start = time.process_time()
        docs = [d for d in read_inputs(args.paths, options) if isinstance(d, Document)]
        timings["read"] = min(timings.get("read", float("inf")), time.process_time() - start)
        if args.no_hints:
            for d in docs:
                d.lang_hint = None
        count = len(docs)
        for stage in chain:
            start = time.process_time()
            for d in docs:
                stage(d, options)
            name = stage.__name__
            timings[name] = min(timings.get(name, float("inf")), time.process_time() - start)
    for name, seconds in timings.items():
        print(f"{name:20s} {count / seconds:8.0f} docs/s")
    print(f"{'all four':20s} {count / sum(timings.values()):8.0f} docs/s  ({count} documents, CPU time)")


if __name__ == "__main__":
    main()
