"""Query latency on a big store: `python -m benchmarks.store --events 1000000 --db sqlite:////tmp/big.db [--postgres]`.

Fills the store with synthetic events (communique.store.generate; skipped when it already holds
enough), then times what the web app and the REST API run, p50/p95 over `--runs` runs each:

  views  the store's read views (store/views.py, store/queries.py) the app calls:
         a page of 50 events by actor, by country pair, of a type within a quarter, within a month;
         the timeline of a pair and of an actor; the actor page (actor_detail); the 12 busiest actors of
         a pair (the dashboard's panel); the busiest pairs
  http   the same through HTTP in-process (FastAPI TestClient: routing, validation, JSON): /api/events,
         /api/timeline, /api/actors/{id}, /api/actors?pair=, /api/pairs, and the two heaviest web pages,
         the dashboard of a pair (/?pair=) and an actor's page (/actors/{id})
  full   the store functions that return *every* matching record or row (query_events without a
         limit: an export), for scale only: they grow with the answer, so no latency target applies.
Parameters mix the most popular actor/pair (the worst case) with ranks 10, 100 and 1000, so p95 is
the popular case. Target: p95 <= 100 ms. Results: benchmarks/results-store.md (appended per backend).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, text

from benchmarks.common import ROOT, machine_lines, markdown_table, percentile

TARGET_P95_MS = 100.0
PAGE = 50
RANKS = (1, 10, 100, 1000)  # popularity ranks of the actors and pairs queried (1 = the most popular)
FORMS = ("views", "http", "full")
HELD_TO_TARGET = ("views", "http")


@dataclass(slots=True)
class Timing:
    form: str
    query: str
    runs: int
    p50_ms: float
    p95_ms: float
    rows: int


Query = Callable[[Engine, dict[str, Any]], int]  # returns how many rows/records it produced


def view_queries() -> dict[str, Query]:
    """What the web app and the REST API call (store/views.py, store/queries.py)."""
    from communique.store.queries import EventFilter, list_actors, timeline
    from communique.store.views import actor_detail, page_events, top_pairs

    def pair(p: dict[str, Any]) -> EventFilter:
        return EventFilter(pair=(p["cc1"], p["cc2"]))

    return {
        "page by actor": lambda e, p: len(page_events(e, EventFilter(actor=p["actor"]), limit=PAGE).items),
        "page by pair": lambda e, p: len(page_events(e, pair(p), limit=PAGE).items),
        "page type in a quarter": lambda e, p: len(page_events(e, EventFilter(type=p["type"], since=p["q_since"],
                                                                              until=p["q_until"]), limit=PAGE).items),
        "page in a month": lambda e, p: len(page_events(e, EventFilter(since=p["month"], until=p["month"]),
                                                        limit=PAGE).items),
        "timeline of a pair": lambda e, p: len(timeline(e, pair(p))),
        "timeline of an actor": lambda e, p: len(timeline(e, EventFilter(actor_id=p["actor"]))),
        "actor page (actor_detail)": lambda e, p: len((actor_detail(e, p["actor"]) or {}).get("events", [])),
        "busiest actors of a pair": lambda e, p: len(list_actors(e, pair(p), limit=12)),
        "busiest pairs (top_pairs)": lambda e, p: len(top_pairs(e)),
    }


def http_queries(engine: Engine) -> dict[str, Query]:
    """The REST API and the web pages, in-process over HTTP (TestClient from a loopback address)."""
    from fastapi.testclient import TestClient

    from communique.api import Settings, create_app

    client = TestClient(create_app(Settings(db=str(engine.url)), engine=engine), client=("127.0.0.1", 50000),
                        base_url="http://localhost")

    def get(path: Callable[[dict[str, Any]], str]) -> Query:
        def run(_: Engine, p: dict[str, Any]) -> int:
            response = client.get(path(p))
            response.raise_for_status()
            return len(response.content)

        return run

    return {
        "GET /api/events?actor=": get(lambda p: f"/api/events?actor={quote(p['actor'])}"),
        "GET /api/events?pair=": get(lambda p: f"/api/events?pair={p['cc1']},{p['cc2']}"),
        "GET /api/events?type=&since=&until=": get(
            lambda p: f"/api/events?type={p['type']}&since={p['q_since']}&until={p['q_until']}"),
        "GET /api/timeline?pair=": get(lambda p: f"/api/timeline?pair={p['cc1']},{p['cc2']}"),
        "GET /api/actors/{id}": get(lambda p: f"/api/actors/{quote(p['actor'])}"),
        "GET /api/actors?pair=": get(lambda p: f"/api/actors?pair={p['cc1']},{p['cc2']}&limit=20"),
        "GET /api/pairs": get(lambda p: "/api/pairs"),
        "web: dashboard /?pair=": get(lambda p: f"/?pair={p['cc1']},{p['cc2']}"),
        "web: actor page /actors/{id}": get(lambda p: f"/actors/{quote(p['actor'])}"),
    }


def full_queries() -> dict[str, Query]:
    """Functions that return every matching record (exports); their cost grows with the answer."""
    from communique.store.queries import EventFilter, query_events

    return {
        "all events of a pair": lambda e, p: len(query_events(e, EventFilter(pair=(p["cc1"], p["cc2"])))),
        "all events of a type in a quarter": lambda e, p: len(query_events(
            e, EventFilter(type=p["type"], since=p["q_since"], until=p["q_until"]))),
    }


def _analyze(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))


def _ranked(conn: Connection, statement: str) -> list[Any]:
    rows = conn.execute(text(statement)).all()
    return [rows[min(rank, len(rows)) - 1][0] for rank in RANKS if rows]


def parameters(engine: Engine) -> list[dict[str, Any]]:
    """Query parameters: actors and pairs at popularity ranks 1, 10, 100, 1000, with fixed periods."""
    with engine.connect() as conn:
        actors = _ranked(conn, "SELECT actor_id FROM event_actor WHERE kind IN ('person', 'organization') "
                               "GROUP BY actor_id ORDER BY count(*) DESC, actor_id")
        pairs = _ranked(conn, "SELECT country_pair FROM events WHERE country_pair LIKE '%,%' "
                              "AND country_pair NOT LIKE '%,%,%' GROUP BY country_pair "
                              "ORDER BY count(*) DESC, country_pair")
        months = [r[0] for r in conn.execute(text(
            "SELECT substr(date_start, 1, 7) FROM merged_events WHERE date_start LIKE '____-__%' "
            "GROUP BY 1 ORDER BY 1")).all()]
    out = []
    for i, (actor, pair) in enumerate(zip(actors, pairs, strict=False)):
        cc1, cc2 = pair.split(",")
        month = months[(len(months) * (i + 1)) // (len(RANKS) + 1)]
        year, mon = int(month[:4]), int(month[5:7])
        q_until = f"{year + (mon + 1) // 12:04d}-{(mon + 1) % 12 + 1:02d}"
        out.append({"actor": actor, "actor_key": f"a:{actor}", "cc1": cc1, "cc2": cc2, "pair_key": f"p:{pair}",
                    "like1": f"%,{cc1},%", "like2": f"%,{cc2},%", "type": "CONSULT", "month": month,
                    "month_end": f"{month}-31", "q_since": month, "q_until": q_until, "q_until_day": f"{q_until}-31"})
    return out


def time_query(engine: Engine, query: Query, params: list[dict[str, Any]], runs: int,
               budget: float | None) -> tuple[list[float], int]:
    """Latencies (ms) of `runs` runs cycling through the parameters, after one warm-up run (the connection
    pool, imports, templates); stops early past `budget` seconds."""
    query(engine, params[0])
    times: list[float] = []
    rows = 0
    started = time.perf_counter()
    for i in range(runs):
        t0 = time.perf_counter()
        rows = max(rows, query(engine, params[i % len(params)]))
        times.append((time.perf_counter() - t0) * 1000)
        if budget is not None and time.perf_counter() - started > budget and len(times) >= min(3, len(params)):
            break
    return times, rows


def benchmark(engine: Engine, runs: int, budget: float, forms: list[str]) -> list[Timing]:
    params = parameters(engine)
    families: dict[str, Callable[[], dict[str, Query]]] = {
        "views": view_queries, "http": lambda: http_queries(engine), "full": full_queries}
    results = []
    for form in forms:
        for name, query in families[form]().items():
            times, rows = time_query(engine, query, params, runs, budget)
            results.append(Timing(form, name, len(times), percentile(times, 50), percentile(times, 95), rows))
            print(f"  {form:6s} {name:36s} p50 {results[-1].p50_ms:9.1f} ms  p95 {results[-1].p95_ms:9.1f} ms "
                  f"({len(times)} runs)", flush=True)
    return results


def write_benchmark(url: str, n_events: int, seed: int) -> list[str]:
    """Documents through the store's incremental write path (store.write.write_document: merging with
    candidates, the merged record and every derived table updated, one transaction per document, as
    `communique ingest` writes them) into a fresh store; synthetic records stand in for the pipeline."""
    import random

    from communique.store import open_store
    from communique.store.db import writing
    from communique.store.generate import EventFactory
    from communique.store.write import InputSnapshot, ProcessedDocument, write_document

    factory = EventFactory(random.Random(seed))
    documents = []
    for serial in range(n_events):
        members, doc_dates = factory.members(serial)
        for rec, doc_date in zip(members, doc_dates, strict=True):
            source = rec["sources"][0]
            documents.append((InputSnapshot(id=source["doc"], raw_text=rec["label"], source="synthetic", date=doc_date),
                              ProcessedDocument(text=rec["label"], lang=source["lang"], date=doc_date,
                                                record={"id": source["doc"]}, events=[rec])))
    engine = open_store(url)
    if counts(engine)["documents"]:
        raise SystemExit(f"{url}: not a new store (--writes measures writing into an empty one)")
    start, cpu = time.perf_counter(), time.process_time()
    for snap, done in documents:
        with writing(engine) as conn:
            write_document(conn, snap, done, "bench")
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    merged = counts(engine)["merged_events"]
    engine.dispose()
    return [f"## {engine.dialect.name}: writing {len(documents):,} documents ({n_events:,} synthetic events)", "",
            f"{len(documents) / wall:,.0f} documents/s ({wall:.1f} s wall, {cpu:.1f} s CPU in this process); "
            f"{merged:,} merged events stored.", ""]


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0)
                for t in ("merged_events", "events", "event_actor", "documents", "merge_keys")}


def fill(engine: Engine, n_events: int, seed: int) -> float:
    """Generate events until the store holds `n_events` merged events; returns the seconds it took."""
    from communique.store.generate import generate_store

    have = counts(engine)["merged_events"]
    if have >= n_events:
        return 0.0
    start = time.perf_counter()

    def progress(done: int) -> None:
        if done % 100_000 < 20_000:
            print(f"  generated {have + done:,} / {n_events:,} events ({time.perf_counter() - start:.0f} s)",
                  flush=True)

    generate_store(engine, n_events - have, seed=seed, progress=progress)
    _analyze(engine)
    return time.perf_counter() - start


def run_backend(url: str, args: argparse.Namespace) -> list[str]:
    from communique.store import open_store

    engine = open_store(url)
    backend = engine.dialect.name
    print(f"{backend}: {url}", flush=True)
    generated = fill(engine, args.events, args.seed)
    sizes = counts(engine)
    results = benchmark(engine, args.runs, args.budget, args.forms)
    engine.dispose()
    lines = [f"## {backend}: {sizes['merged_events']:,} merged events", "",
             f"{sizes['events']:,} reports, {sizes['event_actor']:,} actor rows, {sizes['documents']:,} documents, "
             f"{sizes['merge_keys']:,} merge keys. Generation: {generated:.0f} s (0 = already there).", ""]
    rows = [[r.form, r.query, r.runs, f"{r.p50_ms:.1f}", f"{r.p95_ms:.1f}", r.rows, _verdict(r)] for r in results]
    lines += markdown_table(["form", "query", "runs", "p50 ms", "p95 ms", "rows / bytes (max)",
                             f"p95 <= {TARGET_P95_MS:.0f}"], rows) + [""]
    return lines


def _verdict(timing: Timing) -> str:
    if timing.form not in HELD_TO_TARGET:
        return "n/a (returns every match)"
    return "yes" if timing.p95_ms <= TARGET_P95_MS else "**no**"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.store", description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default=None, help="store URL (default: sqlite:////tmp/communique-bench-N.db)")
    parser.add_argument("--postgres", action="store_true", help="also on a throwaway PostgreSQL server")
    parser.add_argument("--no-sqlite", action="store_true", help="only PostgreSQL")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per query at most (all its runs)")
    parser.add_argument("--forms", default="views,http", help=f"comma-separated, of {', '.join(FORMS)}")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--writes", type=int, default=0, metavar="N",
                        help="instead: write the documents of N synthetic events through the incremental write "
                             "path into the store --db names (which must be new) and report documents/s")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results-store.md")
    args = parser.parse_args(argv)
    args.forms = [f for f in args.forms.split(",") if f]
    unknown = sorted(set(args.forms) - set(FORMS))
    if unknown:
        parser.error(f"--forms: unknown {', '.join(unknown)} (expected some of {', '.join(FORMS)})")
    command = f"--writes {args.writes}" if args.writes else f"--events {args.events}"
    lines = ["# Store benchmark", "", f"`python -m benchmarks.store {command}`, "
             f"{time.strftime('%Y-%m-%d %H:%M')}; p50/p95 over up to {args.runs} runs "
             f"(at most {args.budget:.0f} s per query).", ""] + machine_lines() + [""]
    if args.writes:
        url = args.db or f"sqlite:////tmp/communique-writes-{time.time_ns()}.db"
        lines += write_benchmark(url, args.writes, args.seed)
    elif not args.no_sqlite:
        lines += run_backend(args.db or f"sqlite:////tmp/communique-bench-{args.events}.db", args)
    if args.postgres and not args.writes:
        import signal
        import sys

        from benchmarks.pg import throwaway_postgres

        # A killed benchmark still stops its throwaway server (SystemExit runs the context's cleanup).
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))

        with throwaway_postgres() as url:
            lines += run_backend(url, args)
    text_out = "\n".join(lines).rstrip() + "\n"
    with args.out.open("a", encoding="utf-8") as fh:
        fh.write(text_out + "\n")
    print(text_out, end="")


if __name__ == "__main__":
    main()
