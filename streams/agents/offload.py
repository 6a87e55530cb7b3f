"""The NLP runs in processes beside the worker's event loop.

``normalize`` and ``enrich`` are CPU-bound: in the event loop they took half
of a worker's time, and one Python process uses one core. Here they run in
``KABAR_NLP_PROCESSES`` child processes (default 1: the worker's loop and
the NLP then use a core each) and overlap with everything else the loop
does (consuming, producing, tables, clustering). Agents still handle one
message at a time, so order and table semantics are unchanged.

Only bytes cross: a request is an id, a stage name and the Kafka message
value; the answer is the request's id and a pickled ``messages.Outcome``.
Frames go over the child's stdin and stdout, read and written by the event
loop itself. A ``ProcessPoolExecutor`` was tried first: with its two helper
threads contending for the loop's GIL it added 2.3 ms of CPU per article in
``kabar bench``, about as much as the NLP it moved.

A child that dies (killed, out of memory) or sends anything but an answer to
a pending request is killed and fails all its pending calls; each is tried
once more in a new child, and an input that kills that one too raises, which
the agent turns into a dead letter. A new child is a new ``_Child`` with its
own pending calls, so it never answers a call made to the one it replaces.
The child exits when the worker dies (its stdin closes). With 0 processes
the stages run in the loop.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import pickle
import signal
import struct
import sys
from collections.abc import Callable
from itertools import cycle

from streams import messages
from streams.reasons import Reason

log = logging.getLogger("kabar.offload")

#: the stages a child can run, by the name a request carries
STAGES = {"normalize": messages.normalize_message, "enrich": messages.enrich_message}
#: a request answered with None once the child has loaded its data
READY = "ready"
_LENGTH = struct.Struct(">I")
#: the longest answer read from a child; a longer length header is garbage
MAX_FRAME = 2**26


class ChildDied(RuntimeError):
    """The NLP process exited, or broke the protocol and was killed, before answering."""


class _Child:
    """One NLP process and the calls it has not answered yet, by request id.

    Used for one process only: once it breaks off, every pending call has failed and
    ``Offload`` starts a new ``_Child``, so no later answer can reach an earlier call."""

    def __init__(self) -> None:
        self.proc: asyncio.subprocess.Process | None = None
        self.pending: dict[int, asyncio.Future] = {}
        self._next_id = 0
        self._broken: ChildDied | None = None
        self._reader: asyncio.Task | None = None

    async def start(self) -> None:
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "streams.agents.offload", stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, limit=MAX_FRAME)
        self._reader = asyncio.create_task(self._read_answers())

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.returncode is None and self._broken is None \
            and self._reader is not None and not self._reader.done()

    async def call(self, stage: str, value: bytes | None) -> messages.Outcome:
        if self._broken is not None:
            raise self._broken
        assert self.proc is not None and self.proc.stdin is not None
        request_id, self._next_id = self._next_id, self._next_id + 1
        payload = pickle.dumps((request_id, stage, value), protocol=pickle.HIGHEST_PROTOCOL)
        future = asyncio.get_running_loop().create_future()
        self.pending[request_id] = future
        try:
            self.proc.stdin.write(_LENGTH.pack(len(payload)) + payload)
            await self.proc.stdin.drain()
            return await future
        except ConnectionError as exc:  # (from the write: the future only ever raises ChildDied)
            self._break_off(f"closed its input ({exc.__class__.__name__})")
            return await future
        finally:
            self.pending.pop(request_id, None)  # gone already unless this call was cancelled

    async def _read_answers(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        stdout = self.proc.stdout
        try:
            while True:
                size = _LENGTH.unpack(await stdout.readexactly(_LENGTH.size))[0]
                if size > MAX_FRAME:
                    raise ValueError(f"a frame of {size} bytes")
                request_id, answer = pickle.loads(await stdout.readexactly(size))
                if request_id >= self._next_id:
                    raise ValueError(f"an answer to request {request_id}, never made")
                future = self.pending.pop(request_id, None)
                if future is not None and not future.done():  # (None: its call was cancelled)
                    future.set_result(answer)
        except (asyncio.IncompleteReadError, ConnectionError) as exc:
            self._break_off(f"exited ({exc.__class__.__name__})")
        except Exception as exc:  # garbage on its stdout, or a bug here: no later frame can be trusted
            self._break_off(f"sent something that is not an answer: {exc!r}"[:300])

    def _break_off(self, why: str) -> None:
        """Kill the process and fail every call it has not answered."""
        if self._broken is None:
            self._broken = ChildDied(f"NLP process {self.proc.pid if self.proc else '?'} {why}")
            log.error("%s; failing its %d pending calls", self._broken, len(self.pending))
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
        pending, self.pending = self.pending, {}
        for future in pending.values():
            if not future.done():
                future.set_exception(self._broken)

    async def stop(self) -> None:
        """Kill the process; its pending calls fail (without the error a death on its own logs)."""
        if self.proc is not None and self.proc.returncode is None:
            if self._broken is None:
                self._broken = ChildDied(f"NLP process {self.proc.pid} was stopped")
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
            turn = next(self._turn)
            child = self._children[turn]
            if not child.alive:
                if child.proc is not None:  # it died or broke off, and said why
                    await child.stop()
                    child = self._children[turn] = _Child()
                await child.start()
            return child

    async def run(self, stage: str, value: bytes | None) -> messages.Outcome:
        """The stage's ``Outcome`` for one message value; raises ``ChildDied`` if two
        processes in a row died or broke off before answering it."""
        try:
            return await self.run_once(stage, value)
        except ChildDied:
            pass
        return await self.run_once(stage, value)

    async def run_once(self, stage: str, value: bytes | None) -> messages.Outcome:
        """``run`` tried in one process only: raises ``ChildDied`` if it died or broke off first."""
        if self.processes <= 0:
            return STAGES[stage](value)
        return await (await self._child()).call(stage, value)

    async def start(self) -> None:
        """Start the processes and wait until they have loaded the NLP's data."""
        for _ in range(self.processes):
            await (await self._child()).call(READY, None)

    async def stop(self) -> None:
        for child in self._children:
            await child.stop()


