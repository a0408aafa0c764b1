"""Errors about input that the CLI reports as one clear line (never a traceback)."""

from __future__ import annotations

import unicodedata


def printable(name: str) -> str:
    """A file name or other user-given string made safe for a one-line message: control characters
    (newlines, terminal escape sequences, bidirectional overrides) are shown as escapes, so a name can
    neither forge a second message line nor drive the terminal."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() or c == " " else _escape(c) for c in name)


def _escape(char: str) -> str:
    code = ord(char)
    if char in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if unicodedata.category(char) == "Cs":  # a lone surrogate from a non-UTF-8 file name
        return f"\\udc{code & 0xFF:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


class InputError(Exception):
    """Bad input: names the file (and line) and the problem."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{printable(source)}:{line}" if line is not None else printable(source)
        super().__init__(f"{where}: {problem}")
