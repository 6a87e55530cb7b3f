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

import os
import signal
import sys
import threading

#: seconds from the stop signal to the end of the process, however stuck the shutdown is
STOP_DEADLINE = 8.0
#: the exit status of a process the deadline ended
EXIT_CUT_SHORT = 1

_armed = threading.Lock()


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

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)
