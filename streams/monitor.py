"""Faust's Prometheus sensor, with each labelled series looked up once and nothing kept that no one reads.

Faust calls its sensor on every message in, every event, every send and every
table read, write and delete: some forty calls an article in the worker. The
stock ``PrometheusMonitor`` finds the labelled series of a metric on each call
(``labels(...)``: the values made strings, a lock, a dict lookup) and rebuilds
a stream's label from its name; in ``kabar bench`` the sensor took a tenth of
the worker loop's CPU. ``Monitor`` keeps each series it has found, and forgets
them when Faust removes the per-partition series (at a rebalance), so the
metrics, their names and labels are those of Faust's sensor.

On the per-message calls it also skips what Faust's base ``Monitor`` keeps for
its own stats view, which the worker does not serve (``/kabar/stats`` and
``/metrics`` read none of it): counters by topic, stream and task (a weak-key
lookup of the stream and of its task on every event), a timestamp written on
every message, a dict made for every event and every send to carry its start
time. It keeps ``stream_inbound_time``, which Faust's consumer reads to log a
stream that stopped processing. What the per-message calls cost, of the
worker loop's CPU in ``kabar bench`` (py-spy, copies mix): 7.6% before.
"""

from __future__ import annotations

from time import monotonic
from typing import Any
from weakref import WeakKeyDictionary

from faust.sensors.monitor import Monitor as BaseMonitor
from faust.sensors.prometheus import PrometheusMonitor


class Monitor(PrometheusMonitor):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._series: dict[tuple, Any] = {}
        self._stream_labels: WeakKeyDictionary = WeakKeyDictionary()

    def _series_of(self, metric: Any, *values: Any) -> Any:
        key = (id(metric), values)
        series = self._series.get(key)
        if series is None:
            series = self._series[key] = metric.labels(*values)
        return series

    def on_message_in(self, tp, offset, message) -> None:
        metrics = self._metrics
        metrics.messages_received.inc()
        metrics.active_messages.inc()
        self._series_of(metrics.messages_received_per_topics, tp.topic).inc()
        self._series_of(metrics.messages_received_per_topics_partition, tp.topic, tp.partition).set(offset)

    def on_message_out(self, tp, offset, message) -> None:
        self._metrics.active_messages.dec()

    def on_stream_event_in(self, tp, offset, stream, event) -> float:
        """The event's start (the state Faust hands back to ``on_stream_event_out``)."""
        self.stream_inbound_time[tp] = started = monotonic()
        metrics = self._metrics
        metrics.total_events.inc()
        metrics.total_active_events.inc()
        label = self._stream_labels.get(stream)
        if label is None:
            label = self._stream_labels[stream] = f"stream.{self._stream_label(stream)}.events"
        self._series_of(metrics.total_events_per_stream, label).inc()
        return started

    def on_stream_event_out(self, tp, offset, stream, event, state: float | None = None) -> None:
        self._metrics.total_active_events.dec()
        if state is not None:
            self._metrics.events_runtime_latency.observe((monotonic() - state) * 1000.0)

    def on_table_get(self, table, key) -> None:
        self._series_of(self._metrics.table_operations, f"table.{table.name}", self.KEYS_RETRIEVED).inc()

    def on_table_set(self, table, key, value) -> None:
        self._series_of(self._metrics.table_operations, f"table.{table.name}", self.KEYS_UPDATED).inc()

    def on_table_del(self, table, key) -> None:
        self._series_of(self._metrics.table_operations, f"table.{table.name}", self.KEYS_DELETED).inc()

    def on_send_initiated(self, producer, topic, message, keysize, valsize) -> float:
        """The send's start (the state Faust hands back to ``on_send_completed`` or ``on_send_error``)."""
        self._series_of(self._metrics.topic_messages_sent, f"topic.{topic}").inc()
        return monotonic()

    def on_send_completed(self, producer, state: float, metadata) -> None:
        self._metrics.total_sent_messages.inc()
        self._metrics.producer_send_latency.observe((monotonic() - state) * 1000.0)

    def track_tp_end_offset(self, tp, offset) -> None:
        BaseMonitor.track_tp_end_offset(self, tp, offset)
        self._series_of(self._metrics.topic_partition_end_offset, tp.topic, tp.partition).set(offset)

    def on_tp_commit(self, tp_offsets) -> None:
        BaseMonitor.on_tp_commit(self, tp_offsets)
        for tp, offset in tp_offsets.items():
            self._series_of(self._metrics.topic_partition_offset_commited, tp.topic, tp.partition).set(offset)

    def on_rebalance_start(self, app):
        state = super().on_rebalance_start(app)
        self._series.clear()  # the per-partition series were just removed
        return state

    def on_rebalance_end(self, app, state) -> None:
        super().on_rebalance_end(app, state)
        self._series.clear()
