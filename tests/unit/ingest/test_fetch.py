"""The fetcher against a real local server: validators, retries, redirects, limits, timeouts, SSRF."""

from __future__ import annotations

import asyncio
import gzip
import time
import zlib

import pytest
from aiohttp import web

from streams.ingest.fetch import USER_AGENT, FetchResult, Fetcher, address_refusal, parse_retry_after
from streams.reasons import Reason
from streams.records import Rejection

FAST = {"retries": 0, "delay": 0.0, "allow_private": True}


def reason(result: FetchResult) -> Reason | None:
    return result.failure.reason if result.failure else None


async def test_etag_and_last_modified_give_304(serve):
    seen_headers = []

    async def feed(request):
        seen_headers.append(dict(request.headers))
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304)
        return web.Response(body=b"<rss/>", headers={"ETag": '"v1"', "Last-Modified": "Tue, 07 Jan 2025 09:00:00 GMT"})

    base = await serve({"/feed": feed})
    async with Fetcher(**FAST) as fetcher:
        first = await fetcher.get(base + "/feed")
        second = await fetcher.get(base + "/feed", etag=first.headers["etag"], last_modified=first.headers["last-modified"])
    assert first.ok and first.body == b"<rss/>"
    assert second.not_modified and second.body == b"" and not second.ok and second.failure is None
    assert seen_headers[1]["If-Modified-Since"] == "Tue, 07 Jan 2025 09:00:00 GMT"
    assert seen_headers[0]["User-Agent"] == USER_AGENT == "Kabar/0.1 (+https://github.com/kabar-news/kabar)"


async def test_429_retry_after_is_honoured(serve):
    times = []

    async def busy(request):
        times.append(time.monotonic())
        if len(times) == 1:
            return web.Response(status=429, headers={"Retry-After": "1"})
        return web.Response(body=b"ok")

    async def closed(request):
        return web.Response(status=503, headers={"Retry-After": "3600"})

    base = await serve({"/busy": busy, "/closed": closed})
    async with Fetcher(allow_private=True, delay=0.0, retries=2, max_retry_wait=5) as fetcher:
        result = await fetcher.get(base + "/busy")
        assert result.ok and result.attempts == 2
        assert times[1] - times[0] >= 0.95
        long_wait = await fetcher.get(base + "/closed")
    assert long_wait.status == 503 and long_wait.retry_after == 3600 and long_wait.attempts == 1


async def test_server_errors_back_off_then_give_up(serve):
    calls = []

    async def broken(request):
        calls.append(time.monotonic())
        return web.Response(status=500)

    base = await serve({"/broken": broken})
    async with Fetcher(allow_private=True, delay=0.0, retries=2, backoff=0.05) as fetcher:
        result = await fetcher.get(base + "/broken")
    assert result.status == 500 and reason(result) == Reason.HTTP_ERROR and result.attempts == 3 and len(calls) == 3
    # backoff 0.05 s doubling, jitter x0.5..1.5: waits of at least 0.025 s then 0.05 s
    assert calls[1] - calls[0] >= 0.02 and calls[2] - calls[1] >= 0.045


async def test_a_client_error_is_not_retried_a_server_error_is(serve):
    calls = []

    async def gone(request):
        calls.append(request.path)
        return web.Response(status=int(request.path.strip("/")))

    base = await serve({"/404": gone, "/503": gone})
    async with Fetcher(allow_private=True, delay=0.0, retries=2, backoff=0.01) as fetcher:
        missing = await fetcher.get(base + "/404")
        busy = await fetcher.get(base + "/503")
    assert reason(missing) == reason(busy) == Reason.HTTP_ERROR
    assert (missing.attempts, busy.attempts) == (1, 3) and calls.count("/404") == 1


