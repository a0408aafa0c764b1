"""The event card rewrites only its own part of docs/models.md: later cards and notes stay."""

from __future__ import annotations

from pathlib import Path

from training.events.card import _later_sections


def test_sections_after_the_event_card_are_kept(tmp_path: Path) -> None:
    card = tmp_path / "models.md"
    card.write_text("# Models\n\nold event card\n\n<!-- similarity card -->\n## Similarity\n\n## Participants\n",
                    encoding="utf-8")
    assert _later_sections(card) == "\n<!-- similarity card -->\n## Similarity\n\n## Participants\n"


def test_a_card_without_other_sections_keeps_nothing(tmp_path: Path) -> None:
    card = tmp_path / "models.md"
    card.write_text("# Models\n\nold event card\n", encoding="utf-8")
    assert _later_sections(card) == ""
    assert _later_sections(tmp_path / "missing.md") == ""
