"""Watchlists in the web app: the watchlists.yaml of `communique watch` (COMMUNIQUE_WATCHLISTS), listed,
created, edited and removed (a form; the server's token is asked, as every write of the API needs it),
and per watchlist the alerts watch delivered and the events that match it now."""

from __future__ import annotations

import hmac
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from communique.serving.requests import EngineDep
from communique.watch.config import WatchConfigError, load_watchlists
from communique.watch.lists import (
    FIELDS,
    clean_entry,
    current_matches,
    delete_entry,
    read_entries,
    save_entry,
    sent_alerts,
)
from communique.web.pages import page

router = APIRouter(include_in_schema=False)
Name = Annotated[str, PathParam(pattern=r"^[\w.:-]+$", max_length=100)]
FORM_FIELDS = ("name", *FIELDS, "since")


def _file(request: Request) -> Path | None:
    path = request.app.state.settings.watchlists_path
    return Path(path) if path else None


def _form_values(entry: dict[str, Any]) -> dict[str, str]:
    """An entry as the form shows it (lists joined; pairs as VN,RU; VN,CN)."""
    values = {"name": str(entry.get("name") or ""), "since": str(entry.get("since") or "")}
    for name in FIELDS:
        raw = entry.get(name) or []
        items = raw if isinstance(raw, list) else [raw]
        if name == "pairs":
            values[name] = "; ".join(",".join(p) if isinstance(p, list) else str(p) for p in items)
        else:
            values[name] = ", ".join(str(v) for v in items)
    return values


def _context(request: Request, **extra: Any) -> dict[str, Any]:
    path = _file(request)
    return {"file": path, "editable": bool(request.app.state.settings.token), "fields": FORM_FIELDS, **extra}


@router.get("/watchlists", response_class=HTMLResponse)
def watchlists_page(request: Request, saved: str | None = None) -> HTMLResponse:
    path = _file(request)
    context = _context(request, title="Watchlists", saved=saved, form={}, entries=[])
    if path is None:
        return page("watchlists.html", **context)
    try:
        context["entries"] = [_form_values(e) for e in read_entries(path)]
    except WatchConfigError as error:
        context["error"] = str(error)
    return page("watchlists.html", **context)


@router.get("/watchlists/{name}", response_class=HTMLResponse)
def watchlist_page(request: Request, engine: EngineDep, name: Name, saved: str | None = None) -> HTMLResponse:
    path = _file(request)
    if path is None or not path.exists():
        return page("error.html", status=404, status_code=404, title="Error 404",
                    message="no watchlists file: start the server with COMMUNIQUE_WATCHLISTS=watchlists.yaml")
    try:
        lists = {w.name: w for w in load_watchlists(path)}
        entries = {str(e.get("name")): e for e in read_entries(path)}
    except WatchConfigError as error:
        return page("error.html", status=422, status_code=422, title="Error 422", message=str(error))
    if name not in lists:
        return page("error.html", status=404, status_code=404, title="Error 404", message=f"no watchlist {name!r}")
    return page("watchlist.html", **_context(request, title=f"Watchlist {name}", list_name=name, saved=saved,
                                               form=_form_values(entries[name]), alerts=sent_alerts(engine, name),
                                               matches=current_matches(engine, lists[name])))


@router.post("/watchlists", response_class=HTMLResponse)
async def create_watchlist(request: Request) -> Response:
    return await _submit(request, None)


@router.post("/watchlists/{name}", response_class=HTMLResponse)
async def edit_watchlist(request: Request, name: Name) -> Response:
    return await _submit(request, name)


async def _submit(request: Request, replacing: str | None) -> Response:
    """Save (or with action=delete, remove) from the form; the file changes only when watch could load it."""
    form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
    path = _file(request)
    token = request.app.state.settings.token
    problem = None
    if path is None:
        problem = "no watchlists file: start the server with COMMUNIQUE_WATCHLISTS=watchlists.yaml"
    elif not token:
        problem = "editing is disabled: start the server with COMMUNIQUE_TOKEN set to allow it"
    elif not hmac.compare_digest(form.get("token", "").strip().encode(), token.encode()):
        problem = "the token is not the server's COMMUNIQUE_TOKEN"
    status = 403 if problem and "token" in problem.lower() else 400
    if problem is None and path is not None:
        try:
            if form.get("action") == "delete" and replacing:
                delete_entry(path, replacing)
                return RedirectResponse(f"/watchlists?saved={quote(replacing)}", status_code=303)
            entry = clean_entry(form)
            save_entry(path, entry, replacing)
            return RedirectResponse(f"/watchlists/{quote(entry['name'])}?saved=1", status_code=303)
        except WatchConfigError as error:
            problem, status = str(error).replace(str(path), path.name), 400
    values = {k: form.get(k, "") for k in FORM_FIELDS}
    template = "watchlist.html" if replacing else "watchlists.html"
    extra: dict[str, Any] = {"list_name": replacing, "alerts": [], "matches": []} if replacing else {"entries": []}
    return page(template, status=status, **_context(request, title="Watchlists", error=problem, form=values,
                                                    saved=None, **extra))
