"""Common words are no mentions: a gazetteer match that is one function word or one day or month name of the
document's language alone is dropped (`lang/<code>/common-words.yaml`, built by scripts/build_common_words.py
from spaCy's stop words and CLDR's calendar names). And a Hebrew geresh belongs to its word (ג׳וריץ׳)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from communique import lang as languages
from communique.actors.gazetteer import common_words, find_matches, gazetteer, tokenize
from communique.actors.recognize import recognize

ROOT = Path(__file__).resolve().parents[2]


def _found(text: str, lang: str, anchor: str = "2024-09-30") -> list[tuple[str, str, str]]:
    drafts, _ = recognize(text, lang, anchor)
    return [(text[d.start:d.end], d.kind, d.candidates[0].name) for d in drafts if d.candidates]


def test_persian_self_and_monday_are_not_khovd_and_dushanbe_but_tehran_is_tehran() -> None:
    text = "عباس عراقچی دوشنبه شب دیدار خود با مدیرکل آژانس را در تهران مهم خواند"
    found = _found(text, "fa")
    names = [name for _, _, name in found]
    assert "Khovd" not in names and "Dushanbe" not in names
    assert ("تهران", "location", "Tehran") in found
    assert ("عباس عراقچی", "person", "Abbas Araghchi") in found


def test_arabic_how_is_not_kyiv_and_english_jun_is_no_person() -> None:
    assert all(name != "Kyiv" for _, _, name in _found("وسأل كيف يمكن وقف الحرب في غزة", "ar"))
    assert all(kind != "person" for _, kind, _ in _found("Talks resumed on 3 Jun in Seoul.", "en"))


def test_a_common_word_inside_a_longer_name_still_matches() -> None:
    # the veto is for a common word alone: "Jun" is a month, "Yoon Suk Yeol" in full a person
    text = "President Yoon Suk Yeol met the delegation in June."
    assert ("Yoon Suk Yeol", "person", "Yoon Suk Yeol") in _found(text, "en", "2023-06-01")


def test_every_language_folder_has_common_words_and_they_are_real_words() -> None:
    for code in languages.codes():
        if code == languages.FALLBACK:
            continue
        words = common_words(code)
        assert words, code
        assert all(sum(ch.isalpha() for ch in w) >= 2 for w in words), code
    assert {"خود", "دوشنبه"} <= common_words("fa")
    assert {"понедельник", "мая", "который"} <= common_words("ru")
    assert "Monday" in common_words("en") and "the" in common_words("en")


def test_no_common_word_alone_is_matched_in_any_language() -> None:
    for code in languages.codes():
        if code == languages.FALLBACK:
            continue
        gaz = gazetteer(code)
        for word in sorted(common_words(code)):
            tokens = tokenize(word, code)
            if len(tokens) == 1:  # (a Khmer or Thai word is several tokens: the veto is for one alone)
                assert find_matches(word, tokens, gaz) == [], (code, word)


def test_the_committed_files_are_what_the_builder_writes() -> None:
    spec = importlib.util.spec_from_file_location("build_common_words", ROOT / "scripts" / "build_common_words.py")
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    for code in ("fa", "ru", "en", "zh"):
        path = languages.get(code).folder / builder.FILE_NAME
        assert path.read_text(encoding="utf-8") == builder.render(code, builder.common_words(code)), code


@pytest.mark.parametrize("spelling", ["מרקו ג׳וריץ׳", "מרקו ג'וריץ'"])
def test_a_hebrew_name_written_with_a_geresh_is_one_word(spelling: str) -> None:
    text = f"שר החוץ גדעון סער נפגש עם עמיתו {spelling}, שר החוץ של סרביה"
    # an ASCII apostrophe after the last letter is punctuation to the tokenizer; a geresh is not
    assert (spelling.rstrip("'"), "person", "Marko Đurić") in _found(text, "he", "2025-09-30")
