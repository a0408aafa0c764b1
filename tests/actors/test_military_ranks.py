"""A military rank between a title and a name ("his counterpart Colonel General Phan Van Giang") is skipped like
"Mr": the name is the person, the rank is nobody (`honorifics` in each language's titles data)."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.pipeline import process


def _people(text: str, lang: str) -> list[tuple[str, str]]:
    doc = process(Document(id="t", raw_text=text, lang_hint=lang, date="2021-06-11"), Options(doc_date="2021-06-11"),
                  until="actors")
    return [(m.text, m.name) for m in doc.mentions if m.kind == "person"]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Russian Defense Minister Sergei Shoigu held talks with his Vietnamese counterpart Colonel General Phan Van "
           "Giang in Moscow.", [("Sergei Shoigu", "Sergei Shoigu"), ("Phan Van Giang", "Phan Văn Giang")]),
    ("vi", "Bộ trưởng Quốc phòng Đại tướng Phan Văn Giang hội đàm với Bộ trưởng Quốc phòng Nga Sergei Shoigu.",
     [("Phan Văn Giang", "Phan Văn Giang"), ("Sergei Shoigu", "Sergei Shoigu")]),
])
def test_a_rank_after_a_title_is_no_person(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _people(text, lang) == expected


def test_the_longest_rank_is_skipped_whole() -> None:
    from communique.actors.titles import lexicon

    honorifics = lexicon("en").honorifics
    assert honorifics is not None
    found = honorifics.match("Colonel General Phan Van Giang")
    assert found is not None and found.group() == "Colonel General"
