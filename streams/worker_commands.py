"""``kabar worker``, ``kabar ingest``, ``kabar desk`` and ``kabar run`` (all of them at once)."""

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

DEFAULT_FEEDS = Path("config/feeds.toml")


def _broker_or_explain() -> bool:
    settings = get_settings()
    if broker.reachable(settings):
        return True
    print(f"kabar: no broker answers at {settings.bootstrap_servers}. "
          "Start one with `kabar broker start`, or set KAFKA_BROKER.", file=sys.stderr)
    return False


def _worker(args) -> int:
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
        loop.run_until_complete(nlp.start())
    else:
        warm_up()
    faust_level = {"warning": "warn"}.get(args.loglevel, args.loglevel)
    sys.argv = ["kabar worker", "worker", "--loglevel", faust_level]
    app.main()
    return 0


def _ingest(args) -> int:
    if not _broker_or_explain():
        return 2
    from streams.ingest.feedlist import load_feeds
    from streams.ingest.poller import poll_feeds
    from streams.ingest.archive import ArchiveWriter
    from streams.ingest.websub import websub_from_env
    from streams.producer import ArticleProducer

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
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
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
    """Broker, worker, sample replay, feed polling and the desk, until Ctrl-C."""
    settings = get_settings()
    try:
        print(broker.start(settings), flush=True)
    except broker.BrokerError as exc:
        print(f"kabar run: {exc}", file=sys.stderr)
        return 2
    kabar = [sys.executable, "-m", "streams.cli"]
    env = dict(os.environ)
    procs: list[subprocess.Popen] = []

    def spawn(*argv: str) -> subprocess.Popen:
        p = subprocess.Popen([*kabar, *argv], env=env, start_new_session=True)
        procs.append(p)
        return p

    try:
        spawn("worker", "--loglevel", "warning")
        spawn("desk", "--port", str(args.desk_port))
        replay = subprocess.run([*kabar, "replay", *([args.archive] if args.archive else []), "--speed", args.speed], env=env)
        if replay.returncode:
            print("kabar run: the sample replay failed; see above", file=sys.stderr)
        if not args.no_feeds and Path(args.feeds).exists():
            spawn("ingest", "--config", args.feeds)
        print(f"\nKabar is running: desk on http://127.0.0.1:{args.desk_port}/ . Events as they are upserted "
              "(Ctrl-C stops everything):\n", flush=True)
        spawn("tail", "events", "--from-beginning")
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
        failed = [p.args[3] for p in procs if p.poll() is not None]
        print(f"kabar run: {', '.join(failed)} stopped; shutting down", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nstopping ...", file=sys.stderr)
        return 0
    finally:
        for p in procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
        if not args.keep_broker:
            print(broker.stop(settings), flush=True)


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
                       "events as they are upserted. Ctrl-C stops everything cleanly.")
    p.add_argument("--archive", help="archive to replay instead of the bundled sample")
    p.add_argument("--speed", default="max", help="replay speed (see `kabar replay --help`)")
    p.add_argument("--feeds", default=str(DEFAULT_FEEDS), help="feed list to poll, default %(default)s")
    p.add_argument("--no-feeds", action="store_true", help="do not poll feeds")
    p.add_argument("--desk-port", type=int, default=8080)
    p.add_argument("--keep-broker", action="store_true", help="leave the broker running on exit")
    p.set_defaults(func=_run)
