"""Turn a labelling pass (raw/passN.txt) into labelled data (data/labels-passN.jsonl) with mention offsets.

    python -m training.participants.labels raw/pass1.txt data/labels-pass1.jsonl [LABELLER]
    python -m training.participants.labels --sample raw/pass2.txt data/labels-pass2.jsonl [LABELLER]

A raw line is `N s<mentions> t<mentions>`: N is the sentence's place in the labelling order
(`show.labelling_order`), the numbers are the mentions as `show` numbers them; mentions not listed are
`none`. The written file is the labelled data: sentence id, source, language, type, labeller and, per
actor mention, its offsets, text, kind and label (source, target, none). Lines starting with # are comments.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from training.participants.show import double_sample, labelling_order

LINE = re.compile(r"^(\d+)((?:\s+[st][\d,]+)*)\s*$")
LABELLER = "helper-participants"


def parse(path: Path) -> dict[int, dict[int, str]]:
    """N -> {mention number: "source" | "target"}; exits with one line naming the bad line."""
    out: dict[int, dict[int, str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        found = LINE.match(line.strip())
        if found is None:
            sys.exit(f"{path}:{n}: expected 'N s1,2 t3', got {line!r}")
        sides: dict[int, str] = {}
        for part in found.group(2).split():
            for number in part[1:].split(","):
                if number:
                    sides[int(number)] = "source" if part[0] == "s" else "target"
        out[int(found.group(1))] = sides
    return out


def labelled(raw: Path, labeller: str, sample: bool = False) -> list[dict[str, object]]:
    order = double_sample() if sample else labelling_order()
    rows = []
    for n, sides in sorted(parse(raw).items()):
        row = order[n]
        mentions = list(row["mentions"])  # type: ignore[call-overload]
        if any(k > len(mentions) for k in sides):
            sys.exit(f"{raw}: sentence {n} has {len(mentions)} mentions, label names {max(sides)}")
        rows.append({
            "id": row["id"], "lang": row["lang"], "type": row["type"], "source": row["source"], "labeller": labeller,
            "text": row["text"],
            "mentions": [{"start": m["start"], "end": m["end"], "text": m["text"], "kind": m["kind"],
                          "label": sides.get(i, "none")} for i, m in enumerate(mentions, 1)],
        })
    return sorted(rows, key=lambda r: str(r["id"]))


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--sample"]
    raw, out = Path(args[0]), Path(args[1])
    labeller = args[2] if len(args) > 2 else LABELLER
    rows = labelled(raw, labeller, sample="--sample" in sys.argv)
    out.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows), encoding="utf-8")
    print(f"{out}: {len(rows)} sentences, {sum(len(r['mentions']) for r in rows)} mentions")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
