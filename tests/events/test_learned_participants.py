"""The shipped participant model on new sentences in six languages: the named people are the sides, the
country in a title ("Министр иностранных дел России Сергей Лавров", "chancelier allemand") is not."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.events import cues
from communique.models.participants import participant_probabilities
from communique.options import Options
from communique.pipeline import process

CASES = [
    ("fr", "CONSULT", "Le président Emmanuel Macron a reçu lundi à l'Élysée le chancelier allemand Olaf Scholz.",
     {"Emmanuel Macron": "source", "allemand": "none", "Olaf Scholz": "target"}),
    ("ru", "CONSULT", "Министр иностранных дел России Сергей Лавров провёл телефонный разговор с госсекретарём "
     "США Энтони Блинкеном.",
     {"России": "none", "Сергей Лавров": "source", "США": "none", "Энтони Блинкеном": "target"}),
    ("es", "CONSULT", "El presidente de Colombia, Gustavo Petro, se reunió en Bogotá con el canciller de "
     "Venezuela, Yván Gil.",
     {"Colombia": "none", "Gustavo Petro": "source", "Venezuela": "none", "Yván Gil": "target"}),
    ("id", "CONSULT", "Presiden Joko Widodo menerima kunjungan Perdana Menteri Malaysia Anwar Ibrahim di Istana "
     "Bogor.",
     {"Joko Widodo": "source", "Malaysia": "none", "Anwar Ibrahim": "target"}),
    ("vi", "CONSULT", "Thủ tướng Phạm Minh Chính đã tiếp Bộ trưởng Ngoại giao Singapore Vivian Balakrishnan tại "
     "Hà Nội.",
     {"Phạm Minh Chính": "source", "Singapore": "none", "Vivian Balakrishnan": "target"}),
    ("de", "ACCUSE", "Bundeskanzler Olaf Scholz hat Russland einen Bruch des Völkerrechts in der Ukraine "
     "vorgeworfen.",
     {"Olaf Scholz": "source", "Russland": "target"}),
]


@pytest.mark.parametrize(("lang", "event_type", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_shipped_model_picks_the_sides(lang: str, event_type: str, text: str, expected: dict[str, str]) -> None:
    doc = process(Document(id=lang, raw_text=text, lang_hint=lang), Options(lang=lang), until="actors")
    cand = cues.candidate_for(doc, event_type)
    assert cand is not None
    actors = cues.sentence_actors(doc, cand)
    probs = participant_probabilities(cues.mention_features(doc, cand, actors))
    decided = {m.text: max(sorted(p), key=lambda c: p[c]) for m, p in zip(actors, probs, strict=True)}
    assert {name: decided.get(name) for name in expected} == expected
