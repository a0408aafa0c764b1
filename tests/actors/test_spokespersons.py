"""Foreign-ministry spokespersons (data-sources/kb/offices/spokespersons.csv): dated office holders, and their
names in the scripts of the news that quotes them."""

from __future__ import annotations

from communique.actors.kb import load_kb
from communique.actors.lookup import who
from conftest import run_actors


def test_the_spokesperson_on_a_date() -> None:
    kb = load_kb()
    assert [e.name for e in kb.office_holders("foreign_ministry_spokesperson", "IR", "2023-05-01")] == [
        "Nasser Kanaani"]
    assert [e.name for e in kb.office_holders("Spokesperson of the Ministry of Foreign Affairs", "RU", "2024-03")] \
        == ["Maria Zakharova"]
    answer = who("foreign_ministry_spokesperson", "IR", "2023-05-01")
    assert answer.problem is None and any("Nasser Kanaani" in line for line in answer.lines)


def test_a_persian_spokesperson_is_found_by_the_spelling_of_his_name() -> None:
    text = "ناصر کنعانی، سخنگوی وزارت امور خارجه ایران گفت که تحریم‌های جدید آمریکا غیرقانونی است."
    doc = run_actors(text, "fa", doc_date="2023-05-01")
    persons = [(m.text, m.name, m.role) for m in doc.mentions if m.kind == "person"]
    assert persons == [("ناصر کنعانی", "Nasser Kanaani", "Spokesperson of the Ministry of Foreign Affairs")]
