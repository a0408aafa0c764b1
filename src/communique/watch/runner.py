"""Watch mode: each cycle lists every source, fetches the articles it has not got yet, ingests them (the store
merges), then delivers the alerts that are due. Nothing is fatal: a source that fails is logged and backed off
exponentially; an article that fails for a passing reason (timeout, 5xx) is retried later with back-off, one
that cannot succeed (404, robots.txt, private address, too large, not an article) is not asked for again.

Resumable: what was fetched, when to retry, and the feeds' validators (ETag, Last-Modified) live in the
store's database (watch.state). A feed's validators are saved only after its items are handled, so a run
killed half-way sees the feed again next time instead of a 304 that would hide the rest.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from communique.document import Document
from communique.errors import InputError
from communique.options import Options
from communique.read import declared_charset, decode_bytes, iso_date, read_bytes
from communique.store import ingest_items
from communique.watch import state
from communique.watch.alerts import AlertStats, evaluate_alerts
from communique.watch.config import Source, SourcesFile, Watchlist
from communique.watch.discover import DiscoveryError, Item, Sitemaps, parse_feed, parse_listing, parse_sitemap
from communique.watch.fetch import Fetcher, FetchError, FetchResult

Echo = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class WatchSettings:
    allow_private: bool = False
    source_backoff: float = 60.0  # seconds after a source's first failure; doubles each time
    max_backoff: float = 6 * 3600.0
    item_retry: float = 300.0  # seconds after an article's first passing failure; doubles each time
    max_item_attempts: int = 5
    max_sitemaps: int = 5  # child sitemaps of a sitemapindex read per cycle (newest first)


@dataclass(slots=True)
class SourceReport:
    name: str
    ok: bool = True
    skipped: bool = False  # backing off after errors
    not_modified: bool = False
    listed: int = 0
    ingested: int = 0
    failed: int = 0
    error: str | None = None


@dataclass(slots=True)
class CycleReport:
    sources: list[SourceReport] = field(default_factory=list)
    events: int = 0
    alerts: AlertStats = field(default_factory=AlertStats)
    stopped: bool = False

    @property
    def ingested(self) -> int:
        return sum(s.ingested for s in self.sources)

    def summary(self) -> str:
        failed = sum(1 for s in self.sources if not s.ok)
        skipped = sum(1 for s in self.sources if s.skipped)
        return (f"{len(self.sources)} source(s): {self.ingested} article(s) ingested, {self.events} event(s), "
                f"{sum(s.failed for s in self.sources)} article error(s), {failed} source error(s)"
                + (f", {skipped} backing off" if skipped else "") + f"; {self.alerts.sent} alert(s) sent"
                + (" (stopped)" if self.stopped else ""))


@dataclass(slots=True)
class _Context:
    engine: Engine
    fetcher: Fetcher
    settings: WatchSettings
    max_items: int
    options: Options
    report: Echo
    stop: threading.Event
    clock: Callable[[], float]


def run_cycle(engine: Engine, sources: SourcesFile, watchlists: list[Watchlist], settings: WatchSettings,
              fetcher: Fetcher, report: Echo, echo: Echo, stop: threading.Event | None = None,
              clock: Callable[[], float] = time.time) -> CycleReport:
    """One pass over every source, then alerts. Never raises for network or page problems."""
    state.ensure_tables(engine)
    ctx = _Context(engine, fetcher, settings, sources.settings.max_items, Options(), report,
                   stop or threading.Event(), clock)
    cycle = CycleReport()
    for source in sources.sources:
        if ctx.stop.is_set():
            cycle.stopped = True
            break
        cycle.sources.append(_watch_source(ctx, source, cycle))
    cycle.stopped = cycle.stopped or ctx.stop.is_set()
    if not cycle.stopped:
        cycle.alerts = evaluate_alerts(engine, watchlists, echo, report, clock())
    return cycle


def watch_loop(engine: Engine, sources: SourcesFile, watchlists: list[Watchlist], settings: WatchSettings,
               every: float, report: Echo, echo: Echo, stop: threading.Event, once: bool = False) -> int:
    """Cycles until `stop` is set (or once); returns how many cycles ran."""
    cycles = 0
    with Fetcher(sources.settings, allow_private=settings.allow_private) as fetcher:
        while not stop.is_set():
            started = time.monotonic()
            cycle = run_cycle(engine, sources, watchlists, settings, fetcher, report, echo, stop)
            cycles += 1
            report(f"watch: cycle {cycles}: {cycle.summary()}")
            if once or stop.is_set():
                break
            stop.wait(max(0.0, every - (time.monotonic() - started)))
    return cycles


@contextmanager
def stop_on_signals(stop: threading.Event, report: Echo) -> Iterator[None]:
    """SIGINT/SIGTERM set `stop` (the watcher finishes the article in hand and exits); a second one aborts."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, _frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        report(f"watch: {signal.Signals(signum).name}: stopping after the current article")
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


