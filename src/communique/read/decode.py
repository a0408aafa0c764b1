"""Bytes -> text: byte-order marks, UTF-8, UTF-16, legacy encodings (with a Cyrillic sanity check).

charset-normalizer is unreliable on short legacy texts (it reads a KOI8-R line as Shift-JIS and a
Latin-1 German line as Urdu), so the common cases are decided first by cheap, explainable checks:
BOM, strict UTF-8, then "is this Russian in cp1251 or KOI8-R?" (the decoding that yields mostly
lower-case Cyrillic letters and common Russian bigrams wins), then "is this Western European in
cp1252?"; charset-normalizer only decides what is left (Greek, Arabic, CJK, ...).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

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

# In order of preference on a tie (mac_cyrillic is left out: it reads cp1251 text almost as well).
_CYRILLIC_CODECS = ("cp1251", "koi8_r", "cp866", "iso8859_5")
# The most frequent Russian letter bigrams (lower case): a right decoding is full of them.
_RU_BIGRAMS = frozenset(["ст", "но", "то", "на", "ен", "ов", "ни", "ра", "во", "ко", "ес", "пр", "ал", "ре", "ор",
                         "по", "ан", "ет", "ли", "не", "ка", "ол", "ел", "ом", "ер", "та", "ть", "го", "од", "де"])
_CYRILLIC_WORD = re.compile(r"[а-яё]{2,}")
# What a cp1252 decoding of Western European text yields for bytes >= 0x80.
_WESTERN_HIGH = re.compile(r"[À-ÖØ-öø-ÿŒœŠšŽžŸƒ€‚„…†‡ˆ‰‹‘’“”•–—˜™›¡¢£¥§ª«°±²³´µ·º»¿]")


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


def mostly_utf8(data: bytes) -> bool:
    """True for UTF-8 text with a few damaged bytes (not a legacy encoding)."""
    good, bad = _utf8_damage(data)
    return 0 < len(bad) <= good


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with replacement characters for the few bytes that are not, and a warning that says where."""
    good, bad = _utf8_damage(data)
    if not 0 < len(bad) <= good:
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
    cyrillic = _best_cyrillic(data)
    if cyrillic:
        return cyrillic
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


def russian_score(text: str) -> float:
    """How Russian a decoding looks: lower-case Cyrillic share plus common-bigram rate (0..2).

    The share is of all non-ASCII characters, so a decoding that turns capitals into symbols loses.
    """
    sample = text[:_SAMPLE]
    non_ascii = sum(1 for c in sample if ord(c) >= 0x80)
    if not non_ascii:
        return 0.0
    lower = sum(1 for c in sample if "\u0430" <= c <= "\u045f") / non_ascii
    words = _CYRILLIC_WORD.findall(text[:_SAMPLE])
    pairs = [w[i : i + 2] for w in words for i in range(len(w) - 1)]
    common = sum(1 for p in pairs if p in _RU_BIGRAMS) / len(pairs) if pairs else 0.0
    return lower + common


def _best_cyrillic(data: bytes) -> Decoded | None:
    """A Cyrillic single-byte decoding when the text is mostly high bytes and one decoding reads well."""
    if _high_byte_share(data) < 0.3:
        return None
    best: tuple[float, str, str] | None = None
    for codec in _CYRILLIC_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        cyr = sum(1 for c in text[:_SAMPLE] if "\u0400" <= c <= "\u04ff")
        high = sum(1 for b in data[:_SAMPLE] if b >= 0x80)
        if cyr < 0.8 * high:  # the high bytes are not Cyrillic letters in this codec
            continue
        score = russian_score(text)
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
