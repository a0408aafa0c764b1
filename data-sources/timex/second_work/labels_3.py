from label import T, build

H = "XXXX-XX-XXT"  # habitual clock times (daily schedules)

uk = {
    "uk-002": [
        T("суботу", "DATE", "2025-08-23", n=0),
        T("вихідні", "DATE", "2025-W34-WE"),
        T("суботу", "DATE", "2025-08-23", n=1),
        T("вночі", "TIME", "2025-08-23TNI", n=0),
        T("вдень", "TIME", "2025-08-23TDT", n=0),
        T("вночі", "TIME", "2025-08-23TNI", n=1),
        T("вдень", "TIME", "2025-08-23TDT", n=1),
        T("неділю", "DATE", "2025-08-24"),
        T("понеділок", "DATE", "2025-08-25"),
        T("вночі", "TIME", "2025-08-24TNI", n=2),
        T("вдень", "TIME", "2025-08-24TDT", n=2),
        T("вночі", "TIME", "2025-08-24TNI", n=3),
        T("вдень", "TIME", "2025-08-24TDT", n=3),
    ],
    "uk-007": [
        T("⟦5⟧-7 липня", "DATE", "2014-07-05"),
        T("5-⟦7 липня⟧", "DATE", "2014-07-07"),
        T("цих вихідних", "DATE", "2014-W27-WE"),
        T("Цьогоріч", "DATE", "2014"),
        T("Івана Купала", "DATE", "2014-07-07", note="Kupala night holiday"),
        T("Ближче до вечора", "TIME", "XXXX-XX-XXTEV", mod="APPROX"),
    ],
    "uk-012": [
        T("2021 році", "DATE", "2021", n=0),
        T("2021 року", "DATE", "2021", n=0),
        T("5 січня", "DATE", "2021-01-05"),
        T("19 січня", "DATE", "2021-01-19"),
        T("2021 році", "DATE", "2021", n=1),
        T("10 квітня 2021 року", "DATE", "2021-04-10", anchor="none"),
        T("16 квітня", "DATE", "2021-04-16"),
    ],
    "uk-017": [
        T("20:10, 28 лютого 2022 р.", "TIME", "2022-02-28T20:10", anchor="none"),
        T("1 березня", "DATE", "2022-03-01", n=0),
        T("1 березня 2022 року", "DATE", "2022-03-01", anchor="none"),
        T("18.00", "TIME", H + "18:00", note="daily curfew"),
        T("06.00", "TIME", H + "06:00"),
        T("30 діб", "DURATION", "P30D"),
        T("18:00", "TIME", H + "18:00"),
        T("06:00", "TIME", H + "06:00"),
    ],
    "uk-022": [
        T("2022 року", "DATE", "2022"),
        T("напередодні", "DATE", "2022-06-01"),
        T("тепер", "DATE", "PRESENT_REF"),
        T("неділю, 5 червня", "DATE", "2022-06-05"),
        T("19:00", "TIME", "2022-06-05T19:00", anchor="previous"),
        T("2016 року", "DATE", "2016"),
    ],
}

fr = {
    "fr-002": [
        T("07h30", "TIME", "2025-07-12T07:30"),
        T("ce samedi", "DATE", "2025-07-12"),
        T("midi", "TIME", "2025-07-12T12:00"),
        T("07h20", "TIME", "2025-07-12T07:20"),
        T("cette première journée du week-end", "DATE", "2025-07-12"),
        T("07h02", "TIME", "2025-07-12T07:02"),
        T("début d'après-midi", "TIME", "2025-07-12TAF", mod="START"),
    ],
    "fr-007": [
        T("22 janvier dernier", "DATE", "2021-01-22"),
        T("Lundi 1 Février 2021 à 09:08", "TIME", "2021-02-01T09:08", anchor="none"),
        T("22 janvier", "DATE", "2021-01-22", n=1),
        T("vendredi dernier au petit matin", "TIME", "2021-01-29TMO"),
    ],
    "fr-012": [
        T("24 janvier 2026", "DATE", "2026-01-24", n=0, anchor="none"),
        T("24 janvier 2026", "DATE", "2026-01-24", n=1, anchor="none"),
        T("dimanche 22 mars 2026", "DATE", "2026-03-22", anchor="none"),
    ],
    "fr-017": [
        T("une vingtaine de minutes", "DURATION", "PT20M", mod="APPROX", n=0),
        T("ce lundi matin", "TIME", "2020-08-24TMO", n=0),
        T("une vingtaine de minutes", "DURATION", "PT20M", mod="APPROX", n=1),
        T("aux alentours de 11 heures", "TIME", "2020-08-24T11:00", mod="APPROX"),
        T("une petite demie heure", "DURATION", "PT30M", mod="APPROX"),
        T("ce lundi matin", "TIME", "2020-08-24TMO", n=1),
        T("vers 11 heures", "TIME", "2020-08-24T11:00", mod="APPROX"),
        T("11h15", "TIME", "2020-08-24T11:15"),
        T("ce lundi midi", "TIME", "2020-08-24T12:00"),
    ],
    "fr-022": [
        T("6 jours", "DURATION", "P6D"),
        T("4 décembre", "DATE", "2021-12-04"),
        T("2016", "DATE", "2016", anchor="none"),
        T("trois ans", "DURATION", "P3Y"),
        T("5 ans", "DURATION", "P5Y"),
        T("il y a quelques années", "DATE", "PAST_REF"),
        T("22 ans", "DURATION", "P22Y"),
        T("2017", "DATE", "2017", anchor="none"),
    ],
}

es = {
    "es-002": [
        T("fin de semana", "DATE", "2020-W51-WE"),
        T("domingo", "DATE", "2020-12-20"),
        T("viernes", "DATE", "2020-12-18"),
        T("sábado", "DATE", "2020-12-19"),
    ],
    "es-007": [
        T("15/12/2024", "DATE", "2024-12-15", anchor="none"),
        T("la mañana de este domingo", "TIME", "2024-12-15TMO"),
        T("ocho horas", "DURATION", "PT8H"),
    ],
    "es-012": [
        T("hoy", "DATE", "PRESENT_REF"),
        T("Este año", "DATE", "2018"),
    ],
    "es-017": [
        T("31 Oct 2018 - 4:15pm", "TIME", "2018-10-31T16:15", anchor="none"),
        T("mañana", "DATE", "2018-11-01", n=0),
        T("mediodía", "TIME", H + "12:00", note="daily restriction"),
        T("11:30 a.m.", "TIME", H + "11:30", n=0),
        T("2:30 de la tarde", "TIME", H + "14:30"),
        T("5 p.m.", "TIME", H + "17:00", n=0),
        T("de ⟦6⟧ a 9 a.m.", "TIME", H + "06:00"),
        T("9 a.m.", "TIME", H + "09:00"),
        T("11:30 a.m.", "TIME", H + "11:30", n=1),
        T("2:30 p.m.", "TIME", H + "14:30"),
        T("5 p.m.", "TIME", H + "17:00", n=1),
        T("7:30 p.m.", "TIME", H + "19:30"),
        T("mañana", "DATE", "2018-11-01", n=1),
        T("15 de noviembre", "DATE", "2018-11-15"),
    ],
    "es-022": [
        T("este fin de semana", "DATE", "2016-W16-WE"),
        T("este sábado", "DATE", "2016-04-23"),
        T("esta semana", "DATE", "2016-W16"),
    ],
}

for lang, labels in (("uk", uk), ("fr", fr), ("es", es)):
    build(lang, labels)
