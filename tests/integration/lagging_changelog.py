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
"""

from __future__ import annotations

import asyncio
import sys

from faust.transport.producer import ProducerBuffer

from streams.cli import main

LAG = 5.0
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

if __name__ == "__main__":
    sys.exit(main())
