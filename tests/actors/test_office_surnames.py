"""The surname alone of a head of state or government or foreign minister the KB lists without a surname form
(gazetteer._add_office_surnames), taken only near their time in office (recognize._stale_surname)."""

from __future__ import annotations

from communique.actors.gazetteer import gazetteer
from conftest import run_actors

NETANYAHU, ALIYEV = "local:benjamin-netanyahu.il", "local:ilham-aliyev.az"


def persons(text: str, lang: str, date: str | None) -> list[tuple[str, str, int]]:
    return [(m.text, m.entity_id, m.start) for m in run_actors(text, lang, doc_date=date).mentions
            if m.kind == "person"]


def test_office_holders_by_surname_alone_in_a_document_of_their_time() -> None:
    text = "Netanyahu met Aliyev in Baku on Monday."
    assert persons(text, "en", "2024-05-01") == [("Netanyahu", NETANYAHU, 0), ("Aliyev", ALIYEV, 14)]
    # a long surname also as another language spells it; a short one only as the KB does
    french = "Netanyahou a rencontré Aliyev à Bakou."
    assert persons(french, "fr", "2024-05-01") == [("Netanyahou", NETANYAHU, 0),
                                                   ("Aliyev", ALIYEV, french.index("Aliyev"))]
    arabic = "التقى نتنياهو الرئيس الأذربيجاني في باكو."
    assert ("نتنياهو", NETANYAHU, arabic.index("نتنياهو")) in persons(arabic, "ar", "2024-05-01")


def test_not_far_from_their_time_in_office_nor_in_an_undated_text() -> None:
    text = "Netanyahu met Aliyev in Baku on Monday."
    assert [p[1] for p in persons(text, "en", "1992-05-01")] == []  # Aliyev took office in 2003
    assert persons(text, "en", None) == []


def test_a_following_capitalized_word_makes_it_a_given_name() -> None:
    # "Stuart" is the surname of Barbados's prime minister 2010-2018: here a given name, in 2015 too
    assert all(p[0] != "Stuart" for p in persons("Stuart Broad took five wickets.", "en", "2015-06-01"))


def test_someone_else_of_that_surname_named_in_the_text_keeps_it() -> None:
    text = "Grigor Dimitrov won in three sets. Dimitrov will play on Sunday."
    assert all(p[1] != "local:nikola-dimitrov.mk" for p in persons(text, "en", "2019-06-01"))
    assert persons("President Duda spoke. Duda said no.", "en", "2020-06-01")[-1][:2] == (
        "Duda", "local:andrzej-duda.pl")


def test_a_country_name_is_never_such_a_surname() -> None:
    for lang in ("en", "ar", "ru"):
        for keys, bucket in gazetteer(lang).phrases.items():
            if any(c.dated for c in bucket):
                assert all(c.kind == "person" and c.dated for c in bucket), (lang, keys, bucket)


def test_an_arabic_adjective_stays_the_countrys() -> None:
    # "السوداني" (Sudanese) is also the surname of Iraq's prime minister since 2022
    text = "قال المسؤول السوداني إن الجيش السوداني انسحب."
    mentions = run_actors(text, "ar", doc_date="2023-06-01").mentions
    assert [(m.text, m.entity_id) for m in mentions if m.start == text.index("السوداني")] == [
        ("السوداني", "country:SD")]


def test_a_surname_office_holders_share_is_the_one_of_the_document_s_time() -> None:
    # Heydar Aliyev (president 1993-2003) and his son Ilham (since 2003): the date tells them apart
    assert persons("Aliyev met the Turkish delegation in Baku.", "en", "2024-05-01") == [
        ("Aliyev", ALIYEV, 0)]
    assert persons("Aliyev met the Turkish delegation in Baku.", "en", "2001-05-01") == [
        ("Aliyev", "local:heydar-aliyev.az", 0)]
