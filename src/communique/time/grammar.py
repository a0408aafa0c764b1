"""The date grammar: one compiled regex per language, built lazily from its `Lexicon`.

`scan(text, lang)` returns `Candidate`s: what each expression *says* (day, month, maybe a year, a
relative word, a weekday), with no interpretation yet. Turning candidates into TIMEX3 values needs
the document's anchor and the other candidates, which is `normalize.py`'s job.

The patterns are tried leftmost-first and, at one position, in list order: ranges before single
dates, full dates before month-year, dates before bare years, so "vom 20. bis 23. Januar 2024" is
one range and "Januar 2024" inside a full date is not matched again.
"""

from __future__ import annotations

import calendar
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from communique import caching
from communique import lang as languages
from communique.time.calendars import in_gregorian_year
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
    count: str | None = None  # a duration's number ("3", "2.5", "X" when vague)
    unit: str | None = None  # a duration's unit (Y M W D H MIN S DE CE Q), a set's unit
    mod: str | None = None  # TIMEX3 mod ("APPROX", "MORE_THAN") from the words before a duration
    shift: str | None = None  # a duration as a date: "-" (ago), "+prev"/"-prev" (later/earlier, narrative)
    part: str | None = None  # part of day after a day word: MO AF EV NI
    season: str | None = None  # SP SU FA WI
    calendar: str | None = None  # a non-Gregorian date: year/month/day are in that calendar
    first_end: int | None = None  # a range: end of its first part
    second_start: int | None = None  # a range: start of its second part
    week_of_month: int | None = None  # "the last week of June": 1..5, -1 the last (a month's Nth Monday's week)
    ahead: bool = False  # its sentence looks ahead (tense): a yearless date is the coming one


# --- pattern building ---------------------------------------------------------------------------

_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_WITH_MONTH = r"(?:1[0-9]\d\d|20\d\d)"
_ZONES = ("GMT", "UTC", "WIB", "WITA", "WIT", "CET", "CEST", "EET", "EEST", "BST", "EST", "EDT", "CST", "CDT", "PST",
          "PDT", "IST", "JST", "KST", "MSK")  # and each language's own (`dates.time_zones`: "МСК")
_NUM_START = r"(?<![\w.,:/+\-])"  # a number that is not the tail of another number or id


@cache
def _ordinal_suffixes() -> str:
    """The ordinal suffixes of every language ("1er", "1st", "20."): `dates.ordinal_suffixes` (regexes)."""
    return "|".join(str(p) for p in languages.joined("dates", "ordinal_suffixes")) or "(?!x)x"


@cache
def _unspaced_script() -> str:
    """One character of a script written without spaces (Han, kana), as a regex."""
    pattern = languages._unspaced_pattern()
    return f"(?:{pattern.pattern})" if pattern is not None else r"(?!x)x"


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
    han = _han_class()
    return (rf"(?:(?P<y>{_YEAR}|{han}{{4}})\s*{year}\s*)?(?P<mo>1[0-2]|0?[1-9]|{han}{{1,2}})\s*{month}"
            rf"(?:\s*(?P<d>{_DAY}|{han}{{1,3}})\s*{day})?")


def _han_units() -> dict[str, str]:
    units: dict[str, list[str]] = {"year": [], "month": [], "day": []}
    for _, found in languages.everywhere("dates", "han_units"):
        for unit, words in found.items():
            units[str(unit)].extend(str(w) for w in words)
    return {u: _alt(w) for u, w in units.items()}


@cache
def han_numerals() -> dict[str, int]:
    """Signs that write numbers in Han dates and counts (一 .. 十, 〇): `dates.numerals` of every language."""
    out: dict[str, int] = {}
    for _, found in languages.everywhere("dates", "numerals"):
        out.update({str(k): int(v) for k, v in found.items()})
    return out


def han_number(text: str) -> int | None:
    """'2024' / '二〇二四' (digit by digit) / '十五' / '二十三' as an int; None if not a number."""
    if text.isdigit():
        return int(text)
    signs = han_numerals()
    values = [signs.get(ch) for ch in text]
    if not values or any(v is None for v in values):
        return None
    digits = [int(v) for v in values if v is not None]
    if 10 not in digits:
        return int("".join(str(d) for d in digits))
    tens, _, ones = text.partition(next(ch for ch in text if signs[ch] == 10))
    high = han_number(tens) if tens else 1
    low = han_number(ones) if ones else 0
    return None if high is None or low is None else high * 10 + low


def _han_class() -> str:
    signs = "".join(sorted(han_numerals()))
    return f"[{re.escape(signs)}]" if signs else r"(?!x)x"


def _piece(word: str) -> str:
    """One word as a regex: flexible inner spaces, either apostrophe."""
    return re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """A non-capturing alternation, longest first."""
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not uniq:
        return r"(?!x)x"  # matches nothing
    return "(?:" + "|".join(_piece(w) for w in uniq) + ")"


# Combining marks that Python's `\w` leaves out, by block: Latin diacritics written apart, the Indic scripts,
# Thai, Lao, Myanmar and Khmer (their punctuation left out: the dandas, "၊ ။", "។ ៕ ៖"). Without them "आज"
# (today) would end inside "आजादी" at the vowel sign "ा", and "कल" inside "कल्याण". Hebrew and Arabic vowel
# points are not here: they are optional, "غداَ" is "غدا". A few wide ranges keep the grammar small and fast.
# The zero-width (non-)joiner sits inside a word: "می‌شود" (it becomes) does not hold the month "می" (May).
_MARK_BLOCKS = ((0x300, 0x36F), (0x900, 0x963), (0x966, 0xDFF), (0xE00, 0xEFF), (0x1000, 0x1049), (0x104C, 0x109F),
                (0x1780, 0x17D3), (0x17D7, 0x17FF), (0x200C, 0x200D))
MARKS = "".join(f"{chr(a)}-{chr(b)}" for a, b in _MARK_BLOCKS)
LETTER = rf"[\w{MARKS}]"  # a word character, the marks of those scripts included


def _is_letter(ch: str) -> bool:
    return ch.isalnum() or re.match(LETTER, ch) is not None


def _word(words: list[str] | tuple[str, ...], after_digit: bool = False) -> str:
    """An alternation of whole words: word boundaries only where a word starts/ends with a letter
    or digit of a spaced script ("/" as a joiner, "s.d." and CJK words need none); `after_digit`:
    a digit may touch the word's start (units: "30분", "15يوماً"). The words bounded on both sides share
    one pair of boundary checks (a smaller and faster regex than a pair per word)."""
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not uniq:
        return r"(?!x)x"
    bounded, pieces = [], []
    for w in uniq:
        touch = after_digit and not w[0].isascii()  # "20minutos" is a newspaper, "30분" thirty minutes
        starts, ends = _is_letter(w[0]) and not _is_cjk(w[0]), _is_letter(w[-1]) and not _is_cjk(w[-1])
        if starts and ends and not touch:
            bounded.append(_piece(w))
            continue
        head = (rf"(?<![^\W\d_])(?<![{MARKS}])" if touch else rf"(?<!{LETTER})") if starts else ""
        tail = rf"(?!{LETTER})" if ends else ""
        pieces.append(head + _piece(w) + tail)
    if bounded:  # after the others: "aug." before "aug", "غدٍ" before "غد" (longest first within each group)
        pieces.append(rf"(?<!{LETTER})(?:{'|'.join(bounded)})(?!{LETTER})")
    return "(?:" + "|".join(pieces) + ")"


def word_alternation(words: list[str]) -> str:
    """`_word` for other modules: whole words, longest first."""
    return _word(words)


def _name_alt(names: dict[str, int], han: bool = False) -> str:
    """Month/weekday names as whole words; Han forms only where `han` (weekdays of a language that
    writes Han dates: 土曜日, 周三; Han months are left to the Han date pattern)."""
    return _word([n for n in names if han or not any(_is_cjk(ch) for ch in n)])


