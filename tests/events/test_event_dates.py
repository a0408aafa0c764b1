"""Which temporal expression dates an event (`events/dating.py`).

A reference without a day ("now", "in future": PRESENT_REF, FUTURE_REF) never dates an event, so a nearer
"今後" no longer hides "9日夜"; a date between a dropped one-party fragment ("during the visit") and the
meeting it introduces belongs to the meeting."""

from __future__ import annotations

from communique.document import Document, Timex
from communique.events.dating import _usable
from communique.options import Options
from communique.pipeline import process


def _events(text: str, lang: str, date: str | None) -> list[tuple[str, str | None, list[str]]]:
    doc = process(Document(id="t", raw_text=text, lang_hint=lang, date=date), Options(doc_date=date))
    return [(e.type, (e.date or {}).get("start"), sorted(a.name for a in e.actors)) for e in doc.events]


def test_a_reference_without_a_day_never_dates_an_event() -> None:
    for value in ("PRESENT_REF", "FUTURE_REF", "PAST_REF"):
        assert not _usable(Timex(start=0, end=2, text="x", type="DATE", value=value), "2014")
    assert _usable(Timex(start=0, end=2, text="x", type="DATE", value="2014-08-09TNI"), "2014")


def test_the_day_of_the_meeting_wins_over_a_nearer_future_reference() -> None:
    text = ("岸田外務大臣は9日夜、韓国の尹炳世外相と会談し、"
            "今後、外相レベルも含めて対話を継続することで一致しました。")
    events = _events(text, "ja", "2014-08-10")
    assert ("CONSULT", "2014-08-09", ["Fumio Kishida", "Yun Byung-se"]) in events


def test_a_date_after_a_dropped_fragment_dates_the_meeting_it_introduces() -> None:
    text = ("在应俄罗斯外长拉夫罗夫邀请进行正式访问期间,9月27日,"
            "越南外交部部长裴青山会见了俄罗斯联邦委员会副主席科萨切夫。")
    events = _events(text, "zh", None)
    consult = [e for e in events if e[0] == "CONSULT" and "Bùi Thanh Sơn" in e[2]]
    assert consult and consult[0][1] == "--09-27"


def test_a_past_date_does_not_run_on_into_the_next_paragraph() -> None:
    text = ("Foreign Minister Sergey Lavrov met Wang Yi in Beijing on Thursday.\n\n"
            "The new stage began in April 2022, when Vladimir Putin met Xi Jinping.\n\n"
            "Lavrov also held talks with Vice President Han Zheng.")
    events = _events(text, "en", "2024-05-03")
    dates = {tuple(actors): start for _, start, actors in events}
    assert dates[("Sergey Lavrov", "Wang Yi")] == "2024-05-02"
    assert dates[("Vladimir Putin", "Xi Jinping")] == "2022-04"
    # the news date of the first paragraph, not the past one of the second
    assert dates[("Han Zheng", "Sergey Lavrov")] == "2024-05-02"
