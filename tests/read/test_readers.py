"""Readers: files, folders, HTML, JSONL, standard input, encodings and input errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from communique.document import Document
from communique.errors import InputError
from communique.lang.ru.encoding import score as russian_score
from communique.read import read_bytes, read_inputs
from communique.read import readers as readers_module
from communique.read.decode import decode_bytes

SEED_000 = "000_df74262ac88120d2.txt"
SEED_001 = "001_def872bfea9ee96b.txt"


def _read(*paths: Path | str) -> list[Document | InputError]:
    return list(read_inputs([str(p) for p in paths]))


def _docs(items: list[Document | InputError]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def _errors(items: list[Document | InputError]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


@pytest.fixture(scope="module")
def seeds(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "seeds"


# -- files and folders ------------------------------------------------------------------------------


def test_text_file_id_is_the_file_name(seeds: Path) -> None:
    (doc,) = _read(seeds / SEED_001)
    assert isinstance(doc, Document)
    assert doc.id == SEED_001
    assert doc.raw_text.startswith("21 февраля в Ханое заместитель министра")
    assert doc.date is None and doc.warnings == []


def test_folder_is_read_recursively_sorted_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second file in a sub-folder.", encoding="utf-8")
    (tmp_path / "a.md").write_text("First file of the folder.", encoding="utf-8")
    (tmp_path / ".secret.txt").write_text("Hidden, skipped.", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden folder, skipped.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    docs = _docs(_read(tmp_path))
    assert [d.id for d in docs] == ["a.md", "b/z.txt"]
    assert docs[1].raw_text == "Second file in a sub-folder."


def test_seed_folder_gives_five_documents(seeds: Path) -> None:
    items = _read(seeds)
    assert [d.id for d in _docs(items)] == sorted(p.name for p in seeds.glob("*.txt"))
    assert _errors(items) == []


def test_html_file_main_text_and_metadata(tmp_path: Path) -> None:
    html = """<!DOCTYPE html><html><head><title>Talks in Hanoi | Example News</title>
    <meta property="og:title" content="Talks in Hanoi">
    <meta property="article:published_time" content="2025-02-21T10:00:00+07:00">
    <link rel="canonical" href="https://example.org/news/talks-in-hanoi"></head>
    <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article><h1>Talks in Hanoi</h1>
    <p>On 21 February the deputy foreign ministers of Vietnam and Russia held political consultations in Hanoi.</p>
    <p>They reviewed trade, defence and education cooperation and agreed to meet again next year in Moscow.</p>
    </article><footer>Cookie settings. All rights reserved.</footer></body></html>"""
    path = tmp_path / "talks.html"
    path.write_text(html, encoding="utf-8")
    (doc,) = _read(path)
    assert isinstance(doc, Document)
    assert doc.id == "talks.html"
    assert doc.title == "Talks in Hanoi"
    assert doc.date == "2025-02-21" and doc.date_source == "metadata"
    assert doc.url == "https://example.org/news/talks-in-hanoi"
    assert "held political consultations in Hanoi." in doc.raw_text
    assert "Home" not in doc.raw_text and "Cookie" not in doc.raw_text


# -- JSONL ------------------------------------------------------------------------------------------


def test_jsonl_fields_default_ids_and_dates(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": "Der Minister traf seinen Kollegen.", "date": "2024-01-23T08:30:00Z", "lang": "de-DE",
         "url": "https://example.org/a", "title": "Treffen"},
        {"text": "Sans identifiant, le numéro de ligne sert d'identifiant.", "date": "2024-01-24"},
        {"id": 7, "text": "A numeric id becomes a string.", "date": "24/01/2024"},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows[:1]) + "\n\n" + "\n".join(json.dumps(r) for r in rows[1:]))
    a, b, c = _read(path)
    assert isinstance(a, Document) and isinstance(b, Document) and isinstance(c, Document)
    assert (a.id, a.date, a.date_source, a.lang_hint, a.url, a.title) == (
        "a", "2024-01-23", "metadata", "de", "https://example.org/a", "Treffen")
    assert b.id == "3" and b.date == "2024-01-24"  # line 2 is blank: ids are line numbers
    assert c.id == "7" and c.date is None
    assert c.warnings == ["ignored date '24/01/2024': expected YYYY-MM-DD"]
    assert a.source == f"{path}:1"


def test_jsonl_errors_name_the_line_and_reading_goes_on(tmp_path: Path) -> None:
    good = [json.dumps({"id": f"d{i}", "text": f"Dokument Nummer {i} ist gut."}) for i in range(1, 7)]
    lines = [*good, '{"id": "bad", "text": ', json.dumps({"id": "no-text"}), json.dumps({"id": "n", "text": 5}),
             json.dumps({"id": "blank", "text": "  \n "}), json.dumps(["a", "list"]),
             json.dumps({"id": "last", "text": "Das letzte Dokument."})]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(path)
    assert [d.id for d in _docs(items)] == ["d1", "d2", "d3", "d4", "d5", "d6", "last"]
    assert [str(e) for e in _errors(items)] == [
        f"{path}:7: invalid JSON (Expecting value at column 23)",
        f'{path}:8: missing "text"',
        f'{path}:9: "text" must be a string, got number',
        f"{path}:10: empty document",
        f"{path}:11: expected a JSON object, got list",
    ]


def test_jsonl_surrogates_and_invalid_utf8_are_replaced_with_warnings(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_bytes(b'{"id": "s", "text": "Hallo \\ud800 Welt, ein Text."}\n'
                     b'{"id": "u", "text": "Caf\xe9 ohne UTF-8, trotzdem lesbar."}\n'
                     b'{"id": "pair", "text": "Emoji \\ud83d\\ude00 ok."}\n')
    s, u, pair = _read(path)
    assert isinstance(s, Document) and isinstance(u, Document) and isinstance(pair, Document)
    assert s.raw_text == "Hallo \ufffd Welt, ein Text." and s.warnings == ["invalid surrogate characters replaced"]
    assert u.raw_text == "Caf\ufffd ohne UTF-8, trotzdem lesbar." and u.warnings == ["invalid UTF-8 replaced"]
    assert pair.raw_text == "Emoji \U0001f600 ok." and pair.warnings == []


# -- encodings --------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
@pytest.mark.parametrize("seed", [SEED_000, SEED_001])
def test_legacy_cyrillic_encodings_are_read_right(seeds: Path, tmp_path: Path, seed: str, encoding: str) -> None:
    text = (seeds / seed).read_text(encoding="utf-8")
    if encoding == "koi8_r":  # KOI8-R has no « »: texts in it use plain quotes
        text = text.replace("«", '"').replace("»", '"')
    path = tmp_path / seed
    path.write_bytes(text.encode(encoding))
    (doc,) = _read(path)
    assert isinstance(doc, Document)
    assert doc.raw_text == text


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_short_cyrillic_line_is_not_latin1(encoding: str) -> None:
    decoded = decode_bytes("Привет, мир! Встреча министров в Москве.".encode(encoding))
    assert decoded.text == "Привет, мир! Встреча министров в Москве."
    assert decoded.encoding == encoding


def test_russian_score_prefers_the_right_decoding() -> None:
    data = "Министр иностранных дел провел переговоры".encode("koi8_r")
    assert russian_score(data.decode("koi8_r")) > 1.0 > russian_score(data.decode("cp1251"))


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("\ufeffBOM stripped. Текст.".encode(), "BOM stripped. Текст.", "utf-8"),
        ("Ärger über Öl in Straßburg.".encode("utf-16"), "Ärger über Öl in Straßburg.", "utf-16-le"),
        ("Ärger über Öl in Straßburg.".encode("utf-16-be"), "Ärger über Öl in Straßburg.", "utf-16-be"),
        ("Ärger über Öl in Straßburg.".encode("cp1252"), "Ärger über Öl in Straßburg.", "cp1252"),
        ("Le ministre a déclaré « très bien ».".encode("latin-1"), "Le ministre a déclaré « très bien ».", "cp1252"),
    ],
)
def test_bom_utf16_and_western_legacy(data: bytes, text: str, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_nul_bytes_in_text_are_stripped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Die Delegation\x00 traf sich mit dem Minister.\x00")
    (doc,) = _read(path)
    assert isinstance(doc, Document)
    assert doc.raw_text == "Die Delegation traf sich mit dem Minister."
    assert doc.warnings == ["removed 2 NUL byte(s)"]


# -- errors -----------------------------------------------------------------------------------------


def test_missing_file_is_a_usage_error_and_the_rest_is_read(seeds: Path, tmp_path: Path) -> None:
    items = _read(tmp_path / "missing.txt", seeds / SEED_001)
    error, doc = items
    assert isinstance(error, InputError) and error.usage is True  # type: ignore[attr-defined]
    assert str(error) == f"{tmp_path / 'missing.txt'}: no such file or directory"
    assert isinstance(doc, Document) and doc.id == SEED_001


def test_directory_with_nothing_readable(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (error,) = _read(tmp_path)
    assert isinstance(error, InputError) and not getattr(error, "usage", False)
    assert error.problem.startswith("no readable files in directory")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 20)
    (error,) = _read(path)
    assert isinstance(error, InputError) and str(error) == f"{path}: binary file (not text)"


@pytest.mark.parametrize("content", ["", "   \n\t\n", "Back to top\n\nрекомендуем\n[Anzeige_2]\n"])
def test_empty_document(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    (error,) = _read(path)
    assert isinstance(error, InputError) and str(error) == f"{path}: empty document"


def test_huge_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers_module, "MAX_DOCUMENT_BYTES", 100)
    path = tmp_path / "huge.txt"
    path.write_text("word " * 100, encoding="utf-8")
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit"))
    (error,) = _read(path)
    assert isinstance(error, InputError) and "file too large" in error.problem and "limit" in error.problem


def test_huge_jsonl_line_is_refused_and_the_next_line_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers_module, "MAX_DOCUMENT_BYTES", 200)
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "x " * 500}) + "\n" + json.dumps({"id": "ok", "text": "Fine."}))
    error, doc = _read(path)
    assert isinstance(error, InputError) and error.line == 1 and "too large" in error.problem
    assert isinstance(doc, Document) and doc.id == "ok"


# -- standard input ---------------------------------------------------------------------------------


def test_stdin_sniffs_jsonl_html_and_text(monkeypatch: pytest.MonkeyPatch) -> None:
    jsonl = b'{"id": "x", "text": "Erster Text."}\n\n{"text": "Zweiter Text."}\n'
    assert [d.id for d in _docs(list(read_bytes(jsonl, "stdin", "<stdin>")))] == ["x", "3"]
    html = (b"<html><head><title>T</title></head><body><article><p>The ministers met in Hanoi on Monday and "
            b"discussed trade and investment for a long time.</p></article></body></html>")
    (page,) = _docs(list(read_bytes(html, "stdin", "<stdin>")))
    assert page.raw_text.strip() == ("The ministers met in Hanoi on Monday and discussed trade and investment "
                                     "for a long time.")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Просто текст.\n".encode())))
    (doc,) = _read("-")
    assert isinstance(doc, Document) and (doc.id, doc.source, doc.raw_text) == ("stdin", "<stdin>", "Просто текст.\n")


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    body = "<p>Министр иностранных дел России Сергей Лавров провел переговоры с вьетнамским коллегой в Москве.</p>"
    html = f'<html><head><meta charset="windows-1251"><title>Переговоры</title></head><body>{body}</body></html>'
    path = tmp_path / "page.htm"
    path.write_bytes(html.encode("cp1251"))
    (doc,) = _read(path)
    assert isinstance(doc, Document)
    assert "Сергей Лавров провел переговоры" in doc.raw_text and doc.title == "Переговоры"
