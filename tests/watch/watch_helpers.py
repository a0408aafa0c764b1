"""Helpers for the watcher's tests. A local web site: feeds, sitemaps, listing and article pages (good and
broken), robots.txt, and a webhook receiver. http.server in a thread on 127.0.0.1 (a free port); no test reaches the
internet. Every request is logged (method, path, status) so tests can assert on what was fetched.
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@dataclass
class Page:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None  # conditional GET supported when set
    location: str | None = None  # a redirect
    sleep: float = 0.0  # seconds before answering (a timeout)
    length: bool = True  # send Content-Length (False: the body is streamed until the connection closes)


@dataclass
class Request:
    method: str
    path: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)


class Site:
    """Routes and a request log; `hooks` holds the JSON bodies POSTed to /hook."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {"/robots.txt": Page(b"User-agent: *\nDisallow: /private/\n", "text/plain")}
        self.log: list[Request] = []
        self.hooks: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.port = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, page: Page) -> None:
        self.pages[path] = page

    def requests(self, method: str = "GET", skip_robots: bool = True) -> list[Request]:
        with self.lock:
            return [r for r in self.log if r.method == method and not (skip_robots and r.path == "/robots.txt")]

    def paths(self) -> list[str]:
        return [r.path for r in self.requests()]

    def clear(self) -> None:
        with self.lock:
            self.log.clear()
            self.hooks.clear()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: Any) -> None:  # quiet
            pass

        def _log(self, status: int) -> None:
            with site.lock:
                site.log.append(Request(self.command, self.path, status, dict(self.headers.items())))

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            page = site.pages.get(self.path.split("#")[0])
            if page is None:
                self._log(404)
                self._send(404, b"not found", "text/plain")
                return
            if page.sleep:
                self._log(0)
                time.sleep(page.sleep)
                return
            if page.location:
                code = page.status if 300 <= page.status < 400 else 302
                self._log(code)
                self.send_response(code)
                self.send_header("Location", page.location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if page.etag and self.headers.get("If-None-Match") == page.etag:
                self._log(304)
                self.send_response(304)
                self.send_header("ETag", page.etag)
                self.end_headers()
                return
            self._log(page.status)
            self._send(page.status, page.body, page.content_type, page.etag, page.length)

        def do_POST(self) -> None:  # noqa: N802
            size = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(size)
            with site.lock:
                site.hooks.append(json.loads(body))
            self._log(200)
            self._send(200, b"ok", "text/plain")

        def _send(self, status: int, body: bytes, content_type: str, etag: str | None = None,
                  length: bool = True) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                if etag:
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", formatdate(0, usegmt=True))
                if length:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (size limit): expected

    return Handler


# -- content ----------------------------------------------------------------------------------------


def article_html(title: str, paragraphs: list[str], published: str | None) -> bytes:
    """An article page as news sites make them: <title>, article:published_time, an <article> body."""
    meta = f'<meta property="article:published_time" content="{published}T08:00:00+00:00">' if published else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>{meta}</head>"
            f"<body><nav><a href=\"/\">Home</a></nav><article><h1>{html.escape(title)}</h1>{body}</article>"
            f"<footer>© News agency</footer></body></html>").encode()


@dataclass(frozen=True)
class Seed:
    name: str  # file name, e.g. 001_def872bfea9ee96b.txt
    lang: str
    doc_date: str
    title: str
    paragraphs: list[str]


def load_seeds() -> list[Seed]:
    gold = {}
    for line in (SHARED / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            gold[rec["doc"]] = rec
    seeds = []
    for path in sorted((SHARED / "corpus" / "seeds").glob("*.txt")):
        lines = [x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        rec = gold[path.name]
        seeds.append(Seed(path.name, rec["lang"], rec["doc_date"], lines[0][:200], lines))
    return seeds


def rss(items: list[tuple[str, str, str | None]], language: str | None = None) -> bytes:
    """An RSS 2.0 feed of (link, title, YYYY-MM-DD or None)."""
    entries = []
    for link, title, date in items:
        pub = f"<pubDate>{_rfc822(date)}</pubDate>" if date else ""
        entries.append(f"<item><title>{html.escape(title)}</title><link>{html.escape(link)}</link>{pub}</item>")
    lang = f"<language>{language}</language>" if language else ""
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test feed</title>'
            f"<link>http://example.org/</link>{lang}{''.join(entries)}</channel></rss>").encode()


def _rfc822(date: str) -> str:
    import datetime as dt

    day = dt.datetime.fromisoformat(date + "T09:00:00+00:00")
    return formatdate(day.timestamp(), usegmt=True)


def serve() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
