"""Second annotator's TIMEX3 labels for the it blank documents (label.py resolves offsets)."""
from label import T, build

it = {
    "it-002": [
        T("6 dic.", "DATE", "2023-12-06", note="dateline"),
        T("questa mattina", "TIME", "2023-12-06TMO"),
        T("un’ora", "DURATION", "PT1H"),
        T("(⟦oggi⟧ Meloni", "DATE", "2023-12-06"),
    ],
    "it-007": [
        T("28 set.", "DATE", "2021-09-28", note="dateline"),
        T("domani alle 9.30", "TIME", "2021-09-29T09:30"),
        T("pochi minuti", "DURATION", "PTXM"),
        T("⟦oggi⟧ al centro", "DATE", "2021-09-28"),
        T("alle ⟦17.30⟧", "TIME", "2021-09-28T17:30"),
        T("⟦domani⟧ dopo il Cdm", "DATE", "2021-09-29"),
    ],
    "it-012": [
        T("Venerdì 17 novembre", "DATE", "2023-11-17"),
        T("da ⟦otto⟧ a quattro", "DURATION", "PT8H", note="range 'da otto a quattro ore': two timexes"),
        T("quattro ore", "DURATION", "PT4H"),
        T("tutta la giornata lavorativa", "DURATION", "P1D"),
        T("dalle ⟦9.30⟧", "TIME", "2023-11-17T09:30", anchor="previous"),
    ],
    "it-015": [
        T("dal ⟦6 dicembre⟧ fino", "DATE", "2021-12-06"),
        T("15 gennaio", "DATE", "2022-01-15"),
        T("15 dicembre", "DATE", "2021-12-15"),
        T("1° dicembre", "DATE", "2021-12-01"),
        T("stagione invernale", "DATE", "2021-WI", note="winter season 2021/22"),
        T("meno di 6 mesi", "DURATION", "P6M", mod="LESS_THAN"),
        T("dal ⟦6 dicembre⟧ chi", "DATE", "2021-12-06"),
    ],
}

if __name__ == "__main__":
    build("it", it)
