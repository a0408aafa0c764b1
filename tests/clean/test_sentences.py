"""The sentences stage: rule-based splitting with offsets, abbreviations, initials, ordinals."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.clean.sentences import sentence_spans
from communique.document import Document
from communique.options import Options
from communique.pipeline import process
from communique.read import read_inputs


def _split(text: str, lang: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text, lang)]


@pytest.fixture(scope="module")
def seed_docs(shared_dir: Path) -> dict[str, Document]:
    docs = {}
    for doc in read_inputs([str(shared_dir / "corpus" / "seeds")]):
        assert isinstance(doc, Document)
        docs[doc.id[:3]] = process(doc, Options(), "sentences")
    return docs


@pytest.mark.parametrize(("seed", "count"), [("000", 11), ("001", 13), ("002", 9), ("003", 12), ("004", 8)])
def test_seed_sentence_counts(seed_docs: dict[str, Document], seed: str, count: int) -> None:
    doc = seed_docs[seed]
    assert len(doc.sentences) == count
    spans = [(s.start, s.end) for s in doc.sentences]
    assert spans == sorted(spans)
    for s in doc.sentences:
        piece = doc.text[s.start : s.end]
        assert piece == piece.strip() and piece
    # the sentences cover every non-space character of the text
    covered = sum(s.end - s.start for s in doc.sentences)
    gaps = sum(1 for i, c in enumerate(doc.text) if c.isspace() and doc.sentence_at(i) is None)
    assert covered + gaps == len(doc.text)


def test_seed_001_initials_do_not_split(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["001"]
    first, last = doc.sentences[0], doc.sentences[-2]
    assert (first.start, first.end) == (0, 141)
    assert doc.text[first.start : first.end].endswith("коллега А. Руденко провели политические консультации.")
    assert doc.text[last.start : last.end].endswith("замминистра иностранных дел А. Руденко.")


def test_seed_002_ordinal_dates_do_not_split(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["002"]
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert texts[0].startswith("Vom 20. bis 23. Januar 2024 besuchte")
    assert any("(21. Januar 1924–21. Januar 2024), dem Führer des Proletariats." in t for t in texts)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Er kam z.B. am 3. Oktober. Dann ging er.", "de", ["Er kam z.B. am 3. Oktober.", "Dann ging er."]),
        ("Das sind z. B. Äpfel. Gut.", "de", ["Das sind z. B. Äpfel.", "Gut."]),
        ("Dr. Smith met Mr. Jones in St. Petersburg. They talked.", "en",
         ["Dr. Smith met Mr. Jones in St. Petersburg.", "They talked."]),
        ("Growth was 1.5 percent in 2023. Prices rose.", "en", ["Growth was 1.5 percent in 2023.", "Prices rose."]),
        ("See No. 5 of the list. Next.", "en", ["See No. 5 of the list.", "Next."]),
        ("В 2025 г. Путин, т.е. президент, приехал. Всё.", "ru", ["В 2025 г. Путин, т.е. президент, приехал.", "Всё."]),
        ("M. Macron a reçu le président. Il a dit « oui ». « Non », a-t-il ajouté.", "fr",
         ["M. Macron a reçu le président.", "Il a dit « oui ».", "« Non », a-t-il ajouté."]),
        ("Kerja sama di bidang energi, dll. Kedua pihak sepakat.", "id",
         ["Kerja sama di bidang energi, dll. Kedua pihak sepakat."]),
        ("Wait... What? Really! Yes.", "en", ["Wait...", "What?", "Really!", "Yes."]),
        ("Headline without a period\nFirst sentence. Second one.", "en",
         ["Headline without a period", "First sentence.", "Second one."]),
        ("双方举行会谈。双方同意加强合作！", "zh", ["双方举行会谈。", "双方同意加强合作！"]),
        ("He said: \"We agree.\" Then he left.", "en", ["He said: \"We agree.\"", "Then he left."]),
        # a bracket opens a word in a language written without spaces: "(H.E." is a dotted abbreviation
        ("岸田外務大臣は,外務大臣(H.E. Dr. Frank-Walter Steinmeier)との間で会談を行いました。次に", "ja",
         ["岸田外務大臣は,外務大臣(H.E. Dr. Frank-Walter Steinmeier)との間で会談を行いました。", "次に"]),
    ],
)
def test_splitting_rules(text: str, lang: str, expected: list[str]) -> None:
    assert _split(text, lang) == expected
