"""Exact TIMEX3 values of the Korean time vocabulary in `lang/ko/data.yaml` (`dates`): relative day,
week, month and year words, native day counts, native numerals, clock and day-part words, sets,
fixed-date holidays and the copula "임" after a date word. Sentences written for these tests."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-15"  # a Wednesday


def _timexes(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="ko")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # relative days, weeks, months and years
    ("그저께 발표했다.", [("그저께", "DATE", "2024-05-13")]),
    ("그제 귀국했다.", [("그제", "DATE", "2024-05-13")]),
    ("모레 출국한다.", [("모레", "DATE", "2024-05-17")]),
    ("어젯밤 화재가 났다.", [("어젯밤", "DATE", "2024-05-14TNI")]),
    ("지난밤 폭우가 내렸다.", [("지난밤", "DATE", "2024-05-14TNI")]),
    ("간밤 눈이 왔다.", [("간밤", "DATE", "2024-05-14TNI")]),
    ("오늘밤 비가 그친다.", [("오늘밤", "DATE", "2024-05-15TNI")]),
    ("이달 중 공개한다.", [("이달", "DATE", "2024-05")]),
    ("이번 달 안에 끝난다.", [("이번 달", "DATE", "2024-05")]),
    ("지난 달 물가가 올랐다.", [("지난 달", "DATE", "2024-04")]),
    ("다음달 개장한다.", [("다음달", "DATE", "2024-06")]),
    ("지난 주 회의가 열렸다.", [("지난 주", "DATE", "2024-W19")]),
    ("이번주 결정한다.", [("이번주", "DATE", "2024-W20")]),
    ("지난 주말 집회가 열렸다.", [("지난 주말", "DATE", "2024-W19-WE")]),
    ("지난주말 경기가 있었다.", [("지난주말", "DATE", "2024-W19-WE")]),
    ("다음 주말 개봉한다.", [("다음 주말", "DATE", "2024-W21-WE")]),
    ("다음주말 공연한다.", [("다음주말", "DATE", "2024-W21-WE")]),
    ("이번주말 비가 온다.", [("이번주말", "DATE", "2024-W20-WE")]),
    ("재작년 문을 열었다.", [("재작년", "DATE", "2022")]),
    ("내후년 완공된다.", [("내후년", "DATE", "2026")]),
    ("금년 예산이 늘었다.", [("금년", "DATE", "2024")]),
    ("연초 계획을 세웠다.", [("연초", "DATE", "2024")]),
    ("연말 인사가 있다.", [("연말", "DATE", "2024")]),
    ("지금은 괜찮다.", [("지금", "DATE", "PRESENT_REF")]),
    ("요즘 날씨가 덥다.", [("요즘", "DATE", "PRESENT_REF")]),
    # narrative days, from the last date the text stated
    ("10일 개막했고 이튿날 폐막했다.", [("10일", "DATE", "2024-05-10"), ("이튿날", "DATE", "2024-05-11")]),
    ("10일 도착했고 다음 날 떠났다.", [("10일", "DATE", "2024-05-10"), ("다음 날", "DATE", "2024-05-11")]),
    ("10일 사고가 났다. 그날 비가 왔다.", [("10일", "DATE", "2024-05-10"), ("그날", "DATE", "2024-05-10")]),
    # "이번" before a weekday or a season
    ("이번 금요일 발표한다.", [("이번 금요일", "DATE", "2024-05-17")]),
    ("이번 겨울 춥겠다.", [("이번 겨울", "DATE", "2024-WI")]),
])
def test_relative_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # native day counts
    ("나흘간 열린다.", [("나흘간", "DURATION", "P4D")]),
    ("닷새 동안 머문다.", [("닷새", "DURATION", "P5D")]),
    ("닷새간 쉰다.", [("닷새간", "DURATION", "P5D")]),
    ("엿새 만에 돌아왔다.", [("엿새", "DURATION", "P6D")]),
    ("열흘 동안 비가 왔다.", [("열흘", "DURATION", "P10D")]),
    ("열흘간 공사한다.", [("열흘간", "DURATION", "P10D")]),
    ("보름 만에 퇴원했다.", [("보름", "DURATION", "P15D")]),
    ("보름간 여행한다.", [("보름간", "DURATION", "P15D")]),
    ("일주일 동안 쉰다.", [("일주일", "DURATION", "P1W")]),
    ("일주일간 전시한다.", [("일주일간", "DURATION", "P1W")]),
    ("반년 만에 재개했다.", [("반년", "DURATION", "P6M")]),
    # native numerals and the month counter 달
    ("한 달 동안 준비했다.", [("한 달", "DURATION", "P1M")]),
    ("석 달이 아닌 다섯 달 걸렸다.", [("다섯 달", "DURATION", "P5M")]),
    ("여섯 시간 회의했다.", [("여섯 시간", "DURATION", "PT6H")]),
    ("일곱 시간 걸렸다.", [("일곱 시간", "DURATION", "PT7H")]),
    ("여덟 달 동안 일했다.", [("여덟 달", "DURATION", "P8M")]),
    ("아홉 시간 비행했다.", [("아홉 시간", "DURATION", "PT9H")]),
    ("열 시간 넘게 걸렸다.", [("열 시간", "DURATION", "PT10H")]),
    ("두 달간 조사했다.", [("두 달간", "DURATION", "P2M")]),
    ("여러 시간 기다렸다.", [("여러 시간", "DURATION", "PTXH")]),
    ("수십 년 동안 살았다.", [("수십 년", "DURATION", "PXY")]),
    ("수백 년 된 나무다.", [("수백 년", "DURATION", "PXY")]),
    # "about"
    ("약 3시간 동안 회의했다.", [("약 3시간", "DURATION", "PT3H")]),
    ("대략 두 달 걸린다.", [("대략 두 달", "DURATION", "P2M")]),
    # "뒤" (later) after a count
    ("이틀 뒤 발표한다.", [("이틀 뒤", "DATE", "2024-05-17")]),
    ("5년 뒤 완공된다.", [("5년 뒤", "DATE", "2029")]),
])
def test_durations(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # parts of day and clock words
    ("정오에 발표한다.", [("정오", "DATE", "2024-05-15T12:00")]),
    ("14일 정오 개막한다.", [("14일 정오", "DATE", "2024-05-14T12:00")]),
    ("14일 한밤중 불이 났다.", [("14일 한밤중", "DATE", "2024-05-14TNI")]),
    ("초저녁 비가 그쳤다.", [("초저녁", "DATE", "2024-05-15TEV")]),
    ("낮 2시에 시작한다.", [("낮 2시", "TIME", "2024-05-15T14:00")]),
    # sets
    ("해마다 열린다.", [("해마다", "SET", "P1Y")]),
    ("매해 늘고 있다.", [("매해", "SET", "P1Y")]),
    ("날마다 운동한다.", [("날마다", "SET", "P1D")]),
    ("매시간 발표한다.", [("매시간", "SET", "PT1H")]),
    ("격주 발행된다.", [("격주", "SET", "P2W")]),
    ("격년 개최된다.", [("격년", "SET", "P2Y")]),
    # holidays on fixed dates
    ("크리스마스 행사", [("크리스마스", "DATE", "2023-12-25")]),  # yearless, seven months ahead: last year's
    ("어린이날 행사", [("어린이날", "DATE", "2024-05-05")]),
    ("개천절 연휴", [("개천절", "DATE", "2023-10-03")]),
    ("제헌절 기념식", [("제헌절", "DATE", "2024-07-17")]),
    ("근로자의 날 휴무", [("근로자의 날", "DATE", "2024-05-01")]),
    ("노동절 집회", [("노동절", "DATE", "2024-05-01")]),
    ("식목일 행사", [("식목일", "DATE", "2024-04-05")]),
    ("어버이날 선물", [("어버이날", "DATE", "2024-05-08")]),
    ("국군의 날 행사", [("국군의 날", "DATE", "2023-10-01")]),
    ("만우절 장난", [("만우절", "DATE", "2024-04-01")]),
    # the copula "임" after a date word is outside the span
    ("주말임에도 붐볐다.", [("주말", "DATE", "2024-W20-WE")]),
])
def test_day_parts_sets_holidays(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected
