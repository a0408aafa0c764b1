"""The pipeline's two threads (earlier stages ahead, the last stage behind) behave as one sequential run."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from communique import pipeline
from communique.document import Document
from communique.errors import InputError
from communique.options import Options
from communique.pipeline import process_all


def _recording_stages(log: list[tuple[str, str]], fail: dict[str, str] | None = None):
    fail = fail or {}

    def make(name: str):
        def stage(doc: Document, options: Options) -> None:
            if fail.get(doc.id) == name:
                raise ValueError(f"{name} broke")
            log.append((name, doc.id))

        stage.__name__ = name
        return stage

    return lambda until="events": [make("first"), make("second"), make("last")]


def _docs(n: int) -> list[Document]:
    return [Document(id=str(i), raw_text=f"Text {i}.", source="in.jsonl") for i in range(n)]


def test_order_errors_and_failures_are_those_of_a_sequential_run(monkeypatch: pytest.MonkeyPatch) -> None:
    log: list[tuple[str, str]] = []
    monkeypatch.setattr(pipeline, "stages", _recording_stages(log, {"2": "first", "4": "last"}))
    items: list[Document | InputError] = _docs(6)
    items.insert(3, InputError("in.jsonl:3", "not JSON"))
    out = list(process_all(items, Options()))
    assert [x.id if isinstance(x, Document) else str(x) for x in out] == [
        "0", "1", "in.jsonl (document 2): could not be processed: ValueError: first broke",
        "in.jsonl:3: not JSON", "3", "in.jsonl (document 4): could not be processed: ValueError: last broke", "5"]
    # every document went through the stages in order; the failed one stopped where it failed
    for doc_id in ("0", "1", "3", "5"):
        assert [s for s, d in log if d == doc_id] == ["first", "second", "last"]
    assert [s for s, d in log if d == "2"] == []
    assert [s for s, d in log if d == "4"] == ["first", "second"]


def test_a_consumer_that_stops_early_ends_the_front_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    log: list[tuple[str, str]] = []
    monkeypatch.setattr(pipeline, "stages", _recording_stages(log))
    before = {t.name for t in threading.enumerate()}
    run = process_all(_docs(100), Options())
    first = next(run)
    assert isinstance(first, Document) and first.id == "0"
    run.close()
    assert "communique-front-stages" not in {t.name for t in threading.enumerate()} - before
    # the front thread went at most a bounded way ahead
    assert len({d for s, d in log if s == "first"}) <= pipeline.AHEAD + 3


def test_an_input_iterator_that_raises_raises_in_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "stages", _recording_stages([]))

    def items() -> Iterator[Document]:
        yield from _docs(2)
        raise OSError("disk gone")

    run = process_all(items(), Options())
    assert [d.id for d in (next(run), next(run)) if isinstance(d, Document)] == ["0", "1"]
    with pytest.raises(OSError, match="disk gone"):
        next(run)


def test_real_stages_give_the_same_documents_as_one_by_one() -> None:
    texts = ["Vladimir Putin met Xi Jinping in Moscow on 3 March 2023.",
             "Le président Emmanuel Macron a reçu Olaf Scholz à Paris le 5 mai 2024."]
    threaded = list(process_all([Document(id=str(i), raw_text=t) for i, t in enumerate(texts)], Options()))
    for i, text in enumerate(texts):
        alone = pipeline.process(Document(id=str(i), raw_text=text), Options())
        done = threaded[i]
        assert isinstance(done, Document)
        assert [(m.start, m.end, m.entity_id) for m in done.mentions] == \
            [(m.start, m.end, m.entity_id) for m in alone.mentions]
        assert [(e.type, e.trigger.start) for e in done.events] == [(e.type, e.trigger.start) for e in alone.events]
    assert threaded[0].events and threaded[0].events[0].type == "CONSULT"
