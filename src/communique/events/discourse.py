"""Discourse cues the event builder reads: framing, review lists, content clauses.

Kept in the `discourse` section of each language file:
    frame:          "in the framework of", "в рамках", "dalam rangka" (what follows frames other events)
    review:         "including", "включая", "darunter" (a list of earlier developments follows)
    complementizer: "that", "что", "dass", "bahwa" (what follows is the content of a statement)
    speech:         "stressed", "подчеркнул", "betonte" (a nominal event after it is what was said)
    group:          "the delegation", "both sides", "делегация" (a subject standing for the story's
                    protagonist and counterparts)
    anniversary:    "anniversary of", "годовщина" (the event named in the same clause is a past one)
    informant:      "according to", "по данным", "据", "theo" (the name right after it told the news: no side)
    informant_after: "zufolge", "에 따르면", "によると", "'e göre" (the same, written after the name)
    relative:       "que" (es, pt): a complementizer that also opens a relative clause; right after "<name>,"
                    it does ("El ministro, que se reunió con …": the name is the clause's subject)
Each list is compiled into one case-insensitive regex per language, once.
"""

from __future__ import annotations

import re
from functools import cache

from communique import lang as languages

KINDS = ("frame", "review", "complementizer", "speech", "group", "anniversary", "relative", "informant",
         "informant_after")
_WORD = r"[\w\u0300-\u036f]"


@cache
def _compiled(lang: str, kind: str) -> re.Pattern[str] | None:
    phrases = languages.section(lang, "discourse").get(kind) or []
    if not phrases:
        return None
    alternation = "|".join(sorted((str(p) for p in phrases), key=len, reverse=True))
    if languages.about(lang, "unsegmented"):  # no spaces, no word boundaries ("双方", "両国")
        return re.compile(f"(?:{alternation})", re.IGNORECASE)
    return re.compile(rf"(?<!{_WORD})(?:{alternation})(?!{_WORD})", re.IGNORECASE)


def find(lang: str, kind: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the cue phrases of one kind inside [start, end)."""
    regex = _compiled(lang, kind)
    if regex is None or end <= start:
        return []
    return [m.span() for m in regex.finditer(text, start, end)]
