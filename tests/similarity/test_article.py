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
    assert len(chunks) == 2
    assert chunks[0].startswith("Berlin. The talks went on")
    assert chunks[1] == "Next."  # the rest of the cut sentence is dropped, the next one starts a chunk
    assert len(chunks[0]) <= article_module.CHUNK_CHARS


def test_chunks_are_whole_sentences_up_to_the_limit() -> None:
    sentences = ["A" * 120 + ".", "B" * 120 + ".", "C" * 120 + "."]
    assert article_module._chunks(sentences) == [f"{sentences[0]} {sentences[1]}", sentences[2]]


def test_the_body_is_kept_up_to_max_chunks_and_no_further() -> None:
    sentences = [letter * 250 + "." for letter in "ABCDE"]
    chunks = article_module._chunks(sentences)
    assert article_module.MAX_CHUNKS == 3
    assert chunks == sentences[:3]  # 251-character sentences do not pair up; D and E are past the budget


def test_a_long_article_gives_the_lead_and_two_body_chunks() -> None:
    body = " ".join(f"Sentence number {n} of the report on the talks between the two governments is here, and it "
                    f"goes on about tariffs, quotas and the timetable of the negotiations for item {n}."
                    for n in range(1, 9))
    a = read_article("long", f"Trade talks resume\n{body}", "en")
    assert a.title == "Trade talks resume"
    assert len(a.chunks) == 3
    assert a.chunks[0].startswith("Sentence number 1 of the report")
    assert a.chunks[2].startswith("Sentence number 3 of the report")  # one ~170-char sentence a chunk
    assert all(len(c) <= article_module.CHUNK_CHARS for c in a.chunks)


def test_a_profile_survives_json() -> None:
    a = read_article("doc-1", "Summit in Paris\nThe presidents of France and Brazil met in Paris on 3 May 2023.",
                     "en")
    assert from_json(to_json(a)) == a
