"""The proper-noun ending learner (training/names/endings.py) and the shipped Polish table."""

from __future__ import annotations

from training.names.endings import apply, keep_words, learn, rule_of

from communique.actors.ner.persons import lemma_by_endings, lemmatized, name_endings


def test_rules_are_learned_from_pairs_and_dictionary_forms_are_kept_whole() -> None:
    pairs = [(f"{stem}a", stem) for stem in ("Tusk", "Merz", "Putin", "Macron", "Scholz")] * 5
    pairs += [(f"{stem}ą", f"{stem}a") for stem in ("Dud", "Kowalsk", "Nowack", "Zielinsk", "Wiśniewsk")] * 5
    pairs += [("Anna", "Anna")]
    table = learn(pairs)
    assert rule_of("tuska", "tusk") == (1, "")
    assert apply(table, "Bidena") == "Biden"
    assert apply(table, "Szydłą") == "Szydła"
    assert apply(table, "Anna") == "Ann"  # the ending rule alone breaks a dictionary form…
    table |= keep_words(table, pairs)
    assert apply(table, "Anna") == "Anna"  # …which is kept whole


def test_the_shipped_polish_table_puts_names_in_the_nominative() -> None:
    rules = name_endings("pl")
    assert len(rules) > 1000
    assert lemma_by_endings("Merza", rules) == "Merz"
    assert lemmatized(("Friedricha", "Merza"), "pl") == ("Friedrich", "Merz")
    assert lemmatized(("Ursulą", "von", "der", "Leyen"), "pl") == ("Ursula", "von", "der", "Leyen")
    assert lemmatized(("Anna", "Maria"), "pl") == ("Anna", "Maria")
    assert name_endings("en") == {}  # a language without the file keeps its names as written
