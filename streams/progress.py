"""A one-line progress report on stderr for long work: count, rate, ETA."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int | None, label: str, every_s: float = 0.5, stream=sys.stderr):
        self.total = total
        self.label = label
        self.every_s = every_s
        self.stream = stream
        self.done = 0
        self.started = time.monotonic()
        self._last = 0.0
        self._tty = stream.isatty()

    def update(self, n: int = 1, note: str = "") -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last >= self.every_s:
            self._last = now
            self._print(note)

    def line(self, note: str = "") -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        if self.total:
            left = (self.total - self.done) / rate if rate else float("inf")
            eta = f"ETA {left:,.0f}s" if left != float("inf") else "ETA ?"
            return f"{self.label}: {self.done:,}/{self.total:,} ({100 * self.done / self.total:.0f}%) {rate:,.0f}/s {eta} {note}".rstrip()
        return f"{self.label}: {self.done:,} {rate:,.0f}/s {note}".rstrip()

    def _print(self, note: str) -> None:
        end = "\r" if self._tty else "\n"
        print(self.line(note), end=end, file=self.stream, flush=True)

    def close(self, note: str = "") -> None:
        print(self.line(note) + f" in {time.monotonic() - self.started:.1f}s", file=self.stream, flush=True)
