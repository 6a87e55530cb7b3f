"""Crash and scale-out on the real broker.

Killing a worker with SIGKILL mid-replay and starting another gives the same events as an
uninterrupted run: no event lost, no event id doubled, no mention counted twice. That test runs
the pipeline on one partition per topic, where the order of articles is total, so "the same"
can mean equal, record for record. With several partitions, articles from different upstream
partitions meet in the cluster stage in an order that differs from run to run (which copy of a
story comes first); the two-worker test checks what holds in any order, on a stream that stays
inside the dedup horizon.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter


from tests.integration.helpers import synthetic_archive
from tests.support import ROOT, Worker, kabar, latest_events, read_topic

def _env(base: dict, name: str, partitions: int) -> dict:
    return dict(base, KABAR_TOPIC_PREFIX=f"{base['KABAR_TOPIC_PREFIX']}{name}.",
                KABAR_APP_ID=f"{base['KABAR_APP_ID']}-{name}", KABAR_PARTITIONS=str(partitions))


def _state(env) -> dict[str, dict]:
    return latest_events(read_topic(env, "events"))


def _settle(env, expect_articles: set[str] | None = None, timeout: float = 240) -> dict[str, dict]:
    """Wait until the events topic stops changing (and, if given, mentions these articles)."""
    end = time.monotonic() + timeout
    previous = None
    while time.monotonic() < end:
        state = _state(env)
        if state and state == previous and (expect_articles is None or expect_articles <= _mentions(state)):
            return state
        previous = state
        time.sleep(4)
    raise AssertionError(f"events did not settle within {timeout}s ({len(previous or {})} events, "
                         f"missing mentions: {sorted((expect_articles or set()) - _mentions(previous or {}))[:10]})")


def _mentions(state: dict[str, dict]) -> set[str]:
    return {a for e in state.values() for a in e["articles"]}


def _summary(state: dict[str, dict]) -> dict[str, tuple]:
    return {i: (e["type"], e["country"], e["date"], e["place"], tuple(sorted(e["articles"])), tuple(sorted(e["counts"].items())))
            for i, e in state.items()}


def _run_uninterrupted(env, archive) -> dict[str, dict]:
    w = Worker(env, env["KABAR_APP_ID"]).start()
    try:
        kabar(env, "replay", str(archive))
        return _settle(env)
    finally:
        w.stop()


def test_sigkill_mid_replay_then_restart_gives_the_same_events(pipeline_env, tmp_path):
    # Thirty copies of the Kazakhstan coverage within one day, inside the dedup horizon: what a
    # restarted worker redelivers (up to a commit interval of work) still finds its state.
    # (Redelivering an article whose state expired meanwhile re-decides it; see cluster.py.)
    archive = synthetic_archive(tmp_path / "kz.jsonl", 30, days_between_rounds=0,
                                exclude=("sample-id-banjir", "sample-id-demo", "sample-en-strike"))
    reference = _run_uninterrupted(_env(pipeline_env, "ref1", 1), archive)
    env = _env(pipeline_env, "crash", 1)
    first = Worker(env, "crash-1").start()
    # Paced replay (half a day of news in ~9 s), so the kill lands mid-stream.
    replay = subprocess.Popen([sys.executable, "-m", "streams.cli", "replay", str(archive), "--speed", "5000"],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.monotonic() + 120
    while len(read_topic(env, "events", timeout=0.5)) < 5 and time.monotonic() < end:
        time.sleep(0.2)
    first.stop("KILL")
    assert replay.wait(timeout=120) == 0
    assert len(_mentions(_state(env))) < len(_mentions(reference)), "the worker finished before it was killed"
    second = Worker(env, "crash-2").start()
    try:
        state = _settle(env, expect_articles=_mentions(reference))
    finally:
        second.stop()
    assert _summary(state) == _summary(reference)


def test_two_workers_split_the_partitions_and_lose_or_double_nothing(pipeline_env, tmp_path):
    # Rounds a day apart, inside the horizon: which copy of a story arrives first varies with the
    # split, but every copy must end up a mention of the same events. The 2024 flood report is left
    # out: mixed with 2022 Indonesian news it moves that partition's clock two years ahead, and a
    # 2022 copy overtaken by it on the way expires on arrival (a known limit, see cluster.py).
    archive = synthetic_archive(tmp_path / "daily.jsonl", 35, days_between_rounds=1, exclude=("sample-id-banjir",))
    reference = _run_uninterrupted(_env(pipeline_env, "ref4", 4), archive)
    env = _env(pipeline_env, "two", 4)
    a = Worker(env, "two-a").start()
    total = a.assigned()
    b = Worker(env, "two-b").start()
    try:
        # The test measures a split, not a rebalance under load: wait until the two own everything.
        end = time.monotonic() + 60
        while not (a.ready() and b.ready() and a.assigned() + b.assigned() == total) and time.monotonic() < end:
            time.sleep(0.5)
        assert a.assigned() + b.assigned() == total, "the two workers never settled on a split"
        kabar(env, "replay", str(archive))
        state = _settle(env, expect_articles=_mentions(reference))
        worked = [w.stats().get("normalize", {}).get("in", 0) for w in (a, b)]
    finally:
        a.stop()
        b.stop()
    assert all(worked), f"one worker did all the work ({worked}): the partitions were not split"
    assert _mentions(state) == _mentions(reference)
    for event in state.values():
        assert len(event["articles"]) == len(set(event["articles"])), f"{event['id']} counts a mention twice"
    described = Counter((e["type"], e["mode"], e["country"], e["date"], e["place"], tuple(e["actors"]),
                         tuple(e["targets"]), tuple(sorted(e["articles"]))) for e in state.values())
    assert max(described.values()) == 1, "one happening was published under two event ids"
    assert Counter(e["type"] for e in state.values()).keys() == Counter(e["type"] for e in reference.values()).keys()
