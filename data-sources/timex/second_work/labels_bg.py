"""Second annotator (b): TIMEX3 labels for the bg blanks (text + DCT only)."""
from label import T, build

bg = {
    "bg-002": [
        T("Навръх ⟦3 март⟧", "DATE", "2024-03-03"),
        T("14:01 - 01 Март 2024", "TIME", "2024-03-01T14:01", anchor="none", note="byline"),
        T("3 март, неделя, от 11:30 часа", "TIME", "2024-03-03T11:30",
          note="clock plus day one TIME; 'от 11:30' = starting at 11:30"),
        T("11:50 часа", "TIME", "2024-03-03T11:50", anchor="previous"),
        T("18:30 часа", "TIME", "2024-03-03T18:30", anchor="previous"),
        T("18:40 часа", "TIME", "2024-03-03T18:40", anchor="previous"),
        T("празник ⟦3 март⟧", "DATE", "2024-03-03"),
    ],
    "bg-007": [
        T("днес от 18 часа", "TIME", "2025-10-15T18:00", note="clock plus day one TIME"),
        T("последните 12 месеца", "DURATION", "P12M"),
        T("сряда в 18.00 ч.", "TIME", "2025-10-15T18:00", note="Wednesday = DCT; clock plus day one TIME"),
        T("15.10 2025 в 08:24", "TIME", "2025-10-15T08:24", anchor="none", note="stamp"),
    ],
    "bg-012": [
        T("След седмица", "DATE", "2021-05-20", note="one week after the DCT"),
        T("13.05.2021", "DATE", "2021-05-13", anchor="none"),
        T("толеранс от ⟦седмица⟧", "DURATION", "P1W"),
    ],
    "bg-015": [
        T("края на 2023 г.", "DATE", "2023", mod="END", anchor="none"),
        T("5,6% за ⟦септември⟧", "DATE", "2025-09"),
        T("преди малко", "DATE", "PAST_REF"),
        T("последната половин година", "DURATION", "P6M"),
        T("През ⟦септември⟧", "DATE", "2025-09"),
        T("август", "DATE", "2025-08"),
    ],
}

build("bg", bg)
