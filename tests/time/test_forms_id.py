"""Exact TIMEX3 values of the Indonesian time vocabulary added to `lang/id/data.yaml` (`dates:`):
counted units ("sehari", "sepekan"), "pekan", number words, sets, relative words, parts of day,
clock times with a part of day, holidays, quarters, weekdays with "lalu/depan", Hijri months."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-12"  # a Sunday
BEFORE = "Ia datang Jumat (10/5/2024). "
FRIDAY = [("Jumat", "DATE", "2024-05-10"), ("10/5/2024", "DATE", "2024-05-10")]


def _timexes(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="id")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # number words, fractions and vague counts
    ("Harga naik dua puluh tahun lalu.", [("dua puluh tahun lalu", "DATE", "2004")]),
    ("Sidang berlangsung setengah jam.", [("setengah jam", "DURATION", "PT30M")]),
    ("Proyek itu selesai satu setengah tahun.", [("satu setengah tahun", "DURATION", "P1Y6M")]),
    ("Warga menunggu puluhan tahun.", [("puluhan tahun", "DURATION", "PXY")]),
    # a unit word holding its count; "sehari-hari" (everyday) is none
    ("Ia bertugas sehari di sana.", [("sehari", "DURATION", "P1D")]),
    ("Kebutuhan sehari-hari warga naik.", []),
    ("Ia berlibur sepekan di Bali.", [("sepekan", "DURATION", "P1W")]),
    ("Ia menjabat seminggu.", [("seminggu", "DURATION", "P1W")]),
    ("Ia menjabat sebulan.", [("sebulan", "DURATION", "P1M")]),
    ("Setahun lalu harga turun.", [("Setahun lalu", "DATE", "2023")]),
    ("Perang berlangsung sedekade.", [("sedekade", "DURATION", "P10Y")]),
    # units CLDR lacks
    ("Ia menunggu dua pekan.", [("dua pekan", "DURATION", "P2W")]),
    ("Jalan itu dibangun dua dasawarsa.", [("dua dasawarsa", "DURATION", "P20Y")]),
    # modifiers of a duration
    ("Ia menunggu kurang lebih dua jam.", [("kurang lebih dua jam", "DURATION", "PT2H")]),
    ("Ia menunggu sedikitnya tiga hari.", [("sedikitnya tiga hari", "DURATION", "P3D")]),
    ("Ia menunggu paling lama dua minggu.", [("paling lama dua minggu", "DURATION", "P2W")]),
    # words that belong to the duration itself
    ("Harga naik dalam lima tahun ke depan.", [("lima tahun ke depan", "DURATION", "P5Y")]),
    ("Harga naik tiga tahun terakhir.", [("tiga tahun terakhir", "DURATION", "P3Y")]),
    ("Harga naik beberapa tahun mendatang.", [("beberapa tahun mendatang", "DURATION", "PXY")]),
    # shifts
    ("Ia pulang tiga hari lagi.", [("tiga hari lagi", "DATE", "2024-05-15")]),
    (BEFORE + "Sehari setelahnya ia pulang.", [*FRIDAY, ("Sehari setelahnya", "DATE", "2024-05-11")]),
    (BEFORE + "Dua hari berikutnya ia pulang.", [*FRIDAY, ("Dua hari berikutnya", "DATE", "2024-05-12")]),
])
def test_durations(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Pasar buka setiap pekan.", [("setiap pekan", "SET", "P1W")]),
    ("Obat diminum tiap hari.", [("tiap hari", "SET", "P1D")]),
    ("Gaji bulanan naik.", [("bulanan", "SET", "P1M")]),
    ("Pengajian digelar setiap Jumat.", [("setiap Jumat", "SET", "XXXX-WXX-5")]),
    ("Pasar ramai tiap Sabtu.", [("tiap Sabtu", "SET", "XXXX-WXX-6")]),
    ("Warga berolahraga setiap akhir pekan.", [("setiap akhir pekan", "SET", "XXXX-WXX-WE")]),
    ("Ia pulang sekali setahun.", [("sekali setahun", "SET", "P1Y")]),
    ("Laporan terbit setiap bulannya.", [("setiap bulannya", "SET", "P1M")]),
    ("Harian itu terbit pagi.", [("pagi", "DATE", "2024-05-12TMO")]),  # "harian" (a daily paper) is no set
])
def test_sets(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (BEFORE + "Hari itu hujan.", [*FRIDAY, ("Hari itu", "DATE", "2024-05-10")]),
    (BEFORE + "Malam sebelumnya hujan.", [*FRIDAY, ("Malam sebelumnya", "DATE", "2024-05-09TNI")]),
    (BEFORE + "Pada hari berikutnya ia pulang.", [*FRIDAY, ("hari berikutnya", "DATE", "2024-05-11")]),
    ("Cuaca cerah pada akhir pekan.", [("akhir pekan", "DATE", "2024-W19-WE")]),
    ("Cuaca cerah pada akhir pekan ini.", [("akhir pekan ini", "DATE", "2024-W19-WE")]),
    ("Ia pulang akhir pekan lalu.", [("akhir pekan lalu", "DATE", "2024-W18-WE")]),
    ("Ia pulang akhir pekan depan.", [("akhir pekan depan", "DATE", "2024-W20-WE")]),
    ("Ia tiba tadi pagi.", [("tadi pagi", "DATE", "2024-05-12TMO")]),
    ("Ia tiba tadi malam.", [("tadi malam", "DATE", "2024-05-12TNI")]),
    ("Ia tiba pagi tadi.", [("pagi tadi", "DATE", "2024-05-12TMO")]),
    ("Ia akan tiba nanti malam.", [("nanti malam", "DATE", "2024-05-12TNI")]),
    ("Ia akan tiba sore nanti.", [("sore nanti", "DATE", "2024-05-12TAF")]),
    ("Ia tiba esok hari.", [("esok hari", "DATE", "2024-05-13")]),
    ("Kejadian itu terjadi beberapa waktu lalu.", [("beberapa waktu lalu", "DATE", "PAST_REF")]),
    ("Sekarang ini harga naik.", [("Sekarang ini", "DATE", "PRESENT_REF")]),
    ("Harga naik tahun mendatang.", [("tahun mendatang", "DATE", "2025")]),
    ("Rapat digelar pekan mendatang.", [("pekan mendatang", "DATE", "2024-W20")]),
    ("Rapat digelar bulan mendatang.", [("bulan mendatang", "DATE", "2024-06")]),
    # a weekday with "lalu", "mendatang", "depan" after it
    ("Ia datang Jumat lalu.", [("Jumat lalu", "DATE", "2024-05-10")]),
    ("Ia akan datang Kamis mendatang.", [("Kamis mendatang", "DATE", "2024-05-16")]),
    ("Ia akan datang Selasa depan.", [("Selasa depan", "DATE", "2024-05-14")]),
])
def test_relative(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Hujan turun Sabtu dini hari.", [("Sabtu dini hari", "DATE", "2024-05-11TNI")]),
    ("Hujan turun Senin petang.", [("Senin petang", "DATE", "2024-05-13TEV")]),
    ("Hujan turun petang hari.", [("petang hari", "DATE", "2024-05-12TEV")]),
    ("Hujan turun tengah hari.", [("tengah hari", "DATE", "2024-05-12T12:00")]),
    # a clock time read with the part of day after it; the time word is inside, as in "pukul 19.00"
    ("Rapat dimulai pukul 7 malam.", [("pukul 7 malam", "TIME", "2024-05-12T19:00")]),
    ("Rapat dimulai jam 4 sore.", [("jam 4 sore", "TIME", "2024-05-12T16:00")]),
    ("Rapat dimulai pukul 9 pagi.", [("pukul 9 pagi", "TIME", "2024-05-12T09:00")]),
])
def test_parts_of_day_and_clock(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Musik populer pada 1990-an.", [("1990-an", "DATE", "199")]),
    ("Libur pada Hari Buruh.", [("Hari Buruh", "DATE", "2024-05-01")]),
    ("Umat merayakan Hari Raya Natal.", [("Hari Raya Natal", "DATE", "2023-12-25")]),
    ("Ia pulang saat Hari Raya Idul Fitri.", [("Hari Raya Idul Fitri", "DATE", "2024-04-10")]),
    ("Warga merayakan Tahun Baru Islam.", [("Tahun Baru Islam", "DATE", "2024-07-07")]),
    ("Ekonomi tumbuh pada kuartal pertama 2024.", [("kuartal pertama 2024", "DATE", "2024-Q1")]),
    ("Laba naik pada triwulan II 2024.", [("triwulan II 2024", "DATE", "2024-Q2")]),
    ("Laba naik pada semester I tahun 2024.", [("semester I tahun 2024", "DATE", "2024-H1")]),
    ("Warga berpuasa selama bulan Ramadan.", [("bulan Ramadan", "DATE", "2024-03")]),
    ("Salat digelar pada 1 Syawal 1445 H.", [("1 Syawal 1445 H", "DATE", "2024-04-10")]),
])
def test_calendar_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Libur pada Hari Kartini.", ("Hari Kartini", "DATE", "2024-04-21")),
    ("Libur pada Hardiknas.", ("Hardiknas", "DATE", "2024-05-02")),
    ("Libur pada Hari Sumpah Pemuda.", ("Hari Sumpah Pemuda", "DATE", "2023-10-28")),
    ("Libur pada Hari Pahlawan.", ("Hari Pahlawan", "DATE", "2023-11-10")),
    ("Libur pada Hari Ibu.", ("Hari Ibu", "DATE", "2023-12-22")),
    ("Libur pada Hari Lahir Pancasila.", ("Hari Lahir Pancasila", "DATE", "2024-06-01")),
    ("Libur pada Hari Kesaktian Pancasila.", ("Hari Kesaktian Pancasila", "DATE", "2023-10-01")),
    ("Libur pada HUT RI.", ("HUT RI", "DATE", "2024-08-17")),
    ("Libur pada Malam Natal.", ("Malam Natal", "DATE", "2023-12-24")),
    ("Libur pada malam tahun baru.", ("malam tahun baru", "DATE", "2023-12-31")),
    ("Libur pada Idul Kurban.", ("Idul Kurban", "DATE", "2024-06-16")),
    ("Libur pada Maulid Nabi.", ("Maulid Nabi", "DATE", "2023-09-27")),
    ("Libur pada Isra Miraj.", ("Isra Miraj", "DATE", "2024-02-08")),
    ("Ia menunggu sejam.", ("sejam", "DURATION", "PT1H")),
    ("Ia hidup seabad.", ("seabad", "DURATION", "P100Y")),
    ("Ia tiba esok.", ("esok", "DATE", "2024-05-13")),
    ("Ia tiba siang tadi.", ("siang tadi", "DATE", "2024-05-12TMI")),
    ("Ia akan tiba nanti siang.", ("nanti siang", "DATE", "2024-05-12TMI")),
    ("Ia datang Jumat nanti.", ("Jumat nanti", "DATE", "2024-05-17")),
    ("Ia datang Senin kemarin.", ("Senin kemarin", "DATE", "2024-05-06")),
    ("Laba naik pada paruh kedua 2023.", ("paruh kedua 2023", "DATE", "2023-H2")),
    ("Ia menunggu setidaknya dua hari.", ("setidaknya dua hari", "DURATION", "P2D")),
    ("Harga naik dua tahun belakangan.", ("dua tahun belakangan", "DURATION", "P2Y")),
    ("Ia hidup seratus tahun.", ("seratus tahun", "DURATION", "P100Y")),
    ("Ia menunggu belasan tahun.", ("belasan tahun", "DURATION", "PXY")),
    ("Sekali sebulan ia pulang.", ("Sekali sebulan", "SET", "P1M")),
    ("Puasa dimulai 1 Ramadhan 1445 Hijriah.", ("1 Ramadhan 1445 Hijriah", "DATE", "2024-03-11")),
    ("Ia pulang akhir minggu ini.", ("akhir minggu ini", "DATE", "2024-W19-WE")),
])
def test_one_each(text: str, expected: tuple[str, str, str]) -> None:
    assert _timexes(text) == [expected]