@pytest.mark.parametrize(("failure", "status", "transient"), [
    (Rejection(Reason.FETCH_TIMEOUT), None, True),
    (Rejection(Reason.CONNECT_FAILED, "Connection reset by peer"), None, True),
    (Rejection(Reason.REQUEST_FAILED, "ServerDisconnectedError"), None, True),
    (Rejection(Reason.HTTP_ERROR, "HTTP 503"), 503, True),
    (Rejection(Reason.HTTP_ERROR, "HTTP 404"), 404, False),
    (Rejection(Reason.TOO_LARGE, "timeout"), 200, False),  # the detail's words decide nothing
    (Rejection(Reason.FETCH_REFUSED, "connect: 10.0.0.1"), None, False),
    (Rejection(Reason.BAD_ENCODING), 200, False),
    (Rejection(Reason.BAD_REDIRECT), 301, False),
])
def test_whether_a_failure_is_retried_depends_on_its_reason(failure, status, transient):
    assert FetchResult("https://x.org/", "https://x.org/", status=status, failure=failure).transient is transient


async def test_redirects_permanent_temporary_and_loops(serve):
    def to(path, status):
        async def handler(request):
            raise {301: web.HTTPMovedPermanently, 302: web.HTTPFound, 308: web.HTTPPermanentRedirect}[status](path)
        return handler

    async def final(request):
        return web.Response(body=b"here")

    base = await serve({
        "/old": to("/older", 301), "/older": to("/final", 308), "/temp": to("/final", 302), "/mixed": to("/temp", 301),
        "/loop1": to("/loop2", 301), "/loop2": to("/loop1", 301), "/final": final,
        **{f"/chain{i}": to(f"/chain{i + 1}", 302) for i in range(10)},
    })
    async with Fetcher(**FAST, max_redirects=5) as fetcher:
        moved = await fetcher.get(base + "/old")
        temp = await fetcher.get(base + "/temp")
        mixed = await fetcher.get(base + "/mixed")
        loop = await fetcher.get(base + "/loop1")
        chain = await fetcher.get(base + "/chain0")
    assert moved.ok and moved.body == b"here" and moved.permanent_redirect == base + "/final" == moved.final_url
    assert temp.ok and temp.permanent_redirect is None
    assert mixed.ok and mixed.permanent_redirect is None
    assert reason(loop) == reason(chain) == Reason.BAD_REDIRECT


async def test_gzip_and_deflate_bodies_are_decompressed(serve):
    payload = b"<rss>" + b"berita " * 1000 + b"</rss>"

    async def gz(request):
        return web.Response(body=gzip.compress(payload), headers={"Content-Encoding": "gzip"})

    async def deflate(request):
        return web.Response(body=zlib.compress(payload), headers={"Content-Encoding": "deflate"})

    async def raw_deflate(request):
        obj = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        return web.Response(body=obj.compress(payload) + obj.flush(), headers={"Content-Encoding": "deflate"})

    async def brotli(request):
        return web.Response(body=b"xx", headers={"Content-Encoding": "br"})

    base = await serve({"/gz": gz, "/deflate": deflate, "/raw": raw_deflate, "/br": brotli})
    async with Fetcher(**FAST) as fetcher:
        for path in ("/gz", "/deflate", "/raw"):
            result = await fetcher.get(base + path)
            assert result.ok and result.body == payload, path
        unknown = await fetcher.get(base + "/br")
    assert not unknown.ok and reason(unknown) == Reason.BAD_ENCODING


async def test_gzip_bomb_stops_at_the_decompressed_limit(serve):
    bomb = gzip.compress(b"\0" * 30_000_000, compresslevel=9)
    assert len(bomb) < 100_000

    async def handler(request):
        return web.Response(body=bomb, headers={"Content-Encoding": "gzip"})

    base = await serve({"/bomb": handler})
    async with Fetcher(**FAST, max_bytes=1_000_000) as fetcher:
        result = await fetcher.get(base + "/bomb")
    assert not result.ok and reason(result) == Reason.TOO_LARGE and result.body == b""


async def test_oversize_bodies_with_and_without_length(serve):
    async def declared(request):
        return web.Response(body=b"x" * 2_000_000)

    async def streamed(request):
        response = web.StreamResponse()
        await response.prepare(request)
        for _ in range(40):
            await response.write(b"x" * 65536)
        return response

    base = await serve({"/declared": declared, "/streamed": streamed})
    async with Fetcher(**FAST, max_bytes=1_000_000) as fetcher:
        for path in ("/declared", "/streamed"):
            result = await fetcher.get(base + path)
            assert reason(result) == Reason.TOO_LARGE, path


