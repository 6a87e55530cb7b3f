"""The NLP runs in processes beside the worker's event loop.

``normalize`` and ``enrich`` are CPU-bound: in the event loop they took half
of a worker's time, and one Python process uses one core. Here they run in
``KABAR_NLP_PROCESSES`` child processes (default 1: the worker's loop and
the NLP then use a core each) and overlap with everything else the loop
does (consuming, producing, tables, clustering). Agents still handle one
message at a time, so order and table semantics are unchanged.

Only bytes cross: a request is a stage name and the Kafka message value; the
answer is a pickled ``messages.Outcome``. Frames go over the child's stdin
and stdout, read and written by the event loop itself. A
``ProcessPoolExecutor`` was tried first: with its two helper threads
contending for the loop's GIL it added 2.3 ms of CPU per article in
``kabar bench``, about as much as the NLP it moved.

A child that dies (killed, out of memory) fails its pending calls; each is
tried once more in a new child, and an input that kills that one too raises,
which the agent turns into a dead letter. The child exits when the worker
dies (its stdin closes). With 0 processes the stages run in the loop.
"""

from __future__ import annotations

import asyncio
import logging
import pickle
import struct
import sys
from collections import deque
from itertools import cycle

from streams import messages

log = logging.getLogger("kabar.offload")

#: the stages a child can run, by the name a request carries
STAGES = {"normalize": messages.normalize_message, "enrich": messages.enrich_message}
#: a request answered with None once the child has loaded its data
READY = "ready"
_LENGTH = struct.Struct(">I")


class ChildDied(RuntimeError):
    pass


class _Child:
    """One NLP process and the calls it has not answered yet (answers come in request order)."""

    def __init__(self) -> None:
        self.proc: asyncio.subprocess.Process | None = None
        self.pending: deque[asyncio.Future] = deque()
        self._reader: asyncio.Task | None = None

    async def start(self) -> None:
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "streams.agents.offload", stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, limit=2**26)
        self._reader = asyncio.create_task(self._read_answers())

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.returncode is None and self._reader is not None \
            and not self._reader.done()

    async def call(self, stage: str, value: bytes | None) -> messages.Outcome:
        payload = pickle.dumps((stage, value), protocol=pickle.HIGHEST_PROTOCOL)
        future = asyncio.get_running_loop().create_future()
        self.pending.append(future)
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(_LENGTH.pack(len(payload)) + payload)
        await self.proc.stdin.drain()
        return await future

    async def _read_answers(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        try:
            while True:
                size = _LENGTH.unpack(await self.proc.stdout.readexactly(_LENGTH.size))[0]
                answer = pickle.loads(await self.proc.stdout.readexactly(size))
                future = self.pending.popleft()
                if not future.done():
                    future.set_result(answer)
        except (asyncio.IncompleteReadError, ConnectionError) as exc:
            error = ChildDied(f"NLP process exited ({exc.__class__.__name__})")
            while self.pending:
                future = self.pending.popleft()
                if not future.done():
                    future.set_exception(error)

    async def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)


class Offload:
    """Runs the NLP stages in child processes (or inline with ``processes=0``)."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self._children: list[_Child] = []
        self._turn = cycle(range(max(processes, 1)))
        self._starting: asyncio.Lock | None = None

    async def _child(self) -> _Child:
        if self._starting is None:
            self._starting = asyncio.Lock()
        async with self._starting:
            if not self._children:
                self._children = [_Child() for _ in range(self.processes)]
            child = self._children[next(self._turn)]
            if not child.alive:
                if child.proc is not None:
                    log.error("an NLP process died; starting a new one")
                    await child.stop()
                await child.start()
            return child

    async def run(self, stage: str, value: bytes | None) -> messages.Outcome:
        """The stage's ``Outcome`` for one message value; raises ``ChildDied`` if the
        input killed two processes in a row."""
        if self.processes <= 0:
            return STAGES[stage](value)
        try:
            return await (await self._child()).call(stage, value)
        except (ChildDied, ConnectionError):
            pass
        return await (await self._child()).call(stage, value)

    async def start(self) -> None:
        """Start the processes and wait until they have loaded the NLP's data."""
        for _ in range(self.processes):
            await (await self._child()).call(READY, None)

    async def stop(self) -> None:
        for child in self._children:
            await child.stop()


def _serve() -> None:
    """The child: load the NLP's data, then answer requests until stdin closes.
    A stage that raises is answered with a dead-letter ``Outcome``."""
    from streams.nlp.warmup import warm_up

    read, write = sys.stdin.buffer.read, sys.stdout.buffer
    sys.stdout = sys.stderr  # stdout carries frames only: a stray print would corrupt them
    warm_up()
    while True:
        header = read(_LENGTH.size)
        if len(header) < _LENGTH.size:
            return
        stage, value = pickle.loads(read(_LENGTH.unpack(header)[0]))
        try:
            outcome = None if stage == READY else STAGES[stage](value)
        except Exception as exc:  # a bug in a stage: the message is kept as a dead letter
            outcome = messages.Outcome(reason="stage-error", detail=repr(exc)[:300])
        answer = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        write.write(_LENGTH.pack(len(answer)) + answer)
        write.flush()


if __name__ == "__main__":
    _serve()