def _templates(lex: Lexicon) -> list[tuple[str, str]]:
    """(name, regex) in priority order; group names are local to each template."""
    month = _name_alt(lex.months)
    if lex.paired_months:  # "مارس/ آذار": both names of one month, one expression
        month = rf"{month}(?:\s*/\s*{month})?"
    weekday = _name_alt(lex.weekdays, han=lex.han_dates)
    dp = rf"(?:{_word(lex.day_prefix)}\s*)"
    ordinal = _ordinal_suffixes()
    dsuf = rf"(?:{ordinal})?" if not lex.day_suffix else rf"(?:{_alt(lex.day_suffix)}|{ordinal})?"
    mj = rf"(?:\s+{_word(lex.month_joiners)})?" if lex.month_joiners else ""
    yj = rf"\s*,?\s*(?:{_word(lex.year_joiners)}\s*)?" if lex.year_joiners else r"\s*,?\s*"
    ys = rf"(?:\s*{_alt(lex.year_suffix)}(?:(?<=\.)|(?!\w)))?" if lex.year_suffix else ""
    frm = _word(lex.range_from)
    to = rf"(?:{_word(lex.range_to)}|[-–—])" if lex.range_to else r"[-–—]"
    to_and = rf"(?:{_word(lex.range_to + lex.range_and)}|[-–—])" if (lex.range_to or lex.range_and) else r"[-–—]"
    year = rf"(?P<y>{_YEAR_WITH_MONTH})(?!\d)"  # after a month name: histories reach back ("17 червня 1775")
    bare_year = rf"(?P<y>{_YEAR})(?!\d)"  # alone a number is a year only in 1800-2099
    # not a count: "मार्च 10 किलोमीटर" is a march of 10 km, "May 5 tons" no date (`not_year_after` words)
    amounts = rf"|\s*{_word(lex.not_year_after)}" if lex.not_year_after else ""
    day_end = rf"(?![\d:]{amounts})"
    md_suffix = r"(?:st|nd|rd|th)?"  # "February 3." - after a month-first date a dot ends the sentence
    t: list[tuple[str, str]] = [
        ("iso", rf"(?<![\w.\-])(?P<y>{_YEAR})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d|-\d)"),
        ("ymd", rf"(?<![\w.,/\-])(?P<y>{_YEAR})[./](?P<mo>0?[1-9]|1[0-2])[./](?P<d>{_DAY})(?!\w|[./]\d)"),
        ("range_num", rf"(?:{frm}\s+{dp}?|{dp})(?P<d1>{_DAY}){dsuf}\s*{to}\s*{dp}?(?P<d2>{_DAY})(?P<sep>[./])"
                      rf"(?P<mo>0?[1-9]|1[0-2])(?:(?P=sep)(?P<y>{_YEAR}|\d\d))?(?!\w|[./]\d)"),
        ("numeric", rf"{_NUM_START}(?P<a>\d{{1,2}})(?P<sep>[./\-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{_YEAR}|\d\d)"
                    r"(?!\w|[./\-]\d)"),
        ("numeric_dm", rf"{dp}(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?!\w|[./]\d)"),
        ("numeric_dm", rf"{_NUM_START}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?!\w|[./,]\d|%)" if lex.bare_day_month
                       else r"(?!x)x"),
        ("numeric_dm", rf"{_NUM_START}(?P<a>[0-3]\d)\.(?P<b>[01]\d)\.(?!\d)" if lex.dotted_day_month
                       else r"(?!x)x"),
        ("paren_dm", r"(?<=\()(?P<a>\d{1,2})/(?P<b>\d{1,2})(?=\))"),
        ("range_cross", rf"(?:{frm}\s+)?{dp}?{_NUM_START}(?P<d1>{_DAY}){dsuf}{mj}\s*(?P<m1>{month})"
                        rf"(?:{yj}(?P<y1>{_YEAR})(?!\d){ys})?\s*{to}\s*{dp}?(?P<d2>{_DAY}){dsuf}{mj}\s*"
                        rf"(?P<m2>{month})(?:{yj}{year}{ys})?"),
        ("range_dm", rf"(?:{frm}\s+)?{dp}?{_NUM_START}(?P<d1>{_DAY}){dsuf}\s*{to_and}\s*{dp}?(?P<d2>{_DAY}){dsuf}"
                     rf"{mj}\s*(?P<m>{month})(?:{yj}{year}{ys})?"),
    ]
    if lex.month_first:
        t.append(("range_md_cross", rf"(?:{frm}\s+)?(?P<m1>{month})\.?\s+(?P<d1>{_DAY}){md_suffix}{day_end}"
                                    rf"(?:\s?,?\s+(?P<y1>{_YEAR}))?\s*{to}\s*(?P<m2>{month})\.?\s+(?P<d2>{_DAY})"
                                    rf"{md_suffix}{day_end}(?:\s?,?\s+{year})?"))
        t.append(("range_md", rf"(?:{frm}\s+)?(?P<m>{month})\.?\s+(?P<d1>{_DAY}){md_suffix}\s*{to_and}\s*"
                              rf"(?P<d2>{_DAY}){md_suffix}{day_end}(?:\s?,?\s+{year})?"))
    # "le 30 juillet dernier", "20 сентября текущего года": a relative word after a yearless date gives its year
    day_rel = rf"|\s+(?P<rel>{_word(list(lex.month_relative_after))})" if lex.month_relative_after else ""
    # "lo scorso 3 marzo", "el próximo 5 de abril": a last/next word before the day, inside the span
    day_rel_before = rf"(?:(?P<rb>{_word(list(lex.day_relative_before))})\s+)?" if lex.day_relative_before else ""
    t.append(("dmy", rf"{day_rel_before}{dp}?{_NUM_START}(?P<d>{_DAY}){dsuf}{mj}\s*(?P<m>{month})"
                     rf"(?:{yj}{year}{ys}{day_rel})?"))
    if lex.month_first:
        # a space may stand before the comma ("June 18 , 2009" in tokenized corpora)
        t.append(("mdy", rf"(?P<m>{month})\.?\s+(?P<d>{_DAY}){md_suffix}{day_end}(?:\s?,?\s+{year})?"))
    if lex.month_weeks_before:  # "la última semana de junio", "the first week of July 2021"
        t.append(("month_week", rf"(?P<wb>{_word(list(lex.month_weeks_before))})\s*(?P<m>{month})"
                                rf"(?:{yj}{year}{ys})?"))
    if lex.month_weeks_after:  # "10월의 마지막 주" (the particle masked), before Han dates
        # "2024년 10월의 마지막 주"
        yb = rf"(?:(?P<y>{_YEAR})\s*{_alt(lex.year_suffix)}\s*)?" if lex.year_suffix else ""
        t.append(("month_week", rf"{yb}(?P<m>{month})\s*(?P<wa>{_word(list(lex.month_weeks_after))})"))
    if lex.eras:
        hu = _han_units()
        first = rf"|{_alt(lex.first_year)}" if lex.first_year else ""
        t.append(("era", rf"(?P<era>{_alt(list(lex.eras))})\s*(?P<ey>\d{{1,2}}|{_han_class()}{{1,3}}{first})\s*"
                         rf"{hu['year']}(?:\s*(?P<mo>1[0-2]|0?[1-9]|{_han_class()}{{1,2}})\s*{hu['month']}"
                         rf"(?:\s*(?P<d>{_DAY}|{_han_class()}{{1,3}})\s*{hu['day']})?)?"))
    han_date = _han_date()
    if han_date is not None:
        t.append(("cjk", han_date))
    if lex.numeric_calendar:  # "1400/01/20", "۱۶ / ۰۹ / ۱۳۹۸", "28-4-1400": years of that calendar (1300-1499)
        cy = r"(?P<y>1[34]\d\d)"
        # the calendar's year suffix may follow, inside the span ("23/3/1432هـ")
        ncs = rf"(?:\s?{_alt(lex.calendar_year_suffix)}(?!\w))?" if lex.calendar_year_suffix else ""
        t.append(("cal_numeric", rf"(?<![\w.,/\-]){cy}\s?(?P<sep>[./\-])\s?(?P<mo>0?[1-9]|1[0-2])\s?(?P=sep)\s?"
                                 rf"(?P<d>{_DAY})(?![\w/]|[.\-]\d){ncs}"))
        t.append(("cal_numeric", rf"(?<![\w.,/\-])(?P<d>{_DAY})\s?(?P<sep>[./\-–])\s?(?P<mo>0?[1-9]|1[0-2])\s?"
                                 rf"(?P=sep)\s?{cy}(?:{ncs}|(?![\w/]|[.\-]\d))"))
        if lex.calendar_year_prefix:
            t.append(("cal_year", rf"{_word(lex.calendar_year_prefix)}\s+(?P<y>1[34]\d\d)(?!\d)"
                                  rf"(?:\s*{_alt(lex.calendar_year_suffix)})?"))
    if lex.calendar_months:
        cal = _word(list(lex.calendar_months))
        cys = rf"(?:\s*{_alt(lex.calendar_year_suffix)})?" if lex.calendar_year_suffix else ""
        cmj = rf"(?:\s*{_word(lex.month_joiners)})?" if lex.month_joiners else ""  # "اردیبهشت ماه"
        # "۱۱ اسفند امسال", "آبان ماه امسال": a relative year word after the month, in that calendar's years
        crel = rf"|\s+(?P<rel>{_word(list(lex.month_relative_after))})" if lex.month_relative_after else ""
        t.append(("cal_date", rf"{_NUM_START}(?P<d>{_DAY})\s*(?P<m>{cal}){cmj}(?:{yj}(?P<y>1[2-5]\d\d)(?!\d){cys}"
                              rf"{crel})?"))
        t.append(("cal_month", rf"(?P<m>{cal})(?:{yj}(?P<y>1[2-5]\d\d)(?!\d){cys}|{cmj}{crel[1:] or '(?!x)x'})"))
        if lex.letter_numerals:  # "א' אלול התש"פ", "ט"ו בשבט": day (and year) in letter numerals, a mark inside
            signs = f"[{re.escape(''.join(sorted(lex.letter_numerals)))}]"
            marks = "['\"׳״]"
            t.append(("cal_letters", rf"(?<!{LETTER})(?P<ld>{signs}{marks}|{signs}{marks}{signs})\s*(?P<m>{cal})"
                                     rf"(?:\s+(?P<ly>{signs}{{1,3}}{marks}{signs}))?(?!{LETTER})"))
        if lex.calendar_month_prefix:  # "شهر رمضان": a month of that calendar by name, year from the anchor
            t.append(("cal_month", rf"{_word(lex.calendar_month_prefix)}\s+(?P<m>{cal})"
                                   rf"(?:{yj}(?P<y>1[2-5]\d\d)(?!\d){cys})?"))
    if lex.period_mods_before:  # "fine maggio", "в конце марта", "the end of March 2020": a month's start/middle/end
        t.append(("month_mod", rf"(?P<pm>{_word(list(lex.period_mods_before))})\s*(?P<m>{month})"
                               rf"(?:{yj}{year}{ys})?"))
    nouns = _word(list(lex.period_nouns))
    if lex.period_nouns and lex.period_mods_before:  # "the end of the year", "в конце года", "fine del mese"
        # not before a number: "giữa năm 2020" is the year 2020
        t.append(("period_mod", rf"(?P<pm>{_word(list(lex.period_mods_before))})\s*(?P<pn>{nouns})(?!\s*\d)"))
    if lex.period_nouns and lex.period_mods_after:  # "yıl sonunda"
        t.append(("period_mod", rf"(?P<pn>{nouns})\s*(?P<pa>{_word(list(lex.period_mods_after))})"))
    if lex.month_nouns:  # "Ocak ayında", "2026 Ocak ayı": a month with the word for month
        t.append(("month_noun", rf"(?:(?P<y>{_YEAR})\s+)?(?P<m>{month})\s+{_word(lex.month_nouns)}"))
    t += [
        ("month_year", rf"(?P<m>{month}){yj}{year}{ys}"),
        ("month_rel_after", rf"(?P<m>{month})\s+(?P<rel>{_word(list(lex.month_relative_after))})"),
        # not before a day: "last Oct. 23" is the date (mdy)
        ("month_rel_before", rf"(?P<rel>{_word(list(lex.month_relative_before))})\s+(?P<m>{month})"
                             + (r"(?!\.?\s*\d)" if lex.month_first else "")),
        # the preposition licenses a bare month but is not part of it; "в июне прошлого года" must be
        # taken here whole, since this alternative starts (at "в") before month_rel_after would. A year
        # after the month, joined or not ("en abril de 2022"), leaves the month to month_year.
        ("month_prep", rf"{_word(lex.month_prepositions)}\s+(?P<core>(?P<m>{month})"
                       rf"(?:\s+(?P<rel>{_word(list(lex.month_relative_after))}))?)(?!{yj}\d|\.\s*{_DAY}(?!\d))"),
    ]
    if lex.bare_months:
        t.append(("month_bare", rf"(?P<m>{month})(?![\w/]|\s*\d)"))
    t += _clock_day_part_templates(lex)  # before durations: "1 heure du matin" is no hour of duration
    t += _duration_templates(lex, year, yj)
    # a letter of a spaced script before a year makes it part of a code ("A2020"); an unspaced one does
    # not ("突破1998年")
    year_head = rf"(?:{_word(lex.year_prefix)}\s+)?(?<![.,/:$€£¥+\-])(?:(?<!\w)|(?<={_unspaced_script()}))"
    if lex.day_alone:  # after durations: "3日間" is three days, "3日" the third
        month_signs = "".join(sorted({w for _, u in languages.everywhere("dates", "han_units")
                                      for w in u.get("month", []) if len(str(w)) == 1}))
        # not the day of "5月28日" read again, but the day of "今月28日" (this month's 28th) and "来月3日"
        # the first signs of the language's relative month words (今月, 来月, 上月, 本月...)
        rel_firsts = "".join(sorted({w[0] for w in lex.relative if len(w) == 2 and w[1] in month_signs}))
        rel_month = rf"(?<=[{re.escape(rel_firsts)}][{re.escape(month_signs)}])" if rel_firsts else "(?!x)x"
        t.append(("han_day", rf"(?<!\d)(?:(?<![{re.escape(month_signs)}])|{rel_month})(?P<d>{_DAY})\s*"
                             rf"{_han_units()['day']}"))
    if lex.holidays:  # "Ramazan Bayramı", "Navidad", "نوروز": a fixed day of some calendar
        t.append(("holiday", rf"(?P<hol>{_word(list(lex.holidays))})(?:{yj}{year})?"))
    # a year before 1800 only with its year word ("năm 1776", "Jahr 1648", "1648 року"); suffixes that are also
    # units ("年", "години") count years
    old_year = r"(?<![\w.,/\-])(?P<y>1[0-7]\d\d)"
    year_words = [w for w in lex.year_suffix if w.lower() not in lex.units and w[:1].isalpha()]
    if lex.year_prefix:
        t.append(("year", rf"{_word(lex.year_prefix)}\s+{old_year}(?!\d|[.,/]\d|%|\w)"))
    if year_words:
        t.append(("year", rf"{old_year}\s*{_word(year_words)}"))
    t += [
        ("rel", rf"(?P<rel>{_word(list(lex.relative))}){_not_before_duration(lex)}"),
        ("weekday_rel", rf"(?P<rel>{_word(list(lex.month_relative_before))})\s+(?P<w>{weekday})"
                        rf"|(?P<w2>{weekday})\s+(?P<rel2>{_word(list(lex.weekday_relative_after))})"),
        ("weekday", rf"(?P<w>{weekday})"),
        # "היום (שני)": a weekday's bare name alone in brackets
        ("bracket_weekday", rf"(?<=[(（])\s?(?P<w>{_word(list(lex.bracket_weekdays))})(?=\s?[)）])"
                            if lex.bracket_weekdays else r"(?!x)x"),
        ("year_range", rf"(?:{frm}\s+)?(?<![\w.,/\-])(?P<y1>{_YEAR})\s*{to}\s*(?P<y2>{_YEAR})(?!\w|[.,]\d)"),
        ("year", rf"{year_head}{bare_year}(?:(?!\w|[.,/%]\d|%){ys}|\s*{_alt(lex.year_suffix)}"
                 rf"(?:(?<={_unspaced_script()})|(?!\w)))" if lex.year_suffix
                 else rf"{year_head}{bare_year}(?!\w|[.,/%]\d|%)"),  # a Han suffix needs no boundary: "1998年"
        # "13:30μμ": a part-of-day word of another script may touch the minutes
        ("time", r"(?<![\w.:,])(?P<h>[01]?\d|2[0-3])(?::|h)(?P<mi>[0-5]\d)(?::(?P<sec>[0-5]\d))?"
                 + (rf"(?:\s*(?P<ap2>{_word(list(lex.clock_after), after_digit=True)})|(?![\w:]|[.,]\d))"
                    if lex.clock_after else r"(?![\w:]|[.,]\d)")),
    ]
    if lex.time_units:
        hour, minute = _alt(list(lex.time_units.get("hour", []))), _alt(list(lex.time_units.get("minute", [])))
        half = _alt(list(lex.time_units.get("half", [])))
        ap = rf"(?:(?P<ap>{_alt(list(lex.clock_before))})\s*)?" if lex.clock_before else ""
        t.append(("han_time", rf"{ap}(?<![\d.:,])(?P<h>[01]?\d|2[0-3])\s*{hour}"
                              rf"(?:\s*(?P<mi>[0-5]\d)(?!\d)(?:\s*{minute})?"
                              # one digit of minutes needs its counter: "3시와 5시" is no 3:05
                              rf"|\s*(?P<mi2>[0-9])\s*{minute}"
                              rf"|\s*(?P<half>{half}))?(?!\d|[.:,]\d)"))
    long_hours = list(lex.time_units.get("hour_after_prep", []))
    if long_hours and lex.clock_prepositions:  # "à 19 heures" is a time, "19 heures" alone may be a duration
        minute = _alt(list(lex.time_units.get("minute", [])))
        ap2 = rf"(?:\s+(?P<ap2>{_word(list(lex.clock_after))}))?" if lex.clock_after else ""  # "à 8 heures du soir"
        t.append(("clock_prep", rf"{_word(lex.clock_prepositions)}\s+(?P<core>(?P<h>[01]?\d|2[0-3])\s*"
                                rf"{_word(long_hours)}(?:\s*(?P<mi>[0-5]?\d)(?:\s*{minute})?)?{ap2})(?!\w)"))
    if lex.time_prefix:  # "pukul 19.00": a dot between hours and minutes only after a time word
        # "pukul 19.00", "pukul 7 malam", "jam sepuluh", "ساعت ۸ صبح": after a time word the hour may stand alone
        # or as a word, and a part of day after it sets am/pm
        hour_word = rf"|(?P<hw>{_word(list(lex.numbers))})" if lex.numbers else ""
        ap2 = rf"(?:\s+(?P<ap2>{_word(list(lex.clock_after))}))?" if lex.clock_after else ""
        # "ساعت ۶ و ۳۶ دقیقه و ۲۶ ثانیه": minutes (and seconds) joined by `clock_and` with their counters
        words = ""
        if lex.clock_and and lex.time_units.get("minute"):
            cand_ = _word(lex.clock_and)
            sec = (rf"(?:\s+{cand_}\s*(?P<sec>[0-5]?\d)\s*{_word(list(lex.time_units['second']))})?"
                   if lex.time_units.get("second") else "")
            words = rf"(?:\s+{cand_}\s*(?P<mi3>[0-5]?\d)\s*{_word(list(lex.time_units['minute']))}{sec})?"
        t.append(("time_prefixed", rf"{_word(lex.time_prefix)}\s+(?:(?P<h>[01]?\d|2[0-3])(?:[.:](?P<mi>[0-5]\d))?"
                                   rf"(?![\d.,:]\d|\d|\s*%){words}{hour_word}){ap2}(?!\w)"))
    hour_words = list(lex.time_units.get("hour", [])) + list(lex.time_units.get("hour_after_prep", []))
    if hour_words:  # "21.30 horas", "18.00 год": a dot clock time is a time when an hour word follows it
        # "10,30 часа" where `dates.comma_clock`; a part of day may follow ("10,00 часа сутрин")
        sep = "[.,]" if lex.comma_clock else r"\."
        ap2 = rf"(?:\s+(?P<ap2>{_word(list(lex.clock_after))}))?" if lex.clock_after else ""
        t.append(("time_dot", rf"(?<![\w.:,])(?P<h>[01]?\d|2[0-3]){sep}(?P<mi>[0-5]\d)\s*{_word(hour_words)}{ap2}"))
    if lex.clock_prepositions:  # "в 10.45", "a las 21.30": a dot clock time after a clock preposition
        # not an amount ("в 2.50 млн"), nor a time with its hour word, which `time_dot` takes whole
        after = [*lex.not_year_after, *(w for ws in lex.time_units.values() for w in ws)]
        amounts = rf"|\s*{_word(after)}" if after else ""
        dot = r"(?P<h>[01]?\d|2[0-3])\.(?P<mi>[0-5]\d)"
        t.append(("clock_prep_dot", rf"{_word(lex.clock_prepositions)}\s+(?P<core>{dot})"
                                    rf"(?![\d.,]\d|\d|\s*[%‰]|\s*(?:mln|mld|bn){amounts})"))
    # "03.30 WIB", "14.00 GMT": a dot clock time before a time zone, the zone inside the span
    zones = "|".join(re.escape(z) for z in sorted({*_ZONES, *lex.time_zones}, key=len, reverse=True))
    t.append(("time_zoned", rf"(?<![\w.:,])(?P<h>[01]?\d|2[0-3])\.(?P<mi>[0-5]\d)\s*(?:{zones})"
                            r"(?:[+-]\d{1,2})?(?!\w)"))
    if lex.parts_alone:  # last: "오후 7시" is a clock time, "вночі" alone a part of the story's day
        t.append(("part_alone", rf"(?<!-)(?P<pa>{_word(list(lex.parts_alone))})"))  # not "midi" of "après-midi"
    return t


