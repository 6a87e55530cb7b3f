"""``kabar worker``, ``kabar ingest``, ``kabar desk`` and ``kabar run`` (all of them at once).

Each stops within ten seconds of SIGINT or SIGTERM, whatever the network and the broker do: the
first three gracefully, bounded by ``streams.shutdown``'s deadline; ``kabar run`` by passing
SIGTERM to its children, killing what is still alive ``CHILD_GRACE`` seconds later, then
stopping the broker if it started it (``BROKER_GRACE``).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from streams import broker
from streams.settings import get_settings
from streams.shutdown import exit_after, stop_on_signals

DEFAULT_FEEDS = Path("config/feeds.toml")
#: how ``kabar run`` starts its children
KABAR = (sys.executable, "-m", "streams.cli")
#: seconds ``kabar run``'s children have after SIGTERM before they and their own children are killed
CHILD_GRACE = 5.0
#: seconds the broker ``kabar run`` started has after SIGTERM, once the children are gone
BROKER_GRACE = 4.0


def _broker_or_explain() -> bool:
    settings = get_settings()
    if broker.reachable(settings):
        return True
    print(f"kabar: no broker answers at {settings.bootstrap_servers}. "
          "Start one with `kabar broker start`, or set KAFKA_BROKER.", file=sys.stderr)
    return False


def _bounded_worker(base: type) -> type:
    """``base`` (the app's worker class, ``app._Worker``), whose stop signal also arms the deadline.

    Subclassing the app's class, not ``faust.Worker``, keeps its spinner off: with Faust's own
    class the spinner set the root logger to DEBUG at ``--loglevel warning`` (bench, soak), and
    every record sent built a debug log record again (4% of the worker's loop)."""

    class BoundedWorker(base):
        """The app's worker, whose stop signal also arms the deadline: its shutdown waits on the broker."""

        def _schedule_shutdown(self, sig: signal.Signals) -> None:  # where mode's SIGINT and SIGTERM handlers go
            exit_after("kabar worker")
            super()._schedule_shutdown(sig)

    return BoundedWorker


def _worker(args) -> int:
    stop_on_signals("kabar worker")
    if not _broker_or_explain():
        return 2
    from streams.admin import ensure_topics
    from streams.app import app, nlp
    from streams.nlp.warmup import warm_up

    changelogs = {t.changelog_topic.get_topic_name(): t.partitions for t in app.tables.values()}
    asyncio.run(ensure_topics(get_settings(), changelogs))
    Path(app.conf.datadir).mkdir(parents=True, exist_ok=True)
    # The NLP's data loads before the worker joins the group, not while its first articles wait:
    # Faust, slow on the first message after an assignment, was seen to skip the next one.
    if nlp.processes > 0:
        loop = asyncio.new_event_loop()  # Faust runs on this loop, and so do the NLP processes' pipes
        asyncio.set_event_loop(loop)
        starting = loop.create_task(nlp.start())
        try:
            loop.run_until_complete(starting)
        except KeyboardInterrupt:  # stopped while the NLP loads: its processes stop too
            loop.run_until_complete(nlp.stop())
            loop.run_until_complete(asyncio.gather(starting, return_exceptions=True))
            raise
    else:
        warm_up()
    faust_level = {"warning": "warn"}.get(args.loglevel, args.loglevel)
    sys.argv = ["kabar worker", "worker", "--loglevel", faust_level]
    app.conf.Worker = _bounded_worker(app.conf.Worker)
    app.main()
    return 0


def _ingest(args) -> int:
    stop_on_signals("kabar ingest")
    if not _broker_or_explain():
        return 2
    from streams.ingest.feedlist import load_feeds
    from streams.ingest.poller import poll_feeds
    from streams.ingest.archive import ArchiveWriter
    from streams.ingest.websub import websub_from_env
    from streams.producer import ArticleProducer
    from prometheus_client import start_http_server
    from streams.metrics import INGEST_REGISTRY

    settings = get_settings()
    try:
        feeds = load_feeds(args.config)
    except (OSError, ValueError) as exc:
        print(f"kabar ingest: cannot read the feed list {args.config}: {exc}", file=sys.stderr)
        return 2
    try:
        websub = websub_from_env()
    except ValueError as exc:
        print(f"kabar ingest: {exc}", file=sys.stderr)
        return 2

    async def main() -> None:
        stop = asyncio.Event()

        def stopping() -> None:
            stop.set()
            exit_after("kabar ingest")  # the producer's last flush waits on the broker

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stopping)
        if args.metrics_port:
            start_http_server(args.metrics_port, addr="127.0.0.1", registry=INGEST_REGISTRY)
        archive = ArchiveWriter(settings.home / "archive")
        async with ArticleProducer(settings) as producer:
            async def emit(article) -> None:
                archive.write(article)
                await producer.send(article)

            try:
                stats = await poll_feeds(feeds, emit, producer.reject, settings.home / "ingest", stop=stop,
                                         allow_private=args.allow_private, once=args.once, websub=websub)
            finally:
                archive.close()
        print(f"kabar ingest: {stats}", file=sys.stderr)

    asyncio.run(main())
    return 0


def _desk(args) -> int:
    from streams.desk.server import run_desk

    return run_desk(args.host, args.port)


def _run(args) -> int:
    """Broker, worker, sample replay, feed polling and the desk, until Ctrl-C or SIGTERM."""
    settings = get_settings()
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM stops everything, as Ctrl-C does
    keep_broker = args.keep_broker or broker.status(settings)[0]  # a broker already running is not ours to stop
    env = dict(os.environ)
    children: list[subprocess.Popen] = []

    def spawn(*argv: str) -> subprocess.Popen:
        # own session: Ctrl-C reaches `kabar run` only, which stops the children in order
        p = subprocess.Popen([*KABAR, *argv], env=env, start_new_session=True)
        children.append(p)
        return p

    try:
        print(broker.start(settings), flush=True)
        spawn("worker", "--loglevel", "warning")
        spawn("desk", "--port", str(args.desk_port))
        replay = spawn("replay", *([args.archive] if args.archive else []), "--speed", args.speed)
        if replay.wait():
            print("kabar run: the sample replay failed; see above", file=sys.stderr)
        children.remove(replay)
        if not args.no_feeds and Path(args.feeds).exists():
            spawn("ingest", "--config", args.feeds)
        print(f"\nKabar is running: desk on http://127.0.0.1:{args.desk_port}/ . Events as they are upserted "
              "(Ctrl-C stops everything):\n", flush=True)
        spawn("tail", "events", "--from-beginning")
        while all(p.poll() is None for p in children):
            time.sleep(0.5)
        failed = [p.args[len(KABAR)] for p in children if p.poll() is not None]
        print(f"kabar run: {', '.join(failed)} stopped; shutting down", file=sys.stderr)
        return 1
    except broker.BrokerError as exc:
        print(f"kabar run: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nstopping ...", file=sys.stderr)
        return 0
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        stop_children(children, CHILD_GRACE)
        if not keep_broker:
            print(broker.stop(settings, grace_s=BROKER_GRACE), flush=True)


def stop_children(children: list[subprocess.Popen], grace: float) -> None:
    """SIGTERM to each child's process group, then SIGKILL to the groups ``grace`` seconds later.

    The children wait on the network and the broker as they stop; together, not one after the
    other, they get ``grace`` seconds. The SIGKILL also reaches what a child started in its group
    (the worker's NLP processes) and outlived it.
    """
    for p in children:
        _signal_group(p, signal.SIGTERM)
    end = time.monotonic() + grace
    for p in children:
        try:
            p.wait(timeout=max(0.0, end - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    for p in children:
        _signal_group(p, signal.SIGKILL)
        p.wait()


def _signal_group(p: subprocess.Popen, sig: signal.Signals) -> None:
    try:
        os.killpg(p.pid, sig)
    except ProcessLookupError:  # the child and all it started have exited
        pass


def add_commands(sub) -> None:
    p = sub.add_parser("worker", help="run the Faust worker (normalize, enrich, cluster, alerts)",
                       description="Run the stream-processing worker against the configured broker. "
                       "Run several with distinct KABAR_WEB_PORT to split the partitions.")
    p.add_argument("--loglevel", default="info", choices=["debug", "info", "warning", "error"])
    p.set_defaults(func=_worker)

    p = sub.add_parser("ingest", help="poll the configured feeds and send new articles to articles.raw",
                       description="Poll RSS/Atom/RDF/JSON feeds, fetch full text where needed, archive every "
                       "article under $KABAR_HOME/archive and send each new one to Kafka once. With "
                       "KABAR_WEBSUB_CALLBACK set to a public URL that reaches this process (it listens on "
                       "KABAR_WEBSUB_LISTEN, default 0.0.0.0:8090), feeds that advertise a WebSub hub are also "
                       "subscribed to and their pushes handled like polls; KABAR_WEBSUB_SECRET makes it check "
                       "the hub's X-Hub-Signature. Without it, polling only.")
    p.add_argument("--config", default=str(DEFAULT_FEEDS), help="feed list (TOML), default %(default)s")
    p.add_argument("--once", action="store_true", help="poll every feed once, then exit")
    p.add_argument("--allow-private", action="store_true",
                   help="allow feeds and pages on loopback/private addresses (off: refused as unsafe)")
    p.add_argument("--metrics-port", type=int, metavar="PORT",
                   help="serve the feed fetch outcomes for Prometheus on http://127.0.0.1:PORT/metrics")
    p.set_defaults(func=_ingest)

    p = sub.add_parser("desk", help="serve the live desk page (events and alerts as they happen)",
                       description="A web page for monitoring desks: the latest events, filters and alerts, "
                       "updated live from the events and events.alerts topics.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080)
    p.set_defaults(func=_desk)

    p = sub.add_parser("run", help="the whole pipeline: broker, worker, sample replay, feeds, desk",
                       description="What `make run` does: start the local broker, a worker and the desk, replay "
                       "the bundled sample (events show up even offline), poll the configured feeds, and print "
                       "events as they are upserted. Ctrl-C or SIGTERM stops everything, and the broker if it started it, "
                       "within ten seconds.")
    p.add_argument("--archive", help="archive to replay instead of the bundled sample")
    p.add_argument("--speed", default="max", help="replay speed (see `kabar replay --help`)")
    p.add_argument("--feeds", default=str(DEFAULT_FEEDS), help="feed list to poll, default %(default)s")
    p.add_argument("--no-feeds", action="store_true", help="do not poll feeds")
    p.add_argument("--desk-port", type=int, default=8080)
    p.add_argument("--keep-broker", action="store_true", help="leave the broker running on exit (one already running is always left)")
    p.set_defaults(func=_run)
