"""Polite HTTP fetching: robots.txt, a per-host rate limit, conditional GET, timeouts, size and redirect limits,
and refusal of private addresses (checked for every hop of a redirect chain).

Every failure is a `FetchError` with one clear line and whether trying again later can help (`permanent`),
so that the watcher can log it, back off, and carry on.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from communique.watch.config import FetchSettings

USER_AGENT = "Communique/0.1 (+https://github.com/communique-project/communique; news event monitor)"
ROBOTS_TTL = 3600.0  # seconds a host's robots.txt is trusted
ROBOTS_FAILURE_TTL = 300.0
MAX_CRAWL_DELAY = 60.0  # an unreachable robots.txt is not asked again for this long
# Answers after which asking again will not help (the page is gone, or we are not allowed).
_PERMANENT_STATUS = frozenset({400, 401, 403, 404, 405, 406, 410, 414, 451})


class FetchError(Exception):
    """A fetch that failed: `permanent` when retrying cannot help (404, refused address, robots, too large)."""

    def __init__(self, url: str, problem: str, permanent: bool = False, status: int | None = None) -> None:
        super().__init__(f"{url}: {problem}")
        self.url, self.problem, self.permanent, self.status = url, problem, permanent, status


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # the final URL, after redirects
    status: int  # 200 (or another 2xx) or 304 Not Modified (then body is empty)
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


Resolver = Callable[[str, int], list[str]]


def resolve_addresses(host: str, port: int) -> list[str]:
    """Every address the host resolves to (all of them are checked, not just the first)."""
    infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    return sorted({str(info[4][0]) for info in infos})


def address_problem(address: str) -> str | None:
    """Why an address may not be fetched from (private, loopback, …), or None when it is public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    # The most specific label first: 169.254.x.x is also "private", but "link-local" says more.
    for label, flag in (("a loopback", ip.is_loopback), ("a link-local", ip.is_link_local),
                        ("a multicast", ip.is_multicast), ("an unspecified", ip.is_unspecified),
                        ("a reserved", ip.is_reserved), ("a private", ip.is_private)):
        if flag:
            return f"{address} is {label} address"
    return None


