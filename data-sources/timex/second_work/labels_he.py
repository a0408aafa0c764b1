"""Second annotator (b): TIMEX3 labels for the he blanks (text + DCT only).

Fused prefixes ב/ל/מ/ו/ש/כ outside the span, the article ה inside; a month date keeps its ב.
"""
from label import T, build

he = {
    "he-002": [
        T("קיבל ⟦היום⟧ את", "DATE", "2023-01-11"),
        T('היום, יום רביעי, י"ח בטבת, 11 בינואר', "DATE", "2023-01-11",
          note="today + weekday + Hebrew date + Gregorian date as one phrase"),
        T("הבוקר", "TIME", "2023-01-11TMO"),
    ],
    "he-007": [
        T("בעוד 4 ימים", "DATE", "2020-08-25", note="four days after the DCT"),
        T("שמתפרסם ⟦היום⟧", "DATE", "2020-08-21"),
        T('א\' אלול התש"פ', "DATE", "2020-08-21", anchor="none", note="Hebrew calendar, 1 Elul 5780"),
        T("⟦היום⟧ (שישי)", "DATE", "2020-08-21"),
        T("היום (⟦שישי⟧)", "DATE", "2020-08-21"),
        T("ארבעה ימים", "DURATION", "P4D"),
    ],
    "he-012": [
        T("⟦הלילה⟧ נישן", "TIME", "2025-03-27TNI", note="night of Thu 27 / Fri 28 March"),
        T("שעה אחת", "DURATION", "PT1H"),
        T("הלילה ב-02:00", "TIME", "2025-03-28T02:00", note="clock plus day one TIME"),
        T("שעת", "DURATION", "PT1H", n=0),
        T("03:00", "TIME", "2025-03-28T03:00", n=0, anchor="previous"),
        T("שבעה חודשים", "DURATION", "P7M", n=0),
        T("26 באוקטובר 2025", "DATE", "2025-10-26", n=0, anchor="none"),
        T("01:20", "DURATION", "PT1M20S", note="video length"),
        T("⟦הלילה⟧ (בין", "TIME", "2025-03-27TNI"),
        T("⟦חמישי⟧ לשישי", "DATE", "2025-03-27"),
        T("חמישי ל⟦שישי⟧", "DATE", "2025-03-28"),
        T("02:00", "TIME", "2025-03-28T02:00", n=1, anchor="previous"),
        T("שעת", "DURATION", "PT1H", n=1),
        T("03:00", "TIME", "2025-03-28T03:00", n=1, anchor="previous"),
        T("שבעה חודשים", "DURATION", "P7M", n=1),
        T("26 באוקטובר 2025", "DATE", "2025-10-26", n=1, anchor="none"),
        T("השבת", "DATE", "2025-03-29", note="Shabbat (Fri evening to Sat evening) of this week"),
        T("סוף השבוע", "DATE", "2025-W13-WE"),
        T("יום שישי ב-18:35", "TIME", "2025-03-28T18:35", note="clock plus day one TIME"),
        T("19:36", "TIME", "2025-03-29T19:36", anchor="previous", note="Shabbat ends Saturday evening"),
        T("מחר", "DATE", "2025-03-28"),
        T("שעות הערב", "TIME", "2025-03-28TEV", anchor="previous"),
        T("ב⟦שבת⟧ כבר", "DATE", "2025-03-29"),
        T("שבוע הבא", "DATE", "2025-W14"),
    ],
    "he-015": [
        T("שבוע הבא", "DATE", "2022-W43"),
        T("קיץ הקודם", "DATE", "2021-SU", note="Herzog took office in July 2021"),
        T("יום רביעי הבא", "DATE", "2022-10-26"),
        T("26 באוקטובר", "DATE", "2022-10-26"),
        T("שעה 11:00, שעון וושינגטון", "TIME", "2022-10-26T11:00", anchor="previous",
          note="Washington time (EDT)"),
        T("יומיים", "DURATION", "P2D"),
        T("יולי האחרון", "DATE", "2022-07"),
    ],
}

build("he", he)
