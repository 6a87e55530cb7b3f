"""The worker sweeps its tables by event time: a replay of old news expires as it goes (issue 11).

With a one-day horizon and one partition, three rounds of the sample three days apart: by the
third round the first round's entries are more than a horizon behind the partition's clock; a
message handled once the sweep's grace (``KABAR_SWEEP_GRACE``) has passed deletes them, and a
deletion is a tombstone on the table's changelog (what makes it survive a restart).
"""

from __future__ import annotations

import asyncio
import json
import time

from aiokafka import AIOKafkaConsumer

from streams.admin import kafka_auth
from streams.settings import from_env
from tests.integration.helpers import sample_articles, synthetic_archive
from tests.support import Worker, kabar, wait_for


async def _latest(env: dict[str, str], table: str) -> dict[str, bytes | None]:
    """The last record of each key on a table's changelog (``None``: deleted)."""
    settings = from_env(env)
    consumer = AIOKafkaConsumer(f"{settings.group_id}-{table}-changelog", bootstrap_servers=settings.bootstrap_servers,
                                group_id=None, enable_auto_commit=False, auto_offset_reset="earliest",
                                isolation_level="read_committed", **kafka_auth(settings))
    await consumer.start()
    latest: dict[str, bytes | None] = {}
    try:
        while batch := await consumer.getmany(timeout_ms=3000):
            for records in batch.values():
                for rec in records:
                    latest[json.loads(rec.key)] = rec.value  # Faust writes table keys as JSON
    finally:
        await consumer.stop()
    return latest


def test_a_replay_of_old_news_expires_table_entries_as_it_goes(pipeline_env, tmp_path):
    env = dict(pipeline_env, KABAR_TOPIC_PREFIX=pipeline_env["KABAR_TOPIC_PREFIX"] + "sweep.",
               KABAR_APP_ID=pipeline_env["KABAR_APP_ID"] + "-sweep", KABAR_HORIZON_DAYS="1", KABAR_PARTITIONS="1",
               KABAR_SWEEP_GRACE="2")
    per_round = len(sample_articles())
    lines = synthetic_archive(tmp_path / "rounds.jsonl", 3 * per_round + 2, days_between_rounds=3,
                              same_start=True).read_bytes().splitlines(True)
    (tmp_path / "three.jsonl").write_bytes(b"".join(lines[:3 * per_round]))
    first_round = {f"syn-{i:05d}-" for i in range(per_round)}
    last_round = {f"syn-{i:05d}-" for i in range(2 * per_round, 3 * per_round)}
    worker = Worker(env, "sweep").start()
    try:
        kabar(env, "replay", str(tmp_path / "three.jsonl"))
        wait_for(env, "events", lambda r: any(a.startswith(tuple(last_round)) for e in r for a in e["articles"]))
        # Two more articles of the last round's day, each once a grace has passed: a sweep arms a
        # cutoff and a later one applies it, so what fell behind during the replay goes by the second.
        for n in (3 * per_round, 3 * per_round + 1):
            time.sleep(2.5)
            article = json.loads(lines[n])
            article["published_at"] = json.loads(lines[n - per_round])["published_at"]
            (tmp_path / f"{n}.jsonl").write_text(json.dumps(article) + "\n")
            kabar(env, "replay", str(tmp_path / f"{n}.jsonl"))
            wait_for(env, "events", lambda r: any(a.startswith(f"syn-{n:05d}-") for e in r for a in e["articles"]))
    finally:
        worker.stop()

    seen = asyncio.run(_latest(env, "seen-articles"))
    old = {k: v for k, v in seen.items() if k.startswith(tuple(first_round))}
    assert old, "no first-round article reached seen-articles"
    assert all(v is None for v in old.values()), f"not expired: {sorted(k for k, v in old.items() if v)}"
    assert any(v is not None for k, v in seen.items() if k.startswith(tuple(last_round)))

    state = asyncio.run(_latest(env, "cluster-state"))
    old_articles = {k: v for k, v in state.items() if "|art:" in k and k.split("|art:")[1].startswith(tuple(first_round))}
    assert old_articles and all(v is None for v in old_articles.values())

    fingerprints = asyncio.run(_latest(env, "fingerprints"))
    live = [k for k, v in fingerprints.items() if v is not None and not k.startswith("~")]
    assert 0 < len(live) <= per_round + 2  # the last round's texts and the two after it
