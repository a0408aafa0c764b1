"""Inter-annotator agreement on the double-labelled samples of the event sentences.

    python -m training.events.agreement

annotator-c labelled blind a 10% sample (sha1 of the pool id divisible by 10) of the news pool (labelled in
full by annotator-a) and of the pages pool (annotator-b). Prints raw agreement and Cohen's kappa on the main
type, agreement on event vs no event, and type agreement where both saw an event.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "data"


def load(name: str) -> dict[str, str]:
    with (LABELS / f"labels-{name}.jsonl").open(encoding="utf-8") as fh:
        return {rec["id"]: rec["type"] for rec in map(json.loads, fh)}


def kappa(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    n = len(pairs)
    observed = sum(x == y for x, y in pairs) / n
    first, second = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    return observed, (observed - expected) / (1 - expected)


def report(first: str, second: str) -> str:
    a, b = load(first), load(second)
    pairs = sorted((a[i], b[i]) for i in a.keys() & b.keys())
    observed, k = kappa(pairs)
    event = sum((x == "NONE") == (y == "NONE") for x, y in pairs) / len(pairs)
    both = [(x, y) for x, y in pairs if x != "NONE" and y != "NONE"]
    same = sum(x == y for x, y in both) / len(both) if both else 0.0
    common = Counter((x, y) for x, y in pairs if x != y).most_common(6)
    return (f"{first} vs {second}: n={len(pairs)}, type agreement {observed:.3f}, Cohen's kappa {k:.3f}, "
            f"event/no-event agreement {event:.3f}, type agreement where both saw an event {same:.3f} "
            f"(n={len(both)})\n  most frequent disagreements: {common}")


if __name__ == "__main__":
    print(report("annotator-a", "annotator-c"))
    print(report("annotator-b", "annotator-c"))
