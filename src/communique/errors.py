"""Errors about input that the CLI reports as one clear line (never a traceback)."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: names the file (and line) and the problem."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")
