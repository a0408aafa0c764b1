"""Greek (lang/el/): the folder loads like any other, names in Greek letters link to the KB persons by their
Latin reading (lang/el/names.py, actors/xscript.py), and titles, country adjectives, participant cues and
triggers give the events of Greek news.

Greek has no named-entity model: a person is found by the KB's names (Greek words key in Latin letters, as
Cyrillic ones do: Πούτιν = Путин = Putin), after a title ("ο Τούρκος ομόλογός του Χακάν Φιντάν"), or by an office
holder's surname ("Ο Γεραπετρίτης").
"""

from __future__ import annotations

import pytest

from communique import lang as languages
from communique.actors import xscript
from communique.actors.gazetteer import folded_name_id, token_key
from communique.actors.titles import find_titles
from communique.document import Document
from communique.events import discourse
from communique.events.lexicon import lexicon as events_lexicon
from communique.pipeline import Options, process

DATE = "2025-03-04"


def run(text: str, until: str = "events") -> Document:
    doc = Document(id="el-test", raw_text=text, lang_hint="el")
    done = process(doc, Options(doc_date=DATE), until=until)
    for m in done.mentions:
        assert m.text == text[m.start : m.end]
    return done


def persons(text: str) -> set[tuple[str, str | None, str, str | None]]:
    """(text, entity id, canonical name, role) of the person mentions."""
    return {(m.text, m.entity_id, m.name, m.role) for m in run(text, "actors").mentions if m.kind == "person"}


def events(text: str) -> list[tuple[str, str | None, list[str | None]]]:
    """(type, mode, actor entity ids) of the events."""
    return [(e.type, e.mode, [a.entity_id for a in e.actors]) for e in run(text).events]


# --------------------------------------------------------------------------------------------- the folder


def test_the_greek_folder_loads_like_any_other() -> None:
    assert "el" in languages.codes()
    greek = languages.get("el")
    assert greek.code == "el"
    assert greek.folder.name == "el"
    assert greek.about["name"] == "Greek"
    # every file of the folder is read: generated and written data, one section each
    for name in ("titles", "demonyms", "participants", "organizations", "groups", "discourse", "triggers",
                 "countries", "common_words", "names", "grammar"):
        assert languages.section("el", name), name
    assert languages.section("el", "demonyms")["GR"][:2] == ["ελληνικ", "Έλλην"]
    assert languages.script_reader("Χακάν") == "el"
    assert languages.script_reader("Hakan") is None
    assert languages.hook("el", "names", "phonetic_latin") is not None
    text = "Η Ελλάδα και η Γαλλία υπέγραψαν συμφωνία. Ο Τραμπ τηλεφώνησε στον Πούτιν."
    found = [(text[t.start : t.end], t.type, t.mode) for t in events_lexicon("el").find_triggers(text)]
    assert found == [("υπέγραψαν συμφωνία", "AGREE", None), ("τηλεφώνησε", "CONSULT", "phone")]


# --------------------------------------------------------------------------------------------- names


@pytest.mark.parametrize(("word", "latin"), [
    ("Χακάν", "hakan"), ("Φιντάν", "fidan"),        # χ is h; ντ between vowels is d
    ("Ντόναλντ", "donald"), ("Τραμπ", "tramp"),     # ντ at the start and after a consonant; final μπ keeps the m
    ("Σεργκέι", "sergey"), ("Λάιεν", "layen"),      # γκ is g; ι after an accented vowel is a glide
    ("Μπάιντεν", "baiden"), ("Ούρσουλα", "ursula"),  # μπ at the start is b; ου is u
    ("Στόλτενμπεργκ", "stoltenberg"), ("Ευρώπη", "evropi"),
])
def test_greek_letters_read_as_the_latin_spelling_sounds(word: str, latin: str) -> None:
    reader = languages.hook("el", "names", "phonetic_latin")
    assert reader is not None
    assert reader(word) == latin


def test_greek_name_keys_are_latin_and_meet_other_scripts() -> None:
    to_latin = languages.hook("el", "names", "to_latin")
    assert to_latin is not None
    assert to_latin("Βλαντιμίρ Πούτιν") == "vladimir putin"
    # a word that would key to one or two letters stays Greek: it would meet unrelated Latin names
    assert to_latin("Η Οι Σι") == "Η Οι Σι"
    assert token_key("Πούτιν", "el") == token_key("Путин", "ru") == token_key("Putin", "en")
    assert folded_name_id("per", "Θάνος Πλεύρης", "el") == "per:thanos-plevris"


def test_a_word_of_another_script_is_not_read() -> None:
    reader = languages.hook("el", "names", "phonetic_latin")
    assert reader is not None
    assert reader("Hakan") is None
    assert reader("Путин") is None


