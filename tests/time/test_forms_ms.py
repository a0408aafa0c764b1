"""Exact TIMEX3 values of the Malay time vocabulary added to `lang/ms/data.yaml` (`dates:`):
relative days ("semalam", "kelmarin", "esok"), parts of day ("pagi tadi", "malam tadi"), "lalu/lepas/depan/hadapan"
with weeks, months, years and weekdays, number words and shifts, duration modifiers, sets, quarters,
clock times with a part of day, English AM/PM bylines, month-first bylines, holidays and Hijri months."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-12"  # a Sunday


def _timexes(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="ms")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # relative days: "semalam" is yesterday, "kelmarin" the day before
    ("Beliau tiba di Kuala Lumpur semalam.", [("semalam", "DATE", "2024-05-11")]),
    ("Mesyuarat itu diadakan kelmarin.", [("kelmarin", "DATE", "2024-05-10")]),
    ("Keputusan akan diumumkan esok.", [("esok", "DATE", "2024-05-13")]),
    ("Beliau berkata demikian di sini hari ini.", [("hari ini", "DATE", "2024-05-12")]),
    # a relative day and its weekday are one DATE
    ("Esok Isnin, kabinet akan bermesyuarat.", [("Esok Isnin", "DATE", "2024-05-13")]),
    # parts of day: "malam tadi" is last night
    ("Kejadian berlaku malam tadi.", [("malam tadi", "DATE", "2024-05-11TNI")]),
    ("Laporan polis dibuat pagi tadi.", [("pagi tadi", "DATE", "2024-05-12TMO")]),
    ("Beliau berkata demikian pada petang semalam.", [("petang semalam", "DATE", "2024-05-11TAF")]),
    ("Mesyuarat diadakan esok pagi.", [("esok pagi", "DATE", "2024-05-13TMO")]),
    # weeks, months, years with lalu / lepas / depan / hadapan
    ("Kenyataan itu dikeluarkan minggu lepas.", [("minggu lepas", "DATE", "2024-W18")]),
    ("Menteri akan melawat Jepun minggu depan.", [("minggu depan", "DATE", "2024-W20")]),
    ("Harga minyak naik bulan lepas.", [("bulan lepas", "DATE", "2024-04")]),
    ("Pilihan raya akan diadakan tahun hadapan.", [("tahun hadapan", "DATE", "2025")]),
    ("Banjir berlaku pada hujung minggu lepas.", [("hujung minggu lepas", "DATE", "2024-W18-WE")]),
    # weekdays and months with a relative word after them
    ("Beliau bertemu Presiden pada Jumaat lepas.", [("Jumaat lepas", "DATE", "2024-05-10")]),
    ("Sidang akan bermula Isnin depan.", [("Isnin depan", "DATE", "2024-05-13")]),
    ("Parlimen bersidang pada Jun lepas.", [("Jun lepas", "DATE", "2023-06")]),
    ("Mereka bertemu pada Mac tahun lalu.", [("Mac tahun lalu", "DATE", "2023-03")]),
    ("Pemeriksaan dibuat sebelum Isnin, 11 Nov depan.", [("Isnin, 11 Nov depan", "DATE", "2024-11-11")]),
    ("Polis menahan suspek pada Julai lalu.", [("Julai lalu", "DATE", "2023-07")]),
    # references without a date
    ("Isu itu dibangkitkan baru-baru ini.", [("baru-baru ini", "DATE", "PAST_REF")]),
    ("Keadaan ekonomi baik ketika ini.", [("ketika ini", "DATE", "PRESENT_REF")]),
    ("Suspek akan dikesan dalam masa terdekat.", [("masa terdekat", "DATE", "FUTURE_REF")]),
])
def test_relative(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # number words, shifts and counted units
    ("Beliau ditahan tiga hari lalu.", [("tiga hari lalu", "DATE", "2024-05-09")]),
    ("Keputusan akan diumumkan dua minggu lagi.", [("dua minggu lagi", "DATE", "2024-W21")]),
    ("Perkara itu berlaku sebulan lalu.", [("sebulan lalu", "DATE", "2024-04")]),
    ("Beliau bercuti seminggu.", [("seminggu", "DURATION", "P1W")]),
    ("Lawatan rasmi itu berlangsung selama dua hari.", [("selama dua hari", "DURATION", "P2D")]),
    ("Beliau berada di sana beberapa minggu.", [("beberapa minggu", "DURATION", "PXW")]),
    ("Beliau menunggu kira-kira dua jam.", [("kira-kira dua jam", "DURATION", "PT2H")]),
    # words of the duration itself
    ("Harga naik tiga tahun kebelakangan ini.", [("tiga tahun kebelakangan ini", "DURATION", "P3Y")]),
    ("Pelaburan meningkat lima tahun akan datang.", [("lima tahun akan datang", "DURATION", "P5Y")]),
    # an age is no timex
    ("Lelaki berusia 45 tahun itu ditahan.", []),
])
def test_durations(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # sets
    ("Ubat diambil setiap hari.", [("setiap hari", "SET", "P1D")]),
    ("Kedai dibuka setiap Jumaat.", [("setiap Jumaat", "SET", "XXXX-WXX-5")]),
    ("Mesyuarat diadakan sekali seminggu.", [("sekali seminggu", "SET", "P1W")]),
    ("Perhimpunan bulanan diadakan di Putrajaya.", [("bulanan", "SET", "P1M")]),
    # quarters
    ("Ekonomi tumbuh 4 peratus pada suku pertama 2024.", [("suku pertama 2024", "DATE", "2024-Q1")]),
    # clock times with a part of day
    ("Sidang media diadakan pada jam 3 petang.", [("jam 3 petang", "TIME", "2024-05-12T15:00")]),
    ("Mayat ditemui kira-kira jam 8.30 malam.", [("jam 8.30 malam", "TIME", "2024-05-12T20:30")]),
    ("Beliau tiba jam 10 pagi semalam.", [("jam 10 pagi semalam", "TIME", "2024-05-11T10:00")]),
    # bylines: English AM/PM, month first with a Malay month
    ("09/03/2025 10:09 PM", [("09/03/2025 10:09 PM", "TIME", "2025-03-09T22:09")]),
    ("Ogos 6, 2022 11:10", [("Ogos 6, 2022 11:10", "TIME", "2022-08-06T11:10")]),
    # holidays and Hijri months
    ("Sambutan Hari Kebangsaan diadakan di Putrajaya.", [("Hari Kebangsaan", "DATE", "2024-08-31")]),
    ("Cuti Hari Raya Aidilfitri bermula esok.",
     [("Hari Raya Aidilfitri", "DATE", "2024-04-10"), ("esok", "DATE", "2024-05-13")]),
    ("Puasa bermula 1 Ramadan 1445H.", [("1 Ramadan 1445H", "DATE", "2024-03-11")]),
])
def test_sets_clock_holidays(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected
