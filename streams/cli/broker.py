"""``kabar broker start|stop|status`` (the broker itself is ``streams.broker``)."""

from __future__ import annotations

import sys

from streams import broker
from streams.settings import get_settings


def broker_or_explain() -> bool:
    """Whether the configured broker answers; when it does not, say how to start one."""
    settings = get_settings()
    if broker.reachable(settings):
        return True
    print(f"kabar: no broker answers at {settings.bootstrap_servers}. "
          "Start one with `kabar broker start`, or set KAFKA_BROKER.", file=sys.stderr)
    return False


def _cmd(args) -> int:
    try:
        if args.action == "start":
            print(broker.start(sasl=args.sasl, nodes=args.nodes))
        elif args.action == "stop":
            print(broker.stop())
        else:
            ok, text = broker.status()
            print(text)
            return 0 if ok else 1
    except broker.BrokerError as exc:
        print(f"kabar broker {args.action}: {exc}", file=sys.stderr)
        return 2
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser(
        "broker",
        help="start, stop or inspect the local Kafka broker",
        description="Run Apache Kafka (KRaft) on 127.0.0.1, one node or three, jars from Maven Central. "
        "`start` is idempotent, starts again a node that died, and returns once every node answers; "
        "`status` exits 1 when a node is down; `stop` stops every node. Ports come from KABAR_BROKER_PORT "
        "(node n: PORT + 3(n-1)). With KAFKA_BROKER set to another cluster nothing local starts.",
    )
    p.add_argument("action", choices=["start", "stop", "status"])
    p.add_argument("--nodes", type=int, choices=broker.NODE_COUNTS,
                   help="start: how many nodes (3: every topic replicated on each, writes go on with one down); "
                        "default: as many as run already, else 1")
    p.add_argument("--sasl", action="store_true",
                   help=f"start: also open a SASL/PLAIN listener (no TLS) on each node's port + 2, for user "
                        f"{broker.LOCAL_SASL_USERNAME}, password {broker.LOCAL_SASL_PASSWORD}")
    p.set_defaults(func=_cmd)
