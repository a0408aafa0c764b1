"""Indonesian persons from the trained tagger (perceptron, data/ner/id.npz; training/ner/README.md)."""

from __future__ import annotations

import pytest

from communique.actors.ner import entities


def persons(text: str) -> list[tuple[str, int, int]]:
    return [(text[s.start : s.end], s.start, s.end) for s in entities(text, "id") if s.kind == "person"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri Malaysia Saifuddin Abdullah "
     "di Jakarta pada hari Senin.",
     [("Retno Marsudi", 20, 33), ("Saifuddin Abdullah", 78, 96)]),
    ("Wakil Ketua DPR Aziz Syamsuddin menyatakan bahwa rapat kerja dengan Kementerian Pertahanan ditunda "
     "hingga pekan depan.",
     [("Aziz Syamsuddin", 16, 31)]),
    # one-word names are common in Indonesian: the id data keeps them (min_person_words: 1)
    ("Jokowi mengatakan pemerintah akan membangun jembatan baru di Kalimantan Timur tahun depan.",
     [("Jokowi", 0, 6)]),
])
def test_indonesian_persons_with_offsets(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert persons(text) == expected


def test_titles_and_common_nouns_are_no_person() -> None:
    text = "Harga beras di pasar tradisional naik karena musim kemarau yang panjang, kata para pedagang."
    assert entities(text, "id") == []
    text = "Presiden dan Menteri Luar Negeri membahas kerja sama ekonomi dengan para duta besar."
    assert persons(text) == []
