"""Regression tests for the defects found by probing every entry point (issue 20): each failed before its fix.

Damaged and BOM-less encodings, a JSONL line nested ~1,000 deep, a FIFO and an unreadable folder inside an
input folder, file names with control characters, JSONL on standard input, an unknown --lang, dates and
filters of the API, and the Host header (DNS rebinding)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from robust_helpers import ROOT, assert_clean_errors, run_cli

from communique.api import Settings, create_app
from communique.document import Document
from communique.errors import InputError, printable
from communique.read.readers import read_inputs

RU = "Министр иностранных дел России Сергей Лавров встретился в Москве с министром Китая Ван И 4 марта 2025 года."
DE = "Der deutsche Außenminister traf am 4. März 2025 in Berlin seinen französischen Amtskollegen."
DAMAGED = {  # file -> (text read, warning)
    "damaged-utf8-ru.txt": (RU.replace("Лавров", "\ufffd\ufffdавров"), "invalid UTF-8 at byte offset"),
    "stray-ff-de.txt": (DE[:10] + "\ufffd" + DE[10:], "invalid UTF-8 at byte offset 10: replaced"),
    "trailing-ff-ru.txt": (RU + "\ufffd", "invalid UTF-8 at byte offset"),
    "utf16le-ru-nobom.txt": (RU, None),
    "utf16be-ru-nobom.txt": (RU, None),
    "utf32le-ru-nobom.txt": (RU, None),
}
COMMANDS = ["extract", "entities", "timex", "show"]


def _read(*paths: Path | str) -> list[Document | InputError]:
    return list(read_inputs([str(p) for p in paths]))


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_one_bad_byte_does_not_change_how_the_rest_is_read(bad_corpus: dict[str, Path], name: str) -> None:
    text, warning = DAMAGED[name]
    (doc,) = _read(bad_corpus[name])
    assert isinstance(doc, Document)
    if name == "damaged-utf8-ru.txt":  # the truncated "Л" is one replacement character, the rest intact
        assert doc.raw_text == RU.replace("Лавров", "\ufffdавров")
    else:
        assert doc.raw_text == text
    assert (warning is None and not doc.warnings) or (warning and warning in doc.warnings[0]), doc.warnings


@pytest.mark.parametrize("command", COMMANDS)
def test_deeply_nested_jsonl_line_is_one_error_and_the_next_line_is_read(bad_corpus: dict[str, Path],
                                                                         command: str) -> None:
    ran = run_cli(command, str(bad_corpus["deep-nested.jsonl"]), "--format", "jsonl")
    assert ran.code == 1
    assert_clean_errors(ran)
    assert ran.errors == [f"communique: {bad_corpus['deep-nested.jsonl']}:1: invalid JSON (nested too deeply)"]
    assert "after-deep" in ran.stdout or command == "timex"  # extract/entities/show name the document


def test_deeply_nested_jsonl_line_in_ingest(bad_corpus: dict[str, Path], tmp_path: Path) -> None:
    ran = run_cli("ingest", str(bad_corpus["deep-nested.jsonl"]), "--db", str(tmp_path / "s.db"))
    assert ran.code == 1
    assert ran.errors[0] == f"communique: {bad_corpus['deep-nested.jsonl']}:1: invalid JSON (nested too deeply)"
    assert ran.errors[-1].startswith(f"communique: sqlite:///{tmp_path / 's.db'}: 1 new,") or "1 new" in ran.errors[-1]


def test_fifo_in_a_folder_is_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(DE, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # no writer: reading it would block forever
    items = _read(folder)
    assert [type(i).__name__ for i in items] == ["Document", "InputError"]
    assert str(items[1]) == f"{folder}/pipe.txt: not a regular file (FIFO, socket or device); skipped"


def test_fifo_in_a_folder_does_not_hang_the_cli(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(DE, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    ran = run_cli("entities", str(folder), "--format", "jsonl", timeout=120)
    assert ran.code == 1
    assert ran.errors == [f"communique: {folder}/pipe.txt: not a regular file (FIFO, socket or device); skipped"]


def test_unreadable_subfolder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(DE, encoding="utf-8")
    real_walk = os.walk

    def walk(top: Any, onerror: Any = None, **kw: Any) -> Iterator[Any]:
        # root reads any folder, so the permission error is made where os.walk meets it: listing the folder
        for root, dirs, files in real_walk(top, onerror=onerror, **kw):
            if Path(root).name == "locked":
                if onerror:
                    onerror(PermissionError(13, "Permission denied", str(root)))
                continue
            yield root, dirs, files

    monkeypatch.setattr(os, "walk", walk)
    items = _read(folder)
    assert [str(i) for i in items if isinstance(i, InputError)] == [
        f"{folder}/locked: cannot read directory: Permission denied; skipped"]
    assert [i.id for i in items if isinstance(i, Document)] == ["a.txt"]


def test_file_names_cannot_forge_lines_or_drive_the_terminal(tmp_path: Path) -> None:
    evil = tmp_path / "evil\nFAKE: line\x1b[2J.txt"
    evil.write_bytes(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12")
    ran = run_cli("extract", str(evil), str(tmp_path / "missing\x1b]0;title\x07.txt"), "--format", "jsonl")
    assert ran.code == 2
    assert ran.errors == [f"communique: {tmp_path}/evil\\nFAKE: line\\x1b[2J.txt: binary file (not text)",
                          f"communique: {tmp_path}/missing\\x1b]0;title\\x07.txt: no such file or directory"]
    assert "\x1b" not in ran.stderr


def test_printable_escapes_only_what_must_be() -> None:
    assert printable("Бюллетень 1.txt") == "Бюллетень 1.txt"
    assert printable("a\nb\x1b[31m\u202ec") == "a\\nb\\x1b[31m\\u202ec"
    assert printable(printable("a\nb")) == "a\\nb"  # idempotent: messages built twice stay the same


def test_jsonl_on_standard_input_is_read_as_jsonl_with_line_numbers(tmp_path: Path) -> None:
    stream = tmp_path / "stream.jsonl"
    stream.write_text(json.dumps({"id": "a", "text": DE}) + "\n{not json\n" + json.dumps({"id": "b", "text": RU})
                      + "\n", encoding="utf-8")
    for command in ("show", "extract", "entities"):
        ran = run_cli(command, "-", "--format", "jsonl", stdin_path=stream)
        assert ran.code == 1, (command, ran.stderr)
        assert ran.errors == ["communique: <stdin>:2: invalid JSON (Expecting property name enclosed in double "
                              "quotes at column 2)"]
    shown = run_cli("show", "-", "--format", "jsonl", stdin_path=stream)
    assert [json.loads(line)["id"] for line in shown.stdout.splitlines()] == ["a", "b"]


def test_unknown_language_code_is_a_usage_error(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(DE, encoding="utf-8")
    ran = run_cli("extract", str(doc), "--lang", "zz", "--format", "jsonl")
    assert ran.code == 2
    assert ran.errors == ["communique: --lang 'zz': not an ISO 639 language code (e.g. ru, vi, de)"]
    assert run_cli("extract", str(doc), "--lang", "de", "--format", "jsonl").code == 0


# -- the API ----------------------------------------------------------------------------------------------

TOKEN = "s3cret-token"


@pytest.fixture
def api(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=str(tmp_path / "api.db"), token=TOKEN)), client=("127.0.0.1", 5000),
                    base_url="http://localhost:8000") as client:
        yield client


def _post(api: TestClient, body: Any, **params: str) -> Any:
    return api.post("/api/documents", json=body, params=params, headers={"Authorization": f"Bearer {TOKEN}"})


def test_api_refuses_impossible_dates_like_the_cli(api: TestClient) -> None:
    bad_query = _post(api, {"text": DE}, doc_date="2025-99-99")
    assert bad_query.status_code == 400
    assert "doc_date '2025-99-99'" in bad_query.text
    bad_body = _post(api, {"text": DE, "date": "2025-02-30"})
    assert bad_body.status_code == 422
    assert "2025-02-30" in bad_body.text and "not a real date" in bad_body.text
    assert _post(api, {"text": DE, "date": "2025-02-28"}).json()["new"] == 1
    assert _post(api, {"text": RU}, lang="zz").status_code == 400
    assert api.get("/api/documents").json()["total"] == 1


def test_api_filter_with_a_control_character_is_refused_not_ignored(api: TestClient) -> None:
    assert _post(api, {"text": RU, "date": "2025-03-04"}).json()["new"] == 1
    response = api.get("/api/events", params={"actor": "\x00"})
    assert response.status_code == 400
    assert "control characters" in response.text


@pytest.mark.parametrize(("host", "status"), [("localhost:8000", 200), ("127.0.0.1:8000", 200), ("[::1]:8000", 200),
                                              ("attacker.example", 421), ("attacker.example:8000", 421),
                                              ("127.0.0.1.nip.io", 421)])
def test_host_header_must_name_this_server(api: TestClient, host: str, status: int) -> None:
    assert api.get("/api/events", headers={"Host": host}).status_code == status


def test_host_names_can_be_allowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_HOSTS", "news.intranet.example")
    settings = Settings.from_env(db=str(tmp_path / "h.db"), public=True, bind_host="10.1.2.3")
    assert settings.hosts == ("news.intranet.example", "10.1.2.3")
    with TestClient(create_app(settings), client=("10.9.9.9", 5000), base_url="http://news.intranet.example") as c:
        assert c.get("/api/events").status_code == 200
        assert c.get("/api/events", headers={"Host": "10.1.2.3:8000"}).status_code == 200
        assert c.get("/api/events", headers={"Host": "evil.example"}).status_code == 421


def test_serve_passes_its_bind_address_as_an_allowed_host() -> None:
    code = ("from communique.api import Settings; "
            "print(Settings.from_env(bind_host='192.0.2.7').hosts, Settings.from_env(bind_host='0.0.0.0').hosts)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "COMMUNIQUE_HOSTS": ""}, check=True)
    assert out.stdout.strip() == "('192.0.2.7',) ()"


def test_runs_of_unclosed_tags_are_text_not_a_rescan_of_the_page() -> None:
    """The fuzzer's slow input class: "<a <a <a ..." made html.parser and lxml rescan the rest of the page at
    every "<" (18 KB took 50 s). Such a "<" opens no tag: it is read as text, and real tags are untouched."""
    from communique.read.html import defuse, extract_page, visible_text

    assert defuse("<p>a <a <b>x</b> y<</p>") == "<p>a &lt;a <b>x</b> y&lt;</p>"
    bomb = "<a " * 6000
    assert visible_text(bomb) == bomb.strip()
    page = extract_page(f"<html><body><p>{GOOD_PARAGRAPH}</p>{bomb}</body></html>")
    assert GOOD_PARAGRAPH in page.text


GOOD_PARAGRAPH = "Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Moscow on 4 March."