# -- one source -------------------------------------------------------------------------------------


def _watch_source(ctx: _Context, source: Source, cycle: CycleReport) -> SourceReport:
    rep = SourceReport(source.name)
    now = ctx.clock()
    previous = state.source_state(ctx.engine, source.name)
    signature = f"{source.kind} {source.url} private={ctx.settings.allow_private}"
    if previous.signature != signature:  # fixed by the user (another URL, --allow-private): no back-off
        previous = state.SourceState(None, 0, signature)
    if previous.next_attempt is not None and now < previous.next_attempt:
        rep.skipped = True
        return rep
    try:
        listed, validators = _list_items(ctx, source)
    except (FetchError, DiscoveryError) as error:
        rep.ok, rep.error = False, str(error) if isinstance(error, FetchError) else f"{source.url}: {error}"
        failures = previous.consecutive_failures + 1
        delay = min(ctx.settings.max_backoff, ctx.settings.source_backoff * 2 ** (failures - 1))
        ctx.report(f"watch: {source.name}: {rep.error} (retry in {delay:g} s)")
        state.record_source(ctx.engine, source.name, source.kind, source.url, now, ok=False, error=rep.error,
                            next_attempt=now + delay, signature=signature)
        return rep
    rep.not_modified = not validators and not listed
    rep.listed = len(listed)
    todo, complete = _items_to_fetch(ctx, source, listed)
    for item, known in todo:
        if ctx.stop.is_set():
            complete = False
            break
        ok, events = _fetch_and_ingest(ctx, source, item, known)
        rep.ingested += ok
        rep.failed += not ok
        cycle.events += events
    if complete:
        for url, etag, last_modified in validators:
            state.store_validators(ctx.engine, url, etag, last_modified, ctx.clock())
    state.record_source(ctx.engine, source.name, source.kind, source.url, ctx.clock(), ok=True,
                        items_seen=rep.ingested + rep.failed, items_new=rep.ingested, item_errors=rep.failed,
                        signature=signature)
    return rep


Validators = list[tuple[str, str | None, str | None]]


def _list_items(ctx: _Context, source: Source) -> tuple[list[Item], Validators]:
    """The source's items, and the validators to save once they are handled ([] and [] when not modified)."""
    result = _conditional_get(ctx, source, source.url)
    if result.not_modified:
        return [], []
    validators = [(source.url, result.etag, result.last_modified)]
    if source.kind == "feed":
        items = parse_feed(result.body, result.url)
    elif source.kind == "listing":
        assert source.link_pattern is not None
        items = parse_listing(_page_text(result.body), result.url, source.link_pattern)
    else:
        items = _sitemap_items(ctx, source, result, validators)
    if source.link_pattern is not None and source.kind != "listing":
        items = [i for i in items if source.link_pattern.search(i.url)]
    return items, validators


def _sitemap_items(ctx: _Context, source: Source, result: FetchResult, validators: Validators) -> list[Item]:
    parsed = parse_sitemap(result.body, result.url)
    if not isinstance(parsed, Sitemaps):
        return parsed
    items: list[Item] = []
    for child_url in parsed.urls[: ctx.settings.max_sitemaps]:
        try:
            child = _conditional_get(ctx, source, child_url)
            if child.not_modified:
                continue
            found = parse_sitemap(child.body, child.url)
        except (FetchError, DiscoveryError) as error:
            ctx.report(f"watch: {source.name}: {child_url}: {error}")
            continue
        if isinstance(found, Sitemaps):
            ctx.report(f"watch: {source.name}: {child_url}: a sitemap index inside a sitemap index (skipped)")
            continue
        validators.append((child_url, child.etag, child.last_modified))
        items.extend(found)
    return items


def _conditional_get(ctx: _Context, source: Source, url: str) -> FetchResult:
    etag, last_modified = state.cached_validators(ctx.engine, url)
    return ctx.fetcher.get(url, etag, last_modified, source.min_interval)


