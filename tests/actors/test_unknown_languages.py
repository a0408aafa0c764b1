"""Languages without a folder of their own: names in their cases and in the family-first order still find
their person in the knowledge base."""

from __future__ import annotations

from communique.actors.names import case_endings, stem
from communique.document import Document
from communique.options import Options
from communique.pipeline import process


def _persons(text: str, lang: str) -> list[tuple[str, str | None]]:
    doc = process(Document(id=lang, raw_text=text, lang_hint=lang), Options(), until="actors")
    return [(m.text, m.name) for m in doc.mentions if m.kind == "person"]


def test_a_czech_instrumental_finds_the_person() -> None:
    text = "Ministr zahraničí Jan Lipavský se v pondělí v Praze setkal se svým protějškem Dmytrem Kulebou."
    assert _persons(text, "cs") == [("Jan Lipavský", "Jan Lipavský"), ("Dmytrem Kulebou", "Dmytro Kuleba")]


def test_a_hungarian_name_family_first_is_the_same_person() -> None:
    text = "Orbán Viktor miniszterelnök hétfőn Budapesten fogadta Recep Tayyip Erdoğan török elnököt."
    assert _persons(text, "hu") == [("Orbán Viktor", "Viktor Orbán"), ("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan")]


def test_the_nominative_and_its_cases_share_a_stem_and_known_languages_keep_their_own() -> None:
    assert {stem(w, "cs") for w in ("Putin", "Putina", "Putinem")} == {"putin"}
    assert {stem(w, "hu") for w in ("Orbán", "Orbánnal")} == {"orban"}
    assert stem("Martin", "cs") == stem("Martinem", "cs") == "martin"  # "-in" ends nominatives: never cut
    assert case_endings("en") == () and case_endings("fr") == ()  # a language with a folder says its own
    assert case_endings("und") == ()
