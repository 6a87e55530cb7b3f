"""What the desk holds in memory, fed by a source (Kafka, or a stand-in in tests and ``kabar desk --demo``).

- the latest state of each event (the compacted ``events`` topic is the source of truth),
- recent alerts,
- the title, link, outlet and language of recent articles, so an event can list the articles behind it,
- a numbered ring of recent updates: a browser that reconnects with ``Last-Event-ID`` gets what it
  missed from the ring, once each; one that was away longer than the ring reloads the snapshot, and so
  does one whose numbers come from another run of the desk (a restarted desk numbers anew: ``run``),
- for each event, its mention count over the last two hours, so the page can tell what is growing
  (``growth.py``: from its revisions and the arrival of the articles it lists, so a restarted desk
  rebuilds it from the topics even where compaction dropped revisions).
"""

from __future__ import annotations

import asyncio
import secrets
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from streams.desk import growth

MAX_EVENTS = 20000
MAX_ALERTS = 1000
MAX_ARTICLES = 100_000
#: updates a reconnecting browser can catch up on (a few minutes of a busy pipeline)
RING_SIZE = 10_000
#: updates a browser may fall behind before its stream is closed (it resumes from the ring)
SUBSCRIBER_BACKLOG = 1000
#: the article fields the page shows
ARTICLE_FIELDS = ("id", "title", "url", "source", "language", "published_at")


@dataclass(frozen=True)
class Update:
    """One numbered update as the stream sends it: ``kind`` is ``event`` or ``alert``."""

    seq: int
    kind: str
    data: dict[str, Any]


@dataclass(eq=False)
class Subscriber:
    """A browser's queue of updates; ``None`` in it means: end the stream, the browser resumes from the ring."""

    queue: asyncio.Queue = field(default_factory=lambda: asyncio.Queue(maxsize=SUBSCRIBER_BACKLOG))

    def offer(self, update: Update) -> bool:
        """Queue ``update``; False when the browser is too far behind and its stream is being closed."""
        if self.queue.qsize() < SUBSCRIBER_BACKLOG - 1:
            self.queue.put_nowait(update)
            return True
        self.queue.put_nowait(None)  # the last slot: the update is in the ring for the resume
        return False


class DeskState:
    """Latest events, recent alerts and articles, the update ring, and the browsers subscribed to it."""

    def __init__(self) -> None:
        self.events: OrderedDict[str, dict] = OrderedDict()
        self.alerts: deque[dict] = deque(maxlen=MAX_ALERTS)
        self.articles: OrderedDict[str, dict] = OrderedDict()
        #: when each article was read (its record time) and the event that lists it: what is growing
        self.arrived: OrderedDict[str, float] = OrderedDict()
        self.listed_by: OrderedDict[str, str] = OrderedDict()
        #: each event's mention steps as its revisions tell them (growth.add_revision)
        self.revisions: OrderedDict[str, growth.Steps] = OrderedDict()
        self.ring: deque[Update] = deque(maxlen=RING_SIZE)
        self.seq = 0
        #: this run's name, in every update's id: a number of another run means nothing here
        self.run = secrets.token_hex(4)
        self.subscribers: set[Subscriber] = set()
        self.ready = False

    def apply(self, kind: str, obj: dict, at: float) -> None:
        """Take one record: ``event``, ``alert`` or ``article``, received (or produced) at ``at`` (epoch seconds)."""
        if kind == "article":
            self._keep(self.articles, obj["id"], {k: obj.get(k) for k in ARTICLE_FIELDS}, MAX_ARTICLES)
            if obj["id"] not in self.arrived:
                self._keep(self.arrived, obj["id"], at, MAX_ARTICLES)
                self._arrived_late(obj["id"])
            return
        if kind == "event":
            mentions = obj.get("mentions") or len(obj.get("articles", []))
            steps = growth.add_revision(self.revisions.get(obj["id"], []), at, mentions)
            self._keep(self.revisions, obj["id"], steps, MAX_EVENTS)
            for article_id in obj.get("articles", []):
                self._keep(self.listed_by, article_id, obj["id"], MAX_ARTICLES)
            obj = dict(obj, mention_history=self._history(obj))
            self._keep(self.events, obj["id"], obj, MAX_EVENTS)
        else:
            self.alerts.appendleft(obj)
        self._publish(kind, obj)

    def _history(self, event: dict) -> growth.Steps:
        steps = self.revisions[event["id"]]
        arrivals = [self.arrived[a] for a in event.get("articles", []) if a in self.arrived]
        return growth.history(steps, arrivals, event.get("mentions") or len(event.get("articles", [])), steps[-1][0])

    def _arrived_late(self, article_id: str) -> None:
        """An article read after an event that lists it (a restarted desk reads the small compacted ``events``
        long before the end of ``articles.enriched``): that event's history, and the page, learn when it came."""
        event = self.events.get(self.listed_by.get(article_id, ""))
        if event is None:
            return
        history = self._history(event)
        if history != event["mention_history"]:
            event = dict(event, mention_history=history)
            self.events[event["id"]] = event
            self._publish("event", event)

    def _publish(self, kind: str, obj: dict) -> None:
        self.seq += 1
        update = Update(self.seq, kind, obj)
        self.ring.append(update)
        for sub in list(self.subscribers):
            if not sub.offer(update):
                self.subscribers.discard(sub)

    @staticmethod
    def _keep(store: OrderedDict, key: str, value: dict, limit: int) -> None:
        store.pop(key, None)
        store[key] = value
        while len(store) > limit:
            store.popitem(last=False)

    def since(self, seq: int) -> list[Update] | None:
        """The updates after ``seq``, or None when some of them have left the ring (reload the snapshot)."""
        if seq >= self.seq:
            return []
        if not self.ring or seq < self.ring[0].seq - 1:
            return None
        return [u for u in self.ring if u.seq > seq]

    def snapshot(self) -> dict[str, Any]:
        """Every event and recent alert, and the number of the last update they include."""
        return {"run": self.run, "seq": self.seq, "events": list(self.events.values()), "alerts": list(self.alerts)[:200]}

    def query(self, country: str | None, type_: str | None, limit: int) -> list[dict]:
        out = []
        for ev in sorted(self.events.values(), key=lambda e: e.get("last_seen") or "", reverse=True):
            if country and ev.get("country") != country:
                continue
            if type_ and ev.get("type") != type_:
                continue
            out.append(ev)
            if len(out) >= limit:
                break
        return out

    def articles_of(self, ids: list[str]) -> list[dict]:
        """What the desk knows of these articles; an article it has not seen is its id alone."""
        return [self.articles.get(i, {"id": i}) for i in ids]


#: a source feeds a state until cancelled: it calls ``state.apply`` and sets ``state.ready`` once consuming
Source = Callable[[DeskState], Awaitable[None]]
