"""``kabar broker start|stop|status``: a local Apache Kafka (KRaft) on 127.0.0.1, one node or three.

The jars come from Maven Central through ``deploy/kafka/pom.xml`` (one Kafka
version, pinned there) and are cached in ``$KABAR_HOME/kafka/lib``; a stamp of
the pom's hash tells when to resolve again. Data and logs stay under
``$KABAR_HOME/kafka`` (git-ignored). When ``KAFKA_BROKER`` names another
cluster, nothing local starts.

``kabar broker start --nodes 3`` runs three combined broker+controller nodes
with a three-voter quorum, as a production deployment would: each node has
its own ports (node n from ``KABAR_BROKER_PORT`` + 3(n-1): broker, controller,
SASL), its own ``$KABAR_HOME/kafka/node-N`` and its own PID. Internal topics
are replicated three times with ``min.insync.replicas=2``, and so are Kabar's
(``admin.replication``): the cluster takes writes with one node down. Once a
node has died, ``kabar broker start`` starts it again and leaves the others be.

``kabar broker start --sasl`` also opens a SASL/PLAIN listener without TLS,
two ports above the plain one, accepting one local user: a client's SASL
settings can be tried locally (``tests/integration/test_sasl.py`` does) with
``KAFKA_BROKER=kafka://127.0.0.1:9094 KAFKA_SASL_PROTOCOL=SASL_PLAINTEXT
KAFKA_SASL_USERNAME=kabar KAFKA_SASL_PASSWORD=kabar-local``. It listens on
127.0.0.1 only, like the plain listener that needs no password at all.

Ready means a real client call answered (a metadata request), not just an
open port. Stop sends SIGTERM to the recorded PID, then SIGKILL after a
grace period: never kill by name.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from streams.settings import MAX_LOCAL_NODES, Settings, get_settings
from streams.shutdown import signals_deferred

PROJECT_ROOT = Path(__file__).resolve().parent.parent
POM = PROJECT_ROOT / "deploy" / "kafka" / "pom.xml"
LOG4J = PROJECT_ROOT / "deploy" / "kafka" / "log4j2.properties"
HEAP = "-Xms256m -Xmx512m"  # a 2-core machine shared with the worker; 512 MB is plenty for one node
#: the cluster sizes ``--nodes`` accepts: one, or three (a quorum that outlives one node)
NODE_COUNTS = (1, MAX_LOCAL_NODES)
JVM_FLAGS = (
    "-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 "
    "-XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true"
)


#: the one user the ``--sasl`` listener accepts
LOCAL_SASL_USERNAME = "kabar"
LOCAL_SASL_PASSWORD = "kabar-local"


class BrokerError(RuntimeError):
    """A broker command failed; the message says what to do."""


@dataclass(frozen=True)
class BrokerPaths:
    """One node's files (``root``) beside what the nodes share (``kafka``: jars, cluster id)."""

    root: Path
    kafka: Path

    @property
    def lib(self) -> Path:
        return self.kafka / "lib"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def config(self) -> Path:
        return self.root / "server.properties"

    @property
    def pid(self) -> Path:
        return self.root / "broker.pid"

    @property
    def stamp(self) -> Path:
        return self.lib / ".pom.sha256"

    @property
    def cluster_id(self) -> Path:
        return self.kafka / "cluster.id"


def paths(settings: Settings, node: int = 1, nodes: int = 1) -> BrokerPaths:
    """Where node ``node`` of a ``nodes``-node local cluster keeps its files: a single node in
    ``$KABAR_HOME/kafka`` itself, each node of three in ``$KABAR_HOME/kafka/node-N``."""
    kafka = settings.home / "kafka"
    return BrokerPaths(kafka if nodes == 1 else kafka / f"node-{node}", kafka)


#: what the ``--sasl`` listener adds to server.properties (the JAAS entry lists the users it accepts)
_SASL_PROPERTIES = f"""sasl.enabled.mechanisms=PLAIN
listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule \
required user_{LOCAL_SASL_USERNAME}="{LOCAL_SASL_PASSWORD}";
"""


def sasl_port(settings: Settings, node: int = 1) -> int:
    """The port of a local node's ``--sasl`` listener."""
    return settings.node_port(node) + 2


def controller_port(settings: Settings, node: int) -> int:
    """The port a local node's controller listens on, for the quorum's votes."""
    return settings.node_port(node) + 1


