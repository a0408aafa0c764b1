"""CLI behaviour on bad input: one clear line on stderr, the right exit code, the rest still processed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app

SEED = "001_def872bfea9ee96b.txt"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "seeds" / SEED


def _stderr_lines(result: object) -> list[str]:
    lines = [line for line in result.stderr.splitlines() if line.strip()]  # type: ignore[attr-defined]
    assert not any("Traceback" in line for line in lines), lines
    return lines


def test_missing_file_exits_2_and_other_files_are_processed(runner: CliRunner, tmp_path: Path, seed: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["show", str(missing), str(seed), "--text"])
    assert result.exit_code == 2
    assert _stderr_lines(result) == [f"communique: {missing}: no such file or directory"]
    assert result.stdout.startswith("21 февраля в Ханое")


def test_directory_with_nothing_readable_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    (line,) = _stderr_lines(result)
    assert line.startswith(f"communique: {tmp_path}: no readable files in directory")


def test_binary_and_empty_files_exit_1_good_file_still_printed(runner: CliRunner, tmp_path: Path, seed: Path) -> None:
    binary, empty = tmp_path / "image.txt", tmp_path / "empty.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    empty.write_text("\n  \nBack to top\n", encoding="utf-8")
    result = runner.invoke(app, ["show", str(binary), str(empty), str(seed), "--text"])
    assert result.exit_code == 1
    assert _stderr_lines(result) == [f"communique: {binary}: binary file (not text)",
                                     f"communique: {empty}: empty document"]
    assert result.stdout.startswith("21 февраля в Ханое")


def test_invalid_json_on_line_7_names_the_line(runner: CliRunner, tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"d{i}", "text": f"Dokument {i}: Die Minister trafen sich."}) for i in range(1, 7)]
    lines += ['{"id": "d7", "text": "kaputt', json.dumps({"id": "d8", "text": "Dokument 8 ist wieder gut."})]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["show", str(path), "--text"])
    assert result.exit_code == 1
    (line,) = _stderr_lines(result)
    assert line.startswith(f"communique: {path}:7: invalid JSON")
    assert result.stdout.splitlines() == [f"Dokument {i}: Die Minister trafen sich." for i in range(1, 7)] + [
        "Dokument 8 ist wieder gut."]


def test_jsonl_without_text_and_with_non_string_text(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a"}\n{"id": "b", "text": ["x"]}\n{"id": "c", "text": "Gut."}\n', encoding="utf-8")
    result = runner.invoke(app, ["show", str(path), "--text"])
    assert result.exit_code == 1
    assert _stderr_lines(result) == [f'communique: {path}:1: missing "text"',
                                     f'communique: {path}:2: "text" must be a string, got array']
    assert result.stdout == "Gut.\n"


@pytest.mark.parametrize("args", [["--format", "xml"], ["--doc-date", "21.02.2025"]])
def test_usage_errors_exit_2(runner: CliRunner, seed: Path, args: list[str]) -> None:
    result = runner.invoke(app, ["extract", str(seed), *args])
    assert result.exit_code == 2
    (line,) = _stderr_lines(result)
    assert line.startswith("communique: --")


def test_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "-", "--text"], input="Die Minister trafen sich in Berlin.\nBack to top\n")
    assert result.exit_code == 0
    assert result.stdout == "Die Minister trafen sich in Berlin.\n"


@pytest.mark.parametrize(
    ("seed_id", "lang", "sentences", "removed"),
    [
        ("000_df74262ac88120d2.txt", "ru", 11, ["photo caption", "repeated line", "image file name", "photo caption",
                                                "boilerplate", "boilerplate"]),
        ("001_def872bfea9ee96b.txt", "ru", 13, []),
        ("002_993853eb23dc90a7.txt", "de", 9, ["boilerplate", "boilerplate", "boilerplate"]),
        ("003_7efc037326ca0f56.txt", "id", 12, ["photo caption", "photo caption"]),
        ("004_30dcdbcc272dd1ad.txt", "fr", 8, ["photo credit"]),
    ],
)
def test_show_each_seed(runner: CliRunner, shared_dir: Path, seed_id: str, lang: str, sentences: int,
                        removed: list[str]) -> None:
    path = shared_dir / "corpus" / "seeds" / seed_id
    shown = runner.invoke(app, ["show", str(path), "--format", "json"])
    assert shown.exit_code == 0, shown.stderr
    rec = json.loads(shown.stdout)
    assert (rec["id"], rec["lang"], rec["sentences"]) == (seed_id, lang, sentences)
    assert [r["reason"] for r in rec["removed"]] == removed
    text = runner.invoke(app, ["show", str(path), "--text"]).stdout
    assert text == rec["text"] + "\n"
    for debris in ("Back to top", "рекомендуем", ".jpg", "Фото:", "[Anzeige_2]", "Quellenlink", "Kommentar (0)",
                   "(Foto: VNA) |", "(Foto: VOV) |", "Photo : VNA"):
        assert debris not in text
