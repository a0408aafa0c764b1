"""The event model: the training pipeline on a tiny labelled set, and the shipped model on clear sentences."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # `training` is a folder of the repository, not an installed package

from training.events import dataset, train  # noqa: E402

from communique.models import encoder  # noqa: E402
from communique.models.events import CHEAP_THRESHOLD, EventModel, classify_sentences, may_hold_event  # noqa: E402

MEETINGS = [
    "The foreign ministers of France and Germany met in Paris on Monday to discuss the crisis.",
    "President Biden held talks with Chinese President Xi Jinping at the summit.",
    "The Japanese prime minister received the Indian foreign minister in Tokyo.",
    "Russian and Turkish defence ministers met in Ankara for consultations.",
    "The Brazilian president hosted his Argentine counterpart for talks in Brasilia.",
    "The Saudi crown prince met the British foreign secretary in Riyadh on Sunday.",
    "The two presidents held a meeting in Hanoi to review bilateral relations.",
    "Kenya's foreign minister met his Ethiopian counterpart in Nairobi on Thursday.",
    "The Polish prime minister met the Lithuanian president in Vilnius.",
    "Egyptian and Jordanian leaders met in Cairo to discuss Gaza.",
    "The Canadian foreign minister held talks with her Mexican counterpart in Ottawa.",
    "The Korean and Japanese foreign ministers met in Seoul on Friday.",
]
SANCTIONS = [
    "The United States imposed new sanctions on Iranian oil exports.",
    "The European Union froze the assets of twelve Russian officials.",
    "Britain announced sanctions against Belarusian state companies.",
    "Washington blacklisted three North Korean banks over the missile programme.",
    "Japan imposed an export ban on Russian luxury goods as a new sanction.",
    "Canada sanctioned five Myanmar generals over the coup.",
    "Australia imposed travel bans and asset freezes on Iranian officials.",
    "The EU adopted a new package of sanctions against Moscow.",
    "The US Treasury sanctioned Venezuelan oil officials on Tuesday.",
    "Switzerland joined EU sanctions and froze Russian assets.",
    "France expelled six Russian diplomats and imposed sanctions.",
    "The United Kingdom sanctioned Chinese officials over Xinjiang.",
]
SPORT = [
    "Manchester United beat Chelsea 2-1 at Old Trafford on Saturday.",
    "The tennis star won the Australian Open final in straight sets.",
    "Real Madrid drew 1-1 with Barcelona in a tense match.",
    "The marathon runner set a new course record in Berlin.",
    "Liverpool striker scored twice as the Reds thrashed Everton.",
    "The cyclist won the stage of the Tour de France after a late sprint.",
    "Bayern Munich signed a young midfielder for 30 million euros.",
    "The basketball team lost its third game in a row on Sunday night.",
    "The Olympic swimmer took gold in the 200 metres freestyle.",
    "The golfer finished two shots clear to win the championship.",
    "The cricket match was abandoned because of heavy rain.",
    "The boxer retained his heavyweight title with a knockout.",
]


def tiny_labels() -> list[dict]:
    rows: list[dict] = []
    for texts, kind in ((MEETINGS, "CONSULT"), (SANCTIONS, "SANCTION"), (SPORT, "NONE")):
        for text in texts:
            rows.append({"lang": "en", "text": text, "type": kind, "also": [],
                         "mode": "meet" if kind == "CONSULT" else None,
                         "status": None if kind == "NONE" else "occurred", "background": False,
                         "source": "test", "labeller": "test", "synthetic": False})
    return rows


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[EventModel, list[dataset.Example], dict]:
    folder = tmp_path_factory.mktemp("tiny")
    data = folder / "data"
    data.mkdir()
    with (data / "tiny.jsonl").open("w", encoding="utf-8") as f:
        for row in tiny_labels():
            f.write(json.dumps(row) + "\n")
        f.write("{not json\n")  # a bad line is reported and skipped, not fatal
    examples = dataset.load(data)
    summary = train.train(examples, lambda texts: encoder.encode(texts), folder / "heads.npz", folder / "cheap.npz")
    return EventModel(folder / "heads.npz", folder / "cheap.npz"), examples, summary


def test_tiny_training_set_reads_every_valid_line(tiny_model: tuple[EventModel, list[dataset.Example], dict]) -> None:
    _, examples, summary = tiny_model
    assert len(examples) == 36
    held_out = [e for e in examples if e.held_out]
    assert summary["train_sentences"] == 36 - len(held_out)
    assert summary["encoder_kind"] == "query"


def test_tiny_model_types_its_training_sentences(tiny_model: tuple[EventModel, list[dataset.Example], dict]) -> None:
    model, examples, _ = tiny_model
    seen = [e for e in examples if not e.held_out]
    labels = model.classify([e.text for e in seen])
    assert [lab.type for lab in labels] == [e.type for e in seen]
    for lab in labels:
        assert set(lab.type_probs) == set(dataset.ALL_TYPES)
        assert sum(lab.type_probs.values()) == pytest.approx(1.0)
        assert set(lab.status_probs) == set(dataset.STATUSES)
        assert lab.also_probs == {}  # no "also" labels in the tiny set: no also-heads
    meeting = labels[[e.text for e in seen].index(next(t for t in MEETINGS if not dataset.in_held_out(t)))]
    assert max(meeting.mode_probs, key=lambda k: meeting.mode_probs[k]) == "meet"


def test_tiny_training_is_deterministic(tmp_path: Path, tiny_model: tuple[EventModel, list[dataset.Example], dict]
                                        ) -> None:
    _, examples, _ = tiny_model
    train.train(examples, lambda texts: encoder.encode(texts), tmp_path / "heads.npz", tmp_path / "cheap.npz")
    first = tmp_path_bytes(tmp_path)
    train.train(examples, lambda texts: encoder.encode(texts), tmp_path / "heads.npz", tmp_path / "cheap.npz")
    assert tmp_path_bytes(tmp_path) == first


def test_tiny_type_head_reads_character_ngrams(tiny_model: tuple[EventModel, list[dataset.Example], dict]) -> None:
    model, examples, summary = tiny_model
    head = model.heads.type
    assert head.ngram_weights is not None and head.ngram_weights.dtype == np.int8
    assert head.ngram_weights.shape == (1 << 18, len(dataset.ALL_TYPES))
    assert head.ngram_scale is not None and head.ngram_scale.shape == (len(dataset.ALL_TYPES),)
    assert summary["type_ngram_scale"] == train.TYPE_NGRAM_SCALE
    text = examples[0].text
    x = encoder.encode([text])
    with pytest.raises(ValueError, match="n-grams"):
        model.label_embeddings(x, [])
    # the lexical block moves the logits: the same embedding with another text gets other probabilities
    [own] = model.label_embeddings(x, [text])
    [other] = model.label_embeddings(x, ["zzzz qqqq"])
    assert own.type_probs != other.type_probs


def test_quantized_weights_are_within_half_a_step() -> None:
    w = np.array([[0.4, -2.0, 0.0], [-1.0, 0.6, 0.0], [0.25, 0.003, 0.0]])
    q, scale = train.quantized(w)
    assert q.dtype == np.int8 and scale.dtype == np.float32
    assert q[:, 0].tolist() == [51, -127, 32] and q[:, 1].tolist() == [-127, 38, 0]
    assert q[:, 2].tolist() == [0, 0, 0] and scale[2] == 1.0  # an all-zero column keeps a harmless scale
    assert np.abs(q * scale - w).max() <= scale.max() / 2 + 1e-7


def tmp_path_bytes(folder: Path) -> tuple[bytes, bytes]:
    return (folder / "heads.npz").read_bytes(), (folder / "cheap.npz").read_bytes()


def test_encoder_is_one_unit_vector_per_text_whatever_the_batch() -> None:
    texts = ["Die Außenminister trafen sich in Berlin.", "short", "Die Außenminister trafen sich in Berlin."]
    x = encoder.encode(texts)
    assert x.shape == (3, 384) and x.dtype == np.float32
    assert np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-4)
    assert np.array_equal(x[0], x[2])
    encoder.clear_cache()
    assert np.array_equal(encoder.encode([texts[0]])[0], x[0])


CLEAR = [  # (text, lang, type)
    ("Владимир Путин провёл телефонный разговор с президентом Турции Реджепом Тайипом Эрдоганом.", "ru", "CONSULT"),
    ("Die Europäische Union hat neue Sanktionen gegen russische Banken und Energieunternehmen verhängt.", "de",
     "SANCTION"),
    ("La France a vivement condamné les frappes russes et accusé Moscou de violer le droit international.", "fr",
     "ACCUSE"),
    ("Indonesia and Malaysia signed a memorandum of understanding on the border.", "en", "AGREE"),
    ("Miles de personas se manifestaron en Madrid contra la reforma laboral del Gobierno.", "es", "PROTEST"),
    ("日本の外相は東京で韓国の外相と会談した。", "ja", "CONSULT"),
    # these two were typed wrong by the first model (known weaknesses); right since the retraining with
    # annotator-d's data
    ("Le ministère des Affaires étrangères a convoqué l'ambassadeur de Russie pour lui remettre une note de "
     "protestation.", "fr", "ACCUSE"),
    ("Menteri luar negeri Indonesia dan Australia menandatangani perjanjian kerja sama pertahanan di Jakarta.",
     "id", "AGREE"),
    ("Manchester City beat Arsenal 3-1 at the Etihad Stadium on Sunday to go top of the Premier League.", "en",
     "NONE"),
]


def test_shipped_model_types_clear_sentences_in_six_languages() -> None:
    labels = classify_sentences([t for t, _, _ in CLEAR], [lang for _, lang, _ in CLEAR])
    assert [lab.type for lab in labels] == [kind for _, _, kind in CLEAR]
    phone = labels[0]
    assert max(phone.mode_probs, key=lambda k: phone.mode_probs[k]) == "phone"
    assert phone.type_probs["CONSULT"] > 0.9
    assert phone.status_probs["occurred"] > 0.5
    assert labels[-1].type_probs["NONE"] > 0.5


def test_shipped_cheap_stage_passes_the_event_sentences() -> None:
    for text, lang, kind in CLEAR:
        if kind != "NONE":
            assert may_hold_event(text, lang) >= CHEAP_THRESHOLD, text


def test_classify_sentences_refuses_mismatched_languages() -> None:
    with pytest.raises(ValueError, match="2 texts but 1 languages"):
        classify_sentences(["a", "b"], ["en"])
    assert classify_sentences([], []) == []
