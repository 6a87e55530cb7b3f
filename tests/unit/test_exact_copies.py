"""An exact copy (the same text under another article id) skips the NLP and still counts as coverage:
``messages.copy_message`` sends it on under the original's partition key, where the clusterer adds it
as a mention of the original's events (issue 12, "pay once")."""

from __future__ import annotations

from streams.codec import decode, encode
from streams.dedup.cluster import Clusterer, partition_key
from streams.messages import copy_message, enrich_message
from streams.records import CleanArticle, Sentence
from streams.topics import ARTICLES_ENRICHED

TEXT = ("ALMATY, Jan 6 - Police in Kazakhstan detained more than 300 protesters in Almaty on Thursday "
        "after the unrest, the interior ministry said. Troops fired tear gas at crowds near the mayor's office.")


def _clean(aid: str, source: str, language: str = "en") -> bytes:
    return encode(CleanArticle(
        id=aid, url=f"https://{source}/{aid}", title=f"Unrest in Almaty ({source})", text=TEXT,
        published_at="2022-01-06T15:00:00Z", language=language, source=source, fingerprint="f" * 16,
        sentences=[Sentence(start=0, end=len(TEXT))]))


def test_a_copy_goes_on_without_events_under_the_originals_key():
    original = enrich_message(_clean("wire-1", "wire.example"))
    assert original.reason is None and original.key == "KZ"
    copy = copy_message(_clean("paper-1", "paper.example"), original.article_id, original.key)
    assert copy is not None and copy.key == "KZ" and copy.article_id == "paper-1"
    article = decode(ARTICLES_ENRICHED, copy.value)
    assert article.events == [] and article.source == "paper.example" and partition_key(article) == "KZ"


def test_the_clusterer_counts_the_copy_as_a_mention_of_the_originals_events():
    original = enrich_message(_clean("wire-1", "wire.example"))
    copy = copy_message(_clean("paper-1", "paper.example"), original.article_id, original.key)
    clusterer = Clusterer({})
    first = clusterer.process(decode(ARTICLES_ENRICHED, original.value), shard=0)
    assert first.events, "the original's events"
    second = clusterer.process(decode(ARTICLES_ENRICHED, copy.value), shard=0)
    assert second.duplicate_of == "wire-1" and second.story == first.story
    assert {e.id for e in second.events} == {e.id for e in first.events}
    for event in second.events:
        assert event.mentions == 2 and set(event.articles) >= {"wire-1", "paper-1"}


def test_the_original_itself_and_articles_landing_elsewhere_take_the_full_path():
    assert copy_message(_clean("wire-1", "wire.example"), "wire-1", "KZ") is None, "the same article again"
    assert copy_message(_clean("paper-1", "paper.example", "en"), "wire-1", "ZZ-fr") is None
    assert copy_message(b"{not json", "wire-1", "KZ") is None, "dead-lettered on the full path"


def test_an_article_without_a_country_stays_under_its_language_key():
    copy = copy_message(_clean("paper-1", "paper.example", "en"), "wire-1", "ZZ-en")
    assert copy is not None and copy.key == "ZZ-en"
    assert decode(ARTICLES_ENRICHED, copy.value).countries == []
