"""Second annotator's TIMEX3 labels for the ms blank documents (label.py resolves offsets)."""
from label import T, build

ms = {
    "ms-002": [
        T("PRU pada ⟦2026⟧", "DATE", "2026", anchor="none"),
        T("kini", "DATE", "PRESENT_REF"),
        T("mengejut pada ⟦2026⟧", "DATE", "2026", anchor="none"),
        T("masa ini", "DATE", "PRESENT_REF"),
        T("tahun depan", "DATE", "2026"),
        T("(⟦2026⟧)", "DATE", "2026", anchor="none"),
        T("sekarang", "DATE", "PRESENT_REF"),
        T("masa akan datang", "DATE", "FUTURE_REF"),
        T("17 Disember", "DATE", "2025-12-17"),
        T("ketika ini", "DATE", "PRESENT_REF"),
    ],
    "ms-007": [
        T("09/03/2025 10:09 PM", "TIME", "2025-03-09T22:09", anchor="none"),
        T("9 Mac", "DATE", "2025-03-09"),
        T("hari ini", "DATE", "2025-03-09", n=0),
        T("beberapa tahun sebelum ini", "DATE", "PAST_REF"),
        T("hari ini", "DATE", "2025-03-09", n=1),
    ],
    "ms-012": [
        T("jam 5.30 pagi tadi", "TIME", "2023-07-29T05:30"),
        T("masa terdekat", "DATE", "FUTURE_REF"),
        T("Pagi tadi", "TIME", "2023-07-29TMO"),
        T("beberapa jam", "DURATION", "PTXH"),
    ],
    "ms-015": [
        T("4 Julai 2008", "DATE", "2008-07-04", anchor="none"),
        T("3 Julai", "DATE", "2008-07-03"),
        T("ketika ini", "DATE", "PRESENT_REF"),
        T("30 tahun", "DURATION", "P30Y"),
        T("kebelakangan ini", "DATE", "PAST_REF"),
    ],
}

if __name__ == "__main__":
    build("ms", ms)
