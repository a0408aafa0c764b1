"""The benchmark runner: `python -m benchmarks [--quick] [--runs N] [--dask] [--components]` (`make bench`).

Measures, each as the median of `runs` runs (default 3; --quick: 1):
  - per stage (clean, language, sentences, actors, time, events), in-process over all documents of
    each corpus with time.perf_counter (wall) and time.process_time (CPU); data loaded beforehand;
  - end to end: `communique extract news-sample.jsonl --format jsonl --jobs 2 > /dev/null` in a new
    process, start-up included: documents/s, MB/s, time to the first record, CPU time (user+sys of
    the process and its workers) and peak RSS (ru_maxrss of that child, from os.wait4);
  - start-up: `communique --help`.
Writes benchmarks/results.md (tables + the machine) and prints it. Targets are reported, not asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.common import BIN, NEWS_SAMPLE, ROOT, SEEDS, machine_lines, markdown_table, median

STAGES = ("clean", "language", "sentences", "actors", "time", "events")
TARGET_DOCS_PER_S = 300
TARGET_RSS_MB = 1024
TARGET_HELP_S = 0.5

if TYPE_CHECKING:
    from communique.document import Document


@dataclass(slots=True)
class StageTiming:
    corpus: str
    stage: str
    documents: int
    megabytes: float  # UTF-8 size of the raw text of the documents
    wall: float  # median seconds over runs
    cpu: float

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.wall if self.wall else float("inf")

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.wall if self.wall else float("inf")


@dataclass(slots=True)
class CommandRun:
    wall: float  # seconds from start to exit
    first_output: float | None  # seconds to the first line on stdout
    cpu: float  # user + sys of the process and every child it waited for (the pool's workers)
    max_rss_mb: float  # the largest resident set among them
    lines: int
    returncode: int


def run_command(args: list[str]) -> CommandRun:
    """Run a command to completion, timing its first output line; rusage from os.wait4 (this child only)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    assert proc.stdout is not None
    first: float | None = None
    lines = 0
    for _line in proc.stdout:
        if first is None:
            first = time.perf_counter() - start
        lines += 1
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting again
    return CommandRun(wall=wall, first_output=first, cpu=usage.ru_utime + usage.ru_stime,
                      max_rss_mb=usage.ru_maxrss / 1024, lines=lines, returncode=proc.returncode)


def load_documents(path: Path) -> list[Document]:
    """The corpus as Documents, read but not processed (input errors dropped)."""
    from communique.document import Document
    from communique.options import Options
    from communique.read import read_inputs

    return [d for d in read_inputs([str(path)], Options()) if isinstance(d, Document)]


def stage_timings(path: Path, runs: int) -> list[StageTiming]:
    """Each stage over all documents of the corpus (fresh documents every run), median of `runs`."""
    from communique.options import Options
    from communique.pipeline import stages, warm_up

    options = Options()
    warm_up(options)  # lexicons, gazetteers, models: loaded once per process, not part of a stage's speed
    chain = stages("events")
    walls: dict[str, list[float]] = {name: [] for name in STAGES}
    cpus: dict[str, list[float]] = {name: [] for name in STAGES}
    docs = []
    for _ in range(runs):
        docs = load_documents(path)
        for name, stage in zip(STAGES, chain, strict=True):
            wall0, cpu0 = time.perf_counter(), time.process_time()
            for doc in docs:
                stage(doc, options)
            walls[name].append(time.perf_counter() - wall0)
            cpus[name].append(time.process_time() - cpu0)
    megabytes = sum(len(d.raw_text.encode("utf-8")) for d in docs) / 1e6
    rows = [StageTiming(path.name, name, len(docs), megabytes, median(walls[name]), median(cpus[name]))
            for name in STAGES]
    rows.append(StageTiming(path.name, "all six", len(docs), megabytes, sum(r.wall for r in rows),
                            sum(r.cpu for r in rows)))
    return rows


def corpus_megabytes(path: Path) -> tuple[int, float]:
    docs = load_documents(path)
    return len(docs), sum(len(d.raw_text.encode("utf-8")) for d in docs) / 1e6


def end_to_end(path: Path, runs: int, jobs: int, engine: str = "local") -> list[CommandRun]:
    args = [str(BIN / "communique"), "extract", str(path), "--format", "jsonl", "--jobs", str(jobs)]
    if engine != "local":
        args += ["--engine", engine]
    return [run_command(args) for _ in range(runs)]


def help_startup(runs: int) -> list[CommandRun]:
    return [run_command([str(BIN / "communique"), "--help"]) for _ in range(max(runs, 3))]


def component_benchmarks() -> list[str]:
    """The stage owners' own benchmarks (benchmarks/bench_*.py), run as they are, output kept verbatim."""
    out = []
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        done = subprocess.run([sys.executable, str(script), "--repeat", "1"], capture_output=True, text=True,
                              cwd=ROOT, check=False)
        out += [f"### {script.name}", "", "```", (done.stdout + done.stderr).strip(), "```", ""]
    return out


