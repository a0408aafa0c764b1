"""Japanese named entities from the proper-noun tags of MeCab (fugashi) with the unidic-lite dictionary
(bundled, BSD): 固有名詞 人名 (a family name and the given name after it form one person), 地名 (place),
組織 (organisation)."""

from __future__ import annotations

from collections.abc import Iterable

from communique.actors.ner import Backend, EntitySpan


def load(kinds: Iterable[tuple[str, str]] = (), proper_noun: str = "") -> Backend:
    """`kinds`: the proper-noun subtag (pos3) of each kind; `proper_noun`: the pos2 tag of proper nouns
    (language data, `ner.kinds` and `ner.proper_noun`)."""
    kind_of = {str(tag): str(kind) for tag, kind in kinds}
    import fugashi  # lazy: an optional backend, imported with its dictionary when a language uses it

    tagger = fugashi.Tagger()

    def recognize(text: str) -> list[EntitySpan]:
        out: list[EntitySpan] = []
        pos = 0
        for word in tagger(text):
            surface = word.surface
            start = text.find(surface, pos)
            if start < 0:
                continue
            pos = start + len(surface)
            feature = word.feature
            kind = kind_of.get(feature.pos3) if feature.pos2 == proper_noun else None
            if kind is None:
                continue
            # 岸田 (姓) + 文雄 (名): one person; adjacent katakana parts of a foreign name likewise
            if out and out[-1].kind == kind and text[out[-1].end : start] in ("", "・", "･", "=", "＝"):
                out[-1] = EntitySpan(out[-1].start, pos, kind)
            else:
                out.append(EntitySpan(start, pos, kind))
        return out

    return recognize
