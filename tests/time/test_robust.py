"""Property tests: any text in any language gives an honest, sorted timex layer and no exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.document import Document
from communique.options import Options
from communique.time import tag_time, timex_to_event_date

PIECES = ["24 февраля", "20–23 января 2024 года", "Vom 20. bis 23. Januar", "les 1er et 2 décembre", "(29/2)",
          "Sabtu sore (10 Mei", "ngày 24/2", "thứ Hai", "2月29日", "29.02.2023", "2024", "1950 - 2025", "вчера",
          "last August", "в среду", "10:30", "bis 2030", "UNCLOS 1982", "Feb. 3", "31 June", "(", "-", " ", "\n",
          "MOSCOW, ", "2 décembre (VNA) - ", "hier", "next week", "tháng 8", "год", "0", "99"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=12),
       lang=st.sampled_from(["ru", "de", "fr", "id", "vi", "en", "es", "zh", "tr", "und"]),
       date=st.sampled_from([None, "2024-02-29", "2025-01-01", "--02-29", "--12-31", "garbage"]))
def test_layer_is_honest_for_any_text(pieces: list[str], lang: str, date: str | None) -> None:
    text = "".join(pieces)
    doc = Document(id="h", raw_text=text, text=text, lang=lang, date=date)
    tag_time(doc, Options())
    starts = [t.start for t in doc.timexes]
    assert starts == sorted(starts)
    previous_end = 0
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text and t.start >= previous_end
        previous_end = t.end
        timex_to_event_date(t)
