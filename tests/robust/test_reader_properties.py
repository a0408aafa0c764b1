"""Properties of the readers under hostile bytes: every encoding read back exactly, with and without a BOM;
a few damaged bytes never change how the rest of a file is read; JSON nesting of any depth is one error or
one document, never an exception; every reader output is clean text."""

from __future__ import annotations

import codecs
import json
import os

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from communique.document import Document
from communique.errors import InputError
from communique.read import decode_bytes, read_bytes
from communique.read.readers import read_jsonl

SCALE = max(1, int(os.environ.get("COMMUNIQUE_PROPERTY_SCALE", "1")))
PROPS = settings(max_examples=80 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Real news-like sentences per script; each legacy encoding is tried on the script it exists for.
SENTENCES = {
    "cyrillic": ["Министр иностранных дел России провёл переговоры с коллегой из Вьетнама.",
                 "Стороны обсудили вопросы торгово-экономического сотрудничества и энергетики.",
                 "Визит состоялся по приглашению правительства, сообщает пресс-служба."],
    "latin": ["Der Außenminister traf seinen Amtskollegen in Straßburg zu Gesprächen über Öl.",
              "Le ministre français a déclaré que la coopération économique était très élevée.",
              "El presidente español recibió al primer ministro en el Palacio de la Moncloa."],
    "arabic": ["استقبل وزير الخارجية نظيره الروسي في الرياض وبحثا العلاقات الثنائية.",
               "أكد الجانبان أهمية تعزيز التعاون الاقتصادي والتجاري بين البلدين."],
    "chinese": ["外交部长在北京会见了越南副总理，双方就双边关系交换了意见。",
                "两国领导人同意加强经贸、能源和教育领域的合作。"],
    "japanese": ["外務大臣は東京でドイツの外相と会談し、両国の協力について話し合った。",
                 "首脳会談では経済安全保障とエネルギー分野の連携を確認した。"],
    "korean": ["외교부 장관은 서울에서 일본 외무상과 회담을 갖고 양국 관계를 논의했다.",
               "양측은 경제 협력과 에너지 분야의 교류를 확대하기로 합의했다."],
}
LEGACY = [("cp1251", "cyrillic"), ("koi8_r", "cyrillic"), ("cp1252", "latin"), ("gb18030", "chinese"),
          ("shift_jis", "japanese"), ("euc_kr", "korean"), ("cp1256", "arabic")]
WIDE = ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]
BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}


def article(draw: st.DrawFn, script: str, min_sentences: int = 3) -> str:
    parts = draw(st.lists(st.sampled_from(SENTENCES[script]), min_size=min_sentences, max_size=8))
    return draw(st.sampled_from([" ", "\n", "\n\n"])).join(parts)


@st.composite
def unicode_file(draw: st.DrawFn) -> tuple[str, bytes]:
    text = article(draw, draw(st.sampled_from(sorted(SENTENCES))), min_sentences=1)
    encoding = draw(st.sampled_from(WIDE))
    bom = BOMS[encoding] if draw(st.booleans()) else b""
    return text, bom + text.encode(encoding)


@PROPS
@given(case=unicode_file())
def test_unicode_encodings_with_and_without_bom_read_back_exactly(case: tuple[str, bytes]) -> None:
    text, data = case
    assert decode_bytes(data).text == text


@st.composite
def legacy_file(draw: st.DrawFn) -> tuple[str, bytes, str]:
    encoding, script = draw(st.sampled_from(LEGACY))
    text = article(draw, script)
    return text, text.encode(encoding), encoding


@PROPS
@given(case=legacy_file())
def test_legacy_encodings_read_back_exactly(case: tuple[str, bytes, str]) -> None:
    text, data, _encoding = case
    assert decode_bytes(data).text == text


@st.composite
def damaged_utf8(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """A non-Latin UTF-8 article with one to three bytes overwritten, deleted or inserted."""
    data = article(draw, draw(st.sampled_from(["cyrillic", "arabic", "chinese", "japanese", "korean", "latin"])),
                   min_sentences=3).encode("utf-8")
    damaged = bytearray(data)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(damaged) - 1))
        byte = draw(st.sampled_from([0xFF, 0xFE, 0xC3, 0x80, 0xBF, 0xE0]))
        op = draw(st.sampled_from(["set", "delete", "insert"]))
        if op == "set":
            damaged[i] = byte
        elif op == "delete":
            del damaged[i]
        else:
            damaged.insert(i, byte)
    return data, bytes(damaged)


@PROPS
@given(case=damaged_utf8())
def test_a_few_damaged_bytes_never_change_how_the_rest_is_read(case: tuple[bytes, bytes]) -> None:
    _original, damaged = case
    # A line whose every multi-byte letter was hit holds no UTF-8 left to recognise: it reads as legacy text.
    assume(all(line.decode("utf-8", errors="ignore") != line.decode("ascii", errors="ignore")
               for line in damaged.splitlines() if not line.isascii()))
    decoded = decode_bytes(damaged)
    assert decoded.encoding == "utf-8"
    assert decoded.text == damaged.decode("utf-8", errors="replace").replace("\x00", "")
    if decoded.text != damaged.decode("utf-8", errors="ignore"):
        assert any("invalid UTF-8 at byte offset" in w for w in decoded.warnings), decoded.warnings


@PROPS
@given(depth=st.integers(1, 5000), wrap=st.sampled_from(["[", "{\"a\":"]), text_inside=st.booleans())
def test_json_nesting_of_any_depth_is_one_item_never_an_exception(depth: int, wrap: str, text_inside: bool) -> None:
    close = "]" if wrap == "[" else "}"
    inner = json.dumps({"text": "Lavrov met Wang Yi in Moscow."}) if text_inside else "1"
    line = (wrap * depth + inner + close * depth).encode()
    good = json.dumps({"id": "next", "text": "Lavrov met Wang Yi in Moscow."}).encode()
    items = list(read_jsonl([line, good], "nested.jsonl"))
    assert len(items) == 2
    assert isinstance(items[0], InputError) and items[0].line == 1
    assert isinstance(items[1], Document) and items[1].id == "next"


@settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000))
def test_any_bytes_give_clean_documents_or_one_line_errors(data: bytes) -> None:
    for item in read_bytes(data, "x", "<bytes>"):
        if isinstance(item, InputError):
            assert "\n" not in str(item)
            continue
        assert "\x00" not in item.raw_text
        assert not any("\ud800" <= c <= "\udfff" for c in item.raw_text)
        item.raw_text.encode("utf-8")


# The Microsoft supersets that the guesser names for the East Asian standards (same bytes for this text).
SUPERSET = {"shift_jis": "cp932", "euc_kr": "cp949"}


@pytest.mark.parametrize(("encoding", "script"), LEGACY)
def test_each_legacy_encoding_is_named(encoding: str, script: str) -> None:
    text = " ".join(SENTENCES[script] * 2)
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert codecs.lookup(decoded.encoding).name == codecs.lookup(SUPERSET.get(encoding, encoding)).name
