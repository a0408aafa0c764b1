"""The feed fetcher against a hostile local HTTP server: a body that drips for ever, a gzip bomb, endless
redirects, and every spelling of a private address (refused before any connection unless allowed)."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytest.importorskip("httpx")
from communique.watch.config import FetchSettings  # noqa: E402
from communique.watch.fetch import Fetcher, FetchError, check_url  # noqa: E402

LIMITS = FetchSettings(min_interval=0, timeout=0.5, max_bytes=100_000, max_redirects=5)
BOMB = gzip.compress(b"\x00" * 50_000_000, 9)  # ~50 KB on the wire, 50 MB once decompressed


class Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: list[str] = []

    def log_message(self, *_args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        Hostile.hits.append(self.path)
        if self.path == "/robots.txt":
            self._send(404, b"")
        elif self.path == "/drip":  # a byte every 0.2 s: never idle long enough for the read timeout
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass  # the client gave up: what we want
        elif self.path == "/bomb":
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(BOMB)))
            self.end_headers()
            with contextlib.suppress(OSError):  # the client gave up: what we want
                self.wfile.write(BOMB)
        elif self.path.startswith("/hop/"):
            n = int(self.path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/hop/{n + 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(200, b"<rss/>")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_body_that_drips_forever_is_cut_at_the_total_deadline(server: str) -> None:
    started = time.monotonic()
    with Fetcher(LIMITS, allow_private=True) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(f"{server}/drip")
    elapsed = time.monotonic() - started
    assert caught.value.problem in ("too slow (not complete after 1.5 s)", "timed out (after 0.5 s)")
    assert elapsed < 5, f"held for {elapsed:.1f} s (the drip lasts 200 s)"


def test_a_gzip_bomb_is_cut_at_the_size_limit(server: str) -> None:
    with Fetcher(LIMITS, allow_private=True) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(f"{server}/bomb")
    assert caught.value.problem == "page too large (more than 100,000 bytes; not read further)"
    assert caught.value.permanent


def test_endless_redirects_stop_at_the_limit(server: str) -> None:
    Hostile.hits.clear()
    with Fetcher(LIMITS, allow_private=True) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(f"{server}/hop/0")
    assert caught.value.problem == "too many redirects (more than 5)"
    assert [h for h in Hostile.hits if h.startswith("/hop/")] == [f"/hop/{n}" for n in range(6)]


@pytest.mark.parametrize("host", ["127.0.0.1", "127.1", "2130706433", "0x7f000001", "localhost", "[::1]",
                                  "[::ffff:127.0.0.1]", "0.0.0.0", "169.254.169.254", "10.0.0.1", "[fe80::1]"])
def test_every_spelling_of_a_private_address_is_refused_before_connecting(server: str, host: str) -> None:
    port = server.rsplit(":", 1)[1]
    Hostile.hits.clear()
    with Fetcher(LIMITS) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(f"http://{host}:{port}/feed.xml")
    assert caught.value.problem.startswith("refused: ") and caught.value.permanent, caught.value.problem
    assert Hostile.hits == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/",
                                 "javascript:alert(1)", "http:///nohost", "//example.org/x"])
def test_only_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchError) as caught:
        check_url(url, allow_private=False)
    assert caught.value.problem == "not an http(s) URL"


def test_private_addresses_are_fetched_when_explicitly_allowed(server: str) -> None:
    with Fetcher(LIMITS, allow_private=True) as fetcher:
        result = fetcher.get(f"{server}/feed.xml")
    assert (result.status, result.body) == (200, b"<rss/>")
