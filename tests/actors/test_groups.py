"""Generic actors: group words of every sector become organization mentions `group:<sector>[:<CC>]`,
with the country named next to them, exact offsets, and never in another mention's place."""

from __future__ import annotations

import pytest

from communique import lang as languages
from communique.actors.groups import SECTOR_NAMES, group_candidate, group_lexicon, group_sector
from communique.document import Mention
from conftest import run_actors


def groups_of(text: str, lang: str) -> list[tuple[str, str, str]]:
    """(text, entity id, name) of the group mentions, after checking every offset against the text."""
    doc = run_actors(text, lang, doc_date="2024-05-01")
    out = []
    for m in doc.mentions:
        assert m.text == text[m.start : m.end]
        if m.entity_id.startswith("group:"):
            assert m.kind == "organization"
            out.append((m.text, m.entity_id, m.name))
    return out


def mention_at(text: str, lang: str, word: str) -> Mention:
    doc = run_actors(text, lang, doc_date="2024-05-01")
    start = text.index(word)
    return next(m for m in doc.mentions if m.start == start)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Russian troops and the police of Colombia detained protesters.",
     [("troops", "group:military:RU", "military of Russia"), ("police", "group:police:CO", "police of Colombia"),
      ("protesters", "group:protesters", "protesters")]),
    ("ru", "Российские войска обстреляли позиции украинской армии.",
     [("войска", "group:military:RU", "military of Russia"), ("армии", "group:military:UA", "military of Ukraine")]),
    ("de", "Die Polizei nahm 40 Demonstranten fest, die Regierung Israels schwieg.",
     [("Polizei", "group:police", "police"), ("Demonstranten", "group:protesters", "protesters"),
      ("Regierung", "group:government:IL", "government of Israel")]),
    ("ar", "أطلقت الشرطة الإسرائيلية النار على المتظاهرين.",
     [("الشرطة", "group:police:IL", "police of Israel"), ("المتظاهرين", "group:protesters", "protesters")]),
    ("zh", "以色列军队袭击了抗议者。",
     [("军队", "group:military:IL", "military of Israel"), ("抗议者", "group:protesters", "protesters")]),
    ("ja", "イスラエル軍がデモ隊を攻撃した。",
     [("軍", "group:military:IL", "military of Israel"), ("デモ隊", "group:protesters", "protesters")]),
    # a particle written onto a group word is no part of the group (정부는 "the government" + topic particle)
    ("ko", "정부는 경찰과 시위대가 충돌했다고 밝혔다.",
     [("정부", "group:government", "government"), ("경찰", "group:police", "police"),
      ("시위대", "group:protesters", "protesters")]),
    ("ko", "군인들은 철수했다.", [("군인들", "group:military", "military")]),
    ("ko", "북한군은 포병전력을 증강했다.", [("군", "group:military:KP", "military of North Korea")]),
    ("tr", "İsrail ordusu göstericilere ateş açtı.",
     [("ordusu", "group:military:IL", "military of Israel"), ("göstericilere", "group:protesters", "protesters")]),
    ("hi", "इज़राइल की सेना ने प्रदर्शनकारियों पर गोली चलाई।",
     [("सेना", "group:military:IL", "military of Israel"),
      ("प्रदर्शनकारियों", "group:protesters", "protesters")]),
    ("fr", "Les forces de l'ordre ont dispersé les manifestants et les grévistes.",
     [("forces de l'ordre", "group:police", "police"), ("manifestants", "group:protesters", "protesters"),
      ("grévistes", "group:protesters", "protesters")]),
    ("es", "La policía detuvo a 20 manifestantes y a varios guerrilleros.",
     [("policía", "group:police", "police"), ("manifestantes", "group:protesters", "protesters"),
      ("guerrilleros", "group:armed_group", "armed group")]),
])
def test_group_mentions_with_their_country_and_offsets(lang: str, text: str,
                                                       expected: list[tuple[str, str, str]]) -> None:
    assert groups_of(text, lang) == expected


def test_the_country_stays_a_mention_of_its_own() -> None:
    text = "Российские войска обстреляли позиции."
    country = mention_at(text, "ru", "Российские")
    assert (country.kind, country.entity_id, country.end) == ("country", "country:RU", 10)
    group = mention_at(text, "ru", "войска")
    assert (group.start, group.end, group.country) == (11, 17, "RU")


def test_a_country_only_in_another_clause_is_not_the_groups() -> None:
    # "in Russia" is where, not whose: only the language's link words may stand between them
    assert groups_of("Protesters marched in Russia on Sunday.", "en") == [
        ("Protesters", "group:protesters", "protesters")]


def test_a_group_word_inside_a_name_is_no_group() -> None:
    text = "The Ministry of Foreign Affairs of Ukraine summoned the ambassador."
    assert groups_of(text, "en") == []


def test_ids_and_names_are_stable() -> None:
    assert group_candidate("armed_group", "US").entity_id == "group:armed_group:US"
    assert group_candidate("armed_group", "US").name == "armed group of the United States"
    assert group_candidate("police", None).name == "police"
    assert group_sector("group:military:IL") == "military"
    assert group_sector("Q159") is None


def test_every_language_names_known_sectors_and_compiles() -> None:
    for code in languages.codes():
        section = languages.section(code, "groups")
        assert set(section.get("sectors") or {}) <= set(SECTOR_NAMES), code
        if section:
            lex = group_lexicon(code)
            assert lex is not None and lex.words.search("") is None, code  # no word matches nothing
