"""The actors knowledge base: loading, dated roles, names index and validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.actors.kb import Entity, Role, check_files, load_kb

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_bundled_kb_is_valid() -> None:
    assert check_files() == []


def test_counts_per_kind(kb) -> None:
    counts = kb.counts()
    assert counts["person"] >= 150
    assert counts["organization"] >= 100
    assert counts["location"] >= 60
    assert counts["organization/media"] >= 20


def test_le_hoai_trung_role_depends_on_date(kb) -> None:
    trung = kb.get("local:le-hoai-trung")
    assert trung.name == "Lê Hoài Trung" and trung.country == "VN" and trung.kind == "person"
    assert trung.role_at("2024-01-24").title == "Head of the Central Commission for External Relations"
    assert trung.role_at("2024").title == "Head of the Central Commission for External Relations"
    assert trung.role_at("2026-02-24").title == "Minister of Foreign Affairs"
    assert trung.role_at("2025-09-15").title == "Acting Minister of Foreign Affairs"
    assert trung.role_at("2020-06").title == "Deputy Minister of Foreign Affairs"
    assert trung.role_at(None).title == "Minister of Foreign Affairs"


def test_simultaneous_roles_follow_listed_priority(kb) -> None:
    to_lam = kb.get("local:to-lam")
    # August-October 2024 he was General Secretary and President at once: the party post comes first.
    assert to_lam.role_at("2024-09-01").title == "General Secretary of the Communist Party of Vietnam"
    assert to_lam.role_at("2024-06-01").title == "President"
    assert to_lam.role_at("2020").title == "Minister of Public Security"
    assert [r.title for r in to_lam.roles_at("2024-09-01")] == [
        "General Secretary of the Communist Party of Vietnam", "President"]
    turchak = kb.get("local:andrey-turchak")
    assert turchak.role_at("2024-01-24").title == "Secretary of the General Council of United Russia"


def test_hand_over_day_gives_the_new_role(kb) -> None:
    putin = kb.get("Q7747")
    assert putin.role_at("2012-05-07").title == "President"
    assert putin.role_at("2012-05-07").start == "2012-05-07"
    assert putin.role_at("2010-03").title == "Prime Minister"
    assert putin.role_at("1990") is None


def test_role_without_dates_is_always_held() -> None:
    e = Entity(id="local:x", kind="person", name="X", roles=(Role("Deputy Chairman", "Party"),))
    assert e.role_at("1999-01-01") == Role("Deputy Chairman", "Party")
    assert e.role_at(None) == Role("Deputy Chairman", "Party")


@pytest.mark.parametrize(("lang", "acronyms"), [
    ("en", ("CPV",)), ("ru", ("КПВ",)), ("de", ("KPV",)), ("fr", ("PCV",)), ("id", ("PKV",)),
    ("vi", ("ĐCSVN", "ĐCS Việt Nam")),
])
def test_cpv_acronyms_per_language(kb, lang: str, acronyms: tuple[str, ...]) -> None:
    cpv = kb.get("local:communist-party-of-vietnam")
    assert cpv.acronyms[lang] == acronyms
    assert cpv.type == "party" and cpv.country == "VN"


def test_all_names_yields_names_and_acronyms_once(kb) -> None:
    rows = list(kb.all_names())
    assert ("Ле Хоай Чунг", "ru", "local:le-hoai-trung") in rows
    assert ("Sergej Lawrow", "de", "local:sergey-lavrov") in rows
    assert ("КПРФ", "ru", "local:cprf") in rows
    assert ("Gerechtes Russland – Für die Wahrheit", "de", "local:a-just-russia") in rows
    assert ("Kremlin", "fr", "local:kremlin") in rows
    assert len(rows) == len(set(rows))
    assert rows == list(kb.all_names())  # deterministic order


def test_people_canonical_names_are_listed_among_names(kb) -> None:
    missing = [e.id for e in kb.of_kind("person") if not any(e.name in forms for forms in e.names.values())]
    assert missing == []


def test_no_name_was_split_by_a_yaml_comma(kb) -> None:
    """A comma inside an unquoted flow list splits a name: such fragments start lower case or are tiny."""
    fragments = [f for f, _, _ in kb.all_names() if len(f) < 2 or f in {"Foreign", "Trade", "Kultur"}]
    assert fragments == []


def test_media_are_not_actors(kb) -> None:
    assert not kb.get("local:vna").is_actor
    assert kb.get("local:vna").acronyms["vi"] == ("TTXVN",)
    assert not kb.get("local:kremlin").is_actor
    assert kb.get("local:united-russia").is_actor


def test_gold_actors_are_in_the_kb(kb) -> None:
    """Every person and organization in the seed gold (except countries) resolves by canonical name,
    and a person's role at the document date is the gold role."""
    by_name = {e.name: e for e in kb.entities.values()}
    countries = {"Vietnam", "Russia"}
    for line in (SHARED / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for event in doc["events"]:
            for actor in event["actors"]:
                if actor["name"] in countries:
                    continue
                entity = by_name.get(actor["name"])
                assert entity is not None, actor["name"]
                assert entity.country == actor["country"]
                if actor["kind"] == "person" and not event["background"]:
                    role = entity.role_at(doc["doc_date"])
                    assert role is not None and role.title == actor["role"], (doc["doc"], actor["name"])


def test_gold_locations_are_in_the_kb(kb) -> None:
    names = {e.name for e in kb.of_kind("location")}
    assert {"Hanoi", "Moscow", "Kremlin"} <= names


def test_extra_paths_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("- {id: 'local:jane-doe', kind: person, name: Jane Doe, country: PL,"
                     " names: {pl: [Jane Doe]}, roles: [{title: Mayor, org: Gdańsk, from: 2019}]}\n", encoding="utf-8")
    kb = load_kb([str(extra)])
    assert kb.get("local:jane-doe").role_at("2020").title == "Mayor"
    assert "local:le-hoai-trung" in kb
    monkeypatch.setenv("COMMUNIQUE_KB_PATH", str(tmp_path))
    assert "local:jane-doe" in load_kb()
    monkeypatch.delenv("COMMUNIQUE_KB_PATH")
    assert "local:jane-doe" not in load_kb()


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_check_bad_country(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", "- {id: 'local:a', kind: person, name: A, country: XQ, names: {en: [A]}}\n")
    assert check_files([path]) == [f"{path}: entry 1 (local:a): bad country code 'XQ' (ISO 3166-1 alpha-2, upper case)"]


def test_check_duplicate_id_across_files(tmp_path: Path) -> None:
    one = _write(tmp_path, "one.yaml", "- {id: 'local:b', kind: person, name: B, names: {en: [B]}}\n")
    two = _write(tmp_path, "two.yaml", "- {id: 'local:b', kind: person, name: B2, names: {en: [B2]}}\n"
                                       "- {id: Q7747, kind: person, name: V. Putin, names: {en: [V. Putin]}}\n")
    problems = check_files([one, two])
    assert problems == [
        f"{two}: entry 1 (local:b): duplicate id local:b (first defined in {one}: entry 1 (local:b))",
        f"{two}: entry 2 (Q7747): duplicate id Q7747 (first defined in data/kb/people-ru.yaml: entry 1 (Q7747))",
    ]


def test_check_role_from_after_to(tmp_path: Path) -> None:
    path = _write(tmp_path, "roles.yaml", """
- id: local:c
  kind: person
  name: C
  names: {en: [C]}
  roles:
    - {title: Minister, org: X, from: 2020-05-01, to: 2019}
    - {title: Envoy, from: 2020-13}
""")
    assert check_files([path]) == [
        f"{path}: entry 1 (local:c): role 1 (Minister) starts after it ends (from 2020-05-01 > to 2019)",
        f"{path}: entry 1 (local:c): role 2 (Envoy) has a bad 'from' date '2020-13' (use YYYY, YYYY-MM or YYYY-MM-DD)",
    ]


def test_check_structure_problems(tmp_path: Path) -> None:
    path = _write(tmp_path, "shape.yaml", """
- {kind: person, name: NoId, names: {en: [NoId]}}
- {id: 'local:d', kind: robot, name: D, names: {en: [D]}}
- {id: 'local:e', kind: organization, name: E, type: club, names: {en: E}}
- {id: 'local:f', kind: location, name: F, type: city, names: {en: [F]}, gender: x}
""")
    problems = check_files([path])
    assert problems == [
        f"{path}: entry 1 (NoId): missing id",
        f"{path}: entry 2 (local:d): bad kind 'robot' (one of person, organization, location)",
        f"{path}: entry 3 (local:e): bad type 'club' for a organization (one of party, government, ministry, "
        "parliament, party_body, international, armed_group, company, media, other)",
        f"{path}: entry 3 (local:e): names.en must be a list, got str",
        f"{path}: entry 4 (local:f): bad gender 'x' (m or f)",
    ]


def test_check_unreadable_and_not_a_list(tmp_path: Path) -> None:
    path = _write(tmp_path, "map.yaml", "id: Q1\n")
    assert check_files([path]) == [f"{path}: the top level must be a list of entities"]
    bad = _write(tmp_path, "broken.yaml", "- {id: [\n")
    assert check_files([bad])[0].startswith(f"{bad}: not valid YAML")
    assert check_files([str(tmp_path / "missing.yaml")])[0].endswith("cannot read (No such file or directory)")
