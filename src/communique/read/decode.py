"""Bytes -> text: byte-order marks, UTF-8, UTF-16, legacy encodings (with a per-language sanity check).

charset-normalizer is unreliable on short legacy texts (it reads a KOI8-R line as Shift-JIS and a
Latin-1 German line as Urdu), so the common cases are decided first by cheap, explainable checks:
BOM, strict UTF-8, then "is this a language with legacy codecs (Russian in cp1251 or KOI8-R)?" (the
language's `encoding` module scores each decoding), then "is this Western European in cp1252?";
charset-normalizer only decides what is left (Greek, Arabic, CJK, ...).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from communique import lang as languages

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that never occur in text (tab, LF, VT, FF, CR, ESC are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_CONTROL_TABLE = bytes.maketrans(b"", b"")
_LOW_BYTES = bytes(range(128))
_NOT_LETTER_LIKE = bytes(b for b in range(128) if not (65 <= b <= 90 or 97 <= b <= 122))
_SAMPLE = 65536

# What a cp1252 decoding of Western European text yields for bytes >= 0x80: accented Latin letters
# (U+00C0-U+00FF but the signs of multiplication and division), the letters and marks cp1252 puts in
# 0x80-0x9F, and the common Latin-1 signs.
_WESTERN_HIGH = re.compile(
    r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u017d\u017e\u0178\u0192\u20ac\u201a"
    r"\u201e\u2026\u2020\u2021\u02c6\u2030\u2039\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u203a"
    r"\u00a1\u00a2\u00a3\u00a5\u00a7\u00aa\u00ab\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b7\u00ba\u00bb\u00bf]"
)


class UndecodableError(ValueError):
    """The bytes are not text (binary) or no encoding reads them."""


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a whole document. `declared` is an encoding the container names (HTML meta charset).

    Raises UndecodableError for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom) and not _damaged_utf8_start(data, bom):
            return _strip_nuls(Decoded(data[len(bom) :].decode(encoding, errors="replace"), encoding))
    utf16 = _bomless_utf16(data)
    if utf16:
        return _strip_nuls(Decoded(data.decode(utf16, errors="replace"), utf16))
    if _looks_binary(data):
        # Control bytes never occur in UTF-8 or legacy text, but do in UTF-16/32 of other scripts (the 0x04 of
        # every Cyrillic letter, the low bytes of CJK): binary unless one of those decodings reads as text.
        wide = _bomless_wide(data)
        if wide is None:
            raise UndecodableError("binary file (not text)")
        return _strip_nuls(Decoded(data.decode(wide, errors="replace"), wide))
    try:
        return _strip_nuls(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(data, declared)
    if mixed:
        return _strip_nuls(mixed)
    damaged = _damaged_utf8(data)
    if damaged:
        return _strip_nuls(damaged)
    return _strip_nuls(_decode_legacy(data, declared))


# A file is "mostly UTF-8" when its valid multi-byte sequences are at least as many as its invalid bytes:
# one truncated sequence or stray byte must not make the rest of the file be read in another encoding. Legacy
# text (cp1251, cp1252...) almost never holds a valid UTF-8 sequence, and each of its letters is an invalid byte.


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _utf8_damage(data: bytes) -> tuple[int, list[int]]:
    """(valid multi-byte sequences, byte offsets of the invalid bytes: the first five, then -1s) of data read
    as UTF-8. Counted in C (surrogateescape turns each invalid byte into one lone surrogate, which an
    encoding with errors="ignore" drops), so a large file with many bad bytes costs no more than a clean one."""
    text = data.decode("utf-8", errors="surrogateescape")
    bad = len(data) - len(text.encode("utf-8", errors="ignore"))
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    offsets: list[int] = []
    for match in _ESCAPED_BYTE.finditer(text) if bad else ():
        offsets.append(len(text[: match.start()].encode("utf-8", errors="surrogateescape")))
        if len(offsets) == 5:
            break
    return good, offsets + [-1] * (bad - len(offsets))


def _damaged_utf8_start(data: bytes, bom: bytes) -> bool:
    """True when a UTF-16 byte-order mark is two damaged bytes at the start of UTF-8 text: UTF-16 of Latin text
    holds NUL bytes and UTF-16 of other scripts almost no valid UTF-8 sequence, while the rest of these bytes
    has no NUL and is mostly UTF-8 (0xFF and 0xFE never occur in UTF-8)."""
    if bom not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return False
    rest = data[len(bom) : _SAMPLE]
    return b"\x00" not in rest and mostly_utf8(data[:_SAMPLE])  # mostly_utf8 needs a valid sequence


def _few_stray_bytes(good: int, bad: int) -> bool:
    """Damaged UTF-8 rather than legacy text: invalid bytes no more than the valid multi-byte sequences, or at
    least one valid sequence (which legacy text almost never holds) next to at most three stray bytes."""
    return bad > 0 and (bad <= good or (good >= 1 and bad <= good + 3))


def mostly_utf8(data: bytes) -> bool:
    """True for UTF-8 text with a few damaged bytes (not a legacy encoding)."""
    good, bad = _utf8_damage(data)
    return _few_stray_bytes(good, len(bad))


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with replacement characters for the few bytes that are not, and a warning that says where."""
    good, bad = _utf8_damage(data)
    if not _few_stray_bytes(good, len(bad)):
        return None
    where = ", ".join(str(b) for b in bad[:5]) + (", ..." if len(bad) > 5 else "")
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8",
                   [f"invalid UTF-8 at byte offset {where}: replaced with U+FFFD ({len(bad)} byte(s))"])


