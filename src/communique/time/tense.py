"""The tense of the sentence around a weekday: does "on Thursday" look ahead?

A weekday alone is the nearest such day to the anchor (news reports the recent past), but "will meet
on Thursday", said on a Sunday, is the coming Thursday. Each language lists what marks its future and
its past in `dates.tense_future` / `dates.tense_past` (regular expressions: auxiliaries, verb endings,
"scheduled", "next", 将, 겠...). When the cue nearest to the weekday inside its sentence is a future
one, the weekday is this day or the coming one.

Past cues only stop a farther future cue ("said Monday he will ..."): moving a weekday back on a past
cue lost more than it won on the labelled sets, since reporting verbs ("said", "pronosticó") are past
while what they report lies ahead.
"""

from __future__ import annotations

import re
from functools import cache

from communique.time.lexicon import Lexicon

_REACH = 160  # characters either side of the weekday that can hold its verb
# what ends a sentence in any script (Latin, Arabic, Devanagari, CJK) and line breaks
_SENTENCE_END = re.compile(r"[.!?;\n。！？؟؛।]\s|[。！？\n]")

AHEAD = "ahead"  # a candidate spec: this day or the coming one


@cache
def _cue_pattern(source: str) -> re.Pattern[str] | None:
    return re.compile(source, re.IGNORECASE) if source else None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding [start, end), at most `_REACH` characters each way."""
    left = max(0, start - _REACH)
    right = min(len(text), end + _REACH)
    before = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
    after = _SENTENCE_END.search(text, end, right)
    return (before[-1] if before else left), (after.start() if after else right)


def _nearest_cue(source: str, text: str, bounds: tuple[int, int], start: int, end: int) -> int | None:
    """Characters between the weekday and the closest cue of one tense (None: no cue)."""
    pattern = _cue_pattern(source)
    if pattern is None:
        return None
    best: int | None = None
    for m in pattern.finditer(text, bounds[0], bounds[1]):
        if m.end() <= start:
            distance = start - m.end()
        elif m.start() >= end:
            distance = m.start() - end
        else:
            continue  # the weekday's own letters ("Donnerstag" is no participle)
        best = distance if best is None else min(best, distance)
    return best


def weekday_direction(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """AHEAD when the tense cue nearest to the weekday at [start, end) is a future one, else None
    (a tie goes to the future: "scheduled" also reads as a past participle)."""
    if not lex.tense_future:
        return None
    bounds = _sentence(text, start, end)
    ahead = _nearest_cue(lex.tense_future, text, bounds, start, end)
    if ahead is None:
        return None
    back = _nearest_cue(lex.tense_past, text, bounds, start, end)
    return AHEAD if back is None or ahead <= back else None


def habitual(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the sentence around [start, end) holds a habitual cue (`dates.habitual`: "평일", "daily"):
    a clock time alone there is any day's ("평일 경기는 오후 7시에 시작한다": XXXX-XX-XXT19:00)."""
    pattern = _cue_pattern(lex.habitual)
    if pattern is None:
        return False
    bounds = _sentence(text, start, end)
    return pattern.search(text, bounds[0], bounds[1]) is not None
