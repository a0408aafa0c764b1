""""Both countries", "beide landen" stand for the sides of the meeting just reported and for their countries
(`participants._countries_of`); a relative year other than the document's ("twee jaar geleden") dates an
earlier event, "this year" does not (`dating._usable`)."""

from __future__ import annotations

from communique.document import Document, Timex
from communique.events.dating import _usable
from communique.options import Options
from communique.pipeline import process

TEXT = ("Premier Mark Rutte zei na een gesprek met premier Aziz Akhannouch in Rabat dat de banden uitstekend zijn. "
        "Twee jaar geleden besloten beide landen de samenwerking uit te breiden.")


def test_both_countries_are_the_countries_of_the_meetings_sides() -> None:
    doc = process(Document(id="t", raw_text=TEXT, lang_hint="nl", date="2023-06-21", date_source="metadata"),
                  Options())
    agree = [e for e in doc.events if e.type == "AGREE"]
    assert len(agree) == 1
    assert {a.name for a in agree[0].actors} == {"Mark Rutte", "Aziz Akhannouch", "Netherlands", "Morocco"}
    assert agree[0].date is not None and agree[0].date["start"] == "2021"


def _timex(value: str) -> Timex:
    return Timex(start=0, end=4, text="x", type="DATE", value=value, relative=True, precision=None)


def test_a_relative_year_dates_an_event_unless_it_is_the_documents_year() -> None:
    assert _usable(_timex("2021"), "2023")
    assert not _usable(_timex("2023"), "2023")
    # an undated document: the year was counted from an anchor the text does not give, as before
    assert not _usable(_timex("2021"), "")


def test_an_international_official_has_the_country_of_the_office_held_at_the_date() -> None:
    """Mark Rutte, NATO's Secretary General since October 2024, was the Netherlands' prime minister before."""
    for date, country in (("2023-06-21", "NL"), ("2025-03-01", None)):
        doc = process(Document(id="t", raw_text="Mark Rutte sprak met Aziz Akhannouch.", lang_hint="nl", date=date),
                      Options(doc_date=date), until="actors")
        assert [(m.name, m.country) for m in doc.mentions][0] == ("Mark Rutte", country)
