"""Watch cycles on small local sites: private-address refusal, resuming, back-off, stopping, the CLI."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import CliRunner
from watch_helpers import Page, Site, article_html, rss

from communique.cli import app
from communique.store import open_store
from communique.watch.config import SourcesFile, load_sources, load_watchlists
from communique.watch.fetch import Fetcher
from communique.watch.runner import CycleReport, WatchSettings, run_cycle
from communique.watch.state import item_rows, source_status

TEXT = ["Moscow, 12 March 2025 - Russian Foreign Minister Sergey Lavrov met Vietnamese Foreign Minister "
        "Bui Thanh Son in Moscow on Wednesday.", "They discussed trade, energy and education."]
FAST = {"min_interval": 0, "timeout": 1, "max_bytes": 300_000}


def _articles(site: Site, n: int) -> None:
    entries = []
    for i in range(n):
        site.add(f"/a{i}.html", Page(article_html(f"Article {i}", [*TEXT, f"Item {i}."], "2025-03-12")))
        entries.append((site.url(f"/a{i}.html"), f"Article {i}", "2025-03-12"))
    site.add("/feed.xml", Page(rss(entries), "application/rss+xml", etag='"f1"'))


def _cycle(engine: Any, sources: SourcesFile, allow_private: bool = True, stop: threading.Event | None = None,
           watchlists: list[Any] | None = None, log: list[str] | None = None) -> CycleReport:
    settings = WatchSettings(allow_private=allow_private)
    with Fetcher(sources.settings, allow_private=allow_private) as fetcher:
        return run_cycle(engine, sources, watchlists or [], settings, fetcher,
                         (log if log is not None else []).append, print, stop)


def test_private_addresses_are_refused_by_default(site: Site, tmp_path: Path,
                                                  write_yaml: Callable[[str, Any], Path]) -> None:
    _articles(site, 1)
    sources = load_sources(write_yaml("s.yaml", {"defaults": FAST, "sources": [
        {"name": "local", "feed": site.url("/feed.xml")}]}))
    engine = open_store(str(tmp_path / "w.db"))
    log: list[str] = []
    cycle = _cycle(engine, sources, allow_private=False, log=log)
    assert not cycle.sources[0].ok
    assert site.requests(skip_robots=False) == []
    assert log == [f"watch: local: {site.url('/feed.xml')}: refused: 127.0.0.1 is a loopback address "
                   "(use --allow-private for intranet sources) (retry in 60 s)"]
    (row,) = source_status(engine)
    assert "127.0.0.1 is a loopback address" in row["last_error"] and row["consecutive_failures"] == 1


def test_a_run_cut_short_resumes_without_refetching(site: Site, tmp_path: Path,
                                                    write_yaml: Callable[[str, Any], Path]) -> None:
    """max_items leaves articles for later: the feed's ETag is kept back until every item is handled."""
    _articles(site, 3)
    sources = load_sources(write_yaml("s.yaml", {"defaults": {**FAST, "max_items": 2}, "sources": [
        {"name": "local", "feed": site.url("/feed.xml"), "lang": "en"}]}))
    engine = open_store(str(tmp_path / "w.db"))
    assert _cycle(engine, sources).ingested == 2
    assert site.paths() == ["/feed.xml", "/a0.html", "/a1.html"]
    site.clear()
    engine.dispose()
    engine = open_store(str(tmp_path / "w.db"))  # as after a restart
    assert _cycle(engine, sources).ingested == 1
    assert [(r.path, r.status) for r in site.requests()] == [("/feed.xml", 200), ("/a2.html", 200)]
    site.clear()
    assert _cycle(engine, sources).ingested == 0
    assert [(r.path, r.status) for r in site.requests()] == [("/feed.xml", 304)]
    assert [r["status"] for r in item_rows(engine)] == ["ok", "ok", "ok"]


def test_stop_between_items(site: Site, tmp_path: Path, write_yaml: Callable[[str, Any], Path]) -> None:
    _articles(site, 3)
    sources = load_sources(write_yaml("s.yaml", {"defaults": FAST, "sources": [
        {"name": "local", "feed": site.url("/feed.xml")}]}))
    engine = open_store(str(tmp_path / "w.db"))
    stop = threading.Event()
    original = Fetcher.get

    def get_then_stop(self: Fetcher, url: str, *args: Any) -> Any:
        result = original(self, url, *args)
        if url.endswith("/a0.html"):
            stop.set()  # as a SIGTERM handler would, while the first article is in hand
        return result

    Fetcher.get = get_then_stop  # type: ignore[method-assign]
    try:
        cycle = _cycle(engine, sources, stop=stop)
    finally:
        Fetcher.get = original  # type: ignore[method-assign]
    assert cycle.stopped and cycle.ingested == 1  # the article in hand was finished
    assert site.paths() == ["/feed.xml", "/a0.html"]
    site.clear()
    assert _cycle(engine, sources).ingested == 2  # the rest next time (the feed was not marked as seen)


