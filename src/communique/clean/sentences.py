"""The sentences stage: doc.sentences, sorted (start, end) spans covering the text, trimmed.

A fast rule-based splitter. Every line is a paragraph; inside a line a sentence ends at . ! ? …
(and any closing quotes/brackets) followed by whitespace and a capital letter, a digit, an opening
quote or bracket, or a dash, unless the word before the period is an abbreviation of the document's
language or of any language (`sentences.abbreviations` in lang/<code>/data.yaml), an initial ("А.
Руденко"), a dotted abbreviation ("z.B.", "т.е.", "U.S."), or an ordinal number in a language that
writes them with a period ("23. Januar"). CJK full stops (。！？) end a sentence without a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from communique import lang as languages
from communique.document import Document, Sentence
from communique.options import Options

_LINE = re.compile(r"[^\n]+")
# A terminator with its closing quotes/brackets, then the whitespace before the next sentence.
_BOUNDARY = re.compile(r"(?:[.!?…]+|[。！？]+)[\"'»”’)\]]*(?=\s+\S)|[。！？]+[\"'»”’)\]」』]*(?=\S)")
_OPENERS = "\"'«“„‘([{—–-¿¡"
_DOTTED = re.compile(r"(?:\w{1,3}\.){2,}")  # z.B. т.е. U.S. d.h. e.g.
_ORDINAL = re.compile(r"(?:.*[^\w.,])?\d{1,3}\.")  # "23.", "(21.", "1924–21." (not "2023.")
_STRIP_OPEN = "\"'«“„‘([{"


@dataclass(frozen=True, slots=True)
class SentenceRules:
    abbreviations: frozenset[str]  # case-folded, with the final period
    numeric: frozenset[str]  # abbreviations that do not end a sentence before a number
    ordinal_numbers: bool


@cache
def sentence_rules(lang: str) -> SentenceRules:
    """The rules of a language merged with the catch-all `xx` ones (loaded once per language)."""
    abbreviations: set[str] = set()
    numeric: set[str] = set()
    ordinal = False
    for source in dict.fromkeys([languages.FALLBACK, lang]):
        data = languages.section(source, "sentences")
        abbreviations.update(_folded(data.get("abbreviations", [])))
        numeric.update(_folded(data.get("numeric_abbreviations", [])))
        if source == lang:
            ordinal = bool(data.get("ordinal_numbers", False))
    return SentenceRules(frozenset(abbreviations), frozenset(numeric), ordinal)


def _folded(values: list[object]) -> set[str]:
    """Abbreviations as compared: case-folded; "z. B." is kept as its last word "B."."""
    return {str(v).split()[-1].casefold() for v in values if str(v).strip()}


def split_sentences(doc: Document, options: Options) -> None:
    doc.sentences = sentence_spans(doc.text, doc.lang)


def sentence_spans(text: str, lang: str = "und") -> list[Sentence]:
    rules = sentence_rules(lang)
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for m in _BOUNDARY.finditer(text, line.start(), line.end()):
            if is_sentence_end(text, m, start, rules):
                _append_trimmed(sentences, text, start, m.end())
                start = m.end()
        _append_trimmed(sentences, text, start, line.end())
    return sentences


def is_sentence_end(text: str, m: re.Match[str], sentence_start: int, rules: SentenceRules) -> bool:
    terminator = m.group()
    if terminator[0] in "。！？":
        return True
    nxt = _next_char(text, m.end())
    if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or (nxt.isalpha() and not nxt.islower())):
        return False
    if not terminator.startswith(".") or terminator.startswith(".."):
        return True  # ! ? … and "..." end sentences; only a single period can be an abbreviation
    word = _word_before(text, m, sentence_start)
    return not is_abbreviation(word, nxt, rules)


def is_abbreviation(word: str, nxt: str, rules: SentenceRules) -> bool:
    """Whether `word` (ending in its period) is an abbreviation, initial or ordinal, not a sentence end."""
    if not word:
        return False
    folded = word.casefold()
    if folded in rules.abbreviations:
        return True
    if len(word) == 2 and word[0].isalpha():
        return True  # an initial: "А. Руденко", "M. Macron", "z. B."
    if _DOTTED.fullmatch(word):
        return True
    if rules.ordinal_numbers and _ORDINAL.fullmatch(word):
        return True
    return nxt.isdigit() and folded in rules.numeric


def _word_before(text: str, m: re.Match[str], sentence_start: int) -> str:
    """The word the terminator closes, with its period and without opening quotes/brackets. A bracket or
    quote opens a word even with no space before it, as in a language written without spaces ("大臣(H.E.")."""
    end = m.start() + 1  # the first period only
    start = end - 1
    while start > sentence_start and not text[start - 1].isspace() and text[start - 1] not in _STRIP_OPEN:
        start -= 1
    return text[start:end].lstrip(_STRIP_OPEN)


def _next_char(text: str, pos: int) -> str:
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return text[pos] if pos < n else ""


def _append_trimmed(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end))
