"""`kabar replay` on the real broker: saved feeds, and a time range of another namespace's articles.raw."""

from __future__ import annotations

import asyncio
import json

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from streams.settings import from_env
from streams.timeutil import epoch_ms
from tests.support import kabar, read_topic
from tests.unit.ingest.samples import rss


def _namespace(env: dict[str, str], name: str) -> dict[str, str]:
    """An environment whose topics live under their own prefix inside this session's."""
    return dict(env, KABAR_TOPIC_PREFIX=f"{env['KABAR_TOPIC_PREFIX']}{name}.")


def raw_records(env: dict[str, str]) -> list[tuple[int, int, dict]]:
    """(partition, Kafka timestamp, article) of every record of ``articles.raw``, in log order per partition."""

    async def read() -> list[tuple[int, int, dict]]:
        settings = from_env(env)
        name = settings.topic("articles.raw")
        consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, group_id=None, enable_auto_commit=False)
        await consumer.start()
        try:
            await consumer._client.force_metadata_update()
            tps = [TopicPartition(name, p) for p in sorted(consumer.partitions_for_topic(name) or ())]
            assert tps, f"no topic {name}"
            ends = await consumer.end_offsets(tps)
            consumer.assign(tps)
            await consumer.seek_to_beginning(*tps)
            out = []
            pending = [tp for tp in tps if ends[tp]]
            while pending:
                for tp, records in (await consumer.getmany(timeout_ms=1000)).items():
                    out += [(tp.partition, r.timestamp, orjson.loads(r.value)) for r in records]
                pending = [tp for tp in pending if await consumer.position(tp) < ends[tp]]
            return out
        finally:
            await consumer.stop()

    return asyncio.run(read())


def _in_publication_order_per_partition(records: list[tuple[int, int, dict]]) -> bool:
    by_partition: dict[int, list[int]] = {}
    for partition, timestamp, article in records:
        assert timestamp == epoch_ms(article["published_at"]), "the Kafka timestamp is the publication time"
        by_partition.setdefault(partition, []).append(timestamp)
    return all(times == sorted(times) for times in by_partition.values())


def test_saved_feeds_replay_each_article_once_and_report_a_file_that_is_not_a_feed(pipeline_env, tmp_path):
    env = _namespace(pipeline_env, "snapshots")
    folder = tmp_path / "feeds-2025-01-07"
    folder.mkdir()
    (folder / "antara-0900.xml").write_bytes(rss(
        ("Banjir di Jakarta", "https://contoh.id/banjir", "Tue, 07 Jan 2025 08:30:00 +0700"),
        ("Gempa di Cianjur", "https://contoh.id/gempa", "Tue, 07 Jan 2025 07:00:00 +0700"),
    ))
    (folder / "antara-1000.xml").write_bytes(rss(
        ("Pemilu", "https://contoh.id/pemilu", "Tue, 07 Jan 2025 09:45:00 +0700"),
        ("Banjir di Jakarta", "https://contoh.id/banjir?utm_source=rss", "Tue, 07 Jan 2025 08:30:00 +0700"),
        ("Gempa di Cianjur", "https://contoh.id/gempa", "Tue, 07 Jan 2025 07:00:00 +0700"),
    ))
    (folder / "kompas-1000.xml").write_text("<!DOCTYPE html><html><body>Maaf, halaman sedang dalam perbaikan</body></html>")
    # a folder may also hold an archive; an article dated in the future is refused by Kafka, so it is a dead letter
    (folder / "extra.jsonl").write_text(json.dumps({"url": "https://contoh.id/ramalan", "title": "Ramalan", "text": "Isi.",
                                                    "published_at": "2099-01-01T00:00:00Z"}) + "\n" + json.dumps(
        {"url": "https://contoh.id/arsip", "title": "Arsip", "text": "Isi.", "published_at": "2025-01-06T00:00:00Z"}) + "\n")

    result = kabar(env, "replay", str(folder))
    assert "2 rejected" in result.stderr and "2 merged versions" in result.stderr

    records = raw_records(env)
    assert sorted(article["url"] for _p, _t, article in records) == [
        "https://contoh.id/arsip", "https://contoh.id/banjir", "https://contoh.id/gempa", "https://contoh.id/pemilu"]
    assert {article["text_origin"] for _p, _t, article in records if article["feed"]} == {"summary"}  # nothing fetched
    assert _in_publication_order_per_partition(records)
    letters = sorted((letter["reason"], letter["detail"]) for letter in read_topic(env, "deadletter"))
    assert [reason for reason, _detail in letters] == ["future-time", "not-a-feed"]
    assert letters[0][1].startswith("https://contoh.id/ramalan: published_at 2099-01-01T00:00:00Z is in the future")
    assert "kompas-1000.xml" in letters[1][1] and "an HTML page" in letters[1][1]

    again = kabar(env, "replay", str(folder), "--from", "2025-01-07T01:00:00Z", "--to", "2025-01-07T02:00:00Z")
    assert "1/1" in again.stderr  # only Banjir (01:30 UTC) is in the range
    assert len(raw_records(env)) == 5


def test_a_time_range_of_another_namespace_is_replayed_in_publication_order(pipeline_env, tmp_path):
    source, sandbox = _namespace(pipeline_env, "live"), _namespace(pipeline_env, "sandbox")

    def archive(name: str, *hours: int):
        path = tmp_path / name
        path.write_text("".join(json.dumps({"url": f"https://x.org/{h}", "title": f"Jam {h}", "text": "Isi berita.",
                                            "published_at": f"2025-01-07T{h:02d}:00:00Z"}) + "\n" for h in hours))
        return str(path)

    # the live log is in arrival order: the late articles came first, earlier ones (a backfill) afterwards
    kabar(source, "replay", archive("late.jsonl", 10, 13, 15, 16))
    kabar(source, "replay", archive("backfill.jsonl", 8, 9, 11, 12, 14))

    refused = kabar(source, "replay", "--from", "2025-01-07T09:00:00Z", check=False)
    assert refused.returncode == 2 and "kabar reprocess" in refused.stderr and "KABAR_TOPIC_PREFIX" in refused.stderr

    kabar(sandbox, "replay", "--from", "2025-01-07T09:00:00Z", "--to", "2025-01-07T14:00:00Z",
          "--source-prefix", source["KABAR_TOPIC_PREFIX"])
    records = raw_records(sandbox)
    assert sorted(article["title"] for _p, _t, article in records) == ["Jam 10", "Jam 11", "Jam 12", "Jam 13", "Jam 9"]
    assert _in_publication_order_per_partition(records)
    assert len(raw_records(source)) == 9  # the source is only read
