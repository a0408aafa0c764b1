"""Japanese named entities from the proper-noun tags of MeCab (fugashi) with the unidic-lite dictionary
(bundled, BSD): 固有名詞 人名 (a family name and the given name after it form one person), 地名 (place),
組織 (organisation)."""

from __future__ import annotations

from communique.actors.ner import Backend, EntitySpan

_KINDS = {"人名": "person", "地名": "location", "組織": "organization"}


def load() -> Backend:
    import fugashi

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
            kind = _KINDS.get(feature.pos3) if feature.pos2 == "固有名詞" else None
            if kind is None:
                continue
            # 岸田 (姓) + 文雄 (名): one person; adjacent katakana parts of a foreign name likewise
            if out and out[-1].kind == kind and text[out[-1].end : start] in ("", "・", "･", "=", "＝"):
                out[-1] = EntitySpan(out[-1].start, pos, kind)
            else:
                out.append(EntitySpan(start, pos, kind))
        return out

    return recognize
