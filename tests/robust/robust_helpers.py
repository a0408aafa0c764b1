"""Helpers for the robustness tests (a plain module: test folders cannot import each other's conftest)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
BAD_DIR = ROOT / "tests" / "data" / "bad"
COMMUNIQUE = [sys.executable, "-m", "communique.cli"]


def load_generator() -> ModuleType:
    """tests/data/bad/generate.py (a plain script folder, not a package)."""
    spec = importlib.util.spec_from_file_location("bad_corpus_generate", BAD_DIR / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Ran:
    code: int
    stdout: str
    stderr: str
    max_rss_kb: int = 0

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


# Runs the CLI and, at exit, writes the process's peak RSS (VmHWM) to $HWM_FILE. Measured inside the program:
# ru_maxrss from wait4/getrusage would include the forking parent's (pytest's) RSS, which Linux carries over exec.
_MEASURED_CLI = """
import atexit, os, sys
def _peak():
    with open("/proc/self/status") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(os.environ["HWM_FILE"], "w") as out:
        out.write(kb)
atexit.register(_peak)
sys.argv = ["communique", *sys.argv[1:]]
from communique.cli import main
main()
"""


def run_cli(*args: str, stdin_path: Path | None = None, timeout: float = 600) -> Ran:
    """`communique ARGS` in a fresh process, with that process's own peak RSS."""
    with tempfile.TemporaryDirectory() as tmp, \
            (stdin_path.open("rb") if stdin_path else open(os.devnull, "rb")) as stdin:
        hwm = Path(tmp) / "hwm"
        env = {**os.environ, "PYTHONHASHSEED": "0", "COLUMNS": "200", "HWM_FILE": str(hwm)}
        done = subprocess.run([sys.executable, "-c", _MEASURED_CLI, *args], stdin=stdin, capture_output=True,
                              env=env, cwd=ROOT, timeout=timeout)
        peak = int(hwm.read_text()) if hwm.exists() else 0
    return Ran(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"), peak)


def assert_clean_errors(ran: Ran) -> None:
    """Every stderr line is one `communique: ...` message; never a traceback."""
    assert "Traceback" not in ran.stderr, ran.stderr
    for line in ran.errors:
        assert line.startswith("communique: "), line
