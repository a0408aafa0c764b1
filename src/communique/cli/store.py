"""The store's commands: ingest, reprocess, events, actors, timeline, search, correct, split, history, export, serve.

Every store problem is one line on stderr and exit 2 (bad usage) or 1 (the database), never a traceback.
The store is imported inside each command (`# lazy`): it pulls in SQLAlchemy, the pipeline and the API
(0.35 s to 0.6 s measured), which `communique --help` and the document commands must not pay for.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from communique.cli.output import EXIT_BAD_INPUT, EXIT_USAGE, Format, choose_format, emit, fail, say, store_errors
from communique.cli.params import Db, run_options
from communique.cli.terminal import progress_bar

if TYPE_CHECKING:
    from communique.store import EventFilter

By = Annotated[str | None, typer.Option("--by", help="Who makes the correction (default: $USER).")]
Note = Annotated[str | None, typer.Option("--note", help="Why (kept in the audit trail).")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="An actor id, or part of a name.")]
CountryOpt = Annotated[str | None, typer.Option("--country", help="A participant's country (ISO alpha-2).")]
PairOpt = Annotated[str | None, typer.Option("--pair", help="Two participant countries, e.g. VN,RU.")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")]
ModeOpt = Annotated[str | None, typer.Option("--mode", help="PLOVER mode, e.g. meet, visit, phone.")]
TopicOpt = Annotated[str | None, typer.Option("--topic", help="A topic, e.g. energy.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Events ending on or after YYYY[-MM[-DD]].")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Events starting on or before YYYY[-MM[-DD]].")]
LangOpt = Annotated[str | None, typer.Option("--lang", help="Events with a source in this language.")]
TextOpt = Annotated[str | None, typer.Option("--text", help="Events whose source documents match this text.")]
RejectedOpt = Annotated[bool, typer.Option("--include-rejected", help="Also show events marked rejected.")]

STORE_EVENT_COLUMNS = [("id", "id"), ("type", "type"), ("mode", "mode"), ("status", "status"), ("date", "date"),
                       ("location", "location"), ("actors", "actors"), ("topics", "topics"), ("sources", "doc")]
ACTOR_COLUMNS = [("id", "id"), ("name", "name"), ("kind", "kind"), ("country", "country"), ("events", "events"),
                 ("roles", "roles")]
TIMELINE_COLUMNS = [("month", "month"), ("events", "events"), ("types", "types"), ("topics", "topics")]
STORY_COLUMNS = [("id", "id"), ("first seen", "first_seen"), ("last seen", "last_seen"), ("docs", "n_documents"),
                 ("languages", "languages"), ("outlets", "outlets"), ("title", "title")]
SEARCH_COLUMNS = [("id", "id"), ("date", "date"), ("lang", "lang"), ("title", "title"), ("snippet", "snippet")]


def _filter(actor: str | None = None, country: str | None = None, pair: str | None = None, type: str | None = None,
            mode: str | None = None, topic: str | None = None, since: str | None = None, until: str | None = None,
            lang: str | None = None, text: str | None = None, include_rejected: bool = False) -> EventFilter:
    from communique.store import EventFilter, StoreError, check_period  # lazy: see module docstring

    pair_codes: tuple[str, str] | None = None
    if pair:
        codes = [c.strip().upper() for c in pair.split(",") if c.strip()]
        if len(codes) != 2:
            raise StoreError(f"--pair {pair!r}: expected two country codes, e.g. VN,RU", usage=True)
        pair_codes = (codes[0], codes[1])
    return EventFilter(actor=actor, country=country, pair=pair_codes, type=type, mode=mode, topic=topic,
                       since=check_period(since, "--since"), until=check_period(until, "--until"), lang=lang,
                       text=text, include_rejected=include_rejected)


def _print(records: list[dict[str, Any]], fmt: str | None, columns: list[tuple[str, str]], title: str) -> None:
    chosen = choose_format(fmt)
    emit(iter([_tabular(r) for r in records] if chosen == "table" else records), chosen, columns, title)


def _tabular(rec: dict[str, Any]) -> dict[str, Any]:
    """Dict and list cells shown compactly in tables."""
    out = dict(rec)
    for key in ("types", "topics"):
        if isinstance(out.get(key), dict):
            out[key] = ", ".join(f"{k} {v}" for k, v in out[key].items())
    for key in ("roles", "languages", "outlets"):
        if isinstance(out.get(key), list):
            out[key] = "; ".join(out[key])
    return out


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or .jsonl files to add to the store.")],
    db: Db = None,
    doc_date: Annotated[str | None, typer.Option("--doc-date", help="Date of documents that carry none.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Force the language of every document.")] = None,
) -> None:
    """Add documents to the store (incremental: unchanged documents are skipped)."""
    from communique.store import ingest_paths, open_store, resolve_url  # lazy: see module docstring

    options = run_options(doc_date, lang)
    with store_errors(db), progress_bar("Ingesting") as advance:
        engine = open_store(db)
        stats = ingest_paths(engine, paths, options, say, advance)
    if undated := stats.undated_summary():
        say(undated)
    say(f"{resolve_url(db)}: {stats.summary()}")  # the last line: what scripts read
    if stats.input_errors or stats.failed:
        raise typer.Exit(EXIT_BAD_INPUT)


def reprocess(
    db: Db = None,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only these document ids.")] = None,
) -> None:
    """Run the pipeline again on stored documents (after an upgrade); corrections are kept."""
    from communique.store import open_store, resolve_url  # lazy: see module docstring
    from communique.store import reprocess as run_reprocess

    with store_errors(db), progress_bar("Reprocessing") as advance:
        engine = open_store(db)
        stats = run_reprocess(engine, say, doc, advance)
    say(f"{resolve_url(db)}: reprocessed {stats.changed} document(s), {stats.events} event(s)"
        + (f"; {stats.failed} failed" if stats.failed else ""))
    if stats.failed:
        raise typer.Exit(EXIT_BAD_INPUT)


def events(db: Db = None, actor: ActorOpt = None, country: CountryOpt = None, pair: PairOpt = None,
           type: TypeOpt = None, mode: ModeOpt = None, topic: TopicOpt = None, since: SinceOpt = None,
           until: UntilOpt = None, lang: LangOpt = None, text: TextOpt = None, include_rejected: RejectedOpt = False,
           format: Format = None) -> None:
    """Merged events in the store (sources from every document, corrections applied)."""
    from communique.store import open_store, query_events  # lazy: see module docstring

    with store_errors(db):
        flt = _filter(actor, country, pair, type, mode, topic, since, until, lang, text, include_rejected)
        records = query_events(open_store(db), flt)
    _print(records, format, STORE_EVENT_COLUMNS, "Events")


actors_app = typer.Typer(help="Actors in the store: list (default), merge, rename.", no_args_is_help=False)


@actors_app.callback(invoke_without_command=True)
def actors_default(ctx: typer.Context, db: Db = None,
                   country: Annotated[str | None, typer.Option("--country", help="Actors of this country.")] = None,
                   kind: Annotated[str | None, typer.Option("--kind", help="person | organization | country")] = None,
                   format: Format = None) -> None:
    """List actors with their event counts (the default)."""
    if ctx.invoked_subcommand is None:
        actors_list(db=db, country=country, kind=kind, format=format)


@actors_app.command("list")
def actors_list(db: Db = None,
                country: Annotated[str | None, typer.Option("--country", help="Actors of this country.")] = None,
                kind: Annotated[str | None, typer.Option("--kind", help="person | organization | country")] = None,
                format: Format = None) -> None:
    """Actors with the number of (merged) events they took part in."""
    from communique.store import list_actors, open_store  # lazy: see module docstring

    with store_errors(db):
        rows = list_actors(open_store(db), None, kind=kind, actor_country=country)
    _print(rows, format, ACTOR_COLUMNS, "Actors")


@actors_app.command("merge")
def actors_merge(keep: Annotated[str, typer.Argument(help="The actor id to keep.")],
                 absorb: Annotated[str, typer.Argument(help="The actor id shown as KEEP from now on.")],
                 db: Db = None, by: By = None, note: Note = None) -> None:
    """Two ids for one actor: show ABSORB as KEEP everywhere (a correction, kept across reprocessing)."""
    from communique.store import merge_actors, open_store  # lazy: see module docstring

    with store_errors(db):
        merge_actors(open_store(db), keep, absorb, by, note)
    say(f"{absorb} is now shown as {keep}")


@actors_app.command("rename")
def actors_rename(actor_id: Annotated[str, typer.Argument(help="The actor id.")],
                  name: Annotated[str, typer.Argument(help="The new canonical name.")],
                  db: Db = None, by: By = None, note: Note = None) -> None:
    """Give an actor a new canonical name (a correction, kept across reprocessing)."""
    from communique.store import open_store, rename_actor  # lazy: see module docstring

    with store_errors(db):
        rename_actor(open_store(db), actor_id, name, by, note)
    say(f"{actor_id} is now named {name!r}")


def timeline(db: Db = None, pair: PairOpt = None, actor: ActorOpt = None, country: CountryOpt = None,
             type: TypeOpt = None, topic: TopicOpt = None, since: SinceOpt = None, until: UntilOpt = None,
             format: Format = None) -> None:
    """Events per month, by type and by topic (e.g. --pair VN,RU)."""
    from communique.store import open_store  # lazy: see module docstring
    from communique.store import timeline as build_timeline

    with store_errors(db):
        flt = _filter(actor, country, pair, type, None, topic, since, until)
        rows = build_timeline(open_store(db), flt)
    _print(rows, format, TIMELINE_COLUMNS, "Timeline")


def search(query: Annotated[str, typer.Argument(help="Words or \"a phrase\" to find in stored documents.")],
           db: Db = None, limit: Annotated[int, typer.Option("--limit", help="At most this many.")] = 20,
           format: Format = None) -> None:
    """Full-text search over stored documents."""
    from communique.store import open_store, search_documents  # lazy: see module docstring

    with store_errors(db):
        rows = search_documents(open_store(db), query, limit)
    _print(rows, format, SEARCH_COLUMNS, "Documents")


def correct(event: Annotated[str, typer.Argument(help="An event id (evt_…), merged or of one report.")],
            set_: Annotated[list[str] | None, typer.Option("--set", help="FIELD=VALUE: date, type, mode, status, "
                                                            "location, label, topics, background, confidence.")] = None,
            reject: Annotated[bool, typer.Option("--reject", help="Mark the event as not a real event.")] = False,
            db: Db = None, by: By = None, note: Note = None) -> None:
    """Correct an event; kept apart from extracted data, applied on top, and kept across reprocessing."""
    from communique.store import correct_event, open_store, parse_assignment  # lazy: see module docstring

    with store_errors(db):
        assignments = [parse_assignment(a) for a in set_ or []]
        merged_id = correct_event(open_store(db), event, assignments, reject, by, note)
    say(f"corrected {merged_id}")


def split(report: Annotated[str, typer.Argument(help="The id of one report (a source's event, evt_…) "
                                                  "to take out of the merged event it was joined to.")],
          db: Db = None, by: By = None, note: Note = None) -> None:
    """Split a wrong merge: the report leaves its merged event and stays apart from it, also after reprocessing."""
    from communique.store import open_store, split_report  # lazy: see module docstring

    with store_errors(db):
        left, now = split_report(open_store(db), report, by, note)
    say(f"split {report} from {left}; it is now {now}")


def history(target: Annotated[str | None, typer.Argument(help="An event or actor id (default: all).")] = None,
            db: Db = None, format: Format = None) -> None:
    """The audit trail of corrections: who, when, what, old value."""
    from communique.store import history as load_history  # lazy: see module docstring
    from communique.store import open_store

    with store_errors(db):
        rows = load_history(open_store(db), target)
    _print(rows, format, [(k, k) for k in ("id", "kind", "target", "field", "value", "old", "by", "at", "note")],
           "Corrections")


def export(format: Annotated[str, typer.Option("--format", "-f", help="jsonl | csv | parquet | graphml | gexf")]
           = "jsonl",
           output: Annotated[str | None, typer.Option("--output", "-o", help="File to write (parquet needs one).")]
           = None,
           db: Db = None, actor: ActorOpt = None, country: CountryOpt = None, pair: PairOpt = None,
           type: TypeOpt = None, mode: ModeOpt = None, topic: TopicOpt = None, since: SinceOpt = None,
           until: UntilOpt = None, lang: LangOpt = None, text: TextOpt = None,
           include_rejected: RejectedOpt = False) -> None:
    """Export merged events (jsonl, csv, parquet) or the actor network (graphml, gexf)."""
    from communique.export import write_export  # lazy: pyarrow and networkx writers (0.07 s measured)
    from communique.store import open_store, query_events  # lazy: see module docstring

    with store_errors(db):
        flt = _filter(actor, country, pair, type, mode, topic, since, until, lang, text, include_rejected)
        records = query_events(open_store(db), flt)
        write_export(records, format.lower(), output)
    if output:
        say(f"{len(records)} event(s) written to {output}")
    sys.stdout.flush()


def serve(
    db: Db = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    public: Annotated[bool, typer.Option("--public", help="Answer reads from any client, not only this "
                                         "machine (also: COMMUNIQUE_PUBLIC=1).")] = False,
) -> None:
    """Web app and REST API (docs at /docs); writes need COMMUNIQUE_TOKEN (Authorization: Bearer …)."""
    import uvicorn  # lazy: the server and FastAPI (0.4 s measured), for this command only

    from communique.app import Settings, create_app  # lazy: see module docstring
    from communique.store import StoreError  # lazy: see module docstring

    try:
        application = create_app(Settings.from_env(db=db, public=public or None, bind_host=host))
    except StoreError as error:
        fail(error, EXIT_USAGE if error.usage else EXIT_BAD_INPUT)
    say(f"serving on http://{host}:{port}/ (API docs at /docs)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


StoryLang = Annotated[str | None, typer.Option("--lang", help="Stories with a document in this language.")]


def stories(db: Db = None, lang: StoryLang = None,
            min_documents: Annotated[int, typer.Option("--min-documents", min=1,
                                                       help="Stories of at least this many documents.")] = 1,
            limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 50,
            offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many (paging).")] = 0,
            format: Format = None) -> None:
    """Stories: stored articles about one story in any language, most recently seen first (`show story_…`)."""
    from communique.store import open_store, page_stories  # lazy: see module docstring

    with store_errors(db):
        page = page_stories(open_store(db), limit, offset, min_documents, lang)
    _print([s.as_dict() for s in page.items], format, STORY_COLUMNS, f"Stories ({page.total})")


COMMANDS: tuple[Callable[..., None], ...] = (ingest, reprocess, events, timeline, search, stories, correct, split,
                                             history, export, serve)
