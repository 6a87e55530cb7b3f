"""What is growing now: an event's mentions over the last two hours, rebuilt from what the desk reads.

Two sources, which a restarted desk reads again from the beginning:

- the event's revisions (``events``), each a step ``[record time, mentions]``. Compaction keeps only an
  event's latest revision once the segment holding the earlier ones is cleaned (daily), so after a restart
  the steps before the latest can be gone, and the whole count would look new;
- the arrivals of the articles the event lists: the record time of each in ``articles.enriched``, kept
  30 days and never compacted. At time t the event had its mentions less the listed articles that arrived
  after t (an event lists its latest 50 articles, so this holds while fewer than 50 came in two hours).

The history is, at each step of either, the larger count: a missing revision or an article not read
yet never makes an event look as if it grew.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

#: seconds of mention history kept per event: the last hour against the hour before
HISTORY_SECONDS = 2 * 3600

Steps = list[list[float]]


def count_at(steps: Steps, t: float) -> float:
    """The count of the last step at or before ``t``; 0 before the first."""
    count = 0
    for at, value in steps:
        if at > t:
            break
        count = value
    return count


def window(steps: Steps, now: float) -> Steps:
    """The steps of the two hours before ``now``, and the last step before them as the baseline."""
    recent = [i for i, (t, _) in enumerate(steps) if t >= now - HISTORY_SECONDS]
    start = max(0, recent[0] - 1) if recent else len(steps) - 1
    return steps[start:]


def add_revision(steps: Steps, at: float, mentions: int) -> Steps:
    """The revision steps with one more revision read at ``at``, kept to the window."""
    steps = steps if steps and steps[-1][1] == mentions else [*steps, [at, mentions]]
    return window(steps, at)


def history(revisions: Steps, arrivals: Iterable[float], mentions: int, now: float) -> Steps:
    """[[time, mentions], ...] over the window before ``now``: at each step the larger of what the revisions
    and the article arrivals say."""
    arrived = sorted(arrivals)

    def by_articles(t: float) -> int:
        return mentions - (len(arrived) - bisect_right(arrived, t)) if arrived else 0

    steps: Steps = []
    for t in sorted({t for t, _ in revisions} | set(arrived)):
        value = max(count_at(revisions, t), by_articles(t))
        if not steps or steps[-1][1] != value:
            steps.append([t, value])
    return window(steps, now)
