"""What every command prints and how it ends: the one place for output formats, exit codes and error lines.

    fmt = choose_format(format)                  # jsonl | json | table (table on a terminal), else exit 2
    emit(records, fmt, columns, "Events")        # JSON lines, one JSON array, or a table
    say("file.txt: not found")                   # one line on stderr: "communique: file.txt: not found"
    fail("…", EXIT_USAGE)                        # that line, then exit with the code

Exit codes: 0 all went well, 1 bad input or an unusable store (some documents may still have been
processed), 2 bad usage (an unknown format, a malformed option value).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, NoReturn

import typer

from communique.cli.terminal import render_table

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2

FORMATS = ("jsonl", "json", "table")
Format = Annotated[str | None, typer.Option("--format", "-f", help="jsonl | json | table (table on a terminal).")]


def say(message: object) -> None:
    """One line on stderr, prefixed with the program's name (errors, warnings, summaries)."""
    typer.echo(f"communique: {message}", err=True)


def fail(message: object, code: int) -> NoReturn:
    """Say what is wrong and exit with `code` (never a traceback)."""
    say(message)
    raise typer.Exit(code)


def choose_format(fmt: str | None) -> str:
    """The --format value, or table on a terminal and jsonl otherwise; an unknown one exits 2."""
    chosen = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if chosen not in FORMATS:
        fail(f"--format {chosen!r}: expected jsonl, json or table", EXIT_USAGE)
    return chosen


def emit(records: Iterator[dict[str, Any]], fmt: str, columns: list[tuple[str, str]], title: str) -> int:
    """Print records as JSON lines, one JSON array, or a table; returns how many were printed."""
    count = 0
    if fmt == "jsonl":
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            count += 1
        return count
    items = list(records)
    if fmt == "json":
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    else:
        render_table(items, columns, title)
    return len(items)


@contextmanager
def store_errors(db: str | None) -> Iterator[None]:
    """One clear line and an exit code for store and export problems: 2 for a bad --db, else 1."""
    # lazy: the store pulls in SQLAlchemy (0.35 s measured), which `communique --help` must not pay for
    from communique.export import ExportError
    from communique.store import StoreError, resolve_url, translated_errors

    try:
        with translated_errors(resolve_url(db)):
            yield
    except StoreError as error:
        fail(error, EXIT_USAGE if error.usage else EXIT_BAD_INPUT)
    except ExportError as error:
        fail(error, EXIT_USAGE)
    except OSError as error:
        fail(f"{error.filename or ''}: {error.strerror or error}", EXIT_BAD_INPUT)


__all__ = ["EXIT_BAD_INPUT", "EXIT_OK", "EXIT_USAGE", "FORMATS", "Format", "choose_format", "emit", "fail", "say",
           "store_errors"]
