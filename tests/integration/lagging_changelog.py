"""``python -m tests.integration.lagging_changelog worker ...``: ``kabar`` with the
``cluster-state`` changelog lagging ``LAG`` seconds behind the table.

Faust sends a table's changelog writes from its send buffer, and its commit
flushes that buffer only until 0.1 s pass without a message sent
(``ProducerBuffer.flush_atmost``): a client waiting on a full batch, a slow
broker or a metadata request leaves writes in the buffer while offsets are
committed. Here every write of ``cluster-state`` waits ``LAG`` seconds before it
is handed to the client (in order: the changelog stays a prefix of the
table's writes), so that window is open all the time and a worker killed at
any moment has committed offsets whose state is not on the changelog, unless
the agent waits for it before acknowledging.

``KABAR_TEST_CHANGELOG_LAG`` sets ``LAG`` (5 s); when the file
``KABAR_TEST_REJOIN_FILE`` names appears, the worker's consumer rejoins its group
(a rebalance, as Faust may have while starting) and the file is removed.
``KABAR_TEST_OFFSET_RESET`` sets the consumer's ``auto_offset_reset``: with ``latest`` a
partition with nothing committed goes on from the end of its log after a rebalance, past
the messages the rebalance dropped (the consumer was seen once not to go back to them with
Kabar's ``earliest`` either).
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from faust.transport.producer import ProducerBuffer

from streams.app import app
from streams.cli import main

LAG = float(os.environ.get("KABAR_TEST_CHANGELOG_LAG", "5"))
REJOIN_FILE = os.environ.get("KABAR_TEST_REJOIN_FILE")
OFFSET_RESET = os.environ.get("KABAR_TEST_OFFSET_RESET")
_send = ProducerBuffer._send_pending
_lagging: asyncio.Queue | None = None


async def _forward(buffer: ProducerBuffer, lagging: asyncio.Queue) -> None:
    loop = asyncio.get_running_loop()
    while True:
        due, fut = await lagging.get()
        await asyncio.sleep(max(due - loop.time(), 0))
        await _send(buffer, fut)


async def _send_pending(self: ProducerBuffer, fut) -> None:
    global _lagging
    if not fut.message.channel.get_topic_name().endswith("-cluster-state-changelog"):
        await _send(self, fut)
        return
    if _lagging is None:
        _lagging = asyncio.Queue()
        asyncio.ensure_future(_forward(self, _lagging))
    _lagging.put_nowait((asyncio.get_running_loop().time() + LAG, fut))


ProducerBuffer._send_pending = _send_pending
if OFFSET_RESET:
    app.conf.consumer_auto_offset_reset = OFFSET_RESET

if REJOIN_FILE:
    @app.timer(interval=0.1)
    async def _rejoin_when_asked() -> None:
        """The consumer rejoins its group (in the consumer's thread, which owns it)."""
        asked = Path(REJOIN_FILE)
        if asked.exists():
            asked.unlink()
            thread = app.consumer._thread
            thread.thread_loop.call_soon_threadsafe(thread._consumer._coordinator.request_rejoin)

if __name__ == "__main__":
    sys.exit(main())
