"""One ASGI middleware for what every request must pass: who may connect, how big a body may be, and
the security headers of every response (a strict Content-Security-Policy: article text is untrusted).

Pure ASGI (no BaseHTTPMiddleware) so that a too-large body is refused before the app reads it.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from communique.api.settings import Settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# No inline script anywhere (article text cannot run); images may be data: URLs (swagger-ui's icons).
APP_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
           "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# swagger-ui sets style attributes from its bundle: allow inline styles there (never inline scripts).
DOCS_CSP = APP_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
DOCS_PATHS = ("/docs",)
BODY_METHODS = ("POST", "PUT", "PATCH")


def is_local_client(host: str | None) -> bool:
    """True for loopback addresses (127.0.0.0/8, ::1) and 'localhost'."""
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The host of a Host header, lower case, without its port ("[::1]:8000" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def allowed_host(header: str | None, settings: Settings) -> bool:
    """Loopback names always; the configured names; any name on a public server that lists none."""
    if header is None:  # HTTP/1.0 without Host: no name to rebind
        return True
    name = host_name(header)
    if is_local_client(name) or name.endswith(".localhost") or name in settings.hosts:
        return True
    return settings.public and not settings.hosts


def security_headers(path: str) -> list[tuple[bytes, bytes]]:
    csp = DOCS_CSP if path.startswith(DOCS_PATHS) else APP_CSP
    return [(b"content-security-policy", csp.encode()), (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


class Guard:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app, self.settings = app, settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = self._with_headers(scope.get("path", ""), send)
        client = scope.get("client")
        if not self.settings.public and not is_local_client(client[0] if client else None):
            await _refuse(send, 403, "this server answers only clients on this machine "
                          "(start it with --public or COMMUNIQUE_PUBLIC=1 to serve others)")
            return
        host = next((v.decode("latin-1") for k, v in scope.get("headers") or [] if k == b"host"), None)
        if not allowed_host(host, self.settings):
            await _refuse(send, 421, f"this server does not answer to the host name {host!r} (allowed: localhost, "
                          "loopback addresses, --host, and the names in COMMUNIQUE_HOSTS)")
            return
        if scope.get("method") in BODY_METHODS:
            body = await self._read_body(scope, receive)
            if body is None:
                await _refuse(send, 413, f"request body too large (the limit is {self.settings.max_body_bytes} bytes)")
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send)

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes | None:
        """The whole body, or None when it is (or announces it is) over the limit."""
        limit = self.settings.max_body_bytes
        for name, value in scope.get("headers") or []:
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                return None
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        return b"".join(chunks)

    @staticmethod
    def _with_headers(path: str, send: Send) -> Send:
        extra = security_headers(path)

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers") or []}
                message["headers"] = list(message.get("headers") or []) + [h for h in extra if h[0] not in names]
            await send(message)

        return wrapped


def _replay(body: bytes, original: Receive) -> Receive:
    """The buffered body once, then the client's own messages (a disconnect, when it comes)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return await original()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
