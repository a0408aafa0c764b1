"""Per-language date vocabulary: CLDR month and weekday names (via babel) merged with the `dates`
section of `lang/<code>/data.yaml` (inflected forms CLDR lacks, relative words, range words...).

Any language babel knows gets month and weekday names, so unknown languages (tr, pl, ar, ...) still
get their dates; the YAML adds what makes a language good. Built once per language and cached.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from communique import lang as languages


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the grammar of one language needs, as plain word -> value maps (lower case)."""

    lang: str
    months: dict[str, int]  # every form of a month name -> 1..12 (may include a trailing "." form)
    weekdays: dict[str, int]  # weekday name -> 0 (Monday) .. 6 (Sunday)
    numeric_order: str = "dmy"  # how to read 03/02/2024: dmy | mdy | ymd
    month_first: bool = False  # "February 3" is a normal order (en)
    titlecase: bool = False  # month/weekday names count only when capitalized ("May" vs "may")
    bare_months: bool = False  # a month name alone is unambiguous ("tháng 8")
    paired_months: bool = False  # one month by two names, joined by a slash ("مارس/ آذار"): one expression
    capitalized_nouns: bool = False  # every noun is capitalized (de): a Capitalized word before a year is no name
    han_dates: bool = False  # dates with Han counters (2024年3月5日): a month alone is a date, Han weekday names
    day_prefix: tuple[str, ...] = ()
    day_suffix: tuple[str, ...] = ()
    month_joiners: tuple[str, ...] = ()
    year_joiners: tuple[str, ...] = ()
    year_prefix: tuple[str, ...] = ()
    year_suffix: tuple[str, ...] = ()
    range_from: tuple[str, ...] = ()
    range_to: tuple[str, ...] = ()
    range_and: tuple[str, ...] = ()
    month_prepositions: tuple[str, ...] = ()
    month_relative_before: dict[str, str] = field(default_factory=dict)
    month_relative_after: dict[str, str] = field(default_factory=dict)
    relative: dict[str, str] = field(default_factory=dict)
    target_before: tuple[str, ...] = ()
    not_year_after: tuple[str, ...] = ()
    parts_of_day: tuple[str, ...] = ()
    weekday_prepositions: tuple[str, ...] = ()  # if set, a weekday alone needs one ("в среду", not "среда")
    # durations and what is built on them ("three years", "two days later", "vor zwei Jahren")
    units: dict[str, str] = field(default_factory=dict)  # unit word -> Y M W D H MIN S DE CE Q
    numbers: dict[str, str] = field(default_factory=dict)  # number word -> "3" or "X" (vague: "several")
    numerals: dict[str, int] = field(default_factory=dict)  # digit-like signs composing numbers (Han 一..十)
    duration_mods: dict[str, str] = field(default_factory=dict)  # "about" -> APPROX, "the past" -> ""
    shift_after: dict[str, str] = field(default_factory=dict)  # "ago" -> "-", "later" -> "+prev"
    shift_before: dict[str, str] = field(default_factory=dict)  # "vor" -> "-", "il y a" -> "-"
    sets: dict[str, str] = field(default_factory=dict)  # "weekly" -> P1W
    set_prefix: tuple[str, ...] = ()  # "every", "each" + a unit
    seasons: dict[str, str] = field(default_factory=dict)  # "summer" -> SU
    day_parts: dict[str, str] = field(default_factory=dict)  # "morning" -> MO (after a day word)
    calendar_months: dict[str, tuple[str, int]] = field(default_factory=dict)  # month name -> (calendar, n)
    calendar_year_suffix: tuple[str, ...] = ()  # "هـ", "ش" after a non-Gregorian year
    eras: dict[str, int] = field(default_factory=dict)  # era name -> year before its first year (令和 -> 2018)
    first_year: tuple[str, ...] = ()  # the word for year one of an era (元)
    decade_suffix: tuple[str, ...] = ()  # "1990s"
    clock_before: dict[str, int] = field(default_factory=dict)  # hours to add after "午後" (pm); 24 as in clock_after
    weekday_relative_after: dict[str, str] = field(default_factory=dict)  # "الجمعة المقبل": next Friday
    quarters: dict[str, str] = field(default_factory=dict)  # "third quarter" -> Q3, "上半年" -> H1
    count_suffix: tuple[str, ...] = ()  # "余", "多" between a count and its unit ("90余小时")
    calendar_month_prefix: tuple[str, ...] = ()  # "شهر" before a month name of another calendar
    # hours to add for "pm", "de la tarde" after a time; 24: a night word, after which 12 is the day's end (T24:00)
    clock_after: dict[str, int] = field(default_factory=dict)
    clock_prepositions: tuple[str, ...] = ()  # "à", "vers": a number of hours after them is a clock time
    time_prefix: tuple[str, ...] = ()  # words before a clock time ("pukul")
    day_alone: bool = False  # a day with its counter alone ("12日") is a date of the story's month
    time_units: dict[str, tuple[str, ...]] = field(default_factory=dict)  # hour/minute counters (10时40分)
    particles: tuple[str, ...] = ()  # case particles written fused to a date word ("내년부터는"): outside the span
    suffixes_inside: bool = False  # a fused suffix belongs to the span (tr "Ocak ayında"), not after it (ko)
    suffix_buffers: str = ""  # letters that join a suffix to a vowel only (tr y n s: "haftaya", never "dün|ya")
    vowels: str = ""  # the vowels those rules look at
    numeric_calendar: str = ""  # the calendar of numeric dates with a year of it ("1400/01/20": persian)
    calendar_year_prefix: tuple[str, ...] = ()  # "سال" before a year of that calendar ("سال ۱۴۰۳")
    counted_units: dict[str, str] = field(default_factory=dict)  # a unit word holding its count: "يومين" -> 2D
    relative_weekday_joins: bool = False  # "اليوم الثلاثاء" (today, Tuesday) is one DATE (ar, fa), not two (id)
    holidays: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # name -> (calendar, month, day)
    dotted_day_month: bool = False  # "20.05." (two digits each, closing dot) is a date (de)
    bare_day_month: bool = False  # "24/4" alone is a date (vi news), not a fraction or a score
    bracket_weekday_joins: bool = False  # "4日(水)" is one DATE (ja), not a date and a weekday (zh 3月3日(星期三))
    month_nouns: tuple[str, ...] = ()  # "ay" in "Ocak ayı": a month name with it is a date of that month
    parts_alone: dict[str, str] = field(default_factory=dict)  # a part of day standing alone ("вночі") -> NI
    weekday_day_joiners: tuple[str, ...] = ()  # "인" in "월요일인 19일": the weekday and its day are one DATE
    month_start_words: tuple[str, ...] = ()  # "فاتح" before a month: its first day
    also_read: tuple[str, ...] = ()  # languages whose full dates this one's pages carry too (English stamps)
    day_part_joiners: tuple[str, ...] = ()  # "в" in "утром в понедельник", "の" in "22日の夜"
    tense_future: str = ""  # a regex of future cues ("will", "-rá", "将"): a weekday alone looks ahead
    tense_past: str = ""  # a regex of past cues ("said", "-ło", "đã"): a nearer one keeps it the nearest day
    time_zones: tuple[str, ...] = ()  # a language's own time-zone abbreviations after a clock time ("МСК")
    weekday_parts: dict[str, str] = field(default_factory=dict)  # "mittwochmorgen" -> MO (compounds, de)
    prefixes: tuple[str, ...] = ()  # clitics written fused before a date word ("والسبت", "ل18"): outside the span
    half_after: tuple[str, ...] = ()  # "and a half" after a unit: "tres años y medio" is P3Y6M
    list_and: tuple[str, ...] = ()  # "and" in a list of days sharing one month ("17, 18 и 19 сентября"); else range_and
    bound_units: dict[str, str] = field(default_factory=dict)  # a unit only before a shift or count word ("3일 전")
    count_markers: tuple[str, ...] = ()  # words after a bound unit that make it a count ("10일 연속", "3일 동안")
    age_before: str = ""  # a regex ending where a count of years is somebody's age ("âgée de", "aged")
    age_after: str = ""  # a regex starting where it is one ("-year-old", "years old")
    # START/MID/END of a month, year, week or quarter: the words before it ("the end of", "fine", "в конце",
    # "началото на", "Anfang", "cuối") or after it ("말", "初", "sonunda"), inside the span; value -> mod
    period_mods_before: dict[str, str] = field(default_factory=dict)
    period_mods_after: dict[str, str] = field(default_factory=dict)
    # "lo scorso 3 marzo", "el próximo 5 de abril": a last/next word before a day and month -> last | next
    day_relative_before: dict[str, str] = field(default_factory=dict)
    # a period word that is a date only next to such a START/MID/END word: "the year" in "the end of the year",
    # "года" in "в конце года", "yıl" in "yıl sonunda" -> a relative spec ("year+0", "week+0", "year-1")
    period_nouns: dict[str, str] = field(default_factory=dict)
    # compound duration adjectives, count stem + unit stem + an ending: "dwu|dniow|a" (P2D), "трёх|месячн|ый"
    compound_counts: dict[str, str] = field(default_factory=dict)  # "dwu" -> "2"
    compound_units: dict[str, str] = field(default_factory=dict)  # "dniow" -> D
    compound_endings: str = ""  # a regex of the endings after the unit stem ("a|y|ej|ego")
    # decades by a word before the number ("années 1990", "jaren '90", "δεκαετία του ’90"): words; and decades
    # by a number word after such a word ("jaren negentig"): word -> the decade's first year ("negentig" -> 1990)
    decade_prefix: tuple[str, ...] = ()
    decade_words: dict[str, int] = field(default_factory=dict)
    decade_names: dict[str, int] = field(default_factory=dict)  # a decade by one name: "the nineties", "التسعينيات"
    comma_clock: bool = False  # "10,30 часа": a comma between hours and minutes before an hour word (bg, ru)
    clock_joiners: tuple[str, ...] = ()  # "και" in "Παρασκευή 28 Φεβρουαρίου και ώρα 4:00 μ.μ.": day and time, one TIME
    decade_short_suffix: tuple[str, ...] = ()
    # letters that write numbers (Hebrew gematria: א=1 .. ת=400), for calendar dates written with them
    # ("א' אלול התש"פ": day 1, year 5780, `letter_year_base` 5000 added to a year below 1000)
    letter_numerals: dict[str, int] = field(default_factory=dict)
    clock_and: tuple[str, ...] = ()  # "و" in "ساعت ۶ و ۳۶ دقیقه و ۲۶ ثانیه": minutes and seconds as counted words
    first_weekday: int = 0  # the local week's first day (6: Sunday, ar): "this week" said then is the coming ISO week
    habitual: str = ""  # a regex of habitual cues ("평일", "daily"): a clock time alone in their sentence is XXXX-XX-XX
    # the Nth or last week of a month, by words before the month ("la última semana de", "the first week of")
    # or after it ("마지막 주"): word -> 1..5, -1 for the last; the ISO week of that Monday of the month
    month_weeks_before: dict[str, int] = field(default_factory=dict)
    month_weeks_after: dict[str, int] = field(default_factory=dict)
    # weekday names that are dates only alone in brackets after a day word ("היום (שני)": "second" elsewhere)
    bracket_weekdays: dict[str, int] = field(default_factory=dict)
    letter_year_base: int = 0  # after which two digits are a decade: "90-х годов", "90er Jahre"


