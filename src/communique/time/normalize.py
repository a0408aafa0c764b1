"""Candidates -> Timex with TIMEX3 values, using the anchor and the document's own year evidence.

Rules (news reports the recent past):
- A day-month without a year, with an anchor year: the anchor's year, unless that puts it more than
  `FUTURE_TOLERANCE` days after the anchor (then the previous year), or the next year when that is at
  most `_NEXT_YEAR_TOLERANCE` days ahead ("5 January" written on 28 December). Measured on the labelled
  news sets, whose announcements reach months ahead, and on TempEval-3 (no loss there).
- A month without a year ("в августе", "in September"), with an anchor year: the anchor year if the
  month is at most `_FUTURE_MONTHS` after the anchor month (news announces the coming weeks), else
  the previous year; January written in December is next year's.
- Without an anchor year: a weekday attached to the date ("Sabtu ... (10 Mei") picks the year among
  the years the text mentions ("(1950 - 2025)") in which that day is that weekday; else the year of
  the nearest full or month-year date in the text ("Januar 2024"); else `XXXX` - never a guess.
  Bare years alone ("2022-2024") are not used without a weekday: they name periods, not the article.
- A weekday attached to a date that does not fit the anchor-rule year but fits the year before
  moves the date there ("в понедельник 7 февраля", anchor June 2012 -> 2011-02-07); never forward.
- Weekdays alone: the day the tense of their sentence points to (time/tense.py): with a
  future cue ("will meet on Thursday") this day or the coming one, else the nearest (a tie goes back).
- "last August": the latest August before the anchor month; "в июне прошлого года": June of the
  anchor year - 1.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from communique import lang as languages
from communique.document import Timex
from communique.time.anchor import Anchor
from communique.time.calendars import calendar_module
from communique.time.grammar import LETTER, Candidate, mask_particles, word_alternation
from communique.time.lexicon import Lexicon, lexicon
from communique.time.tense import AHEAD, habitual, weekday_direction

_PAST_IN_FUTURE = 7  # days before the anchor a date told in the future tense may still lie (a late report)
FUTURE_TOLERANCE = 120  # days a yearless date may lie after the anchor before it means last year
_NEXT_YEAR_TOLERANCE = 30  # days into next year a yearless date may lie ("5 January" on 28 December)
_FUTURE_MONTHS = 4  # and months a yearless month may lie after the anchor month
_WEEKDAY_GAP = 30  # characters between a weekday and the date it qualifies
_VAGUE_DURATION = re.compile(r"^PT?X(?:Y|M|W|D|H|DE)$")  # a relative word that is a vague duration
_MID_MONTH = 15  # the day that stands for a month of another calendar named without a day
_ANY_LEAP_YEAR = 2000  # day arithmetic for a partial anchor (year unknown); leap, so "--02-29" exists
_SPEC = re.compile(r"^(day|weekend|week|month|year|prev)([+-]\d+)(T(?:MO|MI|AF|EV|NI|DT))?$")
_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
_SCALED_UNITS = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M")}  # TIMEX3 writes a decade as P10Y
_SPLIT_UNITS = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}  # a fraction -> a smaller unit
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}  # a month inside each season, for "last summer"


@cache
def _acronym() -> re.Pattern[str]:
    """A word in capitals (of any language's alphabet) and digits: "UNCLOS", "G20"."""
    caps = languages.capitals()
    return re.compile(rf"^[{caps}][{caps}0-9\-]+$")


@dataclass(slots=True)
class _Evidence:
    """Years the text states: with a month or day (strong) and alone (for weekday checks only)."""

    dated: list[tuple[int, int]]  # (offset, year) of dates that carry a year
    bare: list[tuple[int, int]]  # (offset, year) of every year mentioned


def _iso(year: int | None, month: int, day: int | None = None) -> str:
    y = f"{year:04d}" if year is not None else "XXXX"
    return f"{y}-{month:02d}" if day is None else f"{y}-{month:02d}-{day:02d}"


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


# --- preparing candidates -----------------------------------------------------------------------


def attach_weekdays(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """Fold a weekday into the date right after it ("Senin (29/12/2014)", "Monday, January 5").

    The weekday then constrains the year instead of standing alone; weak dates ("(24/2)") survive
    only with a weekday.
    """
    parts = "|".join(re.escape(p) for p in lex.parts_of_day) or r"(?!x)x"
    gap_ok = re.compile(rf"^[\s,(]*(?:(?:{parts})[\s,(]*)?$", re.IGNORECASE)
    out: list[Candidate] = []
    for cand in cands:
        # "минулої п'ятниці": a weekday with its relative word needs no preposition
        if cand.kind == "weekday" and lex.weekday_prepositions and not cand.weak and cand.spec is None:
            before = _previous_words(text, cand.start, 1)
            # "окружающая среда" is the environment; "в среду" is Wednesday
            cand.weak = not before or before[-1].lower() not in lex.weekday_prepositions
        prev = out[-1] if out else None
        if (cand.kind == "weekday" and cand.weak and lex.bracket_weekdays and prev is not None
                and prev.kind in ("rel", "date", "day", "part") and _OPEN_PAREN.match(text[prev.end : cand.start])
                and text[cand.start : cand.end].lower() in lex.bracket_weekdays):
            cand.weak = False  # "היום (שני)": a day word, and its weekday in brackets
        if (lex.relative_weekday_joins and prev is not None and prev.kind == "rel" and cand.kind == "weekday"
                and not cand.weak
                and (prev.spec or "").startswith("day") and not text[prev.end : cand.start].strip()):
            out.pop()  # "اليوم الثلاثاء", "heute Montag": one expression, the weekday names the day
            cand.start, prev = prev.start, out[-1] if out else None
        if (prev is not None and prev.kind == "weekday" and cand.kind == "part"
                and not text[prev.end : cand.start].strip()):
            continue  # "Sabtu sore": the part qualifies the weekday (attach_day_parts joins it)
        if (prev is not None and prev.kind == "weekday" and cand.kind == "date" and cand.day is not None
                and cand.start - prev.end <= _WEEKDAY_GAP and gap_ok.match(text[prev.end : cand.start])):
            cand.weekday = prev.weekday
            if "(" not in text[prev.end : cand.start]:
                out.pop()
                cand.start = prev.start  # "Monday, January 5" is one expression
            else:  # "Senin (17/11/2014)": two expressions of one day; the weekday takes the date
                prev.kind, prev.year, prev.month, prev.day, prev.weak = "date", cand.year, cand.month, cand.day, False
                prev.calendar = cand.calendar  # "سه‌شنبه (۲۲ آبان ۱۴۰۳)": a Solar Hijri date, converted as the date is
            cand.weak = False
        elif prev is not None and prev.kind == "weekday" and cand.kind == "day" and cand.day is not None:
            gap = text[prev.end : cand.start]
            if _OPEN_PAREN.match(gap):  # "월요일(11일)": two expressions of one day; the weekday takes the day
                prev.kind, prev.day, prev.weak = "day", cand.day, False
                cand.weekday = prev.weekday
            elif not gap.strip() or gap.strip().lower() in lex.weekday_day_joiners:
                out.pop()  # "수요일 21일", "월요일인 19일": one expression, the day's date
                cand.start, cand.weekday = prev.start, prev.weekday
        elif (prev is not None and cand.kind == "weekday" and prev.kind == "date" and prev.day is not None
              and prev.weekday is None and (_WEEKDAY_AFTER_GAP.match(text[prev.end : cand.start])
                                            # "2月20日木曜日" where "4日(水)" is one DATE too (ja), not in zh
                                            or (lex.bracket_weekday_joins and prev.end == cand.start))):
            prev.weekday, prev.end = cand.weekday, cand.end  # "27 Ekim 2025 Pazartesi", "29 мая 2020, Пятница"
            continue
        elif (lex.bracket_weekday_joins and prev is not None and cand.kind == "weekday" and prev.kind == "date"
              and prev.day is not None
              and _OPEN_PAREN.match(text[prev.end : cand.start]) and (close := _CLOSE_PAREN.match(text, cand.end))):
            prev.weekday, prev.end = cand.weekday, close.end()  # "4日(水)", "9月30日(水曜日)": one DATE
            continue
        out.append(cand)
    return [c for c in out if not c.weak]


_OPEN_PAREN = re.compile(r"^\s?[(（]\s?$")
_WEEKDAY_AFTER_GAP = re.compile(r"^,?\s{1,2}$")  # a weekday written right after its date
_CLOSE_PAREN = re.compile(r"\s?[)）]")


def _previous_words(text: str, start: int, count: int = 3) -> list[str]:
    return re.findall(r"[^\W\d_][\w.\-]*", text[max(0, start - 60) : start])[-count:]


def _sentence_initial(text: str, word_start: int) -> bool:
    before = text[max(0, word_start - 3) : word_start].strip()
    return not before or before[-1] in ".!?\n:\"«„“(—–-"


def _is_name_year(text: str, cand: Candidate, lex: Lexicon) -> bool:
    """A year inside a name or title: "UNCLOS 1982", "Hukum Laut tahun 1982", "Vision 2030"."""
    words = _previous_words(text, cand.start, 3)
    while words and words[-1].lower() in lex.year_prefix:
        words.pop()
    if not words:
        return False
    last = words[-1]
    if _acronym().match(last) and len(last) >= 2:
        return True
    if lex.capitalized_nouns or not last[:1].isupper() or last.lower() in lex.month_prepositions:
        return False
    pos = text.rfind(last, max(0, cand.start - 60), cand.start)
    return not _sentence_initial(text, pos)


def mark_years(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """Flag years that are goals or parts of names (is_target); drop counts and amounts ("2000 people")."""
    out: list[Candidate] = []
    target_words = set(lex.target_before)
    for cand in cands:
        if cand.kind == "year":
            after = re.match(r"\s*([^\W\d_][\w.]*)", text[cand.end : cand.end + 30])
            if after and after.group(1).lower().rstrip(".") in lex.not_year_after:
                continue
        if cand.kind in ("year", "date") and cand.day is None:
            before = [w.lower() for w in _previous_words(text, cand.start, 2)]
            if (before and (before[-1] in target_words or " ".join(before) in target_words)) or (
                    cand.kind == "year" and _is_name_year(text, cand, lex)):
                cand.target = True
        out.append(cand)
    return out


def collect_evidence(cands: list[Candidate]) -> _Evidence:
    dated: list[tuple[int, int]] = []
    bare: list[tuple[int, int]] = []
    for c in cands:
        if c.kind in ("date", "range") and not c.target and c.calendar is None:
            for y in (c.year, c.end_year):
                if y is not None:
                    dated.append((c.start, y))
        elif c.kind in ("year", "year_range"):
            for y in (c.year, c.end_year):
                if y is not None:
                    bare.append((c.start, y))
    return _Evidence(dated, bare)


# --- year inference -----------------------------------------------------------------------------


def _by_proximity(years: list[tuple[int, int]], pos: int) -> list[int]:
    """Years ordered: preceding ones nearest first, then following ones nearest first."""
    before = [y for p, y in sorted(years, key=lambda t: pos - t[0]) if p <= pos]
    after = [y for p, y in sorted(years, key=lambda t: t[0] - pos) if p > pos]
    return list(dict.fromkeys(before + after))


class YearResolver:
    """Chooses the year of a date that states none."""

    def __init__(self, anchor: Anchor | None, evidence: _Evidence) -> None:
        self.anchor = anchor
        self.evidence = evidence

    def year_for(self, month: int, day: int | None, pos: int, weekday: int | None,
                 ahead: bool = False) -> tuple[int | None, bool]:
        """(year or None, whether it came from the anchor)."""
        a = self.anchor
        story = self._story_year(pos)
        if story is not None and a is not None and a.year is not None and story < a.year:
            return story, False  # a narrative of the past: "1 вересня 1939 ... 3 вересня" is 1939
        if a is not None and a.year is not None and a.month is not None:
            return self._from_anchor(a, month, day, weekday, ahead), True
        if weekday is not None and day is not None:
            pool = _by_proximity(self.evidence.dated, pos) + _by_proximity(self.evidence.bare, pos)
            for year in dict.fromkeys(pool):
                if _weekday_of(year, month, day) == weekday:
                    return year, False
            return None, False
        if self.evidence.dated:
            return _by_proximity(self.evidence.dated, pos)[0], False
        return None, False

    def _story_year(self, pos: int) -> int | None:
        """The year of the last date with a year stated before `pos`, at any distance: a history
        goes on in its year for pages ("28 травня 1940 ... 22 червня" far below is 1940; WikiWarsUA
        0.618 -> 0.712 without the former 1,500-character reach, the news sets unchanged). Bare years
        ("у 1941 році") are no such evidence: in news they name periods and lost on every set."""
        before = [(p, y) for p, y in self.evidence.dated if p < pos]
        return max(before)[1] if before else None

    @staticmethod
    def _from_anchor(a: Anchor, month: int, day: int | None, weekday: int | None, ahead: bool = False) -> int:
        assert a.year is not None and a.month is not None
        if day is None:
            if month > a.month + _FUTURE_MONTHS:
                return a.year - 1
            return a.year + 1 if month <= a.month + 1 - 12 else a.year  # "in January" written in December
        anchor_day = dt.date(a.year, a.month, a.day or calendar.monthrange(a.year, a.month)[1])
        year = a.year
        if ahead:  # "завершится 26 ноября" written in March: this year's, and one already past is next year's
            return year + 1 if _safe_date(year, month, day) < anchor_day - dt.timedelta(days=_PAST_IN_FUTURE) else year
        if _safe_date(year, month, day) > anchor_day + dt.timedelta(days=FUTURE_TOLERANCE):
            year -= 1
        elif _safe_date(year + 1, month, day) <= anchor_day + dt.timedelta(days=_NEXT_YEAR_TOLERANCE):
            year += 1  # "5 January" written on 28 December is next month, not eleven months ago
        # a weekday that fits the previous year moves the date there (news reports the past); one
        # that fits neither is more likely a typo than a reason to jump years, never forward
        if (weekday is not None and _weekday_of(year, month, day) != weekday
                and _weekday_of(year - 1, month, day) == weekday):
            return year - 1
        return year


def _safe_date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


# --- values -------------------------------------------------------------------------------------


def _relative_value(spec: str | None, anchor: Anchor | None,
                    previous: dt.date | None = None, first_weekday: int = 0) -> tuple[str | None, str | None]:
    """(value, precision) of a relative word ("day-1", "week+1", "year+0", "present", "none";
    "prev+1" = the day after the last date the text mentioned; "day+0TMO" = this morning)."""
    if spec in ("present", "past", "future"):
        return f"{spec.upper()}_REF", None
    if spec == "none":  # "recently", "недавно": a past without a date, TimeML's PAST_REF
        return "PAST_REF", None
    if spec is not None and _VAGUE_DURATION.match(spec):  # "for years": PXY
        return spec, None
    m = _SPEC.match(spec or "")
    if m is None:
        return None, None
    if m.group(1) == "prev":
        base = previous or (anchor.date() if anchor is not None and anchor.full else None)
        if base is None:
            return None, None
        return (base + dt.timedelta(days=int(m.group(2)))).isoformat() + (m.group(3) or ""), "day"
    if anchor is None:
        return None, None
    value, precision = _anchor_relative(m.group(1), int(m.group(2)), anchor, first_weekday)
    if value is not None and m.group(3) and precision == "day":
        value += m.group(3)
    return value, precision


def _anchor_relative(unit: str, n: int, anchor: Anchor, first_weekday: int = 0) -> tuple[str | None, str | None]:
    if unit == "year":
        return (str(anchor.year + n), "year") if anchor.year is not None else (None, None)
    if anchor.month is None:
        return None, None
    if unit == "day" and anchor.day is not None:
        base = dt.date(anchor.year or _ANY_LEAP_YEAR, anchor.month, anchor.day) + dt.timedelta(days=n)
        return _iso(base.year if anchor.year else None, base.month, base.day), "day"
    if not anchor.full:
        return None, None
    if unit == "month":
        total = anchor.month - 1 + n
        return _iso(anchor.year + total // 12 if anchor.year else None, total % 12 + 1), "month"
    if unit in ("week", "weekend"):
        day = anchor.date()
        if unit == "week" and first_weekday:  # a Sunday-first week (ar): its ISO week is that of its Monday
            start = day - dt.timedelta(days=(day.weekday() - first_weekday) % 7)
            day = start + dt.timedelta(days=(7 - first_weekday) % 7)
        iso = (day + dt.timedelta(weeks=n)).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if unit == "weekend" else ""), None
    return None, None


def _month_rel_year(spec: str | None, month: int, anchor: Anchor | None) -> int | None:
    if anchor is None or anchor.year is None or anchor.month is None or spec is None:
        return None
    if spec == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if spec == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if spec == "this":
        return anchor.year
    m = _SPEC.match(spec)
    return anchor.year + int(m.group(2)) if m and m.group(1) == "year" else None


def _day_rel_year(spec: str, month: int, day: int, anchor: Anchor | None) -> int | None:
    """The year of a day and month said to be the last ("30 juillet dernier"), the next, or of a year
    relative to the anchor ("5 мая прошлого года")."""
    if anchor is None or not anchor.full or anchor.year is None:
        return None
    if spec in ("last", "next"):
        this = _safe_date(anchor.year, month, day)
        if spec == "last":
            return anchor.year if this <= anchor.date() else anchor.year - 1
        return anchor.year if this >= anchor.date() else anchor.year + 1
    return _month_rel_year(spec, month, anchor)


def _weekday_value(weekday: int | None, anchor: Anchor | None, spec: str | None = None) -> str | None:
    """A weekday: "next Friday" the first one after the anchor, "last Friday" the last before it,
    alone the nearest one."""
    if weekday is None or anchor is None or not anchor.full:
        return None
    day = anchor.date()
    back = (day.weekday() - weekday) % 7
    ahead = (weekday - day.weekday()) % 7
    if spec == "next":
        return (day + dt.timedelta(days=ahead or 7)).isoformat()
    if spec == "last":
        return (day - dt.timedelta(days=back or 7)).isoformat()
    if spec == AHEAD:  # "will meet on Thursday": this Thursday or the coming one
        return (day + dt.timedelta(days=ahead)).isoformat()
    if spec is not None and (week := _WEEK_SPEC.match(spec)):  # "next week Monday": that week's Monday
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=int(week.group(1)))
        return (monday + dt.timedelta(days=weekday)).isoformat()
    # the nearest such day; news mostly reports the past, so a tie (and the day itself) goes back
    return (day + dt.timedelta(days=ahead) if ahead < back else day - dt.timedelta(days=back)).isoformat()


def _duration_value(count: str, unit: str) -> str:
    """P3D, PT2H, P10Y (a decade), PXY (vague)."""
    if unit in _SCALED_UNITS and count != "X":
        factor, unit = _SCALED_UNITS[unit]
        number = float(count) * factor
        count = str(int(number)) if number.is_integer() else str(number)
    elif unit in _SCALED_UNITS:
        unit = _SCALED_UNITS[unit][1]
    if count not in ("X", "") and not float(count).is_integer() and unit in _SPLIT_UNITS:
        return _split_duration(float(count), unit)
    if unit in _TIME_UNITS:
        return f"PT{count}{_TIME_UNITS[unit]}"
    return f"P{count}{unit}"


def _split_duration(number: float, unit: str) -> str:
    """A fractional count as whole units and the next smaller unit, the TimeML way:
    3.5 days -> P3DT12H, 1.5 hours -> PT1H30M, 2.5 years -> P2Y6M."""
    smaller, factor = _SPLIT_UNITS[unit]
    whole, rest = int(number), round((number - int(number)) * factor)
    big = f"{whole}{_TIME_UNITS.get(unit, unit)}" if whole else ""  # half an hour: PT30M, not PT0H30M
    if unit in _TIME_UNITS:
        return f"PT{big}{rest}{_TIME_UNITS[smaller]}"
    return f"P{big}{'T' if smaller in _TIME_UNITS else ''}{rest}{_TIME_UNITS.get(smaller, smaller)}"


def _shifted_value(c: Candidate, anchor: Anchor | None, previous: dt.date | None) -> str | None:
    """A duration as a date: "two days ago" from the document date, "three days later" from the
    last date of the narrative; the value keeps the unit's precision (years ago -> a year)."""
    assert c.count is not None and c.unit is not None and c.shift is not None
    sign = -1 if c.shift.startswith("-") else 1
    if c.count == "X":
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    base = previous if c.shift.endswith("prev") and previous is not None else (
        anchor.date() if anchor is not None and anchor.full else None)
    if base is None:
        return None
    count, unit = c.count, c.unit
    if "." in count and unit in _SPLIT_UNITS:  # "hace dos años y medio": 30 months ago
        unit, per = _SPLIT_UNITS[unit]
        count = str(round(float(c.count) * per))
    if "." in count:
        return None
    n = sign * int(count)
    if unit in _SCALED_UNITS:
        factor, unit = _SCALED_UNITS[unit]
        n = n * factor
    if unit == "Y":
        return str(base.year + n)
    if unit == "M":
        total = base.month - 1 + n
        return _iso(base.year + total // 12, total % 12 + 1)
    if unit == "W":
        iso = (base + dt.timedelta(weeks=n)).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if unit == "D":
        return (base + dt.timedelta(days=n)).isoformat()
    return None


def _day_alone_value(day: int, anchor: Anchor | None, previous: dt.date | None,
                     weekday: int | None = None, ahead: bool = False) -> str | None:
    """"12日": that day of the month the story is in (the last full date), else of the document's
    month, or of the month before when the day lies after the document date (the month after when it
    lies before and the sentence looks `ahead`: "오는 3일 방문한다"). With its weekday ("월요일인 19일"),
    the month around the reference date in which that day is that weekday."""
    reference = previous or (anchor.date() if anchor is not None and anchor.full else None)
    if weekday is not None and reference is not None:
        for shift in (0, -1, 1):  # this month first, then the one before, then the next
            total = reference.year * 12 + reference.month - 1 + shift
            year, month = divmod(total, 12)
            if _weekday_of(year, month + 1, day) == weekday:
                return _iso(year, month + 1, day)
    if previous is not None:
        year, month = previous.year, previous.month
    elif anchor is not None and anchor.full:
        assert anchor.year is not None and anchor.month is not None and anchor.day is not None
        year, month = anchor.year, anchor.month
        if ahead and day < anchor.day:
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
        elif not ahead and day > anchor.day + 1:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    else:
        return None
    return _iso(year, month, day) if _weekday_of(year, month, day) is not None else None


def _quarter_value(c: Candidate, anchor: Anchor | None) -> str:
    """"2024-Q3", "2024-H1": the stated year, else the anchor's, or the year before when that
    quarter has not begun by the document date (news reports finished quarters)."""
    assert c.spec is not None
    year = c.year
    if year is None and anchor is not None and anchor.year is not None:
        year = anchor.year
        if anchor.month is not None:
            first_month = (int(c.spec[1]) - 1) * (3 if c.spec[0] == "Q" else 6) + 1
            if first_month > anchor.month:
                year -= 1
    return f"{year:04d}-{c.spec}" if year is not None else f"XXXX-{c.spec}"


def _season_value(c: Candidate, anchor: Anchor | None) -> str | None:
    assert c.season is not None
    if c.year is not None:
        year: int | None = c.year
    elif c.spec is not None:
        year = _month_rel_year(c.spec, _SEASON_MONTH.get(c.season, 7), anchor)
    else:
        year = anchor.year if anchor is not None else None
    return f"{year:04d}-{c.season}" if year is not None else f"XXXX-{c.season}"


def _calendar_to_gregorian(c: Candidate, anchor: Anchor | None) -> tuple[int | None, int, int | None]:
    """A Solar Hijri / Hijri date as a Gregorian (year, month, day); a month alone is the Gregorian month
    of its middle (Muharram 1445, 19 July - 17 August 2023, is 2023-08; Aban 1398 is 2019-11).
    A missing year is the calendar year that puts the date nearest before the anchor."""
    module = calendar_module(c.calendar or "")
    if module is None or c.month is None:
        return None, c.month or 1, c.day
    years = [c.year] if c.year is not None else []
    shift = re.fullmatch(r"year([+-]\d+)", c.spec or "")
    if not years and anchor is not None and anchor.full:
        here = module.from_gregorian(anchor.year, anchor.month, anchor.day)[0]
        years = [here + 1, here, here - 1]  # the latest that is not too far ahead (as for Gregorian dates)
        if shift:  # "۱۱ اسفند امسال": of this year of that calendar, ahead or not
            years = [here + int(shift.group(1))]
    limit = anchor.date() + dt.timedelta(days=FUTURE_TOLERANCE) if anchor is not None and anchor.full else None
    for year in years:
        try:
            gy, gm, gd = module.to_gregorian(year, c.month, c.day or _MID_MONTH)
        except ValueError:
            return None, c.month, c.day
        if limit is None or c.year is not None or shift or dt.date(gy, gm, gd) <= limit:
            return gy, gm, gd if c.day is not None else None
    return None, c.month, c.day


def _month_week(year: int, month: int, nth: int) -> str:
    """The ISO week of a month's `nth` Monday (-1: its last): "the last week of June 2021" is the week of
    Monday 28 June, 2021-W26; "the first week of July 2021" that of Monday 5 July, 2021-W27."""
    first = dt.date(year, month, 1)
    mondays = [first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * i) for i in range(5)]
    mondays = [d for d in mondays if d.month == month]
    monday = mondays[-1] if nth < 0 or nth > len(mondays) else mondays[nth - 1]
    iso = monday.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _sighted_day(year: int, month: int, day: int, weekday: int) -> tuple[int, int, int]:
    """A lunar Hijri date printed with its weekday ("الثلاثاء 29 ربيع الآخر 1445"): the month began on the
    sighting of the moon, which the tables may miss by a day or two, so the weekday names the day."""
    date = dt.date(year, month, day)
    for shift in (0, 1, -1, 2, -2):
        near = date + dt.timedelta(days=shift)
        if near.weekday() == weekday:
            return near.year, near.month, near.day
    return year, month, day


def _calendar_year(calendar_name: str, year: int) -> str | None:
    """A year of another calendar as the Gregorian year holding most of its days (Solar 1403 -> 2024):
    the one its middle falls in."""
    module = calendar_module(calendar_name)
    return None if module is None else str(module.to_gregorian(year, 7, 1)[0])


def to_timex(text: str, c: Candidate, years: YearResolver, anchor: Anchor | None,
             previous: dt.date | None = None, lex: Lexicon | None = None) -> Timex:
    t = Timex(c.start, c.end, text[c.start : c.end], mod=c.mod)
    if c.calendar is not None and c.kind == "year" and c.year is not None:
        t.value, t.precision = _calendar_year(c.calendar, c.year), "year"
        return t
    if c.calendar is not None:
        year, month, day = _calendar_to_gregorian(c, anchor)
        if c.calendar == "islamic" and c.weekday is not None and year is not None and day is not None:
            year, month, day = _sighted_day(year, month, day, c.weekday)
        t.value = _iso(year, month, day) if year is not None else None
        t.precision = "day" if day is not None else "month"
        if t.value is not None and day is not None and c.time is not None:  # "۲۸ دی ۱۳۹۶ - ۱۸:۳۳"
            t.type, t.value = "TIME", f"{t.value}T{c.time}"
        elif t.value is not None and day is not None and c.part is not None:
            t.value += f"T{c.part}"
        return t
    if c.kind == "duration" and c.count is not None and c.unit is not None:
        if c.shift:
            t.value, t.relative = _shifted_value(c, anchor, previous), True
        else:
            t.type, t.value = "DURATION", _duration_value(c.count, c.unit)
        return t
    if c.kind == "set":
        t.type, t.value = "SET", c.spec
        return t
    if c.kind == "season" and c.season is not None:
        t.value, t.relative = _season_value(c, anchor), c.year is None
        return t
    if c.kind == "quarter" and c.spec is not None:
        t.value, t.relative = _quarter_value(c, anchor), c.year is None
        return t
    if c.kind == "century" and c.year is not None:
        t.value = f"{c.year - 1:02d}"  # TIMEX3 writes the 20th century as "19"
        return t
    if c.kind == "decade" and c.year is not None:
        t.value = str(c.year)[:3]
        return t
    if c.kind == "part" and c.part is not None:  # "вночі", "낮": that part of the story's day (or today's)
        on = previous.isoformat() if previous is not None else anchor.iso() if anchor and anchor.full else None
        t.value, t.relative, t.precision = (f"{on}T{c.part}" if on else None), True, "day"
        return t
    if c.kind == "day" and c.day is not None:
        t.value, t.relative = _day_alone_value(c.day, anchor, previous, c.weekday, c.ahead), True
        if t.value is not None:
            t.precision = "day"
            if c.time is not None:
                t.type, t.value = "TIME", f"{t.value}T{c.time}"
            elif c.part is not None:  # "13일 낮"
                t.value += f"T{c.part}"
        return t
    if c.kind == "date" and c.month is not None:
        year, from_anchor = (c.year, False) if c.year is not None else years.year_for(c.month, c.day, c.start,
                                                                                     c.weekday, c.ahead)
        if c.year is None and c.spec is not None and c.day is not None:  # "le 30 juillet dernier"
            year = _day_rel_year(c.spec, c.month, c.day, anchor) or year
        if year is not None and c.day is not None and _weekday_of(year, c.month, c.day) is None:
            year, from_anchor = None, False  # 29 February of a year without one: the year is not known
        t.value = _iso(year, c.month, c.day)
        t.precision = "day" if c.day is not None else "month"
        if c.week_of_month is not None and year is not None and c.day is None:
            t.value, t.precision = _month_week(year, c.month, c.week_of_month), "week"
        if c.time is not None and c.day is not None:
            t.type, t.value = "TIME", f"{t.value}T{c.time}"
        t.relative = from_anchor
        t.is_target = c.target
    elif c.kind == "range" and c.month is not None and c.end_month is not None:
        end_year, from_anchor = (c.end_year, False) if c.end_year is not None else years.year_for(
            c.end_month, c.end_day, c.start, None, c.ahead)
        start_year = c.year if c.year is not None else (
            None if end_year is None else end_year - 1 if c.month > c.end_month else end_year)
        t.value, t.end_value = _iso(start_year, c.month, c.day), _iso(end_year, c.end_month, c.end_day)
        t.precision, t.relative = "range", from_anchor
    elif c.kind == "month_rel" and c.month is not None:
        t.value, t.precision, t.relative = _iso(_month_rel_year(c.spec, c.month, anchor), c.month), "month", True
    elif c.kind == "rel":
        t.value, t.precision = _relative_value(c.spec, anchor, previous, lex.first_weekday if lex else 0)
        t.relative = True
        if t.value is not None and t.value.startswith("P") and not t.value.endswith("_REF"):
            t.type = "DURATION"
    elif c.kind == "weekday":
        t.value, t.relative = _weekday_value(c.weekday, anchor, c.spec), True
        t.precision = "day" if t.value else None
    if c.part is not None and t.value is not None and t.precision == "day" and "T" not in t.value:
        t.value += f"T{c.part}"
    if c.time is not None and c.kind in ("weekday", "rel") and t.value is not None and "T" not in t.value:
        t.type, t.value = "TIME", f"{t.value}T{c.time}"
    elif c.time is not None and c.kind == "rel" and t.value is not None and re.match(r"^[\dX-]{10}T[A-Z]{2}$", t.value):
        # "this evening at 8:30": the clock (in that part's half of the day), not the part
        t.type, t.value = "TIME", f"{t.value[:10]}T{clock_with_part(c.time, t.value[11:13])}"
    elif c.kind == "year":
        t.value, t.precision, t.is_target = str(c.year), "year", c.target
    elif c.kind == "year_range":
        t.value, t.end_value, t.precision = str(c.year), str(c.end_year), "range"
    elif c.kind == "time":
        t.type = "TIME"  # a clock time alone is on the story's last date, else on the document date
        on = previous.isoformat() if previous is not None else anchor.iso() if anchor and anchor.full else None
        if lex is not None and habitual(text, c.start, c.end, lex):
            on = None  # "평일 경기는 오후 7시에 시작한다": any weekday's 19:00
        t.value = f"{on or 'XXXX-XX-XX'}T{c.time}"
    return t


def attach_month_starts(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """A word for "the first day of" right before a month without a day makes it that month's first
    day ("فاتح شهر محرم": 1 Muharram); `dates.month_start_words`."""
    if not lex.month_start_words:
        return cands
    for c in cands:
        if c.kind != "date" or c.month is None or c.day is not None:
            continue
        words = _previous_words(text, c.start, 1)
        if words and words[-1].lower() in lex.month_start_words:
            c.start, c.day = text.rindex(words[-1], 0, c.start), 1
    return cands


_AGE_UNITS = ("Y", "M", "W", "D")
_AGE_REACH = 40  # characters before a count that can hold the words making it an age
# "Darboe, 73 ans, ...", "(17 tuổi, ...)": a count of years between commas or in brackets after a name
_APPOSITION_BEFORE = re.compile(r"(?:\w[,，]\s*|[(（]\s*)$")
_APPOSITION_AFTER = re.compile(r"^\s*[,，)）]")


@cache
def _age_patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    lex = lexicon(lang)
    return (re.compile(rf"(?:{lex.age_before})\s*$", re.IGNORECASE) if lex.age_before else None,
            re.compile(rf"^(?:{lex.age_after})", re.IGNORECASE) if lex.age_after else None)


def _is_age(text: str, c: Candidate, lex: Lexicon) -> bool:
    if c.kind != "duration" or c.shift or c.mod or c.unit not in _AGE_UNITS or c.count in (None, "X"):
        return False
    before, after = text[max(0, c.start - _AGE_REACH) : c.start], text[c.end : c.end + _AGE_REACH]
    if c.unit == "Y" and _APPOSITION_BEFORE.search(before) and _APPOSITION_AFTER.match(after):
        return True
    age_before, age_after = _age_patterns(lex.lang)
    return bool((age_before is not None and age_before.search(before))
                or (age_after is not None and age_after.match(after)))


def drop_ages(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"a 44-year-old", "une femme âgée de 22 ans", "Darboe, 73 ans,": a person's age is no TIMEX3
    (TimeML tags none, TempEval-3 neither); the words that make a count an age are each language's
    `dates.age_before` / `dates.age_after`, and a count of years set off by commas is one everywhere."""
    return [c for c in cands if not _is_age(text, c, lex)]


@cache
def _day_list_pattern(lang: str) -> re.Pattern[str]:
    """Days written before the one that carries the month: "17, 18 и 19 " (read backwards from it)."""
    ands = _spaced_alt(list(lexicon(lang).list_and)) or "&"
    day = r"(?:3[01]|[12]\d|0?[1-9])\.?"  # "21. und 22. August"
    sep = rf"(?:\s*[,،、]\s*(?:(?:{ands})\s+)?|\s+(?:{ands})\s+)"
    return re.compile(rf"(?<![\d.,:/])((?:{day}{sep})+)$", re.IGNORECASE)


def _ends_on_and(days: str, lex: Lexicon) -> bool:
    words = days.split()
    return bool(words) and words[-1].lower() in lex.list_and


_DAY_NUMBER = re.compile(r"(\d+)(\.?)")  # a listed day, with the ordinal dot of "21. und 22. August"


def attach_day_lists(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"18, 19, 20 сентября", "14, 15 ve 16 Ekim": each day before the one that names the month is a
    DATE of that month (TimeML tags each), when they rise toward it and no other expression holds them.
    Two days joined by "and" are a range already ("1 и 2 декабря"); days listed before one are days too
    ("17, 18 и 19 сентября": 17, and 18-19)."""
    out: list[Candidate] = []
    for c in cands:
        one_month = c.kind == "date" or (c.kind == "range" and c.end_month == c.month)
        if one_month and c.day is not None and c.month is not None and c.calendar is None:
            m = _day_list_pattern(lex.lang).search(text, out[-1].end if out else 0, c.start)
            if m is not None:
                days = [(int(d.group(1)), m.start(1) + d.start(), m.start(1) + d.end())
                        for d in _DAY_NUMBER.finditer(m.group(1))]
                numbers = [d for d, _, _ in days] + [c.day]
                steps = [b - a for a, b in zip(numbers, numbers[1:], strict=False)]
                # "17, 18 и 19" or before a range; without "and" only a run: "18, 19, 20"
                joined = _ends_on_and(m.group(1), lex) or c.kind == "range"
                if all(step > 0 for step in steps) and (joined or (len(days) > 1 and set(steps) == {1})):
                    out.extend(Candidate(start, end, "date", c.year, c.month, d) for d, start, end in days)
        out.append(c)
    return out


def resolve(text: str, cands: list[Candidate], lex: Lexicon, anchor: Anchor | None) -> list[Timex]:
    """TIMEX3 values for the candidates of one document."""
    view = mask_particles(text, lex)  # "13일 낮에": the particle is no part of the words around dates
    cands = attach_day_lists(view, drop_ages(view, cands, lex), lex)
    cands = attach_month_starts(view, attach_bracket_years(view, cands), lex)
    cands = attach_day_word_dates(view, attach_week_weekdays(view, attach_relative_years(view, cands, anchor)))
    # again once weekdays joined their dates, where today and a weekday are one DATE (`relative_weekday_joins`):
    # "σήμερα, Παρασκευή 28 Φεβρουαρίου"; not in Indonesian ("hari ini, Jumat 25 Agustus 2017": two)
    cands = attach_weekdays(view, cands, lex)
    if lex.relative_weekday_joins:
        cands = attach_day_word_dates(view, cands, today_only=True)
    cands = attach_times(view, attach_day_parts(view, mark_years(view, cands, lex), lex), lex)
    cands = attach_clock_parts(view, cands, lex)
    cands = share_clock_halves(view, cands, lex)
    years = YearResolver(anchor, collect_evidence(cands))
    out: list[Timex] = []
    previous: dt.date | None = None  # the last full date the text stated: narrative anchor ("the next day")
    for c in cands:
        # the tense of its sentence says back or ahead ("ce lundi", "this Friday": the same, this week's)
        if c.kind in ("date", "range", "day") and c.year is None and c.day is not None and c.spec is None:
            c.ahead = weekday_direction(text, c.start, c.end, lex) == AHEAD
        if c.kind == "weekday" and c.spec in (None, "this"):
            c.spec = weekday_direction(text, c.start, c.end, lex)
        t = to_timex(text, c, years, anchor, previous, lex)
        t.first_end, t.second_start = c.first_end, c.second_start
        out.append(t)
        day = _full_day(t.end_value or t.value) if t.type == "DATE" else None
        if day is not None:
            previous = day
    return attach_period_mods(text, view, mark_utc(text, out), lex)


_UTC_AFTER = re.compile(r"\s?(?:UTC|Z)(?![\w+\-])")
_CLOCK_VALUE = re.compile(r"T\d\d:\d\d(?::\d\d)?$")


def mark_utc(text: str, timexes: list[Timex]) -> list[Timex]:
    """"18:00 UTC": a clock time given in UTC keeps its zone in the value (TimeML's "Z") and the span;
    local zones ("WIB", "GMT+07") are dropped from the value, as the conventions say."""
    for t in timexes:
        if t.type != "TIME" or t.value is None or not _CLOCK_VALUE.search(t.value):
            continue
        m = _UTC_AFTER.match(text, t.end)
        if m is not None:
            t.end = m.end()
            t.text = text[t.start : t.end]
        if m is not None or t.text.endswith("UTC"):
            t.value += "Z"
    return timexes


def attach_bracket_years(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"tháng 11 (2008)", "3/6 (2008)": a year in brackets right after a yearless date or month is its year
    (one expression, the brackets inside)."""
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        close = _CLOSE_PAREN.match(text, cand.end) if prev is not None else None
        if (prev is not None and close is not None and cand.kind == "year" and cand.calendar is None
                and prev.kind == "date" and prev.year is None and prev.calendar is None and prev.month is not None
                and _OPEN_PAREN.match(text[prev.end : cand.start])
                and (prev.day is None or _weekday_of(cand.year or 0, prev.month, prev.day) is not None)):
            prev.year, prev.end = cand.year, close.end()
            continue
        out.append(cand)
    return out


def share_clock_halves(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"오후 3시, 5시", "午後3時と5時": a bare hour listed right after a clock time with a half-of-day word before
    it (`clock_before`: "오후", "午後") is in the same half of the day (17:00, not 05:00)."""
    if not lex.clock_before:
        return cands
    joiners = "|".join(re.escape(w) for w in (*lex.list_and, *lex.range_and, *lex.range_to)) or r"(?!x)x"
    gap_ok = re.compile(rf"^\s*(?:,|、|{joiners})?\s*$")
    heads = sorted(lex.clock_before, key=len, reverse=True)
    for prev, cand in zip(cands, cands[1:], strict=False):
        if prev.kind != "time" or cand.kind != "time" or prev.time is None or cand.time is None:
            continue
        head = next((w for w in heads if text.startswith(w, prev.start)), None)
        own = text[cand.start : cand.end]
        if (head is None or any(own.startswith(w) for w in heads) or not gap_ok.match(text[prev.end : cand.start])
                or not own[:1].isdigit()):
            continue
        shift, hour = lex.clock_before[head], int(cand.time[:2])
        if 0 < shift <= 12 and hour < 12 and int(prev.time[:2]) >= 12:
            cand.time = f"{hour + 12:02d}{cand.time[2:]}"
    return cands


# a value a START/MID/END word can bound: a year, month, week, quarter or half-year (known year or not)
_PERIOD = re.compile(r"^(?:\d{4}|XXXX)(?:-(?:\d\d|W\d\d|Q\d|H\d))?$")


@cache
def _period_mod_patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None,
                                              re.Pattern[str] | None]:
    """The START/MID/END words of `lang` right before ("the end of") and right after ("말") a period, and
    at the head of one ("eind dit jaar", a phrase of the vocabulary)."""
    lex = lexicon(lang)
    words_before = word_alternation(list(lex.period_mods_before))
    before = re.compile(rf"(?:{words_before})\s*$", re.IGNORECASE) if lex.period_mods_before else None
    head = re.compile(rf"(?:{words_before})\s+", re.IGNORECASE) if lex.period_mods_before else None
    after = None
    if lex.period_mods_after:  # "8월 말에": a particle may follow ("에"), then the word ends
        # (a word of a script without spaces needs no end: "6月底完工")
        particles = "|".join(re.escape(p) for p in lex.particles) or "(?!x)x"
        ends = rf"(?=(?:{particles})?(?!{LETTER}))"
        words = "|".join(re.escape(w) + ("" if languages.is_unspaced(w) else ends)
                         for w in sorted(lex.period_mods_after, key=len, reverse=True))
        after = re.compile(rf"\s*(?:{words})", re.IGNORECASE)
    return before, after, head


def attach_period_mods(text: str, view: str, timexes: list[Timex], lex: Lexicon) -> list[Timex]:
    """"в конце 2023 года", "early next year", "Ende des Jahres", "내년 초", "8월 말": a START/MID/END word
    (`dates.period_mods_before`, `dates.period_mods_after`) next to a year, month, week or quarter DATE joins
    its span and gives its mod; the value stays the period's."""
    before, after, head = _period_mod_patterns(lex.lang)
    if before is None and after is None:
        return timexes
    for i, t in enumerate(timexes):
        if t.type != "DATE" or t.mod is not None or not _PERIOD.match(t.value or ""):
            continue
        low = timexes[i - 1].end if i > 0 else 0
        high = timexes[i + 1].start if i + 1 < len(timexes) else len(text)
        found = before.search(view, max(low, t.start - 40), t.start) if before is not None else None
        inside = head.match(view, t.start, t.end) if head is not None else None
        if inside is not None and inside.end() < t.end:  # "началото на годината", a phrase of the vocabulary
            t.mod = lex.period_mods_before.get(re.sub(r"\s+", " ", inside.group(0).strip().lower()).replace("’", "'"))
            continue
        if found is not None:
            key = re.sub(r"\s+", " ", found.group(0).strip().lower()).replace("’", "'")
            t.mod = lex.period_mods_before.get(key)
            t.start = found.start()
        elif after is not None and (m := after.match(view, t.end, high)) is not None:
            key = re.sub(r"\s+", " ", m.group(0).strip().lower()).replace("’", "'")
            t.mod = lex.period_mods_after.get(key)
            t.end = m.end()
            while lex.suffixes_inside and t.end < len(text) and view[t.end] == " " and text[t.end] != " ":
                t.end += 1  # "Ocak ayı sonuna": a fused suffix stays inside
        else:
            continue
        t.text = text[t.start : t.end]
    return timexes


def _full_day(value: str | None) -> dt.date | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value or "")
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_DAYS = ("date", "day", "weekday")
# between a date and its clock time: separators, a weekday in brackets ("2019年1月29日(火) 19:00")
# or a time zone after the clock time ("15:00 GMT Saturday")
# (not across a line break: "Samstag, 6. November 2021⏎⏎18.13 Uhr: ..." is a live blog's day and an entry's time)
_TIME_GAP = re.compile(r"^[ \t,|\-–—/]{0,4}(?:[(（][^()（）\d]{1,4}[)）][ \t,]{0,2}|(?<=\s)[A-Z]{2,4}[ \t,]{1,2})?$")


_ADJACENT = re.compile(r"^\s{0,2}$")


_WEEK_SPEC = re.compile(r"^week([+-]\d+)$")


_DAY_WORD_GAP = re.compile(r"^[ \t]?,?[ \t]{1,2}$")  # on one line


def attach_day_word_dates(text: str, cands: list[Candidate], today_only: bool = False) -> list[Candidate]:
    """"Сьогодні, 26 січня", "Bugün, 27 Ekim 2025", "hôm nay 12/5": a relative day word and the date that
    names the same day are one DATE (the date's value)."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "rel" and _DAY_WORD.match(prev.spec or "") is not None
                and c.kind == "date" and c.day is not None and _DAY_WORD_GAP.match(text[prev.end : c.start])
                and (not today_only or (prev.spec == "day+0" and "(" not in text[c.start : c.end]))):
            c.start = prev.start
            out[-1] = c
            continue
        out.append(c)
    return out


def attach_week_weekdays(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"다음주 월요일", "先週金曜日", "next week Monday": a relative week word right before a weekday makes
    the weekday that day of that week (one expression)."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        m = _WEEK_SPEC.match(prev.spec or "") if prev is not None and prev.kind == "rel" else None
        if (prev is not None and m is not None and c.kind == "weekday" and c.weekday is not None
                and _ADJACENT.match(text[prev.end : c.start])):
            c.start, c.spec, c.weak = prev.start, f"week{m.group(1)}", False
            out[-1] = c
            continue
        out.append(c)
    return out


def attach_relative_years(text: str, cands: list[Candidate], anchor: Anchor | None) -> list[Candidate]:
    """"내년 3월 19일", "去年1月", "next year in March": a relative year word right before a yearless
    date gives it its year (one expression); "다음 달 13일" a relative month gives a day its month."""
    if anchor is None or not anchor.full:
        return cands
    assert anchor.year is not None and anchor.month is not None
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        m = _SPEC.match(prev.spec or "") if prev is not None and prev.kind == "rel" else None
        if prev is not None and m is not None and _ADJACENT.match(text[prev.end : c.start]):
            unit, n = m.group(1), int(m.group(2))
            if unit == "year" and c.kind == "date" and c.year is None and c.month is not None:
                c.year, c.start = anchor.year + n, prev.start
                out[-1] = c
                continue
            if unit == "day" and c.kind == "day" and abs(n) <= 2:  # "今日4日", "明日5日": the day names it
                c.start = prev.start
                out[-1] = c
                continue
            if unit == "month" and c.kind == "day":
                total = anchor.month - 1 + n
                c.kind, c.year, c.month, c.start = "date", anchor.year + total // 12, total % 12 + 1, prev.start
                out[-1] = c
                continue
        out.append(c)
    return out


_DAY_WORD = re.compile(r"^(?:day|prev)[+-]\d+$")  # "tomorrow", "the next day": a day a clock time can sit on
_DAY_PART_WORD = re.compile(r"^(?:day|prev)[+-]\d+T[A-Z]{2}$")  # "this evening": its clock time replaces the part


def _is_day(c: Candidate) -> bool:
    return c.kind in _DAYS or (c.kind == "rel" and _DAY_WORD.match(c.spec or "") is not None)


def attach_times(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """A clock time right after (or before) a day is one TIME with it: "14 février 2020 15:49",
    "21:55 2017-07-23", "7月11日10时", "lundi à 19h", "mañana a las 19:20"."""
    preps = "|".join(re.escape(p) for p in (*lex.clock_prepositions, *lex.clock_joiners))
    prep_gap = re.compile(rf"^[\s,]*(?:{preps})\s*$", re.IGNORECASE) if preps else None
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        gap = text[prev.end : c.start] if prev is not None else ""
        if prev is not None and (_TIME_GAP.match(gap) or (prep_gap is not None and prep_gap.match(gap))):
            date, time = (prev, c) if _is_clock_day(prev) and c.kind == "time" else (
                (c, prev) if prev.kind == "time" and _is_day(c) else (None, None))
            if (date is not None and time is not None and date.time is None
                    and (date.day is not None or date.kind in ("weekday", "rel"))):
                merged = date
                merged.start, merged.end, merged.time = prev.start, c.end, time.time
                out[-1] = merged
                continue
        out.append(c)
    return out


def _is_clock_day(c: Candidate) -> bool:
    """A day a clock time after it sits on: a date, a weekday, "tomorrow", "this evening" ("Questa sera alle
    20:30": one TIME, the clock instead of the part of day)."""
    return _is_day(c) or (c.kind == "rel" and _DAY_PART_WORD.match(c.spec or "") is not None)


def _spaced_alt(words: tuple[str, ...] | list[str]) -> str:
    """Words as one alternation, each closed by a word boundary unless its script has no spaces
    ("19日晚在", "22日の夜": no boundary after 晚 or の)."""
    pieces = [re.escape(w) if languages.is_unspaced(w) else rf"{re.escape(w)}(?!{LETTER})"
              for w in sorted(words, key=len, reverse=True)]
    return "|".join(pieces)


@cache
def _day_part_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A part of day right after a day word, and right before one ("Sáng 27/2", "chiều ngày 18/8"),
    maybe across a joiner of the language ("Утром в понедельник", "22日の夜", "शनिवार की शाम")."""
    lex = lexicon(lang)
    parts = _spaced_alt(list(lex.day_parts))
    joiners = _spaced_alt(list(lex.day_part_joiners))
    join = rf"(?:(?:{joiners})[ \t]*)?" if joiners else ""
    return (re.compile(rf"[ \t]*{join}({parts})", re.IGNORECASE),
            re.compile(rf"(?<!{LETTER})({parts})[ \t]*{join}[ \t]*$", re.IGNORECASE))


@cache
def _clock_part_lead(lang: str) -> re.Pattern[str] | None:
    """A part of day before a clock time, maybe one short word between ("शाम करीब 6 बजे", "रात 12 बजे")."""
    lex = lexicon(lang)
    if not lex.day_parts:
        return None
    return re.compile(rf"(?<!{LETTER})({_spaced_alt(list(lex.day_parts))})[ \t]+(?:{LETTER}{{1,8}}[ \t]+)?$",
                      re.IGNORECASE)


def clock_with_part(clock: str, part: str) -> str:
    """"3:15" in the afternoon is 15:15, "6" in the evening 18:00, "12" at night 24:00 (the day's end);
    a morning, or a clock already past noon, stays."""
    hour, rest = int(clock[:2]), clock[2:]
    if part == "AF" and 1 <= hour <= 6 or part == "EV" and 1 <= hour <= 11 or part == "NI" and 6 <= hour <= 11:
        hour += 12
    elif part == "NI" and hour == 12:
        hour = 24
    return f"{hour:02d}{rest}"


def attach_clock_parts(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """A part of day before a clock time sets its half of the day and joins its span ("दोपहर करीब 3:15",
    "शाम 6 बजे": 15:15, 18:00); a day with both a part and a clock ("25 मार्च रात 12 बजे") gets the clock so."""
    lead = _clock_part_lead(lex.lang)
    absorbed: set[int] = set()  # a part of day standing alone ("вечером") that turned out to be the clock's
    for i, c in enumerate(cands):
        if c.time is None or not re.match(r"^\d\d:", c.time):
            continue
        if c.part is not None:  # a day, its part and its clock, one TIME
            c.time, c.part = clock_with_part(c.time, c.part), None
            continue
        if c.kind != "time" or lead is None:
            continue
        before = cands[i - 1] if i > 0 else None
        alone = before is not None and before.kind == "part"
        low = (cands[i - 2].end if i > 1 else 0) if alone else (before.end if before is not None else 0)
        m = lead.search(text, max(low, c.start - 30), c.start)
        if m is None or (before is not None and not alone and m.start() < before.end):
            continue
        if alone and before is not None and m.start() <= before.start:
            absorbed.add(i - 1)
        elif alone and before is not None and m.start() < before.end:
            continue
        c.start, c.time = m.start(), clock_with_part(c.time, lex.day_parts[m.group(1).lower()].upper())
    return [c for i, c in enumerate(cands) if i not in absorbed]


def attach_day_parts(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"Friday afternoon", "yesterday evening": a part of day right after a day word joins it."""
    if not lex.day_parts:
        return cands
    follow, lead = _day_part_patterns(lex.lang)
    absorbed: set[int] = set()  # parts of day standing alone that turned out to qualify a day next to them
    for i, c in enumerate(cands):
        if c.kind not in ("weekday", "rel", "date", "day") or (c.kind == "date" and c.day is None):
            continue
        if c.kind == "rel" and not (c.spec or "").startswith(("day", "prev")):
            continue
        m = follow.match(text, c.end)
        after = cands[i + 1] if i + 1 < len(cands) else None
        if m and after is not None and after.kind == "part" and after.end == m.end():
            absorbed.add(i + 1)
            after = None
        if m and (after is None or after.start >= m.end()):
            c.end, c.part = m.end(), lex.day_parts[m.group(1).lower()]
            continue
        b = lead.search(text, max(0, c.start - 20), c.start)
        before = cands[i - 1] if i > 0 else None
        if b and before is not None and before.kind == "part" and before.start == b.start() and i - 1 not in absorbed:
            absorbed.add(i - 1)
            before = None
        if b and (before is None or before.end <= b.start()):
            c.start, c.part = b.start(), lex.day_parts[b.group(1).lower()]
    return [c for i, c in enumerate(cands) if i not in absorbed]
