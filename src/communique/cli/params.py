"""Options shared by several commands, declared once, and the run `Options` they make."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from communique.cli.output import EXIT_USAGE, fail
from communique.options import Options

Paths = Annotated[list[str], typer.Argument(help="Files, folders, .jsonl files, or - for standard input.")]
DocDate = Annotated[str | None, typer.Option("--doc-date", help="Date (YYYY-MM-DD) of documents that carry none.")]
Lang = Annotated[str | None, typer.Option("--lang", help="Force the language of every document (ISO 639-1).")]
Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for extraction.")]
Db = Annotated[str | None, typer.Option("--db", help="Store: a SQLite file or postgresql://… "
                                        "(default: $COMMUNIQUE_DB, else ./communique.db).")]


def run_options(doc_date: str | None, lang: str | None, min_confidence: float = 0.0) -> Options:
    """The run's Options from the command line; a malformed --doc-date or --lang exits 2."""
    if doc_date is not None:
        try:
            dt.date.fromisoformat(doc_date)
        except ValueError:
            fail(f"--doc-date {doc_date!r}: expected YYYY-MM-DD", EXIT_USAGE)
    if lang is not None:
        # lazy: importing clean/ compiles its debris patterns (0.12 s measured), which --help must not pay for
        from communique.clean.language import is_language_code

        lang = lang.lower()
        if not is_language_code(lang):
            fail(f"--lang {lang!r}: not an ISO 639 language code (e.g. ru, vi, de)", EXIT_USAGE)
    return Options(doc_date=doc_date, lang=lang, min_confidence=min_confidence)
