"""Korean person names from kiwipiepy's morphological analysis (model bundled in `kiwipiepy_model`,
LGPL-3.0). Kiwi tags proper nouns (NNP) without saying which kind they are, so only two shapes are read as
persons: a Korean name (a family name from the language data, then one or two syllables: 윤석열) and a run
of two or more proper nouns written as separate words (세르게이 라브로프, a foreign name in Hangul). Other
proper nouns (서울, 트럼프 alone) are left to the knowledge base.

A Korean name is given its usual Latin spelling: the family name as the language data spells it (문 Moon,
이 Lee), the given name in Revised Romanization with a hyphen between syllables (문재인 -> Moon Jae-in).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from anyascii import anyascii

from communique.actors.ner import Backend, EntitySpan

# What stands between two words of one foreign name: a space, or a Latin middle initial (조지 W. 부시).
_INITIAL_GAP_RE = re.compile(r" (?:[A-Z]\. ?)?")


def _is_hangul(word: str, hangul: re.Pattern[str]) -> bool:
    return hangul.fullmatch(word) is not None


def korean_name(word: str, surnames: Mapping[str, str], not_endings: tuple[str, ...],
                hangul: re.Pattern[str]) -> str | None:
    """The Latin spelling of a Korean name (김흔진 -> Kim Heun-jin), or None for a word of another shape
    (one that ends like a place or a body: 한반도, 백악관)."""
    if not _is_hangul(word, hangul) or len(word) not in (3, 4) or word.endswith(not_endings):
        return None
    family = word[:2] if len(word) == 4 else word[:1]  # a given name has two syllables: 제갈 + 성렬
    if family not in surnames:
        return None
    given = "-".join(anyascii(syllable) for syllable in word[len(family) :])
    return f"{surnames[family]} {given.capitalize()}"


def _korean_name_end(text: str, start: int, surnames: Mapping[str, str], endings: tuple[str, ...],
                     particle_at: set[int], hangul: re.Pattern[str]) -> int | None:
    """The end of a Korean name starting a word at `start` (the word, or the word before its particle)."""
    if start > 0 and not text[start - 1].isspace():
        return None
    word_end = start
    while word_end < len(text) and not text[word_end].isspace():
        word_end += 1
    for size in (3, 4):
        end = start + size
        if (end == word_end or end in particle_at) and korean_name(text[start:end], surnames, endings, hangul):
            return end
    return None


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    pos = start
    for word in text[start:end].split(" "):
        if word:
            out.append((pos, pos + len(word), word))
        pos += len(word) + 1
    return out


def _foreign_name(words: list[str], hangul: re.Pattern[str]) -> bool:
    """Two or three Hangul words of two to five syllables, one longer than two (도널드 트럼프, not 북한 원산)."""
    return (2 <= len(words) <= 3 and all(_is_hangul(w, hangul) and 2 <= len(w) <= 5 for w in words)
            and any(len(w) >= 3 for w in words))


def load(surnames: Mapping[str, str] | tuple[tuple[str, str], ...] = (),
         not_name_endings: Iterable[str] = (), syllables: str = "") -> Backend:
    """`syllables`: a character-class body of the Hangul syllables (language data, `ner.syllables`)."""
    from kiwipiepy import Kiwi  # lazy: an optional backend, imported with its model when a language uses it

    # Without the multi-word dictionary (190 of its 520 MB; on the ko dev texts it changed 5 of 264 proper
    # nouns, names the runs below join again): the process stays within its memory budget.
    kiwi = Kiwi(load_multi_dict=False)
    family = dict(surnames)
    endings = tuple(not_name_endings)
    hangul = re.compile(f"[{syllables}]+") if syllables else re.compile("(?!x)x")

    def recognize(text: str) -> list[EntitySpan]:
        tokens = [(t.start, t.start + t.len, t.form, t.tag) for t in kiwi.tokenize(text)]
        particle_at = {start for start, _, _, tag in tokens if tag.startswith("J")}
        runs: list[list[tuple[int, int, str]]] = []
        for start, end, _form, tag in tokens:
            if tag != "NNP":
                continue
            name_end = _korean_name_end(text, start, family, endings, particle_at, hangul)
            end = max(end, name_end or 0)  # 김 + 흔 + 진: the analyser split a name it does not know
            prev = runs[-1][-1] if runs else None
            words = _words(text, start, end)  # one token may hold a whole foreign name: 세르게이 라브로프
            if prev is not None and start < prev[1]:
                continue
            if prev is not None and _INITIAL_GAP_RE.fullmatch(text[prev[1] : start]):
                runs[-1] += words  # 도널드 트럼프, and 도널드 J. 트럼프 with a middle initial
            else:
                runs.append(words)
        out: list[EntitySpan] = []
        for run in runs:
            korean = [(s, e, latin) for s, e, form in run if (latin := korean_name(form, family, endings, hangul))]
            if korean and not (len(run) > 1 and _foreign_name([form for _, _, form in run], hangul)):
                out += [EntitySpan(s, e, "person", latin) for s, e, latin in korean]
                continue
            while run and not 2 <= len(run[-1][2]) <= 5:
                run = run[:-1]  # 오코우치 아키히로 아시아대양주국: the long word after the name is its office
            if _foreign_name([w for _, _, form in run for w in form.split()], hangul):
                out.append(EntitySpan(run[0][0], run[-1][1], "person"))  # 세르게이 라브로프
        return out

    return recognize
