"""Speed of article similarity: pairs scored per second, cold (pipeline + encoder) and warm (model only).

    .venv/bin/python benchmarks/bench_similarity.py [PAIRS.jsonl] [--pairs N]

Cold: every article read (actor and time stages), embedded (title and up to three chunks, the encoder's in-process cache
cleared first) and every pair scored: what `communique similar --pairs` costs. Warm: the features and the
trees alone, on articles already read and embedded (what `--near` costs per candidate once profiles are
stored). Default pairs: the first N of ../shared/corpus/semeval2022-train-pairs.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAIRS = ROOT / ".." / "shared" / "corpus" / "semeval2022-train-pairs.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs_file", nargs="?", type=Path, default=DEFAULT_PAIRS)
    parser.add_argument("--pairs", type=int, default=20)
    args = parser.parse_args()
    from communique.models import encoder
    from communique.similarity import compare_many, embed, read_article

    rows = [json.loads(line) for line in args.pairs_file.read_text(encoding="utf-8").splitlines()[: args.pairs]]
    encoder.encode(["warm up"])  # loads the encoder; not timed
    read_article("warm", "Warm up. The pipeline loads its language data.", "en")
    encoder.clear_cache()
    t0 = time.perf_counter()
    pairs = [(read_article(f"{r['pair_id']}#1", r["text1"], r["lang1"]), read_article(f"{r['pair_id']}#2", r["text2"],
                                                                                     r["lang2"])) for r in rows]
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    vectors = {a.id: embed(a) for pair in pairs for a in pair}
    t_embed = time.perf_counter() - t0
    t0 = time.perf_counter()
    compare_many(pairs, dict(vectors))
    t_model = time.perf_counter() - t0
    warm_rounds = 20
    t0 = time.perf_counter()
    for _ in range(warm_rounds):
        compare_many(pairs, dict(vectors))
    t_warm = (time.perf_counter() - t0) / warm_rounds
    n = len(pairs)
    total = t_read + t_embed + t_model
    print(f"pairs: {n} (2 articles each), load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"cold: {n / total:.2f} pairs/s  (read {t_read:.1f} s, embed {t_embed:.1f} s, model {t_model:.2f} s)")
    print(f"warm (profiles known): {n / t_warm:,.0f} pairs/s")


if __name__ == "__main__":
    main()
