"""Where the pipeline's time goes: `python -m benchmarks.profile [CORPUS] [--top 25] [--stage NAME]`.

Runs the stages over the corpus under cProfile (data loaded beforehand, untimed) and prints the
functions with the most own time, then the cumulative time of each stage's entry point. Also the
cost of start-up: importing the CLI, and loading every stage's data (`pipeline.warm_up`).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import NEWS_SAMPLE, ROOT


def startup_costs() -> list[str]:
    """Seconds to import the CLI module, and to load the stages' data, each in a fresh process."""
    code_import = "import time; t=time.perf_counter(); import communique.cli; print(time.perf_counter()-t)"
    code_warm = ("import time; from communique.options import Options; from communique.pipeline import warm_up; "
                 "t=time.perf_counter(); warm_up(Options()); print(time.perf_counter()-t)")
    out = []
    for label, code in (("import communique.cli", code_import), ("pipeline.warm_up (all data)", code_warm)):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        out.append(f"{label}: {float(done.stdout.strip()):.2f} s")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=NEWS_SAMPLE)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--stage", default=None, help="profile only this stage (earlier ones run unprofiled)")
    args = parser.parse_args(argv)

    from benchmarks.runner import STAGES, load_documents
    from communique.options import Options
    from communique.pipeline import stages, warm_up

    options = Options()
    warm_up(options)
    docs = load_documents(args.corpus)
    chain = list(zip(STAGES, stages("events"), strict=True))
    profiler = cProfile.Profile()
    start = time.perf_counter()
    for name, stage in chain:
        profiled = args.stage is None or args.stage == name
        if profiled:
            profiler.enable()
        for doc in docs:
            stage(doc, options)
        if profiled:
            profiler.disable()
    print(f"{len(docs)} documents of {args.corpus.name} in {time.perf_counter() - start:.1f} s (under cProfile)")
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("tottime").print_stats(args.top)
    print(buffer.getvalue())
    for line in startup_costs():
        print(line)


if __name__ == "__main__":
    main()
