"""The enrich stage: a cleaned article in, an article with events, topics and countries out.

This is the one pure call of the enrich agent (``articles.clean`` ->
``articles.enriched``) and of ``kabar eval``/``kabar extract``, so all three
run the same code. The fact finders (places, dates, counts) run once over the
body; ``events.extract_events`` builds events from their mentions, unless the
text alone is only about sport, markets or technology, or a long text only about
those or health, the environment, disasters or society (``eventless_topics`` and
``eventless_long_topics`` of plover.json: a match report's "attack", a plague that
"hit" a hiker, doctors urging people to drink water are no events; of a long text
about crime and nothing political only the state's acts are kept; of a text about sport only the speech
acts, agreements and meetings with a public party (``privateacts``); of a text only about the
economy its protests are kept, ``eventless_topic_keeps``: a strike over wages); topics are then
classified with the event types as a hint; ``countries`` (most prominent
first) is the dedup stage's blocking key. ``enrich`` never raises: a failure
inside becomes a ``Rejection`` carrying the exception's name.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from streams.nlp.actors import titled_officials
from streams.nlp.counts import find_counts
from streams.nlp.dates import find_dates
from streams.nlp.eventdates import dateline_end
from streams.nlp.events import country_ranking, extract_events
from streams.nlp.places import find_places
from streams.nlp.privateacts import SPORTS_TOPIC, private_act
from streams.nlp.topics import classify_topics
from streams.nlp.triggers import in_group, plover_group, plover_list
from streams.reasons import Reason
from streams.records import CleanArticle, EnrichedArticle, ExtractedEvent, Rejection

log = logging.getLogger(__name__)

#: longest body enriched; the rest of a huge text is ignored (events sit in the lede)
MAX_CHARS = 60_000
#: fewest sentences for a text's topics to be trusted on health, the environment, disasters or
#: society (``eventless_long_topics``): a snippet's few words may miss the politics of its acts
LONG_TEXT_SENTENCES = 6


@lru_cache(maxsize=None)
def _quiet_topics(long: bool) -> frozenset[str]:
    """The topics of a text that reports no events: sport, markets, technology; for a long text also
    health, the environment, disasters and society."""
    return frozenset(plover_list("eventless_topics") + (plover_list("eventless_long_topics") if long else ()))


def _eventless(topics: list[str], sentences: int) -> bool:
    """The text, by its topics alone, reports no events."""
    return set(topics) <= _quiet_topics(sentences >= LONG_TEXT_SENTENCES)


@lru_cache(maxsize=None)
def _quiet_keeps(topics: tuple[str, ...]) -> frozenset[str]:
    """The event types a text whose topics report no events still reports: those every one of its
    topics lets through (``eventless_topic_keeps``: a strike told in the words of the economy)."""
    keeps = plover_group("eventless_topic_keeps")
    return frozenset.intersection(*(frozenset(keeps.get(t, ())) for t in topics)) if topics else frozenset()


def _private_crime_story(topics: list[str], sentences: int) -> bool:
    """A long text about crime and otherwise only topics that report no events: what it tells is
    private crime (out of PLOVER's types), bar what the state does about it."""
    return (sentences >= LONG_TEXT_SENTENCES and "crime" in topics
            and set(topics) <= _quiet_topics(True) | {"crime"})


def _state_act(event: ExtractedEvent, officials: frozenset[str]) -> bool:
    """The state acting in a crime story: an arrest, a charge or a sentence (``crime_story_types``), or
    anything its forces, its government or its titled officials do (``crime_story_state_sectors``:
    "police fired on the crowd", "the police chief warned traffickers", "the governor urged mayors")."""
    sectors = plover_list("crime_story_state_sectors")
    return in_group("crime_story_types", event.type, event.mode) or any(
        actor.split(":")[-1] in sectors or actor in officials for actor in event.actors)


def _enrich(clean: CleanArticle) -> EnrichedArticle | Rejection:
    published = clean.published
    if published is None:
        return Rejection(Reason.NO_PUBLISHED_TIME, str(clean.published_at)[:80])
    lang = clean.language
    text = clean.text[:MAX_CHARS]
    sentences = [s for s in clean.sentences if s.end <= len(text)]
    places = find_places(text, lang)
    title_places = find_places(clean.title, lang) if clean.title else []
    countries = country_ranking(places, title_places, dateline_end(text))
    topics = classify_topics(clean.title, text, lang, ())
    quiet = _eventless(topics, len(sentences))
    keeps = _quiet_keeps(tuple(topics)) if quiet else frozenset()
    if quiet and not keeps:
        events = []  # a match report's "attack", a market's "bloodbath", a heatwave that "struck": no events
    else:
        events = extract_events(
            text, sentences, lang, published, places,
            find_dates(text, published, lang), find_counts(text, lang),
            primary_country=countries[0] if countries else None,
        )
        if quiet:
            events = [e for e in events if e.type in keeps]  # a strike over wages, not a market's "bloodbath"
        if _private_crime_story(topics, len(sentences)):
            officials = titled_officials(text, lang, places, frozenset(plover_list("crime_story_state_sectors")))
            events = [e for e in events if _state_act(e, officials)]  # a robbery's stabbing, a suspect's denial: private
        if SPORTS_TOPIC in topics and any(private_act(e, frozenset()) for e in events):
            officials = titled_officials(text, lang, places, frozenset(plover_list("crime_story_state_sectors")))
            events = [e for e in events if not private_act(e, officials)]  # a referee's reprimand, former players' calls
        topics = classify_topics(clean.title, text, lang,
                                 tuple(f"{e.type}/{e.mode}" if e.mode else e.type for e in events))
    return EnrichedArticle(
        id=clean.id, url=clean.url, title=clean.title, text=clean.text,
        published_at=clean.published_at, language=lang, source=clean.source,
        fingerprint=clean.fingerprint, topics=list(topics), events=events, countries=countries,
    )


def enrich(clean: CleanArticle) -> EnrichedArticle | Rejection:
    """Events, topics and countries of one cleaned article, or a Rejection; never raises."""
    try:
        return _enrich(clean)
    except Exception as exc:  # noqa: BLE001 - a stage answers with a rejection, never an exception
        log.exception("enrich failed for %s", getattr(clean, "id", "?"))
        return Rejection(Reason.STAGE_ERROR, f"{type(exc).__name__}: {exc}"[:200])
