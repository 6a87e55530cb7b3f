"""``kabar run``: broker, worker, desk, sample replay and feed polling at once, as ``make run`` does.

It stops within ten seconds of SIGINT or SIGTERM, whatever the network and the broker do: it
passes SIGTERM to its children, kills what is still alive ``CHILD_GRACE`` seconds later, then
stops the broker if it started it (``BROKER_GRACE``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from streams import broker
from streams.cli.ingest import DEFAULT_FEEDS
from streams.settings import get_settings
from streams.shutdown import signals_deferred

#: how ``kabar run`` starts its children
KABAR = (sys.executable, "-m", "streams.cli")
#: seconds ``kabar run``'s children have after SIGTERM before they and their own children are killed
CHILD_GRACE = 5.0
#: seconds the broker ``kabar run`` started has after SIGTERM, once the children are gone
BROKER_GRACE = 4.0


def _run(args) -> int:
    """Broker, worker, sample replay, feed polling and the desk, until Ctrl-C or SIGTERM."""
    settings = get_settings()
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM stops everything, as Ctrl-C does
    keep_broker = args.keep_broker or broker.status(settings)[0]  # a broker already running is not ours to stop
    env = dict(os.environ)
    children: list[subprocess.Popen] = []

    def spawn(*argv: str) -> subprocess.Popen:
        # own session: Ctrl-C reaches `kabar run` only, which stops the children in order
        with signals_deferred():  # a child started is a child noted, and stopped
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