def strip_accents(word: str) -> str:
    """'décembre' -> 'decembre': articles typed without accents still match."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def _has_cjk(word: str) -> bool:
    return languages.is_unspaced(word)


def _babel_months(lang: str) -> dict[str, int]:
    """Month names of every CLDR width/context; {} for a locale babel does not know."""
    try:
        from babel.dates import get_month_names  # lazy: CLDR data, read when a language's lexicon is first built

        forms: dict[str, int] = {}
        reference = list(get_month_names("wide", context="format", locale=lang).values())
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context=context, locale=lang).items():
                    forms.setdefault(str(name), int(number))
        for region in _regional_locales(lang):  # ar_MA "نونبر", ar_LB "أيار": the names each region's news uses
            for region_context in ("format", "stand-alone"):
                for number, name in get_month_names("wide", context=region_context, locale=region).items():
                    forms.setdefault(str(name), int(number))
    except Exception:  # unknown or malformed locale: this language simply has no CLDR names
        return {}
    # babel's alias resolution can leak another locale's (CJK) stand-alone names after zh was
    # loaded; keep only names in the script of the locale's own format names.
    if not any(_has_cjk(n) for n in reference):
        forms = {n: v for n, v in forms.items() if not _has_cjk(n)}
    return forms


def _regional_locales(lang: str) -> list[str]:
    """The CLDR locales of a language's regions and scripts (ar_MA, ar_LB, pt_PT...)."""
    from babel.localedata import locale_identifiers  # lazy: CLDR data, read when a lexicon is first built

    return sorted(i for i in locale_identifiers() if i.startswith(f"{lang}_"))