@pytest.mark.parametrize(("name", "entity_id"), [
    ("Χακάν Φιντάν", "local:hakan-fidan"),
    ("Ντόναλντ Τραμπ", "Q22686"),
    ("Βλαντιμίρ Πούτιν", "Q7747"),
    ("Σεργκέι Λαβρόφ", "local:sergey-lavrov"),
    ("Εμανουέλ Μακρόν", "Q3052772"),
    ("Ούρσουλα φον ντερ Λάιεν", "local:ursula-von-der-leyen"),
])
def test_a_greek_name_links_to_its_kb_person(name: str, entity_id: str) -> None:
    ctx = xscript.Context("el", DATE)
    assert xscript.link_full_name(tuple(name.split()), ctx) == entity_id


# --------------------------------------------------------------------------------------------- actors


@pytest.mark.parametrize(("text", "span", "title"), [
    ("Ο υφυπουργός Εξωτερικών μίλησε.", "υφυπουργός Εξωτερικών", "Deputy Minister of Foreign Affairs"),
    ("Ο Πρόεδρος της Βουλής μίλησε.", "Πρόεδρος της Βουλής", "Speaker"),
    ("Συνάντηση με τον υπουργό Εθνικής Άμυνας.", "υπουργό Εθνικής Άμυνας", "Minister of Defence"),
    ("Η δήλωση του γενικού γραμματέα.", "γενικού γραμματέα", "General Secretary"),
    ("Μίλησε με την καγκελάριο.", "καγκελάριο", "Chancellor"),
    ("Ο πρέσβης των ΗΠΑ μίλησε.", "πρέσβης", "Ambassador"),
    ("Ο υπηρεσιακός πρωθυπουργός μίλησε.", "υπηρεσιακός πρωθυπουργός", "Acting Prime Minister"),
])
def test_a_greek_title_names_its_canonical_title(text: str, span: str, title: str) -> None:
    found = [(text[t.start : t.end], t.title) for t in find_titles(text, "el")]
    assert found[0] == (span, title)


def test_a_ministry_is_no_minister() -> None:
    assert find_titles("Το υπουργείο Εξωτερικών της Τουρκίας καταδίκασε την επίθεση.", "el") == []


