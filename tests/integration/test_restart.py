"""A worker restart resumes where it stopped: nothing lost, nothing done twice."""

from __future__ import annotations

from collections import Counter

from tests.support import Worker, kabar, latest_events, read_topic, wait_for
from tests.integration.helpers import SEED, write_archive


def test_restart_resumes_without_losing_or_repeating(pipeline_env, tmp_path):
    env = dict(pipeline_env, KABAR_TOPIC_PREFIX=pipeline_env["KABAR_TOPIC_PREFIX"] + "restart.",
               KABAR_APP_ID=pipeline_env["KABAR_APP_ID"] + "-restart")
    first = Worker(env, "before").start()
    try:
        kabar(env, "replay", str(write_archive(tmp_path / "a.jsonl", SEED, "sample-kz-en-1")))
        wait_for(env, "events", lambda r: any(SEED in e["articles"] for e in r)
                 and any("sample-kz-en-1" in e["articles"] for e in r))
    finally:
        first.stop()

    # While no worker runs, more news arrives (with a syndicated copy of an article the first worker
    # saw), and the first archive is replayed again.
    kabar(env, "replay", str(write_archive(tmp_path / "b.jsonl", "sample-id-demo", "sample-en-strike", SEED,
                                           "sample-kz-en-2")))

    second = Worker(env, "after").start()
    try:
        records = wait_for(env, "events", lambda r: any("sample-id-demo" in e["articles"] for e in r)
                           and any("sample-en-strike" in e["articles"] for e in r)
                           and any("sample-kz-en-2" in e["articles"] for e in r))
        # the copy was recognised from state the first worker left (the LSH index is rebuilt from it)
        assert second.stats()["cluster"]["near-duplicate"] >= 1
        clean = read_topic(env, "articles.clean")
        per_article = Counter(a["id"] for a in clean)
        assert per_article[SEED] == 1, "the seed article was normalized twice"
        assert {"sample-id-demo", "sample-en-strike"} <= set(per_article)
        assert all(n == 1 for n in per_article.values())
        seed_events = [e for e in latest_events(records).values() if SEED in e["articles"]]
        assert all(e["articles"].count(SEED) == 1 for e in seed_events)
    finally:
        second.stop()


def test_a_copy_is_recognised_after_a_restart_whatever_partition_comes_first(pipeline_env, tmp_path):
    """The restarted worker rebuilds its index of originals from the whole state, not only from the
    partition of the first article it handles (a Faust table's ``get`` looks in that one alone)."""
    env = dict(pipeline_env, KABAR_TOPIC_PREFIX=pipeline_env["KABAR_TOPIC_PREFIX"] + "restart-copy.",
               KABAR_APP_ID=pipeline_env["KABAR_APP_ID"] + "-restart-copy")
    first = Worker(env, "before").start()
    try:
        kabar(env, "replay", str(write_archive(tmp_path / "a.jsonl", "sample-kz-en-1")))
        wait_for(env, "events", lambda r: any("sample-kz-en-1" in e["articles"] for e in r))
    finally:
        first.stop()

    second = Worker(env, "after").start()
    try:
        # first an article of another country (another partition), then the copy
        kabar(env, "replay", str(write_archive(tmp_path / "b.jsonl", "sample-id-demo")))
        wait_for(env, "events", lambda r: any("sample-id-demo" in e["articles"] for e in r))
        kabar(env, "replay", str(write_archive(tmp_path / "c.jsonl", "sample-kz-en-2")))
        records = wait_for(env, "events", lambda r: any("sample-kz-en-2" in e["articles"] for e in r))
        copied = [e for e in latest_events(records).values() if "sample-kz-en-2" in e["articles"]]
        assert all("sample-kz-en-1" in e["articles"] for e in copied)
    finally:
        second.stop()
