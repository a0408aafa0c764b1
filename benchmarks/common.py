"""Shared helpers for the benchmarks: paths, statistics, the machine's description, markdown tables."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
NEWS_SAMPLE = SHARED / "corpus" / "news-sample.jsonl"
SEEDS = ROOT / "src" / "communique" / "data" / "examples" / "seeds.jsonl"
BIN = ROOT / ".venv" / "bin"


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], pct: float) -> float:
    """The nearest-rank percentile (p50, p95) of a sample: a value that was actually observed."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-pct * len(ordered) // 100))))
    return ordered[rank - 1]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def ram_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def machine_lines() -> list[str]:
    """The machine, for the results: CPU model, cores, RAM, Python, and the load when measured."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return [
        f"- CPU: {cpu_model()}, {os.cpu_count()} cores",
        f"- RAM: {ram_gb():.1f} GB",
        f"- Python: {platform.python_version()} ({platform.python_implementation()}), {platform.system()}",
        f"- load average (1 min) at the start: {load:.2f} (others' jobs share the machine: compare CPU times)",
    ]


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines
