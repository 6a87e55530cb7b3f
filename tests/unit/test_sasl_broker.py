"""``kabar broker start --sasl``: the local broker's server.properties open a SASL/PLAIN listener."""

from __future__ import annotations

from streams import broker
from streams.settings import from_env


def _properties(sasl: bool) -> dict[str, str]:
    settings = from_env({"KABAR_HOME": "/tmp/kabar-home"})
    text = broker.server_properties(settings, broker.paths(settings), sasl)
    return dict(line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#"))


def test_with_sasl_the_broker_also_listens_for_sasl_plain_two_ports_up():
    props = _properties(sasl=True)
    listener = "SASL_PLAINTEXT://127.0.0.1:9094"
    assert listener in props["listeners"].split(",") and listener in props["advertised.listeners"].split(",")
    assert "SASL_PLAINTEXT:SASL_PLAINTEXT" in props["listener.security.protocol.map"].split(",")
    assert props["sasl.enabled.mechanisms"] == "PLAIN"
    jaas = props["listener.name.sasl_plaintext.plain.sasl.jaas.config"]
    assert jaas == ('org.apache.kafka.common.security.plain.PlainLoginModule required '
                    f'user_{broker.LOCAL_SASL_USERNAME}="{broker.LOCAL_SASL_PASSWORD}";')
    # brokers and controller still talk plaintext among themselves, on the same ports as without SASL
    plain = _properties(sasl=False)
    assert props["inter.broker.listener.name"] == "PLAINTEXT"
    assert props["controller.quorum.voters"] == plain["controller.quorum.voters"]
    assert plain["listeners"] in props["listeners"]


def test_without_sasl_no_listener_asks_for_a_password():
    props = _properties(sasl=False)
    assert props["listeners"] == "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093"
    assert not any("sasl" in key or "SASL" in value for key, value in props.items())
