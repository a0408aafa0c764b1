"""Country adjectives written for Turkish and Hindi (lang/tr/demonyms.yaml, lang/hi/demonyms.yaml): the
adjective is its country, and with a title it names the office holder. Sentences written for these tests."""

from __future__ import annotations

import pytest

from communique.actors.recognize import recognize

DATE = "2024-05-01"


def _drafts(text: str, lang: str) -> list[tuple[str, str, str | None, str | None]]:
    """(surface, kind, country, first candidate's name) of every mention recognised in `text`."""
    return [(text[d.start:d.end], d.kind, d.country, d.candidates[0].name if d.candidates else None)
            for d in recognize(text, lang, DATE)[0]]


# (lang, sentence, adjective, ISO code, office holder or None)
ADJECTIVES = [
    ("tr", "Fransız Cumhurbaşkanı dün bir açıklama yaptı.", "Fransız", "FR", "Emmanuel Macron"),
    ("tr", "Amerikan Dışişleri Bakanı dün açıklama yaptı.", "Amerikan", "US", "Antony Blinken"),
    ("tr", "Macar Başbakanı dün konuştu.", "Macar", "HU", "Viktor Orbán"),
    ("tr", "İngiliz Başbakanı açıklama yaptı.", "İngiliz", "GB", "Rishi Sunak"),
    ("tr", "Suudi yetkililer anlaşmayı imzaladı.", "Suudi", "SA", None),
    ("tr", "Hırvat askerler tatbikata katıldı.", "Hırvat", "HR", None),
    ("hi", "फ्रांसीसी राष्ट्रपति ने कहा।", "फ्रांसीसी", "FR", "Emmanuel Macron"),
    ("hi", "जर्मन चांसलर बर्लिन में थे।", "जर्मन", "DE", "Olaf Scholz"),
    ("hi", "ब्रिटिश प्रधानमंत्री ने बयान दिया।", "ब्रिटिश", "GB", "Rishi Sunak"),
    ("hi", "सऊदी विदेश मंत्री ने तेहरान का दौरा किया।", "सऊदी", "SA", "Faisal bin Farhan Al Saud"),
    ("hi", "अमरीकी विदेश मंत्री काहिरा पहुंचे।", "अमरीकी", "US", "Antony Blinken"),
    ("hi", "स्पेनिश सरकार ने फैसला लिया।", "स्पेनिश", "ES", None),
]


@pytest.mark.parametrize(("lang", "text", "surface", "code", "holder"), ADJECTIVES)
def test_a_country_adjective_is_its_country_and_names_the_office_holder(
        lang: str, text: str, surface: str, code: str, holder: str | None) -> None:
    drafts = _drafts(text, lang)
    assert any(s == surface and kind == "country" and country == code for s, kind, country, _ in drafts), drafts
    if holder is not None:
        assert any(kind == "person" and name == holder for _, kind, _, name in drafts), drafts


# Words that start like a stem left out or kept: no country there.
NOT_COUNTRIES = [
    ("tr", "Yağmurda sırpsıklam olan çocuklar eve döndü."),  # "Sırp" is left out
    ("tr", "Annem bana yeni bir kazak ördü, çeki bankaya götürdüm."),  # "Kazak", "Çek" are left out
    ("tr", "Ruslan ile Türkan düğünde dans etti, almanak ve bulgur aldılar."),
    ("hi", "यह व्यवस्था स्थाई रूप से लागू होगी और सब लोग खुश हैं।"),  # "थाई" is left out
    ("hi", "रूसवाई के डर से वह अमीर आदमी चुप रहा।"),
    ("hi", "मिस्त्री ने दीवार ठीक की और सोमवार को घर गया।"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_COUNTRIES)
def test_a_word_that_only_starts_like_a_country_adjective_is_no_country(lang: str, text: str) -> None:
    drafts = _drafts(text, lang)
    assert not [d for d in drafts if d[1] == "country"], drafts
