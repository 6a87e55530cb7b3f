"""``kabar desk``: the live desk page, fed from the ``events`` and ``events.alerts`` topics.

It reads both topics from the beginning without a consumer group (it never
takes partitions from a worker), keeps the latest state of each event in
memory (the compacted topic is the source of truth), and pushes every update
to browsers over Server-Sent Events. Endpoints:

- ``/``               the page
- ``/api/events``     latest events, newest first (``?country=KZ&type=PROTEST&limit=100``)
- ``/api/alerts``     recent alerts, newest first
- ``/api/stream``     Server-Sent Events: ``event`` and ``alert`` messages
- ``/healthz``        ``ok`` while the process serves (``add_probes``)
- ``/readyz``         ``ok`` once the desk is consuming, 503 before
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections import OrderedDict, deque
from importlib import resources

import orjson
from aiohttp import web
from aiokafka import AIOKafkaConsumer

from streams.admin import ensure_topics, kafka_auth
from streams.settings import Settings, get_settings
from streams.shutdown import exit_after
from streams.topics import ALERTS, EVENTS

log = logging.getLogger("kabar.desk")
MAX_EVENTS = 20000
MAX_ALERTS = 1000
#: seconds open requests (event streams) have to end once the desk stops
SHUTDOWN_TIMEOUT = 1.0


class DeskState:
    """Latest events by id and recent alerts, with subscribers for live updates."""

    def __init__(self) -> None:
        self.events: OrderedDict[str, dict] = OrderedDict()
        self.alerts: deque[dict] = deque(maxlen=MAX_ALERTS)
        self.subscribers: set[asyncio.Queue] = set()
        self.ready = False

    def apply(self, kind: str, obj: dict) -> None:
        if kind == "event":
            self.events.pop(obj["id"], None)
            self.events[obj["id"]] = obj
            while len(self.events) > MAX_EVENTS:
                self.events.popitem(last=False)
        else:
            self.alerts.appendleft(obj)
        for q in list(self.subscribers):
            if q.full():
                self.subscribers.discard(q)  # a stalled browser is dropped, not waited for
            else:
                q.put_nowait((kind, obj))

    def query(self, country: str | None, type_: str | None, limit: int) -> list[dict]:
        out = []
        for ev in sorted(self.events.values(), key=lambda e: e.get("last_seen") or "", reverse=True):
            if country and ev.get("country") != country:
                continue
            if type_ and ev.get("type") != type_:
                continue
            out.append(ev)
            if len(out) >= limit:
                break
        return out


async def consume(state: DeskState, settings: Settings) -> None:
    topics = {settings.topic(EVENTS.name): "event", settings.topic(ALERTS.name): "alert"}
    await ensure_topics(settings)
    consumer = AIOKafkaConsumer(*topics, bootstrap_servers=settings.bootstrap_servers, group_id=None,
                                auto_offset_reset="earliest", enable_auto_commit=False,
                                isolation_level="read_committed", **kafka_auth(settings))
    await consumer.start()
    state.ready = True
    try:
        async for rec in consumer:
            if rec.value is None:
                continue
            try:
                obj = orjson.loads(rec.value)
            except orjson.JSONDecodeError:
                log.warning("desk: skipping undecodable record at %s[%s]@%s", rec.topic, rec.partition, rec.offset)
                continue
            state.apply(topics[rec.topic], obj)
    finally:
        await consumer.stop()


def make_app(state: DeskState, settings: Settings) -> web.Application:
    page = resources.files("streams.desk").joinpath("static/index.html").read_bytes()

    async def index(request):
        return web.Response(body=page, content_type="text/html")

    async def events(request):
        limit = min(int(request.query.get("limit", "200")), 2000)
        data = state.query(request.query.get("country"), request.query.get("type"), limit)
        return web.Response(body=orjson.dumps(data), content_type="application/json")

    async def alerts(request):
        return web.Response(body=orjson.dumps(list(state.alerts)[:200]), content_type="application/json")

    async def stream(request):
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
        await resp.prepare(request)
        q: asyncio.Queue = asyncio.Queue(maxsize=1000)
        state.subscribers.add(q)
        try:
            while True:
                try:
                    kind, obj = await asyncio.wait_for(q.get(), timeout=15)
                    await resp.write(b"event: " + kind.encode() + b"\ndata: " + orjson.dumps(obj) + b"\n\n")
                except asyncio.TimeoutError:
                    await resp.write(b": keep-alive\n\n")
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            state.subscribers.discard(q)
        return resp

    app = web.Application()
    app.add_routes([web.get("/", index), web.get("/api/events", events), web.get("/api/alerts", alerts),
                    web.get("/api/stream", stream)])
    add_probes(app, state)
    return app


def add_probes(app: web.Application, state: DeskState) -> None:
    """``/healthz`` (the process serves) and ``/readyz`` (the desk is consuming its topics)."""

    async def healthz(request):
        return web.Response(text="ok")

    async def readyz(request):
        return web.Response(text="ok" if state.ready else "starting", status=200 if state.ready else 503)

    app.add_routes([web.get("/healthz", healthz), web.get("/readyz", readyz)])


async def serve(settings: Settings, host: str, port: int) -> None:
    """Serve until SIGINT or SIGTERM (or until consuming fails); the stop is bounded by ``exit_after``."""
    stop = asyncio.Event()

    def stopping() -> None:
        stop.set()
        exit_after("kabar desk")  # aiokafka's bootstrap does not give way to a cancellation

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopping)
    state = DeskState()
    # open event streams never end by themselves: they are cancelled after SHUTDOWN_TIMEOUT
    runner = web.AppRunner(make_app(state, settings), shutdown_timeout=SHUTDOWN_TIMEOUT)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    print(f"desk on http://{host}:{port}/ (events from {settings.bootstrap_servers})", file=sys.stderr, flush=True)
    consuming = asyncio.create_task(consume(state, settings))
    stopped = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({consuming, stopped}, return_when=asyncio.FIRST_COMPLETED)
        if consuming.done():
            consuming.result()  # consuming failed: say why
    finally:
        stopped.cancel()
        consuming.cancel()
        await asyncio.gather(consuming, return_exceptions=True)
        await runner.cleanup()


def run_desk(host: str, port: int) -> int:
    try:
        asyncio.run(serve(get_settings(), host, port))
    except OSError as exc:
        print(f"kabar desk: cannot listen on {host}:{port}: {exc.strerror}; choose another --port", file=sys.stderr)
        return 2
    return 0
