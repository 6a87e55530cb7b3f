"""``kabar desk``: the live desk page, fed from the ``events``, ``events.alerts`` and ``articles.enriched`` topics.

It reads the topics from the beginning without a consumer group (it never
takes partitions from a worker), keeps what the page needs in memory
(``state.py``), and pushes every update to browsers over Server-Sent Events.
Where the records come from is a ``Source`` (``kafka_source`` here; tests and
``python -m streams.desk.demo`` feed a stand-in). Endpoints:

- ``/``               the page (``static/``: plain ES modules, no build step)
- ``/static/<file>``  the page's scripts, styles and nothing else
- ``/api/snapshot``   every event and recent alert, with the number of the last update included
- ``/api/stream``     Server-Sent Events ``event`` and ``alert``, numbered ``<run>-<n>``; ``?since=<run>-<n>``
                      or the ``Last-Event-ID`` a reconnecting browser sends resumes after update n, and
                      ``reset`` tells a browser that was away too long, or whose numbers are of another run
                      of the desk (it restarted), to reload the snapshot; a bare ``n`` is of this run
- ``/api/events``     latest events, newest first (``?country=KZ&type=PROTEST&limit=100``)
- ``/api/alerts``     recent alerts, newest first
- ``/api/articles``   title, link, outlet and language of articles (``?ids=a,b``)
- ``/api/names``      country, actor, type and language names and the page's own words (``?lang=id``, else
                      the browser's ``Accept-Language``, else English)
- ``/api/world``      country outlines for the map (``data/common/world.json``)
- ``/healthz``        ``ok`` while the process serves (``add_probes``)
- ``/readyz``         ``ok`` once the desk is consuming, 503 before

Every response carries a Content-Security-Policy that allows nothing from outside
and no inline script or style: what an article says can only ever be text.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from importlib import resources

import orjson
from aiohttp import web
from aiokafka import AIOKafkaConsumer

from streams.admin import ensure_topics, kafka_auth
from streams.desk.names import names_table, page_language
from streams.desk.state import DeskState, Source, Subscriber, Update
from streams.settings import Settings, get_settings
from streams.shutdown import exit_after
from streams.topics import ALERTS, ARTICLES_ENRICHED, EVENTS

log = logging.getLogger("kabar.desk")
#: seconds open requests (event streams) have to end once the desk stops
SHUTDOWN_TIMEOUT = 1.0
#: seconds between keep-alive comments on an idle event stream
KEEP_ALIVE = 15
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html"}


def kafka_source(settings: Settings) -> Source:
    """The desk's source in production: the three topics from the beginning, read committed."""
    topics = {settings.topic(EVENTS.name): "event", settings.topic(ALERTS.name): "alert",
              settings.topic(ARTICLES_ENRICHED.name): "article"}

    async def consume(state: DeskState) -> None:
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
                # the record's time, not the desk's: a restarted desk does not see all history as new
                state.apply(topics[rec.topic], obj, rec.timestamp / 1000)
        finally:
            await consumer.stop()

    return consume


def _static_files() -> dict[str, tuple[bytes, str]]:
    """The page's files by name, read once: nothing outside ``static/`` can be asked for."""
    folder = resources.files("streams.desk").joinpath("static")
    files = {}
    for entry in folder.iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1]
        if entry.is_file() and suffix in STATIC_TYPES:
            files[entry.name] = (entry.read_bytes(), STATIC_TYPES[suffix])
    return files


def _json(data) -> web.Response:
    return web.Response(body=orjson.dumps(data), content_type="application/json")


def sse_message(run: str, update: Update) -> bytes:
    return b"id: %s-%d\nevent: %s\ndata: %s\n\n" % (run.encode(), update.seq, update.kind.encode(),
                                                      orjson.dumps(update.data))


def resume_point(request: web.Request) -> tuple[str | None, int] | None:
    """The last update a browser has, as (run, number): its ``Last-Event-ID`` on a reconnect, else ``?since``,
    else None (live only). A bare number has no run: it is taken as this run's."""
    raw = request.headers.get("Last-Event-ID") or request.query.get("since")
    if raw is None:
        return None
    run, _, number = raw.rpartition("-")
    try:
        return run or None, int(number)
    except ValueError:
        raise web.HTTPBadRequest(text=f"since / Last-Event-ID must be an update number, not {raw!r}") from None


