"""How the app is configured: the store, who may read, and the token that allows writes."""

from __future__ import annotations

import os
from dataclasses import dataclass

TOKEN_ENV = "COMMUNIQUE_TOKEN"
PUBLIC_ENV = "COMMUNIQUE_PUBLIC"
WATCHLISTS_ENV = "COMMUNIQUE_WATCHLISTS"  # the watchlists.yaml the web app shows and edits
HOSTS_ENV = "COMMUNIQUE_HOSTS"  # comma-separated host names the server answers to, besides loopback ones
MAX_BODY_BYTES = 2 * 1024 * 1024  # per request body
MAX_DOCUMENTS = 1000  # per POST /api/documents


@dataclass(frozen=True, slots=True)
class Settings:
    db: str | None = None  # as `--db` (None: $COMMUNIQUE_DB, else ./communique.db)
    public: bool = False  # reads from any client (else only from this machine)
    token: str | None = None  # the bearer token for writes (None: writes refused)
    max_body_bytes: int = MAX_BODY_BYTES
    # Host names (Host header) answered besides localhost and loopback addresses. A page on another site
    # that rebinds its own name to 127.0.0.1 (DNS rebinding) sends its own name: it is refused. A public
    # server with no names listed answers any name (it cannot know them).
    hosts: tuple[str, ...] = ()
    watchlists: str | None = None  # the watchlists.yaml of `communique watch` (None: $COMMUNIQUE_WATCHLISTS)

    @property
    def watchlists_path(self) -> str | None:
        return self.watchlists or os.environ.get(WATCHLISTS_ENV) or None

    @classmethod
    def from_env(cls, db: str | None = None, public: bool | None = None, token: str | None = None,
                 bind_host: str | None = None) -> Settings:
        """Explicit values win; else COMMUNIQUE_PUBLIC=1, COMMUNIQUE_TOKEN and COMMUNIQUE_HOSTS from the
        environment. The address the server listens on (`--host`) is an allowed host name too."""
        if public is None:
            public = os.environ.get(PUBLIC_ENV, "").strip().lower() in ("1", "true", "yes", "on")
        if token is None:
            token = os.environ.get(TOKEN_ENV) or None
        hosts = [h.strip().lower() for h in os.environ.get(HOSTS_ENV, "").split(",") if h.strip()]
        if bind_host and bind_host not in ("0.0.0.0", "::", ""):
            hosts.append(bind_host.lower())
        return cls(db=db, public=public, token=token.strip() if token and token.strip() else None,
                   hosts=tuple(dict.fromkeys(hosts)))
