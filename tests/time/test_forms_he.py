"""Exact TIMEX3 values of the Hebrew time vocabulary added to `lang/he/data.yaml` (`dates:`): relative
days and parts of day, "last/next" after a week, month, year and weekday, fused clitics (ב, ל, מ, ו, ש)
outside the span, clock times after "שעה", "ago"/"in" shifts, the dual units, vague counts, sets,
quarters, present/past/future references, tense cues for a weekday alone, Gregorian holidays."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2025-11-16"  # a Sunday


def _timexes(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="he")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # relative days and parts of the day
    ("השר נפגש אתמול עם עמיתו.", ("אתמול", "DATE", "2025-11-15")),
    ("השר ייפגש מחר עם עמיתו.", ("מחר", "DATE", "2025-11-17")),
    ("השר נפגש שלשום עם עמיתו.", ("שלשום", "DATE", "2025-11-14")),
    ("השר ייפגש מחרתיים עם עמיתו.", ("מחרתיים", "DATE", "2025-11-18")),
    ("ראש הממשלה נאם אמש בכנסת.", ("אמש", "DATE", "2025-11-15TEV")),
    ("השר נאם הבוקר בכנסת.", ("הבוקר", "DATE", "2025-11-16TMO")),
    ("השר ינאם הערב בכנסת.", ("הערב", "DATE", "2025-11-16TEV")),
    ("השר ייפגש מחר בבוקר עם עמיתו.", ("מחר בבוקר", "DATE", "2025-11-17TMO")),
    ("השר נפגש אתמול אחר הצהריים עם עמיתו.", ("אתמול אחר הצהריים", "DATE", "2025-11-15TAF")),
    ("הגשם ייפסק בשעות הערב.", ("שעות הערב", "DATE", "2025-11-16TEV")),
    # week, month, year with "last/next" after them; the clitic ב outside
    ("השר ביקר בשבוע שעבר בפריז.", ("שבוע שעבר", "DATE", "2025-W45")),
    ("השר יבקר בשבוע הבא בפריז.", ("שבוע הבא", "DATE", "2025-W47")),
    ("השר ביקר בחודש שעבר בפריז.", ("חודש שעבר", "DATE", "2025-10")),
    ("השר ביקר בשנה שעברה בפריז.", ("שנה שעברה", "DATE", "2024")),
    ("השר יבקר בשנה הבאה בפריז.", ("שנה הבאה", "DATE", "2026")),
    ("השר ביקר אשתקד בפריז.", ("אשתקד", "DATE", "2024")),
    ("ההצבעה תתקיים בסוף החודש.", ("סוף החודש", "DATE", "2025-11")),
    # weekdays and months with "next/last" after them
    ("השר ייפגש ביום רביעי הבא עם עמיתו.", ("יום רביעי הבא", "DATE", "2025-11-19")),
    ("השר נפגש ביום חמישי שעבר עם עמיתו.", ("יום חמישי שעבר", "DATE", "2025-11-13")),
    ("השר נפגש ביולי האחרון עם עמיתו.", ("יולי האחרון", "DATE", "2025-07")),
    ("השר ייפגש בינואר הקרוב עם עמיתו.", ("ינואר הקרוב", "DATE", "2026-01")),
    ("השר מכהן בתפקיד מאז ינואר.", ("ינואר", "DATE", "2025-01")),
    # a weekday alone: the tense of its sentence decides; "שבת" alone is Saturday
    ("השר ייפגש ביום חמישי עם עמיתו.", ("יום חמישי", "DATE", "2025-11-20")),
    ("השר נפגש ביום חמישי עם עמיתו.", ("יום חמישי", "DATE", "2025-11-13")),
    ("השר חזר בשבת.", ("שבת", "DATE", "2025-11-15")),
    # full dates (the clitic written with a maqaf), years and clock times with their head nouns
    ("ההסכם נחתם ב־26 באוקטובר 2022.", ("26 באוקטובר 2022", "DATE", "2022-10-26")),
    ("ההחלטה התקבלה בשנת 2022.", ("שנת 2022", "DATE", "2022")),
    ("הכנסת תתכנס בשעה 11:00.", ("שעה 11:00", "TIME", "2025-11-16T11:00")),
    ("הכנסת תתכנס בשעה 8 בערב.", ("שעה 8 בערב", "TIME", "2025-11-16T20:00")),
    # "ago" and "in" shifts, with numbers, number words and dual units
    ("הוא ביקר בארה\"ב לפני שלוש שנים.", ("לפני שלוש שנים", "DATE", "2022")),
    ("הוא ביקר בארה\"ב לפני שבוע.", ("לפני שבוע", "DATE", "2025-11-09")),
    ("הוא יבקר בעוד שבועיים.", ("בעוד שבועיים", "DATE", "2025-11-30")),
    ("הוא יבקר בעוד 4 ימים.", ("בעוד 4 ימים", "DATE", "2025-11-20")),
    # durations: the dual, half a year, a modifier, a vague count
    ("הביקור יימשך יומיים.", ("יומיים", "DURATION", "P2D")),
    ("הביקור יימשך חצי שנה.", ("חצי שנה", "DURATION", "P6M")),
    ("הידידות נמשכת מעל מאה שנה.", ("מעל מאה שנה", "DURATION", "P100Y")),
    ("המשטרה פינתה את הכביש בתוך דקות ספורות.", ("דקות ספורות", "DURATION", "PTXM")),
    # sets
    ("הם נפגשים מדי שנה.", ("מדי שנה", "SET", "P1Y")),
    ("הם נפגשים פעם בשבוע.", ("פעם בשבוע", "SET", "P1W")),
    ("הם נפגשים כל יום שני.", ("כל יום שני", "SET", "XXXX-WXX-1")),
    # quarters with a year joined by "של"
    ("הצמיחה ברבעון השלישי של 2025 הייתה נמוכה.", ("רבעון השלישי של 2025", "DATE", "2025-Q3")),
    # present, past and future references
    ("השר עוסק כעת בנושא.", ("כעת", "DATE", "PRESENT_REF")),
    ("השר ייפגש בקרוב עם עמיתו.", ("בקרוב", "DATE", "FUTURE_REF")),
    ("השר נפגש לאחרונה עם עמיתו.", ("לאחרונה", "DATE", "PAST_REF")),
    ("השר ייפגש בימים הקרובים עם עמיתו.", ("ימים הקרובים", "DATE", "FUTURE_REF")),
    # a Gregorian holiday
    ("החגיגות יתקיימו בחג המולד.", ("חג המולד", "DATE", "2025-12-25")),
])
def test_one_each(text: str, expected: tuple[str, str, str]) -> None:
    assert _timexes(text) == [expected]


def test_day_after_a_mentioned_date() -> None:
    text = "השר נפגש עם עמיתו ביום שני, 10 בנובמבר. למחרת הוא חזר."
    assert _timexes(text) == [("יום שני, 10 בנובמבר", "DATE", "2025-11-10"), ("למחרת", "DATE", "2025-11-11")]


def test_no_date_in_plain_words() -> None:
    # "שני" (two), "ערב" alone, "מרץ" (vigour) without a preposition are no dates
    assert _timexes("שני המנהיגים עבדו במרץ רב.") == []


def test_a_clitic_written_with_a_hyphen_before_digits_is_outside_the_span() -> None:
    # grammar._hyphened_clitics: "ב-2026", "ב-1 בינואר 2020", "ב-12.3.2024" (the usual spelling before digits)
    assert _timexes("הפגישה התקיימה ב-1 בינואר 2020 בירושלים.") == [("1 בינואר 2020", "DATE", "2020-01-01")]
    assert _timexes("הוא נבחר ב-2026 לתפקיד.") == [("2026", "DATE", "2026")]
    assert _timexes("החוק נכנס לתוקף ב-12.3.2024.") == [("12.3.2024", "DATE", "2024-03-12")]
