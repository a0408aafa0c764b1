"""Adding a language is adding a folder: a toy language in a temporary folder is found and used.

The toy `qq` has a month name, a meeting trigger and a stemming hook; the registry finds it on
`communique.lang.__path__`, and the time, events and actors code use its data and its hook.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique import lang as languages
from communique.actors.gazetteer import token_key
from communique.document import Document
from communique.events.lexicon import lexicon as events_lexicon
from communique.pipeline import Options, process

TOY_DATA = r"""dates:
  months: {zorbuary: 3}
triggers:
  - {pattern: 'blargh\w*', type: CONSULT, mode: meet, label: talks, weight: 0.9}
"""
TOY_LANGUAGE = """\
language:
  name: Toy
  full: true
"""
TOY_NAMES = '''\
"""Toy names: a final "-zo" is a case ending."""


def stem(word: str) -> str:
    return word.removesuffix("zo")
'''


@pytest.fixture
def toy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    folder = tmp_path / "qq"
    folder.mkdir()
    (folder / "data.yaml").write_text(TOY_DATA, encoding="utf-8")
    (folder / "language.yaml").write_text(TOY_LANGUAGE, encoding="utf-8")
    (folder / "names.py").write_text(TOY_NAMES, encoding="utf-8")
    monkeypatch.setattr(languages, "__path__", [*languages.__path__, str(tmp_path)])
    languages.reset()
    yield "qq"
    monkeypatch.undo()
    languages.reset()


def test_a_folder_is_a_language(toy: str) -> None:
    assert toy in languages.codes()
    assert toy in languages.full()
    assert languages.get(toy).about["name"] == "Toy"
    assert languages.section(toy, "dates")["months"] == {"zorbuary": 3}


def test_an_unknown_code_gets_the_fallback() -> None:
    assert languages.find("zz") is None
    assert languages.get("zz").code == languages.FALLBACK
    assert languages.data("zz") == {}


def test_the_time_stage_reads_the_toy_month(toy: str) -> None:
    doc = Document(id="toy-1", raw_text="The envoys will blargh on 14 zorbuary 2025 in the capital.", lang_hint=toy)
    process(doc, Options(lang=toy), until="time")
    assert [(t.text, t.value) for t in doc.timexes] == [("14 zorbuary 2025", "2025-03-14")]


def test_the_events_lexicon_finds_the_toy_trigger(toy: str) -> None:
    text = "The envoys blarghed in the capital."
    found = [(text[t.start : t.end], t.label) for t in events_lexicon(toy).find_triggers(text)]
    assert found == [("blarghed", "talks")]


def test_the_toy_stemming_hook_keys_names(toy: str) -> None:
    assert languages.hook(toy, "names", "stem") is not None
    assert token_key("Kremzo", toy) == token_key("Krem", toy) == "krem"


def test_a_section_key_in_two_files_names_the_file(toy: str, tmp_path: Path) -> None:
    (tmp_path / "qq" / "more.yaml").write_text("language:\n  name: Toy again\n", encoding="utf-8")
    languages.reset()
    with pytest.raises(languages.LanguageDataError) as raised:
        languages.get(toy)
    more = tmp_path / "qq" / "more.yaml"
    assert str(raised.value) == f"{more}: section 'language' is also defined in another file of this folder"


def test_bad_yaml_names_the_file(toy: str, tmp_path: Path) -> None:
    (tmp_path / "qq" / "data.yaml").write_text("dates: [unclosed\n", encoding="utf-8")
    languages.reset()
    with pytest.raises(languages.LanguageDataError) as raised:
        languages.section(toy, "dates")
    assert str(raised.value).startswith(f"{tmp_path / 'qq' / 'data.yaml'}: not valid YAML: ")


def test_a_folder_named_in_the_environment_is_a_language(tmp_path: Path) -> None:
    folder = tmp_path / "qq"
    folder.mkdir()
    (folder / "data.yaml").write_text(TOY_DATA, encoding="utf-8")
    (folder / "names.py").write_text(TOY_NAMES, encoding="utf-8")
    script = ("from communique import lang\n"
              "stem = lang.hook('qq', 'names', 'stem')\n"
              "print('qq' in lang.codes(), lang.section('qq', 'dates')['months'], stem('Kremzo'))")
    env = {**os.environ, languages.LANG_PATH_VARIABLE: str(tmp_path), "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert done.stdout == "True {'zorbuary': 3} Krem\n"
