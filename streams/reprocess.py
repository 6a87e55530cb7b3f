"""``kabar reprocess --since TIME --version N``: rebuild downstream state after a lexicon or model change.

Faust names its consumer group and table changelogs after the app id and
version, so a new ``KABAR_APP_VERSION`` starts from empty state. This command
prepares that generation: for the new group it commits, on ``articles.raw``,
the first offset at or after TIME (by record timestamp = publication time),
and on every downstream topic the current end, so the new workers re-read
the raw log from TIME and only their own outputs after it. Event ids come
from what an event is, so the new generation's upserts replace the old ones
on the compacted ``events`` topic. Stop the old workers first, then start
workers with ``KABAR_APP_VERSION=N``.
"""

from __future__ import annotations

import asyncio
import sys

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import OffsetAndMetadata

from streams.admin import ensure_topics, kafka_auth
from streams.settings import Settings, get_settings
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


def _cmd(args) -> int:
    settings = get_settings()
    if args.version <= settings.app_version:
        print(f"kabar reprocess: --version must be above the running generation ({settings.app_version}); "
              "a new version gets fresh tables", file=sys.stderr)
        return 2
    try:
        result = asyncio.run(prepare(settings, args.since, args.version))
    except ValueError as exc:
        print(f"kabar reprocess: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # e.g. the group still has live members
        print(f"kabar reprocess: could not set the offsets of group {settings.app_id}-v{args.version}: {exc}. "
              "Is a worker of that version already running?", file=sys.stderr)
        return 2
    print(f"generation {args.version} (group {result['group']}) will re-read {result['raw_records_to_reprocess']} raw "
          f"articles since {args.since}. Stop the old workers, then start: KABAR_APP_VERSION={args.version} kabar worker")
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("reprocess", help="rebuild events from articles.raw since a time (after a lexicon change)",
                       description=__doc__.split("\n\n", 1)[1])
    p.add_argument("--since", required=True, metavar="TIME", help="publication time to re-read from (ISO 8601)")
    p.add_argument("--version", required=True, type=int, help="the new state generation (KABAR_APP_VERSION)")
    p.set_defaults(func=_cmd)