def _clock_day_part_templates(lex: Lexicon) -> list[tuple[str, str]]:
    """A count of hours followed by a part of day is a clock time, whatever comes between: "1 heure du
    matin", "huit heures du soir", "las diez de la mañana", "7 am" (`dates.clock_after` words that are not
    themselves hour words; hours written as digits or as number words)."""
    hour_words = {w for ws in lex.time_units.values() for w in ws} | set(lex.units)
    parts = [w for w in lex.clock_after if w not in hour_words]
    if not parts:
        return []
    long_hours = list(lex.time_units.get("hour_after_prep", [])) + list(lex.time_units.get("hour", []))
    unit = rf"(?:\s*{_word(long_hours)})?" if long_hours else ""
    minute_words = list(lex.time_units.get("minute", []))
    minute_unit = rf"(?:\s*{_alt(minute_words)})?" if minute_words else ""
    minute_word = rf"|(?P<miw>{_word(list(lex.numbers))})" if lex.numbers else ""
    minutes = rf"(?:\s*(?:(?P<mi>[0-5]?\d){minute_word}){minute_unit})?"
    hour = r"(?:(?<![\w.:,])(?P<h>[01]?\d|2[0-3])(?![\d.,:])"
    hour += rf"|(?P<hw>{_word(list(lex.numbers))}))" if lex.numbers else ")"
    return [("clock_part", rf"{hour}{unit}{minutes}\s+(?P<ap2>{_word(parts)})")]