def test_source_back_off_doubles(site: Site, tmp_path: Path, write_yaml: Callable[[str, Any], Path]) -> None:
    sources = load_sources(write_yaml("s.yaml", {"defaults": FAST, "sources": [
        {"name": "down", "feed": site.url("/nothing.xml")}]}))
    engine = open_store(str(tmp_path / "w.db"))
    now = [1_000_000.0]
    settings = WatchSettings(allow_private=True)
    with Fetcher(sources.settings, allow_private=True) as fetcher:
        def cycle() -> CycleReport:
            return run_cycle(engine, sources, [], settings, fetcher, lambda m: None, print, clock=lambda: now[0])

        assert not cycle().sources[0].ok
        now[0] += 30
        assert cycle().sources[0].skipped
        now[0] += 31
        assert not cycle().sources[0].ok  # second failure: next try in 120 s
        (row,) = source_status(engine)
        assert row["consecutive_failures"] == 2 and row["errors"] == 2
        assert row["last_error"].endswith("HTTP 404 Not Found")
    assert [r.path for r in site.requests()] == ["/nothing.xml", "/nothing.xml"]


def test_failed_webhook_is_retried_next_cycle(site: Site, tmp_path: Path,
                                              write_yaml: Callable[[str, Any], Path]) -> None:
    _articles(site, 1)
    sources = load_sources(write_yaml("s.yaml", {"defaults": FAST, "sources": [
        {"name": "local", "feed": site.url("/feed.xml")}]}))
    hook = write_yaml("hook.yaml", {"watchlists": [
        {"name": "lavrov", "actors": ["Lavrov"], "deliver": {"webhook": "http://127.0.0.1:9/down"}}]})
    good = write_yaml("good.yaml", {"watchlists": [
        {"name": "lavrov", "actors": ["Lavrov"], "deliver": {"webhook": site.url("/hook")}}]})
    engine = open_store(str(tmp_path / "w.db"))
    log: list[str] = []
    first = _cycle(engine, sources, watchlists=load_watchlists(hook), log=log)
    assert first.alerts.failed >= 1 and first.alerts.sent == 0
    assert any("webhook delivery failed" in m and "will retry" in m for m in log)
    second = _cycle(engine, sources, watchlists=load_watchlists(good))
    assert second.alerts.sent == len(site.hooks) == first.alerts.failed
    assert {h["watchlist"] for h in site.hooks} == {"lavrov"}
    assert _cycle(engine, sources, watchlists=load_watchlists(good)).alerts.sent == 0


def test_cli_watch_once_and_status(site: Site, tmp_path: Path, write_yaml: Callable[[str, Any], Path]) -> None:
    _articles(site, 1)
    sources = write_yaml("s.yaml", {"defaults": FAST, "sources": [{"name": "local", "feed": site.url("/feed.xml")}]})
    lists = write_yaml("w.yaml", {"watchlists": [{"name": "ru", "countries": ["RU"], "deliver": {"console": True}}]})
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    refused = runner.invoke(app, ["watch", "--sources", str(sources), "--db", db, "--once"])
    assert refused.exit_code == 0
    assert "refused: 127.0.0.1 is a loopback address (use --allow-private" in refused.stderr
    done = runner.invoke(app, ["watch", "--sources", str(sources), "--watchlists", str(lists), "--db", db, "--once",
                               "--allow-private", "--every", "1m"])
    assert done.exit_code == 0, done.stderr
    assert "watch: cycle 1: 1 source(s): 1 article(s) ingested" in done.stderr
    assert "ALERT [ru] new: evt_" in done.stdout
    status = runner.invoke(app, ["watch", "status", "--db", db, "--format", "json"])
    (row,) = json.loads(status.stdout)
    assert (row["name"], row["items_seen"], row["items_new"], row["errors"]) == ("local", 1, 1, 1)
    table = runner.invoke(app, ["watch", "status", "--db", db, "--format", "table"])
    assert "Watched sources" in table.stdout and "local" in table.stdout
    usage = runner.invoke(app, ["watch", "--db", db])
    assert usage.exit_code == 2 and "--sources FILE is required" in usage.stderr
    bad = runner.invoke(app, ["watch", "--sources", str(sources), "--every", "often", "--db", db])
    assert bad.exit_code == 2 and "expected a duration" in bad.stderr


def test_sigterm_stops_the_watcher_cleanly(site: Site, tmp_path: Path,
                                           write_yaml: Callable[[str, Any], Path]) -> None:
    """A real process: SIGTERM while it waits for the next cycle ends it at once, with exit code 0."""
    import signal
    import subprocess
    import sys
    import time

    _articles(site, 1)
    sources = write_yaml("s.yaml", {"defaults": FAST, "sources": [{"name": "local", "feed": site.url("/feed.xml")}]})
    proc = subprocess.Popen([sys.executable, "-m", "communique.cli", "watch", "--sources", str(sources), "--db",
                             str(tmp_path / "w.db"), "--allow-private", "--every", "1h"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()  # the end of the first cycle
        assert "watch: cycle 1: 1 source(s): 1 article(s) ingested" in first
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert time.monotonic() - started < 10
    assert "SIGTERM: stopping after the current article" in err
