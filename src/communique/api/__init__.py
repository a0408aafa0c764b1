"""The JSON API under /api (FastAPI router) and its validated inputs (pydantic models).

The app that serves it, with the web pages, is assembled by `communique.app.create_app`.
"""

from communique.api.routes import router
from communique.api.workbench import router as workbench_router

__all__ = ["router", "workbench_router"]
