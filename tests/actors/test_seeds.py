"""End to end on the five seed articles: every gold person and organization is found and canonicalized."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from communique.actors import mentions_in
from communique.document import Document, Mention


def _first(doc: Document, text: str) -> Mention:
    """The mention whose text is the first occurrence of `text` in the document."""
    start = doc.text.index(text)
    found = [m for m in doc.mentions if m.start == start]
    assert found, f"no mention at {start} ({text!r}); mentions: {[(m.start, m.text) for m in doc.mentions]}"
    return found[0]


def _gold_actors(shared_dir: Path) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for line in (shared_dir / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        names = out.setdefault(rec["doc"][:3], set())
        for event in rec["events"]:
            for actor in event["actors"]:
                names.add((actor["name"], actor["kind"]))
    return out


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_gold_actor_is_found(prefix: str, seed_doc: Callable[[str], Document], shared_dir: Path) -> None:
    doc = seed_doc(prefix)
    found = {m.name for m in doc.mentions}
    for name, _kind in sorted(_gold_actors(shared_dir)[prefix]):
        assert name in found, f"{name} not found in {prefix}"
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text
    assert [m.start for m in doc.mentions] == sorted(m.start for m in doc.mentions)


def test_seed_000_russian_inflection_titles_and_credit(seed_doc: Callable[[str], Document]) -> None:
    doc = seed_doc("000")
    putin = _first(doc, "Владимиром Путиным")
    assert (putin.name, putin.entity_id, putin.country, putin.role) == ("Vladimir Putin", "Q7747", "RU", "President")
    assert putin.end - putin.start == len("Владимиром Путиным")
    trung = _first(doc, "Ле Хоай Чунг")
    assert (trung.name, trung.country, trung.role) == ("Lê Hoài Trung", "VN", "Minister of Foreign Affairs")
    to_lam = _first(doc, "То Лама")
    assert to_lam.name == "Tô Lâm"
    assert to_lam.role == "General Secretary of the Communist Party of Vietnam"
    lavrov = _first(doc, "Сергеем Лавровым")
    assert (lavrov.name, lavrov.role) == ("Sergey Lavrov", "Minister of Foreign Affairs")
    assert {m.name for m in doc.mentions if m.text == "Путин"} == {"Vladimir Putin"}  # surname alone
    # "Фото: Суан Хынг" is a photo credit
    assert not [m for m in doc.mentions if "Суан" in m.text or "Хынг" in m.text]


def test_seed_001_unknown_to_kb_forms_and_demonym_compounds(seed_doc: Callable[[str], Document]) -> None:
    doc = seed_doc("001")
    hang = _first(doc, "Ле Тхи Тху Ханг")
    assert (hang.name, hang.country, hang.role) == ("Lê Thị Thu Hằng", "VN", "Deputy Minister of Foreign Affairs")
    rudenko = _first(doc, "А. Руденко")
    assert (rudenko.name, rudenko.country, rudenko.role) == ("Andrey Rudenko", "RU",
                                                             "Deputy Minister of Foreign Affairs")
    vu = _first(doc, "Нгуен Минь Ву")
    assert (vu.name, vu.role) == ("Nguyễn Minh Vũ", "Permanent Deputy Minister of Foreign Affairs")
    man = _first(doc, "Чан Тхань Мана")
    assert (man.name, man.role) == ("Trần Thanh Mẫn", "Chairman of the National Assembly")
    start = doc.text.index("вьетнамско-российского")
    pair = mentions_in(doc, start, start + len("вьетнамско-российского"))
    assert [(m.text, m.entity_id) for m in pair] == [("вьетнамско", "country:VN"), ("российского", "country:RU")]
    mfa = _first(doc, "российскому МИДу")
    assert mfa.name == "Ministry of Foreign Affairs of Russia"


def test_seed_002_german_transliterations(seed_doc: Callable[[str], Document]) -> None:
    doc = seed_doc("002")
    expected = {
        "Tschernyschenko": ("Dmitry Chernyshenko", "Deputy Prime Minister"),
        "Patruschew": ("Nikolai Patrushev", "Secretary of the Security Council"),
        "Sjuganow": ("Gennady Zyuganov", "Chairman of the Communist Party of the Russian Federation"),
        "Tschepa": ("Alexei Chepa", "Deputy Chairman of A Just Russia – For Truth"),
        "Le Hoai Trung": ("Lê Hoài Trung", "Head of the Central Commission for External Relations"),
        "Nguyen Phu Trong": ("Nguyễn Phú Trọng", "General Secretary of the Communist Party of Vietnam"),
    }
    for text, (name, role) in expected.items():
        m = _first(doc, text)
        assert (m.name, m.role) == (name, role), text
    assert _first(doc, "Turtschak").name == "Andrey Turchak"
    assert _first(doc, "Putin").role == "President"  # the appositive after it is Medvedev's
    assert _first(doc, "Kommunistischen Partei Vietnams").name == "Communist Party of Vietnam"
    assert _first(doc, "Russlands").entity_id == "country:RU"
    assert not [m for m in doc.mentions if m.text.startswith("Ho-Chi-Minh")]  # the monument


def test_seed_003_indonesian(seed_doc: Callable[[str], Document]) -> None:
    doc = seed_doc("003")
    to_lam = _first(doc, "To Lam")
    assert (to_lam.name, to_lam.role) == ("Tô Lâm", "General Secretary of the Communist Party of Vietnam")
    putin = _first(doc, "Vladimir Putin")
    assert (putin.name, putin.country, putin.role) == ("Vladimir Putin", "RU", "President")
    assert _first(doc, "Federasi Rusia").entity_id == "country:RU"
    assert not [m for m in doc.mentions if m.text in ("VNA", "VOV")]  # photo credits


def test_seed_004_french_appositive_and_acronyms(seed_doc: Callable[[str], Document]) -> None:
    doc = seed_doc("004")
    van = _first(doc, "Nguyen Thi Hoang Van")
    assert (van.name, van.country, van.role) == (
        "Nguyễn Thị Hoàng Vân", "VN", "Deputy Head of the Central Commission for External Relations")
    klimov = _first(doc, "Andrey Klimov")
    assert klimov.role == "Deputy Secretary of the General Council of United Russia"
    assert _first(doc, "URP").name == "United Russia"
    assert _first(doc, "KPRF").name == "Communist Party of the Russian Federation"
    assert _first(doc, "PCV").name == "Communist Party of Vietnam"
    assert _first(doc, "Une Russie juste-Pour la vérité").name == "A Just Russia – For Truth"
    assert _first(doc, "Nguyen Xuan Phuc").role == "President"
