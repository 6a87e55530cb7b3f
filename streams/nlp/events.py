"""PLOVER event extraction from a cleaned article, sentence by sentence.

For every trigger that survives the filters of ``triggers.py`` an event is
built from what the finders saw around it: actors and targets
(``eventroles``), the place and country (``eventplaces``), the date
(``eventdates``) and counts (count mentions of the clause, else of the
sentence; a sentence that only continues a toll gives its figures to the
previous sentence's events; the size of a deployment may come sentences
later). Skipped: sentences about the distant past, running totals, what a
quotation narrates, what a speech act is about ("blamed the violence on
..."), a crowd's demands and seizures (part of its protest), the backdrop
of a sentence's act ("amid protests", ``backdrops``); a host state's demand
that foreign diplomats leave is their expulsion (``expulsions``). Events of one
article that describe the same happening are merged (``eventmerge``); the learned filter
(``eventfilter``) may then drop those its model scores as no fresh event.

Everything here is pure: mentions come in as arguments, so the extractor is
tested without the finders; ``enrich.py`` calls the finders and this module.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache

import msgspec

from streams.nlp.actors import ActorMention, find_actors, person_country, placed_by, seat_country
from streams.nlp.backdrops import in_backdrop, in_span_backdrop
from streams.nlp.counts import named_victims
from streams.nlp.dates import dates_only_a_noun, tells_long_past, tells_vague_past
from streams.nlp.eventcontext import ArticleContext, between, paragraph_index, spans
from streams.nlp.eventdates import (DATE_IN_SENTENCE, PAST_DAYS, dateline_end, dominant_date, event_date, is_past,
                                    old_years)
from streams.nlp.eventfilter import filtered
from streams.nlp.eventmerge import GENERIC_VICTIMS, Candidate, merged_candidates, side_of
from streams.nlp.eventplaces import (
    body_seat, caller_country, country_ranking, dateline_towns, dominant_place, event_country, nationwide,
    paragraph_scene, pick_scene, said_there_after, statements_at_filed_meeting, trusted_places,
    untrusted_capitals,
)
from streams.nlp.eventroles import (SIDE_TARGETED_TYPES, codes, default_actor, fit_roles, governments_as_states,
                                    international, own_side_dropped, parties, roles, story_opponent, unnamed_subject,
                                    without_envoys_of_parties)
from streams.nlp.expulsions import departure_span, names_host
from streams.nlp.fuzzy import fold
from streams.nlp.mentions import CountMention, DateMention, PlaceMention
from streams.nlp.notevents import attributive_participle, governed_participle, habitual_present, participle_aside
from streams.nlp.relplaces import relative_places
from streams.nlp.triggers import (
    CALL_OBJECT_WORDS, Lexicon, Trigger, TriggerHit, cameo_root, clauses, count_kinds, cumulative_markers, find_triggers,
    BACKGROUND_WINDOW, follows_background_marker,
    in_group, in_perfect, in_pluperfect, is_declared, is_disaster_story, is_reporting, is_verbal, lexicon, may_be_quoted,
    natural_death, plover_group, plover_list, tells_mishap,
)
from streams.nlp.textutil import WORD_END, alternation, load_data, whole_words_re, words_back
from streams.nlp.tollsplit import split_by_place
from streams.records import ExtractedEvent, Location, Sentence

#: quoted speech; a quote of a few words is a scare quote ('had been "liquidated"'), not speech
_QUOTE_RE = re.compile(r"\"[^\"\n]{2,800}\"|“[^”\n]{2,800}”|«[^»\n]{2,800}»")
MIN_QUOTE_WORDS = 4
#: a short quotation, not glued to a word (no apostrophe of "the rebels' attack")
_SHORT_QUOTE_RE = re.compile(r"(?<![\w’'])[‘'\"“«]\s?([^‘’'\"“”«»\n]{1,60}?)\s?[’'\"”»](?!\w)")
#: words between a condemnation or welcome and the act it judges ("condenó el viernes las nuevas sanciones")
JUDGED_OBJECT_WORDS = 4
#: words between an order and what it imposes ("ordered a nationwide curfew")
ANCHOR_OBJECT_WORDS = 3
#: characters around a count searched for a subset marker ("among the dead")
SUBSET_REACH = 25
#: an act dated this many days from publication ("este miércoles") is the story's own, not part of a running total
RECENT_ACT_DAYS = 7
#: words before a running-total marker ("desde octubre") it reaches back over, past an act dated to the last days
CUMULATIVE_REACH = 10
#: words before a running-total marker searched for a superlative that makes it a comparison
SUPERLATIVE_REACH = 4
#: words before (or after) a trigger searched for a superlative that modifies it ("its largest drone attack")
SUPERLATIVE_TRIGGER_REACH = 2
#: where each word ends (``_compared_act`` reads a few words after a trigger)
_WORD_ENDS = re.compile(r"(?<=\w)(?!\w)")
#: characters after a body searched for the country it is stationed in ("Mission de l'ONU au Congo")
STATIONED_REACH = 12
#: the year every month-and-year and year-marker pattern holds: a sentence without one is read by neither
#: (a quick scan for it costs a fraction of theirs)
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


def _event_for(ctx: ArticleContext, hit: TriggerHit, sent: tuple[int, int], clause: tuple[int, int],
               last_person: ActorMention | None, hits: list[TriggerHit]) -> Candidate | None:
    """The event of one trigger (``clause`` relative to the sentence ``sent``), or None
    when it cannot be one (a request nobody makes, a meeting of one country)."""
    trig = hit.trigger
    pos, end = sent[0] + hit.start, sent[0] + hit.end
    clause = (sent[0] + clause[0], sent[0] + clause[1])
    verbs = [(sent[0] + h.start, sent[0] + h.end) for h in hits if h is not hit and h.end <= hit.start]
    actors, targets = roles(ctx, hit, pos, end, clause, last_person, verbs)
    if trig.needs_actor and not actors and (_document_speaks(ctx, hit, sent[0])
                                            or trig.named_actor and not unnamed_subject(ctx, pos, clause)):
        # "the consensus called for ...": a document, not someone, asks; a word as common outside politics
        # as "asked" asks nothing without a name before it ("Fecode asked" does: a union the lists lack)
        return None
    if trig.type == "RETREAT" and _rescue(ctx, hit, sent[0], clause, actors):
        return None  # "police stormed the building and freed the hostages": a rescue, no captor yielded
    if trig.by_state and _state_acts(ctx, actors):
        # "China protested to the embassy": a state's protest is a formal complaint, not a demonstration
        state_type, _, state_mode = trig.by_state.partition("/")
        trig = _as_state_act(trig, state_type, state_mode or None)
    if _armed_doers(trig, actors):
        trig = _as_state_act(trig, plover_group("armed_doer_acts")["as"], None)
    event_type, mode = trig.type, trig.mode
    verbal = is_verbal(event_type)

    place, wide = pick_scene(ctx, trig, pos, sent, clause, end)
    country = event_country(ctx, trig, place, actors, pos, clause)
    country_told = place is not None or wide or _country_named(ctx, clause, country)
    if in_group("meeting_types", trig.type):
        callers = actors
        actors, targets = parties(ctx, sent, actors + targets), []  # everyone at the table acts
        if len({_party_key(a) for a in actors}) < DUAL:
            actors = _with_pair_told_before(ctx, sent, clause, actors)  # "... . The two leaders met on Friday"
        if place is None:
            country = caller_country(ctx, trig, pos, end, callers, actors, last_person) or country
    elif verbal and not targets:
        targets = _pair_addressed(ctx, sent, clause, pos, end, actors)  # "urged both governments to ..."
    home = _sectors_home(ctx, country, actors)
    actor_codes = fit_roles(event_type, "actors", codes(actors, home)) or default_actor(trig.actor, home)
    target_codes = [t for t in (fit_roles(event_type, "targets", codes(targets, home))
                                or default_actor(trig.target, home)) if t not in actor_codes]
    if trig.joint and international(actors + parties(ctx, sent, actors + targets), country):
        # two states' police or troops investigating or operating together ("police of Thailand and Malaysia
        # launched a joint investigation"; the sentence names the sides, whoever the subject is): PLOVER
        # COOPERATE (judicial or security cooperation), no deed of one of them
        event_type, mode = "COOPERATE", None
    elif event_type == "MOBILIZE" and any(a.kind == "org" and not _stationed(ctx, a, country) or country and (
            a.kind == "country" and a.value != country or a.kind == "sector" and a.country and a.country != country)
                                         for a in actors):
        # a force sent into another country is aid to it (PLOVER AID, military); with no country known,
        # a state's forces are sent nowhere foreign ("TNI mengerahkan 5.000 personel ke perbatasan"); a
        # mission stationed there ("la Mission de l'ONU au Congo") moves its own forces
        event_type, mode = "AID", "military"
        target_codes = [country] if country else []
    elif event_type == "MOBILIZE":
        actor_codes, target_codes = _own_forces_sent(country, actor_codes, target_codes)
    elif event_type == "AID" and not target_codes and _given_abroad(country, actor_codes):
        target_codes = [country]  # "brought 630 aid trucks into Gaza", "providing $1 million": to the country it reaches
    elif in_group("foreign_measure_types", event_type, mode) and _aimed_at_another_state(
            country, actor_codes, target_codes):
        # a ban or restriction on another state (its ships, its bonds) is an embargo (PLOVER SANCTION), one
        # state's measure against another: their governments are coded as the states
        event_type, mode = "SANCTION", None
        actor_codes, target_codes = _as_states(actor_codes), [t for t in _as_states(target_codes) if t not in actor_codes]
    if (in_group("international_types", event_type) and not international(actors + targets, country)
            and not trig.between_states and not _two_sides(actors + targets)):
        return None  # a cabinet meeting is no consultation ("bilateral talks" are, whoever is named)
    if place is None and not wide and is_declared(event_type):
        place = said_there_after(ctx, sent, country) if verbal else None
        country_told = country_told or place is not None
        place = place or body_seat(actors, country)  # the speaker's seat: where it speaks from, not a place told
    inherited = False
    if place is None and not wide and in_group("scene_types", event_type, mode):
        place = paragraph_scene(ctx, sent, country) or (
            ctx.dominant_place if ctx.dominant_place and ctx.dominant_place.location.country == country else None)
        inherited = place is not None
        country_told = country_told or inherited  # the scene of its paragraph or story

    near, when, rank = event_date(ctx, hit, sent, hits, verbal)
    loc = place.location if place else None
    event = ExtractedEvent(
        type=event_type, mode=mode, cameo=cameo_root(event_type), country=country, date=when.isoformat(),
        actors=actor_codes, targets=target_codes,
        place=loc.name if loc else None,
        location=Location(loc.name, loc.country, loc.lat, loc.lon, loc.geonames_id) if loc else None,
        evidence=ctx.text[sent[0]:sent[1]].strip(),
        confidence=round(0.5 + 0.15 * bool(actors) + 0.15 * bool(place) + 0.1 * bool(near and near.explicit), 2),
    )
    # "police killed dozens" is an attack; "the governor said six people died" is a toll
    # ... and "18 members of the security forces died" an attack on them
    casualty = trig.casualty and all(a.kind == "person" for a in actors) and not _sides(target_codes)
    countrywide = wide and nationwide(ctx, clause)
    return Candidate(event, pos, rank, place.kind if place else None, inherited, countrywide, casualty, trig.needs_count,
                     explicit_actor=bool(actors), default_target=not targets, country_told=country_told)


def _given_abroad(country: str | None, actor_codes: list[str]) -> bool:
    """Aid handed out in ``country`` by givers of none of them from it (a state, its sectors, its people,
    an international body): the help goes to that country (PLOVER AID: the recipient is its target)."""
    if not country or not actor_codes:
        return False
    homes = {c.split(":")[0] if c.split(":")[0].isupper() and len(c.split(":")[0]) == 2 else person_country(c)
             for c in actor_codes}
    return country not in homes


#: characters before a country's name searched for its locative ("in", "di", "en") within the clause
LOCATIVE_REACH = 60


def _country_named(ctx: ArticleContext, clause: tuple[int, int], country: str | None) -> bool:
    """The clause names the event's country as where it happened ("in Lebanon", "di Indonesia"), not only
    as whose ("the Israeli military", "Militer Israel"): the country is told, not the speaker's or the story's."""
    locative = lexicon(ctx.lang).locative
    return bool(locative) and any(
        p.kind == "country" and p.location.country == country
        and locative.search(ctx.text[max(clause[0], p.start - LOCATIVE_REACH):p.start])
        for p in between(ctx.places, *clause))


#: the parties a pair of words stands for ("the two leaders", "kedua pihak")
DUAL = 2
#: mentions that can be a party to a meeting told before its sentence
_PARTY_KINDS = ("country", "person", "org")


def _party_key(mention: ActorMention) -> str:
    """Who a mention stands for as a side: its country when it has one ("Kenyan President Ruto" and
    "Kenya" are one side), else itself."""
    return mention.country or mention.value


def _with_pair_told_before(ctx: ArticleContext, sent: tuple[int, int], clause: tuple[int, int],
                           actors: list[ActorMention]) -> list[ActorMention]:
    """``actors`` with the two sides named last before the sentence when the clause speaks of a pair
    (events.json ``dual_parties``: "Kenya and Uganda ... . The two leaders held talks", "kedua pihak
    bertemu", "ambos presidentes se reunieron"): the meeting names its parties only before."""
    dual = lexicon(ctx.lang).dual_parties
    if dual is None or not dual.search(ctx.folded, clause[0], clause[1]):
        return actors
    # a sector of no country ("the two leaders", "kedua pemimpin") is the pair itself, not a side
    sides = {_party_key(a): a for a in actors if a.kind != "sector" or a.country}
    told = [a for a in between(ctx.actors, 0, sent[0]) if a.kind in _PARTY_KINDS]
    for mention in reversed(told):
        if len(sides) >= DUAL:
            break
        sides.setdefault(_party_key(mention), mention)
    return sorted(sides.values(), key=lambda a: a.start) if len(sides) >= DUAL else actors


def _pair_addressed(ctx: ArticleContext, sent: tuple[int, int], clause: tuple[int, int], pos: int, end: int,
                    actors: list[ActorMention]) -> list[ActorMention]:
    """The two states a speech act is addressed to when its object is a pair of states (events.json
    ``dual_states`` right after the trigger: "urged both governments to exercise restraint",
    "exhortó a ambos gobiernos", "mendesak kedua negara"; "both sides" of a civil war are no two
    states): the two countries or governments named last before the sentence other than the
    speaker's, as states (between states the conventions code ``CC``). None unless two were named.
    A trigger written around its object ("a exhorté les deux pays à") holds the pair in its gap."""
    dual = _markers_re(ctx.lang, "dual_states")
    found = dual.search(ctx.folded, pos, clause[1]) if dual is not None else None
    if found is None or (found.start() >= end and len(ctx.folded[end:found.start()].split()) > PAIR_OBJECT_WORDS):
        return []
    own = {a.country for a in actors if a.country}
    sides: dict[str, ActorMention] = {}
    for mention in reversed(between(ctx.actors, 0, sent[0])):
        if len(sides) >= DUAL:
            break
        if _is_state(mention) and mention.country not in own:
            sides.setdefault(mention.country, mention)
    if len(sides) < DUAL:
        return []
    return [ActorMention(m.start, m.end, "country", cc, cc) for cc, m in sides.items()]


def _is_state(mention: ActorMention) -> bool:
    """A country or a government of a named country: a side that is a state, not a person or a force."""
    return bool(mention.country) and (mention.kind == "country"
                                      or (mention.kind == "sector" and mention.value == "government"))


#: words at most between a speech act's verb and the pair it addresses ("urged both governments",
#: "exhortó a ambos gobiernos")
PAIR_OBJECT_WORDS = 1
#: the sectors a state deploys
_FORCES = ("military", "police")


def _aimed_at_another_state(country: str | None, actor_codes: list[str], target_codes: list[str]) -> bool:
    """A target is a state other than the event's country and the actors' ("IL", "RU:government"),
    not its people or firms ("a ban on Israeli-owned ships" aims at Israel; "MY:business" at no state).
    Without a country the target may be the actor's own state ("banned Ugandan opposition candidates")."""
    if not country:
        return False
    own = {country} | {code.partition(":")[0] for code in actor_codes}
    for code in target_codes:
        state, _, sector = code.partition(":")
        if len(state) == 2 and state.isupper() and state not in own and sector in ("", "government"):
            return True
    return False


def _as_states(codes: list[str]) -> list[str]:
    """Codes with a government written as its state ("RU:government" -> "RU"), once each."""
    out: list[str] = []
    for code in codes:
        state, _, sector = code.partition(":")
        code = state if sector == "government" else code
        if code not in out:
            out.append(code)
    return out


def _own_forces_sent(country: str | None, actor_codes: list[str], target_codes: list[str]) -> tuple[list[str], list[str]]:
    """(actors, targets) of a deployment at home: the state's own forces it sends mobilize with it
    ("Perú dispuso el despliegue de las Fuerzas Armadas", "Indonesia mengerahkan tentara"), they are
    not its target (``eventroles`` moves them only when no country is named as the sender)."""
    if not country or not actor_codes or not all(a.split(":")[0] == country for a in actor_codes):
        return actor_codes, target_codes
    own = [t for t in target_codes if t.split(":")[0] == country and t.split(":")[-1] in _FORCES]
    return actor_codes + own, [t for t in target_codes if t not in own]


#: sectors whose freeing of hostages is a rescue
_RESCUER_SECTORS = frozenset({"police", "military"})
#: words after a release searched for whom it frees ("freed the twelve hostages", "liberaron a los rehenes")
RELEASED_WORDS = 4


def _rescue(ctx: ArticleContext, hit: TriggerHit, sent_start: int, clause: tuple[int, int],
            actors: list[ActorMention]) -> bool:
    """The release is police or troops freeing hostages (events.json ``hostage_words``): a rescue.
    PLOVER's RETREAT (release) is the captor letting its captives go ("the kidnappers released the
    hostages"); security forces who free someone else's hostages yield nothing."""
    hostages = lexicon(ctx.lang).hostages
    if hostages is None or not actors or not all(a.kind == "sector" and a.value in _RESCUER_SECTORS for a in actors):
        return False
    words = ctx.folded[sent_start + hit.start:clause[1]].split()
    reach = len(ctx.folded[sent_start + hit.start:sent_start + hit.end].split()) + RELEASED_WORDS
    return bool(hostages.search(" ".join(words[:reach])))


#: words before a trigger searched for a document that makes it ("the final communique, demanding that")
DOCUMENT_WORDS = 8


def _document_speaks(ctx: ArticleContext, hit: TriggerHit, sent_start: int) -> bool:
    """A document (``document_subjects`` of events.json) stands among the words before the
    trigger: it, not a speaker, makes the speech act. Without one, a speech act no actor was
    found for is still someone's ("union leaders demanded")."""
    documents = lexicon(ctx.lang).documents
    before = ctx.folded[sent_start:sent_start + hit.start].split()[-DOCUMENT_WORDS:]
    return bool(documents and documents.search(" ".join(before)))


def _stationed(ctx: ArticleContext, body: ActorMention, country: str | None) -> bool:
    """``body`` is placed in ``country`` where it is named ("la Mission de l'ONU au Congo", "UN forces
    in Mali"): it is stationed there."""
    return country is not None and any(
        p.location.country == country and placed_by(ctx.folded, ctx.lang, body.end, p.start)
        for p in ctx.places if body.end <= p.start <= body.end + STATIONED_REACH)


def _two_sides(parties: list[ActorMention]) -> bool:
    """The parties of a meeting are two sides of one country: two sectors (the government and
    unions, protesters or rebels) or two people named. PLOVER's CONSULT is any meeting or talks
    between parties; one body meeting itself (a cabinet meeting, a leader and his cabinet) is none."""
    return (len({p.value for p in parties if p.kind == "sector"}) >= 2
            or len({p.value for p in parties if p.kind == "person"}) >= 2)


def _armed_doers(trigger: Trigger, actors: list[ActorMention]) -> bool:
    """A crowd's act done by armed men only ("gunmen stormed a hotel", "militants torched a school"):
    plover.json ``armed_doer_acts``, an attack rather than a riot."""
    armed = plover_group("armed_doer_acts")
    kinds = armed["types"]
    return (trigger.type in kinds or f"{trigger.type}/{trigger.mode}" in kinds) and bool(actors) and all(
        a.kind == "sector" and a.value in armed["sectors"] for a in actors)


@lru_cache(maxsize=None)
def _as_state_act(trigger: Trigger, event_type: str, mode: str | None) -> Trigger:
    """``trigger`` done by a state: its own type, no default sectors of the word's type."""
    return replace(trigger, type=event_type, mode=mode, actor="", target="", by_state="")


#: sectors that speak for a state (with their country named): their protest is a formal complaint
_STATE_SECTORS = frozenset({"government"})


@lru_cache(maxsize=None)
def _demonyms(lang: str) -> frozenset[str]:
    """The folded demonyms of a language ("israelíes", "Kenyans"): people, not their state."""
    return frozenset(fold(w) for w in ((load_data(lang, "actors") or {}).get("demonyms") or {}))


def _state_acts(ctx: ArticleContext, actors: list[ActorMention]) -> bool:
    """The actors are states or international bodies (a country named, an organisation, the
    government of a country named), not people ("miles de israelíes protestaron" is a crowd; a bare
    "Parlamento" may be where they protest)."""
    demonyms = _demonyms(ctx.lang)
    return bool(actors) and all(
        (a.kind == "country" and ctx.folded[a.start:a.end].strip() not in demonyms) or a.kind == "org"
        or (a.kind == "sector" and a.value in _STATE_SECTORS and a.country is not None) for a in actors)


def _sectors_home(ctx: ArticleContext, country: str | None, actors: list[ActorMention]) -> str | None:
    """The country of the sectors an event names without one: the event's, unless that is only
    the seat of the body acting ("the UN urged the government": the story's government)."""
    if country and any(a.kind == "org" and seat_country(a.value) == country for a in actors) and not any(
            a.country == country for a in actors):
        return ctx.primary_country or country
    return country


def _assign_counts(made: list[Candidate], counts: list[CountMention], sent_start: int | None = None) -> list[CountMention]:
    """Put each count on the nearest event of its clause (else of the sentence) that may
    carry its kind; return the counts left over."""
    left = []
    for c in counts:
        takers = [m for m in made if c.kind in count_kinds(m.event.type, m.event.mode) and c.kind not in m.event.counts]
        if sent_start is not None:
            same_clause = [m for m in takers if m.clause[0] <= c.start - sent_start < m.clause[1]]
            takers = _told_how(same_clause) or takers
        if not takers:
            left.append(c)
            continue
        min(takers, key=lambda m: abs(m.pos - c.start)).event.counts[c.kind] = c.value
    return left


def _told_how(takers: list[Candidate]) -> list[Candidate]:
    """The events of a clause less a bare act ("killed", "tewas": no mode) of the type of one that says
    how it was done ("its air strikes killed 31", "ditembak hingga tewas"): that is the same act, and the
    figure is the act's told with its means."""
    moded = {m.event.type for m in takers if m.event.mode}
    return [m for m in takers if m.event.mode or m.event.type not in moded]


def _may_refine(old: int | None, new: int) -> bool:
    """A later figure fills a missing count, or makes a round one exact ("more than
    100,000" then "100,417")."""
    return old is None or (old % 1000 == 0 and old <= new <= old * 1.2)


def _kept_hits(ctx: ArticleContext, sentence: str, folded: str, sent_start: int, hits: list[TriggerHit],
               cumulative: int | None) -> list[TriggerHit]:
    """The triggers of a sentence (``hits``; ``folded`` is the folded sentence) that can be
    events of this article; ``cumulative``: where a running total or habit reaches from."""
    if not hits:
        return []
    kept = []
    marker = lexicon(ctx.lang).reporting
    found = marker.search(folded) if marker else None
    speech_at = found.start() if found else None
    content_end = len(sentence)  # where what the speech act is about ends
    judge: TriggerHit | None = None  # a speech act judging what it names right after it ("condemned the sanctions")
    names = [(a.start - sent_start, a.end - sent_start) for a in between(ctx.actors, sent_start, sent_start + len(sentence))
             if a.kind in ("sector", "org", "person")]
    mishap = None
    background = _background_sentence(ctx, folded, sent_start, len(sentence))
    dated = bool(between(ctx.dates, sent_start, sent_start + len(sentence)))
    deliberate = any(not in_group("mishap_types", h.trigger.type, h.trigger.mode) for h in hits
                     if h.trigger.type == "ASSAULT")
    in_earlier_clause = background and _told_in_earlier_clause(folded, hits, ctx.lang)
    series = _series_toll(ctx, folded, sent_start)
    for hit in hits:
        t = hit.trigger
        if t.disaster and ctx.disaster:
            continue  # evacuated from a flood: not fleeing a party
        if in_group("mishap_types", t.type, t.mode) and not deliberate:
            mishap = tells_mishap(folded, ctx.lang) if mishap is None else mishap
            if mishap or (ctx.disaster and t.casualty) or (ctx.mishap_lede and t.type == "ASSAULT"):
                continue  # an earthquake that killed eight, a plant that exploded, "the blast killed two" after it: nobody attacked
        if any(a <= hit.start and hit.end <= b for a, b in names):
            continue  # "rioters", "pelaku kerusuhan": who acts, not what happens
        if series is not None and hit.start >= series:
            continue  # "las protestas que exigen ... han dejado 26 muertos": the series' toll and demands, no act of a day
        if (cumulative is not None and hit.start >= cumulative and t.type in ("ASSAULT", "PROTEST")
                and not _past_dated_aside(ctx, folded, sent_start, hit, cumulative_markers(sentence, ctx.lang, folded))):
            continue  # a running toll or a habit is not an event
        if in_group("up_to_now_types", t.type, t.mode) and _up_to_now(ctx.lang, folded, hit.start):
            continue  # "so far 378 arrests have been made": a running total of the arrests, no act of a day
        if not dated and _repeated(folded, hit, ctx.lang):
            continue  # "the group repeatedly sued the administration": a habit, no act of a day
        if is_verbal(t.type) and _indefinite_subject(folded, hit, ctx.lang):
            continue  # "some welcomed the move", "la mayoría de Estados miembros reclaman": the stance of an unnamed many
        if _past_lede(ctx, sent_start) and _time_anchor(folded, hit, ctx.lang):
            continue  # "shortly after the arrest": when the sentence's own act happened
        if _undated_days_before(ctx, folded, sent_start, hit):
            continue  # "came days after Haniyeh was assassinated": what the sentence's act followed, told undated
        if _judged_act(folded, hit, ctx.lang):
            continue  # "pleaded guilty to charges he threatened to kill": the act a plea or verdict is about, done before
        if follows_background_marker(sentence, hit, ctx.lang, folded) and not _background_lifted(ctx, folded, sent_start, hit):
            continue  # "since Azerbaijan seized control": the earlier happening a period is counted from
        if background and (in_pluperfect(folded, hit, ctx.lang) or _told_by_relative_clause(folded, hit, hits, ctx.lang)):
            continue  # "the newspaper had refused to print them", "a group that sued": before the story, told as its background
        if in_earlier_clause:
            continue  # "When he agreed, she fled": an act before the narrative's next step, or conceded as known
        if background and _past_opening(ctx, sent_start) and _in_standing_state(folded, hit, ctx.lang):
            continue  # "he is accused of leaking secrets", "faces charges of": where someone stands, no new act
        if t.type == "ASSAULT" and t.mode is None and natural_death(_clause_of(sentence, folded, hit, ctx.lang), ctx.lang):
            continue  # died of a medical emergency
        if t.casualty and _result_of_attack(ctx.lang, folded, hit, hits, kept):
            continue  # "fired on the crowd, killing three and wounding nine": the toll of that act, told with it
        if is_verbal(t.type) and kept and kept[-1].trigger.type == "PROTEST" and _gap_words(sentence, kept[-1], hit) <= 2:
            continue  # "a protest rejecting the results": what the protest is against
        if t.type == "ACCUSE" and kept and kept[-1].trigger.type == "REJECT" and _gap_words(sentence, kept[-1], hit) <= 2:
            continue  # "denied accusations that", "a rejeté les accusations": what the denial answers, no new accusation
        if _refused_concession(sentence, t, kept, hit):
            continue  # "se negó a levantar el toque de queda", "menolak mencabut jam malam": refused, not made
        if t.type == "ASSAULT" and _scare_quoted(sentence, hit):
            continue  # an MP "taken hostage" in a ceremony, MPs "attacking" each other in a debate: violence named loosely
        pos = sent_start + hit.start
        if not may_be_quoted(t.type) and any(a < pos < b for a, b in ctx.quotes):
            continue  # what a quotation tells is the speaker's story
        own_subject = hit.start >= content_end and any(content_end <= a < hit.start for a, _ in names)
        if (speech_at is not None and speech_at < hit.start and not own_subject and (not is_verbal(t.type) or t.content)
                and (not t.anchor or _judged_object(ctx.lang, folded, judge, hit))
                and not _meeting_before(ctx.lang, folded, hit)):
            continue  # what a speaker talks about is the content of the speech act
        if is_reporting(t.type) and (speech_at is None or own_subject) and not t.evaluative:
            # what a characterisation is about ("called the attack reckless") was told before; a later clause with
            # a subject of its own tells a second act ("expresó su apoyo a Noboa, mientras Bullrich ofreció ...")
            speech_at = hit.start
            content_end = _clause_end(folded, hit, ctx.lang)
            judge = hit if in_group("judging_types", t.type) else None
        if background and is_verbal(t.type) and _past_opening(ctx, sent_start) and in_perfect(folded, hit, ctx.lang):
            continue  # "rights groups have denounced the camps": a stance held, told without a day (what it is about stays its content)
        if (background and is_verbal(t.type) and _past_opening(ctx, sent_start) and not _is_heading(sentence)
                and habitual_present(sentence, hit, ctx.lang)):
            continue  # "Moscow denies targeting civilians", "la oposición acusa al gobierno": a stance held, no act of a day
        if not t.casualty and _past_lede(ctx, sent_start) and attributive_participle(sentence, hit, ctx.lang):
            continue  # "relatives of the detained activists", "los manifestantes detenidos": who they are, told before
        if t.type == "MOBILIZE" and governed_participle(sentence, hit, ctx.lang):
            continue  # "una visita a tropas desplegadas en", "du groupement Sever, déployé dans": forces in place, no deployment
        kept.append(hit)
    return _requested_acts(ctx.lang, sentence, folded, hits, kept, names)


#: words at most between a refusal and the concession it refuses ("a refusé mercredi de lever le couvre-feu")
REFUSED_GAP = 4


def _refused_concession(sentence: str, t: Trigger, kept: list[TriggerHit], hit: TriggerHit) -> bool:
    """A concession or a retreat right after a refusal is what was refused (PLOVER REJECT: "refuse to
    ease administrative sanctions, to release persons"), not done. English marks it with "to", which
    cancels the trigger as a purpose; Spanish "se negó a", French "a refusé de" and Indonesian and Malay
    "menolak", "enggan" put the infinitive or bare verb right after the refusal."""
    if t.type not in ("CONCEDE", *plover_list("conceded_types")) or not kept:
        return False
    refusal = kept[-1]
    return (refusal.trigger.type == "REJECT" and _gap_words(sentence, refusal, hit) <= REFUSED_GAP
            and not any(c in sentence[refusal.end:hit.start] for c in ",;:"))


#: words at most between a preposition of time ("after", "selepas", "tras") and the meeting it governs ("after a meeting")
MEETING_AFTER_GAP = 1


def _meeting_before(lang: str, folded: str, hit: TriggerHit) -> bool:
    """A meeting governed by a preposition of time after a speech act ("signed the deal after talks between
    the two ministers", "memeterai MoU selepas pertemuan dua hala antara ...", "tras una conversación
    telefónica"): the talks are the step before the act, a meeting of its own on that day, not what was
    agreed or said (events.json ``after_markers``)."""
    after = lexicon(lang).after
    if hit.trigger.type != "CONSULT" or after is None:
        return False
    words = folded[:hit.start].split()
    for gap in range(MEETING_AFTER_GAP + 1):
        if any(w[-1] in ",;:" for w in words[len(words) - gap:]):
            return False
        for size in (1, 2):  # "after", "hours after", "después de"
            end = len(words) - gap
            if end - size >= 0 and after.fullmatch(" ".join(words[end - size:end])):
                return True
    return False


def _scare_quoted(sentence: str, hit: TriggerHit) -> bool:
    """The trigger's words and nothing else stand in quotation marks (an MP 'taken hostage', saling
    'menyerang', des « attaques »): the writer holds the word at a distance. A quoted description ("massive
    explosions", "un misil balístico") is the source's words for a deed, and a quoted name of a protest
    (la "megamarcha") is its name: both stay deeds (only attack words are taken for loose speech)."""
    return any(m.span(1) == (hit.start, hit.end) for m in _SHORT_QUOTE_RE.finditer(sentence))


def _result_of_attack(lang: str, folded: str, hit: TriggerHit, hits: list[TriggerHit], kept: list[TriggerHit]) -> bool:
    """A death or injury word with no subject of its own, after a comma or a joiner ("and"), told
    after an attack of the same sentence: what that attack did ("drones attacked a depot, injuring
    one worker", "menembaki massa, menewaskan tiga orang"), not a second attack."""
    if not any(h.trigger.type == "ASSAULT" and not h.trigger.casualty for h in kept):
        return False
    before = folded[:hit.start].rstrip()
    if before.endswith(","):
        return True
    joiner = lexicon(lang).joiner
    last = before.rsplit(None, 1)[-1] if before else ""
    previous = [h for h in hits if h.end <= hit.start]
    return bool(joiner and joiner.fullmatch(last) and previous and previous[-1].trigger.casualty)


def _judged_object(lang: str, folded: str, judge: TriggerHit | None, hit: TriggerHit) -> bool:
    """``hit`` names the act that ``judge`` (a condemnation, a rejection, a welcome) is about: it
    follows within ``JUDGED_OBJECT_WORDS`` words and no break ("and", a comma) of the language
    between ("Iran condemned the new sanctions", "Irán condenó el viernes las nuevas sanciones");
    "accused Iran of arming rebels and imposed sanctions" imposes them."""
    if judge is None or judge.end > hit.start:
        return False
    between = f" {folded[judge.end:hit.start]} "
    return (len(between.split()) <= JUDGED_OBJECT_WORDS
            and not any(b in between for b in lexicon(lang).negation_breaks))


def _clause_end(folded: str, hit: TriggerHit, lang: str) -> int:
    """Where the clause of ``hit`` ends in the folded sentence."""
    return next((b for a, b in clauses(folded, lexicon(lang)) if a <= hit.start < b), len(folded))


def _named_after(sentence: str, request: TriggerHit, hits: list[TriggerHit]) -> list[TriggerHit]:
    """The triggers of ``hits`` that name the object of ``request`` (at most ANCHOR_OBJECT_WORDS words after it)."""
    return [h for h in hits
            if h.start > request.start and 0 <= _gap_words(sentence, request, h) <= ANCHOR_OBJECT_WORDS]


#: words before a protest searched for a call marker ("on its supporters to march", "a los trabajadores a la
#: huelga")
CALL_MARKER_WORDS = 2
#: words that may stand between a call and its protest with no call marker ("called for a nationwide strike")
CALL_PLAIN_WORDS = 2


def _marker_then_fillers(lex: Lexicon, before: list[str]) -> bool:
    """Whether the words before a protest end in a call marker followed only by fillers (events.json
    ``call_fillers``: "to stage a general", "a realizar una", "untuk melakukan aksi")."""
    rest = list(before)
    while rest and rest[-1] in lex.call_fillers:
        rest.pop()
    return len(rest) < len(before) and bool(rest) and bool(lex.call_markers.fullmatch(rest[-1]))


def _called_for(lang: str, sentence: str, folded: str, request: TriggerHit, protest: TriggerHit,
                names: list[tuple[int, int]]) -> bool:
    """Whether ``protest`` is what ``request`` calls for (at most CALL_OBJECT_WORDS words after it), not
    whom it asks ("pidió a los manifestantes") nor how they are described ("pidió a médicos en huelga
    una tregua", events.json ``state_markers``): a call marker (``call_markers``: "to", "a", "à", "untuk")
    leads to it, or it follows the call closely with no party named between ("llamó a una huelga",
    "menyerukan mogok")."""
    gap = _gap_words(sentence, request, protest)
    if protest.start < request.end or gap > CALL_OBJECT_WORDS:
        return False
    if any(a <= protest.start and protest.end <= b for a, b in names):
        return False  # "pidió a los manifestantes": whom the call asks
    lex = lexicon(lang)
    before = folded[request.end:protest.start].split()
    state = before[-1:] + folded[protest.start:protest.end].split()[:1]
    if lex.state_markers and any(lex.state_markers.fullmatch(word) for word in state):
        return False  # "pide a médicos en huelga una tregua", "asked doctors on strike"
    lead = " " + " ".join(before[-CALL_MARKER_WORDS:]) + " "
    if lex.call_markers and (lex.call_markers.search(lead) or _marker_then_fillers(lex, before)):
        return True
    return gap <= CALL_PLAIN_WORDS and not any(request.end <= a and b <= protest.start for a, b in names)


def _requested_acts(lang: str, sentence: str, folded: str, hits: list[TriggerHit], kept: list[TriggerHit],
                    names: list[tuple[int, int]]) -> list[TriggerHit]:
    """Requests and the act they name right after them (``hits``: all triggers of the sentence;
    ``names``: spans of the actors it names).

    An order imposes the act: "ordered a curfew" is the curfew, not a separate request. A call or an
    appeal only asks for it: "called for sanctions", "pidió sanciones" is a request and the sanctions
    are its content (PLOVER REQUEST), as is a concession asked for ("exigió el fin de la huelga",
    "meminta buruh menghentikan mogok": nobody conceded yet). A call to protest convenes the protest:
    "called a general strike", "llamó a una huelga", "menyerukan mogok" is a threat of dissent by the
    caller (PLOVER THREATEN, as plover.json ``announced_types``); "pidió a los manifestantes" only
    names whom it asks. "urged an inquiry into the use of tear gas" stays a request: the tear gas is
    too far from the call to be its object.
    """
    requests = [h for h in kept if h.trigger.type == "REQUEST"]
    if not requests:
        return kept
    orders = lexicon(lang).orders
    dropped: set[int] = set()
    convened: set[int] = set()
    still = {id(h) for h in kept}
    for request in requests:
        named = _named_after(sentence, request, hits)
        anchors = [id(h) for h in named if (h.trigger.anchor or h.trigger.type == "CONCEDE") and id(h) in still]
        if orders and orders.search(folded[request.start:request.end]):
            if anchors:
                dropped.add(id(request))
            continue
        dropped.update(anchors)
        if any(in_group("announced_types", h.trigger.type, h.trigger.mode)
               and _called_for(lang, sentence, folded, request, h, names) for h in hits):
            convened.add(id(request))
    return [TriggerHit(h.start, h.end, replace(h.trigger, type="THREATEN", mode=None)) if id(h) in convened else h
            for h in kept if id(h) not in dropped]


def _at_listed_places(ctx: ArticleContext, c: Candidate, sent_start: int) -> list[Candidate]:
    """The same act at the other towns its clause lists with its own ("protests in Nairobi,
    Mombasa and Kisumu" are three protests, plover.json ``per_place_types``): copies without
    counts, which belong to one place."""
    e = c.event
    if c.place_inherited or e.location is None or not in_group("per_place_types", e.type, e.mode):
        return []
    places = between(ctx.places, sent_start + c.clause[0], sent_start + c.clause[1])
    own = next((i for i, p in enumerate(places) if p.location.name == e.place), None)
    if own is None:
        return []
    joiner = lexicon(ctx.lang).joiner
    listed = []
    for before, after in zip(places[own:], places[own + 1:]):
        gap = fold(ctx.text[before.end:after.start]).strip(" ,")
        if after.kind not in ("city", "site") or (gap and not (joiner and joiner.fullmatch(gap))):
            break
        listed.append(after)
    copies = []
    for p in listed:
        loc = p.location
        if loc.name == e.place or loc.country != e.country:
            continue
        event = msgspec.structs.replace(e, place=loc.name, counts={}, actors=list(e.actors), targets=list(e.targets),
                                        location=Location(loc.name, loc.country, loc.lat, loc.lon, loc.geonames_id))
        copies.append(replace(c, event=event, pos=p.start, place_kind=p.kind))
    return copies


def _exchanged(c: Candidate) -> list[Candidate]:
    """An exchange between two sides ("Russia and Ukraine exchanged hundreds of prisoners", "pertukaran
    tawanan antara Israel dan Hamas") is each side's act toward the other: ``c`` becomes the first
    side's, and the second side's is returned (no copy when its roles do not name exactly two sides).
    A third party named as its actor while the targets name the two sides brokered it ("the Emirates
    mediated an exchange of prisoners between Russia and Ukraine"): the sides are the targets. Both
    sides are named, so neither act is merged into the other as a mention of one act."""
    e = c.event
    sides = _sides_of(e.actors + e.targets)
    between_targets = _sides_of(e.targets)
    if len(sides) != 2 and len(between_targets) == 2 and not set(between_targets) & set(_sides_of(e.actors)):
        sides = between_targets  # the actor is the broker, no side of the exchange
    if len(sides) != 2:
        return []
    first, second = sides.values()
    e.actors, e.targets = list(first), list(second)
    c.default_target, c.explicit_actor = False, True
    other = msgspec.structs.replace(e, actors=list(second), targets=list(first), counts={})
    return [replace(c, event=other, explicit_actor=True)]


def _sides_of(codes: list[str]) -> dict[str, list[str]]:
    """Actor codes grouped by the side each stands for (``side_of``), in order of first mention."""
    sides: dict[str, list[str]] = {}
    for code in codes:
        sides.setdefault(side_of(code), []).append(code)
    return sides


def _sides(target_codes: list[str]) -> set[str]:
    """The sectors hit that tell a side ("dozens of police were injured"), beyond mere people."""
    return {t.split(":")[1] for t in target_codes if ":" in t} - GENERIC_VICTIMS


def _side_hit(c: Candidate) -> bool:
    return bool(_sides(c.event.targets))


def _acted_by_crowd(event: ExtractedEvent) -> bool:
    """The event type is one a crowd's act belongs to its protest (plover.json ``crowd_acts``)."""
    sectors = plover_group("crowd_acts").get(event.type, ())
    return any(a.split(":")[-1] in sectors for a in event.actors if ":" in a)


def _protest_told(hits: list[TriggerHit], told: list[Candidate]) -> bool:
    """A protest is told in the sentence or before it: a crowd's demand or refusal is part of that
    protest. Without one, a group's demand is its own ("doctors demanded better pay"); a crowd's
    deed (a seizure) is always its protest's."""
    return (any(h.trigger.type == "PROTEST" for h in hits)
            or any(c.event.type == "PROTEST" for c in told))


def _protests_demand(ctx: ArticleContext, request: TriggerHit, hits: list[TriggerHit], sent_start: int) -> bool:
    """``request`` follows a protest of its sentence with nobody named between them: it tells what the
    crowd demands ("about 200 supporters blocked roads on Sunday demanding that he be reinstated",
    "berunjuk rasa ... menuntut"), part of that protest (as ``_acted_by_crowd`` tells for crowds named
    as protesters), not a request of its own."""
    protest = next((h for h in hits if h.trigger.type == "PROTEST" and h.end <= request.start), None)
    if protest is None:
        return False
    return not between(ctx.actors, sent_start + protest.end, sent_start + request.start)


def _cumulative_from(ctx: ArticleContext, sentence: str, folded: str, start: int,
                     hits: list[TriggerHit] = ()) -> int | None:
    """Where in the sentence a running total or habit reaches from (``None``: nowhere): a marker such as
    "since" or "so far" that does not open a time range of the last days ("sejak Selasa (21/5) malam")
    reaches its whole sentence (unless a superlative makes it a comparison: "the largest protest since
    2019"), except an act dated to the last days and closed by a comma before it
    ("iniciaron este miércoles una huelga de hambre ..., como parte de una protesta que realizan desde
    hace 27 días": the strike is Wednesday's act, only the protest is the habit) or lying more than
    ``CUMULATIVE_REACH`` words before it ("desfilaron este jueves ... para protestar contra un aumento
    ... efectivo desde octubre": the marker dates the raise, not Thursday's march)."""
    reach = None
    superlative = lexicon(ctx.lang).superlative
    for a, b in cumulative_markers(sentence, ctx.lang, folded):
        if _continuation(folded[a:b], ctx.lang) and _recently_dated(ctx, start + b, len(sentence) - b):
            continue  # "the strikes continued in the refineries on Monday": that day's act, no running total
        if superlative and (superlative.search(folded, words_back(folded, a, SUPERLATIVE_REACH), a)
                            or _compared_act(ctx.lang, folded, hits, superlative, a)):
            continue  # "the largest protest since 2019", "la pire attaque depuis": a comparison, no running total
        follows = [d for d in ctx.dates if 0 <= d.start - (start + b) <= 3]
        if any(abs((ctx.today - d.value).days) <= 3 for d in follows):
            continue
        dated = [d for d in between(ctx.dates, start, start + a)
                 if abs((ctx.today - d.value).days) <= RECENT_ACT_DAYS]
        comma = _clause_opening(folded, ctx.lang, dated[-1].end - start, a) if dated else -1
        here = comma if comma >= 0 else 0
        if dated and comma < 0:
            window = words_back(folded, a, CUMULATIVE_REACH)
            here = window if window >= dated[-1].end - start else 0
        reach = here if reach is None else min(reach, here)
    series = _series_toll(ctx, folded, start)
    if series is not None:
        reach = series if reach is None else min(reach, series)
    return reach


#: words that may stand between a plural of happenings and its perfect toll verb
#: ("Las protestas que exigen su liberación, el cierre del Congreso y nuevas elecciones han dejado")
SERIES_TOLL_GAP = 14


def _compared_act(lang: str, folded: str, hits: list[TriggerHit], superlative: re.Pattern, marker: int) -> bool:
    """A trigger of the marker's clause is itself modified by a superlative, at most two words before it
    or, where adjectives follow the noun, after it ("launched its largest drone attack on Moscow since the
    start of the war", "la plus grande attaque de drones contre Moscou depuis", "serangan drone terbesar
    ke ibu kota Rusia sejak"): the marker ends the comparison, however long the noun phrase between them
    is (``SUPERLATIVE_REACH`` counts words before the marker only)."""
    for hit in hits:
        if hit.end > marker or _clause_opening(folded, lang, hit.end, marker) >= 0:
            continue
        after = [m.end() for m in _WORD_ENDS.finditer(folded, hit.end + 1, marker)][:SUPERLATIVE_TRIGGER_REACH]
        if superlative.search(folded, words_back(folded, hit.start, SUPERLATIVE_TRIGGER_REACH),
                              after[-1] if after else hit.end):
            return True
    return False


@lru_cache(maxsize=None)
def _series_toll_re(lang: str) -> re.Pattern | None:
    """A plural of happenings, then a perfect toll verb (events.json ``series_subjects``,
    ``perfect_toll_verbs``): "the protests ... have left", "las protestas ... han dejado"."""
    data = load_data(lang, "events") or {}
    subjects = [fold(w) for w in data.get("series_subjects", [])]
    verbs = [fold(w) for w in data.get("perfect_toll_verbs", [])]
    if not subjects or not verbs:
        return None
    return re.compile(rf"(?<![\w'-])(?:{alternation(subjects)})(?![\w'-])(?:\W+\w+){{0,{SERIES_TOLL_GAP}}}?\W+"
                      rf"(?:{alternation(verbs)})(?![\w'-])")


def _series_toll(ctx: ArticleContext, folded: str, start: int) -> int | None:
    """Where a running toll of a series of happenings starts in the sentence (``None``: none): a toll
    in the perfect for a plural of happenings ("Las protestas que exigen su liberación ... han dejado al
    menos 26 muertos") sums the whole series when the sentence gives no date and lies after the lede's
    paragraph; dated ("han dejado este jueves 3 muertos") or in the lede it is the news of the day."""
    pattern = _series_toll_re(ctx.lang)
    found = pattern.search(folded) if pattern else None
    if found is None or not _past_lede(ctx, start) or between(ctx.dates, start, start + len(folded)):
        return None
    return found.start()


@lru_cache(maxsize=None)
def _subordinator_re(lang: str) -> re.Pattern | None:
    """A conjunction that opens a subordinate clause of time (events.json ``subordinators``: "as",
    "mientras", "alors que", "ketika")."""
    words = [fold(w) for w in (load_data(lang, "events") or {}).get("subordinators", [])]
    return re.compile(rf"(?<!\w)(?:{alternation(words)}){WORD_END}") if words else None


def _clause_opening(folded: str, lang: str, start: int, end: int) -> int:
    """Where a comma or a subordinating conjunction first stands in ``folded[start:end]`` (-1: none):
    "dispersed the crowd on Tuesday as violence continued" closes Tuesday's act before the marker
    as a comma does."""
    comma = folded.find(",", start, end)
    subordinator = _subordinator_re(lang)
    found = subordinator.search(folded, start, end) if subordinator else None
    openings = [i for i in (comma, found.start() if found else -1) if i >= 0]
    return min(openings) if openings else -1


def _past_toll(ctx: ArticleContext, sentence: str, folded: str, start: int, count: CountMention) -> bool:
    """The toll's clause puts it at a time long past that no date resolves ("the blasts that killed 39
    and wounded nearly 3,000 last week", "la semaine dernière"): the figure of a past event, no count
    of today's (the conventions)."""
    if count.kind not in ("killed", "injured"):
        return False
    a, b = next((c for c in clauses(folded, lexicon(ctx.lang)) if c[0] <= count.start - start < c[1]),
                (0, len(sentence)))
    return tells_vague_past(sentence[a:b], ctx.lang)


def _in_detail_clause(ctx: ArticleContext, folded: str, start: int, count: CountMention) -> bool:
    """The figure is part of a toll given elsewhere ("two police officers were among the
    dead": a subset marker next to it) or counts deaths that were no violence ("died of
    medical emergencies" in its clause)."""
    lex = lexicon(ctx.lang)
    lo = max(0, count.start - start - SUBSET_REACH)
    near = folded[lo:count.end - start + SUBSET_REACH]
    after = count.end - start - lo  # where the figure ends in ``near``
    for m in (lex.subset.finditer(near) if lex.subset else ()):
        if m.start() >= after and "," in near[after:m.start()]:
            continue  # "492 people, including 35 children, were killed": an aside after a total
        return True
    for a, b in clauses(folded, lex):
        if a <= count.start - start < b:
            return bool(lex.natural and lex.natural.search(folded[a:b]))
    return False


#: undated background sentences after one told long before publication that still tell its narrative
NARRATIVE_REACH = 2


#: days before publication from which a sentence's date sets the time of the narrative after it: a date a
#: week or two back may date a detail of the story's own days ("the arrest was made on a warrant issued on May 1")
NARRATIVE_DAYS = 30


def _long_past(sentence: str, folded: str, own_dates: list[DateMention], today: date, lang: str) -> bool:
    """The sentence is told a month or more before publication: all its dates lie that far back, or it
    names a year long past ("in 2019") or a time a month or more back ("last year", "months ago")."""
    if own_dates:
        return all((today - d.value).days > NARRATIVE_DAYS for d in own_dates)
    history = _history_re(lang)
    return bool(old_years(sentence, today, lang) or (history and history.search(folded))
                or tells_long_past(sentence, lang))


def _opens_sentence(folded: str, start: int) -> bool:
    """The phrase at ``start`` opens the (folded) sentence, a conjunction at most before it ("And in
    June, ..."): a fronted time adverbial, which sets the time of what follows."""
    return len(folded[:start].split()) <= 1


def _is_heading(sentence: str) -> bool:
    """A line without closing punctuation (a crosshead or a live blog's entry title): it opens a new
    section, whose time the narrative before it does not set."""
    return not sentence.rstrip().rstrip("\"'”’»)").endswith((".", "!", "?", "…"))


def _lede_mishap(ctx: ArticleContext, folded: str, sent_start: int, hits: list[TriggerHit]) -> bool:
    """A sentence of the lede's paragraph tells an accident or a disaster (accidents.json, ``disaster_words``:
    "workers were hurt when a furnace at the plant exploded") and no deliberate attack: the deaths and
    blasts its story tells later with no attack of their own ("the explosion killed two") are that mishap's."""
    return (not _past_lede(ctx, sent_start) and tells_mishap(folded, ctx.lang)
            and all(in_group("mishap_types", h.trigger.type, h.trigger.mode) for h in hits if h.trigger.type == "ASSAULT"))


def _past_lede(ctx: ArticleContext, sent_start: int) -> bool:
    """The sentence lies in a paragraph after the lede's."""
    return ctx.paragraph_of[sent_start] > ctx.paragraph_of[min(ctx.lede, len(ctx.text))]


def _background_sentence(ctx: ArticleContext, folded: str, sent_start: int, length: int) -> bool:
    """The sentence may tell background: it lies after the lede's paragraph, gives no date of its
    own and reports no one's words (in "police said the gunman had killed three", the pluperfect
    is the story's own deed, told by a source)."""
    if not _past_lede(ctx, sent_start):
        return False
    if between(ctx.dates, sent_start, sent_start + length):
        return False
    report = lexicon(ctx.lang).report
    return not (report and report.search(folded))


@lru_cache(maxsize=None)
def _relative_re(lang: str) -> re.Pattern | None:
    """A relative pronoun (events.json ``relative_pronouns``: "who", "whose", "qui", "dont",
    "quien", "cuyo", "yang") and at most ``RELATIVE_REACH`` words after it, no comma nor joiner
    of the language's ``negation_breaks`` among them ("warga yang mengadang mobilnya dan melukai":
    the main clause goes on), ending the text: what follows is inside a relative clause."""
    data = load_data(lang, "events") or {}
    words = [fold(w) for w in data.get("relative_pronouns", [])]
    if not words:
        return None
    joiners = [fold(w).strip() for w in data.get("negation_breaks", []) if w.strip().isalpha()]
    word = rf"(?!(?:{alternation(joiners)})(?![\w'-])){NON_BREAK}" if joiners else NON_BREAK
    return re.compile(rf"(?<![\w'-])(?:{alternation(words)})(?:\s+{word}){{0,{RELATIVE_REACH}}}\s*$")


#: a word without the punctuation that ends a relative clause
NON_BREAK = r"[^\s,;:]+"


#: words between a relative pronoun and a trigger of its clause ("who had been repeatedly beaten")
RELATIVE_REACH = 3


def _in_relative_clause(folded: str, hit: TriggerHit, lang: str) -> bool:
    """The trigger is the verb of a relative clause ("the group which sued", "the man who
    killed", "l'homme qui avait tué", "buku yang mengkritik")."""
    pattern = _relative_re(lang)
    return bool(pattern and pattern.search(folded, max(0, hit.start - 80), hit.start))


def _told_by_relative_clause(folded: str, hit: TriggerHit, hits: list[TriggerHit], lang: str) -> bool:
    """The trigger is the verb of a relative clause and no trigger of the sentence stands outside
    one: in a background sentence it tells who someone or something is by a deed done before the
    story ("a woman who was raped ... has revealed", "the order, which Trump signed ..., is part of").
    Beside a deed of the main clause it tells what the people of that deed were doing then
    ("police fired tear gas at residents who blocked the road")."""
    return _in_relative_clause(folded, hit, lang) and all(_in_relative_clause(folded, h, lang) for h in hits)


def _clause_of(sentence: str, folded: str, hit: TriggerHit, lang: str) -> str:
    a, b = next((c for c in clauses(folded, lexicon(lang)) if c[0] <= hit.start < c[1]), (0, len(sentence)))
    return sentence[a:b]


def _refers_back(folded: str, hit: TriggerHit, lang: str) -> bool:
    """The trigger is a noun with a definite or demonstrative determiner ("the deal", "l'accord",
    "kesepakatan itu"): it names an act the text has already told."""
    lex = lexicon(lang)
    before = (folded[:hit.start].rsplit(None, 1)[-1:] or [""])[0]
    after = (folded[hit.end:].split(None, 1)[:1] or [""])[0].rstrip(".,;:")
    return bool((lex.anaphora_before and lex.anaphora_before.fullmatch(before))
                or (lex.anaphora_after and lex.anaphora_after.fullmatch(after)))


def _gap_words(sentence: str, first: TriggerHit, second: TriggerHit) -> int:
    return len(sentence[first.end:second.start].split())


def extract_events(
    text: str,
    sentences: list[Sentence],
    lang: str,
    published: datetime,
    places: list[PlaceMention],
    dates: list[DateMention],
    counts: list[CountMention],
    primary_country: str | None = None,
) -> list[ExtractedEvent]:
    """The events of one article's body, merged; mentions are offsets into ``text``."""
    if not text or not sentences or not lexicon(lang).index:
        return []
    today = published.date()
    primary = primary_country or next(iter(country_ranking(places)), None)
    filed = dateline_end(text)
    folded = fold(text)
    actors = find_actors(text, lang, places, folded)
    trusted = trusted_places(text, lang, places, primary, actors)
    towns = dateline_towns(text, places, filed)
    capitals = [p for p in untrusted_capitals(places, trusted, actors) if p.start >= filed]
    places, landmarks = relative_places(text, lang, [p for p in trusted if p.start >= filed], actors)
    filed_on = next((d.value for d in dates if d.start < filed and abs((today - d.value).days) <= 1), None)
    dates = [d for d in dates if d.start >= filed]
    counts = spans(named_victims(folded, lang, [(a.start, a.end) for a in actors if a.kind == "person"], counts))
    ctx = ArticleContext(
        text=text, folded=folded, lang=lang, today=today, places=spans(places), dates=spans(dates),
        actors=spans(actors), primary_country=primary,
        dominant_date=dominant_date(dates, today),
        dominant_place=dominant_place(places, primary) or dominant_place(trusted, primary, filed),
        scene=dominant_place(trusted, filed=filed),
        paragraph_of=paragraph_index(text),
        quotes=[m.span() for m in _QUOTE_RE.finditer(text) if len(m.group().split()) >= MIN_QUOTE_WORDS],
        lede=min(filed, len(text)), filed_date=filed_on, filed_towns=towns,
        disaster=is_disaster_story(text, lang, folded), landmarks=landmarks,
        capitals=spans(capitals),
    )
    found: list[Candidate] = []
    last_person: ActorMention | None = None
    previous: list[Candidate] = []
    history_paragraph = -1  # the paragraph whose narrative a sentence has put long before publication
    history_at = None  # the index of the last sentence told long before publication, while no later one is recent
    for index, s in enumerate(sentences):
        sentence = text[s.start:s.end]
        own_dates = between(dates, s.start, s.end)
        asides = _dated_asides(sentence, folded[s.start:s.end], lang, own_dates, s.start, today)
        if asides:
            # "Boluarte, que asumió el mando el 7 de diciembre, descartó dimitir": the old date is the aside's
            own_dates = [d for d in own_dates if not any(a <= d.start - s.start < b for a, b in asides)]
            sentence = _blanked(sentence, asides)
        past_months = [] if own_dates else _undated_past_months(ctx, s, sentence)
        past = (is_past(sentence, own_dates, today, lang) or bool(past_months)
                or (not own_dates and tells_vague_past(sentence, lang)))
        past_clause = _past_relative_clause(sentence, today, lang) if past and not own_dates else None
        if past_clause is not None:
            asides, past = [*asides, past_clause], False
            sentence = _blanked(sentence, [past_clause])
        if past:
            previous = []
            folded_past = fold(sentence)
            if (_long_past(sentence, folded_past, own_dates, today, lang)
                    or any(_opens_sentence(folded_past, a) for a, _ in past_months)):
                history_at = index  # "In 2019, ...", "In August, ...": the narrative's time is set long back
            if ctx.paragraph_of[s.start] > ctx.paragraph_of[ctx.lede] and (own_dates or not dates_only_a_noun(sentence, lang)):
                history_paragraph = ctx.paragraph_of[s.start]
            continue  # history, or "last week": no date the article lets us resolve
        if not own_dates and ctx.paragraph_of[s.start] == history_paragraph:
            continue  # "In 2019 ... . Prosecutors charged Maxwell ...": a background paragraph's narrative time carries on
        recent = any(-1 <= (today - d.value).days <= PAST_DAYS for d in own_dates)
        if recent or _is_heading(sentence):
            history_at = None
        elif (history_at is not None and index - history_at <= NARRATIVE_REACH
              and _background_sentence(ctx, folded[s.start:s.end], s.start, len(sentence))):
            continue  # "In 2019 ... . [new paragraph] Prosecutors charged Maxwell": the old narrative goes on
        old, years = ([], []) if recent else _long_before(ctx, s, sentence)
        if any(_opens_sentence(ctx.folded[s.start:s.end], a) for a, _ in old + years):
            history_at = index  # "In June, ...", "Two years ago, ...": the narrative's time is set long back
        made = _sentence_events(ctx, s, last_person, counts, previous, found, old, years, asides)
        found.extend(made)
        previous = made or previous
        persons = [a for a in between(ctx.actors, s.start, s.end) if a.kind == "person"]
        if persons:
            last_person = _sentence_subject(persons, made)
    statements_at_filed_meeting(ctx, found)
    found += _implied_protest(found)
    _default_victims(found, ctx)
    events = [c.event for c in filtered(ctx, merged_candidates(found), sentences)]
    for e in events:
        e.actors, e.targets = _most_precise(e.actors), _crowd_hit(_most_precise(e.targets))
        e.actors = _not_hit(e.actors, e.targets)
        e.actors, e.targets = governments_as_states(e.actors, e.targets)
        if in_group("state_party_types", e.type):
            e.actors = without_envoys_of_parties(e.actors)
    return events


@lru_cache(maxsize=None)
def _aside_re(lang: str) -> re.Pattern | None:
    """A comma and a relative pronoun that open a clause about someone named before it
    (events.json ``aside_relatives``: ", que", ", qui", ", who", ", yang")."""
    words = [fold(w) for w in (load_data(lang, "events") or {}).get("aside_relatives", [])]
    return re.compile(rf",\s*(?:{alternation(words)}){WORD_END}") if words else None


def _dated_asides(sentence: str, folded: str, lang: str, dates: list[DateMention], offset: int,
                  today: date) -> list[tuple[int, int]]:
    """Spans (in the folded sentence) of relative clauses set off by commas that hold a date or a bare
    year long before publication and no date near it: "X, who took office on December 7, ruled out ...",
    "Zurabishvili, who broke with the party that backed her in 2018, urged ...", "the journalist, who was
    detained last year, was freed on Tuesday" tell an old act in the aside and a new one around it
    (``_told_long_before``). ``offset``: where the sentence starts in the text."""
    pattern = _aside_re(lang)
    relatives = list(pattern.finditer(folded)) if pattern is not None else []
    if not relatives:
        return []  # most sentences: no aside, so no need to read their years
    found = []
    for m in relatives:
        end = folded.find(",", m.end())
        end = len(folded) if end < 0 else end
        if _told_long_before(sentence, folded, (m.start(), end), dates, offset, today, lang):
            found.append((m.start(), end))
    return found


def _told_long_before(sentence: str, folded: str, span: tuple[int, int], dates: list[DateMention], offset: int,
                      today: date, lang: str) -> bool:
    """The stretch ``span`` of a sentence (``folded``: folded) puts what it tells long before
    publication: its dates all lie more than ``PAST_DAYS`` back, or, with no date, it names a year
    long past ("in 2018"), a month long past ("in October", "octobre dernier") or a vague time a month
    or more back ("last year", "el año pasado", "tahun lalu"). ``offset``: where the sentence starts in
    the text (``dates`` are the sentence's)."""
    a, b = span
    inside = [d for d in dates if a <= d.start - offset < b]
    if inside:
        return all((today - d.value).days > PAST_DAYS for d in inside)
    part, folded_part = sentence[a:b], folded[a:b]
    return bool(old_years(folded_part, today, lang) or tells_long_past(part, lang)
                or _months_long_before(folded_part, lang, today)
                or _bare_months_long_before(part, folded_part, lang, today))


#: most words of a relative clause that closes a sentence and alone dates it in the past
RELATIVE_CLAUSE_WORDS = 12
#: words between an act's noun and a relative clause that tells when it happened ("the protest which began ...")
HEAD_WORDS = 1
#: a sentence's end inside a text read as one sentence
_SENTENCE_BREAK = re.compile(r"[.;!?]\s")


def _told_in_past(text: str, today: date, lang: str) -> bool:
    """A stretch of a sentence without date mentions puts what it tells long before publication or
    at a vague past time ("in 2018", "last week")."""
    return bool(old_years(text, today, lang)) or tells_vague_past(text, lang)


def _past_relative_clause(sentence: str, today: date, lang: str) -> tuple[int, int] | None:
    """The span of a relative clause ending a sentence told in the past, after one of its acts, when
    only that clause puts it there ("mendesak DK PBB ... mematuhi resolusi gencatan senjata yang
    diadopsi pekan lalu", "menggesa kerajaan ... menyemak kontrak yang diluluskan sejak 2020", "urged
    the council to enforce the resolution which it adopted last week"): the past dates what the clause
    tells, with an act named right before it ("resolusi gencatan senjata yang diadopsi"); the act
    around them is the story's own."""
    pronoun, folded = _markers_re(lang, "relative_pronouns"), fold(sentence)
    if pronoun is None or pronoun.search(folded) is None:
        return None  # no relative clause: the sentence's triggers are not looked for twice
    hits = find_triggers(sentence, lang)
    opening = pronoun.search(folded, hits[0].end) if hits else None
    if opening is None:
        return None
    clause = sentence[opening.end():]
    if len(clause.split()) > RELATIVE_CLAUSE_WORDS or _SENTENCE_BREAK.search(clause):
        return None  # not a clause closing the sentence: a run of sentences the splitter could not part
    if _told_in_past(sentence[:opening.start()], today, lang) or not _told_in_past(clause, today, lang):
        return None  # the act itself is past, or the pronoun is part of the past phrase ("pekan yang lalu")
    head = next((h.start for h in hits if h.end <= opening.start()
                 and len(sentence[h.end:opening.start()].split()) <= HEAD_WORDS), opening.start())
    if not any(h.end <= head for h in hits):
        return None  # the clause dates the act it follows ("kept up the protest which began last week")
    return head, len(sentence)


#: words after the verb of a relative clause searched for the time it tells ("yang ditangkap di Zurich pada Oktober lalu")
RELATIVE_TIME_WORDS = 5


def _retold_in_apposition(ctx: ArticleContext, s: Sentence, sentence: str, folded: str, hit: TriggerHit) -> bool:
    """The trigger opens an apposition with a participle ("a businessman, arrested in Zurich last October,
    was extradited on Tuesday", ``participle_aside``) or is the verb of a relative clause ("wartawan yang
    ditangkap tahun lalu itu dibebaskan"), and that stretch (for a relative clause: its verb and at most
    ``RELATIVE_TIME_WORDS`` words after it, no comma between) is told long before publication: it retells who
    the noun is, as a dated relative clause set off by commas does (``_dated_asides``)."""
    span = participle_aside(sentence, hit, ctx.lang)
    if span is None and _in_relative_clause(folded, hit, ctx.lang):
        after = re.match(rf"(?:\s*[^\s,;:]+){{0,{RELATIVE_TIME_WORDS}}}", folded[hit.end:])
        span = (hit.start, hit.end + after.end())
    return span is not None and _told_long_before(sentence, folded, span, between(ctx.dates, s.start, s.end),
                                                  s.start, ctx.today, ctx.lang)


def _blanked(sentence: str, spans: list[tuple[int, int]]) -> str:
    """``sentence`` with the given spans replaced by spaces (offsets kept)."""
    for a, b in spans:
        sentence = sentence[:a] + " " * (b - a) + sentence[b:]
    return sentence


@lru_cache(maxsize=None)
def _month_names(lang: str) -> dict[str, int]:
    """Folded month names of dates.json (abbreviations of fewer than three letters left out) -> month."""
    return {fold(k): v for k, v in ((load_data(lang, "dates") or {}).get("months") or {}).items() if len(k) >= 3}


@lru_cache(maxsize=None)
def _month_year_re(lang: str) -> tuple[re.Pattern | None, dict[str, int]]:
    """A month named with its year ("March 2023", "marzo de 2023", "Maret 2023"): the finders
    resolve no day from it, yet it dates what the sentence tells."""
    months = _month_names(lang)
    if not months:
        return None, {}
    return re.compile(rf"(?<!\w)({alternation(months, ' ')})\.?,?\s+(?:(?:de|of)\s+)?((?:19|20)\d\d)(?!\w)"), months


def _months_long_before(folded: str, lang: str, today: date) -> list[tuple[int, int]]:
    """Spans of the (folded) sentence naming a month and year that ended more than a week before publication."""
    pattern, months = _month_year_re(lang)
    spans = []
    for m in pattern.finditer(folded) if pattern and _YEAR_DIGITS.search(folded) else ():
        year, month = int(m.group(2)), months[m.group(1)]
        if date(year, month, calendar.monthrange(year, month)[1]) < today - timedelta(days=PAST_DAYS):
            spans.append(m.span())
    return spans


@lru_cache(maxsize=None)
def _bare_month_re(lang: str) -> tuple[re.Pattern | None, dict[str, int]]:
    """A month named without day or year after a year marker or a month marker ("in August",
    "en août", "durante mayo", "pada bulan Mei"): the finders resolve no date from it."""
    months = _month_names(lang)
    data = load_data(lang, "events") or {}
    markers = [fold(m) for m in data.get("year_markers", []) + data.get("month_markers", [])]
    if not months or not markers:
        return None, {}
    return re.compile(rf"(?<!\w)(?:{alternation(markers)})\s+({alternation(months, ' ')})(?!\w)(?!\.?,?\s*(?:(?:de|of)\s+)?\d)"), months


@lru_cache(maxsize=None)
def _past_month_re(lang: str) -> re.Pattern | None:
    """A month said to be past without its year: "last October", "el pasado octubre", "octubre
    pasado", "octobre dernier", "Oktober lalu", "Ogos lepas" (events.json ``past_month_before``
    and ``past_month_after``); the finders resolve no date from it."""
    months = _month_names(lang)
    data = load_data(lang, "events") or {}
    before = [fold(m) for m in data.get("past_month_before", [])]
    after = [fold(m) for m in data.get("past_month_after", [])]
    if not months or not (before or after):
        return None
    name = alternation(months, " ")
    forms = ([rf"(?:{alternation(before)})\s+(?P<before>{name})(?!\w)"] if before else []) + (
        [rf"(?P<after>{name})\s+(?:{alternation(after)})(?!\w)"] if after else [])
    return re.compile(rf"(?<!\w)(?:{'|'.join(forms)})(?!\.?,?\s*(?:(?:de|of)\s+)?\d)")


@lru_cache(maxsize=None)
def _past_month_words(lang: str) -> tuple[str, ...]:
    """The words of ``_past_month_re`` besides the months: a sentence without one has no past month."""
    data = load_data(lang, "events") or {}
    return tuple(fold(m) for m in data.get("past_month_before", []) + data.get("past_month_after", []))


def _undated_past_months(ctx: ArticleContext, s: Sentence, sentence: str) -> list[tuple[int, int]]:
    """Spans of the months long past named without day or year ("riots in May", "last October", "el pasado
    junio") in a sentence past the lede's paragraph: in one with no date of its own they set the time of the
    whole sentence, as a bare year long past does ("The ban, passed last October, followed months of
    attacks"). ``sentence``: the sentence as the history checks read it (dated asides blanked)."""
    if not _past_lede(ctx, s.start):
        return []
    return _bare_months_long_before(sentence, fold(sentence), ctx.lang, ctx.today)


def _bare_months_long_before(sentence: str, folded: str, lang: str, today: date) -> list[tuple[int, int]]:
    """Spans of the (folded) sentence naming, without day or year, a month that ended more than a
    week before publication (they date a whole sentence only after the lede's paragraph, which tells the
    story's own time: ``_undated_past_months``; anywhere, the trigger next to them: ``_long_before``):
    the latest such month up to publication ("in August" in a paper of
    October; "in December" in one of March is last year's), and a month said to be past ("last October",
    "octobre dernier"), the latest before the month of publication. Only a capitalised name where the
    language capitalises months (dates.json ``capitalised``: "in May", not "in may")."""
    pattern, months = _bare_month_re(lang)
    capitalised = bool((load_data(lang, "dates") or {}).get("capitalised"))
    spans = []
    for m in pattern.finditer(folded) if pattern else ():
        if capitalised and not sentence[m.start(1)].isupper():
            continue
        month = months[m.group(1)]
        year = today.year if month <= today.month else today.year - 1
        if date(year, month, calendar.monthrange(year, month)[1]) < today - timedelta(days=PAST_DAYS):
            spans.append(m.span())
    past = _past_month_re(lang) if any(w in folded for w in _past_month_words(lang)) else None
    for m in past.finditer(folded) if past else ():  # "last October": the latest October before this month
        group = "before" if m.groupdict().get("before") else "after"
        if capitalised and not sentence[m.start(group)].isupper():
            continue
        month = _month_names(lang)[m.group(group)]
        year = today.year if month < today.month else today.year - 1
        if date(year, month, calendar.monthrange(year, month)[1]) < today - timedelta(days=PAST_DAYS):
            spans.append(m.span())
    return sorted(spans)


@lru_cache(maxsize=None)
def _year_re(lang: str) -> re.Pattern | None:
    """A bare year or decade after one of the language's ``year_markers`` ("in 2022", "in the
    1970s", "pada tahun 2019", "dans les années 1990")."""
    markers = [fold(m) for m in (load_data(lang, "events") or {}).get("year_markers", [])]
    if not markers:
        return None
    return re.compile(rf"(?<!\w)(?:{alternation(markers)})\s+((?:19|20)\d\d)(s|-an|'s)?(?![\w/.-]\d)(?![\w-])")


def _recently_dated(ctx: ArticleContext, start: int, length: int) -> bool:
    """The ``length`` characters of the text from ``start`` hold a date of the last ``RECENT_ACT_DAYS`` days."""
    return any(abs((ctx.today - d.value).days) <= RECENT_ACT_DAYS for d in between(ctx.dates, start, start + length))


def _continuation(marker: str, lang: str) -> bool:
    """A background or cumulative marker (folded) is a verb of continuation (events.json
    ``continuative_verbs``: "continued", "siguen", "se poursuivent", "terus berlanjut"): with a date of
    the last days after it it tells that day's act ("protesters continued protesting on Monday"),
    undated a standing state."""
    pattern = _markers_re(lang, "continuative_verbs")
    return bool(pattern and pattern.fullmatch(marker))


def _background_lifted(ctx: ArticleContext, folded: str, sent_start: int, hit: TriggerHit) -> bool:
    """The background markers among the few words before the trigger make no background of it: all are
    verbs of continuation and a date of the last days follows the trigger ("continúan protestando este
    lunes"; in "fired on Tuesday as riots continued" the date is the firing's), or
    they lie in a since-aside (``_past_dated_aside``)."""
    background = lexicon(ctx.lang).background
    lo = words_back(folded, hit.start, BACKGROUND_WINDOW)
    markers = [m.span() for m in background.finditer(folded, lo, hit.start)] if background else []
    if markers and all(_continuation(folded[a:b], ctx.lang) for a, b in markers):
        return _recently_dated(ctx, sent_start + hit.start, len(folded) - hit.start)
    return _past_dated_aside(ctx, folded, sent_start, hit, markers)


#: words at most between the comma opening an aside (or the sentence's start) and a marker inside it
ASIDE_LEAD = 6


def _past_dated_aside(ctx: ArticleContext, folded: str, sent_start: int, hit: TriggerHit,
                      markers: list[tuple[int, int]]) -> bool:
    """The markers (``markers``: spans in the folded sentence) lie in a phrase that a comma or the
    sentence's start opens a few words before them and a comma closes before the trigger, and a date of
    the last days follows the trigger: "since" belongs to an aside or a fronted phrase of another
    predicate ("Los médicos, en huelga desde el mes pasado, marcharon el lunes": the march is Monday's
    act; in "killed since the invasion began, on Thursday" it dates the toll)."""
    if not markers:
        return False
    first = min(a for a, b in markers)
    if len(folded[folded.rfind(",", 0, first) + 1:first].split()) > ASIDE_LEAD:
        return False
    comma = folded.find(",", max(b for a, b in markers), hit.start)
    return comma >= 0 and _recently_dated(ctx, sent_start + hit.start, len(folded) - hit.start)


#: words before a trigger searched for an adverb of repetition
REPETITION_WINDOW = 4
#: words after a trigger's own searched for a count of times ("arrested twice", "ditahan dua kali")
TIMES_WINDOW = 3


def _repeated(folded: str, hit: TriggerHit, lang: str) -> bool:
    """An adverb of repetition (events.json ``repetition_markers``) stands among the few words before the
    trigger ("has repeatedly accused", "berulang kali mengecam"), or a count of times (``repetition_counts``)
    among the few words after it in its clause ("had been jailed twice", "detenida dos veces", "arrêtée à deux
    reprises", "ditahan dua kali"): in a sentence with no date of its own, a habit or a record, no act of a day."""
    pattern = _markers_re(lang, "repetition_markers")
    if pattern and pattern.search(folded, words_back(folded, hit.start, REPETITION_WINDOW), hit.start):
        return True
    counts = _markers_re(lang, "repetition_counts")
    if counts is None:
        return False
    clause_end = _clause_end(folded, hit, lang)
    after = " ".join(folded[hit.end:clause_end].split()[:TIMES_WINDOW + 2])  # room for a count of two or three words
    found = counts.search(after)
    return bool(found) and len(after[:found.start()].split()) <= TIMES_WINDOW - 1


#: words at most between an indefinite quantifier opening a clause and the speech act it is the subject of
INDEFINITE_REACH = 7
#: a word of the text (folded), as the indefinite-subject test counts them
_WORD = re.compile(r"[\w'-]+")


@lru_cache(maxsize=None)
def _indefinite_re(lang: str) -> re.Pattern | None:
    """An indefinite quantifier (events.json ``indefinite_subjects``) opening a run of words, or second
    after the conjunction that opens a clause, and no number after it ("some 200 lawmakers" counts them)."""
    words = [fold(w) for w in (load_data(lang, "events") or {}).get("indefinite_subjects", [])]
    if not words:
        return None
    return re.compile(rf"(?:{alternation(words)})(?![\w'-])(?!\s*\d)")


def _indefinite_subject(folded: str, hit: TriggerHit, lang: str) -> bool:
    """The trigger's clause opens with an indefinite quantifier at most ``INDEFINITE_REACH`` words before it
    ("although some welcomed the move", "la mayoría de Estados miembros reclaman", "la plupart des
    ONG ont dénoncé"): the stance of an unnamed many, a generic statement, no act of a party."""
    pattern = _indefinite_re(lang)
    if pattern is None:
        return False
    clause_start = next((a for a, b in clauses(folded, lexicon(lang)) if a <= hit.start < b), 0)
    words = _WORD.findall(folded[clause_start:hit.start])
    if not words or len(words) > INDEFINITE_REACH:
        return False
    text = " ".join(words)
    # a clause after a break opens with its conjunction ("although", ", y"): the quantifier may stand second
    starts = (0, len(words[0]) + 1) if clause_start and len(words) > 1 else (0,)
    return any(pattern.match(text, at) for at in starts)


@lru_cache(maxsize=None)
def _time_anchor_re(lang: str) -> re.Pattern | None:
    """A preposition of time and a determiner ending a text ("after the", "following a", "tras la",
    "après sa"; events.json ``time_anchors``)."""
    anchors = [fold(m) for m in (load_data(lang, "events") or {}).get("time_anchors", [])]
    if not anchors:
        return None
    return re.compile(rf"(?<![\w'-])(?:{alternation(anchors)})\s*$")


def _time_anchor(folded: str, hit: TriggerHit, lang: str) -> bool:
    """The trigger is a noun right after a preposition of time and its determiner ("shortly after the
    arrest, she linked", "après la capture de Maduro"): past the lede's paragraph the act dates another
    one, told before or elsewhere; it is no new event of its sentence (in the lede, "clashes broke out
    after the arrest of a union leader on Monday" may be the only telling of the story's arrest)."""
    pattern = _time_anchor_re(lang)
    return bool(pattern and pattern.search(folded, 0, hit.start))


def _undated_days_before(ctx: ArticleContext, folded: str, sent_start: int, hit: TriggerHit) -> bool:
    """The trigger follows, in its clause, a span of days or a week back from the sentence's act
    (events.json ``days_after_markers``: "days after", "seminggu selepas", "jours après") and no date
    follows that marker in the sentence: the act it tells is what the sentence's own act followed, a few
    days earlier and told without a day, its background, in the lede too ("The appointment came days after
    Haniyeh was assassinated"). A fronted phrase closes at its comma ("Four days after the carnage, police
    arrested two men" keeps the arrests). Dated, it is an act of its own day ("two days after the senator
    met the ambassador on Tuesday")."""
    pattern = _markers_re(ctx.lang, "days_after_markers")
    if pattern is None:
        return False
    a = next((c[0] for c in clauses(folded, lexicon(ctx.lang)) if c[0] <= hit.start < c[1]), 0)
    return any(folded.find(",", m.end(), hit.start) < 0
               and not between(ctx.dates, sent_start + m.end(), sent_start + len(folded))
               for m in pattern.finditer(folded, a, hit.start))


#: words at most between a plea or verdict and the act it is about ("pleaded guilty Monday to threatening")
JUDGED_REACH = 4


def _judged_act(folded: str, hit: TriggerHit, lang: str) -> bool:
    """The trigger is the act a plea or a verdict is about (events.json ``judged_markers``: "pleaded guilty
    to charges he threatened", "convicted of", "reconnu coupable d'avoir", "terbukti bersalah melakukan"),
    at most ``JUDGED_REACH`` words after one with no comma between: it was done before the court's day,
    history; the plea or the verdict is the news."""
    pattern = _markers_re(lang, "judged_markers")
    if pattern is None:
        return False
    lo = words_back(folded, hit.start, JUDGED_REACH + 3)
    return any("," not in folded[m.end():hit.start] and len(folded[m.end():hit.start].split()) <= JUDGED_REACH
               for m in pattern.finditer(folded, lo, hit.start))


@lru_cache(maxsize=None)
def _earlier_clause_re(lang: str) -> re.Pattern | None:
    """A conjunction of time or concession opening the (folded) sentence and its clause up to the first
    comma ("when he agreed,", "lorsqu'il fut arrete,", "setelah siaran dilarang,"; events.json
    ``earlier_clause_openers``)."""
    openers = [fold(w) for w in (load_data(lang, "events") or {}).get("earlier_clause_openers", [])]
    if not openers:
        return None
    return re.compile(rf"\W*(?:{alternation(openers)})(?:(?<=')|(?![\w'-]))[^,;:]*,")


def _told_in_earlier_clause(folded: str, hits: list[TriggerHit], lang: str) -> bool:
    """Every trigger of the sentence is in a clause of time or concession that opens it ("When he agreed,
    she fled", "After the channels were banned, he spoke online"): its act came before the main clause's
    or is conceded as known, and the main clause tells no act of the story, so in a background sentence
    it is history. Beside an act of the main clause it tells what led to that act ("When residents
    marched to the campus, they faced rubber bullets")."""
    pattern = _earlier_clause_re(lang)
    opening = pattern.match(folded) if pattern else None
    return bool(opening) and all(h.end <= opening.end() for h in hits)


def _history_re(lang: str) -> re.Pattern | None:
    """Phrases that place what is next to them a year or more back ("last year", "two years ago",
    "tahun lalu", "l'an dernier"; events.json ``history_markers``)."""
    return _markers_re(lang, "history_markers")


def _up_to_now(lang: str, folded: str, at: int) -> bool:
    """A phrase of "up to now" (events.json ``up_to_now_markers``: "so far", "hasta ahora", "sejauh ini")
    opens the clause of ``at`` in the folded sentence (a comma may set it off: "Hasta ahora, 378 personas han
    sido detenidas"): what it counts there is a running total. In an earlier clause it tells of something
    else ("los agentes, que hasta ahora habían vigilado la marcha, detuvieron a 30")."""
    pattern = _markers_re(lang, "up_to_now_markers")
    return bool(pattern) and any(not _CLAUSE_BREAK_RE.search(folded, m.end() + 1, at)
                                 for m in pattern.finditer(folded, 0, at))


#: punctuation that closes a clause
_CLAUSE_BREAK_RE = re.compile(r"[,;:()]")


@lru_cache(maxsize=None)
def _markers_re(lang: str, key: str) -> re.Pattern | None:
    """The phrases of an events.json list, each a whole word or words."""
    return whole_words_re(fold(m) for m in (load_data(lang, "events") or {}).get(key, []))


#: "..." in a phrase of events.json ``standing_states``: up to six words of one clause (no punctuation),
#: room for the term of a detention ("cumple una orden de 18 meses de prisión preventiva")
_ANY_WORDS = r"\s+(?:[^\s,;:.!?]+\s+){0,6}"


@lru_cache(maxsize=None)
def _standing_re(lang: str) -> re.Pattern | None:
    """Phrases that tell where someone stands rather than what was done ("is accused of", "faces
    charges", "está imputado", "fait l'objet d'une enquête", "masih ditahan"; events.json
    ``standing_states``)."""
    phrases = [fold(p) for p in (load_data(lang, "events") or {}).get("standing_states", [])]
    if not phrases:
        return None
    alts = [alternation(p for p in phrases if "..." not in p)]
    alts += [_ANY_WORDS.join(r"\s+".join(map(re.escape, part.split())) for part in p.split("..."))
             for p in phrases if "..." in p]
    return re.compile(rf"(?<![\w'-])(?:{'|'.join(alts)})(?![\w'-])")


#: paragraphs after the lede's that may still tell the story's news ("X is accused of ..." right under
#: a summary paragraph)
OPENING_PARAGRAPHS = 1


def _past_opening(ctx: ArticleContext, sent_start: int) -> bool:
    """The sentence lies past the story's opening: more than ``OPENING_PARAGRAPHS`` paragraphs after the lede's."""
    return ctx.paragraph_of[sent_start] > ctx.paragraph_of[min(ctx.lede, len(ctx.text))] + OPENING_PARAGRAPHS


def _in_standing_state(folded: str, hit: TriggerHit, lang: str) -> bool:
    """The trigger is a word of a standing-state phrase: an accusation, a charge or a detention
    someone is under, told as background (the lede's "is accused in a lawsuit" is news and kept)."""
    pattern = _standing_re(lang)
    return bool(pattern) and any(m.start() <= hit.start < m.end() for m in pattern.finditer(folded))


#: words before an era searched for a "since" that makes it the start of a span up to now
ERA_SINCE_WORDS = 5


def _eras(folded: str, lang: str) -> list[tuple[int, int]]:
    """Spans of the (folded) sentence naming a past era, less those a "since" ("sejak", "depuis",
    "desde") stands shortly before: "the worst attack since World War II" is today's."""
    pattern = _markers_re(lang, "era_markers")  # "World War II", "la guerra fría", "zaman penjajahan"
    if pattern is None or not pattern.search(folded):
        return []
    since = lexicon(lang).background
    return [m.span() for m in pattern.finditer(folded)
            if not (since and since.search(" " + " ".join(folded[:m.start()].split()[-ERA_SINCE_WORDS:]) + " "))]


def _years_long_before(folded: str, lang: str, today: date) -> list[tuple[int, int]]:
    """Spans of the (folded) sentence naming, after a year marker, a year or decade that ended
    more than a week before publication ("in 2022, she withdrew"), or a year or more back
    ("last year", "two years ago"), or a past era ("during World War II"): what they date is history."""
    pattern = _year_re(lang)
    found = []
    for m in pattern.finditer(folded) if pattern and _YEAR_DIGITS.search(folded) else ():
        last = int(m.group(1)) + (9 if m.group(2) else 0)
        if date(last, 12, 31) < today - timedelta(days=PAST_DAYS):
            found.append(m.span())
    history = _history_re(lang)
    found += [m.span() for m in history.finditer(folded)] if history else []
    found += _eras(folded, lang)
    return sorted(found)


#: words from a year marker's year to the trigger after it in its clause ("In 2025, NATO leaders agreed"),
#: and from a trigger to a year marker after it ("withdrew in 2022")
YEAR_REACH_BEFORE = 8
YEAR_REACH_AFTER = 3


def _fronted(folded: str, clause_start: int, start: int, end: int) -> bool:
    """The time phrase at ``start:end`` is a fronted adverbial of its clause: it opens the clause
    (or the part after a comma) within two words ("In 2022, she withdrew", "and in 2019 police
    arrested"), or a comma closes it ("Before the court last year, South Africa accused"). One
    inside a relative clause dates that clause only ("voters who backed him in 1996 said")."""
    lead = folded[clause_start:start].rsplit(",", 1)[-1]
    return len(lead.split()) <= 2 or folded[end:end + 2].lstrip().startswith(",")


def _dated_by_year(folded: str, hit: TriggerHit, years: list[tuple[int, int]], lang: str) -> bool:
    """A year long past (``years``) dates the trigger: it stands before it in its clause, within
    ``YEAR_REACH_BEFORE`` words (a parenthesis between commas not counted: "Years earlier,
    according to her sister, she organised"), as a fronted adverbial, or right after it
    (``YEAR_REACH_AFTER``). A year farther after the trigger dates something else ("withdrew from the deal
    signed in 2015"). A past era dates what its clause tells within ``YEAR_REACH_BEFORE`` words either
    side ("Sweden was neutral during World War II and avoided any fighting")."""
    a, b = next((c for c in clauses(folded, lexicon(lang)) if c[0] <= hit.start < c[1]), (0, len(folded)))
    era = _markers_re(lang, "era_markers")
    for start, end in years:
        if not a <= start < b:
            continue
        if era and era.fullmatch(folded, start, end):
            gap = folded[end:hit.start] if start < hit.start else folded[hit.end:start]
            if len(gap.split()) <= YEAR_REACH_BEFORE:
                return True
            continue
        if _fronted_before(folded, a, start, end, hit):
            return True
        if hit.end <= start and len(folded[hit.end:start].split()) <= YEAR_REACH_AFTER:
            return True
    return False


#: a parenthesis set off by commas ("Years earlier, according to a story her sister told, Kamala organised")
_PARENTHESIS_RE = re.compile(r",[^,]*,")


def _fronted_before(folded: str, clause_start: int, start: int, end: int, hit: TriggerHit) -> bool:
    """The time phrase at ``start:end`` is a fronted adverbial before the trigger, within
    ``YEAR_REACH_BEFORE`` words bar a parenthesis ("In June, the then minister, Jan Peters, approved")."""
    return (start < hit.start and _fronted(folded, clause_start, start, end)
            and len(_PARENTHESIS_RE.sub(",", folded[end:hit.start]).split()) <= YEAR_REACH_BEFORE)


#: words between a trigger and a month and year that dates it ("withdrawn in March 2023 after two nights of protests")
MONTH_REACH = 8


def _dated_long_before(folded: str, hit: TriggerHit, old: list[tuple[int, int]], lang: str) -> bool:
    """A month and year long past (``old``) stands in the trigger's clause, within ``MONTH_REACH`` words
    or fronted before it as a year can be: the trigger is history ("a similar bill was withdrawn in March
    2023"), while a deed farther away in a long sentence keeps its own time ("demand the funds for a rise
    agreed in March 1997")."""
    a, b = next((c for c in clauses(folded, lexicon(lang)) if c[0] <= hit.start < c[1]), (0, len(folded)))
    for start, end in old:
        if a <= start < b:
            gap = folded[hit.end:start] if start >= hit.end else folded[end:hit.start]
            if len(gap.split()) <= MONTH_REACH or _fronted_before(folded, a, start, end, hit):
                return True
    return False


def _most_precise(codes: list[str]) -> list[str]:
    """A country named beside one of its sectors is that sector ("LK", "LK:government" is
    "LK:government"): the country code alone would count the same side twice."""
    sectors = {c.split(":")[0] for c in codes if ":" in c}
    return [c for c in codes if c not in sectors]


def _crowd_hit(targets: list[str]) -> list[str]:
    """The people of a country hit beside its protesters are those protesters ("police fired on
    the crowd, killing three people"): not civilians besides them."""
    crowds = {c.split(":")[0] for c in targets if c.endswith(":protesters")}
    return [c for c in targets if not (c.endswith(":civilians") and c.split(":")[0] in crowds)]


def _not_hit(actors: list[str], targets: list[str]) -> list[str]:
    """The actors less the parties a mention of the same act tells as hit: one party is not both
    sides of an act, and the side hit is the surer reading ("explosions wounded Hezbollah fighters"
    told before "pagers used by Hezbollah members exploded", where the agent of "used" is no attacker).
    Where every actor, two sides or more, is also hit, a clash is told both ways (police and protesters
    attacked each other) and the actors stay."""
    hit = [a for a in actors if a in targets]
    if len(hit) > 1 and len(hit) == len(actors):
        return actors
    return [a for a in actors if a not in hit]


def _implied_protest(found: list[Candidate]) -> list[Candidate]:
    """The protest that "police fired tear gas at protesters" implies, even if no
    sentence tells it: one demonstration for a story without a protest whose police
    action names protesters as its targets (plover.json ``protest_implied_by``)."""
    if any(c.event.type == "PROTEST" for c in found):
        return []
    implied_by = plover_list("protest_implied_by")
    for c in found:
        e = c.event
        if (f"{e.type}/{e.mode}" in implied_by and not c.default_target and e.country
                and f"{e.country}:protesters" in e.targets):
            protest = ExtractedEvent(
                type="PROTEST", mode="demonstrate", cameo=cameo_root("PROTEST"), country=e.country, date=e.date,
                actors=[f"{e.country}:protesters"], targets=[f"{e.country}:government"], place=e.place,
                location=e.location, evidence=e.evidence, confidence=round(e.confidence * 0.8, 2))
            return [Candidate(protest, c.pos, c.date_rank, c.place_kind, c.place_inherited, c.place_wide)]
    return []


#: acts of a state's forces on people (type: (forces, challengers the people taken are, modes)): arrests
#: in a story of unrest or insurgency take its protesters or rebels (not those fired on: the shooting
#: of a civilian may be what set off the riots, and where an army fights rebels the people it hits
#: are still civilians)
_CROWD_CONTROL = {"COERCE": (("police", "military"), ("protesters", "rebels"), ("arrest",))}


def _answered(event: ExtractedEvent, opponent: str, events: list[ExtractedEvent]) -> bool:
    """The story tells, the same day, an act of the same type by those hit on ``opponent``
    (a clash: police fired on protesters, and officers were hurt): the unattributed hurt is
    part of that exchange, told with its own sides; it takes no maker."""
    return any(o is not event and o.type == event.type and o.date == event.date and opponent in o.targets
               and set(o.actors) & set(event.targets) for o in events)


#: physical acts whose maker, when the text names none, is the side the story opposes to those hit
_SIDED_ACTS = frozenset({"ASSAULT"})


def _default_victims(found: list[Candidate], ctx: ArticleContext | None = None) -> None:
    """Default targets follow the story: in a protest story the people police or soldiers
    arrest or fire on are protesters, elsewhere they are civilians. The story's sides
    (``eventroles.story_opponent``) fill what a sentence leaves out: a warning that names no one
    it is aimed at but its speaker's own state is aimed at the side the story sets against that
    speaker; an attack told without its maker is by the side opposed to those hit; people the
    state's forces arrest at home are the story's protesters or rebels; and
    people named before a wound or weapon word with no one hit are the victims."""
    protest = any(c.event.type == "PROTEST" for c in found)
    forces = ("police", "military")
    for c in found:
        if not c.default_target:
            continue
        if not protest:
            c.event.targets = [t.replace(":protesters", ":civilians") for t in c.event.targets]
        elif any(a.split(":")[-1] in forces for a in c.event.actors if ":" in a):
            c.event.targets = [t.replace(":civilians", ":protesters") for t in c.event.targets]
    mentions = ctx.actors if ctx is not None else []
    persons = {a.value: a.country for a in mentions if a.kind == "person" and a.country}
    events = [c.event for c in found]
    home = ctx.primary_country if ctx else None
    speakers_none: dict[str, str] = {}
    for c in found:
        e = c.event
        if e.type in SIDE_TARGETED_TYPES:
            # a speaker of no known country speaks for the state where the warning is made
            speakers = {**{a: e.country for a in e.actors if ":" not in a and len(a) > 3 and e.country}, **persons}
            e.targets = own_side_dropped(e.actors, e.targets, speakers)
            if not e.targets:
                opponent = story_opponent(e.actors, events, speakers, mentions, ctx.primary_country if ctx else None)
                e.targets = [opponent] if opponent else []
        elif e.type in _SIDED_ACTS and e.actors and not e.targets and all(a.endswith(":civilians") for a in e.actors):
            # "ocho personas murieron por impacto de bala", "eight people died of gunshot wounds":
            # the people named before a wound or weapon word are its victims, not its makers
            e.actors, e.targets = [], e.actors
            opponent = story_opponent(e.targets, events, speakers_none, mentions, home, states=True)
            e.actors = [opponent] if opponent else []
        elif e.type in _SIDED_ACTS and not e.actors and e.targets:
            # "Wagner fighters shot down ...", "79 police were injured in clashes": the act told
            # without its maker is one of the story's other side against the side hit
            opponent = story_opponent(e.targets, events, speakers_none, mentions, home, states=True)
            if opponent and not _answered(e, opponent, events):
                e.actors = [opponent]
        elif (e.type in _CROWD_CONTROL and e.mode in _CROWD_CONTROL[e.type][2]
              and any(t.endswith(":civilians") for t in e.targets)):
            # "police arrested 945 people", "fired on residents": in a story of unrest the people
            # the state's forces arrest or fire on at home are its challengers
            forces = [a for a in e.actors if a.split(":")[-1] in _CROWD_CONTROL[e.type][0]]
            opponent = story_opponent(forces, events, speakers_none, mentions, home) if forces else None
            if opponent and opponent.split(":")[-1] in _CROWD_CONTROL[e.type][1]:
                cc = opponent.split(":")[0]
                e.targets = list(dict.fromkeys(opponent if t == f"{cc}:civilians" else t for t in e.targets))


def _long_before(ctx: ArticleContext, s: Sentence,
                 sentence: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(old, years) of a sentence that gives no recent date: ``old`` the spans naming a month long
    past, with its year or, after the lede's paragraph, without ("in June" in a paper of November),
    ``years`` a year or decade long past after a year marker (what they date is history). In the lede's
    paragraph a month long past without its year is read as a year is, dating only the trigger right
    before it or the one it is fronted to ("The protests began peacefully in June"; in "police arrested
    a man over the stabbing in June" the arrest is the news), and it does not put the whole sentence in
    the past there (``_undated_past_months``). ``sentence`` is the sentence as the history checks read it
    (dated asides blanked)."""
    folded = ctx.folded[s.start:s.end]
    bare = _bare_months_long_before(sentence, folded, ctx.lang, ctx.today)
    in_lede = ctx.paragraph_of[s.start] <= ctx.paragraph_of[ctx.lede]
    old = sorted(_months_long_before(folded, ctx.lang, ctx.today) + ([] if in_lede else bare))
    return old, sorted(_years_long_before(folded, ctx.lang, ctx.today) + (bare if in_lede else []))


def _sentence_subject(persons: list[ActorMention], made: list[Candidate]) -> ActorMention:
    """The person a pronoun of the next sentence stands for: the last one named before the
    sentence's first act, its subject ("Blinken met Prabowo on Tuesday. He thanked ...": Blinken),
    else the last one named."""
    first = min((c.pos for c in made), default=None)
    subjects = [p for p in persons if first is not None and p.end <= first]
    return subjects[-1] if subjects else persons[-1]


def _sentence_events(ctx: ArticleContext, s: Sentence, last_person: ActorMention | None, counts: list[CountMention],
                     previous: list[Candidate], found: list[Candidate],
                     old: list[tuple[int, int]] = (), years: list[tuple[int, int]] = (),
                     asides: list[tuple[int, int]] = ()) -> list[Candidate]:
    """The events of one sentence, with the counts it gives (some may go to earlier events);
    ``old`` and ``years``: its spans dated long past (``_long_before``); ``asides``: relative
    clauses dated long before (what they tell is history, the rest of the sentence is not)."""
    sentence = ctx.text[s.start:s.end]
    folded = ctx.folded[s.start:s.end]
    given = between(counts, s.start, s.end)
    hits = ctx.found_hits[s.start] = find_triggers(sentence, ctx.lang, folded)
    if asides:
        hits = [h for h in hits if not any(a <= h.start < b for a, b in asides)]
    hits = [h for h in hits if not _retold_in_apposition(ctx, s, sentence, folded, h)]
    if old:
        hits = [h for h in hits if not _dated_long_before(folded, h, old, ctx.lang)]
    if years:
        hits = [h for h in hits if not _dated_by_year(folded, h, years, ctx.lang)]
    if not ctx.mishap_lede:
        ctx.mishap_lede = _lede_mishap(ctx, folded, s.start, hits)
    if not hits and not given:
        return []
    cumulative = _cumulative_from(ctx, sentence, folded, s.start, hits)
    made = _candidates(ctx, s, sentence, folded, _kept_hits(ctx, sentence, folded, s.start, hits, cumulative),
                       last_person, found)
    given = [c for c in given if not _in_detail_clause(ctx, folded, s.start, c)
             and not (cumulative is not None and c.start - s.start >= cumulative
                      and c.kind in ("killed", "injured"))  # a running toll
             and not (c.kind == "arrested" and _up_to_now(ctx.lang, folded, c.start - s.start))  # a running total
             and not _past_toll(ctx, sentence, folded, s.start, c)]
    made = [c for c in made if not c.needs_count
            or any(k.kind in count_kinds(c.event.type, c.event.mode) for k in given)]
    left = _assign_counts(made, given, s.start)
    made += split_by_place(ctx, made, given, s.start, sentence)
    if left and not made and previous:
        left = _assign_counts(previous, left)
    for count in left:
        if count.kind in plover_list("far_count_kinds"):  # "the force would number about 2,500"
            owner = next((c for c in reversed(found) if count.kind in count_kinds(c.event.type, c.event.mode)
                          and _may_refine(c.event.counts.get(count.kind), count.value)), None)
            if owner is not None:
                owner.event.counts[count.kind] = count.value
    return made


_STATE_CODE = re.compile(r"([A-Z]{2})(?::|$)")


def _state_of(code: str) -> str | None:
    """The country of an actor code that is a state or one of its sectors ("VE", "VE:government")."""
    found = _STATE_CODE.match(code)
    return found.group(1) if found else None


def _host_sends_home(ctx: ArticleContext, s: Sentence, folded: str, hit: TriggerHit, request: ExtractedEvent) -> bool:
    """The request is a host state's demand that another state's diplomats leave (``expulsions``): its
    actor is the state of the event's country, it asks another state, and whence the diplomats leave is that
    country ("del país", "negara itu", a place of it), not a third one ("urged Britain to withdraw its
    diplomats from Kabul" asks)."""
    host = request.country
    if host is None or host not in {_state_of(a) for a in request.actors}:
        return False
    if not any(_state_of(t) not in (None, host) for t in request.targets):
        return False
    span = departure_span(folded, hit.end, len(folded), ctx.lang)
    if span is None:
        return False
    whence = {p.location.country for p in between(ctx.places, s.start + span[0], s.start + span[1])}
    if whence - {host}:
        return False
    return host in whence or names_host(folded, *span, ctx.lang)


def _backdrop_only(ctx: ArticleContext, s: Sentence, folded: str, hit: TriggerHit, candidate: Candidate,
                   told: list[Candidate]) -> bool:
    """The trigger names the backdrop of its sentence's act (``backdrops``) and no new act: spread over a
    span of weeks or more before it ("after months of investigation"), or set by a preposition of setting
    ("amid protests", "durante las protestas", "after days of clashes") after an act of its type was told,
    or past the lede's paragraph in a sentence with no date of its own. In the lede an undated backdrop may
    be the only telling of the act ("Policía arresta a 25 portuarios durante protesta"), so it stays."""
    if in_span_backdrop(folded, hit, ctx.lang):
        return True
    if not in_backdrop(folded, hit, ctx.lang):
        return False
    if any(c.event.type == candidate.event.type for c in told):
        return True
    return _past_lede(ctx, s.start) and not between(ctx.dates, s.start, s.end)


def _candidates(ctx: ArticleContext, s: Sentence, sentence: str, folded: str, hits: list[TriggerHit],
                last_person: ActorMention | None, told: list[Candidate] = ()) -> list[Candidate]:
    """One candidate event per kept trigger, less those another trigger of the clause explains
    and those that only refer back to an act of the same type and day told before (``told``)."""
    sent = (s.start, s.end)
    parts = clauses(folded, lexicon(ctx.lang)) if hits else []
    made: list[Candidate] = []
    for hit in hits:
        clause = next((c for c in parts if c[0] <= hit.start < c[1]), (0, len(sentence)))
        candidate = _event_for(ctx, hit, sent, clause, last_person, hits)
        if candidate is None:
            continue
        if in_group("anaphoric_types", candidate.event.type) and _refers_back(folded, hit, ctx.lang) and any(
                (c.event.type, c.event.date) == (candidate.event.type, candidate.event.date) for c in told):
            continue  # "the agreement made no mention of ...": the accord told before that day, not a new one
        if candidate.event.type == "REQUEST" and _host_sends_home(ctx, s, folded, hit, candidate.event):
            candidate.event = msgspec.structs.replace(candidate.event, type="SANCTION", mode="expel")
        if _backdrop_only(ctx, s, folded, hit, candidate, told):
            continue  # "amid protests", "di tengah gelombang penolakan": the setting of the sentence's own act
        candidate.clause = clause
        if _acted_by_crowd(candidate.event) and (
                not in_group("verbal_types", candidate.event.type) or _protest_told(hits, told)):
            continue  # protesters' demands or seizures are part of their protest, not separate events
        if candidate.event.type == "REQUEST" and _protests_demand(ctx, hit, hits, s.start):
            continue  # "blocked roads ... demanding that he be reinstated": the crowd's demand is its protest's
        made.append(candidate)
        if hit.trigger.reciprocal:
            made.extend(_exchanged(candidate))
        made.extend(_at_listed_places(ctx, candidate, s.start))
        if ctx.incident_date is None and candidate.date_rank == DATE_IN_SENTENCE and not is_verbal(candidate.event.type):
            ctx.incident_date = date.fromisoformat(candidate.event.date)
    riots = {c.clause: c.pos for c in made if (c.event.type, c.event.mode) == ("PROTEST", "riot")}
    made = [c for c in made if c.clause not in riots or not (
        ((c.event.type, c.event.mode) == ("PROTEST", "demonstrate") and c.pos < riots[c.clause])  # "... turned violent"
        or (c.event.type == "ASSAULT" and c.event.mode is None and not c.explicit_actor and not _side_hit(c)))]
    tolled = {c.clause for c in made if not c.casualty and "killed" in count_kinds(c.event.type, c.event.mode)}
    made = [c for c in made if not (c.casualty and c.clause in tolled)]  # the clause tells whose toll it is
    return made
