"""The house rules of docs/architecture.md, checked on the import graph of `communique`.

The graph is built with `ast` from every module under src/communique: every import at any depth
(module top, inside functions, under `if TYPE_CHECKING`). It must have no cycle, and every import must
go down the layers (or stay inside one package); a few pairs of neighbours must not know each other.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "communique"

# Bottom to top: a module may import from its own area and from the layers below it, never above.
# An area is the first name under `communique` ("" is the package itself: its version).
LAYERS: list[set[str]] = [
    {"", "errors", "options", "document", "langdata", "lang", "records", "caching"},  # the kernel: knows no stage
    {"models"},  # the sentence encoder, NER backends, trained heads (behind small interfaces)
    {"clean", "read"},  # text in: readers, cleaning, language, sentences
    {"actors", "time"},  # stages
    {"events"},  # the last stage
    {"pipeline"},  # the orchestrator: stages in order, the per-document crash guard
    {"similarity"},  # article similarity (SemEval 1-4): pipeline signals + embeddings -> trained model
    {"merge"},  # merging reports into events (no storage)
    {"store"},  # the store; others use its public interface `communique.store`
    {"export", "scale", "watch", "serving"},  # users of the store; serving: what api and web share
    {"api", "web"},  # the JSON API and the pages, which do not know each other
    {"app"},  # the FastAPI app: api + web
    {"cli"},  # the command line; nothing imports it
]
# Neighbours on one layer that must not import each other (in either direction).
STRANGERS = [{"api", "web"}, {"actors", "time"}, {"export", "scale"}, {"export", "watch"}, {"scale", "watch"},
             {"serving", "export"}, {"serving", "scale"}, {"serving", "watch"}]
# Packages whose `__init__` is their public interface: other areas import only that, never a submodule.
FACADES = {"read", "store"}
# Areas where other work (languages as plug-ins, NER backends, event models) is in flight: their imports inside
# functions are not checked for a `# lazy: why` comment yet. Take an area out of this set once it complies.
LAZY_RULE_PENDING: set[str] = set()


@dataclass(frozen=True, slots=True)
class Import:
    source: str  # the importing module
    target: str  # the imported communique module
    line: int
    in_function: bool
    type_checking: bool


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def resolve(name: str) -> str:
    """The module a dotted name lives in (`communique.store.open_store` -> `communique.store`)."""
    while name not in MODULES and "." in name:
        name = name.rpartition(".")[0]
    return name


def area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imported_names(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:  # relative: from the module's package, one level up per extra dot
        package = module.split(".") if is_package else module.split(".")[:-1]
        base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
    return [f"{base}.{alias.name}" for alias in node.names] + [base]


def _scopes(tree: ast.AST) -> Iterator[tuple[ast.AST, bool, bool]]:
    """Every node with: inside a function?, under `if TYPE_CHECKING`?"""
    stack: list[tuple[ast.AST, bool, bool]] = [(tree, False, False)]
    while stack:
        node, in_function, type_checking = stack.pop()
        yield node, in_function, type_checking
        for child in ast.iter_child_nodes(node):
            guarded = type_checking or (isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
                                        and child in node.body)
            stack.append((child, in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef), guarded))


def imports_of(module: str) -> list[Import]:
    path = MODULES[module]
    source = path.read_text(encoding="utf-8")
    found = []
    for node, in_function, type_checking in _scopes(ast.parse(source)):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        targets = {resolve(n) for n in _imported_names(node, module, path.name == "__init__.py")
                   if n == "communique" or n.startswith("communique.")}
        # `from communique.store import x` names the package: a submodule only when `x` is one
        targets = {t for t in targets if t in MODULES}
        if isinstance(node, ast.ImportFrom) and len(targets) > 1:
            targets.discard(resolve(node.module or ""))
        for target in sorted(targets - {module}):
            found.append(Import(module, target, node.lineno, in_function, type_checking))
    return found


GRAPH = {module: imports_of(module) for module in MODULES}


def rank(module: str) -> int:
    name = area(module)
    for i, layer in enumerate(LAYERS):
        if name in layer:
            return i
    raise AssertionError(f"{module}: area {name!r} is on no layer of tests/test_architecture.py (add it there and "
                         "to docs/architecture.md)")


def test_every_area_has_a_layer() -> None:
    for module in MODULES:
        rank(module)


def test_no_import_cycles() -> None:
    edges = {m: sorted({i.target for i in imps}) for m, imps in GRAPH.items()}
    cycles = _cycles(edges)
    assert cycles == [], "import cycles:\n" + "\n".join(" -> ".join(c + [c[0]]) for c in cycles)


def test_no_cycles_between_areas() -> None:
    edges: dict[str, set[str]] = {}
    for imps in GRAPH.values():
        for i in imps:
            if area(i.source) != area(i.target):
                edges.setdefault(area(i.source), set()).add(area(i.target))
    cycles = _cycles({a: sorted(t) for a, t in edges.items()})
    assert cycles == [], f"areas that import each other: {cycles}"


def test_imports_go_down_the_layers() -> None:
    wrong = [f"{i.source}:{i.line} imports {i.target}" for imps in GRAPH.values() for i in imps
             if area(i.source) != area(i.target) and rank(i.target) > rank(i.source)]
    assert wrong == []


def test_strangers_do_not_import_each_other() -> None:
    wrong = [f"{i.source}:{i.line} imports {i.target}" for imps in GRAPH.values() for i in imps
             if {area(i.source), area(i.target)} in STRANGERS]
    assert wrong == []


def test_nothing_imports_the_cli() -> None:
    wrong = [f"{i.source}:{i.line}" for imps in GRAPH.values() for i in imps
             if area(i.target) == "cli" and area(i.source) != "cli"]
    assert wrong == []


@pytest.mark.parametrize("facade", sorted(FACADES))
def test_other_areas_use_only_the_public_interface(facade: str) -> None:
    wrong = [f"{i.source}:{i.line} imports {i.target}" for imps in GRAPH.values() for i in imps
             if area(i.target) == facade and area(i.source) != facade and i.target != f"communique.{facade}"]
    assert wrong == []


def test_the_package_imports_no_fixtures_or_training_code() -> None:
    wrong = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
            wrong += [f"{module}:{node.lineno} {n}" for n in names if n.split(".")[0] in ("benchmarks", "tests",
                                                                                           "training")]
    assert wrong == []


def test_the_public_interface_lists_its_names() -> None:
    for facade in FACADES:
        tree = ast.parse(MODULES[f"communique.{facade}"].read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), facade
        exported = next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
                        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in n.targets))
        imported = {alias.asname or alias.name for n in tree.body if isinstance(n, ast.ImportFrom)
                    for alias in n.names if n.module != "__future__"}
        assert sorted(exported) == sorted(imported), facade


def test_lazy_imports_say_why() -> None:
    """An import inside a function is a measured start-up cost (or an optional dependency): it says so."""
    where: list[str] = []
    for module, path in MODULES.items():
        if area(module) in LAZY_RULE_PENDING:
            continue
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node, in_function, _ in _scopes(ast.parse(source)):
            if in_function and isinstance(node, ast.Import | ast.ImportFrom) and not _says_why(lines, node.lineno):
                where.append(f"{module}:{node.lineno}")
    assert where == [], "imports inside functions without a `# lazy: why` comment (or move them to the top)"


def _says_why(lines: list[str], lineno: int) -> bool:
    """A `# lazy: …` comment on the import's line, or above the block of imports it belongs to."""
    i = lineno - 1
    while i >= 0 and lines[i].strip().startswith(("from ", "import ")):
        if "# lazy" in lines[i]:
            return True
        i -= 1
    return i >= 0 and lines[i].strip().startswith("# lazy")


def _cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan), each sorted, in sorted order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, []):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(found)


def test_the_checker_sees_a_cycle_and_a_lazy_import() -> None:
    """The checks above can fail: a made-up graph with a cycle is caught, a function's import is seen."""
    assert _cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}) == [["a", "b", "c"]]
    assert not _says_why(["def f():", "    # noqa", "    import json"], 3)
    assert _says_why(["def f():", "    # lazy: 0.3 s", "    import a", "    import b"], 4)
    tree = ast.parse("def f():\n    import communique.store\n")
    assert [(type(n).__name__, f) for n, f, _ in _scopes(tree) if isinstance(n, ast.Import)] == [("Import", True)]
    assert resolve("communique.store.open_store") == "communique.store"
    assert rank("communique.cli.output") > rank("communique.store") > rank("communique.pipeline")
