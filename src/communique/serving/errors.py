"""Errors as JSON bodies (`{"error": "…"}`) for the API, an HTML page for the web pages; never a traceback.

The HTML page is drawn by the function given to `install_error_handlers` (the web pages' error page),
so this module knows neither the API nor the pages."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique.store import CorrectionError, StoreError

log = logging.getLogger("communique.api")


HtmlErrorPage = Callable[[Request, int, str], Response]


def install_error_handlers(app: FastAPI, html_error_page: HtmlErrorPage) -> None:
    """JSON errors for the API and API clients; `html_error_page(request, status, message)` for browsers."""
    app.state.html_error_page = html_error_page
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StoreError, _store_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected_error)


def error_response(request: Request, status: int, message: str, details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    """JSON under /api (and for clients that ask for it), else the HTML error page."""
    wants_html = not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")
    if wants_html:
        html_error_page: HtmlErrorPage = request.app.state.html_error_page
        return html_error_page(request, status, message)
    body: dict[str, Any] = {"error": message}
    if details:
        body["details"] = details
    return JSONResponse(body, status_code=status, headers=headers)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    message = exc.detail if isinstance(exc.detail, str) else "error"
    return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    # Location and message only: the rejected input itself is not echoed back (it may be large or hostile).
    details = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in exc.errors()[:20]]
    if details and all(d["loc"][:1] in (["query"], ["path"]) for d in details):
        # A malformed address (?limit=0, ?offset=x) is a bad request, named: 400, like an unknown parameter.
        named = "; ".join(f"{d['loc'][-1]}: {d['msg']}" for d in details)
        return error_response(request, 400, f"invalid query parameter(s): {named}", details)
    return error_response(request, 422, "invalid request", details)


async def _store_error(request: Request, exc: StoreError) -> Response:
    message = str(exc)
    if isinstance(exc, CorrectionError) or exc.usage:
        return error_response(request, 400, message)
    if message.startswith("no "):  # "no event …", "no actor … in the store"
        return error_response(request, 404, message)
    log.warning("store error on %s: %s", request.url.path, message)
    return error_response(request, 503, "the database is unavailable; try again later")


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    log.error("unexpected error on %s", request.url.path, exc_info=exc)
    return error_response(request, 500, "internal server error")
