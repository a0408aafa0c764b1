"""Fixtures for the robustness tests: the bad-input corpus, the CLI as a real process, store snapshots."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

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


@pytest.fixture(scope="session")
def generator() -> ModuleType:
    return load_generator()


@pytest.fixture(scope="session")
def bad_corpus(tmp_path_factory: pytest.TempPathFactory, generator: ModuleType) -> dict[str, Path]:
    """The whole bad-input corpus (without the 200 MB file), written once per session."""
    made: dict[str, Path] = generator.generate_bad_corpus(tmp_path_factory.mktemp("bad"), huge=False)
    return made


@dataclass
class Ran:
    code: int
    stdout: str
    stderr: str
    max_rss_kb: int = 0

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def run_cli(*args: str, stdin_path: Path | None = None, timeout: float = 600) -> Ran:
    """`communique ARGS` in a fresh process; the peak RSS is that process's own (os.wait4), not the suite's."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "COLUMNS": "200"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            (stdin_path.open("rb") if stdin_path else open(os.devnull, "rb")) as stdin:
        proc = subprocess.Popen([*COMMUNIQUE, *args], stdin=stdin, stdout=out, stderr=err, env=env, cwd=ROOT)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        out.seek(0)
        err.seek(0)
        return Ran(proc.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   usage.ru_maxrss)


def assert_clean_errors(ran: Ran) -> None:
    """Every stderr line is one `communique: ...` message; never a traceback."""
    assert "Traceback" not in ran.stderr, ran.stderr
    for line in ran.errors:
        assert line.startswith("communique: "), line
