"""Sending raw articles and dead letters to Kafka, shared by ``kabar replay`` and ``kabar ingest``.

The record timestamp is the article's publication time (event time), so
consumers and replays by timestamp line up with the news, not with when it
was sent. The producer is idempotent (no duplicates on internal retries).
"""

from __future__ import annotations

import asyncio
import logging

from aiokafka import AIOKafkaProducer

from streams.admin import ensure_topics, kafka_auth
from streams.cloudevents import headers_of, source_of
from streams.codec import dead_letter, encode
from streams.reasons import Reason
from streams.records import RawArticle
from streams.settings import Settings
from streams.topics import ARTICLES_RAW, DEADLETTER

log = logging.getLogger("kabar.producer")
MAX_IN_FLIGHT = 2000


class ArticleProducer:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._producer = AIOKafkaProducer(
            bootstrap_servers=settings.bootstrap_servers,
            enable_idempotence=True,
            linger_ms=5,
            compression_type="gzip",
            max_request_size=4 * 1024 * 1024,
            **kafka_auth(settings),
        )
        self._pending: set[asyncio.Future] = set()
        self.sent = 0
        self.dead = 0

    async def __aenter__(self) -> "ArticleProducer":
        await ensure_topics(self.settings)
        await self._producer.start()
        return self

    async def __aexit__(self, *exc) -> None:
        try:
            await self.flush()
        finally:
            await self._producer.stop()

    async def send(self, article: RawArticle) -> None:
        """Queue one article; back-pressure once ``MAX_IN_FLIGHT`` sends are unacknowledged."""
        fut = await self._producer.send(
            self.settings.topic(ARTICLES_RAW.name),
            key=article.id.encode("utf-8"),
            value=encode(article),
            timestamp_ms=article.published_ms,
        )
        self._pending.add(fut)
        fut.add_done_callback(self._pending.discard)
        self.sent += 1
        if len(self._pending) >= MAX_IN_FLIGHT:
            await self.flush()

    async def reject(self, stage: str, reason: Reason, detail: str, excerpt: str | bytes = "") -> None:
        """Log, count and publish what could not become an article."""
        log.warning("%s: %s: %s", stage, reason, detail)
        self.dead += 1
        value = encode(dead_letter(stage, reason, detail, excerpt))
        headers = headers_of(DEADLETTER, value, source_of(self.settings.group_id))
        await self._producer.send(self.settings.topic(DEADLETTER.name), key=stage.encode(), value=value,
                                  headers=list(headers.items()))

    async def flush(self) -> None:
        if self._pending:
            await asyncio.gather(*list(self._pending))
        await self._producer.flush()
