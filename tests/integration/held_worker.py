"""``python -m tests.integration.held_worker worker ...``: ``kabar`` whose consumer commits nothing
while the file ``KABAR_TEST_HOLD_COMMITS_FILE`` names exists (with ``exactly_once`` each partition's
transaction stays open meanwhile), or, with ``KABAR_TEST_STALL_NORMALIZE`` set, whose ``normalize``
stage never finishes a message: a worker that takes partitions and redoes nothing of them.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from faust.transport.consumer import Consumer

from streams.agents import normalize
from streams.cli import main

HOLD_FILE = os.environ.get("KABAR_TEST_HOLD_COMMITS_FILE")
_commit = Consumer.commit


async def _commit_unless_held(self: Consumer, *args, **kwargs) -> bool:
    if Path(HOLD_FILE).exists():
        return False
    return await _commit(self, *args, **kwargs)


async def _stalled(event) -> None:
    await asyncio.Event().wait()


if HOLD_FILE:
    Consumer.commit = _commit_unless_held
if os.environ.get("KABAR_TEST_STALL_NORMALIZE"):
    normalize._normalize = _stalled

if __name__ == "__main__":
    sys.exit(main())
