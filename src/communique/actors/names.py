"""Name forms across scripts and conventions: folding and one matching key for every spelling.

Names appear in several spelling conventions (Tschernyschenko, Tchernychenko, Chernyshenko) and
scripts (Чернышенко). `match_key` maps them to one loose key: a word in a script that a language
reads (`lang.script_reader`) is first transliterated by that language's `names.to_latin` hook, then
the spelling rules of the language (`names.spelling` in its folder, else the fallback's) rewrite it.
Transcription tables, stemming and inflection live in the language folders (`communique/lang/`).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from communique import lang
from communique.lang.folding import fold

__all__ = ["fold", "match_key", "spelling_rules"]

_INITIAL_YE_RE = re.compile(r"^(?:ye|ie|je)")
_DOUBLED_RE = re.compile(r"(.)\1+")
# Placeholders (upper case, so that rewrites never feed each other) and what they stand for.
_PLACEHOLDERS = str.maketrans({"C": "ch", "S": "sh", "H": "h", "Z": "zh", "T": "ts", "D": "dzh"})


@cache
def spelling_rules(code: str) -> tuple[tuple[str, str], ...]:
    """The ordered rewrites of how `code` spells foreign names (`names.spelling`), else the fallback's."""
    rules = lang.section(code, "names").get("spelling")
    if rules is None:
        rules = lang.section(lang.FALLBACK, "names").get("spelling") or []
    return tuple((str(src), str(dst)) for src, dst in rules)


@lru_cache(maxsize=131072)
def match_key(token: str, code: str) -> str:
    """A loose key for a name token that is the same for all the spellings of one name.

    Tokens in a script a language reads are transliterated by it first; Latin tokens are read by the
    convention of `code`. `Чернышенко`, `Chernyshenko` (en), `Tschernyschenko` (de) and
    `Tchernychenko` (fr) share a key.
    """
    low = fold(token)
    reader = lang.script_reader(low)
    to_latin = lang.hook(reader, "names", "to_latin") if reader else None
    if reader and to_latin:
        low = fold(to_latin(low))
        code = reader
    for src, dst in spelling_rules(code):
        low = low.replace(src, dst)
    low = low.translate(_PLACEHOLDERS)
    low = low.replace("x", "ks").replace("kh", "h").replace("j", "y")
    # German writes both the voiced and the voiceless s as s (Sjuganow, Sergej): s and z are one letter
    # in the key ("Z" holds zh meanwhile: no upper case is left after the placeholders)
    low = low.replace("zh", "Z").replace("z", "s").replace("Z", "zh")
    low = _INITIAL_YE_RE.sub("e", low)
    low = low.replace("y", "i")
    low = _DOUBLED_RE.sub(r"\1", low)  # Gennadi / Guennadi / Genadi, and ii -> i
    return low.replace("'", "").replace("’", "").replace("\u05f3", "")  # and the Hebrew geresh (ג׳ = ג')


def stem(word: str, code: str) -> str:
    """The word without its inflection, by the `names.stem` hook of `code`, else by its case endings
    (`names.case_endings`: the longest one that leaves 4 letters goes), else unchanged."""
    stemmer = lang.hook(code, "names", "stem")
    if stemmer:
        return str(stemmer(word))
    endings = case_endings(code)
    if not endings:
        return word
    # endings are matched as written (Polish -ów is no English -ow: Moscow keeps it), then folded
    low = word.lower()
    for ending in endings:
        if low.endswith(ending) and len(low) - len(ending) >= _MIN_STEM:
            return fold(low[: -len(ending)])
    return fold(low)


# The shortest stem left: shorter ones join unrelated short names (Mali, "Mało").
_MIN_STEM = 4


@cache
def case_endings(code: str) -> tuple[str, ...]:
    """The case endings of a language's names (lower case, longest first), from its `names.case_endings`.

    A language without a folder (Czech, Hungarian, Finnish... before anyone writes theirs) takes the
    fallback's `names.unknown_language_endings`: the endings that names take in the inflecting languages of
    Europe, so that "Dmytrem Kulebou" and "Putinin" still find their person. Languages with a folder say
    their own (none: names do not inflect).
    """
    if lang.without_folder(code):
        listed = lang.section(lang.FALLBACK, "names").get("unknown_language_endings") or []
    else:
        listed = lang.section(code, "names").get("case_endings") or []
    endings = {str(e).lower() for e in listed}
    return tuple(sorted(endings, key=lambda e: (-len(e), e)))

