"""``kabar ingest``: poll the feeds and send new articles to Kafka, stopped within ten seconds.

It stops gracefully on SIGINT or SIGTERM, bounded by ``streams.shutdown``'s deadline, whatever
the network and the broker do. ``kabar feeds`` (``streams.cli.feeds``) helps set the feed list up.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from streams.cli.broker import broker_or_explain
from streams.settings import get_settings
from streams.shutdown import exit_after, stop_on_signals

DEFAULT_FEEDS = Path("config/feeds.toml")


def _ingest(args) -> int:
    stop_on_signals("kabar ingest")
    if not broker_or_explain():
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
            start_http_server(args.metrics_port, addr=args.metrics_host, registry=INGEST_REGISTRY)
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


def add_commands(sub) -> None:
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
                   help="serve the feed fetch outcomes for Prometheus on http://HOST:PORT/metrics")
    p.add_argument("--metrics-host", default="127.0.0.1", metavar="HOST",
                   help="the address the metrics server listens on, default %(default)s (0.0.0.0 in a container, "
                   "so that Prometheus and the kubelet reach it)")
    p.set_defaults(func=_ingest)
