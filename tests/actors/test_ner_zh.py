"""Chinese persons from the shipped backend (jieba part-of-speech tags, src/communique/lang/zh/data.yaml):
exact names and offsets in news sentences written for this test, and no person from common nouns."""

from __future__ import annotations

import pytest

from communique.actors.ner import entities

pytest.importorskip("jieba")


def persons(text: str) -> list[tuple[int, int, str, str | None]]:
    return [(s.start, s.end, text[s.start : s.end], s.name) for s in entities(text, "zh") if s.kind == "person"]


@pytest.mark.parametrize(("text", "expected"), [
    ("外交部长王毅表示，中方愿同美方加强沟通。", [(4, 6, "王毅", "Wang Yi")]),
    ("记者王小明从上海报道，双方代表团将于下周举行第二轮会谈。", [(2, 5, "王小明", "Wang Xiaoming")]),
    ("俄罗斯外长拉夫罗夫与伊朗外长举行会谈。", [(5, 9, "拉夫罗夫", None)]),
])
def test_persons_with_offsets_and_pinyin(text: str, expected: list[tuple[int, int, str, str | None]]) -> None:
    assert persons(text) == expected


def test_common_nouns_are_no_person() -> None:
    assert persons("市民和学生在广场上参加活动，政府官员发表了讲话。") == []