def _verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


def end_to_end_rows(label: str, runs: list[CommandRun], documents: int, megabytes: float,
                    jobs: int) -> list[list[object]]:
    wall = median([r.wall for r in runs])
    first = [r.first_output for r in runs if r.first_output is not None]
    cpu = median([r.cpu for r in runs])
    rss = max(r.max_rss_mb for r in runs)
    failed = sum(1 for r in runs if r.returncode not in (0, 1))  # 1: some input was bad, the run went on
    rate = documents / wall
    return [
        [f"{label}: documents/s (wall, start-up included)", f"{rate:,.0f}", f">= {TARGET_DOCS_PER_S}",
         _verdict(rate >= TARGET_DOCS_PER_S)],
        [f"{label}: MB/s (wall)", f"{megabytes / wall:.2f}", "", ""],
        [f"{label}: wall seconds", f"{wall:.2f}", "", ""],
        [f"{label}: CPU seconds (user+sys, all processes)", f"{cpu:.2f}", "", ""],
        [f"{label}: documents per CPU-second", f"{documents / cpu:,.0f}", "", ""],
        # What the same work would take on `jobs` otherwise idle cores (the machine is shared): a bound
        # that ignores the serial parts (start-up, reading, the 256-document batches' stragglers).
        [f"{label}: documents/s on {jobs} idle cores (estimate: documents / (CPU s / {jobs}))",
         f"{documents * jobs / cpu:,.0f}", f">= {TARGET_DOCS_PER_S}",
         _verdict(documents * jobs / cpu >= TARGET_DOCS_PER_S)],
        [f"{label}: time to the first record (s)", f"{median(first):.2f}" if first else "no output", "", ""],
        [f"{label}: peak RSS (MB, largest process)", f"{rss:.0f}", f"<= {TARGET_RSS_MB}",
         _verdict(rss <= TARGET_RSS_MB)],
        [f"{label}: records printed / failed runs", f"{runs[0].lines} / {failed}", "", ""],
    ]


def build_report(args: argparse.Namespace) -> list[str]:
    corpora = [NEWS_SAMPLE, SEEDS]
    lines = ["# Benchmark results", "", f"`python -m benchmarks {' '.join(sys.argv[1:])}`".replace(" `", "`") + ": "
             f"medians of {args.runs} run(s); written {time.strftime('%Y-%m-%d %H:%M')}.", "", "## Machine", ""]
    lines += machine_lines() + [""]

    e2e_rows: list[list[object]] = []
    helps = help_startup(args.runs)
    help_wall = median([r.wall for r in helps])
    e2e_rows.append(["`communique --help` (s)", f"{help_wall:.3f}", f"<= {TARGET_HELP_S}",
                     _verdict(help_wall <= TARGET_HELP_S)])
    n_docs, mb = corpus_megabytes(NEWS_SAMPLE)
    label = f"extract news-sample --jobs {args.jobs}"
    e2e_rows += end_to_end_rows(label, end_to_end(NEWS_SAMPLE, args.runs, args.jobs), n_docs, mb,
                               args.jobs)
    if args.dask:
        e2e_rows += end_to_end_rows(f"extract news-sample --engine dask --jobs {args.jobs}",
                                    end_to_end(NEWS_SAMPLE, args.runs, args.jobs, "dask"), n_docs, mb,
                                    args.jobs)
    lines += [f"## End to end ({NEWS_SAMPLE.name}: {n_docs} documents, {mb:.2f} MB)", ""]
    lines += markdown_table(["measure", "value", "target", "met"], e2e_rows) + [""]

    stage_rows: list[list[object]] = []
    for corpus in corpora:
        for t in stage_timings(corpus, args.runs):
            stage_rows.append([t.corpus, t.stage, f"{t.docs_per_s:,.0f}", f"{t.mb_per_s:.2f}", f"{t.wall:.2f}",
                               f"{t.cpu:.2f}", f"{t.documents / t.cpu if t.cpu else float('inf'):,.0f}"])
    lines += ["## Per stage (in-process, one core, data loaded beforehand)", ""]
    lines += markdown_table(["corpus", "stage", "docs/s", "MB/s", "wall s", "CPU s", "docs per CPU-s"],
                            stage_rows) + [""]
    if args.components:
        lines += ["## The stage owners' benchmarks", ""] + component_benchmarks()
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (the median is reported)")
    parser.add_argument("--quick", action="store_true", help="one run of each measurement")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs of the end-to-end command")
    parser.add_argument("--dask", action="store_true", help="also run end to end with --engine dask")
    parser.add_argument("--components", action="store_true", help="also run benchmarks/bench_*.py")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 1
    lines = build_report(args)
    text = "\n".join(lines).rstrip() + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(text, end="")
