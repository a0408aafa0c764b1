"""Speed of the actors stage: `recognize_actors` alone on a corpus.

    .venv/bin/python benchmarks/bench_actors.py [CORPUS.jsonl] [--repeat N]

Earlier stages run beforehand (untimed); the gazetteers and title lexicons of every language in the
corpus are built before timing (a one-off cost per process, reported separately). Prints documents/s,
mentions/s and characters/s. Default corpus: ../shared/corpus/news-sample.jsonl.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "news-sample.jsonl"


def _load(corpus: Path) -> list[dict[str, str]]:
    with corpus.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from communique.actors import recognize_actors
    from communique.document import Document
    from communique.options import Options
    from communique.pipeline import process

    options = Options()
    docs = []
    for n, rec in enumerate(_load(args.corpus)):
        doc = Document(id=str(rec.get("id", n)), raw_text=rec["text"], date=rec.get("date"),
                       lang_hint=rec.get("lang"))
        docs.append(process(doc, options, until="sentences"))
    t0 = time.perf_counter()
    for lang in sorted({d.lang for d in docs}):
        first = next(d for d in docs if d.lang == lang)
        recognize_actors(first, options)  # builds the gazetteer of the language
    warmup = time.perf_counter() - t0
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for doc in docs:
            recognize_actors(doc, options)
        best = min(best, time.perf_counter() - t0)
    mentions = sum(len(d.mentions) for d in docs)
    chars = sum(len(d.text) for d in docs)
    print(f"corpus: {args.corpus} ({len(docs)} documents, {chars:,} characters)")
    print(f"gazetteer build (all languages, once per process): {warmup:.2f} s")
    print(f"actors stage: {best:.2f} s = {len(docs) / best:,.0f} docs/s, {mentions / best:,.0f} mentions/s, "
          f"{chars / best / 1000:,.0f} kchars/s ({mentions} mentions)")


if __name__ == "__main__":
    main()
