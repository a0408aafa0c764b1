"""How an article is cut for the similarity model (title, lead) and what it keeps of the pipeline's signals."""

from __future__ import annotations

from communique.similarity import article as article_module
from communique.similarity import from_json, read_article, to_json


def test_title_before_a_double_space_and_the_lead_after_it() -> None:
    text = ("Minister visits Hanoi  The foreign minister of Germany arrived in Hanoi on 21 February 2024. "
            "He met his Vietnamese counterpart.")
    a = read_article("a", text, "en")
    assert a.title == "Minister visits Hanoi"
    assert a.chunks == ("The foreign minister of Germany arrived in Hanoi on 21 February 2024. "
                        "He met his Vietnamese counterpart.",)
    assert a.pieces == (a.title, *a.chunks)
    assert "2024-02-21" in a.dates and "2024-02" in a.months
    assert "2024" in a.numbers


def test_a_short_dateline_does_not_make_the_whole_lead() -> None:
    long_sentence = "The talks " + "went on and on about trade " * 20 + "until late."
    chunks = article_module._chunks(["Berlin.", long_sentence, "Next."])
    assert len(chunks) == 1
    assert chunks[0].startswith("Berlin. The talks went on")
    assert len(chunks[0]) <= article_module.CHUNK_CHARS


def test_chunks_are_whole_sentences_up_to_the_limit() -> None:
    sentences = ["A" * 120 + ".", "B" * 120 + ".", "C" * 120 + "."]
    assert article_module._chunks(sentences) == [f"{sentences[0]} {sentences[1]}"]


def test_a_profile_survives_json() -> None:
    a = read_article("doc-1", "Summit in Paris\nThe presidents of France and Brazil met in Paris on 3 May 2023.",
                     "en")
    assert from_json(to_json(a)) == a
