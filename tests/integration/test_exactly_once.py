"""Crash, scale-out and a crash during a rebalance on the real broker.

Killing a worker with SIGKILL mid-replay and starting another gives the same events as an
uninterrupted run: no event lost, no event id doubled, no mention counted twice. That test runs
the pipeline on one partition per topic, where the order of articles is total, so "the same"
can mean equal, record for record. It runs with both processing guarantees: with
``at_least_once`` (the default) the restarted worker redoes up to a commit interval of work and
sends those upserts again, unchanged; with ``exactly_once`` (Kafka transactions) the killed
worker's open transaction is aborted, so a ``read_committed`` reader sees each event's states
once, in order (which intermediate states are sent depends on timing: the cluster stage gathers
upserts for a moment and sends the latest state of each event). With several partitions, articles
from different upstream partitions meet in the cluster stage in an order that differs from run
to run (which copy of a story comes first); the two-worker test checks what holds in any order,
on a stream that stays inside the dedup horizon.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections import Counter

import orjson
import pytest

from streams.timeutil import parse_time
from tests.integration.helpers import SEED, synthetic_archive, write_archive
from tests.support import (ROOT, Worker, committed_events, committed_offset, kabar, mentions, read_committed, read_topic,
                           settle_events)


def _env(base: dict, name: str, partitions: int, processing: str = "at_least_once") -> dict:
    return dict(base, KABAR_TOPIC_PREFIX=f"{base['KABAR_TOPIC_PREFIX']}{name}.",
                KABAR_APP_ID=f"{base['KABAR_APP_ID']}-{name}", KABAR_PARTITIONS=str(partitions),
                KABAR_PROCESSING=processing)


def _summary(state: dict[str, dict]) -> dict[str, tuple]:
    return {i: (e["type"], e["country"], e["date"], e["place"], tuple(sorted(e["articles"])), tuple(sorted(e["counts"].items())))
            for i, e in state.items()}


def _run_uninterrupted(env, archive) -> dict[str, dict]:
    w = Worker(env, env["KABAR_APP_ID"]).start()
    try:
        kabar(env, "replay", str(archive))
        return settle_events(env)
    finally:
        w.stop()


@pytest.fixture(scope="module")
def kazakhstan(pipeline_env, tmp_path_factory):
    """Thirty copies of the Kazakhstan coverage within one day, and the events of an
    uninterrupted run of them."""
    archive = synthetic_archive(tmp_path_factory.mktemp("kz") / "kz.jsonl", 30, days_between_rounds=0,
                                exclude=("sample-id-banjir", "sample-id-demo", "sample-en-strike"))
    return archive, _run_uninterrupted(_env(pipeline_env, "ref1", 1), archive)


@pytest.mark.parametrize("processing", ["at_least_once", "exactly_once"])
def test_sigkill_mid_replay_then_restart_gives_the_same_events(pipeline_env, kazakhstan, processing):
    # All within the dedup horizon: what a restarted worker redoes finds its state (an article
    # redelivered after its state expired would find its tombstone, see cluster.py).
    archive, reference = kazakhstan
    env = _env(pipeline_env, {"at_least_once": "crash", "exactly_once": "crash-eos"}[processing], 1, processing)
    first = Worker(env, "crash-1").start()
    # Paced replay (half a day of news in ~9 s), so the kill lands mid-stream.
    replay = subprocess.Popen([sys.executable, "-m", "streams.cli", "replay", str(archive), "--speed", "5000"],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.monotonic() + 120
    while len(read_topic(env, "events", timeout=0.5)) < 5 and time.monotonic() < end:
        time.sleep(0.2)
    first.stop("KILL")
    assert replay.wait(timeout=120) == 0
    assert len(mentions(committed_events(env))) < len(mentions(reference)), "the worker finished before it was killed"
    second = Worker(env, "crash-2").start()
    try:
        state = settle_events(env, expect_articles=mentions(reference))
    finally:
        second.stop()
    assert _summary(state) == _summary(reference)
    if processing == "exactly_once":
        # Not only the same final events: a read_committed reader sees each event's states in order,
        # and what the killed worker sent and did not commit stays invisible.
        # (Which intermediate states go out depends on timing: upserts are gathered, see upserts.py.)
        #
        # Known limit (see the README): the cluster stage gathers upserts and sends them later, in the
        # transaction of their article's partition, but a commit may fall between an upsert's send
        # and its article's acknowledgement; the restarted worker then answers that article again
        # with the same state. A reader sees such a state twice, identical; never an older state after a newer.
        revisions: dict[str, list[int]] = {}
        states: dict[tuple[str, int], dict] = {}
        changed = set()
        for value in read_committed(env, "events"):
            event = orjson.loads(value)
            revisions.setdefault(event["id"], []).append(event["revision"])
            if states.setdefault((event["id"], event["revision"]), event) != event:
                changed.add((event["id"], event["revision"]))
        assert revisions.keys() == reference.keys()
        regressing = {i: r for i, r in revisions.items() if r != sorted(r)}
        assert not regressing, f"states out of order: {regressing}"
        assert not changed, f"one revision of an event sent with two different states: {sorted(changed)}"


def test_a_worker_killed_after_a_commit_its_cluster_state_lags_behind_loses_no_mention(pipeline_env, kazakhstan):
    """The test above with its window held open: the ``cluster-state`` changelog lags seconds behind
    the table (``lagging_changelog``), and the worker is killed as soon as it has committed an offset
    on ``articles.enriched``. Whatever it committed must have its state on the changelog (the agent
    waits for it before acknowledging); the restarted worker redoes the rest. Before it waited, the
    articles behind that first commit were in neither and were lost."""
    archive, reference = kazakhstan
    env = _env(pipeline_env, "lag", 1)
    first = Worker(env, "lag-1", module="tests.integration.lagging_changelog").start()
    replay = subprocess.Popen([sys.executable, "-m", "streams.cli", "replay", str(archive), "--speed", "5000"],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.monotonic() + 120
    while not committed_offset(env, "articles.enriched") and time.monotonic() < end:
        time.sleep(0.2)
    first.stop("KILL")
    assert committed_offset(env, "articles.enriched"), "the worker committed nothing in two minutes"
    assert replay.wait(timeout=120) == 0
    assert len(mentions(committed_events(env))) < len(mentions(reference)), "the worker finished before it was killed"
    second = Worker(env, "lag-2").start()
    try:
        state = settle_events(env, expect_articles=mentions(reference), timeout=120)
    finally:
        second.stop()
    assert _summary(state) == _summary(reference)


def _split(archive, first: int, folder) -> tuple:
    """The archive as two files replayed one after the other: its ``first`` articles in the order
    ``kabar replay`` sends them (by publication time), then the rest."""
    articles = sorted(archive.read_bytes().splitlines(), key=lambda line: parse_time(orjson.loads(line)["published_at"]))
    parts = folder / "first.jsonl", folder / "rest.jsonl"
    parts[0].write_bytes(b"\n".join(articles[:first]) + b"\n")
    parts[1].write_bytes(b"\n".join(articles[first:]) + b"\n")
    return parts


def _handled_everything(env, worker: Worker, articles: int) -> bool:
    """Whether each stage of ``worker`` has taken every message its topic holds so far."""
    stats = worker.stats()
    taken = {stage: stats.get(stage, {}).get("in", 0) for stage in ("normalize", "enrich", "cluster")}
    return (taken["normalize"] >= articles and taken["enrich"] >= len(read_topic(env, "articles.clean", timeout=0.5))
            and taken["cluster"] >= len(read_topic(env, "articles.enriched", timeout=0.5)) > 0)


def _wait_until_committed(env, topic: str, predicate, timeout: float = 90) -> list[bytes]:
    """The values of ``topic`` a ``read_committed`` reader sees, once ``predicate`` holds of them
    (or after ``timeout`` seconds)."""
    end = time.monotonic() + timeout
    values = read_committed(env, topic)
    while not predicate(values) and time.monotonic() < end:
        time.sleep(2)
        values = read_committed(env, topic)
    return values


def _rejoined_then_killed(env, kazakhstan, tmp_path, name: str, changelog_lag: str, *,
                          nothing_committed_first: bool = False) -> None:
    """The first four articles handled (the cluster stage gathering upserts 8 s, so nothing is
    acknowledged yet), the worker rejoins its group, handles them again and is SIGKILLed at its
    first commit; a new worker handles the rest. Its events must be those of a run without
    interruption."""
    archive, reference = kazakhstan
    first_part, rest = _split(archive, 4, tmp_path)
    rejoin = tmp_path / "rejoin"
    first = Worker(dict(env, KABAR_EMIT_INTERVAL="8", KABAR_TEST_CHANGELOG_LAG=changelog_lag,
                        KABAR_TEST_REJOIN_FILE=str(rejoin)),
                   f"{name}-1", module="tests.integration.lagging_changelog").start()
    try:
        kabar(env, "replay", str(first_part))
        end = time.monotonic() + 60
        while not _handled_everything(env, first, 4) and time.monotonic() < end:
            time.sleep(0.2)
        assert _handled_everything(env, first, 4), "the worker did not handle the first articles in a minute"
        if nothing_committed_first:
            assert committed_offset(env, "articles.enriched") is None, "the cluster stage committed before the rebalance"
        rejoin.touch()
        end = time.monotonic() + 120
        while not committed_offset(env, "articles.enriched") and time.monotonic() < end:
            time.sleep(0.2)
    finally:
        first.stop("KILL")
    assert not rejoin.exists(), "the worker never rejoined its group"
    assert committed_offset(env, "articles.enriched"), "the worker committed nothing in two minutes"
    kabar(env, "replay", str(rest))
    second = Worker(env, f"{name}-2").start()
    try:
        state = settle_events(env, expect_articles=mentions(reference), timeout=120)
    finally:
        second.stop()
    assert _summary(state) == _summary(reference)


def test_a_worker_killed_after_a_rebalance_redid_its_articles_loses_no_mention(pipeline_env, kazakhstan, tmp_path):
    """A rebalance drops the messages waiting for their acknowledgement, not the state they wrote:
    delivered again, each article finds its state and writes nothing. Its acknowledgement must
    still wait for the changelog writes made before the rebalance. Here they lag 45 s; the worker
    handles the first articles (gathering upserts 8 s, so nothing is acknowledged before the
    rebalance), rejoins its group, handles them again and is killed at its first commit. (With
    nothing committed, Faust goes on from where it was after the rebalance; the articles come
    again when the quiet partition is fetched again, see ``continuity``, 10-20 s later.)
    Before the acknowledgement waited for those writes, the first articles were lost."""
    _rejoined_then_killed(_env(pipeline_env, "rejoin", 1), kazakhstan, tmp_path, "rejoin", changelog_lag="45")


def test_exactly_once_a_rebalance_mid_batch_then_sigkill_loses_no_mention(pipeline_env, kazakhstan, tmp_path):
    """With ``exactly_once`` the articles the cluster stage gathers (8 s here) wrote their state in
    the partition's open transaction. A rebalance drops them; delivered again, they find that state
    and write nothing, and their offsets are committed with the transaction. Had the rebalance
    aborted it, the state would be in the worker's table and nowhere on the changelog, and the
    worker restarted after a SIGKILL would have lost those articles' mentions. Faust ends a
    partition's transaction only when the partition leaves the worker
    (``TransactionManager.on_rebalance`` stops the producers of the partitions revoked, the old
    assignment less the new one; the partition's next producer aborts what they left open). A
    worker that keeps the partition keeps its transaction open through the rebalance (Faust's
    ``begin_transaction`` on it fails, logged, and changes nothing), and the first handling's
    writes are committed with the redelivered offsets. (A partition that leaves the worker and comes
    back: the next test.)"""
    _rejoined_then_killed(_env(pipeline_env, "eos-rejoin", 1, "exactly_once"), kazakhstan, tmp_path, "eos-rejoin",
                          changelog_lag="0", nothing_committed_first=True)


def test_exactly_once_a_partition_that_leaves_and_comes_back_unredone_loses_no_article(pipeline_env, tmp_path):
    """With ``exactly_once`` a worker's table writes are part of the open transaction of their
    partition. Worker A handles every article with its commits held (its transactions stay open);
    B joins and takes one of the two partitions (B's producer of it fences A's, and A's transaction
    there is aborted) but redoes nothing of it (its ``normalize`` never finishes a message) and
    leaves; A gets the partition back and is given its articles again. Nothing A wrote in the
    aborted transaction may survive in its local store: an article's ``seen-articles`` entry left
    there made the redelivered article look like a repeat, and it never reached ``articles.clean``
    (see ``app._Store.on_rebalance``). And A must send with a new producer: it kept the fenced one
    (the partition stayed here as a standby), and nothing sent to the partition was committed
    (``app._TransactionManager.on_rebalance``). And an article of the partition A kept whose clean
    copy goes to the other partition of ``articles.clean`` must have it sent in its own partition's
    transaction: sent in the transaction of the partition it went to, the copy was aborted with it
    while the article was committed as handled (``app._TransactionManager.send``)."""
    env = _env(pipeline_env, "eos-back", 2, "exactly_once")
    archive = synthetic_archive(tmp_path / "back.jsonl", 12, days_between_rounds=0)
    ids = {orjson.loads(line)["id"] for line in archive.read_bytes().splitlines()}
    hold = tmp_path / "hold"
    hold.touch()
    a = Worker(dict(env, KABAR_TEST_HOLD_COMMITS_FILE=str(hold)), "back-a", module="tests.integration.held_worker").start()
    b = Worker(dict(env, KABAR_TEST_STALL_NORMALIZE="1"), "back-b", module="tests.integration.held_worker")
    try:
        total = a.assigned()
        kabar(env, "replay", str(archive))
        end = time.monotonic() + 90
        while a.stats().get("normalize", {}).get("out", 0) < len(ids) and time.monotonic() < end:
            time.sleep(0.2)
        assert a.stats()["normalize"]["out"] == len(ids), "worker A did not handle every article in 90 s"
        assert committed_offset(env, "articles.raw", 0) is None and committed_offset(env, "articles.raw", 1) is None
        b.start()
        assert a.assigned() < total, "worker B took no partition of worker A"
        b.stop()
        end = time.monotonic() + 90
        while not (a.ready() and a.assigned() == total) and time.monotonic() < end:
            time.sleep(0.5)
        assert a.assigned() == total, "worker A did not get its partitions back"
        hold.unlink()
        clean = _wait_until_committed(env, "articles.clean", lambda values: ids <= {orjson.loads(v)["id"] for v in values})
        repeats = a.stats()["normalize"].get("repeat", 0)
    finally:
        b.stop("KILL")
        a.stop()
    assert {orjson.loads(v)["id"] for v in clean} == ids, f"{repeats} articles taken for repeats"


def test_a_rebalance_on_a_fresh_group_loses_no_waiting_article(pipeline_env, tmp_path):
    """A rebalance drops the articles whose upserts the cluster stage is gathering (8 s here); with
    nothing committed yet Faust's commit has no gap check, so had the consumer gone on past them,
    the next acknowledgements would commit past them and their events would never go out. The
    consumer is made to go on from the end of the log (``auto_offset_reset=latest``: it was seen
    once to go on past them with Kabar's ``earliest`` too); the worker seeks back to the first
    article it had not acknowledged, and every article is a mention. The articles after the
    rebalance are other stories, so that no later upsert carries the dropped ones' mentions."""
    env = _env(pipeline_env, "fresh", 1)
    rejoin = tmp_path / "rejoin"
    waiting, after = ("sample-id-demo", "sample-en-strike"), (SEED, "sample-kz-en-1", "sample-kz-en-2")
    worker = Worker(dict(env, KABAR_EMIT_INTERVAL="8", KABAR_TEST_CHANGELOG_LAG="0", KABAR_TEST_REJOIN_FILE=str(rejoin),
                         KABAR_TEST_OFFSET_RESET="latest"), "fresh-1", module="tests.integration.lagging_changelog").start()
    try:
        kabar(env, "replay", str(write_archive(tmp_path / "waiting.jsonl", *waiting)))
        end = time.monotonic() + 60
        while not _handled_everything(env, worker, len(waiting)) and time.monotonic() < end:
            time.sleep(0.2)
        assert _handled_everything(env, worker, len(waiting)), "the worker did not handle the first articles in a minute"
        assert committed_offset(env, "articles.enriched") is None, "the cluster stage committed before the rebalance"
        rejoin.touch()
        end = time.monotonic() + 60
        while (rejoin.exists() or not worker.ready()) and time.monotonic() < end:
            time.sleep(0.2)
        assert not rejoin.exists(), "the worker never rejoined its group"
        kabar(env, "replay", str(write_archive(tmp_path / "after.jsonl", *after)))
        state = settle_events(env, expect_articles={*waiting, *after}, timeout=90)
    finally:
        worker.stop()
    assert mentions(state) == {*waiting, *after}


@pytest.mark.parametrize("processing", ["at_least_once", "exactly_once"])
def test_two_workers_split_the_partitions_and_lose_or_double_nothing(pipeline_env, tmp_path, processing):
    # Rounds a day apart, all inside the horizon: which copy of a story arrives first varies with
    # the split, but every copy must end up a mention of the same events. The sample's stories are
    # moved to one start day: published years apart, they move a partition's clock past the
    # horizon, and what expires then depends on the order in which copies meet, so on the split.
    # Under exactly_once each worker sends its upserts in the transactions of its own partitions.
    archive = synthetic_archive(tmp_path / "daily.jsonl", 35, days_between_rounds=1,
                                same_start=True)
    reference = _run_uninterrupted(_env(pipeline_env, "ref4", 4), archive)
    env = _env(pipeline_env, {"at_least_once": "two", "exactly_once": "two-eos"}[processing], 4, processing)
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
        state = settle_events(env, expect_articles=mentions(reference))
        worked = [w.stats().get("normalize", {}).get("in", 0) for w in (a, b)]
    finally:
        a.stop()
        b.stop()
    assert all(worked), f"one worker did all the work ({worked}): the partitions were not split"
    assert mentions(state) == mentions(reference)
    for event in state.values():
        assert len(event["articles"]) == len(set(event["articles"])), f"{event['id']} counts a mention twice"
    described = Counter((e["type"], e["mode"], e["country"], e["date"], e["place"], tuple(e["actors"]),
                         tuple(e["targets"]), tuple(sorted(e["articles"]))) for e in state.values())
    assert max(described.values()) == 1, "one happening was published under two event ids"
    assert Counter(e["type"] for e in state.values()).keys() == Counter(e["type"] for e in reference.values()).keys()


def test_a_worker_sigkilled_during_a_rebalance_under_load_loses_and_doubles_nothing(pipeline_env, tmp_path):
    """Worker A takes the load alone; B joins while articles stream in, and A is SIGKILLed while
    the group rebalances. B ends up with every partition, and every article is a mention once."""
    archive = synthetic_archive(tmp_path / "load.jsonl", 35, days_between_rounds=1,
                                same_start=True)
    reference = _run_uninterrupted(_env(pipeline_env, "rref", 4), archive)
    env = _env(pipeline_env, "rebal", 4)
    a = Worker(env, "rebal-a").start()
    b = Worker(env, "rebal-b")
    replay = subprocess.Popen([sys.executable, "-m", "streams.cli", "replay", str(archive)], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    joined = threading.Thread(target=b.start, kwargs={"timeout": 240})
    try:
        end = time.monotonic() + 60
        while a.stats().get("normalize", {}).get("in", 0) == 0 and time.monotonic() < end:
            time.sleep(0.2)  # A is working
        joined.start()
        end = time.monotonic() + 60
        while not a._page()["worker"]["rebalancing"] and time.monotonic() < end:
            time.sleep(0.1)  # B's join makes the group rebalance
        assert a._page()["worker"]["rebalancing"], "the group never rebalanced when B joined"
        a.stop("KILL")
        joined.join()
        assert replay.wait(timeout=300) == 0, replay.stderr.read().decode()[-2000:]
        state = settle_events(env, expect_articles=mentions(reference))
        assert b.ready()
    finally:
        a.stop("KILL")
        b.stop()
        replay.kill()
    # Nothing lost, nothing invented: the stream stays inside the horizon (see the two-worker test),
    # so the articles that are mentions do not depend on the order the crash left them in.
    assert mentions(state) == mentions(reference)
    for event in state.values():
        assert len(event["articles"]) == len(set(event["articles"])), f"{event['id']} counts a mention twice"
    described = Counter((e["type"], e["mode"], e["country"], e["date"], e["place"], tuple(e["actors"]),
                         tuple(e["targets"]), tuple(sorted(e["articles"]))) for e in state.values())
    assert max(described.values()) == 1, "one happening was published under two event ids"