def check_url(url: str, allow_private: bool, resolver: Resolver = resolve_addresses) -> None:
    """Refuse non-HTTP URLs and, unless allowed, hosts that resolve to any non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(url, "not an http(s) URL", permanent=True)
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(url, "invalid port", permanent=True) from None
    try:
        addresses = resolver(parts.hostname, port)
    except (OSError, UnicodeError) as error:
        raise FetchError(url, f"cannot resolve {parts.hostname} ({error})") from None
    for address in addresses:
        problem = address_problem(address)
        if problem:
            raise FetchError(url, f"refused: {problem} (use --allow-private for intranet sources)", permanent=True)


class Fetcher:
    """One HTTP client for a whole watch run: keeps robots.txt, rate-limit clocks and connections between cycles."""

    def __init__(self, settings: FetchSettings, allow_private: bool = False, user_agent: str = USER_AGENT,
                 resolver: Resolver = resolve_addresses, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings, self.allow_private, self.user_agent = settings, allow_private, user_agent
        self.resolver, self.clock, self.sleep = resolver, clock, sleep
        self.client = httpx.Client(timeout=settings.timeout, follow_redirects=False,
                                   headers={"User-Agent": user_agent})
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | FetchError]] = {}
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            min_interval: float | None = None) -> FetchResult:
        """GET with every politeness rule; 304 when the validators still hold. Raises FetchError."""
        return self._follow(url, etag, last_modified, min_interval, check_robots=True)

    # -- the redirect chain ---------------------------------------------------------------------------

    def _follow(self, url: str, etag: str | None, last_modified: str | None, min_interval: float | None,
                check_robots: bool) -> FetchResult:
        first = url
        for _hop in range(self.settings.max_redirects + 1):
            check_url(url, self.allow_private, self.resolver)
            if check_robots:
                self._require_robots_allow(url, min_interval)
            self._wait_for_host(url, min_interval)
            location, result = self._request(url, etag, last_modified)
            if result is not None:
                return result
            assert location is not None
            url = urljoin(url, location)
        raise FetchError(first, f"too many redirects (more than {self.settings.max_redirects})", permanent=True)

    def _request(self, url: str, etag: str | None,
                 last_modified: str | None) -> tuple[str | None, FetchResult | None]:
        """One request: (redirect location, None) or (None, result)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self.requests += 1
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.is_redirect and response.headers.get("location"):
                    return response.headers["location"], None
                if response.status_code == 304:
                    return None, FetchResult(url, 304, b"", etag, last_modified)
                if response.status_code >= 300:
                    raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip(),
                                     permanent=response.status_code in _PERMANENT_STATUS,
                                     status=response.status_code)
                body = self._read_capped(url, response)
                return None, FetchResult(url, response.status_code, body, response.headers.get("etag"),
                                         response.headers.get("last-modified"), response.headers.get("content-type"))
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out (after {self.settings.timeout:g} s)") from None
        except httpx.HTTPError as error:
            raise FetchError(url, f"network error ({type(error).__name__}: {error})") from None

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        """The body, streamed; reading stops at the size limit (then the page is refused), or at a total deadline
        (a server that drips bytes would otherwise hold us for ever)."""
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(url, f"page too large ({int(declared):,} bytes; the limit is {limit:,})", permanent=True)
        deadline = self.clock() + 3 * self.settings.timeout
        chunks: list[bytes] = []
        size = 0
        # Decompressed (a gzip bomb is cut too), and as received: with a chunk size, httpx would gather a
        # dripping body into one chunk before this loop (and its deadline check) ever ran.
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"page too large (more than {limit:,} bytes; not read further)", permanent=True)
            if self.clock() > deadline:
                raise FetchError(url, f"too slow (not complete after {3 * self.settings.timeout:g} s)")
            chunks.append(chunk)
        return b"".join(chunks)

    # -- politeness -----------------------------------------------------------------------------------

    def _wait_for_host(self, url: str, min_interval: float | None) -> None:
        host = (urlsplit(url).hostname or "").lower()
        interval = max(self.settings.min_interval if min_interval is None else min_interval,
                       self._crawl_delay(url))
        last = self._last_request.get(host)
        if last is not None:
            wait = last + interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = self.clock()

    def _crawl_delay(self, url: str) -> float:
        cached = self._robots.get(_origin(url))
        if cached is None or isinstance(cached[1], FetchError):
            return 0.0
        delay = cached[1].crawl_delay(self.user_agent)
        # A site asking for more than a minute between requests is honoured at one a minute.
        return min(float(delay), MAX_CRAWL_DELAY) if delay else 0.0

    def _require_robots_allow(self, url: str, min_interval: float | None) -> None:
        rules = self._robots_for(url, min_interval)
        if not rules.can_fetch(self.user_agent, url):
            raise FetchError(url, "disallowed by robots.txt", permanent=True)

    def _robots_for(self, url: str, min_interval: float | None) -> urllib.robotparser.RobotFileParser:
        origin = _origin(url)
        cached = self._robots.get(origin)
        now = self.clock()
        if cached is not None:
            at, rules = cached
            ttl = ROBOTS_FAILURE_TTL if isinstance(rules, FetchError) else ROBOTS_TTL
            if now - at < ttl:
                if isinstance(rules, FetchError):
                    raise rules
                return rules
        try:
            result: urllib.robotparser.RobotFileParser | FetchError = self._load_robots(origin, min_interval)
        except FetchError as error:
            result = FetchError(url, f"robots.txt unreachable, so not fetched ({error.problem})")
        self._robots[origin] = (now, result)
        if isinstance(result, FetchError):
            raise result
        return result

    def _load_robots(self, origin: str, min_interval: float | None) -> urllib.robotparser.RobotFileParser:
        """RFC 9309: 4xx means no rules (401/403: everything disallowed); 5xx or no answer: ask again later."""
        rules = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            result = self._follow(origin + "/robots.txt", None, None, min_interval, check_robots=False)
        except FetchError as error:
            if error.status in (401, 403):
                rules.parse(["User-agent: *", "Disallow: /"])
                return rules
            if error.status is not None and 400 <= error.status < 500:
                rules.parse([])
                return rules
            raise
        rules.parse(result.body.decode("utf-8", errors="replace").splitlines())
        return rules


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
