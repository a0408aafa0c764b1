"""The per-user cache: long regexes and the KB's name keys come back from disk the same as built."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from communique import caching
from communique.actors import gazetteer, xscript
from communique.actors.kb import kb_sources_key


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(caching.CACHE_DIR_VAR, str(tmp_path))
    monkeypatch.setattr(caching, "_compiled", {})
    return tmp_path


def _long_pattern() -> str:
    # many alternatives over big character classes, like spaCy's French tokenizer exceptions
    words = [f"w{n}ord" for n in range(400)]
    return "(?iu)" + "|".join(rf"^{w}[-‐‑][a-zà-ÿ]+(?P<tail{n}>\d)?$" for n, w in enumerate(words))


SAMPLES = ["W12ORD-été", "w399ord-abc7", "w400ord-abc", "w3ord-", "w7ord‐çà", "x"]


def test_long_regex_is_stored_and_read_back_the_same(cache_dir: Path) -> None:
    pattern = _long_pattern()
    plain = re.compile(pattern)
    first = caching.compile_regex(pattern)
    stored = list((cache_dir / "regex").glob("*.marshal"))
    assert len(stored) == 1
    caching._compiled.clear()
    again = caching.compile_regex(pattern)  # from the file this time
    for compiled in (first, again):
        assert compiled.pattern == pattern and compiled.flags == plain.flags
        assert compiled.groupindex == plain.groupindex
        assert [bool(compiled.match(s)) for s in SAMPLES] == [bool(plain.match(s)) for s in SAMPLES]
    assert again.match("w399ord-abc7").group("tail399") == "7"  # type: ignore[union-attr]
    assert [bool(plain.match(s)) for s in SAMPLES] == [True, True, False, False, True, False]


def test_a_damaged_entry_is_compiled_anew(cache_dir: Path) -> None:
    pattern = _long_pattern()
    caching.compile_regex(pattern)
    (entry,) = (cache_dir / "regex").glob("*.marshal")
    entry.write_bytes(b"\x00garbage")
    caching._compiled.clear()
    assert caching.compile_regex(pattern).match("w5ord-abc")


def test_short_patterns_and_the_off_switch_store_nothing(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert caching.compile_regex(r"\d+").match("42")
    assert not (cache_dir / "regex").exists()
    monkeypatch.setenv(caching.CACHE_SWITCH_VAR, "off")
    assert caching.cache_dir() is None
    assert caching.compile_regex(_long_pattern()).match("w1ord-a")
    assert list(cache_dir.iterdir()) == []


def test_third_party_compiles_go_through_the_cache_only_within_the_block(cache_dir: Path) -> None:
    original = re.compile
    with caching.long_patterns_cached():
        assert re.compile is not original
        assert re.compile(_long_pattern()).match("w2ord-b")
        assert re.compile(r"a+", re.IGNORECASE).match("AA")
    assert re.compile is original
    assert len(list((cache_dir / "regex").glob("*.marshal"))) == 1


def test_store_keeps_the_newest_entries_of_a_kind(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(caching.MAX_ENTRIES, "probe", 3)
    for n in range(5):
        caching.store("probe", f"key {n}", {"n": n, "keys": ("a", "b")})
    assert len(list((cache_dir / "probe").glob("*.marshal"))) == 3
    assert caching.load("probe", "key 4") == {"n": 4, "keys": ("a", "b")}
    assert caching.load("probe", "never stored") is None


def test_half_written_entries_of_a_killed_process_are_cleared(cache_dir: Path) -> None:
    folder = cache_dir / "probe"
    folder.mkdir()
    old, fresh = folder / ".part-old", folder / ".part-fresh"
    for part in (old, fresh):
        part.write_bytes(b"half")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    caching.store("probe", "key", [1, 2])
    assert not old.exists() and fresh.exists()  # a fresh one may be another process writing right now
    assert caching.load("probe", "key") == [1, 2]


def test_kb_index_read_back_equals_the_one_built() -> None:
    built = gazetteer._build_kb_index("en")
    again = gazetteer._index_from_table("en", gazetteer._index_table(built))
    assert again.phrases == built.phrases and again.acronyms == built.acronyms
    assert again.prefixes == built.prefixes and again.max_len == built.max_len
    putin = again.phrases[gazetteer.phrase_keys("Vladimir Putin", "en")]
    assert any(c.entity_id == "Q7747" and c.kind == "person" and c.country == "RU" for c in putin)


def test_kb_index_and_person_index_come_from_the_cache_as_built(cache_dir: Path) -> None:
    gazetteer._kb_index.cache_clear()
    xscript.person_index.cache_clear()
    try:
        first = gazetteer._kb_index("en")
        persons = xscript.person_index()
        assert {p.parent.name for p in cache_dir.glob("*/*.marshal")} == {"gazetteer", "person-index"}
        gazetteer._kb_index.cache_clear()
        xscript.person_index.cache_clear()
        assert gazetteer._kb_index("en").phrases == first.phrases
        assert xscript.person_index().full == persons.full
    finally:
        gazetteer._kb_index.cache_clear()
        xscript.person_index.cache_clear()


def test_the_users_kb_files_are_part_of_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user_kb = tmp_path / "mine.yaml"
    user_kb.write_text("- {id: person:probe, kind: person, name: Probe Person}\n", encoding="utf-8")
    before = kb_sources_key()
    monkeypatch.setenv("COMMUNIQUE_KB_PATH", str(user_kb))
    with_file = kb_sources_key()
    user_kb.write_text("- {id: person:probe, kind: person, name: Other Person}\n", encoding="utf-8")
    assert len({before, with_file, kb_sources_key()}) == 3
