"""``kabar tail TOPIC``: print a topic's records as JSON lines (``streams.tail``)."""

from __future__ import annotations

import asyncio
import sys

from streams.topics import BY_NAME


def _cmd(args) -> int:
    from streams.settings import get_settings
    from streams.tail import tail

    try:
        asyncio.run(tail(args.topic, get_settings(), from_beginning=args.from_beginning, since=args.since,
                         timeout=args.timeout))
    except LookupError as exc:
        print(f"kabar tail: {exc}; topics: {', '.join(BY_NAME)} (start a worker or replay to create them)",
              file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"kabar tail: {exc}", file=sys.stderr)
        return 2
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("tail", help="print a topic's records as JSON lines",
                       description="Follow a topic (" + ", ".join(BY_NAME) + ") and print each record as one "
                       "JSON line. Without --from-beginning or --since, only new records are printed.")
    p.add_argument("topic", help="topic name without prefix, e.g. events")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--from-beginning", action="store_true", help="start at the oldest record")
    g.add_argument("--since", metavar="TIME", help="start at records with a timestamp at or after TIME (ISO 8601)")
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="exit after this many seconds without a new record (default: follow forever)")
    p.set_defaults(func=_cmd)
