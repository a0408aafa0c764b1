"""Russian named entities with natasha's news NER (slovnet CNN-CRF over navec embeddings, bundled in the
`natasha` package: about 27 MB, MIT). The model reads the whole text at once; it tags PER, ORG and LOC."""

from __future__ import annotations

from communique.actors.ner import Backend, EntitySpan

_KINDS = {"PER": "person", "ORG": "organization", "LOC": "location"}


def load() -> Backend:
    # lazy: an optional backend, imported with its model when a language uses it
    from natasha import NewsEmbedding, NewsNERTagger

    tagger = NewsNERTagger(NewsEmbedding())

    def recognize(text: str) -> list[EntitySpan]:
        return [EntitySpan(s.start, s.stop, _KINDS[s.type]) for s in tagger(text).spans if s.type in _KINDS]

    return recognize
