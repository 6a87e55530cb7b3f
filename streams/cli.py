"""The ``kabar`` command.

Each area of the project registers its own subcommands through an
``add_commands(subparsers)`` function, so this file only lists them; heavy
imports (Faust, aiokafka) happen inside the command that needs them, which
keeps ``kabar --help`` and the pure commands fast.

Two failures end in one line on stderr and exit status 2 rather than a traceback:
a listed module that cannot be imported (its commands would otherwise be
missing without a word) and an invalid setting (``streams.settings``).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from streams.settings import SettingsError

#: modules with an ``add_commands(subparsers)`` function, in --help order
COMMAND_MODULES = (
    "streams.broker",
    "streams.worker_commands",
    "streams.ingest.commands",
    "streams.replay",
    "streams.reprocess",
    "streams.tail",
    "streams.store.commands",
    "streams.nlp.commands",
    "streams.desk.commands",
    "streams.bench",
    "streams.schemas",
    "streams.k8s",
)


class CommandModuleError(Exception):
    """A module of ``COMMAND_MODULES`` cannot be imported, so its commands cannot be offered."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kabar",
        description="Kabar: a streaming news-event pipeline on Apache Kafka. "
        "Feeds and archives go in, multilingual PLOVER events come out on the `events` topic.",
        epilog="Quick start: `make run` (broker, worker, sample replay, feeds, desk); `make test`.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except Exception as exc:
            raise CommandModuleError(
                f"the commands of {name} cannot be loaded ({type(exc).__name__}: {exc}); "
                f"`{sys.executable} -c 'import {name}'` shows the traceback") from exc
        module.add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        parser = build_parser()
    except CommandModuleError as exc:
        print(f"kabar: {exc}", file=sys.stderr)
        return 2
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


if __name__ == "__main__":
    sys.exit(main())
