"""Shared pieces of the source converters: the label record, stable ids, atomic writes, CAMEO -> PLOVER.

Every converter reads only files under training/events/raw/ and writes training/events/data/<source>.jsonl:
one labelled sentence a line in the shared label format (docs: the labels-format brief), sorted by id,
de-duplicated on the sentence text, so that a rebuild gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

EVENTS_DIR = Path(__file__).resolve().parents[1]
RAW = EVENTS_DIR / "raw"
DATA = EVENTS_DIR / "data"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
CONSULT_MODES = ("meet", "visit", "host", "phone", "multilateral", "third-party")
STATUSES = ("occurred", "planned", "agreed_to", "denied")


@dataclass
class Label:
    """One labelled sentence; `to_json` gives the shared format's key order."""

    lang: str
    text: str
    type: str
    source: str
    labeller: str
    also: list[str] = field(default_factory=list)
    mode: str | None = None
    status: str | None = "occurred"
    background: bool = False
    synthetic: bool = False
    note: str | None = None

    def record(self, prefix: str) -> dict[str, object]:
        check(self)
        out: dict[str, object] = {
            "id": stable_id(prefix, self.text),
            "lang": self.lang,
            "text": self.text,
            "type": self.type,
            "also": sorted(set(self.also) - {self.type}),
            "mode": self.mode,
            "status": None if self.type == "NONE" else self.status,
            "background": self.background,
            "source": self.source,
            "labeller": self.labeller,
            "synthetic": self.synthetic,
        }
        if self.note:
            out["note"] = self.note
        return out


def check(label: Label) -> None:
    """A converter bug, not bad input: stop at once rather than write a label the trainer misreads."""
    if label.type != "NONE" and label.type not in PLOVER_TYPES:
        raise ValueError(f"unknown type {label.type!r} for {label.text[:60]!r}")
    if label.mode is not None and (label.type != "CONSULT" or label.mode not in CONSULT_MODES):
        raise ValueError(f"mode {label.mode!r} on {label.type} for {label.text[:60]!r}")
    if label.type != "NONE" and label.status not in STATUSES:
        raise ValueError(f"status {label.status!r} for {label.text[:60]!r}")


def normalize_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def stable_id(prefix: str, text: str) -> str:
    return f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}"


def write_jsonl(name: str, labels: Iterable[Label], out_dir: Path = DATA) -> Path:
    """Writes data/<name>.jsonl sorted by id; a text seen twice keeps its first label only when both agree.

    Two different labels for the same text are both dropped (the sources disagree with themselves), and
    the count is printed so that it shows in the build log.
    """
    by_id: dict[str, dict[str, object]] = {}
    conflicting: set[str] = set()
    for label in labels:
        rec = label.record(name)
        rid = str(rec["id"])
        old = by_id.get(rid)
        if old is None:
            by_id[rid] = rec
        elif (old["type"], old["also"]) != (rec["type"], rec["also"]):
            conflicting.add(rid)
    for rid in conflicting:
        del by_id[rid]
    lines = [json.dumps(by_id[rid], ensure_ascii=False, sort_keys=False) + "\n" for rid in sorted(by_id)]
    path = out_dir / f"{name}.jsonl"
    atomic_write(path, "".join(lines))
    print(f"{path}: {len(lines)} sentences "
          f"({len(conflicting)} texts dropped for conflicting labels)", file=sys.stderr)
    return path


def atomic_write(path: Path, content: str) -> None:
    """Readers (the model helper) may read while we write: write a temp file, then rename over."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
        out.write(content)
    os.chmod(tmp, 0o644)  # mkstemp makes the file private; other helpers read these files
    os.replace(tmp, path)


# --- CAMEO -> PLOVER ---------------------------------------------------------------------------------
# The PLOVER manual's table (CAMEO to PLOVER translation) renames two categories of the 2021 mapping file.
RENAMED = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT"}
# Where our annotation guidelines decide otherwise than the mapping file (documented in README.md):
#   163 "impose embargo, boycott or sanctions" -> SANCTION (guidelines: imposing sanctions is SANCTION);
#   036 "express intent to meet or negotiate" -> CONSULT planned (guidelines: a future meeting is CONSULT
#   with status planned, not AGREE).
GUIDELINE_OVERRIDES = {"163": ("SANCTION", None, "occurred"), "036": ("CONSULT", None, "planned")}
MODE_WORDS = {"phone": "phone", "visit": "visit", "host": "host", "third-party": "third-party"}


@dataclass(frozen=True)
class Mapped:
    type: str
    mode: str | None
    status: str


def load_cameo2plover(path: Path = RAW / "plover" / "CAMEO2PLOVER-2021.txt") -> dict[str, Mapped]:
    """CAMEO code -> (PLOVER type, CONSULT mode, status) from lines like `041: CONSULT, phone,   # ...`."""
    table: dict[str, Mapped] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?", line)
        if not m:
            continue
        code, ptype, mode_word = m.group(1), RENAMED.get(m.group(2), m.group(2)), (m.group(3) or "").strip()
        if ptype not in PLOVER_TYPES:
            raise SystemExit(f"{path}:{number}: unknown PLOVER type {m.group(2)!r}")
        mode = MODE_WORDS.get(mode_word) if ptype == "CONSULT" else None
        # CAMEO 03x is "express intent to ...": agreed to, not yet done.
        status = "agreed_to" if code.startswith("03") else "occurred"
        table.setdefault(code, Mapped(ptype, mode, status))
    for code, (ptype, mode, status) in GUIDELINE_OVERRIDES.items():
        table[code] = Mapped(ptype, mode, status)
    return table


def map_cameo(code: str, table: dict[str, Mapped]) -> Mapped | None:
    """The most specific entry of the table for a CAMEO code ("0841" -> "0841", else "084", else "08").

    CAMEO 01 (public statement) and 02 (appeal) are dropped by PLOVER: None.
    """
    digits = re.match(r"\d+", code.strip())
    if not digits:
        return None
    code = digits.group(0)
    if code[:2] in ("01", "02"):
        return None
    for n in (4, 3, 2):
        if len(code) >= n and code[:n] in table:
            return table[code[:n]]
    return None


# --- English sentence splitting (the CASE snippets and the synthetic stories are English) ---------------
# A period after one of these (or after a single capital: an initial) does not end a sentence.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "brig", "adm", "cmdr", "gov",
    "sen", "rep", "pres", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "no", "jan", "feb", "mar",
    "apr", "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m",
})
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Sentences of an English paragraph; paragraphs (blank-line separated) never share a sentence."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n", text):
        start = 0
        for m in SENTENCE_END.finditer(para):
            head = para[start:m.start()].rstrip("\"'”’)")
            last_word = head.rsplit(None, 1)[-1] if head.split() else ""
            stem = last_word.rstrip(".").lstrip("(\"'“").lower()
            if stem in ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", last_word.lstrip("(\"'“")):
                continue
            out.append(normalize_space(para[start:m.start()] + m.group(0).rstrip()))
            start = m.end()
        rest = normalize_space(para[start:])
        if rest:
            out.append(rest)
    return [s for s in out if s]
