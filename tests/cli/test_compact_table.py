"""`communique demo` and other tables on an 80-column terminal: a compact layout that wraps between words."""

from __future__ import annotations

import io

from rich.console import Console

from communique.cli.terminal import EVENT_COLUMNS, render_table

RECORD = {"type": "CONSULT", "mode": "meet", "status": "occurred", "date": {"start": "2026-02-24"},
          "location": {"name": "Moscow", "country": "RU"},
          "actors": [{"name": "Lê Hoài Trung", "role": "Minister of Foreign Affairs"},
                     {"name": "Vladimir Putin", "role": "President"}],
          "topics": ["defense", "energy", "maritime", "military_technical", "nuclear_energy", "trade"],
          "sources": [{"doc": "000_df74262ac88120d2.txt"}]}


def rendered(width: int) -> str:
    out = io.StringIO()
    render_table([RECORD, dict(RECORD, status="planned")], EVENT_COLUMNS, "Events", Console(file=out, width=width))
    return out.getvalue()


def test_eighty_columns_wrap_between_words() -> None:
    text = rendered(80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    words = set(text.split())
    for expected in ("occurred", "planned", "2026-02-24", "military_technical,", "(Minister", "Affairs);",
                     "000_df74262ac88120d2.txt"):
        assert expected in words, expected  # whole, never cut at the line end
    assert "1. CONSULT" in text and "2. CONSULT" in text
    assert any(line.strip().startswith("status") and line.split()[-1] == "occurred" for line in lines)


def test_wide_terminals_keep_the_table() -> None:
    text = rendered(160)
    assert "┃ type" in text and "occurred" in text.split()
