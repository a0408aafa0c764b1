"""The language stage: py3langid restricted to likely news languages, hints, --lang, "und"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.clean import clean_text, identify_language
from communique.clean.language import detect_language, probability_of
from communique.document import Document
from communique.options import Options
from communique.read import read_inputs


def _lang(text: str, hint: str | None = None, options: Options | None = None) -> Document:
    doc = Document(id="t", raw_text=text, lang_hint=hint)
    clean_text(doc, options or Options())
    identify_language(doc, options or Options())
    return doc


@pytest.mark.parametrize(("seed", "lang"), [("000", "ru"), ("001", "ru"), ("002", "de"), ("003", "id"), ("004", "fr")])
def test_each_seed_gets_its_language(shared_dir: Path, seed: str, lang: str) -> None:
    (path,) = (shared_dir / "corpus" / "seeds").glob(f"{seed}_*.txt")
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document)
    clean_text(doc, Options())
    identify_language(doc, Options())
    assert doc.lang == lang
    assert doc.lang_score > 0.8


def test_forced_language_wins() -> None:
    doc = _lang("Die Delegation traf sich mit dem Minister in Moskau.", options=Options(lang="ru"))
    assert (doc.lang, doc.lang_score) == ("ru", 1.0)


def test_hint_is_trusted_without_running_the_model() -> None:
    doc = _lang("Die Delegation traf sich mit dem stellvertretenden Minister in Moskau.", hint="fr")
    assert (doc.lang, doc.lang_score) == ("fr", 1.0)


def test_a_hint_can_be_checked_on_demand() -> None:
    text = "Die Delegation traf sich mit dem stellvertretenden Minister in Moskau."
    assert probability_of(text, "de") > 0.9
    assert probability_of(text, "fr") < 0.1


@pytest.mark.parametrize("text", ["", "   ", "OK", "Hanoi, 21.02.", "VNA"])
def test_short_texts_are_undetermined(text: str) -> None:
    assert detect_language(text) == ("und", 0.0)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Thủ tướng Phạm Minh Chính tiếp Đại sứ Liên bang Nga tại Việt Nam nhân dịp kết thúc nhiệm kỳ công tác.", "vi"),
        ("Presiden Joko Widodo menerima kunjungan Perdana Menteri Malaysia di Istana Bogor pada hari Senin.", "id"),
        ("The foreign ministers of Vietnam and Russia held talks in Moscow on Tuesday.", "en"),
        ("Міністр закордонних справ України провів переговори зі своїм польським колегою у Варшаві.", "uk"),
        ("中越两国领导人在河内举行会谈，双方同意加强全面战略合作伙伴关系。", "zh"),
    ],
)
def test_other_languages(text: str, lang: str) -> None:
    assert detect_language(text)[0] == lang


def test_news_sample_languages_agree_with_the_corpus_labels(shared_dir: Path) -> None:
    """Without hints, the model agrees with the corpus' own labels on >= 99.5% of 3,013 documents."""
    total = agree = 0
    for name in ("news-sample.jsonl", "factrueval-dev.jsonl"):
        for line in (shared_dir / "corpus" / name).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            doc = Document(id=rec["id"], raw_text=rec["text"])
            clean_text(doc, Options())
            total += 1
            agree += detect_language(doc.text)[0] == rec["lang"]
    assert total == 3013
    assert agree / total >= 0.995
