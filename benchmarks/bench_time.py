"""Speed of the time stage: `tag_time` alone and the whole `communique timex` command.

    .venv/bin/python benchmarks/bench_time.py [CORPUS.jsonl] [--repeat N]

Prints documents/s and characters/s for the stage (earlier stages run beforehand, untimed), the
wall time and documents/s of `communique timex CORPUS --format jsonl` in a fresh process, and the
peak RSS of both. Default corpus: ../shared/corpus/news-sample.jsonl.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "news-sample.jsonl"


def _load(corpus: Path) -> list[dict[str, str]]:
    with corpus.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def bench_stage(records: list[dict[str, str]], repeat: int) -> tuple[float, int, int]:
    """(seconds for tag_time over all documents, best of `repeat`; documents; timexes)."""
    from communique.document import Document
    from communique.options import Options
    from communique.pipeline import process
    from communique.time import tag_time

    options = Options()
    docs = []
    for n, rec in enumerate(records):
        doc = Document(id=str(rec.get("id", n)), raw_text=rec["text"], date=rec.get("date"),
                       lang_hint=rec.get("lang"))
        docs.append(process(doc, options, until="sentences"))
    dates = [d.date for d in docs]
    from communique.time.grammar import grammar

    t0 = time.perf_counter()
    for lang in sorted({d.lang for d in docs}):
        grammar(lang)  # built once per language per process; timed separately
    print(f"grammar build: {time.perf_counter() - t0:.2f} s for {len({d.lang for d in docs})} languages")
    best = float("inf")
    for _ in range(repeat):
        for doc, date in zip(docs, dates, strict=True):
            doc.date = date
        t0 = time.perf_counter()
        for doc in docs:
            tag_time(doc, options)
        best = min(best, time.perf_counter() - t0)
    return best, len(docs), sum(len(d.timexes) for d in docs)


def bench_command(corpus: Path) -> tuple[float, int]:
    """(wall seconds, timex lines) of `communique timex CORPUS --format jsonl` in a new process."""
    exe = Path(sys.executable).with_name("communique")
    t0 = time.perf_counter()
    out = subprocess.run([str(exe), "timex", str(corpus), "--format", "jsonl"], capture_output=True, check=True)
    return time.perf_counter() - t0, out.stdout.count(b"\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    records = _load(args.corpus)
    chars = sum(len(r["text"]) for r in records)

    seconds, n_docs, n_timex = bench_stage(records, args.repeat)
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {args.corpus.name}: {n_docs} documents, {chars / 1e6:.1f} M characters")
    print(f"tag_time stage: {n_docs / seconds:,.0f} docs/s, {chars / seconds / 1e6:.1f} M chars/s "
          f"({seconds:.2f} s, {n_timex} timexes), peak RSS {rss_self:.0f} MB")

    wall, lines = bench_command(args.corpus)
    rss_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"communique timex: {n_docs / wall:,.0f} docs/s ({wall:.2f} s wall incl. start-up, {lines} records), "
          f"peak RSS {rss_child:.0f} MB")


if __name__ == "__main__":
    main()
