"""Convert public TimeML corpora into the repo's TIMEX3 JSONL (docs/timex-format in the briefs).

    python -m benchmarks.timex.convert tml   DIR_OR_GIT:TREE  OUT.jsonl --lang en --source REPO@COMMIT
    python -m benchmarks.timex.convert cat   ...   (MEANTIME, token-based CAT XML)
    python -m benchmarks.timex.convert sgml  ...   (WikiWarsUA keyinline: inline TIMEX3, DCT in DATETIME)

Input is read from a bare git mirror (`--git DIR --rev COMMIT --under PATH`) so the exact commit is
recorded; every document becomes one line {"doc_id", "lang", "source", "licence", "dct", "text",
"timex": [{"start", "end", "text", "type", "value", "mod"}]} with text[start:end] == timex text.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_TAG = re.compile(r"<(/?)([A-Za-z_][\w:.-]*)((?:\s+[^>]*?)?)\s*(/?)>", re.S)
_ATTR = re.compile(r'([\w:.-]+)\s*=\s*"([^"]*)"')


def _attrs(raw: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(raw)}


def inline_timexes(markup: str) -> tuple[str, list[dict[str, Any]]]:
    """Plain text of inline-annotated markup and its TIMEX3 spans (other tags are dropped)."""
    out: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    found: list[dict[str, Any]] = []
    pos = 0
    for m in _TAG.finditer(markup):
        chunk = html.unescape(markup[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, raw, empty = m.group(1), m.group(2), m.group(3), m.group(4)
        if name.upper() != "TIMEX3" or empty:
            continue
        if not closing:
            open_timex.append((length, _attrs(raw)))
        elif open_timex:
            start, attrs = open_timex.pop()
            found.append({"start": start, "end": length, **_timex_fields(attrs)})
    out.append(html.unescape(markup[pos:]))
    text = "".join(out)
    for t in found:
        t["text"] = text[t["start"] : t["end"]]
    return text, _trim(text, found)


def _timex_fields(attrs: dict[str, str]) -> dict[str, Any]:
    return {"type": attrs.get("type", "DATE"), "value": attrs.get("value") or None, "mod": attrs.get("mod") or None}


def _trim(text: str, timexes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Strip surrounding spaces from spans; drop empty ones; order by start."""
    out = []
    for t in timexes:
        s, e = t["start"], t["end"]
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append({"start": s, "end": e, "text": text[s:e], "type": t["type"], "value": t["value"],
                        "mod": t["mod"]})
    return sorted(out, key=lambda t: (t["start"], t["end"]))


def _section(doc: str, name: str) -> str | None:
    m = re.search(rf"<{name}\b[^>]*>(.*?)</{name}>", doc, re.S)
    return m.group(1) if m else None


def tml_document(doc_id: str, raw: str) -> dict[str, Any] | None:
    """One TempEval-3 .tml file: TEXT with inline TIMEX3, DCT from the DCT element."""
    body = _section(raw, "TEXT")
    dct_part = _section(raw, "DCT") or _section(raw, "DATETIME") or ""
    if body is None:
        return None
    dct = re.search(r'value="([^"]+)"', dct_part)
    text, timexes = inline_timexes(body)
    return {"doc_id": doc_id, "dct": dct.group(1)[:10] if dct else None, "text": text, "timex": timexes}


def cat_document(doc_id: str, raw: str) -> dict[str, Any] | None:
    """One MEANTIME CAT file: tokens joined by spaces (sentences by newlines), TIMEX3 over token anchors."""
    tokens = re.findall(r'<token\b([^>]*)>(.*?)</token>', raw, re.S)
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length, sentence = 0, None
    sentence_of: dict[str, int] = {}
    for attr_raw, body in tokens:
        attrs = _attrs(attr_raw)
        word = html.unescape(body)
        if pieces:
            sep = "\n" if attrs.get("sentence") != sentence else " "
            pieces.append(sep)
            length += 1
        sentence = attrs.get("sentence")
        offsets[attrs["t_id"]] = (length, length + len(word))
        sentence_of[attrs["t_id"]] = int(attrs.get("sentence", 0))
        pieces.append(word)
        length += len(word)
    annotated = _annotated_sentences(raw, sentence_of)
    cut = max((offsets[t][1] for t in offsets if sentence_of[t] <= annotated), default=0)
    text = "".join(pieces)[:cut]
    dct = None
    timexes = []
    for attr_raw, body in re.findall(r"<TIMEX3\b([^>]*?)>(.*?)</TIMEX3>", raw, re.S):
        attrs = _attrs(attr_raw)
        ids = re.findall(r'<token_anchor t_id="(\d+)"', body)
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = (attrs.get("value") or "")[:10] or None
        if not ids:
            continue
        start, end = offsets[ids[0]][0], offsets[ids[-1]][1]
        timexes.append({"start": start, "end": end, **_timex_fields(attrs)})
    return {"doc_id": doc_id, "dct": dct, "text": text, "timex": _trim(text, timexes)}


def _annotated_sentences(raw: str, sentence_of: dict[str, int]) -> int:
    """MEANTIME annotates the title and the first sentences only: the last sentence with any markable."""
    anchored = re.findall(r'<token_anchor t_id="(\d+)"', raw)
    return max((sentence_of[t] for t in anchored if t in sentence_of), default=0)


def _git(git_dir: str, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True, capture_output=True,
                          text=True).stdout


def _files(git_dir: str, rev: str, under: str, suffix: str) -> Iterator[tuple[str, str]]:
    names = _git(git_dir, "ls-tree", "-r", "--name-only", rev, under).splitlines()
    for name in sorted(n for n in names if n.endswith(suffix)):
        yield name, _git(git_dir, "show", f"{rev}:{name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("format", choices=("tml", "cat", "sgml"))
    parser.add_argument("out", type=Path)
    parser.add_argument("--git", required=True, help="bare git directory of the source repository")
    parser.add_argument("--rev", required=True)
    parser.add_argument("--under", required=True, help="folder inside the repository")
    parser.add_argument("--repo", required=True, help="owner/name for the source field")
    parser.add_argument("--lang", required=True)
    parser.add_argument("--licence", required=True)
    parser.add_argument("--suffix", default=None)
    args = parser.parse_args(argv)
    convert = {"tml": tml_document, "cat": cat_document, "sgml": tml_document}[args.format]
    suffix = args.suffix or {"tml": ".tml", "cat": ".xml", "sgml": ".xml"}[args.format]
    count = timexes = 0
    with args.out.open("w", encoding="utf-8") as fh:
        for name, raw in _files(args.git, args.rev, args.under, suffix):
            doc_id = Path(name).name.rsplit(".", 2 if name.endswith(".key.xml") else 1)[0]
            doc = convert(doc_id, raw)
            if doc is None:
                print(f"{name}: no TEXT section; skipped", file=sys.stderr)
                continue
            record = {"doc_id": doc["doc_id"], "lang": args.lang, "source": f"{args.repo}:{name}@{args.rev}",
                      "licence": args.licence, "dct": doc["dct"], "dct_evidence": "corpus DCT annotation",
                      "text": doc["text"], "timex": doc["timex"]}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
            timexes += len(doc["timex"])
    print(f"{args.out}: {count} documents, {timexes} TIMEX3")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
