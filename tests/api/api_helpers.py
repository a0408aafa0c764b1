"""Helpers shared by the API tests (a plain module: test folders cannot import each other's conftest)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from communique.api import Settings, create_app

LOCAL = ("127.0.0.1", 50000)
TOKEN = "test-token-7f3a"


def client_for(db: Path, client: tuple[str, int] = LOCAL, raise_server_exceptions: bool = True,
               **settings: Any) -> TestClient:
    """A TestClient on the app over `db`, connecting from `client` (by default this machine)."""
    return TestClient(create_app(Settings(db=str(db), **settings)), client=client, base_url="http://localhost",
                      raise_server_exceptions=raise_server_exceptions)
