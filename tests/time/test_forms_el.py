"""Exact TIMEX3 values of the Greek time vocabulary added to `lang/el/data.yaml` (`dates:`): relative days and
their adjectives, last/next/this + week, month, year and weekday, accusative and spoken month names, a joined
"του" before a year, parts of day before and after a day, clock times with a part of day, durations, shifts,
sets, quarters, seasons, fixed-date feasts, references without a date."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-15"  # a Wednesday


def _timexes(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="el")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # relative days; the article or preposition stays outside
    ("Ο υπουργός μίλησε χθες στη Βουλή.", [("χθες", "DATE", "2024-05-14")]),
    ("Συναντήθηκαν προχθές στην Αθήνα.", [("προχθές", "DATE", "2024-05-13")]),
    ("Ο πρόεδρος θα μιλήσει απόψε στο κοινό.", [("απόψε", "DATE", "2024-05-15TNI")]),
    # adjectives of a day or a year ("yesterday's", "this year's")
    ("Η χθεσινή συνεδρίαση ήταν σύντομη.", [("χθεσινή", "DATE", "2024-05-14")]),
    ("Η φετινή σεζόν ήταν καλή.", [("φετινή", "DATE", "2024")]),
    # a relative day and the weekday it is: one DATE
    ("Αύριο Πέμπτη θα συνεδριάσει η επιτροπή.", [("Αύριο Πέμπτη", "DATE", "2024-05-16")]),
    ("Ο πρόεδρος επέστρεψε χθες Τρίτη από τις ΗΠΑ.", [("χθες Τρίτη", "DATE", "2024-05-14")]),
    # last / next / this week, month, year
    ("Η συνάντηση έγινε την περασμένη εβδομάδα.", [("περασμένη εβδομάδα", "DATE", "2024-W19")]),
    ("Θα ταξιδέψει την επόμενη εβδομάδα στις Βρυξέλλες.", [("επόμενη εβδομάδα", "DATE", "2024-W21")]),
    ("Το νομοσχέδιο θα ψηφιστεί μέσα στην τρέχουσα εβδομάδα.", [("τρέχουσα εβδομάδα", "DATE", "2024-W20")]),
    ("Το νομοσχέδιο ψηφίστηκε πέρυσι.", [("πέρυσι", "DATE", "2023")]),
    ("Η οικονομία θα αναπτυχθεί φέτος.", [("φέτος", "DATE", "2024")]),
    ("Θα βρίσκεται στη Θεσσαλονίκη το Σαββατοκύριακο.", [("Σαββατοκύριακο", "DATE", "2024-W20-WE")]),
    # last / next + weekday
    ("Η συνάντηση θα γίνει την ερχόμενη Τρίτη.", [("ερχόμενη Τρίτη", "DATE", "2024-05-21")]),
    ("Η συνάντηση έγινε την περασμένη Παρασκευή.", [("περασμένη Παρασκευή", "DATE", "2024-05-10")]),
    # a weekday alone after its article, by the tense of the sentence
    ("Ο υπουργός συναντήθηκε την Δευτέρα με τον πρέσβη.", [("Δευτέρα", "DATE", "2024-05-13")]),
    ("Ο υπουργός θα συναντηθεί την Παρασκευή με τον πρέσβη.", [("Παρασκευή", "DATE", "2024-05-17")]),
    # "τρίτη" (third) in lower case is no Tuesday
    ("Η τρίτη θέση ανήκει στο ΠΑΣΟΚ.", []),
    # narrative: the day after the last date
    ("Ο υπουργός έφτασε στις 10 Μαΐου. Την επομένη παραιτήθηκε.",
     [("10 Μαΐου", "DATE", "2024-05-10"), ("επομένη", "DATE", "2024-05-11")]),
    # references without a date
    ("Ο κ. Δένδιας βρίσκεται τώρα στην Αθήνα.", [("τώρα", "DATE", "PRESENT_REF")]),
    ("Η απόφαση θα ανακοινωθεί σύντομα.", [("σύντομα", "DATE", "FUTURE_REF")]),
])
def test_relative(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # accusative and spoken month names CLDR lacks; a month alone after its article
    ("Ο πληθωρισμός αυξήθηκε τον Μάρτιο.", [("Μάρτιο", "DATE", "2024-03")]),
    ("Η κυβέρνηση ανακοίνωσε μέτρα τον Φλεβάρη.", [("Φλεβάρη", "DATE", "2024-02")]),
    ("Η συνεδρίαση θα γίνει στις αρχές Μαρτίου.", [("αρχές Μαρτίου", "DATE", "2024-03")]),
    # "του" joins a year; a relative year after a month
    ("Οι εκλογές έγιναν τον Ιούνιο του 2023.", [("Ιούνιο του 2023", "DATE", "2023-06")]),
    ("Ο υπουργός είχε δηλώσει τον Μάιο του περασμένου έτους ότι θα παραιτηθεί.",
     [("Μάιο του περασμένου έτους", "DATE", "2023-05")]),
    # an ordinal day ("28ης Οκτωβρίου") and a weekday with its date
    ("Ο εορτασμός της 28ης Οκτωβρίου έγινε με παρέλαση.", [("28ης Οκτωβρίου", "DATE", "2023-10-28")]),
    ("Την Τρίτη 12 Μαρτίου η Βουλή ψήφισε το νομοσχέδιο.", [("Τρίτη 12 Μαρτίου", "DATE", "2024-03-12")]),
    # quarters and seasons, with a year or a relative word
    ("Η ανάπτυξη ήταν 2% το πρώτο τρίμηνο του 2024.", [("πρώτο τρίμηνο του 2024", "DATE", "2024-Q1")]),
    ("Το περασμένο καλοκαίρι έγιναν πυρκαγιές.", [("περασμένο καλοκαίρι", "DATE", "2023-SU")]),
    ("Ο πρωθυπουργός ανέλαβε το καλοκαίρι του 2019.", [("καλοκαίρι του 2019", "DATE", "2019-SU")]),
    # fixed-date feasts
    ("Η απεργία θα γίνει την Πρωτομαγιά.", [("Πρωτομαγιά", "DATE", "2025-05-01")]),
    ("Ο εορτασμός των Χριστουγέννων θα γίνει στο Σύνταγμα.", [("Χριστουγέννων", "DATE", "2024-12-25")]),
])
def test_months_and_calendar_terms(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a part of day after a day, and before one across "της"
    ("Η συνάντηση θα γίνει αύριο το πρωί.", [("αύριο το πρωί", "DATE", "2024-05-16TMO")]),
    ("Η συνάντηση ολοκληρώθηκε χθες το βράδυ.", [("χθες το βράδυ", "DATE", "2024-05-14TEV")]),
    ("Η σύσκεψη έγινε το απόγευμα της Κυριακής.", [("απόγευμα της Κυριακής", "DATE", "2024-05-12TAF")]),
    ("Η επίθεση σημειώθηκε τα ξημερώματα της Κυριακής.", [("ξημερώματα της Κυριακής", "DATE", "2024-05-12TNI")]),
    # clock times with a part of day, "ώρα" before a clock time
    ("Θα μιλήσει στις 6 το απόγευμα.", [("6 το απόγευμα", "TIME", "2024-05-15T18:00")]),
    ("Η συνάντηση θα γίνει στις 10.30 στο Μαξίμου.", [("10.30", "TIME", "2024-05-15T10:30")]),
    ("Η συνέντευξη ξεκινά ώρα 15.45.", [("ώρα 15.45", "TIME", "2024-05-15T15:45")]),
])
def test_parts_of_day_and_clock(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # units news counts in, number words, modifiers
    ("Οι διαπραγματεύσεις κράτησαν τρεις μέρες.", [("τρεις μέρες", "DURATION", "P3D")]),
    ("Οι διαπραγματεύσεις κράτησαν περίπου δύο ώρες.", [("περίπου δύο ώρες", "DURATION", "PT2H")]),
    ("Η επιτροπή συνεδρίασε για ενάμιση χρόνο.", [("ενάμιση χρόνο", "DURATION", "P1Y6M")]),
    ("Η συνάντηση κράτησε μισή ώρα.", [("μισή ώρα", "DURATION", "PT30M")]),
    ("Οι τιμές ανεβαίνουν τα τελευταία πέντε χρόνια.", [("τελευταία πέντε χρόνια", "DURATION", "P5Y")]),
    # a unit word holding its count
    ("Το 24ωρο που πέρασε ήταν δύσκολο.", [("24ωρο", "DURATION", "P1D")]),
    # shifts: ago, later
    ("Η επίθεση έγινε πριν από δύο χρόνια.", [("πριν από δύο χρόνια", "DATE", "2022")]),
    ("Δύο μέρες αργότερα ανακοίνωσε την παραίτησή του.", [("Δύο μέρες αργότερα", "DATE", "2024-05-17")]),
    # an age is no duration
    ("Ο άνδρας ηλικίας 45 ετών συνελήφθη.", []),
])
def test_durations(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Η έκθεση δημοσιεύεται κάθε χρόνο.", [("κάθε χρόνο", "SET", "P1Y")]),
    ("Οι πτήσεις εκτελούνται καθημερινά.", [("καθημερινά", "SET", "P1D")]),
    ("Οι συσκέψεις γίνονται κάθε Δευτέρα.", [("κάθε Δευτέρα", "SET", "XXXX-WXX-1")]),
    ("Η αγορά λειτουργεί κάθε Σαββατοκύριακο.", [("κάθε Σαββατοκύριακο", "SET", "XXXX-WXX-WE")]),
])
def test_sets(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text) == expected
