"""Latency of the workbench views on a big store: `python -m benchmarks.workbench --db sqlite:////tmp/big.db`.

The store is one `python -m benchmarks.store` filled (benchmarks.generate); this times, p50/p95 over
`--runs` runs with the same parameters (actors and pairs at popularity ranks 1, 10, 100, 1000; a month),
in-process over HTTP (FastAPI TestClient, as benchmarks.store's `http` form):

  GET /api/pulse?pair=            the relations pulse of a pair (quad classes per month, net index)
  GET /pulse?pair=                its page (server-drawn chart)
  GET /api/pulse?actor=&with=     the pulse of two actors
  GET /pulse/events?pair=&month=&quad=verbal_cooperation   the events behind one bar
  GET /api/map, /map              events per country, no filter (count tables)
  GET /api/map?pair=, ?type=&since=&until=   filtered maps (the newest 5,000 matching events at most)
  GET /watchlists/{name}          a watchlist's page (alerts, current matches of a pair and a type)
  GET /actors/country:XX, /api/actors/country:XX   a country's page: its own events and its officials'
  GET /api/events?pair=&min_confidence=, /?pair=&min_confidence=   the confidence threshold (not counted ahead)
  GET /api/search?q=, /search?q=  search by an actor's name (its words), and by a word in 40% of the titles
  store: search_page by entity    the documents with an event of an actor (the entity half of a search; the
                                  generated actors are not in the knowledge base, so no query resolves to them)
and, for reference, two routes of benchmarks.store (/api/timeline?pair=, /api/events?pair=).
Target: p95 <= 300 ms. Exports return every match (like `communique export`) and are not held to it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

from benchmarks.common import ROOT, machine_lines, markdown_table, percentile
from benchmarks.store import counts, parameters, time_query

TARGET_P95_MS = 300.0


def routes(partner: dict[str, str]) -> dict[str, Any]:
    def pair(p: dict[str, Any]) -> str:
        return f"{p['cc1']},{p['cc2']}"

    return {
        "GET /api/pulse?pair=": lambda p: f"/api/pulse?pair={pair(p)}",
        "web: /pulse?pair=": lambda p: f"/pulse?pair={pair(p)}",
        "GET /api/pulse?actor=&with=": lambda p: f"/api/pulse?actor={quote(p['actor'])}&with="
                                                 f"{quote(partner.get(p['actor'], p['actor']))}",
        "web: /pulse/events?pair=&month=&quad=": lambda p: f"/pulse/events?pair={pair(p)}&month={p['month']}"
                                                           "&quad=verbal_cooperation",
        "GET /api/map": lambda p: "/api/map",
        "web: /map": lambda p: "/map",
        "GET /api/map?pair=": lambda p: f"/api/map?pair={pair(p)}",
        "GET /api/map?type=&since=&until=": lambda p: f"/api/map?type={p['type']}&since={p['q_since']}"
                                                      f"&until={p['q_until']}",
        "web: /map?type=&since=&until=": lambda p: f"/map?type={p['type']}&since={p['q_since']}&until={p['q_until']}",
        "web: /watchlists/{name}": lambda p: "/watchlists/bench",
        "GET /api/events?pair=&min_confidence=0.7": lambda p: f"/api/events?pair={pair(p)}&min_confidence=0.7",
        "web: dashboard /?pair=&min_confidence=0.7": lambda p: f"/?pair={pair(p)}&min_confidence=0.7",
        "web: /actors/country:<cc>": lambda p: f"/actors/country:{p['cc1']}",
        "GET /api/actors/country:<cc>": lambda p: f"/api/actors/country:{p['cc1']}",
        "GET /api/search?q=<actor name>": lambda p: f"/api/search?q={quote(p['actor_name'])}",
        "web: /search?q=<actor name>": lambda p: f"/search?q={quote(p['actor_name'])}",
        "GET /api/search?q=consultations": lambda p: "/api/search?q=consultations",
        "web: /search?q=consultations&lang=": lambda p: f"/search?q=consultations&lang={p['lang']}",
        # references: routes benchmarks.store holds to 100 ms at 1M events on a quiet machine; their times
        # here say how loaded this machine was
        "(reference) GET /api/timeline?pair=": lambda p: f"/api/timeline?pair={pair(p)}",
        "(reference) GET /api/events?pair=": lambda p: f"/api/events?pair={pair(p)}",
    }


def partners(engine: Any, actors: list[str]) -> dict[str, str]:
    """Each actor's most frequent counterpart (the pulse of a pair of actors)."""
    from sqlalchemy import text

    out = {}
    with engine.connect() as conn:
        for actor in actors:
            row = conn.execute(text("SELECT other_id FROM actor_links WHERE actor_id = :a GROUP BY other_id "
                                    "ORDER BY sum(n) DESC, other_id LIMIT 1"), {"a": actor}).first()
            if row:
                out[actor] = row[0]
    return out


