"""Who met whom when a body stands inside a person's title, and when the model reads a reception at home as a
visit (events/sides.py::joint_group, candidates._attach_mentions, participants._guest_of_host)."""

from __future__ import annotations

from tests.events.event_runs import events_of

from communique.document import Document
from communique.events.participants import JOINT_TYPES
from communique.options import Options
from communique.pipeline import process


def test_a_body_inside_the_counterpart_s_title_is_no_side_of_its_own() -> None:
    # "Deputy Chairman of the State Duma (lower house), Ivan Melnikov": the Duma names his office
    text = ("Pada Kamis, Duta Besar Luar Biasa dan Berkuasa Penuh Vietnam di Federasi Rusia, Nguyen Thanh Son "
            "telah melakukan pertemuan dengan Wakil Ketua Duma Negara Rusia (Majelis Rendah), Ivan Melnikov "
            "guna berbahas tentang prospek kerjasama.")
    events = events_of(text, "id", key="name")
    assert ("CONSULT", ["Ivan Melnikov", "Nguyen Thanh Son"]) in events
    assert not any("State Duma" in actors for _, actors in events)
    # "Ambassador Extraordinary and Plenipotentiary" is a title, not a person named "Luar Biasa"
    assert not any("Luar Biasa" in actors for _, actors in events)


def test_a_host_at_home_meets_the_guest_named_after_the_verb() -> None:
    text = ("Staatspräsident Vo Van Thuong hat am Montag in Hanoi den Präsidenten der russischen Staatsduma, "
            "Wjatscheslaw Wolodin, getroffen, der derzeit in Vietnam zu Gast ist.")
    events = events_of(text, "de", key="name")
    assert ("CONSULT", ["Vyacheslav Volodin", "Võ Văn Thưởng"]) in events


def test_a_katakana_country_inside_a_longer_katakana_name_is_no_country() -> None:
    # タイ (Thailand) inside シュタインマイヤー (Steinmeier); the name with "=" is one person
    text = ("4月10日,岸田文雄外務大臣は,フランク=ヴァルター・シュタインマイヤー・ドイツ連邦共和国外務大臣"
            "との間で会談を行いました。")
    events = events_of(text, "ja", key="name", date="2016-04-10")
    assert ("CONSULT", ["Frank-Walter Steinmeier", "Fumio Kishida"]) in events
    doc = process(Document(id="t", raw_text=text, lang_hint="ja", date="2016-04-10"), Options(), until="actors")
    found = [(m.text, m.name) for m in doc.mentions]
    assert ("フランク=ヴァルター・シュタインマイヤー", "Frank-Walter Steinmeier") in found
    assert "Thailand" not in [name for _, name in found]


def test_who_a_speaker_talks_about_is_no_side_of_a_statement() -> None:
    # the model places the predicate on "a affirmé que": Vietnam is inside what was said, so no meeting,
    # cooperation or agreement takes it as a side (praise of it may be SUPPORT: its target stands in what was said)
    text = ("Le secrétaire adjoint du Conseil général de l'URP, Andrey Klimov, a affirmé que le Vietnam est un "
            "partenaire de premier plan dans la politique extérieure de la Russie en Asie du Sud-Est.")
    events = events_of(text, "fr", key="name", date="2021-12-01")
    assert not [(t, actors) for t, actors in events if t in JOINT_TYPES and "Vietnam" in actors]


def test_the_target_of_an_accusation_may_stand_in_what_was_said() -> None:
    text = ("Напоминаем, страны НАТО на прошлой неделе в итоговом заявлении саммита заявили, что Китай стал "
            "\"решающим пособником войны России против Украины\".")
    events = events_of(text, "ru", key="name", date="2024-07-15")
    assert any(t == "ACCUSE" and {"NATO", "China"} <= set(actors) for t, actors in events)