@web.middleware
async def security_headers(request: web.Request, handler):
    try:
        resp = await handler(request)
    except web.HTTPException as exc:
        resp = web.Response(status=exc.status, text=exc.text, headers=exc.headers)
    resp.headers.update(SECURITY_HEADERS)
    return resp


def make_app(state: DeskState) -> web.Application:
    files = _static_files()
    world = resources.files("streams.data").joinpath("common/world.json").read_bytes()

    async def index(request):
        body, ctype = files["index.html"]
        return web.Response(body=body, content_type=ctype)

    async def static(request):
        name = request.match_info["name"]
        if name not in files:
            raise web.HTTPNotFound(text=f"no such file: {name}")
        body, ctype = files[name]
        return web.Response(body=body, content_type=ctype, headers={"Cache-Control": "no-cache"})

    async def snapshot(request):
        return _json(state.snapshot())

    async def events(request):
        limit = min(int(request.query.get("limit", "200")), 2000)
        return _json(state.query(request.query.get("country"), request.query.get("type"), limit))

    async def alerts(request):
        return _json(list(state.alerts)[:200])

    async def articles(request):
        ids = [i for i in request.query.get("ids", "").split(",") if i][:200]
        return _json(state.articles_of(ids))

    async def names(request):
        return _json(names_table(page_language(request.query.get("lang"), request.headers.get("Accept-Language"))))

    async def world_map(request):
        return web.Response(body=world, content_type="application/json", headers={"Cache-Control": "max-age=86400"})

    app = web.Application(middlewares=[security_headers])
    app.add_routes([web.get("/", index), web.get("/static/{name}", static), web.get("/api/snapshot", snapshot),
                    web.get("/api/events", events), web.get("/api/alerts", alerts), web.get("/api/articles", articles),
                    web.get("/api/names", names), web.get("/api/world", world_map),
                    web.get("/api/stream", stream_handler(state))])
    add_probes(app, state)
    return app


def add_probes(app: web.Application, state: DeskState) -> None:
    """``/healthz`` (the process serves) and ``/readyz`` (the desk is consuming its topics)."""

    async def healthz(request):
        return web.Response(text="ok")

    async def readyz(request):
        return web.Response(text="ok" if state.ready else "starting", status=200 if state.ready else 503)

    app.add_routes([web.get("/healthz", healthz), web.get("/readyz", readyz)])


def stream_handler(state: DeskState):
    async def stream(request):
        resume = resume_point(request)
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
        await resp.prepare(request)
        sub = Subscriber()
        state.subscribers.add(sub)  # before reading the ring: an update lands in one or both, never neither
        sent = state.seq if resume is None else resume[1]
        try:
            if resume is None:
                backlog = []
            else:
                backlog = state.since(sent) if resume[0] in (None, state.run) else None
            if backlog is None:
                await resp.write(b"event: reset\ndata: {}\n\n")
                return resp
            for update in backlog:
                await resp.write(sse_message(state.run, update))
                sent = update.seq
            while True:
                try:
                    update = await asyncio.wait_for(sub.queue.get(), timeout=KEEP_ALIVE)
                except asyncio.TimeoutError:
                    await resp.write(b": keep-alive\n\n")
                    continue
                if update is None:  # fell too far behind: the browser reconnects and resumes from the ring
                    break
                if update.seq > sent:
                    await resp.write(sse_message(state.run, update))
                    sent = update.seq
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            state.subscribers.discard(sub)
        return resp

    return stream


async def serve(source: Source, origin: str, host: str, port: int) -> None:
    """Serve what ``source`` (described by ``origin``) feeds, until SIGINT or SIGTERM or until the source fails;
    the stop is bounded by ``exit_after``."""
    stop = asyncio.Event()

    def stopping() -> None:
        stop.set()
        exit_after("kabar desk")  # aiokafka's bootstrap does not give way to a cancellation

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopping)
    state = DeskState()
    # open event streams never end by themselves: they are cancelled after SHUTDOWN_TIMEOUT
    runner = web.AppRunner(make_app(state), shutdown_timeout=SHUTDOWN_TIMEOUT)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    print(f"desk on http://{host}:{port}/ (events from {origin})", file=sys.stderr, flush=True)
    consuming = asyncio.create_task(source(state))
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
        settings = get_settings()
        asyncio.run(serve(kafka_source(settings), settings.bootstrap_servers, host, port))
    except OSError as exc:
        print(f"kabar desk: cannot listen on {host}:{port}: {exc.strerror}; choose another --port", file=sys.stderr)
        return 2
    return 0
