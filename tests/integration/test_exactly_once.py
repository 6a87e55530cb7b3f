"""Killing a worker with SIGKILL mid-replay, or splitting the work over two workers, gives the same
events as one uninterrupted worker: no event lost, no event id doubled, no mention counted twice."""

from __future__ import annotations

import time

import pytest

from tests.support import Worker, kabar, latest_events, read_topic, wait_for
from tests.integration.helpers import synthetic_archive

N = 120


def _env(base: dict, name: str) -> dict:
    return dict(base, KABAR_TOPIC_PREFIX=f"{base['KABAR_TOPIC_PREFIX']}{name}.",
                KABAR_APP_ID=f"{base['KABAR_APP_ID']}-{name}")


def _state(env) -> dict[str, tuple]:
    """event id -> (type, country, date, sorted articles): what a consumer of the compacted topic sees."""
    return {i: (e["type"], e["country"], e["date"], tuple(sorted(e["articles"])))
            for i, e in latest_events(read_topic(env, "events")).items()}


def _settle(env, expect_articles: set[str] | None = None, timeout: float = 180) -> dict:
    """Wait until the events topic stops changing (and, if given, mentions these articles)."""
    end = time.monotonic() + timeout
    previous = None
    while time.monotonic() < end:
        state = _state(env)
        mentioned = {a for v in state.values() for a in v[3]}
        if state == previous and state and (expect_articles is None or expect_articles <= mentioned):
            return state
        previous = state
        time.sleep(4)
    raise AssertionError(f"events did not settle within {timeout}s ({len(previous or {})} events)")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return synthetic_archive(tmp_path_factory.mktemp("eo") / "synthetic.jsonl", N)


@pytest.fixture(scope="module")
def reference(pipeline_env, archive):
    env = _env(pipeline_env, "ref")
    w = Worker(env, "ref").start()
    try:
        kabar(env, "replay", str(archive))
        return _settle(env)
    finally:
        w.stop()


def _mentions(state: dict) -> set[str]:
    return {a for v in state.values() for a in v[3]}


def test_sigkill_mid_replay_then_restart_gives_the_same_events(pipeline_env, archive, reference):
    env = _env(pipeline_env, "crash")
    w = Worker(env, "crash-1").start()
    kabar(env, "replay", str(archive))
    wait_for(env, "events", lambda r: len(r) >= 10, timeout=120, settle=1)
    w.stop("KILL")
    again = Worker(env, "crash-2").start()
    try:
        state = _settle(env, expect_articles=_mentions(reference))
    finally:
        again.stop()
    assert state == reference


def test_two_workers_split_the_partitions_and_agree_with_one(pipeline_env, archive, reference):
    env = _env(pipeline_env, "two")
    a, b = Worker(env, "two-a").start(), Worker(env, "two-b").start()
    try:
        kabar(env, "replay", str(archive))
        state = _settle(env, expect_articles=_mentions(reference))
        assert a.stats().get("normalize", {}).get("in", 0) > 0 and b.stats().get("normalize", {}).get("in", 0) > 0, \
            "one worker did all the work: the partitions were not split"
    finally:
        a.stop()
        b.stop()
    assert state == reference