def _number(lex: Lexicon) -> str:
    """A duration's count: digits, a number word, Han numerals."""
    # "5 1/2 hours", "2½ years": a whole number and a half
    return (rf"(?:(?<![\d.,])\d{{1,3}}(?:(?:\s|-)1/2(?!\d)|½|[.,]\d(?!\d)|(?!\d))|{_word(list(lex.numbers))}"
            rf"|{_han_class()}{{1,3}})")


def _not_before_duration(lex: Lexicon) -> str:
    """A lookahead that fails before a count and a unit: "in the past" is not a reference in
    "in the past two weeks", which is one duration."""
    return rf"(?!\s*{_number(lex)}\s*-?\s*{_word(list(lex.units))})" if lex.units else ""  # "未来一周": no space


def _duration_templates(lex: Lexicon, year: str, yj: str) -> list[tuple[str, str]]:
    """Durations ("three years", "2,5 года"), durations as dates ("two days ago", "vor zwei Jahren",
    "three days later"), sets ("every week", "weekly"), seasons ("last summer") and decades ("1990s")."""
    t: list[tuple[str, str]] = []
    mod_gap = r"\s*" if lex.han_dates else r"\s+"  # "约三天", "約3時間": no space after a modifier in Han text
    if lex.decade_short_suffix:  # "90-х годов", "90er Jahre", "90年代": two digits, a decade of the 1900s
        # (00, 10: the 2000s); first: "90年代" is no "90年" (years) with a tail
        short = _alt(lex.decade_short_suffix)
        head = rf"(?:(?<![\w.,'’])|(?<={_unspaced_script()}))"  # "上世纪90年代": Han text before it
        t.append(("decade", rf"{head}['’]?(?P<d2>\d0){short}(?!\w)"))
        t.append(("decade", rf"{head}(?P<dec>1\d\d0|20\d0){short}(?!\w)"))
    centuries = [w for w, u in lex.units.items() if u == "CE"]
    if centuries:  # "20th century", "XX століття": an ordinal (or Roman) century is a DATE, "19"
        t.append(("century", rf"(?<![\w.,])(?P<c>[12]?\d(?:{_ordinal_suffixes()})|[XVI]{{1,5}})\s*-?\s*"
                             rf"(?P<u>{_word(centuries)})"))
    if lex.units:
        unit = _word(list(lex.units), after_digit=True)
        more = rf"(?:\s*{_alt(lex.count_suffix)})?" if lex.count_suffix else ""  # "90余小时"
        half = rf"(?:\s+(?P<half>{_word(lex.half_after)}))?" if lex.half_after else ""  # "tres años y medio"
        core = rf"(?P<n>{_number(lex)}){more}\s*-?\s*(?P<u>{unit}){half}"
        if lex.shift_before:
            t.append(("shift_before", rf"(?P<sb>{_word(list(lex.shift_before))})\s*{core}"))
        mods = rf"(?:(?P<mod>{_word(list(lex.duration_mods))}){mod_gap})?" if lex.duration_mods else ""
        after = rf"(?:\s*(?P<sa>{_word(list(lex.shift_after))}))?" if lex.shift_after else ""
        t.append(("duration", rf"{mods}{core}{after}"))
        if lex.set_prefix:
            t.append(("set_unit", rf"(?P<sp>{_word(lex.set_prefix)})\s+(?P<u>{unit})"))
    if lex.bound_units and (lex.shift_after or lex.count_markers):
        # "3일 전", "10일 연속": a word that is a day of the month alone ("3일") counts days before these
        bound = _word(list(lex.bound_units), after_digit=True)
        shift = rf"\s*(?P<sa>{_word(list(lex.shift_after))})" if lex.shift_after else ""
        marker = rf"(?=\s*{_alt(lex.count_markers)})" if lex.count_markers else ""
        ending = f"(?:{shift}|{marker})" if shift and marker else shift or marker
        t.append(("bound_duration", rf"(?P<n>{_number(lex)})\s*(?P<bu>{bound}){ending}"))
    if lex.counted_units:  # "أسبوعين" (two weeks, Arabic dual), "이틀" (two days)
        mods = rf"(?:(?P<mod>{_word(list(lex.duration_mods))}){mod_gap})?" if lex.duration_mods else ""
        after = rf"(?:\s*(?P<sa>{_word(list(lex.shift_after))}))?" if lex.shift_after else ""
        chalf = rf"(?:\s+(?P<half>{_word(lex.half_after)}))?" if lex.half_after else ""  # "عامين ونصف"
        t.append(("counted", rf"{mods}(?P<cu>{_word(list(lex.counted_units))}){chalf}{after}"))
    if lex.sets:
        t.append(("set_word", rf"(?P<sw>{_word(list(lex.sets))})"))
    if lex.quarters:  # "third quarter", "三季度", "上半年" (+ a year after it)
        t.append(("quarter", rf"(?P<q>{_word(list(lex.quarters))})(?:{yj}{year})?"))
    if lex.seasons:
        rel = rf"(?:(?P<rel>{_word(list(lex.month_relative_before))})\s+)?" if lex.month_relative_before else ""
        t.append(("season", rf"{rel}(?P<s>{_word(list(lex.seasons))})(?:{yj}{year})?"))
    if lex.decade_suffix:
        t.append(("decade", rf"(?<![\w.,])(?P<dec>1\d\d0|20\d0){_alt(lex.decade_suffix)}(?!\w)"))
    if lex.decade_prefix:  # "années 1990", "jaren '90", "δεκαετία του ’90", "jaren negentig"
        words = rf"|(?P<dw>{_word(list(lex.decade_words))})" if lex.decade_words else ""
        t.append(("decade", rf"{_word(lex.decade_prefix)}\s*(?:(?P<dec>1\d\d0|20\d0)|['’‘]?(?P<d2>\d0){words})"
                            r"(?!\w)"))
    if lex.decade_names:  # "the nineties", "التسعينيات", "девяностые"
        t.append(("decade", rf"(?P<dn>{_word(list(lex.decade_names))})"))
    if lex.compound_counts and lex.compound_units:  # "dwudniowa" (two-day), "двухдневный", "dvoudenní": P2D
        mods = rf"(?:(?P<mod>{_word(list(lex.duration_mods))}){mod_gap})?" if lex.duration_mods else ""
        ending = f"(?:{lex.compound_endings})" if lex.compound_endings else ""
        t.append(("compound", rf"{mods}(?<!{LETTER})(?P<cc>{_alt(list(lex.compound_counts))})"
                              rf"(?P<cun>{_alt(list(lex.compound_units))}){ending}(?!{LETTER})"))
    return t


