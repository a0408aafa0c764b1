"""Country adjectives written for Polish, Ukrainian and Bulgarian (lang/<code>/demonyms.yaml): an adjective is
its country, and with a title the office holder on the article's date; words that only start like an
adjective are no country. Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import run_actors


def _mentions(text: str, lang: str) -> list[tuple[int, int, str, str | None, str | None]]:
    """(start, end, kind, country, canonical name) of the mentions found in `text` on 2024-05-01."""
    doc = run_actors(text, lang, doc_date="2024-05-01")
    return [(m.start, m.end, m.kind, m.country, m.name) for m in doc.mentions]


ADJECTIVES = [
    # (language, sentence, adjective, its country, the office holder a title next to it names)
    ("pl", "Rosyjski prezydent spotkał się wczoraj z premierem.", "Rosyjski", "RU", "Vladimir Putin"),
    ("pl", "Premier izraelski odrzucił propozycję rozejmu.", "izraelski", "IL", "Benjamin Netanyahu"),
    ("pl", "Wczoraj rosyjscy żołnierze wycofali się z wioski.", "rosyjscy", "RU", None),
    ("pl", "Południowokoreański prezydent i saudyjski następca tronu podpisali umowę.", "Południowokoreański", "KR",
     "Yoon Suk Yeol"),
    ("pl", "Niemieccy dyplomaci rozmawiali z chińskim ministrem.", "Niemieccy", "DE", None),
    ("uk", "Російський президент заявив про переговори.", "Російський", "RU", "Vladimir Putin"),
    ("uk", "Вчора турецький президент прийняв делегацію.", "турецький", "TR", "Recep Tayyip Erdoğan"),
    ("uk", "Британський прем'єр-міністр відвідав Варшаву.", "Британський", "GB", "Rishi Sunak"),
    ("uk", "Американські військові прибули на навчання.", "Американські", "US", None),
    ("uk", "Вчора саудівський кронпринц зустрівся з делегацією.", "саудівський", "SA", None),
    ("bg", "Руският президент заяви, че преговорите ще продължат.", "Руският", "RU", "Vladimir Putin"),
    ("bg", "Вчера френският президент се срещна с германския канцлер.", "френският", "FR", "Emmanuel Macron"),
    ("bg", "Полският президент заяви подкрепа за Украйна.", "Полският", "PL", "Andrzej Duda"),
    ("bg", "Турските власти задържаха журналист.", "Турските", "TR", None),
    ("bg", "Южнокорейският президент пристигна в София.", "Южнокорейският", "KR", "Yoon Suk Yeol"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "code", "holder"), ADJECTIVES)
def test_a_written_adjective_is_its_country(lang: str, text: str, surface: str, code: str,
                                            holder: str | None) -> None:
    start = text.index(surface)
    end = start + len(surface)
    mentions = _mentions(text, lang)
    assert any(a <= start and end <= b and country == code for a, b, _, country, _ in mentions), mentions
    if holder is not None:
        assert any(kind == "person" and name == holder for _, _, kind, _, name in mentions), mentions


# words that start like a stem: a first name, a common noun, an adverb
NOT_COUNTRIES = [
    ("pl", "Rusłan kupił wczoraj rower w sklepie na rogu.", "Rusłan"),
    ("pl", "Katarzyna ma katar i kaszel od tygodnia.", "Katarzyna"),
    ("pl", "Indyk piekł się w piekarniku przez dwie godziny.", "Indyk"),
    ("uk", "Руслан купив велосипед у магазині.", "Руслан"),
    ("uk", "Данило читав книгу про фінанси.", "фінанси"),
    ("uk", "Турист загубив паспорт на вокзалі.", "Турист"),
    ("bg", "Руслан купи велосипед от магазина.", "Руслан"),
    ("bg", "Русата жена пресече улицата.", "Русата"),
    ("bg", "Датата на срещата е определена.", "Датата"),
]


@pytest.mark.parametrize(("lang", "text", "surface"), NOT_COUNTRIES)
def test_a_word_that_only_starts_like_an_adjective_is_no_country(lang: str, text: str, surface: str) -> None:
    start = text.index(surface)
    end = start + len(surface)
    assert not [m for m in _mentions(text, lang) if m[0] < end and start < m[1] and m[3] is not None]
