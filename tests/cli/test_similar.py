"""`communique similar`: two files, --pairs FILE.jsonl, --near ID; errors as one line with the file and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.store import document_source, list_documents, open_store

PAIRS = Path(__file__).resolve().parents[1] / "data" / "similarity" / "pairs.jsonl"
SAME, UNRELATED = "1591747382_1593268446", "1617840134_1613073176"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_pairs_file_gives_one_record_per_pair_and_names_a_bad_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    shutil.copy(PAIRS, path)
    with path.open("a", encoding="utf-8") as fh:
        fh.write('{"pair_id": "x", "text1": "only one text"}\n')
    result = runner.invoke(app, ["similar", "--pairs", str(path), "--format", "jsonl"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["pair_id"] for r in records] == [SAME, UNRELATED]
    by_id = {r["pair_id"]: r for r in records}
    assert by_id[SAME]["score"] < by_id[UNRELATED]["score"]
    assert set(by_id[SAME]["parts"]) == {"Geography", "Entities", "Time", "Narrative"}
    assert all(1.0 <= r["score"] <= 4.0 for r in records)
    assert f"{path}:3: needs text1 and text2" in result.stderr


def test_two_files_give_the_score_and_its_parts(runner: CliRunner, tmp_path: Path) -> None:
    row = json.loads(PAIRS.read_text(encoding="utf-8").splitlines()[0])
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(row["text1"], encoding="utf-8")
    b.write_text(row["text2"], encoding="utf-8")
    result = runner.invoke(app, ["similar", str(a), str(b), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rec = json.loads(result.stdout)
    assert rec["a"] == "a.txt" and rec["b"] == "b.txt"
    assert rec["score"] < 2.5 and rec["verdict"] in ("very similar (same story)", "somewhat similar")
    table = runner.invoke(app, ["similar", str(a), str(b), "--format", "table"])
    assert "score " in table.stdout and "narrative" in table.stdout


@pytest.mark.parametrize("args", [[], ["one-file-only.txt"], ["a", "b", "--pairs", "p.jsonl"]])
def test_wrong_arguments_exit_2(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, ["similar", *args])
    assert result.exit_code == 2


def test_unknown_article_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    result = runner.invoke(app, ["similar", "no-such-file.txt", str(PAIRS), "--db", str(db)])
    assert result.exit_code == 1
    assert "no-such-file.txt: neither a file nor a stored document id" in result.stderr


def test_near_lists_the_same_story_in_another_language_first(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "travel-en.txt").write_text(
        "Germany warns against summer travel\n\nGermany has extended its warning against international travel "
        "until 14 June, the foreign ministry in Berlin said.", encoding="utf-8")
    (folder / "travel-de.txt").write_text(
        "Deutschland warnt vor Sommerurlaub im Ausland\n\nDie Bundesregierung hat die weltweite Reisewarnung bis "
        "zum 14. Juni verlängert, teilte das Auswärtige Amt in Berlin mit.", encoding="utf-8")
    (folder / "football-en.txt").write_text(
        "Bayern win the cup\n\nBayern Munich beat Leipzig 3-1 in the cup final on Saturday evening.",
        encoding="utf-8")
    db = tmp_path / "store.db"
    assert runner.invoke(app, ["ingest", str(folder), "--db", str(db)]).exit_code == 0
    engine = open_store(str(db))
    ids = [item["id"] for item in list_documents(engine)["items"]]
    texts = {doc_id: source.raw_text for doc_id in ids if (source := document_source(engine, doc_id))}
    english, german = (next(i for i, t in texts.items() if t.startswith(head))
                       for head in ("Germany warns", "Deutschland warnt"))
    result = runner.invoke(app, ["similar", "--near", english, "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert [f["lang"] for f in found] == ["de", "en"]
    assert found[0]["id"] == german
    assert found[0]["score"] < found[1]["score"]
