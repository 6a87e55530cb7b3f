"""An event's record stays bounded however big its story grows, and counts every mention once."""

import copy
from datetime import datetime, timedelta, timezone

import orjson

from streams.dedup.cluster import Clusterer
from streams.dedup.merge import ARTICLES_CAP
from streams.records import EnrichedArticle, ExtractedEvent

START = datetime(2022, 1, 6, 8, tzinfo=timezone.utc)


def _report(i: int, killed: int = 26, text: str | None = None) -> EnrichedArticle:
    """Report ``i`` of one protest: its own wording (no duplicates), the same happening."""
    event = ExtractedEvent(type="PROTEST", country="KZ", date="2022-01-06", mode="riot",
                           actors=["KZ:protesters"], place="Almaty", counts={"killed": killed})
    words = " ".join(f"w{i}x{j}" for j in range(40))
    return EnrichedArticle(id=f"r{i:04d}", url=f"https://outlet{i % 7}.example/{i}", title=f"report {i}",
                           text=text or f"Protesters in Almaty, report {i}: {words}", language="en",
                           published_at=(START + timedelta(minutes=i)).isoformat(), events=[event],
                           countries=["KZ"], fingerprint=f"fp-{i}-{killed}")


def _protest(state: dict) -> dict:
    [record] = [v for k, v in state.items() if k.startswith("KZ|evt:")]
    return record["event"]


def test_a_big_story_lists_its_first_and_latest_articles_and_counts_all():
    clusterer = Clusterer({})
    n = ARTICLES_CAP * 3
    for i in range(n):
        result = clusterer.process(_report(i))
    [event] = result.events
    assert event.mentions == n
    half = ARTICLES_CAP // 2
    assert event.articles == [f"r{i:04d}" for i in range(half)] + [f"r{i:04d}" for i in range(n - half, n)]


def test_the_stored_event_does_not_grow_with_its_mentions():
    state = {}
    clusterer = Clusterer(state)
    sizes = []
    for i in range(ARTICLES_CAP * 4):
        clusterer.process(_report(i))
        if i in (ARTICLES_CAP * 2, ARTICLES_CAP * 4 - 1):
            sizes.append(len(orjson.dumps([v for k, v in state.items() if k.startswith("KZ|evt:")])))
    assert sizes[1] <= sizes[0] * 1.05


def test_replaying_an_article_no_longer_listed_changes_nothing():
    state = {}
    clusterer = Clusterer(state)
    for i in range(ARTICLES_CAP * 2):
        clusterer.process(_report(i))
    snapshot = copy.deepcopy(state)
    again = clusterer.process(_report(ARTICLES_CAP // 2 + 10))  # fell out of the list and of ``by``
    assert state == snapshot
    assert again.events[0].mentions == ARTICLES_CAP * 2


def test_a_revision_of_an_article_no_longer_remembered_is_not_counted_twice():
    state = {}
    clusterer = Clusterer(state)
    for i in range(ARTICLES_CAP * 2):
        clusterer.process(_report(i))
    before = _protest(state)["revision"]
    early = ARTICLES_CAP // 2 + 10  # neither listed nor among the versions the event remembers
    revised = clusterer.process(_report(early, killed=40, text="Revised: the toll in Almaty rises to 40."))
    assert revised.events[0].mentions == ARTICLES_CAP * 2
    assert _protest(state)["revision"] == before + 1  # the revision was applied
