"""Coverage-guided fuzzing of the date grammar: communique.time.tag_time on a Document of any text, language
and document date. The layer must stay honest: sorted, non-overlapping timexes whose text is the text at their
offsets, each convertible to an event date; no exception.

    pip install -e '.[fuzz]'
    python fuzz/fuzz_time.py -max_total_time=60
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["communique.time"]):
    from communique.document import Document
    from communique.options import Options
    from communique.time import tag_time, timex_to_event_date

LANGS = ["ru", "de", "fr", "id", "vi", "en", "es", "pt", "zh", "tr", "ar", "und", "xx", "pt-BR", ""]
DATES = [None, "2025-03-04", "2024-02-29", "1900-01-01", "9999-12-31", "--02-29", "garbage", "2025-13-45"]
PIECES = ["24 февраля", "20–23 января 2024 года", "Vom 20. bis 23. Januar", "les 1er et 2 décembre", "(29/2)",
          "ngày 24/2", "thứ Hai", "2月29日", "29.02.2023", "last August", "в среду", "next week", "tháng 8"]


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lang = LANGS[fdp.ConsumeIntInRange(0, len(LANGS) - 1)] or "und"
    date = DATES[fdp.ConsumeIntInRange(0, len(DATES) - 1)]
    doc_date = DATES[fdp.ConsumeIntInRange(0, 3)]
    parts = []
    while fdp.remaining_bytes():
        if fdp.ConsumeBool():
            parts.append(PIECES[fdp.ConsumeIntInRange(0, len(PIECES) - 1)])
        else:
            parts.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 40)))
    text = "".join(parts)
    doc = Document(id="fuzz", raw_text=text, text=text, lang=lang, date=date)
    tag_time(doc, Options(doc_date=doc_date))
    previous_end = 0
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text, timex
        assert timex.start >= previous_end, "overlapping or unsorted timexes"
        previous_end = timex.end
        timex_to_event_date(timex)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