def _babel_weekdays(lang: str, widths: tuple[Any, ...] = ("wide",)) -> dict[str, int]:
    """Weekday names of the given CLDR widths (abbreviated ones only where a language writes them
    in running text: `dates.weekday_widths`, e.g. 周三 in Chinese)."""
    try:
        from babel.dates import get_day_names  # lazy: CLDR data, read when a language's lexicon is first built

        days: dict[str, int] = {}
        for width in widths:
            for context in ("format", "stand-alone"):
                for number, name in get_day_names(width, context=context, locale=lang).items():
                    days.setdefault(str(name), int(number))
    except Exception:
        return {}
    if not any(_has_cjk(n) for n in days) or languages.about(lang, "han_dates"):
        return days
    return {n: v for n, v in days.items() if not _has_cjk(n)}


def _with_variants(forms: dict[str, int]) -> dict[str, int]:
    """Lower-case forms plus accentless and dotless variants ('févr.' -> 'févr', 'fevr')."""
    out: dict[str, int] = {}
    for name, value in forms.items():
        low = name.strip().lower()
        if not low:
            continue
        # a zero-width non-joiner inside a name (Persian "سه‌شنبه") is often typed as a space or not at all
        joined = [low.replace("\u200c", " "), low.replace("\u200c", "")] if "\u200c" in low else []
        for variant in (low, low.rstrip("."), strip_accents(low), strip_accents(low).rstrip("."), *joined):
            if len(variant) >= 2 or _has_cjk(variant):
                out.setdefault(variant, value)
    return out


