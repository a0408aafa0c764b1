"""The clean stage: drop debris lines, normalize characters, and keep an honest offset map.

`clean_text` builds `doc.text` from `doc.raw_text` line by line. Whole debris lines (boilerplate,
photo credits and captions, repeated lines, image file names, lone agency lines, lines without a
word) and debris pieces inside lines are dropped and listed in `doc.removed`. Kept text is
normalized: CRLF/CR -> LF, odd spaces (NBSP, tabs, thin spaces) -> one space, zero-width and bidi
control characters removed, NFC composition, trailing/leading spaces of a line dropped, and at
most one blank line between paragraphs. `doc.offset_map[i]` is the raw index of cleaned char i.

The debris patterns are data: the `debris` section of every lang/<code>/data.yaml. All languages'
patterns apply to every document, because language identification runs after cleaning and
debris lines are distinctive in any language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from communique import lang as languages
from communique.document import Document, Removed
from communique.options import Options

# Invisible characters that only get in the way of matching: zero-width space, word joiner, BOM,
# soft hyphen, bidi marks/embeddings/isolates, and C0/C1 controls other than tab and newline.
# ZWJ/ZWNJ stay: they are part of the spelling of Persian, Indic scripts and emoji.
_INVISIBLE = "\u00ad\u200b\u2060\ufeff\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = "".join(chr(c) for c in [*range(0, 9), *range(14, 32), *range(127, 133), *range(134, 160)])
_INVISIBLE_CHAR = re.compile(f"[{re.escape(_INVISIBLE + _CONTROLS)}]")
# A kept line needs the slow, character-by-character path only when it has one of these.
_NEEDS_WORK = re.compile(f"[{re.escape(_INVISIBLE + _CONTROLS)}]|[^\\S ]|  |^ | $")
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
_HAS_WORD = re.compile(r"\w")

MAX_CAPTION_CHARS = 400  # a longer line ending in a photo credit is article text, not a caption
# A credit's name: a few words (the photographer, the agency), no sentence punctuation.
_NAME = r"[^\s.!?:()\[\]|]+(?:[ ,/&+]+[^\s.!?:()\[\]|]+){0,5}"


@dataclass(frozen=True, slots=True)
class DebrisRules:
    """The debris knowledge of all language files, compiled once."""

    exact: frozenset[str]  # whole lines, case-folded, whitespace collapsed
    line: tuple[tuple[str, re.Pattern[str]], ...]  # (reason, whole-line regexes)
    credit_only: re.Pattern[str]  # "Photo : VNA", "[Fotoğraf: DHA]", "© Scoop Media"
    caption_end: re.Pattern[str]  # "... Путиным. Фото: Суан Хынг", "... (Foto: VNA) |"
    pieces: re.Pattern[str] | None  # removed from inside kept lines (None: there are none)


@cache
def debris_rules() -> DebrisRules:
    exact: set[str] = set()
    patterns: dict[str, list[str]] = {}
    credits: list[str] = []
    pieces: list[str] = []
    for lang in languages.codes():
        data = languages.section(lang, "debris")
        exact.update(" ".join(str(x).split()).casefold() for x in data.get("lines", []))
        for reason, regexes in _by_reason(data.get("patterns", [])).items():
            patterns.setdefault(reason, []).extend(_checked(lang, "patterns", regexes))
        credits.extend(_checked(lang, "credits", data.get("credits", [])))
        pieces.extend(_checked(lang, "pieces", data.get("pieces", [])))
    credit = "(?:" + "|".join(sorted(set(credits), key=len, reverse=True) or ["(?!)"]) + ")"
    # An optional agency before the word ("AP Photo/..."), then ":" or "/" and a short name.
    credit_name = rf"(?:[A-Z]{{2,6}}\s+)?{credit}\s*[:/：]\s*{_NAME}"
    return DebrisRules(
        exact=frozenset(exact),
        line=tuple((reason, _alternation(regexes)) for reason, regexes in patterns.items() if regexes),
        credit_only=re.compile(rf"[(\[]?\s*(?:(?:©\s*)?{credit_name}|©\s*{_NAME})\s*[)\]]?\s*\|?", re.IGNORECASE),
        caption_end=re.compile(
            rf"(?:[.!?…)»\"”]\s+|[(\[|]\s*|\s[-–—|]\s+|^)(?:(?:©\s*)?{credit_name}|©\s*{_NAME})\s*[)\]]?\s*\|?\s*$",
            re.IGNORECASE,
        ),
        pieces=_alternation(pieces, whole=False) if pieces else None,
    )


def _by_reason(patterns: object) -> dict[str, list[object]]:
    """`patterns` is a list (reason "boilerplate") or a mapping reason -> list."""
    if isinstance(patterns, dict):
        return {str(reason): list(regexes or []) for reason, regexes in patterns.items()}
    return {"boilerplate": list(patterns) if isinstance(patterns, list) else []}


def _checked(lang: str, name: str, values: list[object]) -> list[str]:
    """Patterns of one file, each compiled once here so a bad one names its file."""
    out = []
    for value in values:
        try:
            re.compile(str(value))
        except re.error as e:
            raise ValueError(f"lang/{lang}/data.yaml debris.{name}: bad regex {value!r}: {e}") from None
        out.append(str(value))
    return out


def _alternation(patterns: list[str], whole: bool = True) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in dict.fromkeys(patterns)) or "(?!)"
    return re.compile(f"(?:{body})" if not whole else f"(?:{body})\\Z", re.IGNORECASE)


# -- the stage --------------------------------------------------------------------------------------


def clean_text(doc: Document, options: Options) -> None:
    """Set doc.text, doc.offset_map and doc.removed from doc.raw_text."""
    rules = debris_rules()
    raw = doc.raw_text
    out = _TextBuilder(raw)
    removed: list[Removed] = []
    previous_key: str | None = None
    blank_at: int | None = None  # the first blank line since the last kept line
    last_end = 0  # raw end of the last kept line (where its line break is)
    for start, end in line_spans(raw):
        line = raw[start:end]
        key = line_key(line)
        if not key:
            if blank_at is None:
                blank_at = start  # a blank line's first char (or its line break): a raw index
            continue
        reason = debris_reason(key, previous_key, rules)
        previous_key = key
        if reason:
            removed.append(Removed(start, end, line, reason))
            continue
        segments = kept_segments(line, start, rules, removed)
        if not any(line_key(raw[s:e]) for s, e in segments):
            continue
        if out.chars:
            out.add_char("\n", last_end)
            if blank_at is not None:
                out.add_char("\n", blank_at)
        out.add_line(segments)
        blank_at, last_end = None, end
    doc.text = "".join(out.chars)
    doc.offset_map = out.offsets
    doc.removed = removed


def has_content(raw: str) -> bool:
    """Whether cleaning would keep anything (readers report "empty document" otherwise).

    Stops at the first kept line, so it costs next to nothing for real articles.
    """
    rules = debris_rules()
    previous_key: str | None = None
    scratch: list[Removed] = []
    for start, end in line_spans(raw):
        key = line_key(raw[start:end])
        if not key:
            continue
        reason = debris_reason(key, previous_key, rules)
        previous_key = key
        if reason is None and any(line_key(raw[s:e]) for s, e in kept_segments(raw[start:end], start, rules, scratch)):
            return True
    return False


def line_spans(raw: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, without its line break (CRLF, LF, CR, and Unicode separators)."""
    pos = 0
    for m in _LINE_BREAK.finditer(raw):
        yield pos, m.start()
        pos = m.end()
    if pos < len(raw):
        yield pos, len(raw)


