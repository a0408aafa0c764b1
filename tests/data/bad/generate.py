"""Generates the big and binary members of the bad-input corpus at test time (never committed).

    python tests/data/bad/generate.py OUT_DIR [--huge]     # or: from generate import generate_bad_corpus

The small, readable bad inputs (broken.jsonl, malformed.html, zero-width-bidi.txt, ...) are committed
beside this script; `generate_bad_corpus` copies them into OUT_DIR too, so one folder holds the
whole corpus. Everything is deterministic (fixed seeds), so a failure can be reproduced.
"""

from __future__ import annotations

import random
import shutil
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
HUGE_BYTES = 200 * 1024 * 1024  # over read.MAX_DOCUMENT_BYTES (50 MB)
LONG_LINE_BYTES = 10 * 1024 * 1024
NESTING = 10_000
GOOD_SENTENCE = "Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Moscow on 4 March 2025."


def committed_files() -> list[Path]:
    """The hand-written bad inputs stored in the repository."""
    return sorted(p for p in HERE.iterdir() if p.is_file() and p.suffix in (".txt", ".html", ".jsonl"))


def write_huge_sparse(path: Path, size: int = HUGE_BYTES) -> Path:
    """A file of `size` bytes that takes no disk space (a hole): the reader must refuse it by its size."""
    with path.open("wb") as fh:
        fh.write(b"The ministers met. ")
        fh.truncate(size)
    return path


def write_long_line(path: Path, size: int = LONG_LINE_BYTES) -> Path:
    """One line of `size` bytes (words, no newline), streamed to disk in chunks."""
    word = b"diplomacy "
    chunk = word * (65536 // len(word))
    with path.open("wb") as fh:
        fh.write(GOOD_SENTENCE.encode() + b" ")
        written = len(GOOD_SENTENCE) + 1
        while written < size:
            part = chunk[: size - written]
            fh.write(part)
            written += len(part)
    return path


def nested_html(depth: int = NESTING) -> str:
    """HTML with `depth` nested tags around one real sentence (recursion bombs in parsers)."""
    opening = "".join("<div><span>" if i % 2 else "<div>" for i in range(depth // 2))
    closing = "".join("</span></div>" if i % 2 else "</div>" for i in reversed(range(depth // 2)))
    head = "<!doctype html><html><head><title>Nested</title></head>"
    return f"{head}<body>{opening}<p>{GOOD_SENTENCE}</p>{closing}</body></html>"


def binary_payloads(seed: int = 7) -> dict[str, bytes]:
    """Data that is not text, under text-like names (a reader must not trust the extension)."""
    rng = random.Random(seed)
    noise = bytes(rng.randrange(256) for _ in range(32768))
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise[:4000]
    gz = zlib.compress(GOOD_SENTENCE.encode() * 500, 9)
    elf = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + noise[:3000]
    return {"random.txt": noise, "image.html": png, "compressed.txt": gz, "program.jsonl": elf,
            "nul-heavy.txt": GOOD_SENTENCE.encode() + bytes(4096)}


RU_SENTENCE = ("Министр иностранных дел России Сергей Лавров встретился в Москве с министром Китая Ван И "
               "4 марта 2025 года.")
DE_SENTENCE = "Der deutsche Außenminister traf am 4. März 2025 in Berlin seinen französischen Amtskollegen."


def damaged_encodings() -> dict[str, bytes]:
    """Text with one damaged byte, and Cyrillic UTF-16 without a BOM: each must be read as what it mostly is."""
    ru, de = RU_SENTENCE.encode(), DE_SENTENCE.encode()
    cut = ru.index("Лавров".encode()) + 1  # inside the two bytes of "Л": a truncated sequence
    return {"damaged-utf8-ru.txt": ru[:cut] + ru[cut + 1 :],
            "stray-ff-de.txt": de[:10] + b"\xff" + de[10:],
            "trailing-ff-ru.txt": ru + b"\xff",
            "utf16le-ru-nobom.txt": RU_SENTENCE.encode("utf-16-le"),
            "utf16be-ru-nobom.txt": RU_SENTENCE.encode("utf-16-be"),
            "utf32le-ru-nobom.txt": RU_SENTENCE.encode("utf-32-le"),
            "deep-nested.jsonl": ('{"a":' * 995 + "1" + "}" * 995 + "\n"
                                  + '{"id": "after-deep", "text": "' + GOOD_SENTENCE + '"}\n').encode()}


def generate_bad_corpus(out: Path, huge: bool = True) -> dict[str, Path]:
    """Writes the whole bad-input corpus into `out`; returns name -> path. `huge` adds the 200 MB sparse file."""
    out.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}
    for path in committed_files():
        made[path.name] = Path(shutil.copyfile(path, out / path.name))
    for name, data in binary_payloads().items():
        (out / name).write_bytes(data)
        made[name] = out / name
    made["nested.html"] = out / "nested.html"
    made["nested.html"].write_text(nested_html(), encoding="utf-8")
    made["long-line.txt"] = write_long_line(out / "long-line.txt")
    made["utf16-nobom.txt"] = out / "utf16-nobom.txt"
    made["utf16-nobom.txt"].write_bytes(GOOD_SENTENCE.encode("utf-16-le"))
    made["stray-nul.txt"] = out / "stray-nul.txt"
    made["stray-nul.txt"].write_bytes(GOOD_SENTENCE.encode().replace(b" met ", b" met\x00 "))
    for name, data in damaged_encodings().items():
        (out / name).write_bytes(data)
        made[name] = out / name
    if huge:
        made["huge.txt"] = write_huge_sparse(out / "huge.txt")
    return made


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-corpus")
    for name, path in sorted(generate_bad_corpus(target, huge="--huge" in sys.argv).items()):
        print(f"{path.stat().st_size:>11,}  {name}")