def actor_names(engine: Any, params: list[dict[str, Any]]) -> None:
    """Each parameter set's actor name and a language of its documents (search queries)."""
    from sqlalchemy import text

    with engine.connect() as conn:
        for rank, p in enumerate(params):
            p["actor_name"] = conn.execute(text("SELECT min(name) FROM event_actor WHERE actor_id = :a"),
                                           {"a": p["actor"]}).scalar()
            p["lang"] = conn.execute(text("SELECT lang FROM documents WHERE lang IS NOT NULL GROUP BY lang "
                                          "ORDER BY count(*) DESC, lang LIMIT 1 OFFSET :k"), {"k": rank}).scalar()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.workbench", description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a store filled by python -m benchmarks.store")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per route at most (all its runs)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results-workbench.md")
    args = parser.parse_args(argv)

    from fastapi.testclient import TestClient

    from communique.app import Settings, create_app
    from communique.store import open_store

    engine = open_store(args.db)
    sizes = counts(engine)
    params = parameters(engine)
    actor_names(engine, params)
    pair = params[0]
    lists = Path(tempfile.mkdtemp()) / "watchlists.yaml"
    lists.write_text(yaml.safe_dump({"watchlists": [{"name": "bench", "pairs": [f"{pair['cc1']},{pair['cc2']}"],
                                                     "types": ["CONSULT"]}]}))
    app = create_app(Settings(db=args.db, watchlists=str(lists)), engine=engine)
    rows = [time_store_search(engine, params, args)]
    # As a server: the app's startup (its lifespan) runs before the first request
    with TestClient(app, client=("127.0.0.1", 50000), base_url="http://localhost") as client:
        rows += time_routes(client, engine, params, args)
    lines = ["# Workbench benchmark", "", f"`python -m benchmarks.workbench --db {args.db}`, "
             f"{time.strftime('%Y-%m-%d %H:%M')}; p50/p95 over up to {args.runs} runs.", ""] + machine_lines() + [
        "", f"Store: {sizes['merged_events']:,} merged events, {sizes['documents']:,} documents.", ""]
    lines += markdown_table(["route", "runs", "p50 ms", "p95 ms", "CPU p50 ms", "CPU p95 ms", "bytes (max)",
                             f"p95 <= {TARGET_P95_MS:.0f}"], rows)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


def time_routes(client: Any, engine: Any, params: list[dict[str, Any]], args: argparse.Namespace) -> list[list[Any]]:
    """Each route's rows of the table: p50/p95 wall and CPU over the runs, bytes, within the target or not."""
    rows: list[list[Any]] = []
    for name, path in routes(partners(engine, [p["actor"] for p in params])).items():
        cpu: list[float] = []

        def run(_: Any, p: dict[str, Any], path: Any = path, cpu: list[float] = cpu) -> int:
            started = time.process_time()  # this process's CPU (the app runs in it): less hit by others' load
            response = client.get(path(p))
            cpu.append((time.process_time() - started) * 1000)
            response.raise_for_status()
            return len(response.content)

        times, size = time_query(engine, run, params, args.runs, args.budget)
        cpu = cpu[1:]  # without the warm-up run
        p50, p95, c95 = percentile(times, 50), percentile(times, 95), percentile(cpu, 95)
        print(f"  {name:45s} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms  CPU p95 {c95:8.1f} ms ({len(times)} runs)",
              flush=True)
        rows.append([name, len(times), f"{p50:.1f}", f"{p95:.1f}", f"{percentile(cpu, 50):.1f}", f"{c95:.1f}", size,
                     "yes" if p95 <= TARGET_P95_MS else "**no**"])
    return rows


def time_store_search(engine: Any, params: list[dict[str, Any]], args: argparse.Namespace) -> list[Any]:
    """The entity half of a search, called in-process (no query reaches it through the KB here)."""
    from communique.store import Entities, search_page

    cpu: list[float] = []

    def run(_: Any, p: dict[str, Any]) -> int:
        started = time.process_time()
        page = search_page(engine, "", Entities(ids=(p["actor"],)))
        cpu.append((time.process_time() - started) * 1000)
        return page.total

    times, total = time_query(engine, run, params, args.runs, args.budget)
    cpu = cpu[1:]
    p50, p95 = percentile(times, 50), percentile(times, 95)
    print(f"  {'store: search_page by entity':45s} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms", flush=True)
    return ["store: search_page by entity (documents found, max)", len(times), f"{p50:.1f}", f"{p95:.1f}",
            f"{percentile(cpu, 50):.1f}", f"{percentile(cpu, 95):.1f}", total,
            "yes" if p95 <= TARGET_P95_MS else "**no**"]


if __name__ == "__main__":
    main()
