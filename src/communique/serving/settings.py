"""How the app is configured: the store, who may read, and the token that allows writes."""

from __future__ import annotations

import os
from dataclasses import dataclass

TOKEN_ENV = "COMMUNIQUE_TOKEN"
PUBLIC_ENV = "COMMUNIQUE_PUBLIC"
MAX_BODY_BYTES = 2 * 1024 * 1024  # per request body
MAX_DOCUMENTS = 1000  # per POST /api/documents


@dataclass(frozen=True, slots=True)
class Settings:
    db: str | None = None  # as `--db` (None: $COMMUNIQUE_DB, else ./communique.db)
    public: bool = False  # reads from any client (else only from this machine)
    token: str | None = None  # the bearer token for writes (None: writes refused)
    max_body_bytes: int = MAX_BODY_BYTES

    @classmethod
    def from_env(cls, db: str | None = None, public: bool | None = None, token: str | None = None) -> Settings:
        """Explicit values win; else COMMUNIQUE_PUBLIC=1 and COMMUNIQUE_TOKEN from the environment."""
        if public is None:
            public = os.environ.get(PUBLIC_ENV, "").strip().lower() in ("1", "true", "yes", "on")
        if token is None:
            token = os.environ.get(TOKEN_ENV) or None
        return cls(db=db, public=public, token=token.strip() if token and token.strip() else None)
