"""Exact TIMEX3 values of the Turkish forms added to `lang/tr/data.yaml` (dates section): a part of day
after "Cuma günü", relative words before weekdays/months/seasons, more relative day/year words, tens and vague counts,
more duration units and modifiers, weekday and weekend sets, noon and midnight, "ile" ranges, fixed-date
national days and the Kurban Bayramı eve."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-12"  # a Sunday


def _timexes(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="tr")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # a part of day after "günü" qualifies the weekday (day_part_joiners)
    ("Toplantı Cuma günü akşam yapıldı.", [("Cuma günü akşam", "DATE", "2024-05-10TEV")]),
    # relative words before a weekday, a month, a season (month_relative_before)
    ("Geçen Cuma geldi.", [("Geçen Cuma", "DATE", "2024-05-10")]),
    ("Önümüzdeki Salı açıklanacak.", [("Önümüzdeki Salı", "DATE", "2024-05-14")]),
    ("Geçtiğimiz Mart ayında başladı.", [("Geçtiğimiz Mart", "DATE", "2024-03")]),
    ("Geçen yaz çok sıcaktı.", [("Geçen yaz", "DATE", "2023-SU")]),
    # noon and midnight after a day
    ("Karar Perşembe günü öğlen açıklandı.", [("Perşembe günü öğlen", "DATE", "2024-05-09T12:00")]),
    ("Cuma gece yarısı sona erdi.", [("Cuma gece yarısı", "DATE", "2024-05-10T24:00")]),
])
def test_weekdays_and_parts(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kurs Salı günleri yapılıyor.", [("Salı günleri", "SET", "XXXX-WXX-2")]),
    ("Her hafta sonu sahile gidiyor.", [("Her hafta sonu", "SET", "XXXX-WXX-WE")]),
    ("Bu tören her sene tekrarlanıyor.", [("her sene", "SET", "P1Y")]),
])
def test_sets(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Proje kırk yıl sürdü.", [("kırk yıl", "DURATION", "P40Y")]),
    ("Tam elli gün boyunca sürdü.", [("elli gün", "DURATION", "P50D")]),
    ("Bu dava onlarca yıl sürdü.", [("onlarca yıl", "DURATION", "PXY")]),
    ("Tam iki sene çalıştı.", [("iki sene", "DURATION", "P2Y")]),
    ("Bu bir asır önce kuruldu.", [("bir asır önce", "DATE", "1924")]),
    ("Bu beş dakikalık bir konuşmaydı.", [("beş dakikalık", "DURATION", "PT5M")]),
    ("Bu beş saniyelik bir görüntüydü.", [("beş saniyelik", "DURATION", "PT5S")]),
    ("Ödeme en fazla üç ay sürecek.", [("en fazla üç ay", "DURATION", "P3M")]),
    ("Bu tahminen iki saat sürdü.", [("tahminen iki saat", "DURATION", "PT2H")]),
    ("Fiyatlar geçtiğimiz beş yılda arttı.", [("geçtiğimiz beş yılda", "DURATION", "P5Y")]),
    # "sonra" is no shift: "after eleven months" is a duration
    ("Bu dosyada 11 ay sonra soruşturma açıldı.", [("11 ay", "DURATION", "P11M")]),
])
def test_durations(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


def test_duration_mods() -> None:
    doc = Document(id="t", raw_text="Ödeme en fazla üç ay sürecek.", text="Ödeme en fazla üç ay sürecek.",
                   date=DCT, lang="tr")
    tag_time(doc, Options())
    assert [t.mod for t in doc.timexes] == ["EQUAL_OR_LESS"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Bu gece yağmur bekleniyor.", [("Bu gece", "DATE", "2024-05-12TNI")]),
    ("Karar bu öğleden sonra açıklandı.", [("bu öğleden sonra", "DATE", "2024-05-12TAF")]),
    ("Dünkü toplantıda konuşuldu.", [("Dünkü", "DATE", "2024-05-11")]),
    ("Bugünkü maçta oynamadı.", [("Bugünkü", "DATE", "2024-05-12")]),
    ("Yarınki seçimde oy verecek.", [("Yarınki", "DATE", "2024-05-13")]),
    ("Evvelki gün geldi.", [("Evvelki gün", "DATE", "2024-05-10")]),
    ("Geçen sene ihracat arttı.", [("Geçen sene", "DATE", "2023")]),
    ("Gelecek sene seçim var.", [("Gelecek sene", "DATE", "2025")]),
    ("Okul önümüzdeki yıl açılacak.", [("önümüzdeki yıl", "DATE", "2025")]),
    ("Okul önümüzdeki sene açılacak.", [("önümüzdeki sene", "DATE", "2025")]),
    ("Fabrika geçtiğimiz yıl kapandı.", [("geçtiğimiz yıl", "DATE", "2023")]),
    ("Rapor geçtiğimiz ay açıklandı.", [("geçtiğimiz ay", "DATE", "2024-04")]),
    ("Kampanya önümüzdeki ay başlayacak.", [("önümüzdeki ay", "DATE", "2024-06")]),
    ("Tören önümüzdeki hafta sonu yapılacak.", [("önümüzdeki hafta sonu", "DATE", "2024-W20-WE")]),
    ("Tören gelecek hafta sonu yapılacak.", [("gelecek hafta sonu", "DATE", "2024-W20-WE")]),
    ("Tören geçtiğimiz hafta sonu yapıldı.", [("geçtiğimiz hafta sonu", "DATE", "2024-W18-WE")]),
    ("Bu yöntem günümüzde çok yaygın.", [("günümüzde", "DATE", "PRESENT_REF")]),
    ("Benzeri geçmişte de yaşandı.", [("geçmişte", "DATE", "PAST_REF")]),
    ("Herkes şu an bekliyor.", [("şu an", "DATE", "PRESENT_REF")]),
    ("Hastaneler bugünlerde çok yoğun.", [("bugünlerde", "DATE", "PRESENT_REF")]),
])
def test_relative_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


def test_range_with_ile() -> None:
    text = "Festival 15 ile 20 Mayıs arasında yapılacak."
    doc = Document(id="t", raw_text=text, text=text, date=DCT, lang="tr")
    tag_time(doc, Options())
    assert [(t.text, t.value, t.end_value) for t in doc.timexes] == [("15 ile 20 Mayıs", "2024-05-15", "2024-05-20")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kurban Bayramı arifesi yollar doldu.", [("Kurban Bayramı arifesi", "DATE", "2024-06-15")]),
    ("Kurban Bayramı arefesi yollar doldu.", [("Kurban Bayramı arefesi", "DATE", "2024-06-15")]),
    ("Cumhuriyet Bayramı coşkuyla kutlandı.", [("Cumhuriyet Bayramı", "DATE", "2023-10-29")]),
    ("Zafer Bayramı kutlanacak.", [("Zafer Bayramı", "DATE", "2024-08-30")]),
    ("Ulusal Egemenlik ve Çocuk Bayramı kutlandı.", [("Ulusal Egemenlik ve Çocuk Bayramı", "DATE", "2024-04-23")]),
    ("Gençlik ve Spor Bayramı kutlanacak.", [("Gençlik ve Spor Bayramı", "DATE", "2024-05-19")]),
    ("Emek ve Dayanışma Günü kutlandı.", [("Emek ve Dayanışma Günü", "DATE", "2024-05-01")]),
    ("Demokrasi ve Milli Birlik Günü anılacak.", [("Demokrasi ve Milli Birlik Günü", "DATE", "2024-07-15")]),
    ("Dünya Kadınlar Günü kutlandı.", [("Dünya Kadınlar Günü", "DATE", "2024-03-08")]),
    ("Sevgililer Günü kutlandı.", [("Sevgililer Günü", "DATE", "2024-02-14")]),
    ("Öğretmenler Günü kutlandı.", [("Öğretmenler Günü", "DATE", "2023-11-24")]),
    ("Nevruz kutlandı.", [("Nevruz", "DATE", "2024-03-21")]),
    ("Noel kutlandı.", [("Noel", "DATE", "2023-12-25")]),
])
def test_holidays(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected
