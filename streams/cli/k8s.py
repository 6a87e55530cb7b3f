"""``kabar k8s write|check``: the KafkaTopics of ``deploy/k8s/topics.yaml`` (``streams.k8s``)."""

from __future__ import annotations

import sys

from streams.settings import Settings


def _cmd(args) -> int:
    from streams.k8s import TOPICS_FILE, drift, render_topics
    from streams.topics import ALL_TOPICS

    if args.action == "write":
        TOPICS_FILE.write_text(render_topics(args.partitions))
        print(TOPICS_FILE)
        return 0
    if drift(args.partitions):
        print(f"{TOPICS_FILE} is out of date with streams/topics.py\nrun `kabar k8s write` and review the diff",
              file=sys.stderr)
        return 1
    print(f"{len(ALL_TOPICS)} KafkaTopics match streams/topics.py")
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("k8s", help="write or check the KafkaTopics of deploy/k8s/topics.yaml",
                       description="Generate deploy/k8s/topics.yaml (Strimzi KafkaTopics) from streams/topics.py "
                       "(write), or exit 1 when it differs (check).")
    p.add_argument("action", choices=["write", "check"], nargs="?", default="check")
    p.add_argument("--partitions", type=int, default=Settings.partitions, metavar="N",
                   help="partitions of the pipeline topics, default %(default)s; deploy/k8s/ must say the same "
                   "(KABAR_PARTITIONS in config.yaml, the ScaledObject's maxReplicaCount)")
    p.set_defaults(func=_cmd)