def test_titles_country_adjectives_and_names_in_the_accusative() -> None:
    text = ("Ο Έλληνας υπουργός Εξωτερικών Γιώργος Γεραπετρίτης συναντήθηκε με τον Τούρκο ομόλογό του Χακάν Φιντάν "
            "στην Αθήνα την Τρίτη.")
    doc = run(text, "actors")
    assert [(m.text, m.entity_id, m.kind, m.role) for m in doc.mentions] == [
        ("Έλληνας", "country:GR", "country", None),
        ("Γιώργος Γεραπετρίτης", "local:giorgos-gerapetritis.gr", "person", "Minister of Foreign Affairs"),
        ("Τούρκο", "country:TR", "country", None),
        ("Χακάν Φιντάν", "local:hakan-fidan", "person", "Minister of Foreign Affairs"),
        ("Αθήνα", "cldr:Europe/Athens", "location", None),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # the genitive of a Greek name and of its title
    ("Η επίσκεψη του Έλληνα υπουργού Εξωτερικών Γιώργου Γεραπετρίτη στην Άγκυρα ολοκληρώθηκε.",
     ("Γιώργου Γεραπετρίτη", "local:giorgos-gerapetritis.gr", "Giorgos Gerapetritis", "Minister of Foreign Affairs")),
    # a foreign name in Greek letters after a title and a country adjective
    ("Ο Ρώσος υπουργός Εξωτερικών Σεργκέι Λαβρόφ μίλησε στους δημοσιογράφους.",
     ("Σεργκέι Λαβρόφ", "local:sergey-lavrov", "Sergey Lavrov", "Minister of Foreign Affairs")),
    # an office named by title and country is its holder on the document's date
    ("Ο πρόεδρος της Τουρκίας μίλησε στους δημοσιογράφους.",
     ("πρόεδρος της Τουρκίας", "local:recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "President")),
    # an office holder's surname alone after the article, which is no given name
    ("Ο Γεραπετρίτης μίλησε στους δημοσιογράφους.",
     ("Γεραπετρίτης", "local:giorgos-gerapetritis.gr", "Giorgos Gerapetritis", "Minister of Foreign Affairs")),
])
def test_a_greek_title_gives_the_name_its_role(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in persons(text)


def test_a_country_adjective_names_a_generic_group() -> None:
    doc = run("Ο Ισραηλινός στρατός βομβάρδισε στόχους στη Γάζα.", "actors")
    assert [(m.text, m.entity_id) for m in doc.mentions] == [("Ισραηλινός", "country:IL"),
                                                              ("στρατός", "group:military:IL"),
                                                              ("Γάζα", "cldr:Asia/Gaza")]


def test_the_foreign_ministry_of_a_country_adjective() -> None:
    doc = run("Το ελληνικό υπουργείο Εξωτερικών εξέδωσε ανακοίνωση.", "actors")
    assert [(m.text, m.name, m.kind) for m in doc.mentions] == [
        ("ελληνικό υπουργείο Εξωτερικών", "Ministry of Foreign Affairs of Greece", "organization")]


# --------------------------------------------------------------------------------------------- events


@pytest.mark.parametrize(("text", "expected"), [
    ("Ο Έλληνας υπουργός Εξωτερικών Γιώργος Γεραπετρίτης συναντήθηκε με τον Τούρκο ομόλογό του Χακάν Φιντάν "
     "στην Αθήνα την Τρίτη.",
     ("CONSULT", "meet", ["local:giorgos-gerapetritis.gr", "local:hakan-fidan"])),
    ("Ο πρωθυπουργός Κυριάκος Μητσοτάκης είχε τηλεφωνική επικοινωνία με τον πρόεδρο της Ουκρανίας Βολοντίμιρ "
     "Ζελένσκι.",
     ("CONSULT", "phone", ["local:kyriakos-mitsotakis.gr", "local:volodymyr-zelenskyy"])),
    ("Ο Αμερικανός πρόεδρος Ντόναλντ Τραμπ συνομίλησε τηλεφωνικά με τον Ρώσο πρόεδρο Βλαντιμίρ Πούτιν.",
     ("CONSULT", "phone", ["Q22686", "Q7747"])),
    # names without a title, keyed in Latin letters as the KB's names in other scripts are (Трамп, Фидан)
    ("Ο Ντόναλντ Τραμπ συνομίλησε τηλεφωνικά με τον Βλαντιμίρ Πούτιν για τον πόλεμο στην Ουκρανία.",
     ("CONSULT", "phone", ["Q22686", "Q7747"])),
    ("Ο Γεραπετρίτης είχε τηλεφωνική συνομιλία με τον Φιντάν.",
     ("CONSULT", "phone", ["local:giorgos-gerapetritis.gr", "local:hakan-fidan"])),
    ("Η Ελλάδα και η Γαλλία υπέγραψαν συμφωνία αμυντικής συνεργασίας στο Παρίσι.",
     ("AGREE", None, ["country:GR", "country:FR"])),
    ("Ο Τούρκος πρόεδρος Ρετζέπ Ταγίπ Ερντογάν δέχθηκε τον Έλληνα πρωθυπουργό στην Άγκυρα.",
     ("CONSULT", "host", ["local:recep-tayyip-erdogan", "local:kyriakos-mitsotakis.gr"])),
    ("Ο Ρώσος υπουργός Εξωτερικών Σεργκέι Λαβρόφ κατηγόρησε τις Ηνωμένες Πολιτείες για κλιμάκωση της έντασης.",
     ("ACCUSE", None, ["local:sergey-lavrov", "country:US"])),
    ("Η Γερμανίδα καγκελάριος Άνγκελα Μέρκελ συναντήθηκε με τον Έλληνα πρωθυπουργό Αλέξη Τσίπρα στο Βερολίνο.",
     ("CONSULT", "meet", ["Q567", "local:alexis-tsipras.gr"])),
])
def test_greek_news_gives_its_event(text: str, expected: tuple[str, str | None, list[str]]) -> None:
    assert expected in events(text)


def test_a_visit_to_athens_and_the_meeting_there() -> None:
    found = events("Ο Γάλλος πρόεδρος Εμανουέλ Μακρόν επισκέφθηκε την Αθήνα, όπου συναντήθηκε με τον πρωθυπουργό "
                   "Κυριάκο Μητσοτάκη.")
    assert found == [("CONSULT", "visit", ["Q3052772", "country:GR"]),
                     ("CONSULT", "meet", ["Q3052772", "local:kyriakos-mitsotakis.gr"])]


def test_the_two_ministers_are_the_two_named_before() -> None:
    found = events("Ο Γεραπετρίτης συναντήθηκε με τον Φιντάν στην Άγκυρα. Οι δύο υπουργοί υπέγραψαν κοινή δήλωση "
                   "για τη συνεργασία των δύο χωρών.")
    both = ["local:giorgos-gerapetritis.gr", "local:hakan-fidan"]
    # "the two ministers" are the two named before, and their countries (events.participants._countries_of)
    assert found == [("CONSULT", "meet", both), ("AGREE", None, [*both, "country:GR", "country:TR"])]


@pytest.mark.parametrize(("kind", "text", "cue"), [
    ("frame", "Στο πλαίσιο της επίσκεψης οι δύο πλευρές υπέγραψαν συμφωνία.", "Στο πλαίσιο"),
    ("speech", "Ο υπουργός τόνισε τη σημασία της συμφωνίας.", "τόνισε"),
    ("group", "Οι δύο πλευρές συμφώνησαν να συνεχίσουν τον διάλογο.", "Οι δύο πλευρές"),
    ("anniversary", "Με αφορμή την 50ή επέτειο των σχέσεων.", "επέτειο"),
])
def test_greek_discourse_cues(kind: str, text: str, cue: str) -> None:
    assert [text[a:b] for a, b in discourse.find("el", kind, text, 0, len(text))] == [cue]
