"""Exact TIMEX3 values of the Vietnamese time words added to `vi` data: "cách đây" (ago), "mỗi" (every),
"tới đây"/"sắp tới" after a month (the coming one), and vague present/past/future references."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-12"  # a Sunday


def _timexes(text: str, dct: str | None = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="vi")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # shift_before "cách đây" (ago): a count gives a date, a vague count a past reference
    ("Cách đây 2 năm, nhà máy đóng cửa.", [("Cách đây 2 năm", "DATE", "2022")]),
    ("Cách đây vài tháng, ông đã nghỉ hưu.", [("Cách đây vài tháng", "DATE", "PAST_REF")]),
    # set_prefix "mỗi" (every); "tháng hai" after it is a count of times, not February
    ("Giá điện tăng mỗi năm.", [("mỗi năm", "SET", "P1Y")]),
    ("Họ gặp nhau mỗi tháng hai lần.", [("mỗi tháng", "SET", "P1M")]),
    # month_relative_after "tới đây", "sắp tới": the coming month of that name
    ("Hội nghị sẽ họp vào tháng 9 tới đây.", [("tháng 9 tới đây", "DATE", "2024-09")]),
    ("Bầu cử diễn ra vào tháng 11 sắp tới.", [("tháng 11 sắp tới", "DATE", "2024-11")]),
    # bare "tới" stays the "to" of a range
    ("Lớp học kéo dài từ tháng 3 tới tháng 5.", [("tháng 3", "DATE", "2024-03"), ("tháng 5", "DATE", "2024-05")]),
    # relative references without a date
    ("Trước đây, khu vực này là ruộng lúa.", [("Trước đây", "DATE", "PAST_REF")]),
    ("Giá xăng sẽ giảm trong thời gian tới.", [("thời gian tới", "DATE", "FUTURE_REF")]),
    ("Trong thời gian sắp tới, công ty sẽ mở rộng.", [("thời gian sắp tới", "DATE", "FUTURE_REF")]),
    ("Cho đến nay, chưa ai bị thương.", [("Cho đến nay", "DATE", "PRESENT_REF")]),
    ("Cho tới nay, dự án vẫn chậm.", [("Cho tới nay", "DATE", "PRESENT_REF")]),
    ("Những năm qua, thành phố thay đổi nhiều.", [("Những năm qua", "DURATION", "PXY")]),
])
def test_vi_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected
