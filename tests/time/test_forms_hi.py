"""Exact TIMEX3 values of the Hindi forms added to `dates` in lang/hi/data.yaml: fixed-date national,
international and state days, formal parts of day (प्रातः, सवेरे, सायं), the postposition and the
approximators between a day and its clock time, amounts that are no clock time, month-first bylines."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-12"  # a Sunday


def _timexes(text: str, dct: str | None = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="hi")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("name", "value"), [
    ("गणतंत्र दिवस", "2024-01-26"),
    ("स्वतंत्रता दिवस", "2024-08-15"),
    ("गांधी जयंती", "2023-10-02"),
    ("बाल दिवस", "2023-11-14"),
    ("शिक्षक दिवस", "2024-09-05"),
    ("हिंदी दिवस", "2023-09-14"),
    ("विश्व हिंदी दिवस", "2024-01-10"),  # not the "हिंदी दिवस" of September
    ("अंतरराष्ट्रीय महिला दिवस", "2024-03-08"),
    ("महिला दिवस", "2024-03-08"),
    ("अंतरराष्ट्रीय योग दिवस", "2024-06-21"),
    ("योग दिवस", "2024-06-21"),
    ("मजदूर दिवस", "2024-05-01"),
    ("विश्व पर्यावरण दिवस", "2024-06-05"),
    ("सेना दिवस", "2024-01-15"),
    ("क्रिसमस", "2023-12-25"),
    ("अंबेडकर जयंती", "2024-04-14"),
    ("हिमाचल दिवस", "2024-04-15"),
    ("महाराष्ट्र दिवस", "2024-05-01"),
    ("गुजरात दिवस", "2024-05-01"),
    ("राजस्थान दिवस", "2024-03-30"),
    ("बिहार दिवस", "2024-03-22"),
    ("उत्तर प्रदेश दिवस", "2024-01-24"),
    ("झारखंड स्थापना दिवस", "2023-11-15"),
    ("उत्तराखंड स्थापना दिवस", "2023-11-09"),
    ("छत्तीसगढ़ स्थापना दिवस", "2023-11-01"),
    ("मध्य प्रदेश स्थापना दिवस", "2023-11-01"),
    ("हरियाणा दिवस", "2023-11-01"),
])
def test_fixed_date_days(name: str, value: str) -> None:
    assert _timexes(f"{name} पर कार्यक्रम हुआ।") == [(name, "DATE", value)]


def test_fixed_date_day_with_year() -> None:
    assert _timexes("स्वतंत्रता दिवस 2020 पर भाषण") == [("स्वतंत्रता दिवस 2020", "DATE", "2020-08-15")]


@pytest.mark.parametrize(("text", "expected"), [
    # formal words for parts of day: a clock time after them, a part qualifying a day
    ("मंत्री 3 मई को प्रातः 10 बजे पहुंचेंगे।", [("3 मई को प्रातः 10 बजे", "TIME", "2024-05-03T10:00")]),
    ("शनिवार को प्रातः बारिश हुई।", [("शनिवार को प्रातः", "DATE", "2024-05-11TMO")]),
    ("शुक्रवार सवेरे बारिश हुई।", [("शुक्रवार सवेरे", "DATE", "2024-05-10TMO")]),
    ("सभा सायं 4 बजे होगी।", [("सायं 4 बजे", "TIME", "2024-05-12T16:00")]),
    ("शुक्रवार सायं को बारिश हुई।", [("शुक्रवार सायं", "DATE", "2024-05-10TEV")]),
])
def test_parts_of_day(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "को" after the day, "about" before the clock: the day and its clock time are one TIME
    ("बैठक 20 मई को शाम 5 बजे होगी।", [("20 मई को शाम 5 बजे", "TIME", "2024-05-20T17:00")]),
    ("वे 20 मई को सुबह करीब 8:30 पहुंचेंगे।", [("20 मई को सुबह करीब 8:30", "TIME", "2024-05-20T08:30")]),
    ("वे 20 मई को सुबह क़रीब 8:30 पहुंचेंगे।", [("20 मई को सुबह क़रीब 8:30", "TIME", "2024-05-20T08:30")]),
    ("वे 20 मई को सुबह लगभग 8:30 पहुंचेंगे।", [("20 मई को सुबह लगभग 8:30", "TIME", "2024-05-20T08:30")]),
    ("वे 20 मई को सुबह तकरीबन 8:30 पहुंचेंगे।", [("20 मई को सुबह तकरीबन 8:30", "TIME", "2024-05-20T08:30")]),
])
def test_day_and_clock_time(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize("text", [
    "किसानों को 12.40 लाख रुपये दिए गए।",
    "बैंक को 10.30 करोड़ का नुकसान हुआ।",
    "किसानों को 10.50 रुपये मिले।",
    "किसानों को 10.50 रुपए मिले।",
    "कंपनी को 12.30 प्रतिशत का लाभ हुआ।",
    "कंपनी को 12.30 फीसदी का लाभ हुआ।",
    "निवेशकों को 10.45 डॉलर मिले।",
    "सड़क को 10.45 किलोमीटर बढ़ाया गया।",
    "सड़क को 10.45 किमी बढ़ाया गया।",
    "सड़क को 10.45 मीटर बढ़ाया गया।",
    "गोदाम को 10.45 टन अनाज मिला।",
    "गोदाम को 10.45 किलो अनाज मिला।",
    "सूचकांक को 10.45 अंक का नुकसान हुआ।",
    "शिविर को 10.45 लोग पहुंचे।",
    "मरीजों को 10.45 लोगों ने देखा।",
])
def test_amounts_are_no_clock_time(text: str) -> None:
    assert _timexes(text) == []


def test_month_first_byline() -> None:
    assert _timexes("अपडेटेड: मार्च 5, 2023") == [("मार्च 5, 2023", "DATE", "2023-03-05")]
