"""Commands that run the pipeline on files: extract, entities, timex, show, demo."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer

from communique.cli.output import EXIT_BAD_INPUT, EXIT_USAGE, Format, choose_format, emit, fail, say
from communique.cli.params import DocDate, Jobs, Lang, Paths, run_options
from communique.cli.terminal import EVENT_COLUMNS, MENTION_COLUMNS, TIMEX_COLUMNS, progress, show_document
from communique.document import Document
from communique.errors import InputError
from communique.langdata import data_path
from communique.options import Options
from communique.records import event_records, mention_record, timex_record

MinConf = Annotated[float, typer.Option("--min-confidence", help="Drop events below this confidence.")]
Engine = Annotated[str, typer.Option("--engine", help="local (processes, --jobs) | dask.")]
Scheduler = Annotated[str | None, typer.Option(
    "--scheduler", help="Dask scheduler address (default: a local cluster of --jobs workers).")]


class _Run:
    """Reads inputs, runs the pipeline and remembers the worst problem for the exit code."""

    def __init__(self, paths: list[str], options: Options, until: str, jobs: int = 1) -> None:
        self.paths, self.options, self.until, self.jobs = paths, options, until, jobs
        self.exit_code = 0
        self.documents = 0

    def documents_iter(self) -> Iterator[Document]:
        # lazy: the pipeline loads every stage (0.2 s measured) and the readers (0.1 s); --help must not wait
        from communique.pipeline import process_parallel
        from communique.read import read_inputs

        items = read_inputs(self.paths, self.options)
        for item in process_parallel(items, self.options, self.until, self.jobs):
            if isinstance(item, InputError):
                self.report(item)
                continue
            self.documents += 1
            for warning in item.warnings:
                say(f"{item.source or item.id}: {warning}")
            yield item

    def report(self, error: InputError) -> None:
        say(error)
        code = EXIT_USAGE if getattr(error, "usage", False) else EXIT_BAD_INPUT
        self.exit_code = max(self.exit_code, code)

    def finish(self) -> None:
        if self.exit_code:
            raise typer.Exit(self.exit_code)


def extract(paths: Paths, doc_date: DocDate = None, lang: Lang = None, format: Format = None,
            min_confidence: MinConf = 0.0, jobs: Jobs = 1, engine: Engine = "local", scheduler: Scheduler = None,
            ) -> None:
    """Print one event record per event found (the output contract)."""
    options = run_options(doc_date, lang, min_confidence)
    run = _Run(paths, options, "events", jobs)
    fmt = choose_format(format)
    if engine not in ("local", "dask"):
        fail(f"--engine {engine!r}: expected local or dask", EXIT_USAGE)

    def records() -> Iterator[dict[str, Any]]:
        if engine == "dask":
            # lazy: only this engine needs dask and the store (SQLAlchemy, 0.35 s measured)
            from communique.scale.dask_engine import extract_with_dask

            yield from extract_with_dask(paths, options, scheduler, on_error=run.report, on_warning=say,
                                         workers=jobs if jobs > 1 else None)
            return
        for doc in run.documents_iter():
            yield from event_records(doc, options)

    emit(records(), fmt, EVENT_COLUMNS, "Events")
    run.finish()


def entities(paths: Paths, doc_date: DocDate = None, lang: Lang = None, format: Format = None,
             jobs: Jobs = 1) -> None:
    """Print one record per actor or place mention."""
    _print_layer(paths, run_options(doc_date, lang), format, jobs, "actors",
                 lambda doc: [mention_record(doc, m) for m in doc.mentions], MENTION_COLUMNS, "Mentions")


def timex(paths: Paths, doc_date: DocDate = None, lang: Lang = None, format: Format = None,
          jobs: Jobs = 1) -> None:
    """Print one record per date or time expression (TIMEX3 values)."""
    _print_layer(paths, run_options(doc_date, lang), format, jobs, "time",
                 lambda doc: [timex_record(doc, t) for t in doc.timexes], TIMEX_COLUMNS, "Temporal expressions")


def _print_layer(paths: list[str], options: Options, format: str | None, jobs: int, until: str,
                 records_of: Callable[[Document], list[dict[str, Any]]], columns: list[tuple[str, str]],
                 title: str) -> None:
    """Run the stages up to `until` and print one record per item of one annotation layer."""
    run = _Run(paths, options, until, jobs)
    emit((rec for doc in run.documents_iter() for rec in records_of(doc)), choose_format(format), columns, title)
    run.finish()


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
    """Show a document (metadata, language, cleaned text, annotations), a stored event and why its sources
    merged (evt_…), or a stored story with its documents and events (story_…)."""
    if len(paths) == 1 and paths[0].startswith("evt_") and not Path(paths[0]).exists():
        show_stored_event(paths[0], db)
        return
    if len(paths) == 1 and paths[0].startswith("story_") and not Path(paths[0]).exists():
        show_stored_story(paths[0], db, format)
        return
    run = _Run(paths, run_options(doc_date, lang), "events")
    found = False
    fmt = choose_format(format) if format else ("table" if not text else "text")
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
        say(f"no document with id {doc!r} in {', '.join(paths)}")
        run.exit_code = max(run.exit_code, EXIT_BAD_INPUT)
    run.finish()


def show_stored_event(event_id: str, db: str | None) -> None:
    """`show evt_…`: a stored event, its corrections, its sources and why each was merged."""
    # lazy: the store pulls in SQLAlchemy (0.35 s measured), which `communique --help` must not pay for
    from communique.cli.describe import event_explanation
    from communique.store import StoreError, explain_event, resolve_url

    try:
        explained = explain_event(resolve_url(db), event_id)
    except StoreError as error:
        fail(error, EXIT_BAD_INPUT)
    if explained is None:
        fail(f"no event {event_id!r} in the store", EXIT_BAD_INPUT)
    sys.stdout.write(event_explanation(explained).rstrip("\n") + "\n")


def show_stored_story(story_id: str, db: str | None, format: str | None) -> None:
    """`show story_…`: a story, its documents (with what joined each) and the events reported in them."""
    # lazy: the store pulls in SQLAlchemy (0.35 s measured), which `communique --help` must not pay for
    from communique.cli.describe import story_description
    from communique.store import StoreError, open_store, story_detail

    try:
        found = story_detail(open_store(db), story_id)
    except StoreError as error:
        fail(error, EXIT_BAD_INPUT)
    if found is None:
        fail(f"no story {story_id!r} in the store", EXIT_BAD_INPUT)
    if format in ("json", "jsonl"):
        sys.stdout.write(json.dumps(found.as_dict(), ensure_ascii=False) + "\n")
        return
    sys.stdout.write(story_description(found) + "\n")


def demo(format: Format = None) -> None:
    """Run on the bundled seed articles and print what was found."""
    with resources.as_file(data_path("examples", "seeds.jsonl")) as example:
        run = _Run([str(example)], run_options(None, None), "events")

        def records() -> Iterator[dict[str, Any]]:
            # the progress bar shows only when stderr is a terminal
            for d in progress(run.documents_iter(), "Reading the seed articles"):
                yield from event_records(d, run.options)

        n = emit(records(), choose_format(format or "table"), EVENT_COLUMNS, "Events in the bundled seed articles")
        typer.echo(f"{n} events from {run.documents} documents", err=True)  # a summary, not a problem: no prefix
    run.finish()


COMMANDS: tuple[Callable[..., None], ...] = (extract, entities, timex, show, demo)
