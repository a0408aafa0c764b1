"""One real person, one id, whatever the script: sentences from the corpora (news in German, Indonesian,
Russian, Chinese and Hindi) that name Vladimir Putin in four scripts (two Latin spellings)."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.pipeline import process

# (language, sentence as the corpus writes it, the name as written in it)
PUTIN = [
    ("de", "Der russische Präsident Wladimir Putin und der vietnamesische Präsident trafen sich in Hanoi.",
     "Wladimir Putin"),
    ("id", "Sekjen KS PKV To Lam mengadakan pembicaraan dengan Presiden Rusia Vladimir Putin.", "Vladimir Putin"),
    ("ru", "Президенты России и Турции Владимир Путин и Реджеп Тайип Эрдоган сегодня провели телефонный разговор.",
     "Владимир Путин"),
    ("zh", "越南是俄罗斯总统普京访问5次的唯一一个国家。", "普京"),
    ("hi", "हनोई: रूसी राष्ट्रपति व्लादिमीर पुतिन राजकीय यात्रा पर वियतनाम पहुंचे हैं.", "व्लादिमीर पुतिन"),
]


def _person_id(lang: str, sentence: str, name: str) -> tuple[str, str]:
    doc = process(Document(id="t", raw_text=sentence, lang_hint=lang), Options(doc_date="2024-06-20"), until="actors")
    start = doc.text.index(name)
    found = [m for m in doc.mentions if m.kind == "person" and m.start == start]
    assert found, f"{name!r} not found in {lang}: {[(m.text, m.kind) for m in doc.mentions]}"
    return found[0].entity_id, found[0].name


@pytest.mark.parametrize(("lang", "sentence", "name"), PUTIN)
def test_putin_in_each_script_is_one_entity(lang: str, sentence: str, name: str) -> None:
    assert _person_id(lang, sentence, name) == ("Q7747", "Vladimir Putin")


def test_the_sentences_cover_four_scripts() -> None:
    scripts = {"Latin" if name.isascii() else name[0] for _, _, name in PUTIN}
    assert len(scripts) == 4  # Latin, Cyrillic (В), Han (普), Devanagari (व)
