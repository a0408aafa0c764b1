"""What the server shows of itself: never its file system, and where a merged actor now lives."""

from __future__ import annotations

import ntpath
import posixpath
from urllib.parse import quote

from fastapi import Request


def public_source(source: str | None) -> str | None:
    """A document's source without the server's folders: '/srv/in/a.jsonl:12' -> 'a.jsonl:12'.

    The file name (and JSONL line) is what a reader needs to tell sources apart; the absolute path tells
    an outsider how the server's disk is laid out."""
    if not source:
        return source
    return ntpath.basename(posixpath.basename(source)) or source


def moved_actor_url(request: Request, prefix: str, new_id: str) -> str:
    """The address of the surviving actor under `prefix` ("/actors/", "/api/actors/"), the query kept."""
    query = request.url.query
    return prefix + quote(new_id, safe=":") + (f"?{query}" if query else "")
