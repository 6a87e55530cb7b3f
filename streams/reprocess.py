"""Starting offsets of a new state generation for ``kabar reprocess`` (explained in ``streams.cli.reprocess``)."""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import OffsetAndMetadata

from streams.admin import ensure_topics, kafka_auth
from streams.settings import Settings
from streams.timeutil import epoch_ms
from streams.topics import ARTICLES_CLEAN, ARTICLES_ENRICHED, ARTICLES_RAW, EVENTS, partitions_of


async def prepare(settings: Settings, since: str, version: int) -> dict[str, int]:
    """Commit the new generation's starting offsets; return how many raw records it will re-read."""
    since_ms = epoch_ms(since)
    await ensure_topics(settings)
    group = settings.app_id if version <= 1 else f"{settings.app_id}-v{version}"
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, group_id=group,
                                enable_auto_commit=False, **kafka_auth(settings))
    await consumer.start()
    try:
        offsets: dict[TopicPartition, OffsetAndMetadata] = {}
        to_read = 0
        for spec in (ARTICLES_RAW, ARTICLES_CLEAN, ARTICLES_ENRICHED, EVENTS):
            name = settings.topic(spec.name)
            parts = [TopicPartition(name, p) for p in range(partitions_of(spec, settings.partitions))]
            ends = await consumer.end_offsets(parts)
            if spec is ARTICLES_RAW:
                found = await consumer.offsets_for_times({tp: since_ms for tp in parts})
                for tp in parts:
                    start = found[tp].offset if found[tp] else ends[tp]
                    offsets[tp] = OffsetAndMetadata(start, f"reprocess since {since}")
                    to_read += ends[tp] - start
            else:
                for tp in parts:
                    offsets[tp] = OffsetAndMetadata(ends[tp], f"reprocess since {since}")
        consumer.assign(list(offsets))  # manual assignment: no group join, so no worker is disturbed
        await consumer.commit(offsets)
        return {"group": group, "raw_records_to_reprocess": to_read}
    finally:
        await consumer.stop()
