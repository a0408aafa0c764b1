"""Name forms: transcription both ways, spelling-convention keys, Russian inflection."""

from __future__ import annotations

import pytest

from communique.actors.names import fold, match_key
from communique.lang.ru.names import nominative as ru_nominative
from communique.lang.ru.names import stem as ru_stem
from communique.lang.ru.names import to_latin as ru_to_latin
from communique.lang.vi.names import from_cyrillic as cyrillic_to_vi
from communique.lang.vi.names import is_syllable as is_vi_syllable
from communique.lang.vi.names import to_cyrillic as vi_to_cyrillic


@pytest.mark.parametrize(
    ("vietnamese", "cyrillic"),
    [
        ("Lê Hoài Trung", "Ле Хоай Чунг"),
        ("Trần Thanh Mẫn", "Чан Тхань Ман"),
        ("Nguyễn Minh Vũ", "Нгуен Минь Ву"),
        ("Tô Lâm", "То Лам"),
        ("Nguyễn Phú Trọng", "Нгуен Фу Чонг"),
        ("Lê Thị Thu Hằng", "Ле Тхи Тху Ханг"),
        ("Nguyễn Xuân Phúc", "Нгуен Суан Фук"),
    ],
)
def test_vietnamese_to_russian_transcription(vietnamese: str, cyrillic: str) -> None:
    assert vi_to_cyrillic(vietnamese) == cyrillic
    assert cyrillic_to_vi(cyrillic) == fold(vietnamese).title()


def test_unknown_vietnamese_name_in_cyrillic_gets_latin_form() -> None:
    assert cyrillic_to_vi("Ле Тхи Тху Ханг") == "Le Thi Thu Hang"


@pytest.mark.parametrize(
    "spellings",
    [
        [("Чернышенко", "ru"), ("Chernyshenko", "en"), ("Tschernyschenko", "de"), ("Tchernychenko", "fr")],
        [("Зюганов", "ru"), ("Zyuganov", "en"), ("Sjuganow", "de"), ("Ziouganov", "fr")],
        [("Сергей", "ru"), ("Sergey", "en"), ("Sergej", "de"), ("Sergueï", "fr")],
        [("Патрушев", "ru"), ("Patrushev", "en"), ("Patruschew", "de")],
        [("Лавров", "ru"), ("Lavrov", "en"), ("Lawrow", "de")],
        [("Геннадий", "ru"), ("Gennady", "en"), ("Guennadi", "fr")],
    ],
)
def test_one_key_for_every_spelling_convention(spellings: list[tuple[str, str]]) -> None:
    keys = {match_key(word, lang) for word, lang in spellings}
    assert len(keys) == 1, keys


def test_russian_case_forms_share_a_stem() -> None:
    assert {ru_stem(w) for w in ("Путин", "Путина", "Путиным")} == {"путин"}
    assert {ru_stem(w) for w in ("Сергей", "Сергея", "Сергеем")} == {"серг"}
    assert {ru_stem(w) for w in ("Россия", "России", "Россией", "Россию")} == {"росс"}
    assert ru_stem("Руденко") == ru_stem("Руденко")  # indeclinable: stable


def test_russian_nominative_and_transliteration() -> None:
    assert ru_nominative("Сергеем") == "Сергей"
    assert ru_nominative("Лавровым") == "Лавров"
    assert ru_nominative("Налбандовым") == "Налбандов"
    assert ru_to_latin("Александр Налбандов") == "Aleksandr Nalbandov"
    assert ru_to_latin("Дмитрий") == "Dmitry"


def test_vietnamese_syllable_shape() -> None:
    assert all(is_vi_syllable(w) for w in ("Nguyễn", "Nguyen", "Hoàng", "Trung", "Thị", "Phuc"))
    assert not any(is_vi_syllable(w) for w in ("Monde", "Parti", "Schmidt"))
