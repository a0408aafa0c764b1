"""The `communique` command line: parses options and calls the layers below, nothing more.

Heavy modules (the pipeline, its data, rich tables) are imported inside the commands so that
`communique --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from communique.document import Document
    from communique.errors import InputError
    from communique.pipeline import Options

app = typer.Typer(
    name="communique",
    help="Multilingual news -> evidence-linked diplomatic events (PLOVER).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
kb_app = typer.Typer(help="Knowledge base tools.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2

Paths = Annotated[list[str], typer.Argument(help="Files, folders, .jsonl files, or - for standard input.")]
DocDate = Annotated[str | None, typer.Option("--doc-date", help="Date (YYYY-MM-DD) of documents that carry none.")]
Lang = Annotated[str | None, typer.Option("--lang", help="Force the language of every document (ISO 639-1).")]
Format = Annotated[str | None, typer.Option("--format", "-f", help="jsonl | json | table (table on a terminal).")]
MinConf = Annotated[float, typer.Option("--min-confidence", help="Drop events below this confidence.")]
Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for extraction.")]


class _Run:
    """Reads inputs, runs the pipeline and remembers the worst problem for the exit code."""

    def __init__(self, paths: list[str], options: Options, until: str, jobs: int = 1) -> None:
        self.paths, self.options, self.until, self.jobs = paths, options, until, jobs
        self.exit_code = 0
        self.documents = 0

    def documents_iter(self) -> Iterator[Document]:
        from communique.errors import InputError
        from communique.pipeline import process_parallel
        from communique.read import read_inputs

        items = read_inputs(self.paths, self.options)
        for item in process_parallel(items, self.options, self.until, self.jobs):
            if isinstance(item, InputError):
                self.report(item)
                continue
            self.documents += 1
            for warning in item.warnings:
                typer.echo(f"communique: {item.source or item.id}: {warning}", err=True)
            yield item

    def report(self, error: InputError) -> None:
        typer.echo(f"communique: {error}", err=True)
        code = EXIT_USAGE if getattr(error, "usage", False) else EXIT_BAD_INPUT
        self.exit_code = max(self.exit_code, code)


def _options(doc_date: str | None, lang: str | None, min_confidence: float = 0.0) -> Options:
    from communique.pipeline import Options

    if doc_date is not None:
        import datetime as dt

        try:
            dt.date.fromisoformat(doc_date)
        except ValueError:
            typer.echo(f"communique: --doc-date {doc_date!r}: expected YYYY-MM-DD", err=True)
            raise typer.Exit(EXIT_USAGE) from None
    if lang is not None:
        from communique.clean.language import is_language_code

        lang = lang.lower()
        if not is_language_code(lang):
            typer.echo(f"communique: --lang {lang!r}: not an ISO 639 language code (e.g. ru, vi, de)", err=True)
            raise typer.Exit(EXIT_USAGE)
    return Options(doc_date=doc_date, lang=lang, min_confidence=min_confidence)


def _format(fmt: str | None) -> str:
    chosen = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if chosen not in ("jsonl", "json", "table"):
        typer.echo(f"communique: --format {chosen!r}: expected jsonl, json or table", err=True)
        raise typer.Exit(EXIT_USAGE)
    return chosen


def _emit(records: Iterator[dict[str, Any]], fmt: str, columns: list[tuple[str, str]], title: str) -> int:
    """Print records as JSON lines, one JSON array, or a table; returns how many were printed."""
    count = 0
    if fmt == "jsonl":
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "json":
        items = list(records)
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
        return len(items)
    from communique.tables import render_table

    items = list(records)
    render_table(items, columns, title)
    return len(items)


def _finish(run: _Run) -> None:
    if run.exit_code:
        raise typer.Exit(run.exit_code)


@app.command()
def extract(paths: Paths, doc_date: DocDate = None, lang: Lang = None, format: Format = None,
            min_confidence: MinConf = 0.0, jobs: Jobs = 1,
            engine: Annotated[str, typer.Option("--engine", help="local (processes, --jobs) | dask.")] = "local",
            scheduler: Annotated[str | None, typer.Option(
                "--scheduler", help="Dask scheduler address (default: a local cluster of --jobs workers).")] = None,
            ) -> None:
    """Print one event record per event found (the output contract)."""
    from communique.records import event_record

    options = _options(doc_date, lang, min_confidence)
    run = _Run(paths, options, "events", jobs)
    fmt = _format(format)
    if engine not in ("local", "dask"):
        typer.echo(f"communique: --engine {engine!r}: expected local or dask", err=True)
        raise typer.Exit(EXIT_USAGE)

    def records() -> Iterator[dict[str, Any]]:
        if engine == "dask":
            from communique.scale.dask_engine import extract_with_dask

            yield from extract_with_dask(paths, options, scheduler, on_error=run.report,
                                         on_warning=lambda w: typer.echo(f"communique: {w}", err=True),
                                         workers=jobs if jobs > 1 else None)
            return
        for doc in run.documents_iter():
            for ev in doc.events:
                if ev.confidence >= options.min_confidence:
                    yield event_record(doc, ev)

    from communique.tables import EVENT_COLUMNS

    _emit(records(), fmt, EVENT_COLUMNS, "Events")
    _finish(run)


@app.command()
def entities(paths: Paths, doc_date: DocDate = None, lang: Lang = None, format: Format = None,
             jobs: Jobs = 1) -> None:
    """Print one record per actor or place mention."""
    from communique.records import mention_record
    from communique.tables import MENTION_COLUMNS

    run = _Run(paths, _options(doc_date, lang), "actors", jobs)
    records = (mention_record(doc, m) for doc in run.documents_iter() for m in doc.mentions)
    _emit(records, _format(format), MENTION_COLUMNS, "Mentions")
    _finish(run)


@app.command()
def timex(paths: Paths, doc_date: DocDate = None, lang: Lang = None, format: Format = None,
          jobs: Jobs = 1) -> None:
    """Print one record per date or time expression (TIMEX3 values)."""
    from communique.records import timex_record
    from communique.tables import TIMEX_COLUMNS

    run = _Run(paths, _options(doc_date, lang), "time", jobs)
    records = (timex_record(doc, t) for doc in run.documents_iter() for t in doc.timexes)
    _emit(records, _format(format), TIMEX_COLUMNS, "Temporal expressions")
    _finish(run)


@app.command()
def show(
    paths: Paths,
    doc: Annotated[str | None, typer.Option("--doc", help="The id of one document of a JSONL file or folder.")] = None,
    text: Annotated[bool, typer.Option("--text", help="Print exactly the cleaned text that offsets refer to.")] = False,
    doc_date: DocDate = None,
    lang: Lang = None,
    format: Format = None,
    db: Annotated[str | None, typer.Option("--db", help="The store, for `show evt_…` (default: $COMMUNIQUE_DB or "
                                                        "./communique.db).")] = None,
) -> None:
    """Show a document (metadata, language, cleaned text, annotations), or a stored event and why its sources merged."""
    from pathlib import Path

    from communique.tables import show_document

    if len(paths) == 1 and paths[0].startswith("evt_") and not Path(paths[0]).exists():
        _show_stored_event(paths[0], db)
        return
    run = _Run(paths, _options(doc_date, lang), "events")
    found = False
    fmt = _format(format) if format else ("table" if not text else "text")
    for d in run.documents_iter():
        if doc is not None and d.id != doc:
            continue
        found = True
        if text:
            sys.stdout.write(d.text)
            if doc is None:
                sys.stdout.write("\n")
            continue
        show_document(d, fmt)
    if doc is not None and not found:
        typer.echo(f"communique: no document with id {doc!r} in {', '.join(paths)}", err=True)
        run.exit_code = max(run.exit_code, EXIT_BAD_INPUT)
    _finish(run)


@app.command()
def demo(format: Format = None) -> None:
    """Run on the bundled seed articles and print what was found."""
    from communique.langdata import data_path
    from communique.records import event_record
    from communique.tables import EVENT_COLUMNS

    with _bundled_examples(data_path("examples", "seeds.jsonl")) as example:
        run = _Run([str(example)], _options(None, None), "events")

        def records() -> Iterator[dict[str, Any]]:
            from communique.tables import progress

            # the progress bar shows only when stderr is a terminal
            for d in progress(run.documents_iter(), "Reading the seed articles"):
                for ev in d.events:
                    yield event_record(d, ev)

        n = _emit(records(), _format(format or "table"), EVENT_COLUMNS, "Events in the bundled seed articles")
        typer.echo(f"{n} events from {run.documents} documents", err=True)
    _finish(run)


def _bundled_examples(node: Any) -> Any:
    from importlib import resources

    return resources.as_file(node)


@kb_app.command("check")
def kb_check(paths: Annotated[list[str] | None, typer.Argument(help="Extra KB files to validate.")] = None) -> None:
    """Validate the knowledge base (and your own files)."""
    from communique.actors.kb import check_files

    problems = check_files(paths or [])
    for p in problems:
        typer.echo(f"communique: {p}", err=True)
    if problems:
        raise typer.Exit(EXIT_BAD_INPUT)
    typer.echo("knowledge base OK")


def _show_stored_event(event_id: str, db: str | None) -> None:
    from communique.store.db import StoreError, resolve_url
    from communique.store.queries import show_event

    try:
        described = show_event(resolve_url(db), event_id)
    except StoreError as error:
        typer.echo(f"communique: {error}", err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if described is None:
        typer.echo(f"communique: no event {event_id!r} in the store", err=True)
        raise typer.Exit(EXIT_BAD_INPUT)
    sys.stdout.write(described.rstrip("\n") + "\n")


def register_store_commands(target: typer.Typer) -> None:
    """The store's commands (ingest, events, export, …); cli_store imports nothing heavy at import time."""
    from communique.cli_store import register

    register(target)


register_store_commands(app)


def register_watch_commands(target: typer.Typer) -> None:
    """`watch` (monitor sources, the default) and `watch status`; watch.commands imports only typer."""
    from communique.watch.commands import watch_app

    target.add_typer(watch_app, name="watch")


register_watch_commands(app)


@app.command()
def serve(
    db: Annotated[str | None, typer.Option("--db", help="Store: a SQLite file or postgresql://… "
                                           "(default: $COMMUNIQUE_DB, else ./communique.db).")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    public: Annotated[bool, typer.Option("--public", help="Answer reads from any client, not only this "
                                         "machine (also: COMMUNIQUE_PUBLIC=1).")] = False,
) -> None:
    """Web app and REST API (docs at /docs); writes need COMMUNIQUE_TOKEN (Authorization: Bearer …)."""
    import uvicorn

    from communique.api import Settings, create_app
    from communique.store.db import StoreError

    try:
        application = create_app(Settings.from_env(db=db, public=public or None, bind_host=host))
    except StoreError as error:
        typer.echo(f"communique: {error}", err=True)
        raise typer.Exit(EXIT_USAGE if error.usage else EXIT_BAD_INPUT) from None
    typer.echo(f"communique: serving on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
