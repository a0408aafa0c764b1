"""What the similarity model reads of one article: its title, lead and body chunks, and its pipeline signals.

An article is run through the pipeline up to the actors and time stages (never the event stage, whose
encoder cost per sentence is what the chunk cap below is there to avoid). Its text is cut into the title
(the first line, or the text before the first double space as SemEval's title+body texts are joined, or
else the first sentence) and chunks of whole sentences of at most `CHUNK_CHARS` characters; the first
chunk is the lead. At most `MAX_CHUNKS` chunks (900 characters of body) are kept: the encoder does ~15-25
sentences/s per core, so the cost per article is bounded, and the opening of a news article carries its story.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields

from communique.document import Document
from communique.options import Options
from communique.pipeline import process
from communique.time import tag_time

CHUNK_CHARS = 300  # a chunk is whole sentences up to this length (a longer sentence is cut here)
# lead + 2 body chunks: grouped CV Overall 0.744 with the lead only, 0.762 with 2 chunks, 0.760 with 3, ~0.757 with
# 4 and ~0.755 with all (docs/models.md); 3 keeps more of a long article for one encoder piece more than 2
MAX_CHUNKS = 3
TITLE_CHARS = 200  # a first line longer than this is not a title; a first sentence is cut here
_TITLE_END = re.compile(r"\n|\s{2,}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w{4,}")
ENTITY_KINDS = frozenset({"person", "organization"})
PLACE_KINDS = frozenset({"country", "location"})


@dataclass(frozen=True, slots=True)
class Article:
    """One article as the similarity model sees it (all sets are of canonical, language-free keys)."""

    id: str
    lang: str
    title: str
    chunks: tuple[str, ...]  # the lead first; never empty for a non-empty text
    entities: frozenset[str]  # canonical ids of persons and organizations
    places: frozenset[str]  # canonical ids of countries and places, and the countries of actors
    dates: frozenset[str]  # full dates (YYYY-MM-DD) the article names, relative ones resolved where possible
    months: frozenset[str]  # YYYY-MM of those dates and of month-precision expressions
    numbers: frozenset[str]  # digit strings of 2+ characters (counts, years, scores): the same in any script
    words: frozenset[str]  # case-folded words of 4+ letters (names are often spelled alike across languages)
    length: int  # characters of cleaned text

    @property
    def pieces(self) -> tuple[str, ...]:
        """The texts to embed, title first."""
        return (self.title, *self.chunks)


def read_article(doc_id: str, text: str, lang: str | None = None, date: str | None = None,
                 title: str | None = None) -> Article:
    """Run the pipeline's actor and time stages on `text` and cut it into title and chunks."""
    doc = Document(id=doc_id, raw_text=text, lang_hint=lang, date=date, title=title)
    return article_from_document(doc, Options(lang=lang))


def article_from_document(doc: Document, options: Options) -> Article:
    """The article of a document as read (a reader's title and date are kept), through actors and time."""
    process(doc, options, until="actors")
    tag_time(doc, options)
    return article_of(doc)


def to_json(article: Article) -> str:
    """The article as JSON (sets sorted), for a store to keep; `from_json` reads it back."""
    return json.dumps({f.name: sorted(v) if isinstance(v, frozenset) else v
                       for f in fields(Article) for v in [getattr(article, f.name)]},
                      ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> Article:
    data = json.loads(text)
    values = {f.name: data[f.name] for f in fields(Article)}
    values["chunks"] = tuple(values["chunks"])
    for name in ("entities", "places", "dates", "months", "numbers", "words"):
        values[name] = frozenset(values[name])
    return Article(**values)


def article_of(doc: Document) -> Article:
    """The article of a document that went through the actors and time stages."""
    text = doc.text
    title, chunks = title_and_chunks(doc)
    return Article(
        id=doc.id,
        lang=doc.lang,
        title=title,
        chunks=chunks,
        entities=frozenset(m.entity_id for m in doc.mentions if m.kind in ENTITY_KINDS),
        places=frozenset({m.entity_id for m in doc.mentions if m.kind in PLACE_KINDS}
                         | {f"country:{m.country}" for m in doc.mentions if m.country}),
        dates=frozenset(v for v in _date_values(doc) if len(v) == 10),
        months=frozenset(v[:7] for v in _date_values(doc) if len(v) >= 7),
        numbers=frozenset(n for n in _NUMBER.findall(text) if len(n) >= 2),
        words=frozenset(w.casefold() for w in _WORD.findall(text)),
        length=len(text),
    )


def title_and_chunks(doc: Document) -> tuple[str, tuple[str, ...]]:
    """The title (at most TITLE_CHARS) and the chunks of a document that went through the sentences stage."""
    text = doc.text
    title_end = _title_end(doc)
    title = ((doc.title or text[:title_end]).strip() or text[:CHUNK_CHARS].strip())[:TITLE_CHARS]
    # a title without a full stop is often split into one sentence with the first line of the body
    sentences = [text[max(s.start, title_end) : s.end].strip() for s in doc.sentences if s.end > title_end]
    return title, tuple(_chunks([s for s in sentences if s])) or (title,)


def _title_end(doc: Document) -> int:
    """Where the title ends in the cleaned text: a line break or double space early on, else the first sentence."""
    if doc.title:
        return 0  # the reader gave the title apart from the text
    m = _TITLE_END.search(doc.raw_text.strip())
    if m is not None and 0 < m.start() <= TITLE_CHARS:
        head = doc.raw_text.strip()[: m.start()].strip()
        found = doc.text.find(head)
        if found >= 0:
            return found + len(head)
    return doc.sentences[0].end if doc.sentences else 0


def _chunks(sentences: list[str]) -> list[str]:
    """Whole sentences packed into chunks of at most CHUNK_CHARS, at most MAX_CHUNKS of them.

    A sentence that does not fit into a chunk still under half full is cut to fill it (at a space), so that
    a short dateline ("Köln / Göttingen.") before a long sentence does not make the whole lead.
    """
    chunks: list[str] = []
    current = ""
    for sentence in sentences:
        room = CHUNK_CHARS - len(current) - (1 if current else 0)
        if len(sentence) > room:
            if len(current) < CHUNK_CHARS // 2:
                current = f"{current} {_cut(sentence, room)}".strip()
                sentence = ""
            chunks.append(current)
            current = ""
            if len(chunks) == MAX_CHUNKS:
                return chunks
            if not sentence:
                continue
        current = f"{current} {sentence}" if current else _cut(sentence, CHUNK_CHARS)
    if current and len(chunks) < MAX_CHUNKS:
        chunks.append(current)
    return chunks


def _cut(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at the last space when there is one."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    space = head.rfind(" ")
    return head[:space] if space > limit // 2 else head


def _date_values(doc: Document) -> list[str]:
    """TIMEX3 values with a known year (YYYY, YYYY-MM or YYYY-MM-DD), targets ("Vision 2030") left out."""
    return [t.value for t in doc.timexes
            if t.value and not t.is_target and t.value[:4].isdigit() and t.type == "DATE"]