async def test_slow_hanging_and_dripping_servers_time_out(serve):
    async def slow(request):
        await asyncio.sleep(5)
        return web.Response(body=b"late")

    async def hangs_mid_body(request):
        response = web.StreamResponse(headers={"Content-Length": "1000"})
        await response.prepare(request)
        await response.write(b"x" * 10)
        await asyncio.sleep(5)
        return response

    async def drips(request):
        response = web.StreamResponse()
        await response.prepare(request)
        for _ in range(50):
            await response.write(b"x")
            await asyncio.sleep(0.1)
        return response

    base = await serve({"/slow": slow, "/hangs": hangs_mid_body, "/drips": drips})
    async with Fetcher(**FAST, read_timeout=0.5, total_timeout=1.5, per_host=3) as fetcher:
        start = time.monotonic()
        results = await asyncio.gather(*(fetcher.get(base + p) for p in ("/slow", "/hangs", "/drips")))
        elapsed = time.monotonic() - start
    assert [reason(r) for r in results] == [Reason.FETCH_TIMEOUT] * 3
    assert elapsed < 4.5  # the servers take 5 s or more: the timeouts cut them short


async def test_ssrf_guard_refuses_private_addresses(serve):
    async def ok(request):
        return web.Response(body=b"internal")

    base = await serve({"/ok": ok})
    port = base.rsplit(":", 1)[1]
    async with Fetcher(retries=0, delay=0.0) as fetcher:  # allow_private defaults to False
        direct = await fetcher.get(base + "/ok")
        by_name = await fetcher.get(f"http://localhost:{port}/ok")
        metadata = await fetcher.get("http://169.254.169.254/latest/meta-data/")
        mapped = await fetcher.get(f"http://[::ffff:127.0.0.1]:{port}/ok")
        hex_name = await fetcher.get(f"http://0x7f000001:{port}/ok")
        scheme = await fetcher.get("file:///etc/passwd")
    for result in (direct, by_name, metadata, mapped, hex_name):
        assert reason(result) == Reason.FETCH_REFUSED and result.body == b"", result
    assert reason(scheme) == Reason.BAD_URL
    assert address_refusal("10.1.2.3") and address_refusal("::1") and address_refusal("8.8.8.8") is None


async def test_ssrf_guard_checks_redirect_targets(serve):
    async def to_name(request):
        raise web.HTTPFound(f"http://localhost:{request.url.port}/secret")

    async def to_literal(request):
        raise web.HTTPMovedPermanently("http://10.255.255.1/admin")

    async def secret(request):
        return web.Response(body=b"secret")

    base = await serve({"/to-name": to_name, "/to-literal": to_literal, "/secret": secret})
    # the first hop (127.0.0.1) is trusted explicitly; where it redirects to is not
    async with Fetcher(retries=0, delay=0.0, allow_hosts={"127.0.0.1"}) as fetcher:
        assert (await fetcher.get(base + "/secret")).ok
        by_name = await fetcher.get(base + "/to-name")
        by_literal = await fetcher.get(base + "/to-literal")
    assert reason(by_name) == Reason.FETCH_REFUSED and by_name.body == b""
    assert reason(by_literal) == Reason.FETCH_REFUSED and by_literal.final_url == "http://10.255.255.1/admin"


async def test_politeness_spaces_requests_to_one_host(serve):
    times = []

    async def feed(request):
        times.append(time.monotonic())
        return web.Response(body=b"ok")

    base = await serve({"/f": feed})
    async with Fetcher(allow_private=True, retries=0, delay=0.3, per_host=4) as fetcher:
        results = await asyncio.gather(*(fetcher.get(f"{base}/f?n={i}") for i in range(4)))
    assert all(r.ok for r in results)
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 0.25


async def test_connection_refused_is_a_result(serve):
    async with Fetcher(**FAST) as fetcher:
        result = await fetcher.get("http://127.0.0.1:9/")
    assert result.status is None and reason(result) == Reason.CONNECT_FAILED


@pytest.mark.parametrize(("value", "expected"), [("120", 120.0), (None, None), ("soon", None), ("99999999", 86400.0)])
def test_parse_retry_after(value, expected):
    assert parse_retry_after(value) == expected
