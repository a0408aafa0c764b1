"""The language stage: doc.lang (ISO 639-1, or "und") and doc.lang_score (0..1).

py3langid with its own identifier instance (loaded once, lazily), restricted to the languages news
is likely to come in, so that the module-level identifier other code may use is left untouched.
Order of authority: --lang (options.lang), then the input's hint (JSONL `lang`), then the model.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from communique import lang as languages
from communique.document import Document
from communique.options import Options

# Our six languages, the other likely news languages, and neighbours that keep those honest
# (without uk/bg/sr, Ukrainian would be called Russian; without ms, Malay would be called Indonesian).
CANDIDATES = ("en", "ru", "de", "fr", "id", "vi", "es", "pt", "zh", "tr", "pl", "ar", "it", "nl", "uk", "ms", "ja",
              "ko", "th", "cs", "ro", "hu", "el", "he", "fa", "hi", "bg", "sr", "sv", "da", "no", "fi")
UNDETERMINED = "und"
MIN_LETTERS = 20  # fewer letters than this: too short to tell
SAMPLE_CHARS = 400  # the first characters decide; more only costs time (the model walks every byte)

_LETTER = re.compile(r"[^\W\d_]")
MIN_MARKERS = 2  # a neighbour's verdict stands with this many of its own markers in the text


@cache
def _neighbours() -> dict[str, tuple[str, re.Pattern[str]]]:
    """Neighbour -> (the language it is read as, the neighbour's own markers), from `language.read_for`:
    Malay is taken to be Indonesian unless Malaysian spellings that Indonesian does not use appear."""
    out: dict[str, tuple[str, re.Pattern[str]]] = {}
    for code, neighbours in languages.everywhere("language", "read_for"):
        for neighbour, markers in neighbours.items():
            words = "|".join(re.escape(str(m)) for m in markers)
            out[str(neighbour)] = (code, re.compile(rf"\b(?:{words})\b", re.IGNORECASE))
    return out


def is_language_code(code: str) -> bool:
    """True for an ISO 639 language code that CLDR knows ("vi", "fil"), whatever data we have for it:
    a language without data of its own still gets the language-neutral pipeline."""
    from babel import Locale, UnknownLocaleError  # lazy: babel (0.05 s measured) only when --lang is given

    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return code.isalpha() and code.islower() and 2 <= len(code) <= 3


@cache
def identifier() -> Any:
    """A py3langid identifier of our own, with normalized probabilities, restricted to CANDIDATES."""
    # lazy: py3langid loads its model on import (0.22 s measured); only a run that identifies a language pays
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(CANDIDATES))
    return ident


def identify_language(doc: Document, options: Options) -> None:
    """Set doc.lang and doc.lang_score from the cleaned text (and --lang / the input's hint)."""
    forced = getattr(options, "lang", None)
    sample = doc.text[:SAMPLE_CHARS]
    if forced:
        doc.lang, doc.lang_score = forced, 1.0
        return
    if doc.lang_hint:
        # The input says which language it is: trusted, and the model is not run (it costs more than all
        # later stages of a short article together). `probability_of` is there to check a hint on demand.
        doc.lang, doc.lang_score = doc.lang_hint, 1.0
        return
    doc.lang, doc.lang_score = detect_language(sample)


def detect_language(text: str) -> tuple[str, float]:
    """(language, probability) of a text; ("und", 0.0) when it has too few letters."""
    if len(_LETTER.findall(text, 0, 400)) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    lang, score = identifier().classify(text)
    read_as = _neighbours().get(str(lang))
    if read_as is not None and len(read_as[1].findall(text)) < MIN_MARKERS:
        lang = read_as[0]  # the two are close; the news we expect is in the language with data
    return str(lang), round(float(score), 4)


def probability_of(text: str, lang: str) -> float:
    """The model's probability for a given language (0.0 if it is not a candidate or text is too short)."""
    if lang not in CANDIDATES or len(_LETTER.findall(text, 0, 400)) < MIN_LETTERS:
        return 0.0
    for candidate, score in identifier().rank(text):
        if candidate == lang:
            return round(float(score), 4)
    return 0.0