def _page_text(body: bytes) -> str:
    return decode_bytes(body, declared_charset(body)).text


def _items_to_fetch(ctx: _Context, source: Source,
                    listed: list[Item]) -> tuple[list[tuple[Item, state.ItemState | None]], bool]:
    """New items and failed ones due for a retry (at most max_items); complete=False when some were left."""
    now = ctx.clock()
    known = state.item_states(ctx.engine, [i.url for i in listed])
    todo = [(i, known.get(i.url)) for i in listed if i.url not in known or known[i.url].due(now)]
    seen = {i.url for i, _ in todo} | set(known)
    for url in _due_retries(ctx.engine, source.name, now):
        if url not in seen:
            retry = state.item_states(ctx.engine, [url])
            todo.append((Item(url=url), retry.get(url)))
    limit = source.max_items or ctx.max_items
    return todo[:limit], len(todo) <= limit


def _due_retries(engine: Engine, source: str, now: float) -> list[str]:
    c = state.watch_items.c
    with engine.connect() as conn:
        return list(conn.execute(select(c.url).where(c.source == source, c.next_attempt.is_not(None),
                                                     c.next_attempt <= now).order_by(c.first_seen)).scalars())


# -- one article ------------------------------------------------------------------------------------


def _fetch_and_ingest(ctx: _Context, source: Source, item: Item, known: state.ItemState | None) -> tuple[bool, int]:
    """(ingested?, events stored). Every outcome is written to watch_items."""
    attempts = (known.attempts if known else 0) + 1
    try:
        result = ctx.fetcher.get(item.url, known.etag if known else None, known.last_modified if known else None,
                                 source.min_interval)
    except FetchError as error:
        _record_failure(ctx, source, item.url, attempts, error.problem, error.permanent, error.status,
                        "gone" if error.status in (404, 410) else "refused" if error.permanent else "error")
        return False, 0
    if result.not_modified:  # a retry of something we had: nothing new
        state.record_item(ctx.engine, item.url, source.name, "ok", ctx.clock(), attempts, http_status=304,
                          etag=result.etag, last_modified=result.last_modified, doc_id=item.url)
        return True, 0
    doc = _document(result, item, source)
    if isinstance(doc, str):
        _record_failure(ctx, source, item.url, attempts, doc, True, result.status, "refused")
        return False, 0
    return _ingest(ctx, source, item, doc, result, attempts)


def _document(result: FetchResult, item: Item, source: Source) -> Document | str:
    """The article page through the HTML reader, with what the source said about it; or the problem."""
    produced = next(iter(read_bytes(result.body, item.url, item.url)), None)
    if produced is None or isinstance(produced, InputError):
        return f"not an article ({produced.problem if produced is not None else 'nothing read'})"
    doc = produced
    doc.id, doc.source = item.url, item.url  # one id per URL, whatever the page holds
    doc.url = doc.url or result.url
    doc.title = doc.title or item.title
    doc.lang_hint = doc.lang_hint or source.lang or item.lang
    if doc.date is None and item.published and iso_date(item.published):
        doc.date, doc.date_source = iso_date(item.published), "metadata"
    return doc


def _ingest(ctx: _Context, source: Source, item: Item, doc: Document, result: FetchResult,
            attempts: int) -> tuple[bool, int]:
    problems: list[str] = []
    stats = ingest_items(ctx.engine, [doc], ctx.options, problems.append)
    if stats.failed:
        _record_failure(ctx, source, item.url, attempts, "; ".join(problems), False, result.status, "failed")
        return False, 0
    state.record_item(ctx.engine, item.url, source.name, "ok", ctx.clock(), attempts, http_status=result.status,
                      etag=result.etag, last_modified=result.last_modified, doc_id=doc.id)
    return True, stats.events


def _record_failure(ctx: _Context, source: Source, url: str, attempts: int, problem: str, permanent: bool,
                    http_status: int | None, status: str) -> None:
    now = ctx.clock()
    give_up = permanent or attempts >= ctx.settings.max_item_attempts
    retry_at = None if give_up else now + min(ctx.settings.max_backoff,
                                              ctx.settings.item_retry * 2 ** (attempts - 1))
    state.record_item(ctx.engine, url, source.name, status, now, attempts, next_attempt=retry_at,
                      http_status=http_status, error=problem)
    when = "not retried" if retry_at is None else f"retry in {retry_at - now:g} s"
    ctx.report(f"watch: {source.name}: {url}: {problem} ({when})")