def line_key(line: str) -> str:
    """A line as compared with debris: invisible characters dropped, whitespace collapsed."""
    if _INVISIBLE_CHAR.search(line):
        line = _INVISIBLE_CHAR.sub("", line)
    return " ".join(line.split())


def debris_reason(key: str, previous_key: str | None, rules: DebrisRules) -> str | None:
    """Why a whole line is debris, or None to keep it."""
    if key == previous_key:
        return "repeated line"
    if not _HAS_WORD.search(key):
        return "no words"
    folded = key.casefold()
    if folded in rules.exact:
        return "boilerplate"
    for reason, pattern in rules.line:
        if pattern.match(key):
            return reason
    if rules.credit_only.fullmatch(key):
        return "photo credit"
    if len(key) <= MAX_CAPTION_CHARS and rules.caption_end.search(key):
        return "photo caption"
    return None


def kept_segments(line: str, start: int, rules: DebrisRules, removed: list[Removed]) -> list[tuple[int, int]]:
    """The raw spans of a kept line left after removing debris pieces (recorded in `removed`)."""
    if rules.pieces is None:
        return [(start, start + len(line))]
    segments: list[tuple[int, int]] = []
    pos = 0
    for m in rules.pieces.finditer(line):
        if m.end() == m.start():
            continue
        segments.append((start + pos, start + m.start()))
        removed.append(Removed(start + m.start(), start + m.end(), m.group(), "debris piece"))
        pos = m.end()
    segments.append((start + pos, start + len(line)))
    return [(s, e) for s, e in segments if e > s]


class _TextBuilder:
    """Accumulates cleaned characters and, for each, the raw index it came from."""

    __slots__ = ("chars", "offsets", "raw")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add_char(self, char: str, raw_index: int) -> None:
        self.chars.append(char)
        self.offsets.append(raw_index)

    def add_line(self, segments: list[tuple[int, int]]) -> None:
        """A kept line: fast path when it is already clean, else normalize character by character."""
        raw = self.raw
        if len(segments) == 1:
            s, e = segments[0]
            piece = raw[s:e]
            if not _NEEDS_WORK.search(piece) and (
                piece.isascii() or (not _MOJIBAKE.search(piece) and unicodedata.is_normalized("NFC", piece))
            ):
                self.chars.extend(piece)
                self.offsets.extend(range(s, e))
                return
        if any(_MOJIBAKE.search(raw, s, e) for s, e in segments):
            chars, offsets = normalized_mojibake_line(raw, segments)
        else:
            chars, offsets = normalized_line(raw, segments)
        self.chars.extend(chars)
        self.offsets.extend(offsets)