def _words(data: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(w).lower() for w in (data.get(key) or []))


def _mapping(data: dict[str, Any], key: str) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in (data.get(key) or {}).items()}


# CLDR unit keys -> the TIMEX3 unit each one means
_CLDR_UNITS = {"duration-year": "Y", "duration-month": "M", "duration-week": "W", "duration-day": "D",
               "duration-hour": "H", "duration-minute": "MIN", "duration-second": "S",
               "duration-decade": "DE", "duration-century": "CE", "duration-quarter": "Q"}


def _babel_units(lang: str) -> dict[str, str]:
    """Duration unit words of every plural form (CLDR long names): "лет", "дня", "Jahre", "个月"."""
    try:
        from babel import Locale  # lazy: CLDR data, read when a language's lexicon is first built

        patterns = Locale.parse(lang)._data["unit_patterns"]
    except Exception:  # unknown locale: no CLDR units
        return {}
    units: dict[str, str] = {}
    for key, unit in _CLDR_UNITS.items():
        try:
            forms = dict(patterns[key]["long"])
        except (KeyError, TypeError):
            continue
        for plural, pattern in forms.items():
            if plural == "per" or "{0}" not in str(pattern):
                continue
            word = str(pattern).replace("{0}", "").strip().lower()
            if word:
                units.setdefault(word, unit)
    return units


def _holidays(data: dict[str, Any]) -> dict[str, tuple[str, int, int]]:
    """`holidays: {name: "islamic-10-01"}`: feasts on a fixed day of some calendar (year from context)."""
    out: dict[str, tuple[str, int, int]] = {}
    for name, spec in (data.get("holidays") or {}).items():
        calendar, month, day = str(spec).rsplit("-", 2)
        out[str(name).lower()] = (calendar, int(month), int(day))
    return out


def _calendar_months(data: dict[str, Any]) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    letters = {str(k): str(v) for k, v in (data.get("letter_variants") or {}).items()}
    for calendar, months in (data.get("calendars") or {}).items():
        for name, number in (months or {}).items():
            for variant in (str(name).lower(), strip_accents(str(name).lower()), _swap_letters(str(name), letters)):
                out.setdefault(variant, (str(calendar), int(number)))
    return out


def _swap_letters(word: str, letters: dict[str, str]) -> str:
    """A name typed with the look-alike letters of a neighbouring script (`dates.letter_variants`)."""
    return "".join(letters.get(ch, ch) for ch in word.lower())


def _letter_variants(forms: dict[str, int], data: dict[str, Any]) -> dict[str, int]:
    letters = {str(k): str(v) for k, v in (data.get("letter_variants") or {}).items()}
    if not letters:
        return forms
    return {**forms, **{_swap_letters(n, letters): v for n, v in forms.items()}}


