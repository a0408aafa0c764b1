"""Shared code names no language: no string literal in a language's script, no language code compared.

Language knowledge lives in `communique/lang/<code>/` (data and small modules); everything else asks
the registry (`communique.lang`). Read with `ast`, so comments and the text of docstrings (which
explain with examples) are not code; every other string literal is.
"""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

import communique

SRC = Path(communique.__file__).resolve().parent
LANG = SRC / "lang"
PRODUCT_NAME = "Communiqué"  # the product's own name is no language knowledge
# Literals outside lang/ with their reason (none left: script ranges, tags and endings are language data).
KNOWN_LITERALS: dict[str, int] = {}


def _script_letters(text: str) -> str:
    """The letters of `text` outside ASCII (Cyrillic, Vietnamese, CJK, umlauts, ...)."""
    return "".join(ch for ch in text.replace(PRODUCT_NAME, "") if ord(ch) > 127 and unicodedata.category(ch)[0] == "L")


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def script_literals(source: str) -> list[tuple[int, str]]:
    """(line, literal) of every string literal (docstrings aside) with letters of a non-ASCII script."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
            and _script_letters(node.value)]


def _names_a_language(node: ast.expr) -> bool:
    """A variable or attribute that holds a language code: lang, doc.lang, ctx.lang, doc_lang, ..."""
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    return "lang" in name.lower()


def _is_code_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return bool(node.elts) and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts)
    return False


def language_comparisons(source: str) -> list[tuple[int, str]]:
    """(line, code) of comparisons of a language variable with literals: `lang == "ru"`, `lang in ("zh", "ja")`."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_names_a_language(o) for o in operands) and any(_is_code_literal(o) for o in operands):
                out.append((node.lineno, ast.unparse(node)))
    return out


def _shared_modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if LANG not in p.parents)


def test_the_scanners_find_what_they_look_for() -> None:
    source = ('"""Docstring: Путин."""\nx = "Путин"\ny = "Präsident"\nz = "plain"\n'
              'if lang == "ru" or doc.lang in ("zh", "ja"):\n    pass\n')
    assert script_literals(source) == [(2, "Путин"), (3, "Präsident")]
    assert [line for line, _ in language_comparisons(source)] == [5, 5]
    assert script_literals('s = "Communiqué"\n') == []
    assert language_comparisons("if lang == languages.FALLBACK:\n    pass\n") == []


def test_no_literal_in_a_language_script_outside_lang() -> None:
    found = {str(p.relative_to(SRC)): script_literals(p.read_text(encoding="utf-8")) for p in _shared_modules()}
    unexpected = {path: hits for path, hits in found.items() if hits and len(hits) != KNOWN_LITERALS.get(path, 0)}
    assert unexpected == {}
    assert {path: len(hits) for path, hits in found.items() if hits} == KNOWN_LITERALS


def test_no_language_code_compared_outside_lang() -> None:
    found = {str(p.relative_to(SRC)): language_comparisons(p.read_text(encoding="utf-8")) for p in _shared_modules()}
    assert {path: hits for path, hits in found.items() if hits} == {}
