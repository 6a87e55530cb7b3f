"""An archive whose writer is killed reads back with every article whose write had returned.

The writer below treats SIGTERM as `kabar ingest` does: a handler stops the writing. Its shutdown then never
reaches ``ArchiveWriter.close`` and it is SIGKILLed, as `kabar run` does to a child slow to stop; the archive
must be whole all the same. Killed with SIGKILL while writing, at most the article being written is lost.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from streams.ingest.archive import read_archive
from streams.reasons import Reason

REPO = Path(__file__).resolve().parents[2]
#: prints each article's number once its write has returned, and "stopped" once SIGTERM stopped the writing
WRITER = """
import signal, sys
from streams.ingest.archive import ArchiveWriter, article_from_dict

stopping = []
signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
writer = ArchiveWriter(sys.argv[1])
n = 0
while not stopping:
    writer.write(article_from_dict({"url": f"https://x.org/{n}", "title": f"T{n}", "text": f"Body {n}. " * 30,
                                    "published_at": "2025-01-07T12:00:00Z"}))
    print(n, flush=True)
    n += 1
print("stopped", flush=True)
signal.pause()
"""
#: articles the writer reports written before it is signalled
REPORTED = 300


def _start_writer(directory: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", WRITER, str(directory)], stdout=subprocess.PIPE, text=True, env=env)


def _titles_and_problems(directory: Path) -> tuple[list[str], list[tuple[str, str]]]:
    lines = list(read_archive(directory))
    return [ln.article.title for ln in lines if ln.article], [(ln.rejection.reason, ln.problem) for ln in lines if ln.rejection]


def test_a_writer_stopped_by_sigterm_and_killed_before_closing_leaves_a_whole_archive(tmp_path):
    with _start_writer(tmp_path) as writer:
        for _ in range(REPORTED):
            writer.stdout.readline()
        writer.send_signal(signal.SIGTERM)
        written = REPORTED
        for line in iter(writer.stdout.readline, "stopped\n"):  # then it waits, never closing the archive
            assert line, "the writer died instead of stopping"
            written += 1
        writer.kill()
    titles, problems = _titles_and_problems(tmp_path)
    assert problems == []
    assert titles == [f"T{n}" for n in range(written)]


def test_a_writer_killed_while_writing_loses_at_most_the_article_it_was_writing(tmp_path):
    with _start_writer(tmp_path) as writer:
        last = [int(writer.stdout.readline()) for _ in range(REPORTED)][-1]
        writer.kill()
    titles, problems = _titles_and_problems(tmp_path)
    assert titles == [f"T{n}" for n in range(len(titles))] and len(titles) > last
    assert [reason for reason, _problem in problems] in ([], [Reason.TRUNCATED])
