"""The end-to-end measure on held-out sentences: its counting, and one real sentence through the pipeline."""

from __future__ import annotations

from training.events.dataset import Example
from training.events.sentence_recall import Outcome, held_out_sentences, run_pipeline, summarize


def _example(text: str, kind: str, lang: str = "en", synthetic: bool = False) -> Example:
    return Example(text=text, lang=lang, type=kind, also=(), mode=None, status=None, background=False,
                   synthetic=synthetic, file="t.jsonl", labeller="test")


def test_summary_counts_found_types_records_and_false_alarms() -> None:
    outcomes = [
        Outcome("ASSAULT", "en", frozenset({"ASSAULT"})),
        Outcome("ASSAULT", "ru", frozenset({"ACCUSE"})),
        Outcome("CONSULT", "ru", frozenset()),
        Outcome("NONE", "en", frozenset({"CONSULT"})),
        Outcome("NONE", "de", frozenset()),
    ]
    s = summarize(outcomes)
    assert s["event_sentences"] == 3 and s["none_sentences"] == 2
    assert s["gold_type_found"] == 0.333  # one of three
    assert s["any_record"] == 0.667  # two of three made some record
    assert s["none_with_record"] == 0.5
    assert s["by_type"] == {"ASSAULT": [1, 2], "CONSULT": [0, 1]}
    assert s["by_lang"] == {"en": [1, 1], "ru": [0, 2]}
    assert s["any_record_by_lang"] == {"en": [1, 1], "ru": [1, 2]}
    assert s["none_with_record_by_lang"] == {"de": [0, 1], "en": [1, 1]}


def test_only_held_out_real_sentences_in_a_stable_order() -> None:
    from training.events.dataset import in_held_out

    texts = [f"Sentence number {i} about a meeting." for i in range(200)]
    held = [t for t in texts if in_held_out(t)]
    examples = [_example(t, "CONSULT") for t in texts] + [_example(held[0], "CONSULT", synthetic=True)]
    chosen = held_out_sentences(examples)
    assert sorted(e.text for e in chosen) == sorted(held)  # the synthetic copy is not held out
    assert [e.text for e in held_out_sentences(examples, limit=3)] == [e.text for e in chosen[:3]]
    assert held_out_sentences(list(reversed(examples))) == chosen
    turkish = _example(held[1], "CONSULT", lang="tr")
    assert held_out_sentences([*examples, turkish], langs=frozenset({"tr"})) == [turkish]


def test_a_meeting_sentence_gives_its_consult_record() -> None:
    text = "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday."
    [outcome] = run_pipeline([_example(text, "CONSULT")])
    assert outcome.found and "CONSULT" in outcome.predicted
