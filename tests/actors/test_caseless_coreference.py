"""A surname alone after a KB person's full name, in scripts without capitals (resolve._coreferent_names,
resolve._transcribed_surnames), and a model's name that starts inside a spaced word (ner.drafts._from_word_start)."""

from __future__ import annotations

import pytest

from conftest import run_actors

PEZESHKIAN = "local:masoud-pezeshkian.ir"

# (language, text: the full name, then the surname alone in the next sentence; that surname)
TEXTS = [
    ("fa", "مسعود پزشکیان رئیس جمهور ایران روز دوشنبه وارد مسکو شد. پزشکیان با پوتین دیدار کرد.", "پزشکیان"),
    ("ar", "وصل الرئيس الإيراني مسعود بزشكيان إلى موسكو. والتقى بزشكيان بوتين في الكرملين.", "بزشكيان"),
    ("zh", "伊朗总统马苏德·佩泽希齐扬抵达莫斯科。佩泽希齐扬在克里姆林宫会见了普京。", "佩泽希齐扬"),
    ("ko", "이란의 마수드 페제시키안 대통령이 모스크바에 도착했다. 페제시키안 대통령은 푸틴과 회담했다.", "페제시키안"),
]


@pytest.mark.parametrize(("lang", "text", "surname"), TEXTS)
def test_a_surname_after_the_full_name_is_the_same_person(lang: str, text: str, surname: str) -> None:
    doc = run_actors(text, lang, doc_date="2025-01-17")
    later = text.index(surname, text.index(".") if "." in text else text.index("。"))
    found = [(m.start, m.end, m.entity_id) for m in doc.mentions if m.kind == "person"]
    assert (later, later + len(surname), PEZESHKIAN) in found
    # the full name is the same person (Korean: found by the model, linked across scripts)
    assert sum(1 for _, _, entity_id in found if entity_id == PEZESHKIAN) >= 2


def test_a_models_name_starts_at_a_word_not_at_a_particle() -> None:
    text = "이란의 마수드 페제시키안 대통령이 모스크바에 도착했다."
    doc = run_actors(text, "ko", doc_date="2025-01-17")
    person = next(m for m in doc.mentions if m.kind == "person")
    assert (person.text, person.start, person.entity_id) == ("마수드 페제시키안", text.index("마수드"), PEZESHKIAN)


def test_a_title_is_no_antecedent_of_a_word_without_capitals() -> None:
    # "وزير الخارجية الإيراني" (Iran's foreign minister) found by its title: its words later in the text
    # ("الخارجية", foreign) are no mention of him
    text = "التقى وزير الخارجية الإيراني نظيره الروسي. وقالت وزارة الخارجية إن المحادثات كانت مثمرة."
    doc = run_actors(text, "ar", doc_date="2025-01-17")
    second = text.index("الخارجية", text.index("."))
    assert all(not (m.kind == "person" and m.start == second) for m in doc.mentions)
