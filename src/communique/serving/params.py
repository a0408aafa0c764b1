"""Query parameters a route does not know are refused (400 naming them), never silently ignored:
`?date=notadate` or `?format=csv` on a route without such parameters would otherwise return
everything, as if the filter had been applied.

A route's known parameters are those its dependencies declare (FastAPI's dependant tree), plus the
names a page reads itself and lists with `reads_query(...)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from fastapi import HTTPException, Request
from fastapi.dependencies.models import Dependant

F = TypeVar("F", bound=Callable[..., Any])
EXTRA_ATTR = "__query_names__"
ALWAYS = frozenset({"_"})  # cache busters some clients add


def reads_query(*names: str) -> Callable[[F], F]:
    """Mark an endpoint that reads these query parameters from the request itself (not as arguments)."""

    def mark(endpoint: F) -> F:
        setattr(endpoint, EXTRA_ATTR, frozenset(names))
        return endpoint

    return mark


def declared_names(dependant: Dependant) -> set[str]:
    """Every query parameter (by alias) of a dependant and its sub-dependencies."""
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= declared_names(sub)
    return names


def unknown_names(given: Iterable[str], known: set[str]) -> list[str]:
    return sorted({name for name in given if name not in known and name not in ALWAYS})


def reject_unknown_query(request: Request) -> None:
    """A router dependency: 400 when the request has a query parameter its route does not take."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = declared_names(dependant) | set(getattr(getattr(route, "endpoint", None), EXTRA_ATTR, ()))
    unknown = unknown_names(request.query_params.keys(), known)
    if unknown:
        accepted = ", ".join(sorted(known)) or "none"
        raise HTTPException(400, f"unknown query parameter(s): {', '.join(unknown)} (this address takes: {accepted})")
