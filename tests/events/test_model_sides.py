"""An event the sentence model reports stands with two parties in any order (`build.MODEL_SIDES`); only a lexicon
trigger the model does not back needs a source before it and a target after it."""

from __future__ import annotations

import pytest
from tests.events.event_runs import events_of

from communique.document import Sentence, Span
from communique.events import build
from communique.events.candidates import Candidate, model_reports
from communique.events.lexicon import TriggerMatch
from communique.models.events import classify_sentences

MUTUAL = "Россия и Украина обвинили друг друга в нарушении перемирия."


def test_a_mutual_accusation_the_model_reports_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    assert events_of(MUTUAL, "ru", "name", "2024-05-01") == [("ACCUSE", ["Russia", "Ukraine"])]
    # both names stand before the trigger: by the order rule alone there is no target and no event
    monkeypatch.setattr(build, "MODEL_SIDES", False)
    assert events_of(MUTUAL, "ru", "name", "2024-05-01") == []


def test_model_reports_reads_the_sentence_label() -> None:
    [label] = classify_sentences([MUTUAL], ["ru"])
    start = MUTUAL.index("обвинили")
    accused = TriggerMatch(start, start + 8, "обвинили", "ACCUSE", None, "accusation", 0.7)
    aid = TriggerMatch(start, start + 8, "обвинили", "AID", None, "aid", 0.7)
    sentence = Sentence(0, len(MUTUAL))
    window = Span(0, len(MUTUAL))
    assert model_reports(Candidate(trigger=accused, sentence=sentence, window=window, label=label))
    assert not model_reports(Candidate(trigger=aid, sentence=sentence, window=window, label=label))