def load_frozen(load: Callable[[], object]) -> None:
    """Run ``load`` (the NLP's data: some 300,000 objects that live as long as the process) with
    the garbage collector off, then freeze what it left behind out of the collector's reach.
    Collected as it loaded, each full collection walked every object loaded so far: 45% of the
    child's 7 s of CPU to get ready (3.9 s without), which a worker pays at start and again for
    each child that replaces one that died. Frozen, the data is not walked again by the full
    collections that the articles' own allocations set off later, nor by those of the languages
    loaded on first use."""
    gc.disable()
    try:
        load()
    finally:
        gc.enable()
    gc.collect()  # what loading threw away goes now, not frozen with the rest
    gc.freeze()


def _serve() -> None:
    """The child: load the NLP's data, then answer requests until stdin closes.
    A stage that raises is answered with a dead-letter ``Outcome``.

    Ctrl-C and SIGTERM reach the whole process group; the child leaves them to the worker,
    which kills it once its own calls are done (a worker that dies closes the child's stdin,
    which ends it too), instead of dying first and making every stop log an error."""
    from streams.nlp.warmup import warm_up

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)

    read, write = sys.stdin.buffer.read, sys.stdout.buffer
    sys.stdout = sys.stderr  # stdout carries frames only: a stray print would corrupt them
    load_frozen(warm_up)
    while True:
        header = read(_LENGTH.size)
        if len(header) < _LENGTH.size:
            return
        request_id, stage, value = pickle.loads(read(_LENGTH.unpack(header)[0]))
        try:
            outcome = None if stage == READY else STAGES[stage](value)
        except Exception as exc:  # a bug in a stage: the message is kept as a dead letter
            outcome = messages.Outcome(reason=Reason.STAGE_ERROR, detail=repr(exc)[:300])
        answer = pickle.dumps((request_id, outcome), protocol=pickle.HIGHEST_PROTOCOL)
        write.write(_LENGTH.pack(len(answer)) + answer)
        write.flush()


if __name__ == "__main__":
    _serve()
