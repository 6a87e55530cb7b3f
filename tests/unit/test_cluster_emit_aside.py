"""Under ``at_least_once`` the cluster agent emits in a task of its own (``cluster.emit_aside``): it
goes on while the broker confirms the state writes, and each message is still acknowledged only once
the upserts it caused are sent and its state is on the changelog."""

import asyncio
from dataclasses import replace

from streams.agents import cluster
from streams.agents.upserts import PendingUpserts
from streams.dedup.cluster import Clusterer
from tests.unit.test_cluster_acks import FakeStream, FakeTable, _message
from tests.unit.test_event_mentions import _report


def test_the_agent_goes_on_while_the_state_writes_are_confirmed(monkeypatch):
    result = Clusterer({}).process(_report(0))
    table, stream, sent = FakeTable(), FakeStream(), []

    async def send(spec, key, record) -> None:
        sent.append(key)

    async def scenario() -> None:
        monkeypatch.setattr(cluster, "_emitting", asyncio.Lock())
        monkeypatch.setattr(cluster, "_emitting_task", None)
        write = asyncio.get_running_loop().create_future()
        table.writes.append(write)
        cluster.pending.add((stream, _message("message-0")), [(result.article_id, result.events)])
        await asyncio.wait_for(cluster.emit_aside(), 1)  # returns at once: the write is not confirmed yet
        first = cluster._emitting_task
        await cluster.emit_aside()  # one round the agent started at a time
        assert cluster._emitting_task is first
        await asyncio.sleep(0.05)
        assert sent == [result.events[0].id]
        assert stream.acked == [], "acknowledged (so committed) before its state was on the changelog"
        write.set_result(None)
        await first
        assert stream.acked == ["message-0"]

    monkeypatch.setattr(cluster, "cluster_state", table)
    monkeypatch.setattr(cluster, "send", send)
    monkeypatch.setattr(cluster, "pending", PendingUpserts(0.2))
    monkeypatch.setattr(cluster, "settings", replace(cluster.settings, processing_guarantee="at_least_once"))
    asyncio.run(scenario())


def test_a_round_whose_write_failed_acknowledges_nothing_and_the_next_round_goes_on(monkeypatch):
    result = Clusterer({}).process(_report(0))
    table, stream = FakeTable(), FakeStream()

    async def send(spec, key, record) -> None:
        pass

    async def scenario() -> None:
        monkeypatch.setattr(cluster, "_emitting", asyncio.Lock())
        monkeypatch.setattr(cluster, "_emitting_task", None)
        failed = asyncio.get_running_loop().create_future()
        failed.set_exception(OSError("the broker went away"))
        table.writes.append(failed)
        cluster.pending.add((stream, _message("message-0")), [(result.article_id, result.events)])
        await cluster.emit_aside()
        await cluster._emitting_task
        assert stream.acked == []
        cluster.pending.add((stream, _message("message-1", offset=1)), [(result.article_id, result.events)])
        await cluster.emit_aside()
        await cluster._emitting_task
        assert stream.acked == ["message-1"]  # Faust commits no offset past message-0, never acknowledged

    monkeypatch.setattr(cluster, "cluster_state", table)
    monkeypatch.setattr(cluster, "send", send)
    monkeypatch.setattr(cluster, "pending", PendingUpserts(0.2))
    monkeypatch.setattr(cluster, "settings", replace(cluster.settings, processing_guarantee="at_least_once"))
    asyncio.run(scenario())
