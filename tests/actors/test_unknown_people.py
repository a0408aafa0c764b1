"""People who are NOT in the knowledge base, in each of the six languages, about other countries:
found from titles and name shapes, with role, country and a stable local id that agrees across scripts."""

from __future__ import annotations

from communique.actors import mentions_in
from communique.document import Document, Mention
from communique.options import Options
from communique.pipeline import process


def run_actors(text: str, lang: str) -> Document:
    return process(Document(id="t", raw_text=text, lang_hint=lang), Options(), until="actors")


def _person(doc: Document, text: str) -> Mention:
    start = doc.text.index(text)
    found = [m for m in doc.mentions if m.start == start and m.kind == "person"]
    assert found, f"{text!r} not found: {[(m.text, m.kind) for m in doc.mentions]}"
    assert found[0].end == start + len(text)
    return found[0]


def test_english_india_japan() -> None:
    doc = run_actors("The Japanese Foreign Minister Taro Suzuki met Indian Prime Minister Ravi Kumar in New Delhi. "
                     "Suzuki said the talks went well.", "en")
    suzuki = _person(doc, "Taro Suzuki")
    assert (suzuki.name, suzuki.country, suzuki.role) == ("Taro Suzuki", "JP", "Minister of Foreign Affairs")
    assert suzuki.entity_id.startswith("per:")
    kumar = _person(doc, "Ravi Kumar")
    assert (kumar.country, kumar.role) == ("IN", "Prime Minister")
    later = [m for m in doc.mentions if m.text == "Suzuki"]
    assert [m.entity_id for m in later] == [suzuki.entity_id]  # surname alone, same person


def test_german_france_germany() -> None:
    doc = run_actors("Bundeskanzler Friedrich Weber empfing den französischen Außenminister Pierre Lambert in "
                     "Berlin. Der brasilianische Präsident Carlos Mendes kam am Montag.", "de")
    weber = _person(doc, "Friedrich Weber")
    assert (weber.name, weber.role) == ("Friedrich Weber", "Chancellor")
    lambert = _person(doc, "Pierre Lambert")
    assert (lambert.country, lambert.role) == ("FR", "Minister of Foreign Affairs")
    mendes = _person(doc, "Carlos Mendes")
    assert (mendes.country, mendes.role) == ("BR", "President")


def test_french_brazil_china() -> None:
    doc = run_actors("Le ministre des Affaires étrangères du Brésil, João Almeida, a rencontré le Premier ministre "
                     "chinois Li Wenhua à Pékin.", "fr")
    almeida = _person(doc, "João Almeida")
    assert (almeida.country, almeida.role) == ("BR", "Minister of Foreign Affairs")
    li = _person(doc, "Li Wenhua")
    assert (li.country, li.role) == ("CN", "Prime Minister")


def test_indonesian_india_australia() -> None:
    doc = run_actors("Menteri Luar Negeri India Ravi Kumar bertemu dengan Wakil Perdana Menteri Australia "
                     "Sarah Mitchell di Jakarta.", "id")
    kumar = _person(doc, "Ravi Kumar")
    assert (kumar.country, kumar.role) == ("IN", "Minister of Foreign Affairs")
    mitchell = _person(doc, "Sarah Mitchell")
    assert (mitchell.country, mitchell.role) == ("AU", "Deputy Prime Minister")


def test_vietnamese_indonesia() -> None:
    doc = run_actors("Bộ trưởng Ngoại giao Nguyễn Văn Hùng đã hội đàm với Tổng thống Indonesia Budi Santoso.", "vi")
    hung = _person(doc, "Nguyễn Văn Hùng")
    assert (hung.name, hung.country, hung.role) == ("Nguyễn Văn Hùng", "VN", "Minister of Foreign Affairs")
    budi = _person(doc, "Budi Santoso")
    assert (budi.country, budi.role) == ("ID", "President")


def test_russian_india_japan_georgia() -> None:
    doc = run_actors("Министр иностранных дел Индии Рави Кумар провёл переговоры с японским коллегой Таро Судзуки. "
                     "Заместитель министра иностранных дел Грузии Александром Налбандовым встретился с послом "
                     "Италии.", "ru")
    kumar = _person(doc, "Рави Кумар")
    assert (kumar.name, kumar.country, kumar.role) == ("Ravi Kumar", "IN", "Minister of Foreign Affairs")
    suzuki = _person(doc, "Таро Судзуки")
    assert suzuki.country == "JP"  # "японским коллегой": the counterpart is Japanese
    nalbandov = _person(doc, "Александром Налбандовым")
    assert (nalbandov.name, nalbandov.country, nalbandov.role) == (
        "Aleksandr Nalbandov", "GE", "Deputy Minister of Foreign Affairs")


def test_same_unknown_person_merges_across_languages_and_scripts() -> None:
    ru = run_actors("Министр иностранных дел Индии Рави Кумар прибыл в Москву.", "ru")
    en = run_actors("Indian Foreign Minister Ravi Kumar arrived in Moscow.", "en")
    vi_ru = run_actors("Заместитель министра иностранных дел Ле Ван Тхань принял посла.", "ru")
    vi_vi = run_actors("Thứ trưởng Ngoại giao Lê Văn Thanh đã tiếp Đại sứ.", "vi")
    assert _person(ru, "Рави Кумар").entity_id == _person(en, "Ravi Kumar").entity_id
    assert _person(vi_ru, "Ле Ван Тхань").entity_id == _person(vi_vi, "Lê Văn Thanh").entity_id
    assert _person(vi_ru, "Ле Ван Тхань").name == "Le Van Thanh"


def test_vietnamese_name_shape_without_title() -> None:
    doc = run_actors("Hôm nay, Phạm Quang Hiếu phát biểu tại hội nghị.", "vi")
    assert _person(doc, "Phạm Quang Hiếu").country == "VN"


def test_photo_credit_and_media_are_not_actors() -> None:
    doc = run_actors("Общий вид встречи министров иностранных дел двух стран в Москве. Фото: Суан Хынг\n"
                     "Президент Путин отметил успехи сотрудничества между двумя странами (Foto: VNA).", "ru")
    assert [m.name for m in doc.mentions if m.kind == "person"] == ["Vladimir Putin"]
    # the agency is listed as a medium (kind `media`), which no event takes as a side
    assert [(m.text, m.kind, m.entity_id) for m in doc.mentions if m.text == "VNA"] == [("VNA", "media", "local:vna")]


def test_mentions_in_span() -> None:
    doc = run_actors("Президент России Владимир Путин встретился с Ле Хоай Чунгом.", "ru")
    people = [m.name for m in mentions_in(doc, 0, len(doc.text)) if m.kind == "person"]
    assert people == ["Vladimir Putin", "Lê Hoài Trung"]
    assert mentions_in(doc, 0, 5) == []


def test_a_photographer_credited_with_by_or_a_slash_is_no_actor() -> None:
    text = ("Merkel sidelined as German regions lift lockdown German Chancellor Angela Merkel silhouettes in "
            "front of a window as she briefs the media after a meeting with governors of eastern German states "
            "at the Chancellery in Berlin, Germany, Wednesday, May 27, 2020. (Photo by Markus Schreiber / POOL / "
            "AFP) (Photo by MARKUS SCHREIBER/POOL/AFP via Getty Images) - The states agreed.")
    doc = run_actors(text, "en")
    assert {m.name for m in doc.mentions if m.kind == "person"} == {"Angela Merkel"}
