"""``kabar desk``: serve the live desk page (``streams.desk.server``)."""

from __future__ import annotations


def _desk(args) -> int:
    from streams.desk.server import run_desk

    return run_desk(args.host, args.port)


def add_commands(sub) -> None:
    p = sub.add_parser("desk", help="serve the live desk page (events and alerts as they happen)",
                       description="A web page for monitoring desks: the latest events, filters and alerts, "
                       "updated live from the events and events.alerts topics.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080)
    p.set_defaults(func=_desk)
