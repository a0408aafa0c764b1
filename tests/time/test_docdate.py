"""The document date inferred from the page when the input gives none (time.docdate, read.pagedate)."""

from __future__ import annotations

from communique.document import Document
from communique.options import Options
from communique.read.pagedate import published_date
from communique.store import IngestStats
from communique.time import tag_time


def tag(text: str, lang: str, url: str | None = None, date: str | None = None,
        option: str | None = None) -> Document:
    doc = Document(id="t", raw_text=text, text=text, lang=lang, url=url, date=date)
    tag_time(doc, Options(doc_date=option))
    return doc


def test_leading_date_line_with_its_evidence_and_resolving_yesterday() -> None:
    doc = tag("date 2024-06-20\nGestern traf der Kanzler den Präsidenten.", "de")
    assert (doc.date, doc.date_source) == ("2024-06-20", "date-line")
    assert doc.date_evidence == {"how": "date-line", "start": 5, "end": 15, "text": "date 2024-06-20"}
    assert [t.value for t in doc.timexes if t.text == "Gestern"] == ["2024-06-19"]


def test_leading_month_line_gives_the_year_of_a_day_month() -> None:
    doc = tag("date 2023-07 Le 14 juillet, le ministre a reçu son homologue.", "fr")
    assert (doc.date, doc.date_source) == ("2023-07", "date-line")
    assert [t.value for t in doc.timexes if t.text.startswith("14")] == ["2023-07-14"]


def test_date_in_the_url() -> None:
    assert tag("Вчера министры провели переговоры.", "ru", url="https://example.ru/2022/03/06/233759.html").date \
        == "2022-03-06"
    assert tag("Hier.", "fr", url="https://example.fr/politique/20190411-macron").date == "2019-04-11"
    month = tag("Text.", "en", url="https://news.example.com/2021/08/world/talks")
    assert (month.date, month.date_evidence) == ("2021-08", {"how": "url", "text": "2021/08"})
    assert tag("Text.", "en", url="https://2020-01-01.example.com/story").date is None  # a host is no date


def test_publication_stamp_next_to_a_clock_time_in_any_language() -> None:
    doc = tag("Başkan deprem bölgesinde\n29.01.2020 14:32 | Son Güncelleme\nBaşkan dün bölgeyi ziyaret etti.", "tr")
    assert (doc.date, doc.date_source) == ("2020-01-29", "stamp")
    assert doc.text[doc.date_evidence["start"]:doc.date_evidence["end"]] == "29.01.2020"
    assert tag("Tin tức\n18:58 | 02/07/2020 GMT+7\nHai bên đã hội đàm.", "vi").date == "2020-07-02"


def test_byline_line_ending_in_a_date() -> None:
    assert tag("Talks in Geneva\nThis story is from August 16, 2021\nThe ministers met.", "en").date == "2021-08-16"


def test_a_date_inside_a_sentence_is_not_the_document_date() -> None:
    doc = tag("The two presidents met in Hanoi on 20 June 2024 and discussed energy cooperation at length.", "en")
    assert (doc.date, doc.date_source, doc.date_evidence) == (None, None, None)


def test_given_dates_win_over_what_the_page_shows() -> None:
    assert tag("date 2024-06-20 Text.", "en", date="2025-01-02").date_source == "metadata"
    assert tag("date 2024-06-20 Text.", "en", option="2025-01-02").date == "2025-01-02"


def test_html_metadata_published_date() -> None:
    og = '<html><head><meta property="article:published_time" content="2024-03-05T10:00:00+01:00"></head></html>'
    assert published_date(og) == "2024-03-05"
    ld = ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
          '"datePublished": "2023-11-30T08:00Z"}]}</script>')
    assert published_date(ld) == "2023-11-30"
    assert published_date('<p>Posted <time datetime="2022-02-01">1 Feb</time></p>') == "2022-02-01"
    assert published_date('<meta name="date" content="not a date">') is None


def test_ingest_names_the_undated_documents_and_how_to_fix_them() -> None:
    stats = IngestStats()
    stats.count_date("a.txt", "2024-06-20")
    stats.count_date("b.txt", None)
    stats.count_date("c.txt", "--12-02")
    message = stats.undated_summary()
    assert stats.undated == ["b.txt", "c.txt"]
    assert message is not None and message.startswith("2 document(s) stayed undated (b.txt, c.txt)")
    assert "--doc-date" in message and '"date" field' in message
