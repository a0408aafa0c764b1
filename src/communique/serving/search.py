"""Search by entity as well as by words: the query resolved through the knowledge base.

"Lavrov", "Лавров" and "Sergei Lavrov" name one entity; its names in every language and script, and
its stored actor id, go to the store's search (`communique.store.search_page`), so a query in one script
finds the documents written in another.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Engine

from communique.actors.lookup import all_names, find_ids
from communique.actors.lookup import load as load_names
from communique.store import Entities, SearchPage, search_page

MAX_QUERY_WORDS = 6  # a longer query is a phrase search, not a name


def warm() -> None:
    """Loads the knowledge base's names now, so that the first search does not wait for them."""
    load_names()


@lru_cache(maxsize=1024)
def query_entities(query: str) -> Entities:
    """The entities a query names as a whole (any spelling, any script), with all their names."""
    words = query.split()
    if not words or len(words) > MAX_QUERY_WORDS or '"' in query:
        return Entities()
    ids = sorted(find_ids(" ".join(words)))
    names = sorted({name for entity_id in ids for name in all_names(entity_id)})
    return Entities(tuple(ids), tuple(names))


def search(engine: Engine, query: str, limit: int = 20, offset: int = 0, lang: str | None = None,
           year: str | None = None) -> SearchPage:
    """Documents matching the words of `query` or naming the entity it names, with facet counts."""
    return search_page(engine, query, query_entities(query.strip()), limit, offset, lang, year)
