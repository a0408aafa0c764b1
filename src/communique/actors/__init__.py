"""Actors: recognition of persons, organizations, countries and places, resolved to entities.

    recognize_actors(doc, options)   the pipeline stage: fills doc.mentions (sorted by start)
    mentions_in(doc, start, end)     the mentions inside a span (for the events stage)
    anchor_date(doc, options)        the date that dated KB roles are read at

Modules: names (folding, transcription, spelling keys, inflection), gazetteer (KB and CLDR names as
token-key phrases), titles (the per-language titles lexicon), recognize (mentions), resolve (entities,
roles, coreference), kb (the knowledge base loader).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from communique.document import Document, Mention

if TYPE_CHECKING:
    from communique.options import Options


def anchor_date(doc: Document, options: Options | None) -> str | None:
    """The document date if known (the time stage sets doc.date later), else --doc-date."""
    return doc.date or (options.doc_date if options is not None else None)


def recognize_actors(doc: Document, options: Options) -> None:
    """Find actor and place mentions in doc.text and resolve them (fills doc.mentions, sorted by start)."""
    # lazy: the recognisers, gazetteer and KB modules load when the stage first runs, not on `import communique.actors`
    from communique.actors.recognize import effective_lang, recognize
    from communique.actors.resolve import resolve_mentions

    if not doc.text:
        doc.mentions = []
        return
    lang = effective_lang(doc.lang, doc.text)
    # the document's own language: its data may name a model (Ukrainian) where the effective one (ru) differs
    drafts, tokens = recognize(doc.text, doc.lang or lang, anchor_date(doc, options))
    doc.mentions = resolve_mentions(drafts, tokens, doc.text, lang, anchor_date(doc, options))


def mentions_in(doc: Document, start: int, end: int) -> list[Mention]:
    """The mentions that lie inside [start, end) (doc.mentions is sorted by start)."""
    starts = [m.start for m in doc.mentions]
    lo = bisect.bisect_left(starts, start)
    out = []
    for m in doc.mentions[lo:]:
        if m.start >= end:
            break
        if m.end <= end:
            out.append(m)
    return out


def government_seat(m: Mention) -> Mention | None:
    """A capital or seat of government ("Moscow", "the Kremlin") read as its country's government: the country
    mention over the same characters, or None for any other place. Whether a text uses the name so ("Moscow
    condemned …", not "talks in Moscow") is the reader's call (events.sides.speaks_for_country)."""
    if m.kind != "location" or not m.country:
        return None
    # lazy, as in recognize_actors: the KB and the cities table load on first use
    from communique.actors.cities import is_capital
    from communique.actors.countries import country_names
    from communique.actors.kb import load_kb

    entity = load_kb().get(m.entity_id)
    if not (entity is not None and entity.type in ("capital", "seat") or is_capital(m.name, m.country)
            or is_capital(m.text, m.country)):
        return None
    return country_mention(m, m.country, "seat") if m.country in country_names() else None


def country_mention(m: Mention, code: str, source: str, confidence: float = 1.0) -> Mention:
    """Country `code` as a mention over `m`'s characters: a place's country ("Rabat": Morocco), a seat's
    government, the country a person of a group stands for; `source` says which."""
    from communique.actors.countries import country_names  # lazy: CLDR names, on first use

    return Mention(m.start, m.end, m.text, "country", f"country:{code}", country_names().get(code, code),
                   country=code, source=source, confidence=confidence)
