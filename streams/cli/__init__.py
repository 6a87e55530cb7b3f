"""The ``kabar`` command.

One module per area holds that area's subcommands: an ``add_commands(subparsers)`` function
and small ``_cmd`` functions that read the arguments and call the real code. They are imported
here by name, so a command module that cannot be imported stops ``kabar`` with its traceback
instead of leaving its commands out without a word. Heavy imports (Faust, aiokafka, the NLP
data) happen inside the command that needs them, which keeps ``kabar --help`` and the pure
commands fast.

An invalid setting (``streams.settings``) ends in one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import logging
import sys

from streams.cli import (alerts, bench, broker, desk, feeds, ingest, k8s, nlp, replay, reprocess, run, schemas,
                         store, tail, train_filter, worker)
from streams.settings import SettingsError

#: the command modules, in --help order
COMMAND_MODULES = (broker, worker, ingest, desk, run, feeds, replay, reprocess, tail, store, nlp, train_filter,
                   alerts, bench, schemas, k8s)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kabar",
        description="Kabar: a streaming news-event pipeline on Apache Kafka. "
        "Feeds and archives go in, multilingual PLOVER events come out on the `events` topic.",
        epilog="Quick start: `make run` (broker, worker, sample replay, feeds, desk); `make test`.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not args.verbose:
        for noisy in ("aiokafka", "kafka"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except SettingsError as exc:
        print(f"kabar: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
