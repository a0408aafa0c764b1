"""The clean stage: debris removal, normalization, and an honest offset map."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.clean.debris import clean_text, has_content
from communique.document import Document
from communique.options import Options
from communique.read import read_inputs


def _clean(raw: str) -> Document:
    doc = Document(id="t", raw_text=raw)
    clean_text(doc, Options())
    return doc


def _assert_offsets_honest(doc: Document) -> None:
    """Each cleaned char comes from its raw index (spaces/newlines may stand for odd whitespace)."""
    assert len(doc.offset_map) == len(doc.text)
    assert doc.offset_map == sorted(doc.offset_map)
    for i, char in enumerate(doc.text):
        raw = doc.raw_text[doc.offset_map[i]]
        assert char == raw or (char in " \n" and (raw.isspace() or raw in "\u2028\u2029")), (i, char, raw)


@pytest.fixture(scope="module")
def seed_docs(shared_dir: Path) -> dict[str, Document]:
    docs = {}
    for doc in read_inputs([str(shared_dir / "corpus" / "seeds")]):
        assert isinstance(doc, Document)
        clean_text(doc, Options())
        docs[doc.id[:3]] = doc
    return docs


def _removed(doc: Document) -> list[tuple[str, str]]:
    return [(r.reason, r.text) for r in doc.removed]


def test_seed_000_captions_file_name_and_buttons_go(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["000"]
    caption = "Общий вид встречи между товарищем Ле Хоай Чунгом и Президентом Владимиром Путиным. Фото: Суан Хынг"
    assert _removed(doc) == [
        ("photo caption", caption),
        ("repeated line", caption),
        ("image file name", "hoi-dam-lavrov-3.jpg"),
        ("photo caption", "Общий вид переговоров между Мминистрами иностранных дел Вьетнама и России. Фото: Суан Хынг"),
        ("boilerplate", "рекомендуем"),
        ("boilerplate", "Back to top"),
    ]
    assert doc.text.startswith("Специальный посланник Генерального секретаря ЦК КПВ То Лама встретился с Президентом "
                               "России Владимиром Путиным\n\nПродолжая мероприятия")
    assert "Суан Хынг" not in doc.text and ".jpg" not in doc.text
    assert doc.text.endswith("обсудили международные и региональные вопросы, представляющие взаимный интерес.")
    assert "Сергеем Лавровым.\n\nМинистр иностранных дел Ле Хоай Чунг проинформировал" in doc.text
    assert len(doc.text) == 2847
    _assert_offsets_honest(doc)


def test_seed_001_has_no_debris(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["001"]
    assert doc.removed == [] and doc.text == doc.raw_text
    assert doc.offset_map == list(range(len(doc.raw_text)))


def test_seed_002_german_buttons_go(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["002"]
    assert _removed(doc) == [("boilerplate", "[Anzeige_2]"), ("boilerplate", "Quellenlink"),
                             ("boilerplate", "Kommentar (0)")]
    assert doc.text == doc.raw_text[:4330] and doc.text.endswith("voranzutreiben./.")


def test_seed_003_caption_lines_with_credits_go(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["003"]
    assert [r for r, _ in _removed(doc)] == ["photo caption", "photo caption"]
    assert doc.removed[0].text == ("Sekjen KS PKV To Lam mengadakan pembicaraan dengan Presiden Rusia Vladimir Putin "
                                   "(Foto: VNA) |")
    assert doc.removed[1].text.endswith("Badan Anggaran Negara Federasi Rusia (Foto: VOV) |")
    assert "(Foto:" not in doc.text
    assert doc.text.startswith("(VOVWORLD) -Dalam rangka kunjungan resmi")  # the dateline stays for the time stage
    _assert_offsets_honest(doc)


def test_seed_004_credit_line_goes_sign_off_stays(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["004"]
    assert _removed(doc) == [("photo credit", "Photo : VNA")]
    assert "\n\n\n" not in doc.text  # runs of blank lines collapse to one
    assert doc.text.count("\n\n") == 7
    assert doc.text.endswith("partenariat stratégique intégral Vietnam-Russie.- VNA")
    _assert_offsets_honest(doc)


def test_offsets_map_back_to_raw_text(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["000"]
    start = doc.text.index("Сергеем Лавровым")
    end = start + len("Сергеем Лавровым")
    assert doc.raw_text[doc.raw_offset(start) : doc.raw_offset(end - 1) + 1] == "Сергеем Лавровым"


# -- normalization ----------------------------------------------------------------------------------


def test_crlf_odd_spaces_invisibles_and_blank_lines() -> None:
    raw = ("Title line\r\n\r\n\r\n\r\nThe\u00a0minister\u2009met  his\tcolleague.\u200b\r\n"
           "\u200eSecond\u00ad paragraph\u202a here\u202c. \r\n\n\n\nLast  \n")
    doc = _clean(raw)
    assert doc.text == "Title line\n\nThe minister met his colleague.\nSecond paragraph here.\n\nLast"
    _assert_offsets_honest(doc)
    assert doc.raw_text[doc.offset_map[doc.text.index("minister")] - 1] == "\u00a0"


def test_decomposed_vietnamese_is_composed_with_offsets() -> None:
    import unicodedata

    name = "Nguyễn Phú Trọng"
    raw = "Tổng Bí thư " + unicodedata.normalize("NFD", name) + " tiếp Đại sứ."
    doc = _clean(raw)
    assert name in doc.text
    start = doc.text.index(name)
    assert doc.raw_text[doc.offset_map[start] :].startswith("Ngu")
    assert doc.offset_map == sorted(doc.offset_map)


def test_headline_and_short_sentences_are_not_debris() -> None:
    doc = _clean("Lavrov meets Vietnamese counterpart\n\nThey talked.\nYes.\n2 Indian Army Soldiers Killed\n")
    assert doc.removed == []
    assert doc.text == "Lavrov meets Vietnamese counterpart\n\nThey talked.\nYes.\n2 Indian Army Soldiers Killed"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Photo : VNA", "photo credit"),
        ("Фото: Суан Хынг", "photo credit"),
        ("Ảnh: TTXVN", "photo credit"),
        ("[Fotoğraf: DHA]", "photo credit"),
        ("Jürgen Klopp (Foto: dpa)", "photo caption"),
        ("President Donald Trump. (AP Photo/Patrick Semansky)", "photo caption"),
        ("Thủ tướng tiếp Đại sứ Nga. (Ảnh: Dương Giang/TTXVN)", "photo caption"),
        ("- VNA", "agency line"),
        ("Von dpa", "agency line"),
        ("Copyright © 2020 The Washington Times, LLC.", "copyright line"),
        ("Comments (12)", "boilerplate"),
        ("READ MORE: Car garages could be charging motorists extra", "boilerplate"),
        ("Читайте также: Путин провел переговоры", "boilerplate"),
        ("Baca juga: Presiden bertemu PM", "boilerplate"),
        ("* * *", "no words"),
    ],
)
def test_debris_lines(line: str, reason: str) -> None:
    doc = _clean(f"The ministers met in Hanoi.\n{line}\nThey agreed to meet again.")
    assert _removed(doc) == [(reason, line)]
    assert doc.text == "The ministers met in Hanoi.\nThey agreed to meet again."


@pytest.mark.parametrize(
    "line",
    [
        "He showed the photo: a man smiling in front of the Kremlin.",
        "Foto: 1er buque iraní ya abandonó Venezuela, va rumbo a Irán luego de traer la gasolina (+Fortune)",
        "Copyright infringement cases rose by 20% last year, officials said.",
        "POL-OS: Osnabrück - Kreuz aus Kirche gestohlen (Foto!)",
        "The report is available at https://example.org/report.pdf for everyone.",
        "Long paragraph. " * 30 + "Фото: Суан Хынг",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    doc = _clean(f"The ministers met in Hanoi.\n{line}")
    assert doc.removed == []


def test_inline_placeholder_piece_is_removed() -> None:
    doc = _clean("Die Minister trafen sich [Anzeige_3] in Berlin.")
    assert doc.text == "Die Minister trafen sich in Berlin."
    assert _removed(doc) == [("debris piece", "[Anzeige_3]")]
    _assert_offsets_honest(doc)


def test_has_content() -> None:
    assert not has_content("  \n\nBack to top\n[Anzeige_2]\nPhoto : VNA\n---\n")
    assert has_content("Back to top\nA real line of the article.\n")


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("Er nimmt an einem PressegesprÃ¤ch  teil. MÃ¼nchen", "Er nimmt an einem Pressegespräch teil. München"),
        ("Horoz dÃ¶vÃ¼Å\x9fÃ¼ yasaÄŸÄ± â€œbaÅŸladÄ±â€\x9d", "Horoz dövüşü yasağı “başladı”"),
        ("Echter Ärger über Öl, und Ã bleibt.", "Echter Ärger über Öl, und Ã bleibt."),  # not mojibake: kept
    ],
)
def test_mojibake_is_repaired_with_offsets(raw: str, text: str) -> None:
    doc = _clean(raw)
    assert doc.text == text
    assert doc.offset_map == sorted(doc.offset_map) and len(doc.offset_map) == len(doc.text)
    if "ü" in text and "ü" not in raw:
        assert doc.raw_text[doc.offset_map[doc.text.index("ü")]] == "Ã"  # a repaired char maps to its first byte
