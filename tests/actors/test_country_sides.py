"""Countries by their one-character press abbreviations (中俄, 俄乌, 日露, 日仏) and as sides (中方, 美方, 俄方: "the
Chinese side"), and the bare foreign ministry of the country whose press names it bare (外交部, 外務省, 외교부)."""

from __future__ import annotations

from conftest import run_actors


def countries(text: str, lang: str) -> list[tuple[str, str, int]]:
    doc = run_actors(text, lang, doc_date="2025-11-18")
    return [(m.text, m.entity_id, m.start) for m in doc.mentions if m.kind == "country"]


def test_the_sides_of_a_chinese_briefing_are_countries() -> None:
    text = "中方坚决反对美方的做法，俄方表示支持。"
    assert countries(text, "zh") == [("中方", "country:CN", 0), ("美方", "country:US", 6), ("俄方", "country:RU", 12)]


def test_a_side_word_that_starts_another_word_is_no_side() -> None:
    # 集中 + 方式 ("a concentrated way"), 其中 + 方案 ("among them, the plan"), 欧美 + 方面
    assert countries("在集中方式上进行改革，其中方案是新的。", "zh") == []


def test_press_abbreviations_in_compounds() -> None:
    assert countries("中俄关系良好，俄乌冲突仍在继续。", "zh") == [
        ("中", "country:CN", 0), ("俄", "country:RU", 1), ("俄", "country:RU", 7), ("乌", "country:UA", 8)]
    assert [c[:2] for c in countries("日露首脳会談が行われ、日仏と日独も協議した。", "ja")] == [
        ("日", "country:JP"), ("露", "country:RU"), ("日", "country:JP"), ("仏", "country:FR"),
        ("日", "country:JP"), ("独", "country:DE")]


def test_the_bare_foreign_ministry_is_the_one_of_the_press_that_names_it_bare() -> None:
    def orgs(text: str, lang: str) -> list[tuple[str, str]]:
        return [(m.text, m.entity_id) for m in run_actors(text, lang, doc_date="2025-11-18").mentions
                if m.kind == "organization"]

    assert orgs("外交部发言人表示，俄罗斯外交部也表示反对。", "zh") == [
        ("外交部", "local:mofa-cn"), ("俄罗斯外交部", "local:mofa-ru")]
    assert orgs("外務省は韓国外交部と協議した。", "ja") == [
        ("外務省", "local:mofa-jp"), ("韓国外交部", "local:mofa-kr")]
    assert orgs("외교부는 중국 외교부와 협의했다.", "ko") == [
        ("외교부", "local:mofa-kr"), ("중국 외교부", "local:mofa-cn")]


def test_korean_abbreviations_are_read_only_joined_by_a_dot() -> None:
    text = "한·미 정상은 북·러 협력을 규탄했다. 그는 일한 사람이다."
    assert countries(text, "ko") == [("한", "country:KR", 0), ("미", "country:US", 2), ("북", "country:KP", 8),
                                     ("러", "country:RU", 10)]
