"""Polite, bounded HTTP GETs for feeds, pages and robots.txt (aiohttp).

``Fetcher.get(url, etag=..., last_modified=...)`` returns a ``FetchResult``
and never raises: the status, the body, the final URL, a permanent redirect
(so the caller can update a stored feed URL) or the failure: a ``Rejection``
whose ``Reason`` decides whether to retry, and a detail in words. What it
guards against:

- size: the body is streamed and abandoned past ``max_bytes``; compressed
  bodies are decompressed here (not by aiohttp) with the limit applied to the
  DECOMPRESSED size, so a gzip bomb stops at the limit;
- time: connect, read (per socket read) and total timeouts;
- hosts: at most ``per_host`` requests in flight per host (default one), each
  starting at least ``delay`` seconds after the previous one started and after
  its response headers arrived, so the host sees requests at least ``delay``
  apart (a 429/503 ``Retry-After`` or a robots.txt Crawl-delay pushes further);
- SSRF: URLs and redirect targets whose address is loopback, private,
  link-local, multicast or reserved are refused (checked on the literal and at
  connection time in the resolver, so DNS rebinding is caught), unless
  ``allow_private=True`` (tests, local feeds) or the host is in
  ``allow_hosts`` (an intranet feed the operator trusts);
- transient failures (``FetchResult.transient``: the network, a 429 or a
  5xx; another 4xx is final): retried with exponential backoff and jitter; a
  ``Retry-After`` longer than ``max_retry_wait`` is returned to the caller.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import random
import socket
import time
import zlib
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver
from aiohttp.resolver import DefaultResolver

from streams.reasons import Reason
from streams.records import Rejection

USER_AGENT = "Kabar/0.1 (+https://github.com/kabar-news/kabar)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_STATUSES = frozenset({301, 308})
TRANSIENT_STATUSES = frozenset({429, 500, 502, 503, 504})
#: failures worth another try: the network, not the answer (an HTTP error is retried by its status)
TRANSIENT_FAILURES = frozenset({Reason.FETCH_TIMEOUT, Reason.CONNECT_FAILED, Reason.REQUEST_FAILED})
#: a Retry-After beyond a day is read as a day
MAX_RETRY_AFTER = 86400.0


@dataclass
class FetchResult:
    """The outcome of one GET; ``failure`` is None when a 2xx or 304 response was read."""

    url: str
    final_url: str
    status: int | None = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    #: the last URL of a chain of 301/308 redirects (None when any hop was temporary)
    permanent_redirect: str | None = None
    failure: Rejection | None = None
    #: seconds the server asked us to wait (429/503 Retry-After)
    retry_after: float | None = None
    attempts: int = 1

    @property
    def ok(self) -> bool:
        return self.failure is None and self.status is not None and 200 <= self.status < 300

    @property
    def transient(self) -> bool:
        """A failure another try may not meet (a timeout, a dropped connection, a 429 or a 5xx)."""
        return (self.failure is not None and self.failure.reason in TRANSIENT_FAILURES) or self.status in TRANSIENT_STATUSES

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _TooLarge(Exception):
    pass


class RefusedAddress(OSError):
    """A host resolved only to addresses the fetcher does not connect to (see ``GuardedResolver``)."""


def address_refusal(host: str) -> Rejection | None:
    """Why a connection to this IP address is refused (None: a public address is fine)."""
    try:
        ip = ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified:
        return Rejection(Reason.FETCH_REFUSED, f"{host} is a loopback/private/link-local/reserved address")
    return None


def url_refusal(url: str, *, allow_private: bool, allow_hosts: frozenset[str] = frozenset()) -> Rejection | None:
    """Why ``url`` is not fetched before any network use (scheme, literal private IP)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return Rejection(Reason.BAD_URL, f"scheme {parts.scheme or '(none)'!r} is not http(s)")
    if not parts.hostname:
        return Rejection(Reason.BAD_URL, f"no host in {url[:200]!r}")
    return None if allow_private or parts.hostname in allow_hosts else address_refusal(parts.hostname)


class GuardedResolver(AbstractResolver):
    """A resolver that drops private addresses, so a public name that resolves
    (or re-resolves) to 127.0.0.1 or 169.254.169.254 is never connected to."""

    def __init__(self, allow_hosts: frozenset[str] = frozenset()) -> None:
        self._inner = DefaultResolver()
        self.allow_hosts = allow_hosts

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET):
        infos = await self._inner.resolve(host, port, family)
        if host in self.allow_hosts:
            return infos
        allowed = [info for info in infos if address_refusal(info["host"]) is None]
        if not allowed:
            raise RefusedAddress(f"{host} resolves to a loopback/private/link-local address")
        return allowed

    async def close(self) -> None:
        await self._inner.close()


