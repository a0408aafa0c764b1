"""Readers: files, folders, JSONL and standard input -> Documents, or InputErrors that name the problem.

Document ids: the file name for a file given directly; the path relative to the folder for files
found in a folder (so ids stay unique); the JSONL `id` (default: the line number).
Errors never stop the run: each is yielded in place of the document and reading goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from communique.clean.debris import has_content
from communique.document import Document
from communique.errors import InputError, printable
from communique.read.decode import UndecodableError, decode_bytes, looks_binary
from communique.read.html import declared_charset, extract_page, looks_like_html

if TYPE_CHECKING:
    from communique.pipeline import Options

# One document may not be larger than this (a file, a JSONL line, standard input). Checked before
# reading, so a huge file is refused without loading it.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
_LIMIT_TEXT = f"{MAX_DOCUMENT_BYTES // (1024 * 1024)} MB"

TEXT_EXTENSIONS = (".txt", ".text", ".md")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
JSONL_EXTENSIONS = (".jsonl",)
FOLDER_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSONL_EXTENSIONS

STDIN_ID = "stdin"
STDIN_SOURCE = "<stdin>"

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_inputs(paths: list[str], options: Options | None = None) -> Iterator[Document | InputError]:
    """Documents from files, folders, .jsonl files and `-` (standard input), in the order given."""
    for given in paths:
        if given == "-":
            yield from read_stdin()
            continue
        path, shown = Path(given), printable(given)  # `shown` names the file in messages: never raw control bytes
        if not path.exists():
            yield usage_error(shown, "no such file or directory")
        elif path.is_dir():
            yield from read_folder(path, shown)
        else:
            yield from read_file(path, path.name, shown)


def usage_error(source: str, problem: str) -> InputError:
    """An error in what the user typed (the CLI exits 2 for it)."""
    error = InputError(source, problem)
    error.usage = True  # type: ignore[attr-defined]
    return error


# -- folders and files ------------------------------------------------------------------------------


def read_folder(folder: Path, shown: str) -> Iterator[Document | InputError]:
    unreadable: list[OSError] = []
    files = folder_files(folder, unreadable)
    for error in unreadable:
        where = Path(error.filename).relative_to(folder).as_posix() if error.filename else "."
        problem = f"cannot read directory: {error.strerror or error}; skipped"
        yield InputError(os.path.join(shown, printable(where)), problem)
    if not files and not unreadable:
        yield InputError(shown, f"no readable files in directory (looked for {' '.join(FOLDER_EXTENSIONS)})")
        return
    for file in files:
        rel = file.relative_to(folder).as_posix()
        source = os.path.join(shown, printable(rel))
        if not _is_regular_file(file):  # a FIFO or device in a folder would block the run forever
            yield InputError(source, "not a regular file (FIFO, socket or device); skipped")
            continue
        yield from read_file(file, rel, source, id_prefix=rel)


def folder_files(folder: Path, unreadable: list[OSError] | None = None) -> list[Path]:
    """Files under a folder, recursively, hidden files and folders skipped, sorted by path.

    Subfolders that cannot be listed are appended to `unreadable` (reported, never skipped silently)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append if unreadable is not None else None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and name.lower().endswith(FOLDER_EXTENSIONS):
                found.append(Path(root) / name)
    if unreadable is not None:
        unreadable.sort(key=lambda e: str(e.filename))
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True  # let read_file report why it cannot be read


def read_file(path: Path, doc_id: str, source: str, id_prefix: str | None = None) -> Iterator[Document | InputError]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_EXTENSIONS:
            with path.open("rb") as fh:
                if looks_binary(fh.read(65536)):  # one message, not one per "line" of an image
                    yield InputError(source, "binary file (not text)")
                    return
                fh.seek(0)
                yield from read_jsonl(bounded_lines(fh), source, id_prefix)
            return
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            yield InputError(source, f"file too large ({size / 1048576:.0f} MB; the limit is {_LIMIT_TEXT})")
            return
        data = path.read_bytes()
    except OSError as e:
        yield InputError(source, f"cannot read: {e.strerror or e}")
        return
    kind = "html" if suffix in HTML_EXTENSIONS else "text" if suffix in TEXT_EXTENSIONS else "sniff"
    yield document_from_bytes(data, doc_id, source, kind)


def document_from_bytes(data: bytes, doc_id: str, source: str, kind: str) -> Document | InputError:
    """One document from a file's bytes; kind is text, html, or sniff (HTML if it looks like it)."""
    try:
        decoded = decode_bytes(data, declared_charset(data) if kind != "text" else None)
    except UndecodableError as e:
        return InputError(source, str(e))
    text, title, url, date = decoded.text, None, None, None
    if kind == "html" or (kind == "sniff" and looks_like_html(text)):
        page = extract_page(text)
        text, title, url, date = page.text, page.title, page.url, page.date
    if not has_content(text):
        return InputError(source, "empty document")
    doc = Document(id=doc_id, raw_text=text, source=source, title=title, url=url)
    doc.warnings.extend(decoded.warnings)
    set_metadata_date(doc, date)
    return doc


# -- JSONL ------------------------------------------------------------------------------------------


