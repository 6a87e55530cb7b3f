"""A local aiohttp server on 127.0.0.1 for the ingest tests (real sockets, no outside address)."""

from __future__ import annotations

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer


@pytest.fixture
async def serve():
    """``base = await serve({"/path": handler, "POST /hub": handler, ...})`` starts a server and returns
    its base URL (a route without a method is a GET)."""
    servers: list[TestServer] = []

    async def start(routes: dict) -> str:
        app = web.Application()
        for route, handler in routes.items():
            method, _, path = route.rpartition(" ")
            app.router.add_route(method or "GET", path, handler)
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        servers.append(server)
        return f"http://127.0.0.1:{server.port}"

    yield start
    for server in servers:
        await server.close()