@dataclass(frozen=True, slots=True)
class Grammar:
    lex: Lexicon
    regex: re.Pattern[str]
    names: tuple[str, ...]  # template name of each alternative, by index
    starters: frozenset[str]  # lower-case first words of every word-initial pattern
    weak_starters: frozenset[str]  # first words that open only a duration ("a", "the"): need a unit nearby
    clock_starters: frozenset[str]  # first words that open only a clock time ("à"): need a number next
    unit_words: frozenset[str]  # first tokens of unit words, looked for right after a weak starter
    compound_heads: tuple[str, ...] = ()  # count stems that open a compound duration word ("dwu" of "dwudniowa")
    letter_signs: frozenset[str] = frozenset()  # letter numerals: a short token of them before a mark opens a date
    clock_words: frozenset[str] = frozenset()  # first tokens of words that make an hour a clock ("de la noche")


_TOKEN = re.compile(r"\d+|[^\W\d_]+")


def _first_words(lex: Lexicon, duration_only: bool = False) -> frozenset[str]:
    """The first token of every phrase a pattern can start with: the trigger set of `scan`
    (`duration_only`: those of the words that open only durations)."""
    phrases: list[str] = [*lex.numbers, *lex.duration_mods, *lex.shift_before]
    if not duration_only:
        phrases = [*lex.months, *lex.weekdays, *lex.relative, *lex.month_relative_before,
                   *lex.month_prepositions, *lex.range_from, *lex.day_prefix, *lex.year_prefix,
                   *lex.set_prefix, *lex.sets, *lex.seasons, *lex.calendar_months, *lex.eras, *lex.time_prefix,
                   *lex.quarters, *lex.parts_alone, *lex.calendar_year_prefix, *lex.counted_units,
                   *lex.holidays, *lex.calendar_month_prefix, *lex.period_mods_before, *lex.day_relative_before,
                   *(lex.period_nouns if lex.period_mods_after else ()), *lex.decade_prefix,
                   *lex.decade_names, *lex.bracket_weekdays, *lex.month_weeks_before]
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
    strong = _first_words(lex)
    weak = _first_words(lex, duration_only=True) - strong
    clock = frozenset(t.group(0) for w in lex.clock_prepositions if (t := _TOKEN.search(w))) - strong - weak
    unit_words = frozenset(t.group(0) for u in lex.units if (t := _TOKEN.search(u)))
    regex = caching.compile_regex("|".join(parts), re.IGNORECASE)
    heads = tuple(sorted(lex.compound_counts)) if lex.compound_units else ()
    signs = frozenset(lex.letter_numerals) if lex.calendar_months else frozenset()
    clock_words = frozenset(t.group(0) for w in lex.clock_after if (t := _TOKEN.search(w)))
    return Grammar(lex, regex, tuple(names), strong | weak | clock, weak, clock, unit_words, heads, signs, clock_words)


# --- candidates ---------------------------------------------------------------------------------


_DOTTED_I, _COMBINING_DOT = chr(0x130), chr(0x307)  # "İ" lower-cases to "i" and U+0307


