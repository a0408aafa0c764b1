"""Greek names in Latin letters, as the English spellings of the names sound (actors/xscript.py).

Greek writes the sounds it lacks with pairs of letters: ντ is d and μπ b at the start of a word, after a
consonant or between vowels (Ντόναλντ Donald, Ομπάμα Obama; Τραμπ tramp keeps the m of Trump); γκ is g but
between vowels (Σεργκέι sergey, Άγκυρα angyra); τζ is j (Τζο jo); γγ is ng. The vowel pairs ου (u), αι (e),
ει, οι (i) are one vowel unless an accent on the first letter or a diaeresis on the second splits them
(Μπάιντεν baiden, Καΐρου kairu); ι after a vowel before another vowel or at the end is the glide y (Λάιεν
layen, Σεργκέι sergey); αυ, ευ are av, ev (af, ef before a voiceless consonant). χ is h (Χακάν hakan), θ th,
φ f, ψ ps, ξ x, β v, υ y, η i, ω o; γ before ε, ι, η, υ is y (Ταγίπ tayip, Γιάννης yannis).
"""

from __future__ import annotations

import re
import unicodedata

_GREEK_RE = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_TONOS = "\u0301"
_DIAERESIS = "\u0308"
_VOWELS = frozenset("αεηιουω")
_VOICELESS = frozenset("θκξπστφχψ")
_FRONT = frozenset("εηιυ")
_LETTERS = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k", "λ": "l",
    "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f",
    "χ": "h", "ψ": "ps", "ω": "o",
}

# Two letters read as one sound, always (consonants) or unless a diaeresis or accent splits them (vowels).
_CONSONANT_PAIRS = {"γγ": "ng", "γχ": "nh", "γξ": "nx", "τζ": "j", "τσ": "ts"}
_VOWEL_PAIRS = {"ου": "u", "αι": "e", "ει": "i", "οι": "i", "υι": "i"}


def _letters(word: str) -> list[tuple[str, bool, bool]]:
    """(letter in lower case without marks, accented, with a diaeresis) for each letter of `word`."""
    out: list[tuple[str, bool, bool]] = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if unicodedata.combining(ch):
            if out:
                letter, accented, split = out[-1]
                out[-1] = (letter, accented or ch != _DIAERESIS, split or ch == _DIAERESIS)
            continue
        out.append((ch, False, False))
    return out


def phonetic_latin(word: str) -> str | None:
    """The Latin reading of a Greek word (Χακάν -> hakan, Ντόναλντ -> donald), None for a word of another script."""
    if not _GREEK_RE.search(word):
        return None
    letters = _letters(word)
    chars = [c for c, _, _ in letters]
    n = len(chars)

    def at(k: int) -> str:
        return chars[k] if 0 <= k < n else ""

    def vowel_around(k: int) -> bool:
        """The pair at k, k+1 stands at the start of the word or between vowels."""
        return k == 0 or not at(k - 1).isalpha() or (at(k - 1) in _VOWELS and at(k + 2) in _VOWELS)

    out: list[str] = []
    i = 0
    while i < n:
        c, nxt = chars[i], at(i + 1)
        pair = c + nxt
        # the second vowel of a pair read apart: accented first letter (άι), or a diaeresis on the second (αϊ)
        apart = nxt in _VOWELS and (letters[i][1] or letters[i + 1][2])
        if pair == "ντ":
            out.append("d" if vowel_around(i) or (at(i - 1).isalpha() and at(i - 1) not in _VOWELS) else "nt")
            i += 2
        elif pair == "μπ":
            out.append("b" if vowel_around(i) or (at(i - 1).isalpha() and at(i - 1) not in _VOWELS) else "mp")
            i += 2
        elif pair == "γκ":
            out.append("ng" if i > 0 and at(i - 1) in _VOWELS and at(i + 2) in _VOWELS else "g")  # Άγκυρα, Σεργκέι
            i += 2
        elif pair in _CONSONANT_PAIRS:
            out.append(_CONSONANT_PAIRS[pair])
            i += 2
        elif pair in _VOWEL_PAIRS and not apart:
            out.append(_VOWEL_PAIRS[pair])
            i += 2
        elif pair in ("αυ", "ευ") and not apart:
            out.append(_LETTERS[c] + ("f" if at(i + 2) in _VOICELESS else "v"))
            i += 2
        elif c == "γ" and nxt == "ι" and at(i + 2) in _VOWELS:
            out.append("y")  # Γιάννης Yannis: the ι only softens the γ
            i += 2
        elif c == "γ" and nxt in _FRONT:
            out.append("y")
            i += 1
        elif c == "ι" and i > 0 and at(i - 1) in _VOWELS and (at(i + 1) in _VOWELS or not at(i + 1).isalpha()):
            out.append("y")  # a glide after a vowel: Λάιεν Layen, Σεργκέι Sergey
            i += 1
        else:
            out.append(_LETTERS.get(c, c))
            i += 1
    return "".join(out)


def to_latin(text: str) -> str:
    """Greek words in Latin letters, for name keys and ids (Πούτιν and Путин both key as putin); other text as
    it is. A word whose reading keys to fewer than three letters stays Greek (Η, Οι, υγει- read i): so short a
    key would meet unrelated Latin names."""
    return _GREEK_WORD_RE.sub(_word_to_latin, text)


_GREEK_WORD_RE = re.compile("[\u0370-\u03ff\u1f00-\u1fff]+")
_DOUBLED_RE = re.compile(r"(.)\1+")
_MIN_KEY_LETTERS = 3


def _word_to_latin(found: re.Match[str]) -> str:
    word = found.group()
    latin = phonetic_latin(word) or word
    return latin if len(_DOUBLED_RE.sub(r"\1", latin.replace("y", "i"))) >= _MIN_KEY_LETTERS else word