class HostGate:
    """Per-host concurrency and politeness: requests to one host are spaced
    ``delay`` seconds apart, at most ``per_host`` at a time."""

    def __init__(self, per_host: int = 1, delay: float = 1.0) -> None:
        self.per_host = per_host
        self.delay = delay
        self._semaphores: dict[str, asyncio.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        """A host-specific delay (robots.txt Crawl-delay), never below the default."""
        self._host_delay[host] = max(self.delay, seconds)

    def defer(self, host: str, seconds: float) -> None:
        """No request to ``host`` for ``seconds`` (after a 429/503)."""
        until = time.monotonic() + seconds
        self._next_start[host] = max(self._next_start.get(host, 0.0), until)

    @contextlib.asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        semaphore = self._semaphores.setdefault(host, asyncio.Semaphore(self.per_host))
        async with semaphore:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, 0.0))
            self._next_start[host] = start + self._host_delay.get(host, self.delay)
            if start > now:
                await asyncio.sleep(start - now)
            self.mark(host)  # a busy event loop wakes us late: space the next start from the real one
            yield

    def mark(self, host: str) -> None:
        """The host has just seen a request of ours: the next one waits a full delay from now."""
        until = time.monotonic() + self._host_delay.get(host, self.delay)
        self._next_start[host] = max(self._next_start.get(host, 0.0), until)


