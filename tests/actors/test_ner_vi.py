"""Vietnamese persons from the shipped tagger (perceptron, data/ner/vi.npz, trained on VLSP 2018 train and VLSP
2016 dev): exact names and offsets in news sentences written for this test, a given name alone after its
honorific, and no person in a sentence that opens with a capitalised common noun."""

from __future__ import annotations

import pytest

from communique.actors import ner
from communique.actors.ner import entities
from communique.actors.ner.perceptron_ner import TOKEN_RE, headline


def persons(text: str) -> list[tuple[str, int, int]]:
    return [(text[s.start : s.end], s.start, s.end) for s in entities(text, "vi") if s.kind == "person"]


def test_vietnamese_backend_is_the_trained_tagger() -> None:
    cfg = ner.config("vi")
    assert cfg is not None and cfg.backend == "perceptron" and ("model", "vi") in cfg.options


@pytest.mark.parametrize(("text", "found"), [
    ("Chiều qua, ông Nguyễn Văn Bình đã gặp bà Trần Thị Mai tại Đà Nẵng.",
     [("Nguyễn Văn Bình", 15, 30), ("Trần Thị Mai", 41, 53)]),
    ("Thủ tướng Phạm Minh Chính tiếp đoàn tại Hà Nội.", [("Phạm Minh Chính", 10, 25)]),
    ("Theo anh Hùng, giá lúa năm nay tăng mạnh.", [("Hùng", 9, 13)]),
])
def test_persons_with_their_offsets(text: str, found: list[tuple[str, int, int]]) -> None:
    assert persons(text) == found


def test_a_capitalised_common_noun_is_no_person() -> None:
    assert persons("Hội nghị đã thông qua nghị quyết về phát triển kinh tế.") == []


def test_a_sentence_with_two_names_is_no_headline_but_a_title_case_line_is() -> None:
    words = TOKEN_RE.findall("Chiều qua, ông Nguyễn Văn Bình đã gặp bà Trần Thị Mai tại Đà Nẵng.")
    assert headline(words) and not headline(words, 2)  # four-letter words: mostly the names' syllables
    assert headline(TOKEN_RE.findall("Cuộc Họp Báo Của Bộ Ngoại Giao Chiều Nay"), 2)
