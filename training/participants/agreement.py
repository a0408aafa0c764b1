"""Agreement between the first labelling pass and the blind second pass (per mention, Cohen's kappa).

    python -m training.participants.agreement

Mentions are matched by sentence id and offsets. Two kappas: over the three labels (none, source, target)
and over participant or not (source and target merged).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from training.participants.examples import DATA


def labels_by_mention(path: Path) -> dict[tuple[str, int, int], str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for m in row["mentions"]:
            out[(row["id"], m["start"], m["end"])] = m["label"]
    return out


def kappa(a: Sequence[str], b: Sequence[str]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    first = labels_by_mention(DATA / "labels-pass1.jsonl")
    second = labels_by_mention(DATA / "labels-pass2.jsonl")
    keys = sorted(set(first) & set(second))
    a, b = [first[k] for k in keys], [second[k] for k in keys]
    binary_a = ["yes" if x != "none" else "no" for x in a]
    binary_b = ["yes" if x != "none" else "no" for x in b]
    same = sum(x == y for x, y in zip(a, b, strict=True))
    print(f"{len({k[0] for k in keys})} sentences, {len(keys)} mentions; same label {same} ({same / len(keys):.1%})")
    print(f"kappa (none/source/target) {kappa(a, b):.3f}; kappa (participant or not) {kappa(binary_a, binary_b):.3f}")


if __name__ == "__main__":
    main()
