"""The worker's /metrics: Faust's sensor and Kabar's metrics in one exposition that Prometheus parses;
the agents' hooks feed them; /healthz and /readyz answer on the worker and the desk."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

from aiohttp.test_utils import TestClient, TestServer
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from streams import metrics
from streams.agents import common
from streams.app import app, not_ready_because
from streams.codec import dead_letter
from streams.desk.server import DeskState, make_app
from streams.reasons import Reason
from streams.topics import DEADLETTER

DASHBOARD = Path(__file__).resolve().parents[2] / "deploy" / "grafana-dashboard.json"
KABAR = {"kabar_event_age_seconds": "histogram", "kabar_stage_seconds": "histogram",
         "kabar_consumer_lag_records": "gauge", "kabar_consumer_lag_seconds": "gauge",
         "kabar_dead_letters": "counter", "kabar_copies": "counter", "kabar_nlp_rejections": "counter"}


def _families(registry=metrics.REGISTRY) -> dict:
    return {f.name: f for f in text_string_to_metric_families(generate_latest(registry).decode())}


def _value(name: str, **labels: str) -> float:
    return metrics.REGISTRY.get_sample_value(name, labels) or 0.0


def test_the_exposition_parses_with_kabars_metrics_and_fausts():
    families = _families()
    assert {name: families[name].type for name in KABAR} == KABAR
    assert "faust_messages_received" in families
    assert "faust_topic_partition_end_offset" in families


class _FakeTopic:
    async def send(self, **kwargs) -> None:
        pass


async def test_dead_letters_are_counted_by_stage_and_reason_without_detail(monkeypatch):
    monkeypatch.setitem(common.TOPICS, DEADLETTER.name, _FakeTopic())
    before = _value("kabar_dead_letters_total", stage="enrich", reason="invalid-json")
    await common.publish_dead(dead_letter("enrich", Reason.INVALID_JSON, "Expecting value at 1", b"{"))
    await common.publish_dead(dead_letter("enrich", Reason.INVALID_JSON, "unexpected end", b"["))
    assert _value("kabar_dead_letters_total", stage="enrich", reason="invalid-json") == before + 2
    labels = {s.labels["reason"] for s in _families()["kabar_dead_letters"].samples}
    assert labels <= {str(r) for r in Reason}


def test_dropped_copies_are_counted_where_the_stages_count_them():
    before = _value("kabar_copies_total", stage="enrich", kind="exact-duplicate")
    common.count("enrich", "exact-duplicate")
    common.count("enrich", "out")
    assert _value("kabar_copies_total", stage="enrich", kind="exact-duplicate") == before + 1
    assert {s.labels["kind"] for s in _families()["kabar_copies"].samples} <= metrics.COPY_KINDS


async def test_a_stage_times_each_message_and_notes_its_offset():
    before = _value("kabar_stage_seconds_count", stage="normalize")

    async def work(event):
        return "done"

    event = SimpleNamespace(message=SimpleNamespace(topic="articles.raw", partition=3, offset=41))
    assert await common.timed("normalize", work)(event) == "done"
    assert _value("kabar_stage_seconds_count", stage="normalize") == before + 1
    assert common.HANDLED[("articles.raw", 3)] == 41


def test_event_age_runs_from_the_latest_publication_to_the_upsert():
    assert metrics.event_age("2026-06-01T10:00:00Z", now=1780308060.0) == 60.0
    assert metrics.event_age(None, now=1780308060.0) is None
    before = _value("kabar_event_age_seconds_count")
    metrics.upserted("2026-06-01T10:00:00Z", now=1780308060.0)
    assert _value("kabar_event_age_seconds_count") == before + 1
    assert _value("kabar_event_age_seconds_bucket", le="60.0") >= 1


def test_lag_in_seconds_is_the_time_since_the_partition_was_caught_up():
    clock = metrics.LagClock()
    assert clock.seconds_behind("events", 0, 0, now=100.0) == 0.0
    assert clock.seconds_behind("events", 0, 5, now=110.0) == 0.0
    assert clock.seconds_behind("events", 0, 50, now=140.0) == 30.0
    assert clock.seconds_behind("events", 1, 7, now=140.0) == 0.0
    assert clock.seconds_behind("events", 0, 0, now=150.0) == 0.0
    assert clock.seconds_behind("events", 0, 3, now=160.0) == 0.0
    metrics.set_lag("events", 0, 50, 30.0)
    assert _value("kabar_consumer_lag_records", topic="events", partition="0") == 50
    assert _value("kabar_consumer_lag_seconds", topic="events", partition="0") == 30


def test_the_worker_is_ready_once_its_consumer_holds_partitions():
    assert "broker" in not_ready_because(started=False, rebalancing=False, assigned=0)
    assert "rebalancing" in not_ready_because(started=True, rebalancing=True, assigned=4)
    assert "no partitions" in not_ready_because(started=True, rebalancing=False, assigned=0)
    assert not_ready_because(started=True, rebalancing=False, assigned=4) is None


async def test_the_desk_is_alive_at_once_and_ready_once_consuming():
    state = DeskState()
    async with TestClient(TestServer(make_app(state))) as client:
        assert (await client.get("/healthz")).status == 200
        assert (await client.get("/readyz")).status == 503
        state.ready = True
        assert (await client.get("/readyz")).status == 200


async def test_the_worker_serves_metrics_and_its_probes_on_its_web_port():
    """Before its consumer starts (no broker yet), the worker is alive but not ready."""
    web = app.web
    web.init_server()
    async with TestClient(TestServer(web.web_app)) as client:
        assert (await client.get("/healthz")).status == 200
        ready = await client.get("/readyz")
        assert ready.status == 503
        assert "broker" in (await ready.json())["reason"]
        scraped = await client.get("/metrics")
        names = {f.name for f in text_string_to_metric_families(await scraped.text())}
        assert set(KABAR) | {"faust_messages_received"} <= names


def test_the_grafana_dashboard_shows_every_kabar_metric_and_only_exposed_ones():
    families = {**_families(), **_families(metrics.INGEST_REGISTRY)}
    exposed = {sample.name for family in families.values() for sample in family.samples}
    exposed |= {f"{name}_total" for name in families}  # counters before their first increment
    exposed |= {f"{name}_bucket" for name, kind in KABAR.items() if kind == "histogram"}
    panels = json.loads(DASHBOARD.read_text())["panels"]
    queried = {name for panel in panels for target in panel["targets"]
               for name in re.findall(r"\b(?:kabar|faust)_[a-z_]+", target["expr"])}
    shown = [*KABAR, "kabar_feed_fetches"]
    assert [name for name in shown if not any(q.startswith(name) for q in queried)] == []  # a panel for each
    assert queried <= exposed, queried - exposed


def test_kabars_sensor_counts_what_fausts_counts_in_the_same_series():
    from faust.sensors.prometheus import FaustMetrics, PrometheusMonitor
    from faust.types import TP
    from prometheus_client import CollectorRegistry

    from streams.monitor import Monitor

    class Task:
        pass

    class Stream:  # Faust keeps streams and their tasks by weak reference
        shortlabel, task_owner = "Stream: articles.raw", Task()

    def exercise(monitor):
        tp, stream, table = TP("articles.raw", 2), Stream(), SimpleNamespace(name="seen")
        for offset in (7, 8):
            message = SimpleNamespace()
            monitor.on_message_in(tp, offset, message)
            state = monitor.on_stream_event_in(tp, offset, stream, None)
            monitor.on_table_get(table, "k")
            monitor.on_table_set(table, "k", b"v")
            sent = monitor.on_send_initiated(None, "articles.clean", None, 1, 2)
            monitor.on_send_completed(None, sent, None)
            monitor.on_stream_event_out(tp, offset, stream, None, state)
            monitor.on_message_out(tp, offset, message)
            monitor.track_tp_end_offset(tp, offset + 5)
            monitor.on_tp_commit({tp: offset})
        monitor.on_table_del(table, "k")
        monitor.on_rebalance_start(app)  # Faust drops the per-partition series here
        monitor.on_message_in(TP("articles.raw", 2), 9, SimpleNamespace())
        monitor.track_tp_end_offset(tp, 14)
        monitor.on_tp_commit({tp: 9})
        return registry_of[monitor]

    registry_of = {}
    exposed = []
    for kind in (PrometheusMonitor, Monitor):
        registry = CollectorRegistry()
        monitor = kind(metrics=FaustMetrics.create(registry, "t"))
        registry_of[monitor] = registry
        exposed.append({(s.name, tuple(sorted(s.labels.items())), s.value)
                        for f in _families(exercise(monitor)).values() for s in f.samples
                        if not s.name.endswith(("_created", "_bucket", "_sum"))})
    faust_view, ours = exposed
    assert ours == faust_view
    assert ("t_table_operations_total", (("operation", "keys_updated"), ("table", "table.seen")), 2.0) in ours
    assert ("t_messages_received_per_topics_partition", (("partition", "2"), ("topic", "articles.raw")), 9.0) in ours
    assert ("t_topic_partition_end_offset", (("partition", "2"), ("topic", "articles.raw")), 14.0) in ours
    assert ("t_topic_partition_offset_commited", (("partition", "2"), ("topic", "articles.raw")), 9.0) in ours
    assert ("t_events_runtime_ms_count", (), 2.0) in ours
    assert ("t_producer_send_latency_count", (), 2.0) in ours
    assert ("t_active_messages", (), 1.0) in ours  # the message of offset 9 is still in


def test_kabars_sensor_notes_when_each_partition_last_had_an_event_for_fausts_stall_check():
    """Faust's consumer logs a stream that stopped processing from ``stream_inbound_time``."""
    from faust.sensors.prometheus import FaustMetrics
    from faust.types import TP
    from prometheus_client import CollectorRegistry

    from streams.monitor import Monitor

    class Stream:
        shortlabel = "Stream: articles.raw"

    monitor = Monitor(metrics=FaustMetrics.create(CollectorRegistry(), "t"))
    tp, stream = TP("articles.raw", 1), Stream()
    started = monitor.on_stream_event_in(tp, 3, stream, None)
    assert monitor.stream_inbound_time[tp] == started