def _lower(text: str) -> str:
    """Lower case with the Turkish capital dotted I as "i" ("İki" -> "iki", not "i" + a combining dot)."""
    return text.lower().replace("i" + _COMBINING_DOT, "i") if _DOTTED_I in text else text.lower()


def _key(text: str) -> str:
    """Matched text as a lexicon key: lower case, single spaces, straight apostrophes."""
    return re.sub(r"\s+", " ", _lower(text)).replace("’", "'")


def _month(lex: Lexicon, text: str) -> int | None:
    if lex.paired_months and "/" in text:  # both names must name the same month ("مارس/ آذار", not "مارس/ أبريل")
        numbers = {_month(lex, part.strip()) for part in text.split("/")}
        return numbers.pop() if len(numbers) == 1 else None
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
    spec = lex.month_relative_after.get(_key(g["rel"])) if g.get("rel") else None
    if spec is None and g.get("rb"):  # "lo scorso 3 marzo"; "no passado dia 3": the words before "passado" outside
        spec = lex.day_relative_before.get(_key(g["rb"]))
        s += len(g["rb"]) - len(g["rb"].split()[-1])
    return Candidate(s, e, "date", y, mo, d, spec=spec)


def _h_month_mod(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    """"fine maggio", "the end of March 2020": the month, with the mod of the word before it."""
    mo = _month(lex, g["m"])
    if not _title_ok(lex, g["m"]) or mo is None:
        return None
    return Candidate(s, e, "date", _year(g.get("y")), mo, None, mod=lex.period_mods_before.get(_key(g["pm"])))


def _h_month_week(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    """"la última semana de junio", "10월의 마지막 주": a week of the month, by the Monday that opens it."""
    mo = _month(lex, g["m"])
    week = lex.month_weeks_before.get(_key(g["wb"])) if g.get("wb") else lex.month_weeks_after.get(_key(g["wa"]))
    if not _title_ok(lex, g["m"]) or mo is None or week is None:
        return None
    return Candidate(s, e, "date", _year(g.get("y")), mo, None, week_of_month=week)


def _h_period_mod(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    """"the end of the year", "yıl sonunda": this (or the named) year, month or week, with the mod."""
    spec = lex.period_nouns.get(_key(g["pn"]))
    mod = lex.period_mods_before.get(_key(g["pm"])) if g.get("pm") else lex.period_mods_after.get(_key(g["pa"]))
    return Candidate(s, e, "rel", spec=spec, mod=mod) if spec is not None else None


def _h_compound(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    """"dwudniowa", "двухдневный": a count stem and a unit stem in one adjective, a DURATION."""
    count, unit = lex.compound_counts.get(_key(g["cc"])), lex.compound_units.get(_key(g["cun"]))
    if count is None or unit is None:
        return None
    mod = lex.duration_mods.get(_key(g["mod"])) if "mod" in g else None
    return Candidate(s, e, "duration", count=count, unit=unit, mod=mod or None)


def _h_cjk(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    y = han_number(g["y"]) if g.get("y") else None
    mo = han_number(g["mo"])
    d = han_number(g["d"]) if g.get("d") else None
    if mo is None:
        return None
    if y is None and d is None and not lex.han_dates:
        return None  # a month alone with its counter only in a language that writes dates so
    return Candidate(s, e, "date", y, mo, d) if _valid(y, mo, d) else None


def _h_month_year(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    mo = _month(lex, g["m"])
    if not _title_ok(lex, g["m"]) or mo is None:
        return None
    return Candidate(s, e, "date", _year(g["y"]), mo, None)


def _h_month_noun(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    mo = _month(lex, g["m"])
    return Candidate(s, e, "date", _year(g.get("y")), mo, None) if mo is not None else None


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
    return Candidate(s, e, "weekday", weekday=day, weak=any(ch.isdigit() for ch in low),
                     part=lex.weekday_parts.get(low))  # "Mittwochmorgen"


def _h_bracket_weekday(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    day = lex.bracket_weekdays.get(_key(g["w"]))
    # weak: a date only right after a day word (`attach_weekdays`), not "במקום (שני)" (in second place)
    return Candidate(s, e, "weekday", weekday=day, weak=True) if day is not None else None


def _h_clock_prep(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    cand = _h_time(lex, g, s, e)
    if cand is not None:
        cand.start = e - len(g["core"])  # the preposition licenses the reading, it is not part of the time
    return cand


def _h_weekday_rel(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    word = g.get("w") or g.get("w2") or ""
    if not _title_ok(lex, word):
        return None
    low = _key(word)
    day = lex.weekdays.get(low, lex.weekdays.get(strip_accents(low)))
    spec = lex.month_relative_before.get(_key(g["rel"])) if g.get("rel") else lex.weekday_relative_after.get(
        _key(g.get("rel2") or ""))
    if day is None or spec not in ("last", "next", "this"):
        return None
    return Candidate(s, e, "weekday", weekday=day, spec=spec)


def _h_quarter(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    part = lex.quarters.get(_key(g["q"]))
    return Candidate(s, e, "quarter", _year(g.get("y")), spec=part) if part else None


def _h_year_range(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    y1, y2 = int(g["y1"]), int(g["y2"])
    if y1 >= y2:
        return None
    return Candidate(s, e, "year_range", y1, end_year=y2)


def _h_year(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    return Candidate(s, e, "year", int(g["y"]))


def _h_time(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    seconds = f":{g['sec']}" if g.get("sec") else ""  # written seconds stay, ":00" too (TimeML value)
    shift = lex.clock_before.get(g["ap"], 0) if g.get("ap") else lex.clock_after.get(_key(g.get("ap2") or ""), 0)
    hour = int(g["h"]) + (min(shift, 12) if int(g["h"]) < 12 else 0)
    if shift == 24 and int(g["h"]) == 12:  # a night word (`clock_after` 24): "las doce de la noche" is T24:00
        hour = 24
    minute = 30 if g.get("half") else int(g.get("mi") or g.get("mi2") or 0)
    return Candidate(s, e, "time", time=f"{hour:02d}:{minute:02d}{seconds}")


def _h_clock_part(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    """An hour (digits or a word) with maybe minutes and a part of day: "huit heures du soir", "pukul 7 malam"."""
    hour = g.get("h") or lex.numbers.get(_key(g.get("hw") or ""))
    minute = g.get("mi") or g.get("mi3") or (lex.numbers.get(_key(g["miw"])) if g.get("miw") else None) or "0"
    if hour is None or not hour.isdigit() or not minute.isdigit() or int(hour) > 24 or int(minute) > 59:
        return None
    if g.get("ap2") and int(hour) > 12:
        return None  # "several hours in the morning"; a part of day after 13h is no clock reading
    extra = {k: g[k] for k in ("ap2", "sec") if g.get(k)}
    if "sec" in extra:
        extra["sec"] = f"{int(extra['sec']):02d}"
    return _h_time(lex, {"h": str(int(hour) % 24), "mi": minute, **extra}, s, e)


def _count(lex: Lexicon, text: str) -> str | None:
    """A duration's number as TIMEX3 writes it: "3", "2.5", "X" (vague words)."""
    word = _key(text)
    if word in lex.numbers:
        return lex.numbers[word]
    if word[:1].isdigit():
        if word.endswith(("1/2", "½")):  # "5 1/2", "2½"
            whole = re.match(r"\d+", word)
            return f"{int(whole.group(0))}.5" if whole else None
        return word.replace(",", ".")
    value = han_number(word)
    return None if value is None else str(value)


def _h_duration(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    count, unit = _count(lex, g["n"]), g.get("unit") or lex.units.get(_key(g["u"]))
    if count is None or unit is None or count in ("0", "0.0"):
        return None
    if g.get("half") and count != "X":
        count = f"{float(count) + 0.5:g}"
    mod = lex.duration_mods.get(_key(g["mod"])) if "mod" in g else None
    shift = (lex.shift_after.get(_key(g["sa"])) if "sa" in g
             else lex.shift_before.get(_key(g["sb"])) if "sb" in g else None)
    return Candidate(s, e, "duration", count=count, unit=unit, mod=mod or None, shift=shift)


def _h_bound_duration(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    unit = lex.bound_units.get(_key(g["bu"]))
    return _h_duration(lex, {**g, "unit": unit}, s, e) if unit else None


def _h_counted(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    m = re.fullmatch(r"(\d+)(MIN|DE|CE|[YMWDHSQ])", lex.counted_units.get(_key(g["cu"]), ""))
    if m is None:
        return None
    return _h_duration(lex, {**g, "n": m.group(1), "u": "", "unit": m.group(2)}, s, e)


def _h_set(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    if "sw" in g:
        return Candidate(s, e, "set", spec=lex.sets.get(_key(g["sw"])))
    unit = lex.units.get(_key(g["u"]))
    return Candidate(s, e, "set", spec=f"P1{unit}" if unit else None)


def _h_season(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    spec = lex.month_relative_before.get(_key(g["rel"])) if "rel" in g else None
    return Candidate(s, e, "season", _year(g.get("y")), season=lex.seasons.get(_key(g["s"])), spec=spec)


def _h_decade(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    if g.get("dw"):  # "jaren negentig"
        return Candidate(s, e, "decade", lex.decade_words.get(_key(g["dw"])))
    if g.get("dn"):  # "the nineties"
        return Candidate(s, e, "decade", lex.decade_names.get(_key(g["dn"])))
    if g.get("d2"):  # "’90": the 1990s; "’00" the 2000s
        short = int(g["d2"])
        return Candidate(s, e, "decade", 2000 + short if short in (0, 10) else 1900 + short)
    return Candidate(s, e, "decade", int(g["dec"]))


def _h_era(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    n = 1 if _key(g["ey"]) in lex.first_year else han_number(g["ey"])
    base = lex.eras.get(g["era"])
    month = han_number(g["mo"]) if g.get("mo") else None
    day = han_number(g["d"]) if g.get("d") else None
    if n is None or base is None:
        return None
    year = base + n
    if month is None:
        return Candidate(s, e, "year", year)
    return Candidate(s, e, "date", year, month, day) if _valid(year, month, day) else None


def _h_cal(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    calendar, month = lex.calendar_months.get(_key(g["m"]), ("", 0))
    day = int(g["d"]) if g.get("d") else None
    year = int(g["y"]) if g.get("y") else None
    if not calendar or (day is not None and not 1 <= day <= 31):
        return None
    spec = lex.month_relative_after.get(_key(g["rel"])) if g.get("rel") else None
    return Candidate(s, e, "date", year, month, day, calendar=calendar, spec=spec)


def letter_number(lex: Lexicon, text: str) -> int | None:
    """'ט"ו' -> 15, 'תש"פ' -> 780: the sum of the letters' values (marks skipped)."""
    values = [lex.letter_numerals.get(ch) for ch in text if ch not in "'\"׳״"]
    return None if not values or None in values else sum(v for v in values if v is not None)


def _h_cal_letters(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    calendar, month = lex.calendar_months.get(_key(g["m"]), ("", 0))
    day = letter_number(lex, g["ld"])
    if not calendar or day is None or not 1 <= day <= 30:
        return None
    year = None
    if g.get("ly"):
        letters = g["ly"]
        if letters[0] in lex.letter_numerals and lex.letter_numerals[letters[0]] == 5 and len(letters) > 3:
            letters = letters[1:]  # "התש"פ": the leading ה is the thousands (5000)
        year = letter_number(lex, letters)
        if year is not None and year < 1000:
            year += lex.letter_year_base
    return Candidate(s, e, "date", year, month, day, calendar=calendar)


def _h_part_alone(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    part = lex.parts_alone.get(_key(g["pa"]))
    return Candidate(s, e, "part", part=part) if part else None


def _h_cal_numeric(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    month, day = int(g["mo"]), int(g["d"])
    return Candidate(s, e, "date", int(g["y"]), month, day, calendar=lex.numeric_calendar) if day <= 31 else None


def _h_cal_year(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    return Candidate(s, e, "year", int(g["y"]), calendar=lex.numeric_calendar)


def _h_holiday(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    found = lex.holidays.get(_key(g["hol"]))
    if found is None:
        return None
    calendar, month, day = found
    if calendar == "gregorian":
        return Candidate(s, e, "date", _year(g.get("y")), month, day)
    if g.get("y"):  # "Lebaran 2025": the feast of the calendar year running in that Gregorian year
        date = in_gregorian_year(calendar, month, day, int(g["y"]))
        return Candidate(s, e, "date", *date) if date is not None else None
    return Candidate(s, e, "date", None, month, day, calendar=calendar)


def _h_han_day(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    return Candidate(s, e, "day", day=int(g["d"]))


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _h_century(lex: Lexicon, g: dict[str, str], s: int, e: int) -> Candidate | None:
    text = g["c"]
    if text[0].isdigit():
        number = int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]
    else:
        values = [_ROMAN[ch] for ch in text]
        number = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return Candidate(s, e, "century", number) if 1 <= number <= 21 else None


HANDLERS: dict[str, Handler] = {
    "weekday_rel": _h_weekday_rel, "quarter": _h_quarter, "clock_prep": _h_clock_prep,
    "century": _h_century,
    "han_day": _h_han_day, "cal_numeric": _h_cal_numeric, "cal_year": _h_cal_year, "part_alone": _h_part_alone,
    "clock_part": _h_clock_part, "bound_duration": _h_bound_duration,
    "time_dot": _h_time, "time_zoned": _h_time, "clock_prep_dot": _h_clock_prep,
    "counted": _h_counted, "holiday": _h_holiday,
    "duration": _h_duration, "shift_before": _h_duration, "set_unit": _h_set, "set_word": _h_set,
    "season": _h_season, "decade": _h_decade, "month_mod": _h_month_mod, "compound": _h_compound,
    "cal_letters": _h_cal_letters, "period_mod": _h_period_mod,
    "era": _h_era, "cal_date": _h_cal, "cal_month": _h_cal,
    "iso": _h_iso, "ymd": _h_iso, "range_num": _h_range_num, "numeric": _h_numeric,
    "numeric_dm": _h_numeric_dm, "paren_dm": _h_paren_dm, "range_cross": _h_range_cross,
    "range_dm": _h_range_dm, "range_md": _h_range_dm, "range_md_cross": _h_range_cross,
    "dmy": _h_dmy, "mdy": _h_dmy, "cjk": _h_cjk,
    "month_year": _h_month_year, "month_noun": _h_month_noun, "month_rel_after": _h_month_rel,
    "month_rel_before": _h_month_rel,
    "month_prep": _h_month_only, "month_bare": _h_month_only, "rel": _h_rel, "weekday": _h_weekday,
    "bracket_weekday": _h_bracket_weekday, "month_week": _h_month_week,
    "year_range": _h_year_range, "year": _h_year, "time": _h_time, "han_time": _h_time, "time_prefixed": _h_clock_part,
}


def _trigger_positions(text: str, gram: Grammar) -> list[int]:
    """Where a match can start: every number, and every word that opens some pattern.

    Trying the whole alternation at every character is ~100x slower than this token pass, so the
    big regex is only `match`ed at these positions (its lookbehinds still see the text before).
    """
    starters, weak, clock, units = gram.starters, gram.weak_starters, gram.clock_starters, gram.unit_words
    tokens = list(_TOKEN.finditer(text))
    out = []
    for i, m in enumerate(tokens):
        token = m.group(0)
        if token[0].isdigit() or (token.isupper() and not token.strip("IVX")):  # numbers, Roman numerals
            out.append(m.start())
            continue
        low = _lower(token)
        if low in starters and m.start() > 0 and text[m.start() - 1] in "'’":  # "'s avonds" (nl)
            out.append(m.start() - 1)
        if low not in starters:
            compound = bool(gram.compound_heads) and low.startswith(gram.compound_heads)  # "dwudniowa"
            lettered = (bool(gram.letter_signs) and len(token) <= 2 and set(token) <= gram.letter_signs
                        and text[m.end() : m.end() + 1] in ("'", '"', "׳", "״"))  # "ט"ו בשבט"
            if compound or lettered:
                out.append(m.start())
            continue
        if low in weak:
            # a number word with a unit after it, or with a part of day ("diez de la mañana": a clock time)
            if any(t.group(0).lower() in units | gram.clock_words for t in tokens[i + 1 : i + 5]):
                out.append(m.start())
        elif low in clock:  # "à 19 h", and "hacia las 10 horas": a number within the preposition's words
            if any(t.group(0)[0].isdigit() for t in tokens[i + 1 : i + 4]):
                out.append(m.start())
        else:
            out.append(m.start())
    return out


def _needs_full_search(lang: str) -> bool:
    """Han dates need no word before them (text with no spaces has no tokens): scan every position."""
    return bool(languages.about(lang, "han_dates"))


def scan(text: str, lang: str) -> list[Candidate]:
    """Every date-like expression of `text`, left to right, not overlapping; plus the full dates
    written the way of the languages listed in `dates.also_read` (bylines and stamps in English:
    "Oct 23, 2021, 7:07 AM IST" on a Hindi page)."""
    out = _scan_one(text, lang)
    for other in grammar(lang).lex.also_read:
        if other != lang and _foreign_months(other).search(text):
            out = _with_foreign_dates(out, [c for c in _scan_one(text, other) if _is_full_date(c)])
    return out


@cache
def _foreign_months(lang: str) -> re.Pattern[str]:
    """A month name of `lang` next to a number (a cheap test before scanning a text with its whole
    grammar: every full date has one); capitalized where the language capitalizes month names."""
    lex = grammar(lang).lex
    names = sorted({n.capitalize() if lex.titlecase else n for n in lex.months}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return caching.compile_regex(rf"(?<!\w)(?:{alt})\.?\s\d|\d\s(?:{alt})(?!\w)", 0 if lex.titlecase else re.IGNORECASE)


def _is_full_date(cand: Candidate) -> bool:
    return (cand.kind == "date" and cand.calendar is None
            and None not in (cand.year, cand.month, cand.day))


def _with_foreign_dates(own: list[Candidate], foreign: list[Candidate]) -> list[Candidate]:
    """Foreign full dates replace the smaller candidates they cover ("2021" of "Oct 23, 2021");
    one that cuts across a candidate of the text's own language is left out."""
    out = list(own)
    for f in foreign:
        covered = [c for c in out if c.start < f.end and c.end > f.start]
        if any(c.start < f.start or c.end > f.end or c.end - c.start >= f.end - f.start for c in covered):
            continue
        out = [c for c in out if c not in covered]
        out.append(f)
    return sorted(out, key=lambda c: c.start)


def _scan_one(text: str, lang: str) -> list[Candidate]:
    """The candidates of one language's grammar."""
    gram = grammar(lang)
    original, text = text, mask_particles(ascii_digits(text), gram.lex)
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
        if cand is not None and gram.lex.suffixes_inside:  # "Ocak ayında": the suffix is in the span
            while cand.end < len(text) and text[cand.end] == " " and original[cand.end] != " ":
                cand.end += 1
        if cand is not None:
            if cand.kind in ("range", "year_range"):
                _mark_parts(cand, m, prefix)
            out.append(cand)
    return out


def _mark_parts(cand: Candidate, m: re.Match[str], prefix: str) -> None:
    """Where a range's two TIMEX3 parts are: "20" and "23 January" in "from 20 to 23 January"."""
    firsts = [m.end(prefix + g) for g in ("d1", "m1", "y1") if m.groupdict().get(prefix + g) is not None]
    seconds = [m.start(prefix + g) for g in ("d2", "m2", "y2") if m.groupdict().get(prefix + g) is not None]
    if firsts and seconds and max(firsts) <= min(seconds):
        cand.first_end, cand.second_start = max(firsts), min(seconds)


_HANGUL_OR_WORD = re.compile(r"[^\W_]+")


@cache
def _stem_words(lang: str) -> tuple[frozenset[str], re.Pattern[str]]:
    """What a particle may follow: the lexicon's words (and their single tokens), and numbers with a
    counter ("2020년", "30분", "6개월간")."""
    lex = lexicon(lang)
    phrases = [*lex.relative, *lex.day_parts, *lex.parts_alone, *lex.seasons, *lex.sets, *lex.numbers,
               *lex.month_nouns, *lex.year_suffix, *lex.year_prefix, *lex.counted_units, *lex.holidays,
               *lex.weekdays, *lex.months, *lex.units, *lex.month_relative_before, *lex.month_relative_after,
               *lex.shift_after, *lex.quarters, *lex.calendar_months, *lex.period_mods_before]
    words = {p for p in phrases} | {w for p in phrases for w in p.split()}
    counters = [*lex.units, *(w for ws in lex.time_units.values() for w in ws), *lex.decade_suffix,
                *(str(w) for _, u in languages.everywhere("dates", "han_units") for ws in u.values() for w in ws)]
    number = re.compile(rf"\d+(?:[.,]\d+)?{_alt(counters)}?")
    return frozenset(words), number


def _known_stem(stem: str, lang: str) -> bool:
    words, number = _stem_words(lang)
    return stem in words or number.fullmatch(stem) is not None


def _joins(stem: str, suffix: str, lex: Lexicon) -> bool:
    """Whether `suffix` can follow `stem` (languages with buffer letters): a buffer only after a vowel,
    a vowel only after a consonant ("dünya" is no "dün" + "ya")."""
    if not lex.vowels:
        return True
    after_vowel = stem[-1] in lex.vowels
    if suffix[0] in lex.suffix_buffers:
        return after_vowel
    return not after_vowel if suffix[0] in lex.vowels else True


@lru_cache(maxsize=1 << 16)
def _strip_particles(word: str, lang: str) -> str | None:
    """The date word inside `word` once fused particles are taken off ("내년부터는" -> "내년"), else None."""
    if _known_stem(word, lang):
        return word
    lex = lexicon(lang)
    stems = [_strip_particles(word[: -len(p)], lang) for p in lex.particles
             if len(word) > len(p) and word.endswith(p) and _joins(word[: -len(p)], p, lex)]
    # the longest reading: "saatlerinden" is "saatleri" + n + den, not "saat" + ler + ...
    return max((s for s in stems if s is not None), key=len, default=None)


def _clitic(word: str, lex: Lexicon) -> str:
    """The clitic fused before a date word or a number ("و" of "والسبت", "ل" of "ل18"), else ""."""
    if not word.startswith(lex.prefixes):
        return ""
    for prefix in lex.prefixes:
        rest = word[len(prefix) :]
        if len(word) > len(prefix) and word.startswith(prefix) and (rest[0].isdigit() or _known_stem(rest, lex.lang)):
            return prefix
    return ""


def mask_particles(text: str, lex: Lexicon) -> str:
    """Fused particles after date words blanked out (same length): "올해는" reads as "올해 " so
    word-final patterns match; languages without `particles` are returned unchanged."""
    if not lex.particles and not lex.prefixes:
        return text

    def blank(m: re.Match[str]) -> str:
        word = m.group(0)
        head = _clitic(_lower(word), lex)  # "والسبت" reads as " السبت"
        if head:
            word = " " * len(head) + word[len(head) :]
        if not lex.particles:
            return word
        body = word[len(head) :]
        stem = _strip_particles(_lower(body), lex.lang)
        return word if stem is None else word[: len(head) + len(stem)] + " " * (len(body) - len(stem))

    return _hyphened_clitics(lex.prefixes).sub(lambda m: " " * len(m.group(0)), _HANGUL_OR_WORD.sub(blank, text))


@cache
def _hyphened_clitics(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """A clitic written apart from a number by a hyphen, the usual Hebrew spelling before digits ("ב-2026",
    "ב-1 בינואר", "מ-3 עד 5"): blanked with its hyphen, like a clitic fused to a word."""
    if not prefixes:
        return re.compile("(?!x)x")
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(p) for p in prefixes)})-(?=\d)")


@cache
def _digit_table() -> dict[int, int]:
    """Every decimal digit of Unicode (Arabic-Indic, Persian, Devanagari, full-width...) -> ASCII."""
    table: dict[int, int] = {}
    for code in range(0x660, sys.maxunicode + 1):
        ch = chr(code)
        if ch.isdecimal() and not ch.isascii():
            table[code] = ord("0") + unicodedata.decimal(ch)
    return table


def ascii_digits(text: str) -> str:
    """The text with native digits as ASCII ones, code point for code point (offsets unchanged)."""
    if text.isascii() or not _NATIVE_DIGIT.search(text):
        return text
    return text.translate(_digit_table())


_NATIVE_DIGIT = re.compile(r"(?![0-9])\d")
