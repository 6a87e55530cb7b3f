"""``kabar worker``: the Faust worker, stopped within ten seconds of SIGINT or SIGTERM.

It stops gracefully, bounded by ``streams.shutdown``'s deadline, whatever the network and the
broker do.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from streams.cli.broker import broker_or_explain
from streams.settings import get_settings
from streams.shutdown import exit_after, stop_on_signals


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
    if not broker_or_explain():
        return 2
    from streams import agents
    from streams.admin import ensure_topics
    from streams.app import app, nlp
    from streams.nlp.warmup import warm_up

    agents.load()

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


def add_commands(sub) -> None:
    p = sub.add_parser("worker", help="run the Faust worker (normalize, enrich, cluster, alerts)",
                       description="Run the stream-processing worker against the configured broker. "
                       "Run several with distinct KABAR_WEB_PORT to split the partitions.")
    p.add_argument("--loglevel", default="info", choices=["debug", "info", "warning", "error"])
    p.set_defaults(func=_worker)
