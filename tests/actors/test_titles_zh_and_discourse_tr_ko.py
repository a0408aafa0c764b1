"""Titles and discourse cues in Turkish, Korean and Chinese: the role a title gives the name next to it, the
holder of an office named by title and country, the Chinese titles lexicon (lang/zh/titles.yaml), and the
discourse cues of lang/{tr,ko,zh}/discourse.yaml."""

from __future__ import annotations

import pytest

from communique.actors.titles import find_titles
from communique.events import discourse
from conftest import person_rows


def persons(text: str, lang: str, date: str = "2024-05-01") -> list[tuple[str, str, str | None, str | None]]:
    return person_rows(text, lang, date)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a counterpart word with a demonym ("Rus mevkidaşı") introduces the name after it
    ("tr", "Dışişleri Bakanı Hakan Fidan, Rus mevkidaşı Sergey Lavrov ile Ankara'da görüştü.",
     [("Hakan Fidan", "local:hakan-fidan", "Minister of Foreign Affairs", "TR"),
      ("Sergey Lavrov", "local:sergey-lavrov", "Minister of Foreign Affairs", "RU")]),
    ("tr", "Cumhurbaşkanı Recep Tayyip Erdoğan, Almanya Başbakanı Olaf Scholz'u Beştepe'de kabul etti.",
     [("Recep Tayyip Erdoğan", "local:recep-tayyip-erdogan", "President", "TR"),
      ("Olaf Scholz", "local:olaf-scholz", "Prime Minister", "DE")]),
    # the title follows the name (and the country's name stands before the title)
    ("ko", "윤석열 대통령은 기시다 후미오 일본 총리와 정상회담을 가졌다.",
     [("윤석열", "local:yoon-suk-yeol", "President", "KR"),
      ("기시다 후미오", "local:fumio-kishida", "Prime Minister", "JP"),
      ("총리", "local:fumio-kishida", "Prime Minister", "JP")]),
    ("ko", "박진 외교부 장관은 정례 브리핑에서 입장을 밝혔다.",
     [("박진", "local:park-jin", "Minister of Foreign Affairs", "KR")]),
])
def test_a_title_gives_the_name_next_to_it_its_role(lang: str, text: str,
                                                    expected: list[tuple[str, str, str, str]]) -> None:
    assert persons(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("tr", "İran Cumhurbaşkanı, Irak Başbakanı ile Tahran'da bir araya geldi.",
     [("Cumhurbaşkanı", "local:ebrahim-raisi.ir", "President", "IR"),
      ("Başbakanı", "local:mohammed-shia-al-sudani.iq", "Prime Minister", "IQ")]),
    ("ko", "러시아 대통령은 우크라이나와의 협상에 대해 언급했다.", [("대통령", "Q7747", "President", "RU")]),
])
def test_an_office_named_by_title_and_country_is_its_holder(lang: str, text: str,
                                                            expected: list[tuple[str, str, str, str]]) -> None:
    assert persons(text, lang) == expected


@pytest.mark.parametrize(("text", "title"), [
    ("国家主席", "President"),
    ("外交部副部长", "Deputy Minister of Foreign Affairs"),  # the deputy before the minister
    ("國務卿", "Minister of Foreign Affairs"),  # the US Secretary of State is the foreign minister
    ("联邦总理", "Chancellor"),
    ("发言人", "Spokesperson"),
])
def test_a_chinese_title_names_its_canonical_office(text: str, title: str) -> None:
    assert [(t.start, t.end, t.title) for t in find_titles(text, "zh")] == [(0, len(text), title)]


def test_a_chinese_title_inside_a_sentence_is_its_holder() -> None:
    # "the Russian president said…" on 2024-05-01 is Vladimir Putin (as "러시아 대통령은" is in Korean)
    assert any(entity == "Q7747" for _, entity, _, _ in persons("俄罗斯总统表示，双方将继续加强合作。", "zh"))


@pytest.mark.parametrize(("lang", "kind", "text", "cues"), [
    ("tr", "group", "İki taraf, ekonomik işbirliğini görüştü.", ["İki taraf"]),
    ("tr", "speech", "Fidan yaptığı açıklamada anlaşmanın imzalanmasının önemini vurguladı.",
     ["yaptığı açıklamada", "vurguladı"]),
    ("tr", "review", "Başta Lavrov'un ziyareti olmak üzere son temaslar ele alındı.", ["Başta"]),
    ("ko", "group", "양측은 경제 협력 방안을 논의했다.", ["양측은"]),
    ("ko", "speech", "외교부 대변인은 정례 브리핑에서 한중 정상회담의 의미를 강조했다.", ["브리핑에서", "강조했다"]),
    # Chinese: the group word opens its clause, the verb of saying closes the speaker's
    ("zh", "group", "会谈中，双方同意加强合作。", ["双方同意加强合作"]),
    ("zh", "speech", "王毅表示，中方愿同俄方签署协议。", ["王毅表示"]),
    ("zh", "review", "双方回顾了近年来的交往，包括习近平主席的国事访问。", ["包括习近平主席的国事访问"]),
])
def test_discourse_cues(lang: str, kind: str, text: str, cues: list[str]) -> None:
    assert [text[s:e] for s, e in discourse.find(lang, kind, text, 0, len(text))] == cues
