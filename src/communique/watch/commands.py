"""`communique watch …`: monitor sources (the default command) and `watch status`.

Only typer is imported at module level (this module is imported by `communique --help`).
"""

from __future__ import annotations

from typing import Annotated

import typer

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2

Db = Annotated[str | None, typer.Option("--db", help="Store: a SQLite file or postgresql://… "
                                        "(default: $COMMUNIQUE_DB, else ./communique.db).")]
Format = Annotated[str | None, typer.Option("--format", "-f", help="jsonl | json | table (table on a terminal).")]

STATUS_COLUMNS = [("source", "name"), ("kind", "kind"), ("last success", "last_success"),
                  ("items seen", "items_seen"), ("new (last)", "items_new"), ("errors", "errors"),
                  ("failing items", "failed_items"), ("next try", "next_attempt"), ("last error", "last_error")]

watch_app = typer.Typer(help="Monitor news sources: fetch new articles, ingest them, send watchlist alerts.",
                        no_args_is_help=False)


def _say(message: str) -> None:
    typer.echo(f"communique: {message}", err=True)


@watch_app.callback(invoke_without_command=True)
def watch(
    ctx: typer.Context,
    sources: Annotated[str | None, typer.Option("--sources", help="sources.yaml: feeds, sitemaps, listing pages.")]
    = None,
    watchlists: Annotated[str | None, typer.Option("--watchlists", help="watchlists.yaml: what to alert on.")]
    = None,
    every: Annotated[str, typer.Option("--every", help="Time between cycles: 15m, 1h, 30s.")] = "15m",
    db: Db = None,
    once: Annotated[bool, typer.Option("--once", help="One cycle, then exit (for cron).")] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow private, loopback and link-local "
                                                "addresses (tests, intranet sources).")] = False,
) -> None:
    """Fetch new articles from the sources, ingest and merge them, and deliver alerts (until Ctrl-C)."""
    if ctx.invoked_subcommand is not None:
        return
    if not sources:
        _say("watch: --sources FILE is required (see README, Monitoring)")
        raise typer.Exit(EXIT_USAGE)
    import threading

    from communique.cli_store import _store_errors
    from communique.store import open_store
    from communique.watch.config import WatchConfigError, load_sources, load_watchlists, parse_duration
    from communique.watch.runner import WatchSettings, stop_on_signals, watch_loop

    try:
        sources_file = load_sources(sources)
        lists = load_watchlists(watchlists) if watchlists else []
        interval = parse_duration(every)
    except WatchConfigError as error:
        _say(str(error))
        raise typer.Exit(EXIT_USAGE) from None
    stop = threading.Event()
    with _store_errors(db):
        engine = open_store(db)
        with stop_on_signals(stop, _say):
            watch_loop(engine, sources_file, lists, WatchSettings(allow_private=allow_private), interval, _say,
                       typer.echo, stop, once=once)


@watch_app.command("status")
def status(db: Db = None, format: Format = None) -> None:
    """Per source: last success, items seen, errors, back-off."""
    from communique.cli import _emit, _format
    from communique.cli_store import _store_errors
    from communique.store import open_store
    from communique.watch.state import source_status

    with _store_errors(db):
        rows = source_status(open_store(db))
    fmt = _format(format)
    if fmt == "table" and not rows:
        _say("watch status: no source has been watched yet in this store")
        return
    _emit(iter(rows), fmt, STATUS_COLUMNS, "Watched sources")
