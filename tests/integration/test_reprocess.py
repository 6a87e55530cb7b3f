"""`kabar reprocess`: a new state generation re-reads articles.raw from a time and rebuilds the events."""

from __future__ import annotations

import time

from tests.integration.helpers import SEED, write_archive
from tests.support import Worker, kabar, latest_events, read_topic, wait_for


def test_a_new_generation_rebuilds_events_from_the_raw_log(pipeline_env, tmp_path):
    env = dict(pipeline_env, KABAR_TOPIC_PREFIX=pipeline_env["KABAR_TOPIC_PREFIX"] + "reprocess.",
               KABAR_APP_ID=pipeline_env["KABAR_APP_ID"] + "-reprocess")
    kabar(env, "replay", str(write_archive(tmp_path / "a.jsonl", SEED, "sample-en-strike")))
    first = Worker(env, "gen1").start()
    try:
        wait_for(env, "events", lambda r: any("sample-en-strike" in e["articles"] for e in r))
    finally:
        first.stop()
    before = latest_events(read_topic(env, "events"))

    # Re-read only what was published from 2023 on: the strike, not the 2022 seed article.
    out = kabar(env, "reprocess", "--since", "2023-01-01T00:00:00Z", "--version", "2").stdout
    assert "re-read 1 raw articles" in out

    second = Worker(dict(env, KABAR_APP_VERSION="2"), "gen2").start()
    try:
        end = time.monotonic() + 90
        while second.stats().get("cluster", {}).get("out", 0) < 1 and time.monotonic() < end:
            time.sleep(0.5)
        stats = second.stats()
    finally:
        second.stop()
    assert stats["normalize"]["in"] == 1 and stats["cluster"]["out"] == 1
    after = latest_events(read_topic(env, "events"))
    strike = {i for i, e in before.items() if "sample-en-strike" in e["articles"]}
    assert strike and strike <= set(after), "the rebuilt events keep their ids"
    assert all(after[i]["revision"] == 1 for i in strike), "the new generation started from empty state"
