"""`communique watch …`: monitor sources (the default command) and `watch status`.

The store and watch modules are imported inside the commands (`# lazy`): they pull in SQLAlchemy and the
pipeline (0.35 s to 0.6 s measured), which `communique --help` must not pay for.
"""

from __future__ import annotations

import threading
from typing import Annotated

import typer

from communique.cli.output import EXIT_USAGE, Format, choose_format, emit, fail, say, store_errors
from communique.cli.params import Db

STATUS_COLUMNS = [("source", "name"), ("kind", "kind"), ("last success", "last_success"),
                  ("items seen", "items_seen"), ("new (last)", "items_new"), ("errors", "errors"),
                  ("failing items", "failed_items"), ("next try", "next_attempt"), ("last error", "last_error")]

watch_app = typer.Typer(help="Monitor news sources: fetch new articles, ingest them, send watchlist alerts.",
                        no_args_is_help=False)


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
        fail("watch: --sources FILE is required (see README, Monitoring)", EXIT_USAGE)
    from communique.store import open_store  # lazy: see module docstring
    from communique.watch.config import WatchConfigError, load_sources, load_watchlists, parse_duration  # lazy
    from communique.watch.runner import WatchSettings, stop_on_signals, watch_loop  # lazy: see module docstring

    try:
        sources_file = load_sources(sources)
        lists = load_watchlists(watchlists) if watchlists else []
        interval = parse_duration(every)
    except WatchConfigError as error:
        fail(error, EXIT_USAGE)
    stop = threading.Event()
    with store_errors(db):
        engine = open_store(db)
        with stop_on_signals(stop, say):
            watch_loop(engine, sources_file, lists, WatchSettings(allow_private=allow_private), interval, say,
                       typer.echo, stop, once=once)


@watch_app.command("status")
def status(db: Db = None, format: Format = None) -> None:
    """Per source: last success, items seen, errors, back-off."""
    from communique.store import open_store  # lazy: see module docstring
    from communique.watch.state import source_status  # lazy: see module docstring

    with store_errors(db):
        rows = source_status(open_store(db))
    fmt = choose_format(format)
    if fmt == "table" and not rows:
        say("watch status: no source has been watched yet in this store")
        return
    emit(iter(rows), fmt, STATUS_COLUMNS, "Watched sources")
