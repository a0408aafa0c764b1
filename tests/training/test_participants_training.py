"""The participant trainer on a tiny labelled set: rows from the pipeline, a model that learns them, bit for bit."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # `training` is a folder of the repository, not an installed package

from training.participants import train  # noqa: E402

from communique.models.participants import ParticipantModel  # noqa: E402

TINY = [
    ("t1", "en", "CONSULT", "President Joe Biden met Japanese Prime Minister Fumio Kishida at the White House.",
     {"Joe Biden": "source", "Japanese": "none", "Fumio Kishida": "target"}),
    ("t2", "en", "CONSULT", "Foreign Minister Annalena Baerbock held talks with her Chinese counterpart Wang Yi.",
     {"Annalena Baerbock": "source", "Chinese": "none", "Wang Yi": "target"}),
    ("t3", "en", "SANCTION", "The European Union imposed new sanctions on Iran over the drone deliveries.",
     {"European Union": "source", "Iran": "target"}),
    ("t4", "en", "ACCUSE", "Poland accused Belarus of pushing migrants across the border.",
     {"Poland": "source", "Belarus": "target"}),
    ("t5", "fr", "CONSULT", "Emmanuel Macron s'est entretenu avec le président américain Joe Biden.",
     {"Emmanuel Macron": "source", "américain": "none", "Joe Biden": "target"}),
    ("t6", "de", "AID", "Deutschland schickt Hilfsgüter in die Türkei, sagte Außenministerin Annalena Baerbock.",
     {"Deutschland": "source", "Türkei": "target", "Annalena Baerbock": "none"}),
]


def write_labels(path: Path) -> int:
    """The tiny set in the labelled-data format, mention offsets found in the text; returns the mention count."""
    rows, count = [], 0
    for sid, lang, event_type, text, labels in TINY:
        mentions = []
        for name, label in labels.items():
            start = text.index(name)
            mentions.append({"start": start, "end": start + len(name), "text": name, "label": label})
        count += len(mentions)
        rows.append({"id": sid, "lang": lang, "type": event_type, "source": f"test:{sid}", "labeller": "test",
                     "text": text, "mentions": mentions})
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return count


def test_tiny_set_trains_a_model_that_knows_its_sentences(tmp_path: Path) -> None:
    labels = tmp_path / "labels-pass1.jsonl"
    write_labels(labels)
    rows, lost = train.load_rows([labels])
    found = {(r.sentence, r.label) for r in rows}
    assert ("t1", "source") in found and ("t4", "target") in found
    assert len(rows) + lost == 16
    model, names, _ = train.train(rows)
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    train.save(model, names, first)
    train.save(model, names, second)
    assert first.read_bytes() == second.read_bytes()  # fixed member order and timestamps
    shipped = ParticipantModel(first)
    predicted = [max(sorted(p), key=lambda c: p[c]) for p in shipped.probabilities([r.features for r in rows])]
    right = sum(p == r.label for p, r in zip(predicted, rows, strict=True))
    assert right >= len(rows) - 2


def test_scores_count_participants_not_sides() -> None:
    scores = train.participant_scores(["source", "target", "none", "none"], ["target", "target", "source", "none"])
    assert (scores["p"], scores["r"], scores["acc2"], scores["acc3"]) == (1.0, 2 / 3, 0.75, 0.5)


def test_rows_written_and_read_back_are_the_same_bytes_and_rows(tmp_path: Path) -> None:
    labels = tmp_path / "labels-pass1.jsonl"
    write_labels(labels)
    rows, _ = train.load_rows([labels])
    first, second = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    train.write_rows(rows, first)
    train.write_rows(train.read_rows(first), second)
    assert first.read_bytes() == second.read_bytes()
    assert train.read_rows(first) == rows


def test_the_committed_features_train_the_shipped_model_bit_for_bit(tmp_path: Path) -> None:
    from threadpoolctl import threadpool_limits  # lazy: only training needs it

    from communique.models.participants import MODEL_FILE

    rows = train.read_rows()
    assert len(rows) == 3573 and {r.label for r in rows} == {"none", "source", "target"}
    out = tmp_path / "participants.npz"
    with threadpool_limits(1):
        model, names, c = train.train([r for r in rows if not r.held_out])
    train.save(model, names, out)
    assert (c, len(names)) == (0.1, 136)
    # Bit for bit on this project's machines (docs/models.md gives the sha1); another CPU's BLAS may round the
    # last bits of lbfgs differently, so the test compares the arrays.
    made, shipped = np.load(out), np.load(MODEL_FILE)
    assert made["names"].tolist() == shipped["names"].tolist()
    assert made["classes"].tolist() == shipped["classes"].tolist()
    assert np.allclose(made["weights"], shipped["weights"], atol=1e-5)
    assert np.allclose(made["bias"], shipped["bias"], atol=1e-5)