def bounded_lines(fh: BinaryIO) -> Iterator[bytes | None]:
    """The lines of a binary file; None for a line over the size limit (skipped without keeping it)."""
    while True:
        line = fh.readline(MAX_DOCUMENT_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_DOCUMENT_BYTES and not line.endswith(b"\n"):
            while True:  # skip the rest of the long line in chunks
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def read_jsonl(
    lines: Iterable[bytes | None], source: str, id_prefix: str | None = None
) -> Iterator[Document | InputError]:
    """One document per non-empty line: {"text": ..., "id", "date", "lang", "url", "title"}.

    An id used twice in one file is an error on the second line (it would silently replace the first
    document in a store, and make evidence ambiguous in the output)."""
    first_line: dict[str, int] = {}
    for number, raw in enumerate(lines, 1):
        if raw is None:
            yield InputError(source, f"document too large (the limit is {_LIMIT_TEXT})", line=number)
            continue
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        item = jsonl_document(raw, number, source, id_prefix)
        if isinstance(item, Document):
            if item.id in first_line:
                item = InputError(source, f"duplicate id {item.id!r} (first used on line {first_line[item.id]}); "
                                  "skipped", line=number)
            else:
                first_line[item.id] = number
        yield item


def jsonl_document(raw: bytes, number: int, source: str, id_prefix: str | None) -> Document | InputError:
    warnings: list[str] = []
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        line = raw.decode("utf-8", errors="replace")
        warnings.append("invalid UTF-8 replaced")
    try:
        rec = json.loads(line.rstrip("\r\n"))
    except RecursionError:
        return InputError(source, "invalid JSON (nested too deeply)", line=number)
    except json.JSONDecodeError as e:
        # json's messages may end in "starting at" ("Unterminated string starting at"): then no second "at"
        where = f"column {e.colno}" if e.msg.endswith(" at") else f"at column {e.colno}"
        return InputError(source, f"invalid JSON ({e.msg} {where})", line=number)
    if not isinstance(rec, dict):
        return InputError(source, f"expected a JSON object, got {type(rec).__name__}", line=number)
    if "text" not in rec:
        return InputError(source, 'missing "text"', line=number)
    text = rec["text"]
    if not isinstance(text, str):
        return InputError(source, f'"text" must be a string, got {_json_type(text)}', line=number)
    text = _repair_text(text, warnings)
    if not has_content(text):
        return InputError(source, "empty document", line=number)
    doc_id = _optional_str(rec.get("id"))
    if doc_id is None:
        doc_id = f"{id_prefix}:{number}" if id_prefix else str(number)
    doc = Document(id=doc_id, raw_text=text, source=f"{source}:{number}", title=_optional_str(rec.get("title")),
                   url=_optional_str(rec.get("url")), lang_hint=lang_code(rec.get("lang")))
    doc.warnings.extend(warnings)
    set_metadata_date(doc, rec.get("date"))
    return doc


def _json_type(value: Any) -> str:
    return {dict: "object", list: "array", bool: "boolean", int: "number", float: "number"}.get(type(value), "null")


def _repair_text(text: str, warnings: list[str]) -> str:
    """Lone surrogates (from JSON escapes) are replaced and NULs dropped, each with a warning."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        warnings.append("invalid surrogate characters replaced")
    if "\x00" in text:
        warnings.append(f"removed {text.count(chr(0))} NUL character(s)")
        text = text.replace("\x00", "")
    return text


def _optional_str(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def lang_code(value: Any) -> str | None:
    """An ISO 639-1 hint: "pt-BR" -> "pt", "RU" -> "ru"; None when absent or not a code."""
    if not isinstance(value, str):
        return None
    code = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


# -- metadata ---------------------------------------------------------------------------------------


def iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from a date or a full timestamp ("2025-02-22T10:00:00Z"); None if not a valid date."""
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def set_metadata_date(doc: Document, value: Any) -> None:
    if value is None or value == "":
        return
    date = iso_date(value)
    if date is None:
        doc.warnings.append(f"ignored date {value!r}: expected YYYY-MM-DD")
        return
    doc.date, doc.date_source = date, "metadata"


# -- standard input ---------------------------------------------------------------------------------


def read_stdin() -> Iterator[Document | InputError]:
    if _stdin_file_size() > MAX_DOCUMENT_BYTES:  # redirected from a file: refuse without reading it
        yield InputError(STDIN_SOURCE, f"input too large (the limit is {_LIMIT_TEXT})")
        return
    data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        yield InputError(STDIN_SOURCE, f"input too large (the limit is {_LIMIT_TEXT})")
        return
    yield from read_bytes(data, STDIN_ID, STDIN_SOURCE)


def _stdin_file_size() -> int:
    """The size of standard input when it is a regular file (`< file`), else 0 (a pipe or a terminal)."""
    try:
        info = os.fstat(sys.stdin.buffer.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests, embedded use)
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


def read_bytes(data: bytes, doc_id: str, source: str) -> Iterator[Document | InputError]:
    """Sniffed input: JSONL if every non-empty line is a JSON object with "text", else HTML or text."""
    if is_jsonl(data):
        yield from read_jsonl(data.splitlines(keepends=True), source)
    else:
        yield document_from_bytes(data, doc_id, source, "sniff")


def is_jsonl(data: bytes) -> bool:
    """JSONL when the first non-empty line is a JSON object with "text": the other lines are then read
    as JSONL too, each bad one reported with its line number (never the whole stream as one text)."""
    first = next((line for line in data.splitlines() if line.strip()), b"")
    if not first.lstrip().startswith((b"{", b"\xef\xbb\xbf{")):
        return False
    try:
        rec = json.loads(first.decode("utf-8-sig", errors="replace"))
    except (json.JSONDecodeError, RecursionError):
        return False
    return isinstance(rec, dict) and "text" in rec
