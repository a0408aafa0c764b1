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
from dataclasses import dataclass, field

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
        if data.startswith(bom):
            return _strip_nuls(Decoded(data[len(bom) :].decode(encoding, errors="replace"), encoding))
    utf16 = _bomless_utf16(data)
    if utf16:
        return _strip_nuls(Decoded(data.decode(utf16, errors="replace"), utf16))
    if _looks_binary(data):
        raise UndecodableError("binary file (not text)")
    try:
        return _strip_nuls(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(data, declared)
    if mixed:
        return _strip_nuls(mixed)
    return _strip_nuls(_decode_legacy(data, declared))


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
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 4 * _SAMPLE]).best()
    if best is None or not best.encoding:
        raise UndecodableError("cannot decode: unknown text encoding")
    try:
        text = data.decode(best.encoding)
    except (LookupError, UnicodeDecodeError):
        text = data.decode(best.encoding, errors="replace")
    return Decoded(text, best.encoding, [f"guessed encoding {best.encoding}"])
