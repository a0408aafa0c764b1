"""Cohen's kappa on `type` between a first-pass label file and its blind second pass (matched by id)."""
import collections
import json
import sys
from pathlib import Path


def read_jsonl(path: str) -> list[dict]:
    return [json.loads(ln) for ln in Path(path).read_text(encoding="utf-8").split("\n") if ln.strip()]


first = {r["id"]: r for r in read_jsonl(sys.argv[1])}
second = read_jsonl(sys.argv[2])
pairs = [(first[r["id"]]["type"], r["type"]) for r in second]
n = len(pairs)
po = sum(a == b for a, b in pairs) / n
ca = collections.Counter(a for a, _ in pairs)
cb = collections.Counter(b for _, b in pairs)
pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
kappa = (po - pe) / (1 - pe)
ev = [(a != "NONE", b != "NONE") for a, b in pairs]
po2 = sum(a == b for a, b in ev) / n
pa, pb = sum(a for a, _ in ev) / n, sum(b for _, b in ev) / n
pe2 = pa * pb + (1 - pa) * (1 - pb)
print(f"n={n} observed_agreement={po:.3f} kappa_type={kappa:.3f} kappa_event_vs_none={(po2 - pe2) / (1 - pe2):.3f}")
for a, b in pairs:
    if a != b:
        print(f"  disagree: first={a} second={b}")
