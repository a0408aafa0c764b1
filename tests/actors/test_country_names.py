"""Country short names, colloquial names, adjectives and abbreviations from the generated language data
(`lang/<code>/countries.yaml`, built by scripts/build_countries.py from Wikidata and CLDR)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from communique import lang as languages
from communique.actors.gazetteer import abbreviated_countries
from communique.document import Document
from communique.options import Options
from communique.pipeline import process


def _countries(text: str, lang: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, text, ISO code) of the country mentions found in `text`."""
    doc = process(Document(id="t", raw_text=text, lang_hint=lang), Options(), until="actors")
    return [(m.start, m.end, m.text, m.country) for m in doc.mentions if m.kind == "country"]


def _at(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(surface), text)]
    return starts[nth], starts[nth] + len(surface)


# Sentences written for these tests (not taken from the evaluation sets): a short or colloquial name that
# CLDR's main name in the language is not.
SHORT_NAMES = [
    ("fa", "وزیر امور خارجه آمریکا روز دوشنبه با همتای ایرانی خود در ژنو دیدار کرد.", "آمریکا", "US"),
    ("ko", "한국과 일본은 어제 서울에서 정상회담을 열었다.", "한국", "KR"),
    ("ja", "米国の国務長官は東京で外相と会談した。", "米国", "US"),
    ("zh", "澳洲总理周三在堪培拉会见了来访的代表团。", "澳洲", "AU"),
    ("tr", "ABD Dışişleri Bakanı dün Ankara'da mevkidaşı ile görüştü.", "ABD", "US"),
    ("he", 'שר החוץ של ארה"ב נפגש אתמול עם עמיתו בירושלים.', 'ארה"ב', "US"),
    ("pt", "O chanceler dos EUA reuniu-se ontem com o colega brasileiro em Brasília.", "EUA", "US"),
    # the last full stop of "EE. UU." may end the sentence: the mention ends before it
    ("es", "El secretario de Estado de EE. UU. viajó a Madrid para reunirse con el ministro.", "EE. UU", "US"),
    ("it", "Il ministro degli Esteri della Gran Bretagna è arrivato ieri a Roma.", "Gran Bretagna", "GB"),
    ("nl", "De president van de Verenigde Staten van Amerika sprak met zijn Belgische collega.",
     "Verenigde Staten van Amerika", "US"),
    ("ar", "استقبل وزير الخارجية نظيره من أمريكا في الرياض أمس.", "أمريكا", "US"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "code"), SHORT_NAMES)
def test_short_and_colloquial_names_are_their_country(lang: str, text: str, surface: str, code: str) -> None:
    start, end = _at(text, surface)
    assert (start, end, surface, code) in _countries(text, lang)


def test_hindi_adjectives_are_formed_on_the_country_name() -> None:
    text = "अमेरिकी विदेश मंत्री ने दिल्ली में अपने रूसी समकक्ष से मुलाकात की।"
    found = _countries(text, "hi")
    assert (*_at(text, "अमेरिकी"), "अमेरिकी", "US") in found  # अमेरिका without its final आ, plus ई
    assert (*_at(text, "रूसी"), "रूसी", "RU") in found  # रूस plus ई


def test_turkish_adjectives_are_formed_on_the_country_name() -> None:
    text = "Rus ve Ukraynalı yetkililer görüştü; Amerikan heyeti Türk mevkidaşıyla bir araya geldi."
    found = _countries(text, "tr")
    assert (*_at(text, "Rus"), "Rus", "RU") in found  # Rusya without -ya
    assert (*_at(text, "Ukraynalı"), "Ukraynalı", "UA") in found  # Ukrayna + -lı
    assert (*_at(text, "Amerikan"), "Amerikan", "US") in found  # Amerika + -n
    assert (*_at(text, "Türk"), "Türk", "TR") in found  # Türkiye without -iye


def test_compounds_of_abbreviations_name_each_country() -> None:
    text = "中美两国外长在北京举行会谈。"
    found = _countries(text, "zh")
    assert (0, 1, "中", "CN") in found
    assert (1, 2, "美", "US") in found
    ja = "日米首脳会談は東京で行われた。"
    found = _countries(ja, "ja")
    assert (0, 1, "日", "JP") in found
    assert (1, 2, "米", "US") in found


