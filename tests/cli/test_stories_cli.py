"""`communique stories` and `communique show story_…` on a store with one story told in German and English."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from communique.cli import app
from communique.records import stable_id

TRAVEL = stable_id("story", "1591747382")


def test_stories_lists_them_as_jsonl(story_store: Path) -> None:
    result = CliRunner().invoke(app, ["stories", "--db", str(story_store), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["n_documents"] for r in rows] == [2, 1, 1]
    assert rows[0]["id"] == TRAVEL and rows[0]["languages"] == ["de", "en"]


def test_show_story_prints_its_articles(story_store: Path) -> None:
    result = CliRunner().invoke(app, ["show", TRAVEL, "--db", str(story_store)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{TRAVEL}  Fast jeder Zweite lehnt Grenzöffnungen für Sommerurlaub ab"
    assert lines[1] == "  seen: 2020-05-20 .. 2020-05-22  (2 document(s))"
    assert lines[2] == "  languages: de, en"
    assert lines[5].startswith("    2020-05-20  de  1591747382  ") and lines[5].endswith("[first of the story]")
    assert lines[6].startswith("    2020-05-22  en  1593268446  Germany casts doubt on summer travel  "
                               "[joined via 1591747382 (score 1.")


def test_show_unknown_story_is_one_line(story_store: Path) -> None:
    result = CliRunner().invoke(app, ["show", "story_0000000000000000", "--db", str(story_store)])
    assert result.exit_code == 1
    assert "no story 'story_0000000000000000' in the store" in result.output
