"""`communique similar`: do two articles tell the same story? (SemEval-2022 Task 8 scale: 1 same … 4 unrelated.)

    communique similar A B                 two files, or two stored document ids (--db)
    communique similar --pairs FILE.jsonl  many pairs: lines with pair_id, lang1, lang2, text1, text2
    communique similar --near ID           the stored articles most alike a stored one, in any language

The similarity layer, the pipeline and the store are imported inside the command (`# lazy`): they load the
language data, the encoder and SQLAlchemy, which `communique --help` must not pay for.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from communique.cli.output import EXIT_BAD_INPUT, EXIT_USAGE, Format, choose_format, emit, fail, say, store_errors
from communique.cli.params import Db, Lang, run_options
from communique.cli.terminal import progress_bar

if TYPE_CHECKING:
    from communique.similarity import Article, Similarity

PairsOpt = Annotated[Path | None, typer.Option("--pairs", help="A JSONL file of pairs: pair_id, lang1, lang2, "
                                                               "text1, text2 (one pair a line).")]
NearOpt = Annotated[str | None, typer.Option("--near", help="A stored document id: list the most similar stored "
                                                            "articles.")]
TopOpt = Annotated[int, typer.Option("--top", min=1, help="How many articles --near lists.")]
Items = Annotated[list[str] | None, typer.Argument(help="Two files or stored document ids.", show_default=False)]

PAIR_COLUMNS = [("pair_id", "pair"), ("score", "score"), ("verdict", "verdict"), ("Geography", "geography"),
                ("Entities", "entities"), ("Time", "time"), ("Narrative", "narrative")]
NEAR_COLUMNS = [("id", "id"), ("lang", "lang"), ("score", "score"), ("verdict", "verdict"), ("title", "title")]
BATCH = 32  # pairs whose articles are embedded in one encoder call


def similar(items: Items = None, pairs: PairsOpt = None, near: NearOpt = None, top: TopOpt = 10,
            lang: Lang = None, db: Db = None, format: Format = None) -> None:
    """Score how alike two articles are, 1 (same story) to 4 (unrelated), with its parts."""
    given = [bool(items), pairs is not None, near is not None]
    if sum(given) != 1:
        fail("give two articles (A B), or --pairs FILE.jsonl, or --near ID", EXIT_USAGE)
    fmt = choose_format(format)
    if pairs is not None:
        _score_pairs(pairs, fmt)
    elif near is not None:
        _near(near, top, db, fmt)
    else:
        _two(items or [], lang, db, fmt)


def record_of(sim: Similarity, **ids: Any) -> dict[str, Any]:
    """One output record: ids, the score and its verdict, the parts, what both articles share, the features."""
    return {**ids, "score": sim.score, "verdict": sim.verdict, **sim.parts, "parts": sim.parts,
            "shared": sim.shared, "features": sim.features}


def _two(items: list[str], lang: str | None, db: str | None, fmt: str) -> None:
    # lazy: the similarity layer loads the pipeline and the encoder (see the module docstring)
    from communique.similarity import compare

    if len(items) != 2:
        fail(f"give exactly two articles, not {len(items)}", EXIT_USAGE)
    a, b = (_article(item, lang, db) for item in items)
    sim = compare(a, b)
    rec = record_of(sim, a=a.id, b=b.id)
    if fmt == "table":
        _print_one(a, b, sim)
    else:
        emit(iter([rec]), fmt, [], "")


def _print_one(a: Article, b: Article, sim: Similarity) -> None:
    typer.echo(f"{a.id} ({a.lang}) vs {b.id} ({b.lang})")
    typer.echo(f"score {sim.score:.2f}  {sim.verdict}   (1 = same story … 4 = unrelated)")
    for part, value in sim.parts.items():
        typer.echo(f"  {part.lower():<10} {value:.2f}")
    for kind, shared in sim.shared.items():
        if shared:
            typer.echo(f"  shared {kind}: {', '.join(shared)}")


def _article(item: str, lang: str | None, db: str | None) -> Article:
    """A file (read as the readers read it) or, failing that, a stored document id."""
    # lazy: the readers, the pipeline and the store (see the module docstring)
    from communique.errors import InputError
    from communique.read import read_inputs
    from communique.similarity import article_from_document

    if Path(item).is_file():
        options = run_options(None, lang)
        docs = [d for d in read_inputs([item], options)]
        errors = [d for d in docs if isinstance(d, InputError)]
        if errors:
            fail(errors[0], EXIT_BAD_INPUT)
        if len(docs) != 1:
            fail(f"{item}: holds {len(docs)} documents; give a file of one article", EXIT_BAD_INPUT)
        doc = docs[0]
        assert not isinstance(doc, InputError)
        return article_from_document(doc, options)
    return _stored_article(item, db)


def _stored_article(doc_id: str, db: str | None) -> Article:
    # lazy: the store and the similarity layer (see the module docstring)
    from communique.similarity import read_article
    from communique.store import document_source, open_store

    with store_errors(db):
        source = document_source(open_store(db), doc_id)
    if source is None:
        fail(f"{doc_id}: neither a file nor a stored document id", EXIT_BAD_INPUT)
    return read_article(source.doc_id, source.raw_text, source.lang, source.date, source.title)


def _score_pairs(path: Path, fmt: str) -> None:
    # lazy: the similarity layer (see the module docstring)
    from communique.similarity import compare_many

    bad = False

    def records() -> Iterator[dict[str, Any]]:
        nonlocal bad
        batch: list[tuple[str, Article, Article]] = []
        for item in _read_pairs(path):
            if isinstance(item, str):
                say(item)
                bad = True
                continue
            batch.append(item)
            if len(batch) == BATCH:
                yield from _scored(batch, compare_many)
                batch = []
        yield from _scored(batch, compare_many)

    emit(records(), fmt, PAIR_COLUMNS, "Pairs")
    if bad:
        raise typer.Exit(EXIT_BAD_INPUT)


def _scored(batch: list[tuple[str, Article, Article]], compare_many: Any) -> Iterator[dict[str, Any]]:
    sims = compare_many([(a, b) for _, a, b in batch])
    for (pair_id, _, _), sim in zip(batch, sims, strict=True):
        yield record_of(sim, pair_id=pair_id)


def _read_pairs(path: Path) -> Iterator[tuple[str, Article, Article] | str]:
    """(pair_id, article 1, article 2) per line, or one line saying what is wrong with a line."""
    # lazy: the similarity layer (see the module docstring)
    from communique.similarity import read_article

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        fail(f"{path}: cannot be read ({getattr(error, 'strerror', None) or error})", EXIT_BAD_INPUT)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield f"{path}:{number}: not JSON ({error.msg})"
            continue
        if not isinstance(row, dict):
            yield f"{path}:{number}: expected a JSON object"
            continue
        texts = [row.get("text1"), row.get("text2")]
        if not all(isinstance(t, str) and t.strip() for t in texts):
            yield f"{path}:{number}: needs text1 and text2 (non-empty strings)"
            continue
        pair_id = str(row.get("pair_id", number))
        langs = [row.get("lang1"), row.get("lang2")]
        langs = [lg.lower() if isinstance(lg, str) and lg.strip() else None for lg in langs]
        yield (pair_id, read_article(f"{pair_id}#1", str(texts[0]), langs[0]),
               read_article(f"{pair_id}#2", str(texts[1]), langs[1]))


def _near(doc_id: str, top: int, db: str | None, fmt: str) -> None:
    # lazy: the similarity layer and the store (see the module docstring)
    import numpy as np

    # lazy: as above
    from communique.similarity import PROFILE_MODEL, embed, from_json, nearest, read_article, to_json
    from communique.store import StoredProfile, documents_without_profile, load_profiles, open_store, save_profiles

    with store_errors(db):
        engine = open_store(db)
        todo = documents_without_profile(engine, PROFILE_MODEL)
        if todo:
            say(f"computing the similarity profiles of {len(todo)} stored documents (once)")
            with progress_bar("similarity profiles") as advance:
                for start in range(0, len(todo), BATCH):
                    rows = []
                    for source in todo[start : start + BATCH]:
                        article = read_article(source.doc_id, source.raw_text, source.lang, source.date, source.title)
                        rows.append(StoredProfile(source.doc_id, to_json(article), embed(article).tobytes()))
                        if advance is not None:
                            advance()
                    save_profiles(engine, PROFILE_MODEL, rows)
        stored = [(from_json(p.profile), np.frombuffer(p.vectors, dtype=np.float32).reshape(-1, 384))
                  for p in load_profiles(engine, PROFILE_MODEL)]
    target = next(((a, v) for a, v in stored if a.id == doc_id), None)
    if target is None:
        fail(f"{doc_id}: no such stored document", EXIT_BAD_INPUT)
    found = nearest(target[0], target[1], stored, top)
    emit(({"id": a.id, "lang": a.lang, "score": s.score, "verdict": s.verdict, "title": a.title, "parts": s.parts,
           "shared": s.shared} for a, s in found), fmt, NEAR_COLUMNS, f"Most similar to {doc_id}")


COMMANDS = (similar,)
