"""The ordered stages of the pipeline: one place to see the flow.

    read -> clean -> language -> sentences -> actors -> time -> events

Each stage is a callable `stage(doc, options)` that adds its layer to the `Document` and never
rewrites the layers of earlier stages. Records in the output contract are built from the finished
Document by `communique.records`.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing as mp
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from communique import lang as languages
from communique.actors import recognize_actors
from communique.clean import clean_text, identify_language, split_sentences
from communique.document import Document
from communique.errors import InputError
from communique.events import extract_events
from communique.options import Options
from communique.time import tag_time

Stage = Callable[[Document, Options], None]
T = TypeVar("T")


# What each stage reads besides the text layers: `timex` needs no actors.
NEEDS = {"time": ("clean", "language", "sentences", "time")}


def stages(until: str = "events") -> list[Stage]:
    """The stages in order, up to and including `until` (clean, sentences, actors, time, events).

    Only the stages that `until` depends on run: the time stage does not read actors.
    """
    ordered: list[tuple[str, Stage]] = [
        ("clean", clean_text),
        ("language", identify_language),
        ("sentences", split_sentences),
        ("actors", recognize_actors),
        ("time", tag_time),
        ("events", extract_events),
    ]
    names = [name for name, _ in ordered]
    if until not in names:
        raise ValueError(f"unknown stage {until!r}; stages: {', '.join(names)}")
    wanted = NEEDS.get(until, names[: names.index(until) + 1])
    return [stage for name, stage in ordered if name in wanted]


def process(doc: Document, options: Options, until: str = "events") -> Document:
    for stage in stages(until):
        stage(doc, options)
    return doc


def process_all(
    items: Iterable[Document | InputError], options: Options, until: str = "events"
) -> Iterator[Document | InputError]:
    """Run the stages over documents; input errors pass through so the caller can report them.

    A document that a stage fails on is reported as an error of that document (one line, no
    traceback) and the run goes on with the next one.
    """
    chain = stages(until)
    if len(chain) < 2:
        for item in items:
            yield item if isinstance(item, InputError) else _stages_guarded(item, chain, options)
        return
    # Two threads: the last stage (the events, whose time goes to the sentence encoder's C code, which releases
    # the interpreter lock) runs here on one document while the earlier stages (named-entity models, mostly
    # Python) run on the next ones. Output order and content are those of a sequential run.
    with _FrontStages(items, chain[:-1], options) as front:
        for item in front:
            yield item if isinstance(item, InputError) else _stages_guarded(item, chain[-1:], options)


AHEAD = 4  # documents the front thread may finish before the last stage takes them (bounded memory)


class _FrontStages:
    """The earlier stages on a background thread, handing documents (and input errors) on in input order."""

    def __init__(self, items: Iterable[Document | InputError], chain: list[Stage], options: Options) -> None:
        self._items, self._chain, self._options = items, chain, options
        self._queue: queue.Queue[tuple[str, object]] = queue.Queue(maxsize=AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="communique-front-stages", daemon=True)

    def __enter__(self) -> _FrontStages:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()  # a consumer that stopped early: the thread ends at its next hand-over
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)
        self._thread.join()

    def __iter__(self) -> Iterator[Document | InputError]:
        while True:
            kind, value = self._queue.get()
            if kind == "item":
                yield value  # type: ignore[misc]
            elif kind == "raised":
                raise value  # type: ignore[misc]  # the input iterator's own failure, as a sequential run has it
            else:
                return

    def _run(self) -> None:
        try:
            for item in self._items:
                done = item if isinstance(item, InputError) else _stages_guarded(item, self._chain, self._options)
                if not self._put(("item", done)):
                    return
            self._put(("end", None))
        except BaseException as error:  # handed to the consuming thread, which raises it
            self._put(("raised", error))

    def _put(self, entry: tuple[str, object]) -> bool:
        while not self._stop.is_set():
            with contextlib.suppress(queue.Full):
                self._queue.put(entry, timeout=0.05)
                return True
        return False


@dataclass(frozen=True, slots=True)
class Failed:
    """Work on one document that crashed (a bug in a stage): the error, for the caller's one-line report."""

    error: Exception

    @property
    def reason(self) -> str:
        return f"{type(self.error).__name__}: {self.error}"


def guarded(work: Callable[[], T]) -> T | Failed:
    """The per-document crash guard: `work()`, or `Failed` when it raises, so a batch goes on without it."""
    try:
        return work()
    except Exception as error:  # a bug must not end a batch: the caller reports the document and goes on
        return Failed(error)


def _stages_guarded(doc: Document, chain: list[Stage], options: Options) -> Document | InputError:
    def run() -> Document:
        for stage in chain:
            stage(doc, options)
        return doc

    done = guarded(run)
    if isinstance(done, Failed):
        where = f"{doc.source} (document {doc.id})" if doc.source and doc.source != doc.id else doc.id
        return InputError(where, f"could not be processed: {done.reason}")
    return done


def _process_one(args: tuple[Document, Options, str]) -> Document | InputError:
    doc, options, until = args
    return _stages_guarded(doc, stages(until), options)


def process_parallel(
    items: Iterable[Document | InputError], options: Options, until: str = "events", jobs: int = 1
) -> Iterator[Document | InputError]:
    """Like `process_all`, on `jobs` worker processes; results keep the input order (deterministic).

    The first batch is read before the workers fork, and the data of its languages (lexicons,
    gazetteers, grammars) is built once in the parent, so no worker pays for it again.
    """
    if jobs <= 1:
        yield from process_all(items, options, until)
        return
    source = iter(items)
    first = list(itertools.islice(source, BATCH))
    warm_up(options, until, _languages_of(first, options))
    with mp.get_context("fork").Pool(jobs) as pool:

        def submit(batch: list[Document | InputError]) -> Iterator[Document | InputError]:
            return iter(pool.imap(_process_one, [(d, options, until) for d in batch if isinstance(d, Document)],
                                  chunksize=8))

        batch, results = first, submit(first)
        while batch:
            # the next batch goes to the workers before this one is drained: they never wait on the parent
            following = list(itertools.islice(source, BATCH))
            following_results = submit(following) if following else iter(())
            # input errors keep their place between documents: yield in input order
            for item in batch:
                yield next(results) if isinstance(item, Document) else item
            batch, results = following, following_results


BATCH = 256  # documents handed to the workers at a time (bounded memory, ordered output)


def _languages_of(items: list[Document | InputError], options: Options) -> tuple[str, ...]:
    """The languages to prepare: --lang, else the inputs' hints, else those with complete data."""
    if options.lang:
        return (options.lang,)
    hinted = sorted({d.lang_hint for d in items if isinstance(d, Document) and d.lang_hint})
    return tuple(hinted) if hinted else languages.full()


def warm_up(options: Options, until: str = "events", langs: tuple[str, ...] | None = None) -> None:
    """Load every stage's data once (run one tiny document per language, by default every language
    with complete data, through the pipeline)."""
    for lang in languages.full() if langs is None else langs:
        process(Document(id="warm-up", raw_text="Warm-up text. 1 January 2020.", lang_hint=lang),
                Options(lang=lang), until)
