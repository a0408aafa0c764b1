"""The `communique` command line: parses options and calls the layers below, nothing more.

    documents.py  extract, entities, timex, show, demo: the pipeline on files
    store.py      ingest, reprocess, events, timeline, search, correct, history, export, serve, actors …
    kb.py         kb check
    similar.py    similar: article similarity (two articles, --pairs, --near)
    watch.py      watch, watch status
    output.py     the one output module: formats (jsonl/json/table), --format, exit codes, error lines
    params.py     options shared by several commands (--doc-date, --lang, --jobs, --db), the run Options
    terminal.py   rich rendering: tables, the document view, progress bars
    describe.py   `show evt_…` as text

Nothing outside this package imports it (tests/test_architecture.py checks it). Heavy layers (the
pipeline, the store, the API) are imported inside the commands that need them, so that
`communique --help` stays under half a second.
"""

from __future__ import annotations

import typer

from communique.cli import documents, kb, similar, store, watch

app = typer.Typer(
    name="communique",
    help="Multilingual news -> evidence-linked diplomatic events (PLOVER).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Typer lists commands before groups, each in the order added: the order of `communique --help`.
for command in (*documents.COMMANDS, *store.COMMANDS, *similar.COMMANDS):
    app.command()(command)
app.add_typer(kb.kb_app, name="kb")
app.add_typer(store.actors_app, name="actors")
app.add_typer(watch.watch_app, name="watch")


def main() -> None:
    app()


__all__ = ["app", "main"]