class Fetcher:
    """One aiohttp session with the limits above; use as ``async with Fetcher() as f``."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        allow_hosts: Iterable[str] = (),
        max_bytes: int = 5_000_000,
        connect_timeout: float = 10.0,
        read_timeout: float = 20.0,
        total_timeout: float = 60.0,
        per_host: int = 1,
        delay: float = 1.0,
        max_connections: int = 100,
        max_redirects: int = 5,
        retries: int = 2,
        backoff: float = 1.0,
        max_retry_wait: float = 30.0,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.allow_private = allow_private
        self.allow_hosts = frozenset(h.lower() for h in allow_hosts)
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.retries = retries
        self.backoff = backoff
        self.max_retry_wait = max_retry_wait
        self.user_agent = user_agent
        self.gate = HostGate(per_host=per_host, delay=delay)
        self._timeout = aiohttp.ClientTimeout(total=total_timeout, sock_connect=connect_timeout, sock_read=read_timeout)
        self._max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Fetcher:
        connector = aiohttp.TCPConnector(
            limit=self._max_connections,
            resolver=DefaultResolver() if self.allow_private else GuardedResolver(self.allow_hosts),
            ttl_dns_cache=300,
        )
        self._session = aiohttp.ClientSession(
            connector=connector, timeout=self._timeout, auto_decompress=False, trust_env=False
        )
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None, accept: str | None = None
    ) -> FetchResult:
        """GET ``url`` (conditional when validators are given), retrying transient failures."""
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"}
        if accept:
            headers["Accept"] = accept
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            attempt += 1
            result = await self._follow(url, headers)
            result.attempts = attempt
            if not result.transient or attempt > self.retries:
                return result
            wait = result.retry_after
            if wait is None:
                wait = self.backoff * (2 ** (attempt - 1)) * random.uniform(0.5, 1.5)
            if wait > self.max_retry_wait:
                return result
            await asyncio.sleep(wait)

    async def _follow(self, url: str, headers: dict[str, str]) -> FetchResult:
        if self._session is None:
            raise RuntimeError("use Fetcher as an async context manager")
        current, permanent, visited = url, True, {url}
        for _hop in range(self.max_redirects + 1):
            refusal = url_refusal(current, allow_private=self.allow_private, allow_hosts=self.allow_hosts)
            if refusal:
                return FetchResult(url, current, failure=refusal)
            host = urlsplit(current).hostname or ""
            try:
                async with self.gate.slot(host):
                    async with self._session.get(current, headers=headers, allow_redirects=False) as resp:
                        self.gate.mark(host)
                        location = resp.headers.get("Location")
                        if resp.status in REDIRECT_STATUSES and location:
                            target = urljoin(current, location)
                            permanent = permanent and resp.status in PERMANENT_STATUSES
                            if target in visited:
                                return FetchResult(url, current, status=resp.status,
                                                   failure=Rejection(Reason.BAD_REDIRECT, f"redirect loop at {target[:200]}"))
                            visited.add(target)
                            current = target
                            continue
                        result = FetchResult(
                            url,
                            current,
                            status=resp.status,
                            headers={k.lower(): v for k, v in resp.headers.items()},
                            permanent_redirect=current if permanent and current != url else None,
                        )
                        if resp.status != 304:
                            result.body = await self._read_body(resp)
                        if resp.status in (429, 503):
                            result.retry_after = parse_retry_after(resp.headers.get("Retry-After"))
                            if result.retry_after:
                                self.gate.defer(host, result.retry_after)
                        if not (200 <= resp.status < 300 or resp.status == 304):
                            result.failure = _http_error(resp)
                        return result
            except (_TooLarge, zlib.error, _UnsupportedEncoding, asyncio.TimeoutError, aiohttp.ClientError, OSError, ValueError) as exc:
                return FetchResult(url, current, failure=self._failure(exc))
        return FetchResult(url, current, failure=Rejection(Reason.BAD_REDIRECT, f"more than {self.max_redirects} redirects"))

    async def post_form(self, url: str, data: dict[str, str]) -> FetchResult:
        """POST a form (a WebSub subscription request) with the same guards; redirects are not followed."""
        if self._session is None:
            raise RuntimeError("use Fetcher as an async context manager")
        refusal = url_refusal(url, allow_private=self.allow_private, allow_hosts=self.allow_hosts)
        if refusal:
            return FetchResult(url, url, failure=refusal)
        host = urlsplit(url).hostname or ""
        try:
            async with self.gate.slot(host):
                async with self._session.post(url, data=data, headers={"User-Agent": self.user_agent}, allow_redirects=False) as resp:
                    result = FetchResult(url, url, status=resp.status, headers={k.lower(): v for k, v in resp.headers.items()})
                    result.body = await self._read_body(resp)
                    if not 200 <= resp.status < 300:
                        result.failure = _http_error(resp)
                    return result
        except (_TooLarge, zlib.error, _UnsupportedEncoding, asyncio.TimeoutError, aiohttp.ClientError, OSError, ValueError) as exc:
            return FetchResult(url, url, failure=self._failure(exc))

    def _failure(self, exc: BaseException) -> Rejection:
        """Why a request failed (its reason tells ``get`` whether to retry)."""
        if isinstance(exc, _TooLarge):
            return Rejection(Reason.TOO_LARGE, f"body over {self.max_bytes} bytes")
        if isinstance(exc, (zlib.error, _UnsupportedEncoding)):
            return Rejection(Reason.BAD_ENCODING, str(exc))
        if isinstance(exc, asyncio.TimeoutError):
            return Rejection(Reason.FETCH_TIMEOUT)
        if isinstance(exc, aiohttp.ClientConnectorError):
            if isinstance(exc.os_error, RefusedAddress):
                return Rejection(Reason.FETCH_REFUSED, str(exc.os_error))
            return Rejection(Reason.CONNECT_FAILED, str(exc)[:300])
        return Rejection(Reason.REQUEST_FAILED, f"{type(exc).__name__}: {exc}"[:300])

    async def _read_body(self, resp: aiohttp.ClientResponse) -> bytes:
        decoder = _decoder(resp.headers.get("Content-Encoding", ""))
        length = resp.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise _TooLarge()
        out = bytearray()
        raw = 0
        async for chunk in resp.content.iter_chunked(65536):
            raw += len(chunk)
            if raw > self.max_bytes:
                raise _TooLarge()
            out += decoder.feed(chunk, self.max_bytes - len(out) + 1)
            if len(out) > self.max_bytes:
                raise _TooLarge()
        out += decoder.finish()
        if len(out) > self.max_bytes:
            raise _TooLarge()
        return bytes(out)


def _http_error(resp: aiohttp.ClientResponse) -> Rejection:
    """The failure of a response whose status is not one a caller can use."""
    return Rejection(Reason.HTTP_ERROR, f"HTTP {resp.status} {resp.reason or ''}".strip())


class _UnsupportedEncoding(Exception):
    pass


class _Identity:
    def feed(self, chunk: bytes, limit: int) -> bytes:
        return chunk

    def finish(self) -> bytes:
        return b""


class _Inflate:
    """gzip/deflate decompression that never produces more than ``limit`` bytes per call."""

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._obj: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzip else None

    def feed(self, chunk: bytes, limit: int) -> bytes:
        if self._obj is None:  # deflate: zlib-wrapped (RFC 1950) or, from some servers, raw
            zlib_header = len(chunk) >= 2 and chunk[0] & 0x0F == 8 and (chunk[0] * 256 + chunk[1]) % 31 == 0
            self._obj = zlib.decompressobj(zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS)
        return self._obj.decompress(chunk, max(1, limit))

    def finish(self) -> bytes:
        return self._obj.flush() if self._obj is not None else b""


def _decoder(content_encoding: str) -> _Identity | _Inflate:
    encoding = content_encoding.strip().lower()
    if encoding in ("", "identity"):
        return _Identity()
    if encoding in ("gzip", "x-gzip"):
        return _Inflate(gzip=True)
    if encoding == "deflate":
        return _Inflate(gzip=False)
    raise _UnsupportedEncoding(f"unsupported Content-Encoding {encoding!r}")


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return min(max(0.0, when.timestamp() - time.time()), MAX_RETRY_AFTER)
