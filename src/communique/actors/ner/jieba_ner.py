"""Chinese named entities from jieba's part-of-speech tags (dictionary and HMM bundled in the package, MIT):
nr person names, nrt transcribed foreign names (parts joined by ·), ns places, nt organisations.

A Chinese name (nr, two to four characters, starting with a family name the language data lists) is given
its pinyin spelling as Latin name, family name first (劉勁松 -> Liu Jinsong); other names keep their script.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from anyascii import anyascii

from communique.actors.ner import Backend, EntitySpan

_JOINERS = ("", "·", "・", "•")
# nr: a Chinese name found by the HMM; nrfg: a name from the dictionary (习近平); nrt: a transcribed one
_CHINESE_NAME_FLAGS = ("nr", "nrfg")


def _kind(flag: str) -> str | None:
    if flag.startswith("nr"):
        return "person"
    if flag == "ns":
        return "location"
    if flag == "nt":
        return "organization"
    return None


def pinyin_name(name: str, surnames: frozenset[str], han: re.Pattern[str]) -> str | None:
    """Family name and given name in pinyin (劉勁松 -> Liu Jinsong), or None for a word that is no Chinese name."""
    if not 2 <= len(name) <= 4 or not han.fullmatch(name):
        return None
    family = name[:2] if name[:2] in surnames and len(name) >= 3 else name[:1]
    if family not in surnames:
        return None
    given = anyascii(name[len(family) :])
    return f"{anyascii(family).capitalize()} {given.capitalize()}" if given else None


def load(surnames: Iterable[str] = (), han: str = "") -> Backend:
    """`han`: a character-class body of the characters of a Chinese name (language data, `ner.han`)."""
    # lazy: an optional backend, imported with its dictionary when a language uses it
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    # jieba's own default part-of-speech tokenizer: importing jieba.posseg already built it (its word-tag table
    # takes ~1 s to read), and nothing here changes its dictionary
    tokenizer = jieba.posseg.dt
    family = frozenset(surnames)
    han_name = re.compile(f"[{han}]+") if han else re.compile("(?!x)x")

    def recognize(text: str) -> list[EntitySpan]:
        out: list[EntitySpan] = []
        flags: list[str] = []
        pos = 0
        for pair in tokenizer.cut(text):
            word, flag = pair.word, pair.flag
            start, pos = pos, pos + len(word)
            kind = _kind(flag)
            if kind is None or not word.strip():
                continue
            prev = out[-1] if out else None
            joinable = kind != "person" or (flag == "nrt" and bool(flags) and flags[-1] == "nrt")
            if prev is not None and prev.kind == kind and joinable and text[prev.end : start] in _JOINERS:
                out[-1] = EntitySpan(prev.start, pos, kind)  # 中国 + 外交部; 康斯坦丁·科萨切夫
                continue
            out.append(EntitySpan(start, pos, kind))
            flags.append(flag)
        kept = [(s, f) for s, f in zip(out, flags, strict=True) if _keep(s, f, text, family, han_name)]
        return [_named(s, f, text, family, han_name) for s, f in kept]

    return recognize


def _keep(span: EntitySpan, flag: str, text: str, family: frozenset[str], han: re.Pattern[str]) -> bool:
    if span.kind != "person":
        return span.end - span.start >= 2
    # a Chinese name starts with a family name; single characters (張, 後) are no names
    name = text[span.start : span.end]
    return flag not in _CHINESE_NAME_FLAGS or flag == "nrfg" or pinyin_name(name, family, han) is not None


def _named(span: EntitySpan, flag: str, text: str, family: frozenset[str], han: re.Pattern[str]) -> EntitySpan:
    if span.kind == "person" and flag in _CHINESE_NAME_FLAGS:
        return EntitySpan(span.start, span.end, "person", pinyin_name(text[span.start : span.end], family, han))
    return span
