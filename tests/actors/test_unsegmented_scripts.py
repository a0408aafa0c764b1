"""Thai, Lao, Khmer and Myanmar write words without spaces: names are found inside runs of letters, and a tone
mark keeps its meaning (it is no accent to fold away)."""

from __future__ import annotations

import babel
import pytest

from communique.actors.gazetteer import TOKEN_RE
from communique.document import Document
from communique.options import Options
from communique.pipeline import process


def _mentions(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    doc = process(Document(id=lang, raw_text=text, lang_hint=lang), Options(), until="actors")
    return [(m.text, m.kind, m.name) for m in doc.mentions]


def test_a_letter_with_its_marks_is_one_word() -> None:
    assert [m.group() for m in TOKEN_RE.finditer("ว่าจะ Putin 习近")] == ["ว่", "า", "จ", "ะ", "Putin", "习", "近"]


def test_a_thai_name_joined_to_its_title_and_a_country_joined_to_its_preposition() -> None:
    text = "นายกรัฐมนตรีเศรษฐา ทวีสิน พบกับประธานาธิบดีของอินโดนีเซีย ที่กรุงจาการ์ตา"
    assert _mentions(text, "th") == [("เศรษฐา ทวีสิน", "person", "Srettha Thavisin"),
                                     ("อินโดนีเซีย", "country", "Indonesia"), ("จาการ์ตา", "location", "Jakarta")]


def test_a_tone_mark_makes_another_word() -> None:
    # "ช่วงเวลาว่าจะ" (the time when): ลา + ว่ is not ลาว (Laos)
    assert _mentions("ต้องดูช่วงเวลาว่าจะไปได้หรือไม่", "th") == []


@pytest.mark.parametrize(("lang", "joiner"), [("lo", "ແລະ"), ("km", "និង"), ("my", "နှင့်")])
def test_countries_inside_lao_khmer_and_myanmar_text(lang: str, joiner: str) -> None:
    names = babel.Locale.parse(lang).territories
    text = names["VN"] + joiner + names["CN"]
    assert [(name, kind) for _, kind, name in _mentions(text, lang)] == [("Vietnam", "country"), ("China", "country")]


def test_names_read_by_their_sound_see_the_runs_between_spaces() -> None:
    # the reading of a name (actors.xscript) needs the run "ลาฟรอฟ", not its letters one by one
    from communique.actors.gazetteer import tokenize
    from communique.actors.recognize import _spaced_words

    runs = _spaced_words(tokenize("เซอร์เก ลาฟรอฟ 习近平 Putin", "th"))
    assert [t.text for t in runs] == ["เซอร์เก", "ลาฟรอฟ", "习", "近", "平", "Putin"]
    assert runs[1].key == "ลาฟรอฟ"
