"""``kabar broker start --nodes 3``: three KRaft nodes, each on its own ports and in its own folder,
one quorum of three voters, topics kept on three brokers and written to two before an ack."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from streams import broker
from streams.admin import replication
from streams.settings import SettingsError, from_env


def _properties(env: dict[str, str], node: int, nodes: int, sasl: bool = False) -> dict[str, str]:
    settings = from_env({"KABAR_HOME": "/tmp/kabar-home", **env})
    text = broker.server_properties(settings, broker.paths(settings, node, nodes), sasl, node, nodes)
    return dict(line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#"))


def test_three_nodes_each_listen_on_their_own_ports_and_vote_in_one_quorum():
    nodes = [_properties({}, n, 3) for n in (1, 2, 3)]
    assert [p["node.id"] for p in nodes] == ["1", "2", "3"]
    assert [p["listeners"] for p in nodes] == [
        "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093",
        "PLAINTEXT://127.0.0.1:9095,CONTROLLER://127.0.0.1:9096",
        "PLAINTEXT://127.0.0.1:9098,CONTROLLER://127.0.0.1:9099",
    ]
    assert [p["advertised.listeners"] for p in nodes] == [f"PLAINTEXT://127.0.0.1:{port}" for port in (9092, 9095, 9098)]
    assert {p["controller.quorum.voters"] for p in nodes} == {"1@127.0.0.1:9093,2@127.0.0.1:9096,3@127.0.0.1:9099"}
    assert all(p["process.roles"] == "broker,controller" for p in nodes)
    assert len({p["log.dirs"] for p in nodes}) == 3, "two nodes would share a log folder"


def test_three_nodes_keep_every_internal_topic_on_three_brokers_and_ack_with_two():
    for props in (_properties({}, n, 3) for n in (1, 2, 3)):
        assert props["default.replication.factor"] == props["offsets.topic.replication.factor"] == "3"
        assert props["transaction.state.log.replication.factor"] == "3"
        assert props["min.insync.replicas"] == props["transaction.state.log.min.isr"] == "2"


def test_a_single_node_is_configured_as_before():
    props = _properties({}, 1, 1)
    assert props["node.id"] == "1"
    assert props["listeners"] == "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093"
    assert props["controller.quorum.voters"] == "1@127.0.0.1:9093"
    assert props["offsets.topic.replication.factor"] == props["transaction.state.log.replication.factor"] == "1"
    assert props["min.insync.replicas"] == "1"
    assert props["log.dirs"] == "/tmp/kabar-home/kafka/data"


def test_kabar_broker_port_moves_every_node_and_its_sasl_listener():
    nodes = [_properties({"KABAR_BROKER_PORT": "19092"}, n, 3, sasl=True) for n in (1, 2, 3)]
    assert nodes[2]["listeners"] == ("PLAINTEXT://127.0.0.1:19098,CONTROLLER://127.0.0.1:19099,"
                                     "SASL_PLAINTEXT://127.0.0.1:19100")
    assert nodes[0]["controller.quorum.voters"] == "1@127.0.0.1:19093,2@127.0.0.1:19096,3@127.0.0.1:19099"
    settings = from_env({"KABAR_BROKER_PORT": "19092"})
    assert settings.local_broker and settings.bootstrap_servers == "127.0.0.1:19092"


def test_listing_the_local_nodes_in_kafka_broker_still_means_the_local_broker():
    every_node = "kafka://127.0.0.1:19092;kafka://127.0.0.1:19095;kafka://127.0.0.1:19098"
    assert from_env({"KABAR_BROKER_PORT": "19092", "KAFKA_BROKER": every_node}).local_broker
    assert not from_env({"KAFKA_BROKER": every_node}).local_broker, "19092 is not a node of the default ports"
    assert not from_env({"KAFKA_BROKER": "kafka://127.0.0.1:9092;kafka://kafka.internal:9092"}).local_broker


@pytest.mark.parametrize("text", ["0", "65528", "abc", "-1"])
def test_a_port_that_leaves_no_room_for_three_nodes_is_refused(text):
    with pytest.raises(SettingsError, match="KABAR_BROKER_PORT .* from 1 to 65527"):
        from_env({"KABAR_BROKER_PORT": text})


def test_node_folders_are_apart_and_share_the_jars_and_cluster_id(tmp_path):
    settings = from_env({"KABAR_HOME": str(tmp_path)})
    single = broker.paths(settings)
    nodes = [broker.paths(settings, n, 3) for n in (1, 2, 3)]
    assert single.data == tmp_path / "kafka" / "data"
    assert [p.data for p in nodes] == [tmp_path / "kafka" / f"node-{n}" / "data" for n in (1, 2, 3)]
    assert {p.lib for p in [single, *nodes]} == {tmp_path / "kafka" / "lib"}
    assert {p.cluster_id for p in nodes} == {tmp_path / "kafka" / "cluster.id"}


@pytest.mark.parametrize(("brokers", "expected"), [(1, (1, 1)), (2, (2, 1)), (3, (3, 2)), (5, (3, 2))])
def test_topics_are_replicated_three_times_and_need_two_copies_once_the_cluster_has_three(brokers, expected):
    assert replication(brokers) == expected


@contextmanager
def _stand_ins(tmp_path: Path, nodes: tuple[int, ...]) -> Iterator[dict[int, subprocess.Popen]]:
    """Processes that look like broker nodes of a three-node cluster (recorded PID, kafka.Kafka in
    their command line) without a JVM."""
    settings = from_env({"KABAR_HOME": str(tmp_path)})
    procs = {}
    try:
        for node in nodes:
            p = broker.paths(settings, node, 3)
            p.root.mkdir(parents=True)
            procs[node] = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", "kafka.Kafka"])
            p.pid.write_text(str(procs[node].pid))
        yield procs
    finally:
        for proc in procs.values():
            proc.kill()
            proc.wait()


def test_status_names_the_node_that_is_down_and_stop_stops_every_other(tmp_path):
    settings = from_env({"KABAR_HOME": str(tmp_path), "KABAR_BROKER_PORT": "19092"})
    with _stand_ins(tmp_path, (1, 3)) as procs:
        assert broker.running(settings) == (3, {1: procs[1].pid, 3: procs[3].pid})
        ok, text = broker.status(settings)
        assert not ok and "node 2: NOT running (`kabar broker start` starts it again)" in text
        assert broker.stop(settings, grace_s=5) == f"2 nodes stopped (pids {procs[1].pid}, {procs[3].pid})"
        assert all(proc.poll() is not None for proc in procs.values())
    assert broker.running(settings) == (0, {})


def test_start_with_another_size_than_the_running_cluster_says_to_stop_it_first(tmp_path):
    settings = from_env({"KABAR_HOME": str(tmp_path), "KABAR_BROKER_PORT": "19092"})
    with _stand_ins(tmp_path, (1, 2, 3)):
        with pytest.raises(broker.BrokerError, match=r"a 3-node local broker runs: `kabar broker stop` it first"):
            broker.start(settings, nodes=1)


def test_start_waits_for_an_external_cluster_at_its_own_host(monkeypatch):
    """``kabar broker start`` (and ``kabar run``) with KAFKA_BROKER naming another host: ready once
    that host answers, not a port on 127.0.0.1."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.2", 0))
        listener.listen()
        settings = from_env({"KAFKA_BROKER": f"kafka://127.0.0.2:{listener.getsockname()[1]}"})

        async def answered(settings, bootstrap_servers=None) -> bool:
            return bootstrap_servers == settings.bootstrap_servers

        monkeypatch.setattr(broker, "metadata_ok", answered)
        assert broker.start(settings) == f"using the existing cluster at {settings.bootstrap_servers}; nothing local started"
