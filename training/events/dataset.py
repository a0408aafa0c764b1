"""The labelled event sentences: read every training/events/data/*.jsonl label file, check, merge, split.

Deterministic: files in sorted order, one record per distinct sentence text (several labels of the same text, as
in double labelling, are merged by majority vote), and the held-out test split chosen by a hash of the text, so
it never depends on file order or on which other sentences exist. Synthetic sentences are never held out.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
NONE = "NONE"
ALL_TYPES = (*TYPES, NONE)
MODES = ("meet", "visit", "host", "phone", "multilateral", "third-party")
STATUSES = ("occurred", "planned", "agreed_to", "denied")
HELD_OUT_PERCENT = 15
# Evaluation-only or reserved material: a label whose source names one of these is refused.
FORBIDDEN_SOURCES = ("dev-pages", "factrueval", "gold/", "gold_standard_records", "testset/", "testing_set")


@dataclass(frozen=True, slots=True)
class Label:
    """One labeller's reading of one sentence."""

    text: str
    lang: str
    type: str
    also: tuple[str, ...]
    mode: str | None
    status: str | None
    background: bool
    source: str
    labeller: str
    synthetic: bool
    file: str


@dataclass(slots=True)
class Example:
    """One distinct sentence with its merged label."""

    text: str
    lang: str
    type: str
    also: tuple[str, ...]
    mode: str | None
    status: str | None
    background: bool
    synthetic: bool
    file: str
    labeller: str
    labels: list[Label] = field(default_factory=list)

    @property
    def held_out(self) -> bool:
        return not self.synthetic and in_held_out(self.text)


def in_held_out(text: str) -> bool:
    """The test split: HELD_OUT_PERCENT of sentences, chosen by a hash of the text alone."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16) % 100 < HELD_OUT_PERCENT


def label_files(data: Path = DATA) -> list[Path]:
    """Every label file of `data` (pools of unlabelled sentences are skipped), sorted by name."""
    return [p for p in sorted(data.glob("*.jsonl")) if not p.name.startswith("pool")]


def read_labels(paths: Iterable[Path]) -> list[Label]:
    """Labels of every valid line; a bad line is reported as `file:line: problem` and skipped."""
    out = []
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    out.append(_parse(json.loads(line), path.name))
                except (json.JSONDecodeError, ValueError, KeyError, TypeError) as err:
                    print(f"{path}:{number}: skipped: {err}", file=sys.stderr)
    return out


def _parse(row: dict, file: str) -> Label:
    text = str(row["text"]).strip()
    if not text:
        raise ValueError("empty text")
    kind = row["type"]
    if kind not in ALL_TYPES:
        raise ValueError(f"unknown type {kind!r}")
    also = tuple(sorted({a for a in row.get("also") or () if a in TYPES and a != kind}))
    mode = row.get("mode") if kind == "CONSULT" and row.get("mode") in MODES else None
    status = row.get("status") if kind != NONE and row.get("status") in STATUSES else None
    source = str(row.get("source") or "")
    if any(s in source.lower() for s in FORBIDDEN_SOURCES):
        raise ValueError(f"source {source!r} is evaluation-only or reserved data")
    return Label(text=text, lang=str(row.get("lang") or "und"), type=kind, also=also, mode=mode, status=status,
                 background=bool(row.get("background")) and kind != NONE, source=source,
                 labeller=str(row.get("labeller") or file), synthetic=bool(row.get("synthetic")), file=file)


def merge(labels: list[Label]) -> list[Example]:
    """One example per distinct text, in sorted text order; the majority type wins, ties go to human labellers
    (annotator-*) and then to the first labeller in sorted order."""
    by_text: dict[str, list[Label]] = {}
    for label in labels:
        by_text.setdefault(label.text, []).append(label)
    examples = []
    for text in sorted(by_text):
        group = sorted(by_text[text], key=lambda x: (not x.labeller.startswith("annotator"), x.labeller, x.file))
        votes = Counter(x.type for x in group)
        best = max(votes.values())
        chosen = next(x for x in group if votes[x.type] == best)
        examples.append(Example(text=text, lang=chosen.lang, type=chosen.type, also=chosen.also, mode=chosen.mode,
                                status=chosen.status, background=chosen.background,
                                synthetic=all(x.synthetic for x in group), file=chosen.file,
                                labeller=chosen.labeller, labels=group))
    return examples


def load(data: Path = DATA) -> list[Example]:
    return merge(read_labels(label_files(data)))


def data_digest(data: Path = DATA) -> str:
    """sha256 over the names and bytes of the label files: names the data a model was trained on."""
    h = hashlib.sha256()
    for path in label_files(data):
        h.update(path.name.encode() + b"\x00" + path.read_bytes() + b"\x00")
    return h.hexdigest()
