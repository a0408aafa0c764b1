"""Coverage-guided fuzzing of the readers: bytes -> read_bytes (JSONL/HTML/text sniffing), decode_bytes (with a
declared charset), the HTML extractor and the JSONL line reader. Any exception other than the documented
UndecodableError is a bug (atheris reports it with the input that caused it).

    pip install -e '.[fuzz]'
    python fuzz/fuzz_readers.py -max_total_time=60                 # random start
    python fuzz/fuzz_readers.py -max_total_time=60 /tmp/fuzz-corpus tests/data/bad   # grows /tmp/fuzz-corpus
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["communique"]):
    from communique.document import Document
    from communique.errors import InputError, printable
    from communique.read import decode_bytes, read_bytes
    from communique.read.decode import UndecodableError
    from communique.read.html import extract_page, looks_like_html, visible_text
    from communique.read.readers import read_jsonl

CHARSETS = ["utf-8", "cp1251", "koi8-r", "latin-1", "shift_jis", "utf-16", "no-such-codec", "", "utf-7", "idna"]


def check_document(item: Document | InputError) -> None:
    """What every reader output must satisfy: an InputError, or a document whose text has no NUL or lone surrogate."""
    if isinstance(item, InputError):
        assert str(item).startswith(printable(item.source))
        return
    assert "\x00" not in item.raw_text, "NUL in a document"
    assert not any("\ud800" <= c <= "\udfff" for c in item.raw_text), "lone surrogate in a document"
    item.raw_text.encode("utf-8")  # storable and printable


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    target = fdp.ConsumeIntInRange(0, 3)
    if target == 0:
        for item in read_bytes(fdp.ConsumeBytes(fdp.remaining_bytes()), "fuzz", "<fuzz>"):
            check_document(item)
    elif target == 1:
        declared = CHARSETS[fdp.ConsumeIntInRange(0, len(CHARSETS) - 1)] or None
        try:
            decoded = decode_bytes(fdp.ConsumeBytes(fdp.remaining_bytes()), declared)
        except UndecodableError:
            return
        assert "\x00" not in decoded.text
    elif target == 2:
        html = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
        looks_like_html(html)
        visible_text(html)
        if len(html) < 20000:  # trafilatura is slow: keep the executions per second up
            extract_page(html)
    else:
        lines = fdp.ConsumeBytes(fdp.remaining_bytes()).splitlines(keepends=True)
        for item in read_jsonl(lines, "fuzz.jsonl"):
            check_document(item)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
