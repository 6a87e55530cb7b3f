"""``kabar schemas write|check``: the JSON Schemas of every topic (``streams.schemas``)."""

from __future__ import annotations

import sys


def _cmd(args) -> int:
    from streams.schemas import SCHEMA_DIR, drift, file_name, render
    from streams.topics import ALL_TOPICS

    if args.action == "write":
        SCHEMA_DIR.mkdir(exist_ok=True)
        for spec in ALL_TOPICS:
            (SCHEMA_DIR / file_name(spec)).write_bytes(render(spec))
            print(SCHEMA_DIR / file_name(spec))
        return 0
    stale = drift()
    if stale:
        print("schemas out of date with streams/records.py: " + ", ".join(stale)
              + "\nrun `kabar schemas write` and review the diff", file=sys.stderr)
        return 1
    print(f"{len(ALL_TOPICS)} schemas match the records")
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("schemas", help="write or check the JSON Schemas of every topic",
                       description="Generate schemas/<topic>.v<N>.json from streams/records.py (write), "
                       "or exit 1 when they differ (check).")
    p.add_argument("action", choices=["write", "check"], nargs="?", default="check")
    p.set_defaults(func=_cmd)
