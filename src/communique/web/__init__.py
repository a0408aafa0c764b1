"""Server-rendered pages (Jinja2): the pair dashboard, events, one event with its evidence, actors, documents,
search. A FastAPI router, mounted with the JSON API by `communique.app.create_app`."""

from communique.web.pages import render_error, router

__all__ = ["render_error", "router"]