def _decode_mixed(data: bytes, declared: str | None) -> Decoded | None:
    """Lines in UTF-8 and lines in a legacy encoding in one file (concatenated sources): each line is
    read in its own encoding, so neither half turns into mojibake. None when no line is non-ASCII UTF-8."""
    lines = data.splitlines(keepends=True)
    utf8: dict[int, str] = {}
    legacy: list[int] = []
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        try:
            utf8[i] = line.decode("utf-8")
        except UnicodeDecodeError:
            if mostly_utf8(line):  # a damaged UTF-8 line stays UTF-8 (with replacement characters)
                utf8[i] = line.decode("utf-8", errors="replace")
            else:
                legacy.append(i)
    if not utf8 or not legacy:
        return None
    codec = _decode_legacy(b"".join(lines[i] for i in legacy), declared).encoding
    text = "".join(utf8[i] if i in utf8 else line.decode(codec, errors="replace") for i, line in enumerate(lines))
    return Decoded(text, "utf-8", [f"mixed encodings: {len(legacy)} line(s) read as {codec}, the rest as UTF-8"])


def _strip_nuls(decoded: Decoded) -> Decoded:
    """NUL characters inside otherwise good text are dropped (with a warning), never kept."""
    count = decoded.text.count("\x00")
    if count:
        decoded.text = decoded.text.replace("\x00", "")
        decoded.warnings.append(f"removed {count} NUL byte(s)")
    return decoded


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes in almost every other position (ASCII-range text)."""
    sample = data[:_SAMPLE]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _bomless_wide(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a BOM, in any script: the decoding that reads best as text, if one does.

    Both byte orders of UTF-16 can give "letters" (swapped Arabic reads as CJK symbols), so the decodings
    are ranked by how many of their characters fall in the blocks where a language's text lives."""
    sample = data[: _SAMPLE - _SAMPLE % 4]
    scored = [(_text_score(sample, codec), codec) for codec in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")]
    score, codec = max(scored, key=lambda pair: pair[0])
    return codec if score >= 0.9 else None


# Where the text of the world's languages lives: ASCII and Latin, Greek to Arabic and Syriac, the Indic
# scripts to Tibetan, Hangul jamo, kana and CJK punctuation, CJK ideographs, Hangul syllables, full-width forms.
_TEXT_BLOCKS = ((0x0000, 0x024F), (0x0370, 0x074F), (0x0900, 0x0FFF), (0x1100, 0x11FF), (0x2010, 0x205F),
                (0x3000, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xFF00, 0xFFEF))
_MIN_WIDE_CHARS = 16  # fewer characters than this cannot tell text from noise


def _text_score(sample: bytes, codec: str) -> float:
    """0 when the decoding fails or is not text; else the share of its characters in _TEXT_BLOCKS."""
    text = ""
    for cut in (0, 1, 2, 3):  # the sample may end inside a code unit or a surrogate pair
        try:
            text = sample[: len(sample) - cut].decode(codec)
            break
        except UnicodeDecodeError:
            continue
    if len(text) < _MIN_WIDE_CHARS:
        return 0.0
    texty = sum(1 for c in text if c.isalnum() or c.isspace() or unicodedata.category(c)[0] in "PSM")
    letters = sum(1 for c in text if c.isalpha())
    if texty < 0.97 * len(text) or letters < 0.3 * len(text):
        return 0.0
    return sum(1 for c in text if any(lo <= ord(c) <= hi for lo, hi in _TEXT_BLOCKS)) / len(text)


def looks_binary(data: bytes) -> bool:
    """True for data that is not text (judged on its first 64 KB)."""
    return _looks_binary(data)


def _looks_binary(data: bytes) -> bool:
    """Many control bytes (compressed data, images, executables) mean binary; a stray NUL does not."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(_CONTROL_TABLE, _CONTROL_BYTES))
    return controls > max(8, 0.02 * len(sample))


def _decode_legacy(data: bytes, declared: str | None) -> Decoded:
    if declared:
        try:
            return Decoded(data.decode(declared), _codec_name(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    legacy = _best_legacy(data)
    if legacy:
        return legacy
    western = _western(data)
    if western:
        return western
    return _charset_normalizer(data)


def _codec_name(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _high_byte_share(data: bytes) -> float:
    """The share of bytes >= 0x80 among letter-like bytes (ASCII letters and all high bytes)."""
    sample = data[:_SAMPLE]
    letters = len(sample.translate(None, _NOT_LETTER_LIKE))
    high = len(sample.translate(None, _LOW_BYTES))
    return high / letters if letters else 0.0


def _best_legacy(data: bytes) -> Decoded | None:
    """A single-byte decoding of a language with legacy codecs (`lang/<code>/encoding.py`), when the
    text is mostly high bytes and one decoding reads well."""
    if _high_byte_share(data) < 0.3:
        return None
    high = sum(1 for b in data[:_SAMPLE] if b >= 0x80)
    best: tuple[float, str, str] | None = None
    for code, codecs_of in languages.hooks("encoding", "legacy_codecs"):
        letters = languages.hook(code, "encoding", "script_letters")
        scorer = languages.hook(code, "encoding", "score")
        if letters is None or scorer is None:
            continue
        for codec in codecs_of():
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if letters(text[:_SAMPLE]) < 0.8 * high:  # the high bytes are not letters of the script in this codec
                continue
            score = scorer(text)
            if best is None or score > best[0] + 1e-9:
                best = (score, codec, text)
    if best is None or best[0] < 0.8:
        return None
    return Decoded(best[2], best[1])


def _western(data: bytes) -> Decoded | None:
    """cp1252 when the few high bytes decode to accented Latin letters and typographic marks."""
    if _high_byte_share(data) >= 0.3:
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [c for c in text[:_SAMPLE] if ord(c) >= 0x80]
    if high and sum(1 for c in high if _WESTERN_HIGH.match(c)) >= 0.9 * len(high):
        return Decoded(text, "cp1252")
    return None


def _charset_normalizer(data: bytes) -> Decoded:
    best = from_bytes(data[: 4 * _SAMPLE]).best()
    if best is None or not best.encoding:
        raise UndecodableError("cannot decode: unknown text encoding")
    try:
        text = data.decode(best.encoding)
    except (LookupError, UnicodeDecodeError):
        text = data.decode(best.encoding, errors="replace")
    return Decoded(text, best.encoding, [f"guessed encoding {best.encoding}"])
