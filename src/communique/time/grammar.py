"""The date grammar: one compiled regex per language, built lazily from its `Lexicon`.

`scan(text, lang)` returns `Candidate`s: what each expression *says* (day, month, maybe a year, a
relative word, a weekday), with no interpretation yet. Turning candidates into TIMEX3 values needs
the document's anchor and the other candidates, which is `normalize.py`'s job.

The patterns are tried leftmost-first and, at one position, in list order: ranges before single
dates, full dates before month-year, dates before bare years, so "vom 20. bis 23. Januar 2024" is
one range and "Januar 2024" inside a full date is not matched again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from communique import lang as languages
from communique.time.lexicon import Lexicon, lexicon, strip_accents


@dataclass(slots=True)
class Candidate:
    """One matched expression with the fields it states (None = not stated)."""

    start: int
    end: int
    kind: str  # date | range | month_rel | rel | weekday | year | year_range | time
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    weekday: int | None = None  # 0 = Monday; for a weekday alone or one attached to a date
    spec: str | None = None  # relative spec from the lexicon ("day-1", "last", "year-1", "none"...)
    target: bool = False  # a year as a goal or inside a name ("bis 2030", "UNCLOS 1982")
    weak: bool = False  # only a date next to a weekday ("(24/2)"); dropped when alone
    time: str | None = None  # "10:30" for TIME expressions


# --- pattern building ---------------------------------------------------------------------------

_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUM_START = r"(?<![\w.,:/+\-])"  # a number that is not the tail of another number or id


@cache
def _ordinal_suffixes() -> str:
    """The ordinal suffixes of every language ("1er", "1st", "20."): `dates.ordinal_suffixes` (regexes)."""
    return "|".join(str(p) for p in languages.joined("dates", "ordinal_suffixes")) or "(?!x)x"


def _is_cjk(ch: str) -> bool:
    return languages.is_unspaced(ch)


def _han_date() -> str | None:
    """Year, month and day numbers each followed by its counter (2024年3月5日): `dates.han_units`."""
    units: dict[str, list[str]] = {"year": [], "month": [], "day": []}
    for _, found in languages.everywhere("dates", "han_units"):
        for unit, words in found.items():
            units[str(unit)].extend(str(w) for w in words if str(w) not in units[str(unit)])
    if not all(units.values()):
        return None
    year, month, day = (_alt(units[u]) for u in ("year", "month", "day"))
    return rf"(?:(?P<y>{_YEAR})\s*{year}\s*)?(?P<mo>1[0-2]|0?[1-9])\s*{month}(?:\s*(?P<d>{_DAY})\s*{day})?"


def _piece(word: str) -> str:
    """One word as a regex: flexible inner spaces, either apostrophe."""
    return re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """A non-capturing alternation, longest first."""
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not uniq:
        return r"(?!x)x"  # matches nothing
    return "(?:" + "|".join(_piece(w) for w in uniq) + ")"


def _word(words: list[str] | tuple[str, ...]) -> str:
    """An alternation of whole words: word boundaries only where a word starts/ends with a letter
    or digit of a spaced script ("/" as a joiner, "s.d." and CJK words need none)."""
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not uniq:
        return r"(?!x)x"
    pieces = []
    for w in uniq:
        head = r"(?<!\w)" if w[0].isalnum() and not _is_cjk(w[0]) else ""
        tail = r"(?!\w)" if w[-1].isalnum() and not _is_cjk(w[-1]) else ""
        pieces.append(head + _piece(w) + tail)
    return "(?:" + "|".join(pieces) + ")"


def _name_alt(names: dict[str, int]) -> str:
    """Month/weekday names as whole words (CJK forms are left to the CJK pattern)."""
    return _word([n for n in names if not any(_is_cjk(ch) for ch in n)])


def _templates(lex: Lexicon) -> list[tuple[str, str]]:
    """(name, regex) in priority order; group names are local to each template."""
    month = _name_alt(lex.months)
    weekday = _name_alt(lex.weekdays)
    dp = rf"(?:{_word(lex.day_prefix)}\s*)"
    ordinal = _ordinal_suffixes()
    dsuf = rf"(?:{ordinal})?" if not lex.day_suffix else rf"(?:{_alt(lex.day_suffix)}|{ordinal})?"
    mj = rf"(?:\s+{_word(lex.month_joiners)})?" if lex.month_joiners else ""
    yj = rf"\s*,?\s*(?:{_word(lex.year_joiners)}\s*)?" if lex.year_joiners else r"\s*,?\s*"
    ys = rf"(?:\s*{_alt(lex.year_suffix)}(?:(?<=\.)|(?!\w)))?" if lex.year_suffix else ""
    frm = _word(lex.range_from)
    to = rf"(?:{_word(lex.range_to)}|[-–—])" if lex.range_to else r"[-–—]"
    to_and = rf"(?:{_word(lex.range_to + lex.range_and)}|[-–—])" if (lex.range_to or lex.range_and) else r"[-–—]"
    year = rf"(?P<y>{_YEAR})(?!\d)"
    day_end = r"(?![\d:])"
    md_suffix = r"(?:st|nd|rd|th)?"  # "February 3." - after a month-first date a dot ends the sentence
    t: list[tuple[str, str]] = [
        ("iso", rf"(?<![\w.\-])(?P<y>{_YEAR})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d|-\d)"),
        ("ymd", rf"(?<![\w.,/\-])(?P<y>{_YEAR})[./](?P<mo>0?[1-9]|1[0-2])[./](?P<d>{_DAY})(?!\w|[./]\d)"),
        ("range_num", rf"(?:{frm}\s+{dp}?|{dp})(?P<d1>{_DAY}){dsuf}\s*{to}\s*{dp}?(?P<d2>{_DAY})(?P<sep>[./])"
                      rf"(?P<mo>0?[1-9]|1[0-2])(?:(?P=sep)(?P<y>{_YEAR}|\d\d))?(?!\w|[./]\d)"),
        ("numeric", rf"{_NUM_START}(?P<a>\d{{1,2}})(?P<sep>[./\-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{_YEAR}|\d\d)"
                    r"(?!\w|[./\-]\d)"),
        ("numeric_dm", rf"{dp}(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?!\w|[./]\d)"),
        ("paren_dm", r"(?<=\()(?P<a>\d{1,2})/(?P<b>\d{1,2})(?=\))"),
        ("range_cross", rf"(?:{frm}\s+)?{dp}?{_NUM_START}(?P<d1>{_DAY}){dsuf}{mj}\s*(?P<m1>{month})"
                        rf"(?:{yj}(?P<y1>{_YEAR})(?!\d){ys})?\s*{to}\s*{dp}?(?P<d2>{_DAY}){dsuf}{mj}\s*"
                        rf"(?P<m2>{month})(?:{yj}{year}{ys})?"),
        ("range_dm", rf"(?:{frm}\s+)?{dp}?{_NUM_START}(?P<d1>{_DAY}){dsuf}\s*{to_and}\s*{dp}?(?P<d2>{_DAY}){dsuf}"
                     rf"{mj}\s*(?P<m>{month})(?:{yj}{year}{ys})?"),
    ]
    if lex.month_first:
        t.append(("range_md_cross", rf"(?:{frm}\s+)?(?P<m1>{month})\.?\s+(?P<d1>{_DAY}){md_suffix}{day_end}"
                                    rf"(?:,?\s+(?P<y1>{_YEAR}))?\s*{to}\s*(?P<m2>{month})\.?\s+(?P<d2>{_DAY})"
                                    rf"{md_suffix}{day_end}(?:,?\s+{year})?"))
        t.append(("range_md", rf"(?:{frm}\s+)?(?P<m>{month})\.?\s+(?P<d1>{_DAY}){md_suffix}\s*{to_and}\s*"
                              rf"(?P<d2>{_DAY}){md_suffix}{day_end}(?:,?\s+{year})?"))
    t.append(("dmy", rf"{dp}?{_NUM_START}(?P<d>{_DAY}){dsuf}{mj}\s*(?P<m>{month})(?:{yj}{year}{ys})?"))
    if lex.month_first:
        t.append(("mdy", rf"(?P<m>{month})\.?\s+(?P<d>{_DAY}){md_suffix}{day_end}(?:,?\s+{year})?"))
    han_date = _han_date()
    if han_date is not None:
        t.append(("cjk", han_date))
    t += [
        ("month_year", rf"(?P<m>{month}){yj}{year}{ys}"),
        ("month_rel_after", rf"(?P<m>{month})\s+(?P<rel>{_word(list(lex.month_relative_after))})"),
        ("month_rel_before", rf"(?P<rel>{_word(list(lex.month_relative_before))})\s+(?P<m>{month})"),
        # the preposition licenses a bare month but is not part of it; "в июне прошлого года" must be
        # taken here whole, since this alternative starts (at "в") before month_rel_after would
        ("month_prep", rf"{_word(lex.month_prepositions)}\s+(?P<core>(?P<m>{month})"
                       rf"(?:\s+(?P<rel>{_word(list(lex.month_relative_after))}))?)(?!\s*\d)"),
    ]
    if lex.bare_months:
        t.append(("month_bare", rf"(?P<m>{month})(?![\w/]|\s*\d)"))
    t += [
        ("rel", rf"(?P<rel>{_word(list(lex.relative))})"),
        ("weekday", rf"(?P<w>{weekday})"),
        ("year_range", rf"(?:{frm}\s+)?(?<![\w.,/\-])(?P<y1>{_YEAR})\s*{to}\s*(?P<y2>{_YEAR})(?!\w|[.,]\d)"),
        ("year", rf"(?:{_word(lex.year_prefix)}\s+)?(?<![\w.,/:$€£¥+\-]){year}(?!\w|[.,/%]\d|%){ys}"),
        ("time", r"(?<![\w.:,])(?P<h>[01]?\d|2[0-3])(?::|h)(?P<mi>[0-5]\d)(?![\w:]|[.,]\d)"),
    ]
    return t


@dataclass(frozen=True, slots=True)
class Grammar:
    lex: Lexicon
    regex: re.Pattern[str]
    names: tuple[str, ...]  # template name of each alternative, by index
    starters: frozenset[str]  # lower-case first words of every word-initial pattern


_TOKEN = re.compile(r"\d+|[^\W\d_]+")


def _first_words(lex: Lexicon) -> frozenset[str]:
    """The first token of every phrase a pattern can start with: the trigger set of `scan`."""
    phrases: list[str] = [*lex.months, *lex.weekdays, *lex.relative, *lex.month_relative_before,
                          *lex.month_prepositions, *lex.range_from, *lex.day_prefix, *lex.year_prefix]
    firsts: set[str] = set()
    for phrase in phrases:
        token = _TOKEN.search(phrase)
        if token and not token.group(0)[0].isdigit():
            firsts.update({token.group(0), strip_accents(token.group(0))})
    return frozenset(firsts)


@cache
def grammar(lang: str) -> Grammar:
    """The compiled grammar of `lang`, built at first use and kept for the process."""
    lex = lexicon(lang)
    parts: list[str] = []
    names: list[str] = []
    for i, (name, body) in enumerate(_templates(lex)):
        local = re.sub(r"\(\?P<(\w+)>", rf"(?P<p{i}_\1>", body)  # group names local to the alternative
        local = re.sub(r"\(\?P=(\w+)\)", rf"(?P=p{i}_\1)", local)
        parts.append(f"(?P<p{i}>{local})")
        names.append(name)
    return Grammar(lex, re.compile("|".join(parts), re.IGNORECASE), tuple(names), _first_words(lex))


# --- candidates ---------------------------------------------------------------------------------


def _key(text: str) -> str:
    """Matched text as a lexicon key: lower case, single spaces, straight apostrophes."""
    return re.sub(r"\s+", " ", text.lower()).replace("’", "'")


def _month(lex: Lexicon, text: str) -> int | None:
    low = _key(text)
    return lex.months.get(low) or lex.months.get(strip_accents(low))


def _title_ok(lex: Lexicon, text: str | None) -> bool:
    """In English "may"/"march" are words; only the capitalized forms are months."""
    return not lex.titlecase or text is None or text[:1].isupper()


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    value = int(text)
    return value if len(text) == 4 else 2000 + value


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None or not 1 <= month <= 12:
        return False
    if day is None:
        return True
    import calendar

    return 1 <= day <= calendar.monthrange(year if year is not None else 2000, month)[1]


def _day_month(lex: Lexicon, a: int, b: int) -> tuple[int, int] | None:
    """Read two numbers as (day, month) in the language's order, the other order if only it is valid."""
    first = (b, a) if lex.numeric_order == "mdy" else (a, b)
    for day, month in (first, (first[1], first[0])):
        if _valid(None, month, day):
            return day, month
    return None


