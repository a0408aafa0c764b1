"""Does cross-article merging stay near-linear? `python -m benchmarks.merge [--sizes 10000,100000]`.

Synthetic event records (benchmarks.generate's factory: Zipf actors, bursts, 1-4 reports of
each real event) for N documents, in the order their documents appeared, are merged with the merge
module's own functions (view_of, blocking_keys, choose, combine) by the store's algorithm
(store.write.assign_event) kept in memory: blocking keys -> candidates -> choose -> combine.
Two growth scenarios, each reporting time(N) and time(largest)/time(smallest) (10 = linear for 10x):
  span    the dates span grows with the corpus (constant news density: more months of news)
  dense   the same 10 years for every size (more reports per month: more candidates per key)
Also reports how many candidates an event was compared with (the blocking's work) and the merged count.
Text evidence (merge/score.py) is exercised too: each report carries a sentence vector, its real event's
random unit vector plus noise (reports of one event: cosine about 0.95; of different events: about 0),
as the store attaches the encoder's vectors; clusters compare with all their members' vectors.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.common import ROOT, machine_lines, markdown_table

VEC_DIM = 384  # the encoder's
DOCS_PER_DAY_SPAN = 30  # 'span' scenario: documents per day of dates (so 100k documents ~ 9 years)


@dataclass(slots=True)
class Cluster:
    members: list[dict[str, Any]]
    doc_dates: list[str]
    docs: set[str]
    keys: list[str] = field(default_factory=list)
    view: Any = None


class MemoryMerger:
    """The store's merge assignment without the database: a key index and clusters in dicts."""

    def __init__(self) -> None:
        self.index: dict[str, set[str]] = {}
        self.clusters: dict[str, Cluster] = {}
        self.compared = 0

    def add(self, record: dict[str, Any], doc_id: str, doc_date: str) -> str:
        from communique.merge import blocking_keys, choose, view_of

        view = view_of(record, doc_date)
        view.sentence_vecs = [record["_vec"]]
        found: set[str] = set()
        for key in blocking_keys(view):
            found |= self.index.get(key, set())
        candidates = [(mid, self.clusters[mid].view) for mid in sorted(found) if doc_id not in self.clusters[mid].docs]
        self.compared += len(candidates)
        decision = choose(view, candidates)
        merged_id = decision.merged_id or record["id"]
        cluster = self.clusters.setdefault(merged_id, Cluster([], [], set()))
        cluster.members.append(record)
        cluster.doc_dates.append(doc_date)
        cluster.docs.add(doc_id)
        self._refresh(merged_id, cluster)
        return merged_id

    def _refresh(self, merged_id: str, cluster: Cluster) -> None:
        from communique.merge import blocking_keys, combine, view_of

        for key in cluster.keys:
            self.index[key].discard(merged_id)
        cluster.view = view_of(combine(cluster.members, merged_id), min(cluster.doc_dates))
        cluster.view.sentence_vecs = [m["_vec"] for m in cluster.members]
        cluster.keys = blocking_keys(cluster.view)
        for key in cluster.keys:
            self.index.setdefault(key, set()).add(merged_id)


def synthetic_reports(n_docs: int, scenario: str, seed: int = 11) -> list[tuple[dict[str, Any], str, str]]:
    """(record, doc id, doc date) for `n_docs` documents, ordered by document date (arrival order)."""
    from benchmarks.generate import DAYS, EventFactory

    days = DAYS if scenario == "dense" else max(1, n_docs // DOCS_PER_DAY_SPAN)
    factory = EventFactory(random.Random(seed), days=days)
    reports: list[tuple[dict[str, Any], str, str]] = []
    serial = 0
    rng = np.random.default_rng(seed)
    while len(reports) < n_docs:
        members, dates = factory.members(serial)
        serial += 1
        event_vec = rng.standard_normal(VEC_DIM).astype(np.float32)
        for m in members:
            vec = event_vec + 0.23 * rng.standard_normal(VEC_DIM).astype(np.float32)
            m["_vec"] = vec / np.linalg.norm(vec)
        reports += [(m, m["sources"][0]["doc"], d) for m, d in zip(members, dates, strict=True)]
    reports = reports[:n_docs]
    reports.sort(key=lambda r: (r[2], r[1]))
    return reports


def time_merge(n_docs: int, scenario: str) -> tuple[float, int, int]:
    """(CPU seconds, merged events, candidates compared) for merging `n_docs` documents' reports."""
    reports = synthetic_reports(n_docs, scenario)
    merger = MemoryMerger()
    start = time.process_time()  # CPU time: the machine is shared, wall time is noisy
    for record, doc_id, doc_date in reports:
        merger.add(record, doc_id, doc_date)
    return time.process_time() - start, len(merger.clusters), merger.compared


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.merge", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--scenarios", default="span,dense")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results-merge.md")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list[list[object]] = []
    for scenario in args.scenarios.split(","):
        seconds: dict[int, float] = {}
        for n in sizes:
            secs, merged, compared = time_merge(n, scenario)
            seconds[n] = secs
            rows.append([scenario, f"{n:,}", f"{secs:.1f}", f"{n / secs:,.0f}", f"{merged:,}",
                         f"{compared / n:.1f}", ""])
            print(f"{scenario} {n}: {secs:.1f} s, {merged} merged, {compared / n:.1f} candidates/report", flush=True)
        growth = seconds[sizes[-1]] / seconds[sizes[0]]
        rows[-1][-1] = f"{growth:.1f} (x{sizes[-1] / sizes[0]:.0f} documents)"
    lines = ["# Merge benchmark", "", f"`python -m benchmarks.merge --sizes {args.sizes}`, "
             f"{time.strftime('%Y-%m-%d %H:%M')}; in-memory, one core.", ""] + machine_lines() + [""]
    lines += markdown_table(["scenario", "documents", "CPU seconds", "reports/s", "merged events",
                             "candidates per report", "growth"], rows)
    text = "\n".join(lines) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