@cache
def lexicon(lang: str) -> Lexicon:
    """The date vocabulary of `lang` (any ISO 639-1 code; unknown codes give a numeric-only lexicon)."""
    data: dict[str, Any] = languages.section(lang, "dates") or {}
    months = _babel_months(lang)
    months.update({str(k): int(v) for k, v in (data.get("months") or {}).items()})
    weekdays = _babel_weekdays(lang, tuple(str(w) for w in data.get("weekday_widths") or ["wide"]))
    weekdays.update({str(k): int(v) for k, v in (data.get("weekdays") or {}).items()})
    weekday_parts = _weekday_compounds(weekdays, _mapping(data, "day_parts")) if data.get("compound_day_parts") else {}
    weekdays.update({word: weekdays[day] for word, (day, _) in weekday_parts.items()})
    return Lexicon(
        lang=lang,
        months=_letter_variants(_with_variants(months), data),
        weekdays=_letter_variants(_with_variants(weekdays), data),
        numeric_order=str(data.get("numeric_order", "dmy")),
        month_first=bool(data.get("month_first", False)),
        titlecase=bool(data.get("titlecase", False)),
        bare_months=bool(data.get("bare_months", False)),
        paired_months=bool(data.get("paired_months", False)),
        capitalized_nouns=bool(languages.about(lang, "capitalized_nouns", False)),
        han_dates=bool(languages.about(lang, "han_dates", False)),
        day_prefix=_words(data, "day_prefix"),
        day_suffix=_words(data, "day_suffix"),
        month_joiners=_words(data, "month_joiners"),
        year_joiners=_words(data, "year_joiners"),
        year_prefix=_words(data, "year_prefix"),
        year_suffix=_words(data, "year_suffix"),
        range_from=_words(data, "range_from"),
        range_to=_words(data, "range_to"),
        range_and=_words(data, "range_and"),
        month_prepositions=_words(data, "month_prepositions"),
        month_relative_before=_mapping(data, "month_relative_before"),
        month_relative_after=_mapping(data, "month_relative_after"),
        relative=_mapping(data, "relative"),
        target_before=_words(data, "target_before"),
        not_year_after=_words(data, "not_year_after"),
        parts_of_day=_words(data, "parts_of_day"),
        weekday_prepositions=_words(data, "weekday_prepositions"),
        units=_units(lang, data),
        numbers=_mapping(data, "numbers"),
        numerals={str(k): int(v) for k, v in (data.get("numerals") or {}).items()},
        duration_mods=_mapping(data, "duration_mods"),
        shift_after=_mapping(data, "shift_after"),
        shift_before=_mapping(data, "shift_before"),
        sets=_mapping(data, "sets"),
        set_prefix=_words(data, "set_prefix"),
        seasons=_mapping(data, "seasons"),
        day_parts=_mapping(data, "day_parts"),
        calendar_months=_calendar_months(data),
        calendar_year_suffix=_words(data, "calendar_year_suffix"),
        eras={str(k): int(v) for k, v in (data.get("eras") or {}).items()},
        first_year=_words(data, "first_year"),
        decade_suffix=_words(data, "decade_suffix"),
        time_prefix=_words(data, "time_prefix"),
        clock_prepositions=_words(data, "clock_prepositions"),
        clock_after={str(k).lower(): int(v) for k, v in (data.get("clock_after") or {}).items()},
        weekday_relative_after=_mapping(data, "weekday_relative_after"),
        quarters={k: v.upper() for k, v in _mapping(data, "quarters").items()},
        count_suffix=_words(data, "count_suffix"),
        calendar_month_prefix=_words(data, "calendar_month_prefix"),
        clock_before={str(k): int(v) for k, v in (data.get("clock_before") or {}).items()},
        day_alone=bool(data.get("day_alone", False)),
        time_units={str(k): tuple(str(w) for w in v) for k, v in (data.get("time_units") or {}).items()},
        particles=tuple(sorted(_words(data, "particles"), key=len, reverse=True)),
        suffixes_inside=bool(data.get("suffixes_inside", False)),
        month_nouns=_words(data, "month_nouns"),
        bracket_weekday_joins=bool(data.get("bracket_weekday_joins", False)),
        bare_day_month=bool(data.get("bare_day_month", False)),
        dotted_day_month=bool(data.get("dotted_day_month", False)),
        holidays=_holidays(data),
        relative_weekday_joins=bool(data.get("relative_weekday_joins", False)),
        counted_units={k: v.upper() for k, v in _mapping(data, "counted_units").items()},
        numeric_calendar=str(data.get("numeric_calendar", "")),
        calendar_year_prefix=_words(data, "calendar_year_prefix"),
        suffix_buffers=str(data.get("suffix_buffers", "")),
        vowels=str(data.get("vowels", "")),
        parts_alone={k: v.upper() for k, v in _mapping(data, "parts_alone").items()},
        day_part_joiners=_words(data, "day_part_joiners"),
        also_read=_words(data, "also_read"),
        month_start_words=_words(data, "month_start_words"),
        weekday_day_joiners=_words(data, "weekday_day_joiners"),
        tense_future=_cues(data, "tense_future"),
        tense_past=_cues(data, "tense_past"),
        half_after=_words(data, "half_after"),
        time_zones=tuple(str(z) for z in data.get("time_zones") or []),
        weekday_parts={word.lower(): part for word, (_, part) in weekday_parts.items()},
        prefixes=tuple(sorted(_words(data, "prefixes"), key=len, reverse=True)),
        list_and=_words(data, "list_and") or _words(data, "range_and"),
        bound_units={k: v.upper() for k, v in _mapping(data, "bound_units").items()},
        count_markers=_words(data, "count_markers"),
        age_before=_cues(data, "age_before"),
        age_after=_cues(data, "age_after"),
        period_mods_before={k: v.upper() for k, v in _mapping(data, "period_mods_before").items()},
        period_mods_after={k: v.upper() for k, v in _mapping(data, "period_mods_after").items()},
        day_relative_before=_mapping(data, "day_relative_before"),
        period_nouns=_mapping(data, "period_nouns"),
        compound_counts=_mapping(data, "compound_counts"),
        compound_units={k: v.upper() for k, v in _mapping(data, "compound_units").items()},
        compound_endings=str(data.get("compound_endings", "")),
        decade_prefix=_words(data, "decade_prefix"),
        decade_words={str(k).lower(): int(v) for k, v in (data.get("decade_words") or {}).items()},
        decade_names={str(k).lower(): int(v) for k, v in (data.get("decade_names") or {}).items()},
        decade_short_suffix=_words(data, "decade_short_suffix"),
        letter_numerals={str(k): int(v) for k, v in (data.get("letter_numerals") or {}).items()},
        letter_year_base=int(data.get("letter_year_base", 0)),
        comma_clock=bool(data.get("comma_clock", False)),
        clock_joiners=_words(data, "clock_joiners"),
        habitual=_cues(data, "habitual"),
        first_weekday=int(data.get("first_weekday", 0)),
        clock_and=_words(data, "clock_and"),
        month_weeks_before={str(k).lower(): int(v) for k, v in (data.get("month_weeks_before") or {}).items()},
        month_weeks_after={str(k).lower(): int(v) for k, v in (data.get("month_weeks_after") or {}).items()},
        bracket_weekdays={str(k).lower(): int(v) for k, v in (data.get("bracket_weekdays") or {}).items()},
    )


def _weekday_compounds(weekdays: dict[str, int], parts: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Weekday and part of day written as one word ("Mittwochmorgen", "Freitagnachmittag"): word ->
    (the weekday's name, the part's code), for languages that compound them (`dates.compound_day_parts`)."""
    return {f"{day}{part}": (day, code.upper()) for day in weekdays if day.isalpha() and len(day) > 3
            for part, code in parts.items() if part.isalpha()}


def _cues(data: dict[str, Any], key: str) -> str:
    """One alternation of the regexes listed under `key` ("" when the language lists none)."""
    return "|".join(f"(?:{cue})" for cue in data.get(key) or [])


def _units(lang: str, data: dict[str, Any]) -> dict[str, str]:
    """CLDR unit words, plus the data's own (`units`), minus what the language reads otherwise
    (`not_units`: "日" after a number is a day of the month in Japanese)."""
    units = _babel_units(lang)
    units.update(_mapping(data, "units"))
    for word in _words(data, "not_units"):
        units.pop(word, None)
    return {w: u.upper() for w, u in units.items()}
