"""Server-rendered pages (Jinja2): the pair dashboard, events, one event with its evidence, actors, documents,
search. A FastAPI router, mounted with the JSON API by `communique.app.create_app`."""

from communique.web.pages import render_error, router
from communique.web.watchlists import router as watchlists_router
from communique.web.workbench import router as workbench_router

workbench_routers = (workbench_router, watchlists_router)  # the pulse, the map, the watchlists

__all__ = ["render_error", "router", "workbench_routers"]
