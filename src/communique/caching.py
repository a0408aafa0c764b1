"""What a run builds from the package's data and may keep on disk for the next run (a per-user cache).

Every command is a new process, and some of what it builds before the first document is read costs
seconds that no input changes: the knowledge base's names keyed for a language group (2-3 s each), and
very long regular expressions (spaCy's French tokenizer exceptions: ~5 s to compile; the time grammars,
the lexicons). They are built once, stored under the cache directory, and read back by later runs.

An entry is only ever read back for the very inputs it was built from: its key holds a fingerprint of
every file of the installed package (code and data, ~40 ms to hash), of the Python version, and of what
the caller adds (the user's KB files). Anything that goes wrong with the cache (no home directory, a
read-only disk, a truncated file, another process writing the same entry) costs only the time to build
the thing again: the cache never changes a result.

Where: `$COMMUNIQUE_CACHE_DIR`, else `$XDG_CACHE_HOME/communique`, else `~/.cache/communique`.
`COMMUNIQUE_CACHE=off` turns it off (to measure a cold start).
"""

from __future__ import annotations

import _sre  # the regex engine of CPython, which `re` compiles for (always loaded with `re`)
import contextlib
import hashlib
import importlib
import marshal
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

CACHE_DIR_VAR = "COMMUNIQUE_CACHE_DIR"
CACHE_SWITCH_VAR = "COMMUNIQUE_CACHE"
_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """The directory of the cache, or None when it is turned off."""
    if os.environ.get(CACHE_SWITCH_VAR, "on").lower() in ("off", "0", "no", "false"):
        return None
    explicit = os.environ.get(CACHE_DIR_VAR)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "communique"


@cache
def package_fingerprint() -> str:
    """A digest of every file of the installed package (its code and its data) and of the Python version:
    an entry built by another version of either is never read."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def files_fingerprint(paths: tuple[str, ...]) -> str:
    """A digest of user files and folders (their names and bytes; a missing one counts as missing)."""
    digest = hashlib.sha256()
    for name in paths:
        root = Path(name)
        digest.update(name.encode())
        found = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in found:
            digest.update(str(path).encode())
            with contextlib.suppress(OSError):
                digest.update(path.read_bytes())
    return digest.hexdigest()


# Entries of one kind kept at most (the least recently used go first): each change of the package makes new
# entries of the kinds that depend on it, and a cache must not grow without end. A run over many languages
# compiles a few hundred long patterns (tens of KB each), keys the KB for a dozen language groups (3 MB each)
# and the country names for each language read (under 100 KB each).
MAX_ENTRIES = {"regex": 2000, "gazetteer": 256}
# Kinds whose entries depend on nothing but their key (a regex program is the pattern's, whatever the package)
_SELF_CONTAINED = frozenset({"regex"})


def _entry_path(kind: str, key: str) -> Path | None:
    root = cache_dir()
    if root is None:
        return None
    scope = "" if kind in _SELF_CONTAINED else package_fingerprint()
    name = hashlib.sha256(f"{scope}\0{key}".encode()).hexdigest()[:32]
    return root / kind / f"{name}.marshal"


def load(kind: str, key: str) -> Any | None:
    """What `store(kind, key, value)` kept, or None (never stored, unreadable, turned off)."""
    path = _entry_path(kind, key)
    if path is None:
        return None
    try:
        value = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: the last to be pruned
    return value


def store(kind: str, key: str, value: Any) -> None:
    """Keep `value` (made of the types `marshal` writes: str, int, tuple, list, dict, None...) for later
    runs. Written to a temporary file and renamed, so a reader never sees half an entry."""
    path = _entry_path(kind, key)
    if path is None:
        return
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(marshal.dumps(value))
            os.replace(temporary, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        _prune(path.parent, MAX_ENTRIES.get(kind, 64))


def _prune(folder: Path, keep: int) -> None:
    with contextlib.suppress(OSError):
        entries = sorted(folder.glob("*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in entries[keep:]:
            stale.unlink()
        # what a process killed while writing left behind (a write takes well under a second)
        for part in folder.glob(".part-*"):
            if time.time() - part.stat().st_mtime > 3600:
                part.unlink()


# --------------------------------------------------------------------------------------------- regexes

# Below this length a pattern compiles in a few milliseconds: reading it from disk would save nothing.
LONG_PATTERN = 4000


def compile_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, with the compiled program of a long pattern kept on disk.

    Python compiles a pattern in pure Python (seconds for a pattern of a hundred thousand characters, and
    spaCy's French tokenizer has one of 1.4 million). The program it makes is a list of integers, which is
    stored and handed back to the regex engine (`_sre.compile`, as `re` itself does) by later runs. Any
    mismatch (another Python, an engine that refuses the program) falls back to `re.compile`.
    """
    flags = int(flags)
    if not isinstance(pattern, str) or len(pattern) < LONG_PATTERN or flags & re.DEBUG:
        return re.compile(pattern, flags)
    known = _compiled.get((pattern, flags))
    if known is None:
        known = _compiled[(pattern, flags)] = _compile_long(pattern, flags)
    return known


_compiled: dict[tuple[str, int], re.Pattern[str]] = {}  # this process's long patterns (spaCy compiles one twice)


def _compile_long(pattern: str, flags: int) -> re.Pattern[str]:
    key = f"{sys.version}\0{_engine_magic()}\0{flags}\0{pattern}"
    parts = load("regex", key)
    if parts is not None:
        with contextlib.suppress(Exception):  # a program this engine does not take: compile it anew
            return _from_program(pattern, parts)
    parts = _program(pattern, flags)
    if parts is None:
        return re.compile(pattern, flags)
    store("regex", key, parts)
    return _from_program(pattern, parts)


def _engine_magic() -> str:
    return f"{getattr(_sre, 'MAGIC', '?')}/{getattr(_sre, 'CODESIZE', '?')}"


def _program(pattern: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]] | None:
    """What `re._compiler.compile` hands to the engine, made the same way (None where `re` differs)."""
    try:
        # the modules `re` compiles with (internal: any change of theirs is caught below)
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
        parsed = parser.parse(pattern, flags)
        code = compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, groupindex,
                tuple(indexgroup))
    except Exception:  # another Python's `re` internals: no cache, a plain compile
        return None


def _from_program(pattern: str, parts: Any) -> re.Pattern[str]:
    final_flags, code, groups, groupindex, indexgroup = parts
    compiled: re.Pattern[str] = _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
    return compiled


@contextlib.contextmanager
def long_patterns_cached() -> Iterator[None]:
    """While third-party code loads (spaCy's tokenizer), `re.compile` keeps long patterns in the cache.

    Only the name `re.compile` is replaced, and only within the block: code that compiles its patterns
    at import time or from a saved model gets the same patterns, from the cache after the first run.
    """
    original = re.compile

    def compile_cached(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and len(pattern) >= LONG_PATTERN:
            return compile_regex(pattern, int(flags))
        return original(pattern, flags)

    re.compile = compile_cached
    try:
        yield
    finally:
        re.compile = original