def server_properties(settings: Settings, p: BrokerPaths, sasl: bool = False, node: int = 1, nodes: int = 1) -> str:
    """The server.properties of node ``node`` of a ``nodes``-node cluster (every node is a voter)."""
    from streams.admin import replication

    port = settings.node_port(node)
    controller = controller_port(settings, node)
    voters = ",".join(f"{n}@127.0.0.1:{controller_port(settings, n)}" for n in range(1, nodes + 1))
    replicas, min_isr = replication(nodes)
    parts = settings.partitions
    sasl_listener = f",SASL_PLAINTEXT://127.0.0.1:{sasl_port(settings, node)}" if sasl else ""
    sasl_protocol = ",SASL_PLAINTEXT:SASL_PLAINTEXT" if sasl else ""
    return f"""# Written by `kabar broker start`; edit streams/broker.py, not this file.
process.roles=broker,controller
node.id={node}
controller.quorum.voters={voters}
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller}{sasl_listener}
advertised.listeners=PLAINTEXT://127.0.0.1:{port}{sasl_listener}
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT{sasl_protocol}
log.dirs={p.data}
num.partitions={parts}
# Topics are declared by the app (streams/topics.py); auto-creation would give wrong partition counts.
auto.create.topics.enable=false
# With three nodes every topic, internal or Kabar's, has a copy on each and takes writes with two.
default.replication.factor={replicas}
min.insync.replicas={min_isr}
offsets.topic.replication.factor={replicas}
offsets.topic.num.partitions=4
transaction.state.log.replication.factor={replicas}
transaction.state.log.min.isr={min_isr}
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor={replicas}
share.coordinator.state.topic.min.isr={min_isr}
group.initial.rebalance.delay.ms=0
log.retention.check.interval.ms=300000
log.segment.bytes=67108864
num.network.threads=2
num.io.threads=2
""" + (_SASL_PROPERTIES if sasl else "")



