"""One settings object, read from the environment once and checked as it is read.

Every knob has a sane local default, so `make run` needs none of them. A variable set to the empty
string counts as unset. A value outside what the table accepts raises ``SettingsError``, naming the
variable, the value and what it accepts; ``kabar`` prints that one line and exits 2.

=====================  ==========================================  =========================================
variable               default; accepted values                    meaning
=====================  ==========================================  =========================================
KAFKA_BROKER           the local broker, kafka://127.0.0.1:9092;   broker URL(s); naming any address but
                       kafka://HOST:PORT[;kafka://HOST:PORT...]    the local nodes' means an existing
                                                                   cluster: nothing local is started
KABAR_BROKER_PORT      9092; a port, 1-65527                       first port of the local broker (``kabar
                                                                   broker start``): node n listens on
                                                                   PORT + 3(n-1), its controller on the
                                                                   next port, its ``--sasl`` listener on
                                                                   the one after
KABAR_HOME             ./.kabar; a directory                       broker data, worker state, archives
KABAR_APP_ID           kabar; letters, digits and . _ -            Faust app id (consumer group prefix)
KABAR_APP_VERSION      1; a whole number ≥ 1                       state generation: a new version has its
                                                                   own consumer group and tables (see
                                                                   ``kabar reprocess``)
KABAR_TOPIC_PREFIX     (none); letters, digits and . _ -           prefix of every topic name, to run
                                                                   isolated pipelines on one cluster
KABAR_PARTITIONS       4; a whole number ≥ 1                       partitions of the pipeline topics
KABAR_WEB_PORT         6066; a port, 1-65535                       worker web server (desk page, stats)
KABAR_STORE            rocksdb://; or memory://                    Faust table store (memory:// in tests)
KABAR_HORIZON_DAYS     7; a whole number ≥ 1                       event-time horizon of dedup state
KABAR_SWEEP_GRACE      30; a number ≥ 0                            seconds between the moment a table entry
                                                                   falls behind the horizon and its deletion
                                                                   (a message redone after a restart still
                                                                   finds what it found the first time)
KABAR_PROCESSING       at_least_once; or exactly_once              at_least_once (stages are idempotent)
                                                                   or exactly_once (Kafka transactions;
                                                                   readers of events should read committed)
KABAR_NLP_PROCESSES    1; a whole number ≥ 0                       processes that run the NLP beside each
                                                                   worker's event loop (0: in the loop)
KABAR_EMIT_INTERVAL    0.2; a number ≥ 0                           seconds the cluster stage gathers event
                                                                   upserts before sending the latest state
                                                                   of each (fewer, when a story is hot)
KABAR_ALERT_RULES      (built-in rules); a file                    alert rules and their webhooks (format:
                                                                   ``data/common/alerts.json``), checked
                                                                   when the worker starts
KAFKA_SASL_USERNAME    (none); set both or neither                 SASL/PLAIN credentials for a cluster
KAFKA_SASL_PASSWORD    (none)                                      (masked in repr and logs)
KAFKA_SASL_PROTOCOL    SASL_SSL; or SASL_PLAINTEXT                 how they travel: over TLS (the system's
                                                                   CAs) or a plain listener (the one
                                                                   ``kabar broker start --sasl`` opens)
=====================  ==========================================  =========================================

Faust also has an ``aerospike://`` store; it needs a client library and configuration that Kabar
neither installs nor passes, so it is refused here rather than when the worker opens its first table.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

LOCAL_BROKER = "kafka://127.0.0.1:9092"
#: ports each local node takes from KABAR_BROKER_PORT: its broker, its controller, its SASL listener
PORTS_PER_NODE = 3
#: the largest local cluster ``kabar broker start --nodes`` runs
MAX_LOCAL_NODES = 3
SECRET_FIELDS = frozenset({"sasl_password"})
PROCESSING_GUARANTEES = ("at_least_once", "exactly_once")
#: how SASL/PLAIN credentials travel: over TLS (the system's CAs) or over a plain listener
SASL_PROTOCOLS = ("SASL_SSL", "SASL_PLAINTEXT")
STORE_SCHEMES = ("rocksdb://", "memory://")


@dataclass(frozen=True)
class Settings:
    broker: str = LOCAL_BROKER
    local_port: int = 9092
    home: Path = Path(".kabar")
    app_id: str = "kabar"
    app_version: int = 1
    topic_prefix: str = ""
    partitions: int = 4
    web_port: int = 6066
    store: str = "rocksdb://"
    horizon_days: int = 7
    sweep_grace: float = 30.0
    processing_guarantee: str = "at_least_once"
    nlp_processes: int = 1
    emit_interval: float = 0.2
    alert_rules: Path | None = None
    sasl_username: str | None = None
    sasl_password: str | None = field(default=None, repr=False)
    sasl_protocol: str = "SASL_SSL"

    def node_port(self, node: int) -> int:
        """The broker port of local node ``node`` (1, 2, 3); its controller and SASL ports follow it."""
        return self.local_port + PORTS_PER_NODE * (node - 1)

    @property
    def local_broker(self) -> bool:
        """True when Kabar runs the broker itself: every URL names a local node (by default the
        first; listing all three lets a client start while node 1 is down)."""
        local = {f"kafka://127.0.0.1:{self.node_port(n)}" for n in range(1, MAX_LOCAL_NODES + 1)}
        return set(self.broker.split(";")) <= local

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


class SettingsError(ValueError):
    """An environment variable holds a value Kabar cannot run with."""

    def __init__(self, variable: str, value: str | None, accepts: str) -> None:
        given = "unset" if value is None else repr(value)
        super().__init__(f"{variable} is {given}: it must be {accepts}")


# Parsers take the variable's text and raise ValueError on what they do not accept.

def _whole(at_least: int, at_most: int | None = None) -> Callable[[str], int]:
    def parse(text: str) -> int:
        number = int(text)
        if number < at_least or (at_most is not None and number > at_most):
            raise ValueError(text)
        return number
    return parse


def _seconds(text: str) -> float:
    seconds = float(text)
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(text)
    return seconds


def _kept_if(accepted: Callable[[str], object]) -> Callable[[str], str]:
    """A parser that keeps the text as it is when ``accepted(text)`` is true."""
    def parse(text: str) -> str:
        if not accepted(text):
            raise ValueError(text)
        return text
    return parse


_PORT = _whole(1, 65535)
# the characters Kafka allows in a topic name; the app id is part of the changelog topics' names
_KAFKA_NAME = _kept_if(lambda text: re.fullmatch(r"[A-Za-z0-9._-]+", text))
_KAFKA_NAME_TEXT = "made of letters, digits, '.', '_' and '-'"


def _file(text: str) -> Path:
    path = Path(text).resolve()
    if not path.is_file():
        raise ValueError(text)
    return path


def _broker_urls(text: str) -> str:
    for url in text.split(";"):
        found = re.fullmatch(r"kafka://[A-Za-z0-9._-]+:(\d+)", url)
        if not found:
            raise ValueError(text)
        _PORT(found[1])
    return text


@dataclass(frozen=True)
class _Variable:
    field: str
    parse: Callable[[str], object]
    accepts: str


VARIABLES: dict[str, _Variable] = {
    "KAFKA_BROKER": _Variable("broker", _broker_urls,
                              "kafka://HOST:PORT (port 1-65535), several joined by ';'"),
    "KABAR_BROKER_PORT": _Variable("local_port", _whole(1, 65535 - PORTS_PER_NODE * MAX_LOCAL_NODES + 1),
                                   "a port number from 1 to 65527 (three nodes take nine ports from it)"),
    "KABAR_HOME": _Variable("home", lambda text: Path(text).resolve(), "a directory"),
    "KABAR_APP_ID": _Variable("app_id", _KAFKA_NAME, _KAFKA_NAME_TEXT),
    "KABAR_APP_VERSION": _Variable("app_version", _whole(1), "a whole number of at least 1"),
    "KABAR_TOPIC_PREFIX": _Variable("topic_prefix", _KAFKA_NAME, _KAFKA_NAME_TEXT),
    "KABAR_PARTITIONS": _Variable("partitions", _whole(1), "a whole number of at least 1"),
    "KABAR_WEB_PORT": _Variable("web_port", _PORT, "a port number from 1 to 65535"),
    "KABAR_STORE": _Variable("store", _kept_if(lambda text: text.startswith(STORE_SCHEMES)),
                             " or ".join(STORE_SCHEMES)),
    "KABAR_HORIZON_DAYS": _Variable("horizon_days", _whole(1), "a whole number of days, at least 1"),
    "KABAR_SWEEP_GRACE": _Variable("sweep_grace", _seconds, "a number of seconds of at least 0"),
    "KABAR_PROCESSING": _Variable("processing_guarantee", _kept_if(PROCESSING_GUARANTEES.__contains__),
                                  " or ".join(PROCESSING_GUARANTEES)),
    "KABAR_NLP_PROCESSES": _Variable("nlp_processes", _whole(0), "a whole number of at least 0"),
    "KABAR_EMIT_INTERVAL": _Variable("emit_interval", _seconds, "a number of seconds of at least 0"),
    "KABAR_ALERT_RULES": _Variable("alert_rules", _file, "a file of alert rules that exists"),
    "KAFKA_SASL_USERNAME": _Variable("sasl_username", str, "a user name"),
    "KAFKA_SASL_PASSWORD": _Variable("sasl_password", str, "a password"),
    "KAFKA_SASL_PROTOCOL": _Variable("sasl_protocol", _kept_if(SASL_PROTOCOLS.__contains__), " or ".join(SASL_PROTOCOLS)),
}


def from_env(env: Mapping[str, str] | None = None) -> Settings:
    """The settings the environment names, defaults for the rest; SettingsError on an invalid value."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for name, variable in VARIABLES.items():
        text = env.get(name, "")
        if not text:
            continue
        try:
            values[variable.field] = variable.parse(text)
        except ValueError:
            raise SettingsError(name, text, variable.accepts) from None
    if "sasl_username" in values and "sasl_password" not in values:
        raise SettingsError("KAFKA_SASL_PASSWORD", None, "set too when KAFKA_SASL_USERNAME is")
    if "sasl_password" in values and "sasl_username" not in values:
        raise SettingsError("KAFKA_SASL_USERNAME", None, "set too when KAFKA_SASL_PASSWORD is")
    values.setdefault("home", Settings.home.resolve())
    values.setdefault("broker", f"kafka://127.0.0.1:{values.get('local_port', Settings.local_port)}")
    return Settings(**values)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return from_env()
