"""Upserts gathered between sends: the latest state of each event goes out, no article is hidden."""

from msgspec.structs import replace

from streams.agents.upserts import PendingUpserts
from streams.dedup.cluster import Clusterer
from streams.dedup.merge import ARTICLES_CAP
from tests.unit.test_event_mentions import _report


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _cluster(n: int, start: int = 0, clusterer: Clusterer | None = None):
    clusterer = clusterer or Clusterer({})
    for i in range(start, start + n):
        result = clusterer.process(_report(i))
        yield f"message-{i}", [(result.article_id, result.events)]


def test_a_burst_on_one_event_goes_out_as_its_latest_state_after_its_messages():
    pending = PendingUpserts(interval=0.2, clock=FakeClock())
    for message, mentions in _cluster(30):
        pending.add(message, mentions)
    sends, messages = pending.take()
    assert [(s.mentions, origin) for s, origin in sends] == [(30, "message-29")]
    assert sends[0][0].articles == [f"r{i:04d}" for i in range(30)]
    assert messages == [f"message-{i}" for i in range(30)]
    assert pending.take() == ([], [])


def test_every_article_is_listed_in_some_upsert_even_past_the_cap():
    pending = PendingUpserts(interval=0.2, clock=FakeClock())
    n = ARTICLES_CAP * 3
    for message, mentions in _cluster(n):
        pending.add(message, mentions)
    states = [state for state, _ in pending.take()[0]]
    listed = {a for s in states for a in s.articles}
    assert listed == {f"r{i:04d}" for i in range(n)}
    # far fewer than one state per article, in the order they were reached, the last one complete
    assert len(states) < n / 10
    assert [s.revision for s in states] == sorted(s.revision for s in states)
    assert states[-1].mentions == n


def test_events_go_out_in_the_order_they_were_first_updated():
    pending = PendingUpserts(interval=0.2, clock=FakeClock())
    clusterer = Clusterer({})
    strike = _report(1, text="Workers in Almaty went on strike")
    strike.events = [replace(strike.events[0], type="STRIKE", place="Almaty")]
    protest, other, protest_again = (clusterer.process(a) for a in (_report(0), strike, _report(2)))
    for i, result in enumerate((protest, other, protest_again)):
        pending.add(f"m{i}", [(result.article_id, result.events)])
    sends, messages = pending.take()
    assert [(s.id, origin) for s, origin in sends] == [(protest.events[0].id, "m2"), (other.events[0].id, "m1")]
    assert sends[0][0].mentions == 2 and messages == ["m0", "m1", "m2"]


def test_due_after_the_interval_or_when_too_many_messages_wait():
    clock = FakeClock()
    pending = PendingUpserts(interval=0.2, max_messages=3, clock=clock)
    assert not pending.due()
    pending.add("m0", [])
    assert not pending.due()
    clock.now += 0.25
    assert pending.due()
    pending.take()
    pending.add("m1", [])
    pending.add("m2", [])
    assert not pending.due()
    pending.add("m3", [])
    assert pending.due()


def test_drop_forgets_states_and_messages():
    pending = PendingUpserts(interval=0.2, clock=FakeClock())
    for message, mentions in _cluster(5):
        pending.add(message, mentions)
    assert pending.drop() == 5
    assert len(pending) == 0 and pending.take() == ([], []) and not pending.due()