def resolve_jars(p: BrokerPaths, quiet: bool = False) -> None:
    """Fetch the broker's runtime jars with Maven unless the cache matches the pom."""
    digest = hashlib.sha256(POM.read_bytes()).hexdigest()
    if p.stamp.exists() and p.stamp.read_text().strip() == digest and any(p.lib.glob("kafka_2.13-*.jar")):
        return
    if shutil.which("mvn") is None:
        raise BrokerError("Maven (`mvn`) is not installed: install it (e.g. `apt-get install maven`) or set KAFKA_BROKER")
    if p.lib.exists():
        shutil.rmtree(p.lib)
    p.lib.mkdir(parents=True)
    if not quiet:
        print("resolving Kafka jars from Maven Central (once) ...", file=sys.stderr, flush=True)
    cmd = [
        "mvn", "-B", "-q", "-f", str(POM), "dependency:copy-dependencies",
        f"-DoutputDirectory={p.lib}", "-DincludeScope=runtime",
    ]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise BrokerError(f"Maven could not resolve the Kafka jars:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    p.stamp.write_text(digest)


def _java(p: BrokerPaths, *args: str, jvm: tuple[str, ...] = ()) -> list[str]:
    java = shutil.which("java")
    if java is None:
        raise BrokerError("Java 17+ is needed to run Kafka: install a JDK (e.g. `apt-get install openjdk-17-jre-headless`)")
    return [java, *jvm, "-cp", f"{p.lib}/*", *args]


#: the class ``bin/kafka-console-consumer.sh`` runs (jar ``kafka-tools``, in ``deploy/kafka/pom.xml``)
CONSOLE_CONSUMER = "org.apache.kafka.tools.consumer.ConsoleConsumer"


def tool_command(settings: Settings, main_class: str, *args: str) -> list[str]:
    """The command line of one of Kafka's tools (each ``bin/*.sh`` script runs one class) on the broker's jars."""
    return _java(paths(settings), main_class, *args)


def format_storage(p: BrokerPaths) -> None:
    if (p.data / "meta.properties").exists():
        return
    if not p.cluster_id.exists():
        out = subprocess.run(_java(p, "kafka.tools.StorageTool", "random-uuid"), capture_output=True, text=True, check=True)
        p.cluster_id.write_text(out.stdout.strip().splitlines()[-1])
    cmd = _java(p, "kafka.tools.StorageTool", "format", "-t", p.cluster_id.read_text().strip(), "-c", str(p.config), "-g")
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise BrokerError(f"formatting the broker's storage failed: {result.stdout}{result.stderr}")


def _read_pid(p: BrokerPaths) -> int | None:
    try:
        pid = int(p.pid.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    # A recycled PID could belong to anything: only trust it if it is our java.
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return pid
    # Empty while the JVM launcher re-executes itself.
    return pid if not cmdline or b"kafka.Kafka" in cmdline else None


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


def free_port() -> int:
    """A local port no one listens on now (a bench's or a test's worker web server)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def metadata_ok(settings: Settings, bootstrap_servers: str | None = None) -> bool:
    """True when a metadata request to ``bootstrap_servers`` (default: the settings') is answered."""
    from aiokafka import AIOKafkaClient

    from streams.admin import kafka_auth

    client = AIOKafkaClient(bootstrap_servers=bootstrap_servers or settings.bootstrap_servers,
                            request_timeout_ms=3000, **kafka_auth(settings))
    try:
        await client.bootstrap()
        return True
    except Exception:
        return False
    finally:
        await client.close()


def reachable(settings: Settings) -> bool:
    """True when a broker answers at the configured address, whoever started it."""
    host, port = settings.bootstrap_servers.split(",")[0].rsplit(":", 1)
    return port_open(int(port), host) and asyncio.run(metadata_ok(settings))


def wait_ready(settings: Settings, deadline_s: float = 90.0, alive=lambda: True, logs: Path | None = None,
               port: int | None = None) -> None:
    """Block until the broker (the local node on ``port``, if given) answers a metadata request,
    or raise with a hint."""
    host = "127.0.0.1" if port else settings.bootstrap_servers.split(",")[0].rsplit(":", 1)[0]
    address = f"127.0.0.1:{port}" if port else settings.bootstrap_servers
    port = port or settings.broker_port
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if not alive():
            raise BrokerError(f"the broker exited during start-up; see {logs}/broker.out and server.log")
        if port_open(port, host) and asyncio.run(metadata_ok(settings, address)):
            return
        time.sleep(0.5)
    raise BrokerError(f"the broker at {address} did not become ready within {deadline_s:.0f}s")


def node_pid(settings: Settings, node: int, nodes: int) -> int | None:
    """The PID of node ``node`` of the ``nodes``-node local cluster, or None when it does not run."""
    return _read_pid(paths(settings, node, nodes))


def running(settings: Settings) -> tuple[int, dict[int, int]]:
    """The size of the local cluster that has a node running (0 when none) and its live nodes' PIDs."""
    for nodes in NODE_COUNTS:
        pids = {n: pid for n in range(1, nodes + 1) if (pid := node_pid(settings, n, nodes)) is not None}
        if pids:
            return nodes, pids
    return 0, {}


def start(settings: Settings | None = None, quiet: bool = False, sasl: bool = False, nodes: int | None = None) -> str:
    """Start the local broker's ``nodes`` nodes (with the SASL listener if ``sasl``) unless they run
    already; a node of the cluster that died is started again. ``nodes`` defaults to the size of
    the cluster that runs, else one."""
    settings = settings or get_settings()
    if not settings.local_broker:
        wait_ready(settings, deadline_s=30)
        return f"using the existing cluster at {settings.bootstrap_servers}; nothing local started"
    size, pids = running(settings)
    nodes = nodes or size or 1
    if size and size != nodes:
        raise BrokerError(f"a {size}-node local broker runs: `kabar broker stop` it first, "
                          f"then `kabar broker start --nodes {nodes}`")
    for node, pid in pids.items():
        wait_ready(settings, alive=lambda p=paths(settings, node, nodes): _read_pid(p) is not None,
                   logs=paths(settings, node, nodes).logs, port=settings.node_port(node))
        if sasl and not port_open(sasl_port(settings, node)):
            raise BrokerError(f"the broker (pid {pid}) runs without the SASL listener: "
                              "`kabar broker stop`, then `kabar broker start --sasl`")
    missing = [n for n in range(1, nodes + 1) if n not in pids]
    if not missing:
        if nodes == 1:
            return f"broker already running (pid {pids[1]}) on {settings.bootstrap_servers}"
        return f"{nodes} nodes already running: {_listing(settings, pids)}"
    for node in missing:
        _check_free(settings, node, sasl)
    started = time.monotonic()
    procs = {node: _spawn(settings, node, nodes, sasl, quiet) for node in missing}
    # The nodes of a new cluster start together: none answers before a majority of voters is up.
    for node, proc in procs.items():
        wait_ready(settings, alive=lambda proc=proc: proc.poll() is None, logs=paths(settings, node, nodes).logs,
                   port=settings.node_port(node))
    took = f"in {time.monotonic() - started:.1f}s"
    if nodes == 1:
        also = f" and SASL/PLAIN on 127.0.0.1:{sasl_port(settings)}" if sasl else ""
        return f"broker started (pid {procs[1].pid}) on {settings.bootstrap_servers}{also} {took}"
    pids.update((node, proc.pid) for node, proc in procs.items())
    also = " (SASL/PLAIN on each node's port + 2)" if sasl else ""
    return f"started node {', '.join(map(str, missing))} {took}; {nodes} nodes running: {_listing(settings, pids)}{also}"


def _listing(settings: Settings, pids: dict[int, int]) -> str:
    return ", ".join(f"node {n} on 127.0.0.1:{settings.node_port(n)} (pid {pid})" for n, pid in sorted(pids.items()))


def _check_free(settings: Settings, node: int, sasl: bool) -> None:
    for port in (settings.node_port(node), controller_port(settings, node)):
        if port_open(port):
            raise BrokerError(
                f"port {port} is taken by a process Kabar did not start: stop it, or choose other ports "
                "with KABAR_BROKER_PORT, or point KAFKA_BROKER at it to use it as an existing cluster"
            )
    if sasl and port_open(sasl_port(settings, node)):
        raise BrokerError(f"port {sasl_port(settings, node)}, for the SASL listener, is taken: "
                          "free it, or start without --sasl")


def _spawn(settings: Settings, node: int, nodes: int, sasl: bool, quiet: bool) -> subprocess.Popen:
    """Write node ``node``'s configuration, format its storage once, and start its JVM."""
    p = paths(settings, node, nodes)
    for d in (p.root, p.data, p.logs):
        d.mkdir(parents=True, exist_ok=True)
    resolve_jars(p, quiet=quiet)
    p.config.write_text(server_properties(settings, p, sasl, node, nodes))
    format_storage(p)
    jvm = (*HEAP.split(), *JVM_FLAGS.split(), f"-Dkafka.logs.dir={p.logs}", f"-Dlog4j2.configurationFile={LOG4J}")
    cmd = _java(p, "kafka.Kafka", str(p.config), jvm=jvm)
    with open(p.logs / "broker.out", "ab") as out, signals_deferred():  # a JVM started has its pid file
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        p.pid.write_text(str(proc.pid))
    return proc


def stop(settings: Settings | None = None, grace_s: float = 30.0) -> str:
    """SIGTERM to every running local node at once, SIGKILL to those still up after ``grace_s``."""
    settings = settings or get_settings()
    if not settings.local_broker:
        return "an external cluster is configured; nothing local to stop"
    nodes, pids = running(settings)
    if not pids:
        for size in NODE_COUNTS:
            for node in range(1, size + 1):
                paths(settings, node, size).pid.unlink(missing_ok=True)
        return "broker not running"
    alive = {node: paths(settings, node, nodes) for node in pids}
    for pid in pids.values():
        os.kill(pid, signal.SIGTERM)
    end = time.monotonic() + grace_s
    while time.monotonic() < end and not all(_exited(alive[n], pid) for n, pid in pids.items()):
        time.sleep(0.2)
    for node, pid in pids.items():
        if not _exited(alive[node], pid):
            os.kill(pid, signal.SIGKILL)
            time.sleep(0.5)
            _exited(alive[node], pid)
        alive[node].pid.unlink(missing_ok=True)
    if nodes == 1:
        return f"broker stopped (pid {pids[1]})"
    return f"{len(pids)} nodes stopped (pids {', '.join(str(pid) for _, pid in sorted(pids.items()))})"


def _exited(p: BrokerPaths, pid: int) -> bool:
    """True once the broker process is gone. When this process started it (`kabar run`), its exit
    status is collected here: until then it is a zombie, which looks alive to ``_read_pid``."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:  # started by another process, which collects it
        pass
    return _read_pid(p) is None


def status(settings: Settings | None = None) -> tuple[bool, str]:
    """Whether every node of the local broker accepts connections, and a line saying so."""
    settings = settings or get_settings()
    if not settings.local_broker:
        ok = port_open(settings.broker_port, settings.bootstrap_servers.split(",")[0].rsplit(":", 1)[0])
        return ok, f"external cluster {settings.bootstrap_servers}: {'reachable' if ok else 'NOT reachable'}"
    nodes, pids = running(settings)
    if not pids:
        return False, f"broker not running (data in {settings.home / 'kafka'})"
    if nodes == 1:
        p = paths(settings)
        ready = port_open(settings.broker_port)
        return ready, (
            f"broker running: pid {pids[1]}, {settings.bootstrap_servers} "
            f"({'accepting connections' if ready else 'not ready'}), data {p.data}, logs {p.logs}"
        )
    ready = {node: port_open(settings.node_port(node)) for node in pids}
    lines = [
        f"node {node}: pid {pids[node]}, 127.0.0.1:{settings.node_port(node)} "
        f"({'accepting connections' if ready[node] else 'not ready'})" if node in pids
        else f"node {node}: NOT running (`kabar broker start` starts it again)"
        for node in range(1, nodes + 1)
    ]
    ok = len(pids) == nodes and all(ready.values())
    return ok, f"{nodes}-node broker, data and logs in {settings.home / 'kafka'}/node-N:\n  " + "\n  ".join(lines)

