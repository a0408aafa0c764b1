"""Arabic news sentences of the Arabic event gold standard -> data/arabic_gsr.jsonl.

    python -m training.events.sources.arabic_gsr

Raw: raw/arabic_event_gsr/{protest,assault}_gsr.csv.gz (openeventdata/arabic_event_gsr, MIT). Annotators
were shown one sentence and one PLOVER type (PROTEST or ASSAULT) and accepted or rejected it; `label` sums
their answers: "yes" (all accepted), "easy no" (all rejected), "difficult no", "ambiguous".
Only "yes" becomes a label (that type). A "no" says only "not this type": the sentence may report another
event (an "easy no" for PROTEST can be an attack or a meeting), so it is not NONE and is dropped.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator

from training.events.sources.common import RAW, Label, normalize_space, write_jsonl

NAME = "arabic_gsr"
REPO = "openeventdata/arabic_event_gsr"
COMMIT = "d8ff100bda1c15a89ef752c89d7ffad0c1600a92"
FILES = {"protest_gsr.csv": "PROTEST", "assault_gsr.csv": "ASSAULT"}
COLUMNS = {"event_type", "id", "label", "text"}


def accepted() -> dict[str, list[tuple[str, str]]]:
    """text -> [(type, source)] of every unanimous "yes"."""
    out: dict[str, list[tuple[str, str]]] = {}
    for name, expected_type in FILES.items():
        path = RAW / REPO.split("/")[1] / f"{name}.gz"
        rows = csv.DictReader(io.StringIO(gzip.decompress(path.read_bytes()).decode("utf-8")))
        missing = COLUMNS - set(rows.fieldnames or [])
        if missing:
            raise SystemExit(f"{path}: missing columns {sorted(missing)}")
        for line, row in enumerate(rows, 2):
            if row["label"] != "yes":
                continue
            if row["event_type"] != expected_type:
                raise SystemExit(f"{path}:{line}: event_type {row['event_type']!r}, expected {expected_type}")
            text = normalize_space(row["text"])
            if text:
                out.setdefault(text, []).append((expected_type, f"repo:{REPO}:{name}@{COMMIT}#{row['id']}"))
    return out


def labels() -> Iterator[Label]:
    for text, found in accepted().items():
        found.sort()
        types = [t for t, _ in found]
        yield Label(lang="ar", text=text, type=types[0], also=types[1:], source=found[0][1],
                    labeller="dataset:arabic_event_gsr")


def main() -> None:
    write_jsonl(NAME, labels())


if __name__ == "__main__":
    main()