Handler = Callable[[Lexicon, dict[str, str], int, int], "Candidate | None"]


def _h_iso(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    y, mo, d = int(g["y"]), int(g["mo"]), int(g["d"])
    return Candidate(s, e, "date", y, mo, d) if _valid(y, mo, d) else None


def _h_numeric(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    if len(g["y"]) == 2 and g["sep"] == "-":
        return None  # "12-05-33" is more often an id than a date
    y = _year(g["y"])
    dm = _day_month(lex, int(g["a"]), int(g["b"])) if lex.numeric_order != "ymd" else None
    if lex.numeric_order == "ymd":
        dm = _day_month(Lexicon("", {}, {}), int(g["a"]), int(g["b"]))
    if dm is None or not _valid(y, dm[1], dm[0]):
        return None
    return Candidate(s, e, "date", y, dm[1], dm[0])


def _h_numeric_dm(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    dm = _day_month(lex, int(g["a"]), int(g["b"]))
    return Candidate(s, e, "date", None, dm[1], dm[0]) if dm else None


def _h_paren_dm(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    cand = _h_numeric_dm(lex, g, s, e)
    if cand is not None:
        cand.weak = True
    return cand


def _h_range_num(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    y, mo, d1, d2 = _year(g.get("y")), int(g["mo"]), int(g["d1"]), int(g["d2"])
    if d1 >= d2 or not _valid(y, mo, d2):
        return None
    return Candidate(s, e, "range", y, mo, d1, y, mo, d2)


def _h_range_cross(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    m1, m2 = _month(lex, g["m1"]), _month(lex, g["m2"])
    if not (_title_ok(lex, g["m1"]) and _title_ok(lex, g["m2"])):
        return None
    y2 = _year(g.get("y"))
    y1 = _year(g.get("y1")) or (y2 - 1 if y2 is not None and m1 is not None and m2 is not None and m1 > m2 else y2)
    d1, d2 = int(g["d1"]), int(g["d2"])
    if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
        return None
    return Candidate(s, e, "range", y1, m1, d1, y2, m2, d2)


def _h_range_dm(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    mo, y = _month(lex, g["m"]), _year(g.get("y"))
    d1, d2 = int(g["d1"]), int(g["d2"])
    if not _title_ok(lex, g["m"]) or d1 >= d2 or not _valid(y, mo, d2):
        return None
    return Candidate(s, e, "range", y, mo, d1, y, mo, d2)


def _h_dmy(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    mo, y, d = _month(lex, g["m"]), _year(g.get("y")), int(g["d"])
    if not _title_ok(lex, g["m"]) or not _valid(y, mo, d):
        return None
    return Candidate(s, e, "date", y, mo, d)


def _h_cjk(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    y, mo = _year(g.get("y")), int(g["mo"])
    d = int(g["d"]) if g.get("d") else None
    if y is None and d is None and not lex.han_dates:
        return None  # a month alone with its counter only in a language that writes dates so
    return Candidate(s, e, "date", y, mo, d) if _valid(y, mo, d) else None


def _h_month_year(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    mo = _month(lex, g["m"])
    if not _title_ok(lex, g["m"]) or mo is None:
        return None
    return Candidate(s, e, "date", _year(g["y"]), mo, None)


def _h_month_rel(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    mo = _month(lex, g["m"])
    if not _title_ok(lex, g["m"]) or mo is None:
        return None
    rel = _key(g["rel"])
    spec = lex.month_relative_after.get(rel) or lex.month_relative_before.get(rel)
    return Candidate(s, e, "month_rel", None, mo, None, spec=spec)


def _h_month_only(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    if "rel" in g:
        return _h_month_rel(lex, g, e - len(g["core"]), e)
    mo = _month(lex, g["m"])
    if not _title_ok(lex, g["m"]) or mo is None:
        return None
    start = e - len(g["core"]) if "core" in g else s  # the preposition is context, not part of the date
    return Candidate(start, e, "date", None, mo, None)


def _h_rel(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    spec = lex.relative.get(_key(g["rel"]))
    return Candidate(s, e, "rel", spec=spec)


def _h_weekday(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    if not _title_ok(lex, g["w"]):
        return None
    low = _key(g["w"])
    day = lex.weekdays.get(low, lex.weekdays.get(strip_accents(low)))
    # "thứ 2" is Monday before a date but "the 2nd" elsewhere ("lần thứ 2"): keep it only with a date
    return Candidate(s, e, "weekday", weekday=day, weak=any(ch.isdigit() for ch in low))


def _h_year_range(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    y1, y2 = int(g["y1"]), int(g["y2"])
    if y1 >= y2:
        return None
    return Candidate(s, e, "year_range", y1, end_year=y2)


def _h_year(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    return Candidate(s, e, "year", int(g["y"]))


def _h_time(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    return Candidate(s, e, "time", time=f"{int(g['h']):02d}:{g['mi']}")


HANDLERS: dict[str, Handler] = {
    "iso": _h_iso, "ymd": _h_iso, "range_num": _h_range_num, "numeric": _h_numeric,
    "numeric_dm": _h_numeric_dm, "paren_dm": _h_paren_dm, "range_cross": _h_range_cross,
    "range_dm": _h_range_dm, "range_md": _h_range_dm, "range_md_cross": _h_range_cross,
    "dmy": _h_dmy, "mdy": _h_dmy, "cjk": _h_cjk,
    "month_year": _h_month_year, "month_rel_after": _h_month_rel, "month_rel_before": _h_month_rel,
    "month_prep": _h_month_only, "month_bare": _h_month_only, "rel": _h_rel, "weekday": _h_weekday,
    "year_range": _h_year_range, "year": _h_year, "time": _h_time,
}


def _trigger_positions(text: str, gram: Grammar) -> list[int]:
    """Where a match can start: every number, and every word that opens some pattern.

    Trying the whole alternation at every character is ~100x slower than this token pass, so the
    big regex is only `match`ed at these positions (its lookbehinds still see the text before).
    """
    starters = gram.starters
    return [m.start() for m in _TOKEN.finditer(text) if m.group(0)[0].isdigit() or m.group(0).lower() in starters]


def _needs_full_search(lang: str) -> bool:
    """Han dates need no word before them (text with no spaces has no tokens): scan every position."""
    return bool(languages.about(lang, "han_dates"))


def scan(text: str, lang: str) -> list[Candidate]:
    """Every date-like expression of `text`, left to right, not overlapping."""
    gram = grammar(lang)
    if _needs_full_search(lang):
        matches = list(gram.regex.finditer(text))
    else:
        matches = []
        reached = 0
        for pos in _trigger_positions(text, gram):
            if pos < reached:
                continue
            m = gram.regex.match(text, pos)
            if m is not None and m.end() > m.start():
                matches.append(m)
                reached = m.end()
    out: list[Candidate] = []
    for m in matches:
        index = int(str(m.lastgroup).split("_")[0][1:])
        prefix = f"p{index}_"
        groups = {k[len(prefix):]: v for k, v in m.groupdict().items() if v is not None and k.startswith(prefix)}
        cand = HANDLERS[gram.names[index]](gram.lex, groups, m.start(), m.end())
        if cand is not None:
            out.append(cand)
    return out
