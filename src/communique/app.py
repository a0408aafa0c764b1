"""The web app and REST API (FastAPI): JSON under /api, server-rendered pages, OpenAPI docs at /docs.

This module assembles the app from `communique.api` (the JSON routes) and `communique.web` (the pages),
which share only `communique.serving` (settings, the request guard, error answers, request helpers).

    app = create_app(Settings.from_env(db="communique.db"))   # then: uvicorn.run(app, ...)

Everything is served by the app itself (no CDN): the pages' CSS and JS, and swagger-ui for /docs
(from the swagger-ui-bundle package). Reads are open to this machine only unless `public`; writes need
the bearer token.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from swagger_ui_bundle import swagger_ui_path

from communique import __version__
from communique.api import examples as api_examples
from communique.api import router as api_router
from communique.api import workbench_router
from communique.serving.errors import install_error_handlers
from communique.serving.guard import Guard
from communique.serving.search import warm as warm_search
from communique.serving.settings import Settings
from communique.store import open_store
from communique.web import render_error, workbench_routers
from communique.web import router as web_router

STATIC = Path(__file__).resolve().parent / "web" / "static"

DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Communiqué API</title>
<link rel="stylesheet" href="/static/swagger/swagger-ui.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"></head>
<body><div id="swagger-ui"></div>
<script src="/static/swagger/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script></body></html>
"""


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """The app on the store of `settings.db` (opened, and migrated, now), or on `engine` when given."""
    settings = settings or Settings.from_env()
    store = engine if engine is not None else open_store(settings.db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        warm_search()
        # What is loaded by now (modules, routes, the knowledge base's names) lives as long as the server: out
        # of the collector's sight, a full collection no longer walks it in the middle of a request (~60 ms
        # at a time on the busiest dashboard of a 1M-event store before a search, ~180 ms after one)
        gc.collect()
        gc.freeze()
        yield
        gc.unfreeze()
        if engine is None:  # ours: close it; a caller's engine is the caller's to close
            store.dispose()

    app = FastAPI(title="Communiqué", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Diplomatic events (PLOVER) extracted from multilingual news, with their evidence.")
    app.state.engine, app.state.settings = store, settings
    install_error_handlers(app, render_error)
    app.add_middleware(Guard, settings=settings)
    app.mount("/static/swagger", StaticFiles(directory=_swagger_dir()), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api_router)
    app.include_router(workbench_router)
    app.include_router(web_router)
    for router in workbench_routers:
        app.include_router(router)
    api_examples.install(app)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    return app


def _swagger_dir() -> Path:
    return Path(str(swagger_ui_path))


__all__ = ["Settings", "create_app"]
