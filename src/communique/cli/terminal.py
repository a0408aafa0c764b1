"""Readable terminal output (rich): tables of records, a document view, progress bars."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from rich.console import Console
from rich.panel import Panel
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from communique.document import Document
from communique.records import document_record, event_record, mention_record, timex_record

T = TypeVar("T")

EVENT_COLUMNS = [("type", "type"), ("mode", "mode"), ("status", "status"), ("date", "date"),
                 ("location", "location"), ("actors", "actors"), ("topics", "topics"), ("doc", "doc")]
MENTION_COLUMNS = [("doc", "doc"), ("start", "start"), ("text", "text"), ("kind", "kind"),
                   ("name", "name"), ("country", "country"), ("role", "role")]
TIMEX_COLUMNS = [("doc", "doc"), ("start", "start"), ("text", "text"), ("type", "type"), ("value", "value")]


def _cell(rec: dict[str, Any], key: str) -> str:
    if key == "date" and isinstance(rec.get("date"), dict):
        d = rec["date"]
        return f"{d.get('start') or ''}" + (f"..{d['end']}" if d.get("end") else "")
    if key == "location" and isinstance(rec.get("location"), dict):
        loc = rec["location"]
        return ", ".join(str(x) for x in (loc.get("name"), loc.get("country")) if x)
    if key == "actors" and isinstance(rec.get("actors"), list):
        return "; ".join(f"{a['name']}" + (f" ({a['role']})" if a.get("role") else "") for a in rec["actors"])
    if key == "topics" and isinstance(rec.get("topics"), list):
        return ", ".join(rec["topics"])
    if key == "doc" and "sources" in rec:
        return ", ".join(s["doc"] for s in rec["sources"])
    value = rec.get(key)
    return "" if value is None else str(value)


# Below this many columns a table of 8 columns cuts words in pieces ("occurre d"): records are then
# printed one below the other, field by field, wrapped between words.
COMPACT_WIDTH = 120


def render_table(records: list[dict[str, Any]], columns: list[tuple[str, str]], title: str,
                 console: Console | None = None) -> None:
    console = console or Console()
    if console.width < COMPACT_WIDTH and len(columns) > 4:
        render_compact(records, columns, title, console)
        return
    table = Table(title=title, show_lines=False)
    for header, _ in columns:
        table.add_column(header, overflow="fold")
    for rec in records:
        table.add_row(*(_cell(rec, key) for _, key in columns))
    console.print(table)


def render_compact(records: list[dict[str, Any]], columns: list[tuple[str, str]], title: str,
                   console: Console) -> None:
    """One block per record for narrow terminals: its first column as a heading, then `field  value`
    lines, each value wrapped at spaces with a hanging indent (a word is cut only if longer than a line)."""
    console.print(Text(title, style="bold"))
    width = max(len(header) for header, _ in columns)
    for number, rec in enumerate(records, 1):
        console.print()
        first_header, first_key = columns[0]
        console.print(Text(f"{number}. {_cell(rec, first_key)}", style="bold"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(width=width + 2, no_wrap=True, style="dim")
        grid.add_column(overflow="fold")
        for header, key in columns[1:]:
            value = _cell(rec, key)
            if value:
                grid.add_row(f"  {header}", Text(value))
        console.print(grid)


def show_document(doc: Document, fmt: str) -> None:
    """A document with its metadata, cleaned text and annotation layers."""
    if fmt in ("json", "jsonl"):
        rec = document_record(doc)
        rec["text"] = doc.text
        rec["mentions"] = [mention_record(doc, m) for m in doc.mentions]
        rec["timexes"] = [timex_record(doc, t) for t in doc.timexes]
        rec["events"] = [event_record(doc, e) for e in doc.events]
        sys.stdout.write(json.dumps(rec, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n")
        return
    console = Console()
    meta = document_record(doc)
    head = "\n".join(f"[bold]{k}[/bold]: {meta[k]}" for k in ("id", "source", "title", "url", "date",
                                                                "date_source", "lang", "chars", "sentences"))
    console.print(Panel(head, title="Document"))
    if doc.removed:
        console.print(f"[dim]removed as debris: {len(doc.removed)} piece(s)[/dim]")
        for r in doc.removed:
            console.print(f"[dim]  - {r.reason}: {r.text.strip()[:80]!r}[/dim]")
    console.print(Panel(doc.text, title="Cleaned text"), markup=False)
    if doc.mentions:
        render_table([mention_record(doc, m) for m in doc.mentions], MENTION_COLUMNS, "Mentions")
    if doc.timexes:
        render_table([timex_record(doc, t) for t in doc.timexes], TIMEX_COLUMNS, "Temporal expressions")
    if doc.events:
        render_table([event_record(doc, e) for e in doc.events], EVENT_COLUMNS, "Events")


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[], None] | None]:
    """A progress bar (counts and rate) on stderr when it is a terminal; yields its `advance`, else None."""
    if not sys.stderr.isatty():
        yield None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               _RateColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=None)
        yield lambda: bar.advance(task)


def progress(items: Iterable[T], description: str) -> Iterator[T]:
    """Iterate with a progress bar on stderr when it is a terminal (advanced after each item)."""
    with progress_bar(description) as advance:
        for item in items:
            yield item
            if advance is not None:
                advance()


class _RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Any) -> Text:
        return Text(f"{task.speed:.0f} docs/s" if task.speed else "")