def test_an_abbreviation_alone_or_after_a_number_is_no_country() -> None:
    # 美 alone is "beautiful"; the 日 of "5日" is the day, even when 中国 follows
    assert list(abbreviated_countries("美丽的风景", "zh")) == []
    assert list(abbreviated_countries("5日中国外长", "zh")) == []
    assert list(abbreviated_countries("中中", "zh")) == []  # one country twice is no compound
    assert list(abbreviated_countries("关于中美关系", "zh")) == [(2, ("CN", "US"))]
    found = _countries("外长5日中午抵达。", "zh")
    assert not [f for f in found if f[2] in ("日", "中")]


def test_a_compound_overlapping_a_name_is_not_taken() -> None:
    text = "今日中国的经济增长放缓。"  # 日中 inside "today China": 中国 is the name, 日 is "day"
    found = _countries(text, "zh")
    assert (2, 4, "中国", "CN") in found
    assert not [f for f in found if f[2] == "日"]


def test_generated_names_drop_codes_generic_words_and_shared_names() -> None:
    for code in ("pt", "es", "it", "vi"):
        names = languages.section(code, "countries").get("names") or {}
        flat = {n for forms in names.values() for n in forms}
        assert not {n for n in flat if n.upper() in ("PT", "ES", "IT", "GB", "FR", "TH", "KH")}, code
    ko = {n for forms in (languages.section("ko", "countries").get("names") or {}).values() for n in forms}
    assert "공화국" not in ko  # "republic": a word of many countries' names
    assert "한국" in ko


def test_every_language_folder_has_generated_country_names() -> None:
    missing = [code for code in languages.codes() if code != languages.FALLBACK
               and not languages.section(code, "countries").get("names")]
    assert missing == []


def test_the_builder_rules_say_why_a_name_is_left_out(country_builder: Any) -> None:
    build = country_builder
    ctx = build.Context(scripts={"LATIN"}, owners={"congo": {"CD", "CG"}}, word_countries={"republic": {"A", "B", "C"}},
                        main_words={"korea": {"KP"}}, codes={"PT", "EST"}, person_words={"bharat"},
                        international=True)
    assert build.keep_alias("Holland", "NL", ctx) is None
    assert build.keep_alias("🇵🇹", "PT", ctx) == "no letters (a flag, a number)"
    assert build.keep_alias("pt", "PT", ctx) == "an ISO code"
    assert build.keep_alias("EST", "EE", ctx) == "an ISO code"
    assert build.keep_alias("van", "VU", ctx) == "all lower case: a common word, not a name"
    assert build.keep_alias("ФР", "FR", ctx) == "not in the language's script"
    assert build.keep_alias("Congo", "CD", ctx) == "names several countries"
    assert build.keep_alias("Republic", "XX", ctx) == "only words that many countries' names use"
    assert build.keep_alias("Korea", "KR", ctx) == "a word of another country's name (Congo, Korea)"
    assert build.keep_alias("Bharat", "IN", ctx) == "a word of a person's name in the knowledge base"
    assert build.keep_alias("Mann", "IM", ctx) == "a short word matched in every language"
    keyed = build.Context(**{**ctx.__dict__, "languages": ("pl",)})
    assert build.keep_alias("Eesti", "EE", keyed) == "a short word matched in every language"  # Polish key "est"
    assert build.keep_alias("Estland", "EE", keyed) is None


def test_the_levantine_spelling_of_america_and_its_adjective() -> None:
    text = "انتقدت أميركا السياسة الأميركية."
    assert [(t, c) for _, _, t, c in _countries(text, "ar")] == [("أميركا", "US"), ("أميركية", "US")]


def test_a_country_adjective_wins_over_a_place_spelled_like_its_stem() -> None:
    # CLDR writes the city of Chuuk "ترك", the stem of "التركي" (Turkish)
    text = "استدعت وزارة الخارجية التركية السفير. وزار الرئيس التركي روسيا."
    assert [(t, c) for _, _, t, c in _countries(text, "ar")] == [("تركي", "TR"), ("روسيا", "RU")]


def test_dotted_abbreviations_and_the_bare_us_are_the_country() -> None:
    """Letters separated by full stops ("U.S.", "EE.UU.") are a phrase of one-letter words, not one token: the
    gazetteer read them as an acronym token and never found them."""
    text = "The U.S. and the U.K. imposed sanctions; US officials met them."
    assert [(m[2], m[3]) for m in _countries(text, "en")] == [("U.S", "US"), ("U.K", "GB"), ("US", "US")]
    assert [(m[2], m[3]) for m in _countries("EE.UU. sancionó a Irán.", "es")] == [("EE.UU", "US"), ("Irán", "IR")]
    assert _countries("He told us that they would come.", "en") == []
