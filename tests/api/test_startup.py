"""The app's startup, as a server runs it (the lifespan): the knowledge base's names are loaded before the first
request, and what is loaded by then is kept out of the garbage collector's full collections until shutdown."""

from __future__ import annotations

import gc
from pathlib import Path

from fastapi.testclient import TestClient

from communique.actors.gazetteer import gazetteer
from communique.app import Settings, create_app


def test_startup_loads_the_names_and_freezes_what_is_loaded(tmp_path: Path) -> None:
    app = create_app(Settings(db=f"sqlite:///{tmp_path / 'store.db'}"))
    gc.unfreeze()
    gazetteer.cache_clear()
    with TestClient(app, client=("127.0.0.1", 50000), base_url="http://localhost") as client:
        assert gc.get_freeze_count() > 10_000  # at least the modules and the gazetteers
        # every script's lookup language is loaded, not only the first one asked for
        assert gazetteer.cache_info().currsize >= 9
        loaded = gazetteer.cache_info().misses
        response = client.get("/api/search", params={"q": "Лавров"})
        assert response.status_code == 200
        assert gazetteer.cache_info().misses == loaded  # the search found its gazetteer loaded
    assert gc.get_freeze_count() == 0  # shutdown gives them back to the collector