def normalized_line(raw: str, segments: list[tuple[int, int]]) -> tuple[list[str], list[int]]:
    """Characters of the kept segments with spaces collapsed and trimmed, invisibles dropped, NFC."""
    chars: list[str] = []
    offsets: list[int] = []
    space_at: int | None = None  # a pending single space (the raw index of the run's first space)
    for s, e in segments:
        pos = s
        for m in _VISIBLE_RUN.finditer(raw, s, e):
            if space_at is None and chars:
                space_at = _first_space(raw, pos, m.start())
            if space_at is not None:
                chars.append(" ")
                offsets.append(space_at)
                space_at = None
            chars.extend(m.group())
            offsets.extend(range(m.start(), m.end()))
            pos = m.end()
        if space_at is None and chars:
            space_at = _first_space(raw, pos, e)
    return compose_nfc(chars, offsets)


def normalized_mojibake_line(raw: str, segments: list[tuple[int, int]]) -> tuple[list[str], list[int]]:
    """A line with mojibake: repaired first (C1 controls are bytes of it), then normalized."""
    chars = [raw[i] for s, e in segments for i in range(s, e)]
    offsets = [i for s, e in segments for i in range(s, e)]
    chars, offsets = repair_mojibake(chars, offsets)
    out_chars: list[str] = []
    out_offsets: list[int] = []
    space_at: int | None = None
    for char, offset in zip(chars, offsets, strict=True):
        if _INVISIBLE_CHAR.match(char):
            continue
        if char.isspace():
            if space_at is None and out_chars:
                space_at = offset
            continue
        if space_at is not None:
            out_chars.append(" ")
            out_offsets.append(space_at)
            space_at = None
        out_chars.append(char)
        out_offsets.append(offset)
    return compose_nfc(out_chars, out_offsets)


_VISIBLE_RUN = re.compile(f"[^\\s{re.escape(_INVISIBLE + _CONTROLS)}]+")
_SPACE = re.compile(r"\s")


def _first_space(raw: str, start: int, end: int) -> int | None:
    m = _SPACE.search(raw, start, end)
    return m.start() if m else None


# UTF-8 read as cp1252/Latin-1 ("PressegesprÃ¤ch", "â€œ"): a lead-byte character, then one that
# stands for a continuation byte (0x80-0xBF, or its cp1252 reading).
_CP1252_BYTE = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
# A continuation byte read as Latin-1 (U+0080-U+00BF) or as cp1252 (its characters for 0x80-0x9F); a
# lead byte of a 2- or 3-byte sequence (0xC2-0xEF) read as Latin-1.
_CONTINUATION = "\x80-\xbf" + "".join(sorted(_CP1252_BYTE))
_MOJIBAKE = re.compile(rf"[\u00c2-\u00ef][{_CONTINUATION}]")


def repair_mojibake(chars: list[str], offsets: list[int]) -> tuple[list[str], list[int]]:
    """Undo UTF-8-read-as-cp1252 in one line, if the whole line then reads as UTF-8; else keep it.

    Each repaired character maps to the raw index of its first mis-decoded character.
    """
    data = bytearray()
    starts: list[int] = []  # the raw offset of each byte
    for char, offset in zip(chars, offsets, strict=True):
        code = ord(char) if ord(char) < 256 else _CP1252_BYTE.get(char)
        if code is None:
            return chars, offsets
        data.append(code)
        starts.append(offset)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return chars, offsets
    out_offsets: list[int] = []
    pos = 0
    for char in text:
        out_offsets.append(starts[pos])
        pos += len(char.encode("utf-8"))
    return list(text), out_offsets


def compose_nfc(chars: list[str], offsets: list[int]) -> tuple[list[str], list[int]]:
    """NFC composition cluster by cluster (a base and its combining marks), keeping raw offsets.

    Vietnamese text often arrives decomposed (NFD); names and words only match once composed.
    """
    text = "".join(chars)
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return chars, offsets
    out_chars: list[str] = []
    out_offsets: list[int] = []
    i = 0
    while i < len(chars):
        j = i + 1
        while j < len(chars) and unicodedata.combining(chars[j]):
            j += 1
        cluster = "".join(chars[i:j])
        composed = unicodedata.normalize("NFC", cluster)
        if len(composed) == j - i:
            out_chars.extend(composed)
            out_offsets.extend(offsets[i:j])
        else:
            out_chars.extend(composed)
            out_offsets.extend([offsets[i]] * len(composed))
        i = j
    return out_chars, out_offsets
