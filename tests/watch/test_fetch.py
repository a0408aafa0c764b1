"""Polite fetching against the local site: private addresses, robots.txt, conditional GET, limits, rate limit."""

from __future__ import annotations

import pytest
from watch_helpers import Page, Site

from communique.watch.config import FetchSettings
from communique.watch.fetch import USER_AGENT, Fetcher, FetchError, address_problem, check_url

FAST = FetchSettings(min_interval=0, timeout=1, max_bytes=10_000)


def test_loopback_is_refused_without_allow_private(site: Site) -> None:
    site.add("/feed.xml", Page(b"<rss/>"))
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/feed.xml"))
    assert caught.value.problem == "refused: 127.0.0.1 is a loopback address (use --allow-private for intranet sources)"
    assert caught.value.permanent
    assert site.requests(skip_robots=False) == []  # refused before any connection


def test_every_resolved_address_is_checked() -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.1.2.3"]  # one public, one private: refused

    with pytest.raises(FetchError, match=r"10\.1\.2\.3 is a private address"):
        check_url("http://news.example/x", allow_private=False, resolver=resolver)
    check_url("http://news.example/x", allow_private=False, resolver=lambda h, p: ["93.184.216.34"])


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("192.168.1.10", "private"), ("169.254.169.254", "link-local"),
    ("fe80::1", "link-local"), ("224.0.0.1", "multicast"), ("0.0.0.0", "unspecified"), ("::ffff:10.0.0.1", "private"),
])
def test_address_problems(address: str, kind: str) -> None:
    problem = address_problem(address)
    assert problem is not None and kind in problem


def test_public_address_is_fine() -> None:
    assert address_problem("93.184.216.34") is None
    assert address_problem("2606:2800:220:1:248:1893:25c8:1946") is None


def test_redirect_to_a_private_host_is_refused_at_the_hop(site: Site) -> None:
    """A public page redirecting to an intranet address: checked again after the redirect."""
    site.add("/go", Page(location=f"http://localhost:{site.port}/feed.xml"))
    site.add("/feed.xml", Page(b"<rss/>"))

    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34"] if host == "127.0.0.1" else ["127.0.0.1"]  # pretend the first host is public

    with Fetcher(FAST, resolver=resolver) as fetcher, pytest.raises(FetchError, match="loopback"):
        fetcher.get(site.url("/go"))
    assert site.paths() == ["/go"]


def test_conditional_get_and_user_agent(site: Site) -> None:
    site.add("/feed.xml", Page(b"<rss/>", "application/rss+xml", etag='"v1"'))
    with Fetcher(FAST, allow_private=True) as fetcher:
        first = fetcher.get(site.url("/feed.xml"))
        again = fetcher.get(site.url("/feed.xml"), first.etag, first.last_modified)
    assert (first.status, first.body, first.etag) == (200, b"<rss/>", '"v1"')
    assert again.not_modified and again.body == b""
    logged = site.requests()
    assert [r.status for r in logged] == [200, 304]
    assert logged[1].headers["If-None-Match"] == '"v1"'
    assert logged[1].headers["If-Modified-Since"] == first.last_modified
    assert logged[0].headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("Communique/0.1 (+https://github.com/")


def test_robots_txt_is_fetched_once_and_honoured(site: Site) -> None:
    site.add("/a.html", Page(b"<p>a</p>"))
    site.add("/private/b.html", Page(b"<p>b</p>"))
    with Fetcher(FAST, allow_private=True) as fetcher:
        fetcher.get(site.url("/a.html"))
        with pytest.raises(FetchError, match="disallowed by robots.txt"):
            fetcher.get(site.url("/private/b.html"))
        fetcher.get(site.url("/a.html"))
    assert [r.path for r in site.requests(skip_robots=False)] == ["/robots.txt", "/a.html", "/a.html"]


def test_missing_robots_txt_allows_everything(site: Site) -> None:
    del site.pages["/robots.txt"]
    site.add("/private/b.html", Page(b"<p>b</p>"))
    with Fetcher(FAST, allow_private=True) as fetcher:
        assert fetcher.get(site.url("/private/b.html")).body == b"<p>b</p>"


def test_size_limit_with_and_without_content_length(site: Site) -> None:
    site.add("/big", Page(b"x" * 20_000))
    site.add("/stream", Page(b"x" * 20_000, length=False))
    with Fetcher(FAST, allow_private=True) as fetcher:
        with pytest.raises(FetchError, match=r"page too large \(20,000 bytes; the limit is 10,000\)"):
            fetcher.get(site.url("/big"))
        with pytest.raises(FetchError, match="more than 10,000 bytes") as caught:
            fetcher.get(site.url("/stream"))
    assert caught.value.permanent


def test_timeout_is_a_passing_problem(site: Site) -> None:
    site.add("/slow", Page(sleep=2))
    with (Fetcher(FetchSettings(min_interval=0, timeout=0.5), allow_private=True) as fetcher,
          pytest.raises(FetchError, match=r"timed out \(after 0.5 s\)") as caught):
        fetcher.get(site.url("/slow"))
    assert not caught.value.permanent


def test_http_errors(site: Site) -> None:
    site.add("/down", Page(b"", status=503))
    with Fetcher(FAST, allow_private=True) as fetcher:
        with pytest.raises(FetchError) as gone:
            fetcher.get(site.url("/nothing-here"))
        with pytest.raises(FetchError) as down:
            fetcher.get(site.url("/down"))
    assert (gone.value.status, gone.value.permanent, gone.value.problem) == (404, True, "HTTP 404 Not Found")
    assert (down.value.status, down.value.permanent) == (503, False)


def test_rate_limit_per_host_waits_between_requests(site: Site) -> None:
    site.add("/a", Page(b"a"))
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        now[0] += seconds

    settings = FetchSettings(min_interval=1.0, timeout=1)
    with Fetcher(settings, allow_private=True, clock=lambda: now[0], sleep=sleep) as fetcher:
        fetcher.get(site.url("/a"))  # robots.txt, then /a one second later
        now[0] += 0.25
        fetcher.get(site.url("/a"))
        fetcher.get(site.url("/a"), min_interval=3.0)  # a source's own, slower pace
    assert slept == [1.0, 0.75, 3.0]
