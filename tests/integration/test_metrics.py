"""On the real broker, the worker's /metrics during a replay: Faust's sensor and Kabar's metrics, in the
Prometheus text format its client parses; /healthz and /readyz answer."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

from tests.integration.helpers import SEED, write_archive
from tests.support import ROOT, Worker, kabar


def _scrape(worker: Worker) -> dict[str, list]:
    """The samples of each metric family on the worker's /metrics."""
    url = f"http://127.0.0.1:{worker.env['KABAR_WEB_PORT']}/metrics"
    text = urllib.request.urlopen(url, timeout=5).read().decode()
    return {family.name: family.samples for family in text_string_to_metric_families(text)}


def _total(samples: list, name: str, **labels: str) -> float:
    return sum(s.value for s in samples if s.name == name and labels.items() <= s.labels.items())


def _status(worker: Worker, path: str) -> int:
    return urllib.request.urlopen(f"http://127.0.0.1:{worker.env['KABAR_WEB_PORT']}{path}", timeout=5).status


def test_metrics_during_a_replay(pipeline_env, tmp_path):
    env = dict(pipeline_env, KABAR_TOPIC_PREFIX=pipeline_env["KABAR_TOPIC_PREFIX"] + "metrics.",
               KABAR_APP_ID=pipeline_env["KABAR_APP_ID"] + "-metrics")
    worker = Worker(env, "metrics").start()
    try:
        assert _status(worker, "/healthz") == 200
        assert _status(worker, "/readyz") == 200
        replay = subprocess.Popen([sys.executable, "-m", "streams.cli", "replay"], env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        during = {}
        end = time.monotonic() + 120
        while time.monotonic() < end and not _total(during.get("kabar_stage_seconds", []),
                                                      "kabar_stage_seconds_count", stage="cluster"):
            time.sleep(0.5)
            during = _scrape(worker)
        assert replay.wait(timeout=300) == 0, replay.stderr.read()[-3000:]

        archive = write_archive(tmp_path / "seed.jsonl", SEED)
        # already in the sample: a copy, dropped by normalize (a repeat) or, when the sample's newer
        # articles have moved its partition's clock past the seed's horizon, by enrich (the same text)
        kabar(env, "replay", str(archive))
        after = _scrape(worker)
        end = time.monotonic() + 60
        raw = env["KABAR_TOPIC_PREFIX"] + "articles.raw"
        while time.monotonic() < end and not (  # the lag is measured every few seconds
                _total(after["kabar_copies"], "kabar_copies_total")
                and raw in {s.labels["topic"] for s in after["kabar_consumer_lag_records"]}):
            time.sleep(0.5)
            after = _scrape(worker)
    finally:
        worker.stop()

    for stage in ("normalize", "enrich", "cluster"):
        assert _total(during["kabar_stage_seconds"], "kabar_stage_seconds_count", stage=stage) > 0, stage
    assert "faust_messages_received" in during
    assert _total(after["faust_messages_received"], "faust_messages_received_total") > 0
    assert _total(after["kabar_event_age_seconds"], "kabar_event_age_seconds_count") > 0
    assert {s.labels["topic"] for s in after["kabar_consumer_lag_records"]} >= {
        env["KABAR_TOPIC_PREFIX"] + "articles.raw"}
    assert _total(after["kabar_copies"], "kabar_copies_total") > 0
