"""Readers: text, HTML, JSONL, folders, standard input -> Documents (or InputErrors)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from communique.document import Document
from communique.errors import InputError


def read_inputs(paths: list[str], options: object = None) -> Iterator[Document | InputError]:
    """Placeholder reader: UTF-8 text files and JSONL. Replaced by the full reader."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield InputError(p, "no such file or directory")
            continue
        if path.suffix == ".jsonl":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                yield Document(id=str(rec.get("id", n)), raw_text=rec["text"], source=p,
                               date=rec.get("date"), lang_hint=rec.get("lang"))
        else:
            yield Document(id=path.name, raw_text=path.read_text(encoding="utf-8"), source=p)
