"""Creating Kabar's topics on the broker, for the processes that produce before a worker has declared them."""

from __future__ import annotations

import asyncio
import ssl
import time

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams.settings import Settings
from streams.topics import ALL_TOPICS, partitions_of

TOPIC_ALREADY_EXISTS = 36
#: copies of each partition on a cluster big enough: one broker may fail, and a write still reaches two
REPLICAS = 3
#: seconds to wait for new topics to have a leader for every partition
READY_TIMEOUT = 30.0


def replication(brokers: int) -> tuple[int, int]:
    """The replication factor and ``min.insync.replicas`` of topics on a cluster of ``brokers``.

    Three copies, two of which must have a write before it is acknowledged (producers send with
    acks=all): with one broker down nothing acknowledged is lost and writes go on. A smaller
    cluster keeps a copy per broker and acknowledges with one (two of two would stop at any failure).
    """
    replicas = min(brokers, REPLICAS)
    return replicas, 2 if replicas == REPLICAS else 1


async def ensure_topics(settings: Settings, changelogs: dict[str, int] | None = None) -> list[str]:
    """Create every topic in ``topics.ALL_TOPICS`` that is missing, and the compacted table
    changelogs named in ``changelogs`` (name -> partitions); return the names created.

    Workers create the changelogs before Faust starts: two workers starting at once on a fresh
    cluster otherwise race, and the loser sees a changelog with 0 partitions (PartitionsMismatch).
    Returns once every one of these topics has a leader for each partition: a consumer that
    subscribes earlier, on a fresh broker, logs "Ignoring missing topic" and is never assigned it.
    Replication follows the number of brokers the cluster reports (``replication``).
    """
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, **kafka_auth(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        replicas, min_isr = replication(len((await admin.describe_cluster())["brokers"]))
        durable = {"min.insync.replicas": str(min_isr)}
        names = [settings.topic(s.name) for s in ALL_TOPICS] + list(changelogs or {})
        wanted = [
            NewTopic(settings.topic(s.name), partitions_of(s, settings.partitions), replicas,
                     topic_configs={**s.config(), **durable})
            for s in ALL_TOPICS
            if settings.topic(s.name) not in existing
        ] + [
            NewTopic(name, partitions, replicas, topic_configs={"cleanup.policy": "compact", **durable})
            for name, partitions in (changelogs or {}).items()
            if name not in existing
        ]
        created = []
        if wanted:
            response = await admin.create_topics(wanted)
            for name, code, *rest in response.topic_errors:
                if code not in (0, TOPIC_ALREADY_EXISTS):
                    raise RuntimeError(f"could not create topic {name}: error {code} {rest[0] if rest else ''}")
                if code == 0:
                    created.append(name)
        await _wait_for_leaders(admin, names)  # created here, or a moment ago by another process
        return created
    finally:
        await admin.close()


async def _wait_for_leaders(admin: AIOKafkaAdminClient, names: list[str]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    waiting = set(names)
    while waiting:
        for topic in await admin.describe_topics(sorted(waiting)):
            partitions = topic.get("partitions") or []
            if topic.get("error_code") == 0 and partitions and all(p.get("leader", -1) >= 0 for p in partitions):
                waiting.discard(topic["topic"])
        if waiting and time.monotonic() > deadline:
            raise RuntimeError(f"topics created but without a leader after {READY_TIMEOUT:.0f}s: {sorted(waiting)}; "
                               "is the broker healthy? (`kabar broker status`, its log in .kabar/kafka/logs)")
        if waiting:
            await asyncio.sleep(0.1)


def kafka_auth(settings: Settings) -> dict:
    """aiokafka keyword arguments for SASL/PLAIN when credentials are set: every Kafka client
    Kabar makes takes these, and the worker's Faust App gets the same (``app.broker_credentials``)."""
    if not settings.sasl_username:
        return {}
    return {
        "security_protocol": settings.sasl_protocol,
        "sasl_mechanism": "PLAIN",
        "sasl_plain_username": settings.sasl_username,
        "sasl_plain_password": settings.sasl_password,
        **({"ssl_context": ssl.create_default_context()} if settings.sasl_protocol == "SASL_SSL" else {}),
    }
