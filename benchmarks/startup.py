"""Start-up cost of `communique extract`: a cold run (empty per-user cache) against a warm one (the cache
that the cold run filled), on the bundled seeds and on the dev pages. Both give the same records (checked).

    python -m benchmarks.startup [--dev FILE.jsonl] [--out benchmarks/results-startup.md]

`--dev` takes the dev pages as one JSONL (`python3 ../shared/eval/gold_as_jsonl.py dev-pages > dev.jsonl`).
Wall time and the peak RSS of the command (one process) are measured with `resource` on the child.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT, SEEDS, machine_lines, markdown_table


def run_extract(corpus: Path, cache: Path) -> tuple[float, float, bytes]:
    """(wall s, peak RSS MB, output) of one `extract` of `corpus` with the cache in `cache`."""
    env = dict(os.environ, COMMUNIQUE_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT / "src"))
    # the peak of the child alone: a fresh Python starts each run, and ru_maxrss of children is their maximum
    wrapper = ("import resource, subprocess, sys; out = subprocess.run(sys.argv[1:], capture_output=True).stdout; "
               "sys.stdout.buffer.write(out); "
               "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))")
    command = [sys.executable, "-c", wrapper, sys.executable, "-m", "communique.cli", "extract", str(corpus),
               "--format", "jsonl"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env, check=True)
    wall = time.perf_counter() - started
    return wall, int(done.stderr.decode().strip().splitlines()[-1]) / 1024, done.stdout


def measure(corpus: Path) -> list[list[object]]:
    with tempfile.TemporaryDirectory(prefix="communique-cache-") as folder:
        cache = Path(folder)
        cold_wall, cold_rss, cold_out = run_extract(corpus, cache)
        warm_wall, warm_rss, warm_out = run_extract(corpus, cache)
    if cold_out != warm_out:
        raise SystemExit(f"{corpus}: the warm run printed other records than the cold run")
    documents = sum(1 for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip())
    records = cold_out.count(b"\n")
    return [[corpus.name, "cold (empty cache)", documents, records, f"{cold_wall:.1f}", f"{cold_rss:.0f}"],
            [corpus.name, "warm", documents, records, f"{warm_wall:.1f}", f"{warm_rss:.0f}"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, help="the dev pages as one JSONL")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results-startup.md")
    args = parser.parse_args()
    machine = machine_lines()
    rows = measure(SEEDS)
    if args.dev:
        rows += measure(args.dev)
    load = os.getloadavg()[0]
    lines = ["# Start-up: cold and warm cache", "",
             f"`python -m benchmarks.startup{' --dev …' if args.dev else ''}`; written "
             f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; one run each; load average at the end {load:.2f}.", "",
             *machine, "",
             *markdown_table(["corpus", "cache", "documents", "records", "wall s", "peak RSS MB"], rows), ""]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
