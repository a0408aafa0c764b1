"""Second annotator (b): TIMEX3 labels for the el blanks (text + DCT only)."""
from label import T, build

el = {
    "el-002": [
        T("την ⟦Τετάρτη⟧ ο πρωθυπουργός", "DATE", "2023-03-01", note="next Wednesday after the Saturday DCT"),
        T("25/02/2023 19:41", "TIME", "2023-02-25T19:41", anchor="none", note="byline"),
        T("Τετάρτη, 1 Μαρτίου", "DATE", "2023-03-01"),
        T("6 το απόγευμα", "TIME", "2023-03-01T18:00", anchor="previous"),
    ],
    "el-007": [
        T("σαββατοκύριακο", "DATE", "2019-W24-WE"),
        T("σήμερα, Σάββατο, 15 Ιουνίου", "DATE", "2019-06-15"),
        T("10:30", "TIME", "2019-06-15T10:30", anchor="previous"),
        T("15:00", "TIME", "2019-06-15T15:00", anchor="previous"),
        T("19:00", "TIME", "2019-06-15T19:00", anchor="previous"),
        T("20:30", "TIME", "2019-06-15T20:30", anchor="previous"),
    ],
    "el-012": [
        T("29Ιανουαρίου 2021", "DATE", "2021-01-29", anchor="none", note="dateline"),
        T("σήμερα", "DATE", "2021-01-29", n=0),
        T("όλα αυτά τα χρόνια", "DURATION", "PXY"),
        T("δεκαετία του ’90", "DATE", "199"),
        T("τώρα", "DATE", "PRESENT_REF"),
        T("σε λίγο", "DATE", "FUTURE_REF"),
        T("σήμερα", "DATE", "2021-01-29", n=1),
        T("παρελθόντος", "DATE", "PAST_REF"),
    ],
    "el-015": [
        T("Σεπτέμβριο", "DATE", "2025-09", n=0),
        T("Σεπτέμβριο", "DATE", "2025-09", n=1),
        T("Αύγουστο 2025", "DATE", "2025-08", anchor="none"),
        T("προηγούμενου έτους", "DATE", "2024", note="same comparison one year earlier"),
        T("δωδεκαμήνου", "DURATION", "P12M", n=0),
        T("Οκτωβρίου 2024", "DATE", "2024-10", anchor="none"),
        T("Σεπτεμβρίου 2025", "DATE", "2025-09", anchor="none"),
        T("δωδεκαμήνου", "DURATION", "P12M", n=1),
        T("Οκτωβρίου 2023", "DATE", "2023-10", anchor="none"),
        T("Σεπτεμβρίου 2024", "DATE", "2024-09", anchor="none"),
    ],
}

build("el", el)
