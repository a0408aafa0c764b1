"""A person outside the KB whose name the text spells in Latin letters in brackets takes that spelling, in every
mention of the document (actors/resolve.py::_latin_glosses)."""

from __future__ import annotations

from communique.document import Document
from communique.options import Options
from communique.pipeline import process


def _persons(text: str, lang: str) -> list[tuple[str, str, str]]:
    doc = process(Document(id="t", raw_text=text, lang_hint=lang, date="2020-09-28"), Options(), until="actors")
    return [(m.text, m.name, m.entity_id) for m in doc.mentions if m.kind == "person"]


def test_a_chinese_name_glossed_in_latin_letters_takes_the_gloss_everywhere() -> None:
    text = ("裴青山会见科萨切夫。9月27日,越南外交部部长裴青山会见了俄罗斯联邦委员会副主席康斯坦丁·科萨切夫"
            "(Konstantin Kosachev)。康斯坦丁·科萨切夫强调,越南是俄罗斯的重要伙伴。")
    found = [(written, name) for written, name, _ in _persons(text, "zh")]
    assert ("康斯坦丁·科萨切夫", "Konstantin Kosachev") in found
    assert ("科萨切夫", "Konstantin Kosachev") in found
    assert "Kangsitanding Kesachiefu" not in [name for _, name in found]
    ids = {entity_id for _, name, entity_id in _persons(text, "zh") if name == "Konstantin Kosachev"}
    assert len(ids) == 1


def test_a_bracketed_latin_name_that_does_not_sound_alike_is_not_taken() -> None:
    # the bracket names someone else (an agency, another person): the name keeps its own reading
    text = "俄罗斯联邦委员会副主席康斯坦丁·科萨切夫(Maria Zakharova)强调,越南是俄罗斯的重要伙伴。"
    found = [(written, name) for written, name, _ in _persons(text, "zh")]
    assert ("康斯坦丁·科萨切夫", "Kangsitanding Kesachiefu") in found
