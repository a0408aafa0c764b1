"""Second annotator's TIMEX3 labels for the pl blank documents (label.py resolves offsets)."""
from label import T, build

pl = {
    "pl-002": [
        T("w ⟦piątek⟧ w serwisie", "DATE", "2026-01-23"),
        T("29 stycznia", "DATE", "2026-01-29"),
        T("tym tygodniu", "DATE", "2026-W04"),
        T("czwartkowej", "DATE", "2026-01-22"),
        T("najbliższym czasie", "DATE", "FUTURE_REF"),
        T("całkiem niebawem", "DATE", "FUTURE_REF"),
        T("najbliższy weekend", "DATE", "2026-W04-WE"),
    ],
    "pl-007": [
        T("drugim tygodniu września", "DATE", "2025-W37", note="Sep 8-14 2025, the week after the DCT"),
        T("od ⟦ponad miesiąca⟧", "DURATION", "P1M", mod="MORE_THAN"),
        T("ponad miesiącu", "DURATION", "P1M", mod="MORE_THAN"),
        T("przyszły tydzień", "DATE", "2025-W37"),
        T("w ⟦piątek⟧ (5", "DATE", "2025-09-05"),
        T("5 września", "DATE", "2025-09-05"),
        T("pierwszy miesiąc", "DURATION", "P1M"),
    ],
    "pl-012": [
        T("16.11.2022 16:47", "TIME", "2022-11-16T16:47", anchor="none"),
        T("20 minut", "DURATION", "PT20M"),
        T("wtorkowego", "DATE", "2022-11-15"),
    ],
    "pl-015": [
        T("Cztery lata", "DURATION", "P4Y"),
        T("24.02.2026\n11:45", "TIME", "2026-02-24T11:45", anchor="none", note="byline date and clock on two lines"),
        T("tym roku", "DATE", "2026"),
    ],
}

if __name__ == "__main__":
    build("pl", pl)
