"""Events in six languages about country pairs and people that are not in the knowledge base.

The officials below are invented, so the tool must find them from their titles and name shapes.
Each article is written the way a wire service would write it.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from communique.document import Document
from communique.options import Options
from communique.pipeline import process

ARTICLES = [
    pytest.param(
        "en", "2025-03-04",
        "NEW DELHI, March 4 (Reuters) - Indian External Affairs Minister Arjun Mehravati held talks with "
        "Japanese Foreign Minister Kenji Watanabe in New Delhi on March 3, the Indian foreign ministry said.\n"
        "The two ministers discussed trade, semiconductors and maritime security in the Indo-Pacific, and "
        "signed a memorandum of understanding on cooperation in clean energy.",
        [("CONSULT", "meet", "2025-03-03", "IN", {"Arjun Mehravati", "Kenji Watanabe"}),
         ("AGREE", None, "2025-03-03", "IN", {"Arjun Mehravati", "Kenji Watanabe"})],
        id="en-india-japan",
    ),
    pytest.param(
        "de", "2025-05-13",
        "Der brasilianische Außenminister Paulo Ferreira Lintz ist am 12. Mai in Peking mit seinem chinesischen "
        "Amtskollegen Li Wenbo zu Gesprächen zusammengetroffen. Beide Seiten erörterten den Ausbau des Handels "
        "und der Zusammenarbeit in der Landwirtschaft.",
        [("CONSULT", "meet", "2025-05-12", "CN", {"Paulo Ferreira Lintz", "Li Wenbo"})],
        id="de-brazil-china",
    ),
    pytest.param(
        "fr", "2025-02-05",
        "Paris, 5 février (AFP) - Le ministre français des Affaires étrangères, Julien Morvandel, a reçu le "
        "4 février à Paris son homologue allemande, Katrin Vogelsang. Les deux ministres ont évoqué la "
        "coopération en matière de défense et la situation en Ukraine.",
        [("CONSULT", "host", "2025-02-04", "FR", {"Julien Morvandel", "Katrin Vogelsang"})],
        id="fr-france-germany",
    ),
    pytest.param(
        "id", "2025-03-11",
        "Jakarta (ANTARA) - Menteri Luar Negeri Indonesia Rina Wulandari mengadakan pembicaraan dengan Menteri "
        "Luar Negeri Australia James Whitcombe di Jakarta, Senin (10/3/2025). Kedua menteri membahas kerja sama "
        "pendidikan, perdagangan dan keamanan maritim.",
        [("CONSULT", "meet", "2025-03-10", "ID", {"Rina Wulandari", "James Whitcombe"})],
        id="id-indonesia-australia",
    ),
    pytest.param(
        "vi", "2025-04-16",
        "Ngày 15/4, Thủ tướng Lào Sonexay Phommavongsa đã điện đàm với Tổng thống Hàn Quốc Kim Min-jun. "
        "Hai nhà lãnh đạo nhất trí thúc đẩy hợp tác kinh tế, thương mại và giáo dục.",
        [("CONSULT", "phone", "2025-04-15", None, {"Sonexay Phommavongsa", "Kim Min-jun"})],
        id="vi-laos-korea-phone",
    ),
    pytest.param(
        "fr", "2025-06-12",
        "Le ministre indonésien des Affaires étrangères, Arif Santosa, est arrivé le 11 juin à Canberra, où il a "
        "rencontré son homologue australienne, Helen Marbury.",
        [("CONSULT", "visit", "2025-06-11", "AU", {"Arif Santosa"}),
         ("CONSULT", "meet", "2025-06-11", "AU", {"Arif Santosa", "Helen Marbury"})],
        id="fr-visit-then-where-clause",
    ),
    pytest.param(
        "ru", "2025-06-12",
        "Министр иностранных дел Вьетнама Чан Куок Тхинь прибыл 11 июня в Нью-Дели, где провел переговоры с "
        "министром иностранных дел Индии Арджуном Мехравати.",
        [("CONSULT", "visit", "2025-06-11", "IN", {"Tran Quoc Thinh"}),
         ("CONSULT", "meet", "2025-06-11", "IN", {"Tran Quoc Thinh", "Arjun Mehravati"})],
        id="ru-visit-then-where-clause-inflected-country",
    ),
    pytest.param(
        "ru", "2025-03-04",
        "Министр иностранных дел Индии Арджун Мехравати провел переговоры с министром иностранных дел "
        "Бразилии Паулу Феррейрой в Нью-Дели 3 марта. Стороны обсудили сотрудничество в области торговли "
        "и сельского хозяйства.",
        [("CONSULT", "meet", "2025-03-03", "IN", {"Arjun Mehravati", "Paulu Ferreyra"})],
        id="ru-india-brazil",
    ),
]


def _run(lang: str, date: str, text: str) -> Document:
    doc = Document(id=f"{lang}-test", raw_text=text, date=date, date_source="metadata")
    return process(doc, Options())


def _names(actors: list) -> list[str]:
    return [n for a in actors for n in (a.name, a.text) if n]


@pytest.mark.parametrize(("lang", "date", "text", "expected"), ARTICLES)
def test_events_in_other_pairs(lang: str, date: str, text: str, expected: list, scorer: ModuleType) -> None:
    doc = _run(lang, date, text)
    assert doc.lang == lang
    found = [(e.type, e.mode, e.date.get("start"), (e.location or {}).get("country"), e) for e in doc.events]
    assert len(found) == len(expected), [(f[0], f[1], f[2], [a.name for a in f[4].actors]) for f in found]
    for (etype, mode, start, country, people), (ftype, fmode, fstart, fcountry, event) in zip(
        expected, found, strict=True
    ):
        assert (ftype, fmode, fstart) == (etype, mode, start)
        if country is not None:
            assert fcountry == country
        names = _names(event.actors)
        for person in people:
            assert any(scorer.same_person(person, n) for n in names), (person, names)


SPORT_BUSINESS_WEATHER = [
    ("en", "Manchester United met Chelsea on Sunday and won 2-1 after a late goal by the visiting striker."),
    ("de", "Der FC Bayern traf am Samstag auf Dortmund; Trainer Thomas Berger lobte nach dem Spiel seine Mannschaft."),
    ("fr", "Le PSG a reçu Marseille dimanche au Parc des Princes et s'est imposé 3-0 devant 47 000 spectateurs."),
    ("ru", "Компания «Северсталь» подписала контракт на поставку стали; акции компании выросли на 3%."),
    ("id", "Hujan deras diperkirakan turun di Jakarta pada Senin sore, kata BMKG."),
    ("vi", "Đội tuyển Việt Nam gặp Thái Lan trong trận chung kết tối thứ Bảy tại sân Mỹ Đình."),
]


@pytest.mark.parametrize(("lang", "text"), SPORT_BUSINESS_WEATHER)
def test_no_diplomatic_events_in_sport_business_weather(lang: str, text: str) -> None:
    doc = _run(lang, "2025-03-04", text)
    assert [e for e in doc.events if e.type in ("CONSULT", "AGREE")] == []
