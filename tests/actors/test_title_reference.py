"""A title standing alone refers back to the person the document gave that title before it."""

from __future__ import annotations

from tests.actors.conftest import person_rows, run_actors


def test_the_spokesperson_alone_is_the_one_named_before_in_an_undated_english_text() -> None:
    text = ("Maria Zakharova, the spokeswoman of the Russian Foreign Ministry, criticised the new sanctions. "
            "The spokeswoman added that Moscow would answer them.")
    rows = person_rows(text, "en", None)
    role = "Spokesperson of the Ministry of Foreign Affairs"
    # the appositive is her title; the title alone in the next sentence is her again
    assert rows == [("Maria Zakharova", "local:maria-zakharova", role, "RU"),
                    ("spokeswoman", "local:maria-zakharova", role, "RU")]
    assert text.index("spokeswoman added") == _starts(text, "en")[1]


def _starts(text: str, lang: str) -> list[int]:
    return [m.start for m in run_actors(text, lang, doc_date=None).mentions if m.kind == "person"]


def test_the_title_alone_needs_someone_named_before_it() -> None:
    text = "The spokeswoman added that Moscow would answer. Maria Zakharova spoke later."
    rows = person_rows(text, "en", None)
    role = "Spokesperson of the Ministry of Foreign Affairs"
    assert rows == [("Maria Zakharova", "local:maria-zakharova", role, "RU")]


def test_a_president_alone_is_the_president_named_before_in_russian() -> None:
    text = ("Президент Казахстана Касым-Жомарт Токаев провёл переговоры в Ташкенте. "
            "Президент отметил, что товарооборот вырос.")
    rows = person_rows(text, "ru", "2024-05-10")
    assert rows == [("Касым-Жомарт Токаев", "local:kassym-jomart-tokayev", "President", "KZ"),
                    ("Президент", "local:kassym-jomart-tokayev", "President", "KZ")]


def test_a_title_of_another_country_does_not_refer_back() -> None:
    text = ("Vietnamese Foreign Ministry spokeswoman Pham Thu Hang said the claims had no basis. "
            "The Chinese spokesman answered on Tuesday.")
    rows = person_rows(text, "en", None)
    assert rows == [("Pham Thu Hang", "local:pham-thu-hang", "Spokesperson of the Ministry of Foreign Affairs", "VN")]
