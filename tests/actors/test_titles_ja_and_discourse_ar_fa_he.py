"""Titles in Japanese, Arabic, Persian and Hebrew: the role a title gives the name next to it, the holder of
an office named by title and country, the Japanese title words (lang/ja/titles.yaml), and the discourse
cues of the four languages (lang/<code>/discourse.yaml). Sentences written for these tests."""

from __future__ import annotations

import pytest

from communique.actors.titles import find_titles
from communique.events import discourse
from conftest import run_actors


def persons(text: str, lang: str, date: str = "2024-05-01") -> set[tuple[str, str, str | None]]:
    """(text, canonical name, role) of the person mentions, after checking every offset."""
    doc = run_actors(text, lang, doc_date=date)
    out = set()
    for m in doc.mentions:
        assert m.text == text[m.start : m.end]
        if m.kind == "person":
            out.add((m.text, m.name, m.role))
    return out


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a name after its title and the country's adjective
    ("ar", "وقال الرئيس الأمريكي جو بايدن إن الاتفاق مهم.", ("جو بايدن", "Joe Biden", "President")),
    ("ar", "واستقبل رئيس الوزراء العراقي محمد شياع السوداني سفير الصين لدى بغداد.",
     ("محمد شياع السوداني", "Mohammed Shia al-Sudani", "Prime Minister")),
    # no name: the office's holder on the article's date
    ("ar", "وأكد الرئيس الروسي أن بلاده مستعدة للحوار.", ("الرئيس", "Vladimir Putin", "President")),
    ("fa", "حسین امیرعبداللهیان وزیر امور خارجه ایران با همتای روس خود دیدار کرد.",
     ("حسین امیرعبداللهیان", "Hossein Amir-Abdollahian", "Minister of Foreign Affairs")),
    ("fa", "رئیس جمهور روسیه در این دیدار بر اهمیت روابط دو کشور تأکید کرد.",
     ("رئیس جمهور روسیه", "Vladimir Putin", "President")),
    ("fa", "نخست وزیر هند در سفر به تهران با مقامات ایرانی دیدار کرد.",
     ("نخست وزیر هند", "Narendra Modi", "Prime Minister")),
    ("he", "ראש הממשלה בנימין נתניהו נפגש היום עם מזכיר המדינה האמריקאי.",
     ("בנימין נתניהו", "Benjamin Netanyahu", "Prime Minister")),
    ("he", "נשיא רוסיה ולדימיר פוטין שוחח בטלפון עם נשיא טורקיה.",
     ("נשיא טורקיה", "Recep Tayyip Erdoğan", "President")),
    ("he", "הנשיא הרצוג קיבל את שגריר צרפת.", ("הרצוג", "Isaac Herzog", "President")),
    # the title follows the name
    ("ja", "岸田文雄首相は1日、首相官邸で記者団の取材に応じた。", ("岸田文雄", "Fumio Kishida", "Prime Minister")),
    ("ja", "上川陽子外相は、ロシアのラブロフ外相と電話で協議した。",
     ("ラブロフ", "Sergey Lavrov", "Minister of Foreign Affairs")),
])
def test_a_title_gives_its_person_a_role(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in persons(text, lang)


# The Japanese title words alone (as the lexicon reads them): the specific compound, not the word it contains.
@pytest.mark.parametrize(("word", "title"), [
    ("外相", "Minister of Foreign Affairs"),
    ("国務長官", "Minister of Foreign Affairs"),
    ("外務副大臣", "Deputy Minister of Foreign Affairs"),
    ("副大統領", "Vice President"),
    ("国家主席", "President"),
    ("副首相", "Deputy Prime Minister"),
    ("国連事務総長", "General Secretary"),
    ("衆議院議長", "Speaker"),
])
def test_japanese_title_words(word: str, title: str) -> None:
    found = find_titles(word, "ja")
    assert [(f.start, f.end, f.title) for f in found] == [(0, len(word), title)]


# Japanese is written without spaces: a title written onto the country before it ("ロシア大統領は") is found
# because the title finder matches unsegmented languages without word boundaries (actors/titles.py).
@pytest.mark.parametrize(("text", "expected"), [
    ("ロシア大統領は声明で、米国を非難した。", ("大統領", "Vladimir Putin", "President")),
    ("中国外相は会見で、日本を批判した。", ("外相", "Wang Yi", "Minister of Foreign Affairs")),
])
def test_a_japanese_title_after_its_country_is_the_holder(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in persons(text, "ja")


@pytest.mark.parametrize(("lang", "kind", "text", "cue"), [
    ("ar", "frame", "وعلى هامش القمة التقى الرئيس نظيره.", "وعلى هامش"),
    ("ar", "group", "وأكد الجانبان أهمية العلاقات.", "الجانبان"),
    ("ar", "complementizer", "وقال الوزير إن الزيارة ناجحة.", "إن"),
    ("fa", "group", "دو طرف بر گسترش همکاری تأکید کردند.", "دو طرف"),
    ("fa", "speech", "وزیر خارجه تأکید کرد که سفر مهم است.", "تأکید کرد"),
    ("he", "group", "שני הצדדים הדגישו את חשיבות הביקור.", "שני הצדדים"),
    ("he", "frame", "ובמסגרת הביקור נפגש השר עם עמיתו.", "ובמסגרת"),
    ("ja", "frame", "首相は、G7サミットに合わせて、米大統領と会談した。", "G7サミットに合わせて"),
    ("ja", "group", "両首脳は会談で", "両首脳は会談で"),
])
def test_discourse_cues(lang: str, kind: str, text: str, cue: str) -> None:
    assert [text[a:b] for a, b in discourse.find(lang, kind, text, 0, len(text))] == [cue]


@pytest.mark.parametrize(("lang", "kind", "text"), [
    ("fa", "speech", "دو طرف گفت‌وگو کردند."),  # "گفت‌وگو" (talks) is no "گفت" (said)
    ("ja", "group", "双方の利益になる。"),  # "双方の" (mutual) is no subject
])
def test_no_discourse_cue(lang: str, kind: str, text: str) -> None:
    assert discourse.find(lang, kind, text, 0, len(text)) == []
