"""A deadline on stopping: a command asked to stop exits within ``STOP_DEADLINE`` seconds.

``kabar worker``, ``kabar ingest`` and ``kabar desk`` stop gracefully first: they stop taking
work, cancel what waits on the network and close their Kafka clients. Those clients can still
wait on a broker that is gone for as long as their request timeouts (40 s and more): a
producer's last flush, a consumer's last commit, or aiokafka's bootstrap, which does not give
way to a cancellation. ``exit_after`` is the bound: armed when the stop signal arrives, a timer
thread outside the event loop ends the process when the deadline passes, saying so on stderr.

What it cuts short is what a crash would: records not acknowledged are sent again (at least
once) and a worker's tables come back from their changelogs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator

#: seconds from the stop signal to the end of the process, however stuck the shutdown is
STOP_DEADLINE = 8.0
#: the exit status of a process the deadline ended
EXIT_CUT_SHORT = 1

_armed = threading.Lock()
#: the signals that stop a command
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def exit_after(command: str) -> None:
    """End the process ``STOP_DEADLINE`` seconds from now unless it has exited by then (armed once)."""
    if not _armed.acquire(blocking=False):
        return
    timer = threading.Timer(STOP_DEADLINE, _exit_now, (command,))
    timer.daemon = True  # a process that stops in time does not wait for it
    timer.start()


def _exit_now(command: str) -> None:
    print(f"{command}: still stopping {STOP_DEADLINE:.0f} s after the signal (a broker or a server that does "
          "not answer); exiting without waiting further", file=sys.stderr, flush=True)
    os._exit(EXIT_CUT_SHORT)


def stop_on_signals(command: str) -> None:
    """SIGINT and SIGTERM both raise ``KeyboardInterrupt`` (what Ctrl-C does) and arm ``exit_after``.

    This covers a command until its event loop installs its own handlers (which should arm the
    deadline too): ``asyncio.run`` keeps a handler it did not install, and ``KeyboardInterrupt``
    makes it cancel its tasks and wait for them, which the deadline bounds.
    """
    def on_signal(signum: int, frame: object) -> None:
        exit_after(command)
        raise KeyboardInterrupt

    for sig in STOP_SIGNALS:
        signal.signal(sig, on_signal)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM that arrive in the block take effect at its end, through the handlers
    they had. For a block that starts a child process and notes it: a ``KeyboardInterrupt`` raised
    after the fork and before the note (``subprocess.Popen`` waits for the child's exec) leaves the
    child running, unknown to what stops the children. Outside the main thread, which alone
    receives signals, it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {sig: signal.signal(sig, lambda signum, frame: caught.append(signum)) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if caught:
            signal.raise_signal(caught[0])
