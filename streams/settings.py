"""One settings object, read from the environment once.

Every knob has a sane local default, so `make run` needs none of them:

=====================  ==========================================  =====================================
variable               default                                     meaning
=====================  ==========================================  =====================================
KAFKA_BROKER           kafka://127.0.0.1:9092 (local, managed)     broker URL(s); naming one that is not
                                                                   the local default means an existing
                                                                   cluster: nothing local is started
KABAR_HOME             ./.kabar                                    broker data, worker state, archives
KABAR_APP_ID           kabar                                       Faust app id (consumer group prefix)
KABAR_APP_VERSION      1                                           state generation: a new version has its
                                                                   own consumer group and tables (see
                                                                   ``kabar reprocess``)
KABAR_TOPIC_PREFIX     (none)                                      prefix of every topic name, to run
                                                                   isolated pipelines on one cluster
KABAR_PARTITIONS       4                                           partitions of the pipeline topics
KABAR_WEB_PORT         6066                                        worker web server (desk page, stats)
KABAR_STORE            rocksdb://                                  Faust table store (memory:// in tests)
KABAR_HORIZON_DAYS     7                                           event-time horizon of dedup state
KABAR_PROCESSING       at_least_once                               (stages are idempotent) or exactly_once
                                                                   (Kafka transactions; readers of events
                                                                   should read committed)
KABAR_NLP_PROCESSES    1                                           processes that run the NLP beside each
                                                                   worker's event loop (0: in the loop)
KABAR_EMIT_INTERVAL    0.2                                         seconds the cluster stage gathers event
                                                                   upserts before sending the latest state
                                                                   of each (fewer, when a story is hot)
KAFKA_SASL_USERNAME    (none)                                      SASL/PLAIN credentials for a cluster
KAFKA_SASL_PASSWORD    (none)                                      (masked in repr and logs)
KAFKA_SASL_PROTOCOL    SASL_SSL                                    how they travel: SASL_SSL (TLS, the
                                                                   system's CAs) or SASL_PLAINTEXT
=====================  ==========================================  =====================================
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

LOCAL_BROKER = "kafka://127.0.0.1:9092"
SECRET_FIELDS = frozenset({"sasl_password"})


@dataclass(frozen=True)
class Settings:
    broker: str = LOCAL_BROKER
    home: Path = Path(".kabar")
    app_id: str = "kabar"
    app_version: int = 1
    topic_prefix: str = ""
    partitions: int = 4
    web_port: int = 6066
    store: str = "rocksdb://"
    horizon_days: int = 7
    processing_guarantee: str = "at_least_once"
    nlp_processes: int = 1
    emit_interval: float = 0.2
    sasl_username: str | None = None
    sasl_password: str | None = field(default=None, repr=False)
    sasl_protocol: str = "SASL_SSL"

    @property
    def local_broker(self) -> bool:
        """True when Kabar runs the broker itself (no external cluster named)."""
        return self.broker == LOCAL_BROKER

    @property
    def bootstrap_servers(self) -> str:
        """The broker list in aiokafka's form (``host:port,host:port``)."""
        return ",".join(u.split("://", 1)[-1] for u in self.broker.split(";") if u)

    @property
    def group_id(self) -> str:
        """The workers' consumer group, as Faust names it (``kabar``, ``kabar-v2``...)."""
        return self.app_id if self.app_version <= 1 else f"{self.app_id}-v{self.app_version}"

    def topic(self, name: str) -> str:
        """The name a topic has on the broker (``topics.py`` names plus the prefix)."""
        return self.topic_prefix + name

    @property
    def broker_port(self) -> int:
        return int(self.bootstrap_servers.split(",")[0].rsplit(":", 1)[1])

    def __repr__(self) -> str:
        parts = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in SECRET_FIELDS and value:
                value = "***"
            parts.append(f"{f.name}={value!r}")
        return f"Settings({', '.join(parts)})"


def from_env(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    return Settings(
        broker=env.get("KAFKA_BROKER", LOCAL_BROKER),
        home=Path(env.get("KABAR_HOME", ".kabar")).resolve(),
        app_id=env.get("KABAR_APP_ID", "kabar"),
        app_version=int(env.get("KABAR_APP_VERSION", "1")),
        topic_prefix=env.get("KABAR_TOPIC_PREFIX", ""),
        partitions=int(env.get("KABAR_PARTITIONS", "4")),
        web_port=int(env.get("KABAR_WEB_PORT", "6066")),
        store=env.get("KABAR_STORE", "rocksdb://"),
        horizon_days=int(env.get("KABAR_HORIZON_DAYS", "7")),
        processing_guarantee=env.get("KABAR_PROCESSING", "at_least_once"),
        nlp_processes=int(env.get("KABAR_NLP_PROCESSES", "1")),
        emit_interval=float(env.get("KABAR_EMIT_INTERVAL", "0.2")),
        sasl_username=env.get("KAFKA_SASL_USERNAME"),
        sasl_password=env.get("KAFKA_SASL_PASSWORD"),
        sasl_protocol=env.get("KAFKA_SASL_PROTOCOL", "SASL_SSL"),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return from_env()
