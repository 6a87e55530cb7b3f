"""PLOVER event extraction from a cleaned article, sentence by sentence.

For every trigger that survives the filters of ``triggers.py`` an event is
built from what the finders saw around it: actors and targets
(``actors.py``), the place (nearest place mention, its country being where
the event happened), the date (nearest date mention of the sentence, else the
latest date of the paragraph so far, else the article's dominant recent date,
else the publication day on the publisher's calendar) and counts (count
mentions of the clause, or of the next sentence when it only continues the
toll). Skipped: sentences about the distant past (a date or a year well
before publication), running totals, what a quotation narrates, and what a
speech act is about ("blamed the violence on ..."). Events of one article
that describe the same happening are merged (``merge.py``).

Everything here is pure: mentions come in as arguments, so the extractor is
tested without the finders; ``enrich.py`` calls the finders and this module.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from streams.nlp.actors import ActorMention, find_actors
from streams.nlp.eventmerge import Candidate, merge_candidates
from streams.nlp.fuzzy import fold
from streams.nlp.mentions import CountMention, DateMention, PlaceMention
from streams.nlp.triggers import (
    TriggerHit, cameo_root, clauses, plover_group, plover_list, count_kinds, find_triggers, follows_background_marker, natural_death, in_group, cumulative_markers, is_reporting,
    is_verbal, lexicon, may_be_quoted,
)
from streams.records import ExtractedEvent, Location, Sentence

#: a sentence dated more than this many days before publication is background
PAST_DAYS = 30
#: dates this many days around publication count towards the article's dominant date
RECENT_DAYS = 10
#: places of a country the article never names are used from this many mentions on
TRUSTED_MENTIONS = 3
#: a bare year ("in 2019", "pada Februari 2018"), not part of a written date ("6/1/2021")
_YEAR_RE = re.compile(r"(?<![/\-.\d])\b(1[89]\d\d|20\d\d)\b(?![/\-.]\d)")
#: a dateline ("ALMATY, Jan 7 (GlobalWire) - ", "JAKARTA: ", "SANTIAGO.- "): where and when
#: the story was filed, not where and when things happened
_DATELINE_RE = re.compile(
    r"^[ \t]*[A-ZÀ-Þ][A-ZÀ-Þ0-9 .,'’/&]{1,60}?(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?"
    r"(?:\s*\([^)\n]{1,40}\))?\s*(?:-{1,2}|–|—|:|\.-)\s")
#: quoted speech; a quote of a few words is a scare quote ('had been "liquidated"'), not speech
_QUOTE_RE = re.compile(r"\"[^\"\n]{2,800}\"|“[^”\n]{2,800}”|«[^»\n]{2,800}»")
MIN_QUOTE_WORDS = 4
#: place kinds, most precise first
_PLACE_RANK = {"site": 0, "city": 1, "admin": 2}
#: what joins two actors of one clause ("Russia and the CSTO")
_JOINER_RE = re.compile(r"^\s*(?:,|and|dan|serta|y|e|et|&)?\s*(?:the\s+)?$", re.IGNORECASE)
#: how a date was found, most reliable first
DATE_IN_SENTENCE, DATE_IN_PARAGRAPH, DATE_INCIDENT, DATE_DOMINANT = 0, 1, 2, 3


@dataclass
class _Context:
    text: str
    lang: str
    today: date
    places: list[PlaceMention]
    dates: list[DateMention]
    actors: list[ActorMention]
    primary_country: str | None
    dominant_date: date
    #: the most mentioned place of the primary country, and of the whole article (dateline included)
    dominant_place: PlaceMention | None
    scene: PlaceMention | None
    paragraph_of: list[int]
    quotes: list[tuple[int, int]]
    #: where the body starts (after the dateline) and the day the story was filed
    lede: int = 0
    filed_date: date | None = None
    #: the date of the first deed (not speech) dated in its own sentence: the lede's incident
    incident_date: date | None = None


def _between(items, start: int, end: int):
    return [x for x in items if x.start >= start and x.end <= end]


def dominant_date(dates: list[DateMention], today: date) -> date:
    """The most mentioned date near publication, else publication day.

    On ties the first mentioned wins: the lede dates the main happening.
    """
    recent = [d.value for d in dates if -1 <= (today - d.value).days <= RECENT_DAYS]
    if not recent:
        return today
    tally = Counter(recent)
    return max(tally, key=lambda v: (tally[v], -recent.index(v)))


def dateline_end(text: str) -> int:
    """Length of the dateline at the start of ``text`` (0 when there is none)."""
    m = _DATELINE_RE.match(text)
    return m.end() if m else 0


def _country_scores(places: list[PlaceMention], title_places: list[PlaceMention] = ()) -> Counter[str]:
    score: Counter[str] = Counter()
    for p in places:
        if p.location.country:
            score[p.location.country] += 1
    for p in title_places:
        if p.location.country:
            score[p.location.country] += 3
    return score


def country_ranking(places: list[PlaceMention], title_places: list[PlaceMention] = ()) -> list[str]:
    """Countries by how much the text is about them: title mentions weigh three."""
    score = _country_scores(places, title_places)
    return [c for c, _ in sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))]


def trusted_places(places: list[PlaceMention], primary: str | None, names: list[ActorMention]) -> list[PlaceMention]:
    """Places fit to locate events: not part of a person's or body's name ("Aung San"
    in "Aung San Suu Kyi"), and in a country the article names or keeps coming back
    to; a lone town abroad is more often a word read as a name ("Massa", "Tak")."""
    score = _country_scores(places)
    named = {p.location.country for p in places if p.kind == "country"}
    trusted = {c for c, n in score.items() if n >= TRUSTED_MENTIONS} | named | {primary}
    spans = [(a.start, a.end) for a in names if a.kind in ("person", "org")]
    return [p for p in places if p.location.country in trusted
            and all(p.end <= a or p.start >= b for a, b in spans)]


def _dominant_place(places: list[PlaceMention], country: str | None = None, filed: int = 0) -> PlaceMention | None:
    """The most mentioned place below country level (of ``country`` if given);
    a place in the dateline (before ``filed``) counts twice."""
    local = [p for p in places if p.kind in _PLACE_RANK and (country is None or p.location.country == country)]
    if not local:
        return None
    names = Counter()
    for p in local:
        names[p.location.name] += 2 if p.start < filed else 1
    best = max(names.items(), key=lambda kv: kv[1])[0]
    return next(p for p in local if p.location.name == best)


def _is_past(sentence: str, dates: list[DateMention], today: date) -> bool:
    """The sentence is about something long before publication."""
    if any(-1 <= (today - d.value).days <= PAST_DAYS for d in dates):
        return False
    if any((today - d.value).days > PAST_DAYS for d in dates):
        return True
    return any(int(y) < today.year - (1 if today.month > 2 else 2) for y in _YEAR_RE.findall(sentence))


def _after_locative(ctx: _Context, place: PlaceMention) -> bool:
    """The place follows "in", "to", "di", "ke", "en"...: it is where, not who."""
    locative = lexicon(ctx.lang).locative
    return bool(locative and locative.search(ctx.text[max(0, place.start - 60):place.start]))


def _nearest(items, pos: int):
    return min(items, key=lambda x: abs((x.start + x.end) // 2 - pos)) if items else None


def _pick_place(ctx: _Context, candidates: list[PlaceMention], pos: int) -> PlaceMention | None:
    """The scene among a clause's places: after "in"/"di"/"en" first, then the most
    precise, then the nearest; a city that is the subject ("Moscow and Kyiv signed")
    is an actor, not a scene."""
    sub = [p for p in candidates if p.kind in _PLACE_RANK and not _is_subject(ctx, p, pos)]
    if not sub:
        return None
    return min(sub, key=lambda p: (not _after_locative(ctx, p), _PLACE_RANK[p.kind], abs(p.start - pos)))


def _is_subject(ctx: _Context, place: PlaceMention, pos: int) -> bool:
    return place.end <= pos and not ctx.text[place.end:pos].strip() and not _after_locative(ctx, place)


def _side_actors(mentions: list[ActorMention], text: str, before: bool) -> list[ActorMention]:
    """The nearest actor on one side of a trigger, with those joined to it by 'and' or a comma."""
    if not mentions:
        return []
    ordered = list(reversed(mentions)) if before else list(mentions)
    group = [ordered[0]]
    for nxt in ordered[1:]:
        a, b = (nxt, group[-1]) if before else (group[-1], nxt)
        if _JOINER_RE.match(text[a.end:b.start]):
            group.append(nxt)
        else:
            break
    return group


def _codes(mentions: list[ActorMention], country: str | None) -> list[str]:
    out: list[str] = []
    for m in mentions:
        code = m.code(country)
        if code and code not in out:
            out.append(code)
    return out


def _default(sector: str, country: str | None) -> list[str]:
    return [f"{country}:{sector}"] if sector and country else []


def _roles(ctx: _Context, hit: TriggerHit, pos: int, end: int, clause: tuple[int, int],
           last_person: ActorMention | None) -> tuple[list[ActorMention], list[ActorMention]]:
    """(actors, targets) of a trigger: the mentions just before and just after it in its clause."""
    trig = hit.trigger
    mentions = _between(ctx.actors, *clause)
    before = [a for a in mentions if a.end <= pos]
    after = [a for a in mentions if a.start >= end]
    actors = _side_actors(before, ctx.text, before=True)
    targets = _side_actors(after, ctx.text, before=False)[:2]
    agent = lexicon(ctx.lang).agent
    if targets and agent and agent.search(ctx.text[end:targets[0].start].casefold()):
        actors, targets = targets, actors  # "a deployment by the CSTO"
    elif trig.passive:
        actors, targets = targets, actors
    if is_verbal(trig.type):
        persons = [a for a in before if a.kind == "person"]
        if persons:
            actors = [persons[-1]]
        elif not actors and last_person is not None and not trig.needs_actor:
            actors = [last_person]
    return actors, targets


def _event_for(ctx: _Context, hit: TriggerHit, sent: tuple[int, int], clause: tuple[int, int],
               last_person: ActorMention | None, hits: list[TriggerHit]) -> Candidate | None:
    trig = hit.trigger
    pos, end = sent[0] + hit.start, sent[0] + hit.end
    clause = (sent[0] + clause[0], sent[0] + clause[1])
    actors, targets = _roles(ctx, hit, pos, end, clause, last_person)
    if trig.needs_actor and not actors:
        return None  # "the consensus called for ...": a document, not someone, asks
    verbal = is_verbal(trig.type)

    place = _pick_place(ctx, _between(ctx.places, *clause), pos) or _pick_place(ctx, _between(ctx.places, *sent), pos)
    scene_type = in_group("scene_types", trig.type, trig.mode)
    if place is not None and not _after_locative(ctx, place):
        if not scene_type and not in_group("meeting_types", trig.type):
            place = None  # "accused Almaty's mayor": a place named, not where it was said
        elif place.kind == "admin" and ctx.dominant_place and ctx.dominant_place.kind != "admin" \
                and ctx.dominant_place.location.country == place.location.country:
            place = ctx.dominant_place  # "East Java police": the scene is the article's town
    nationwide = _nationwide(ctx, clause)
    if nationwide:
        place = None
    if place is None and in_group("meeting_types", trig.type):
        place = ctx.scene
    country = place.location.country if place else None
    if country is None and (verbal or trig.type == "SANCTION"):
        country = next((a.country for a in actors if a.country), None)
    if country is None and not verbal:
        later = [p for p in _between(ctx.places, pos, clause[1]) if p.kind == "country" and _after_locative(ctx, p)]
        country = later[0].location.country if later else None
    country = country or ctx.primary_country

    actor_codes = _codes(actors, country) or _default(trig.actor, country)
    target_codes = [t for t in (_codes(targets, country) or _default(trig.target, country)) if t not in actor_codes]
    event_type, mode = trig.type, trig.mode
    if event_type == "MOBILIZE" and any(a.kind == "org" or (a.kind == "country" and a.value != country)
                                         or (a.kind == "sector" and a.country and a.country != country) for a in actors):
        # a force sent into another country is aid to it (PLOVER AID, military)
        event_type, mode = "AID", "military"
        target_codes = [country] if country else []
    if in_group("international_types", event_type) and not _international(actors + targets, country):
        return None  # a cabinet meeting is no diplomatic consultation
    inherited = False
    if place is None and not nationwide and in_group("scene_types", event_type, mode):
        place = ctx.dominant_place if ctx.dominant_place and ctx.dominant_place.location.country == country else None
        inherited = place is not None

    near, when, rank = _event_date(ctx, hit, sent, hits, verbal)
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
    casualty = trig.casualty and all(a.kind == "person" for a in actors)
    return Candidate(event, pos, rank, place.kind if place else None, inherited, casualty, trig.needs_count)


def _nationwide(ctx: _Context, clause: tuple[int, int]) -> bool:
    """The clause says the event covers the whole country ("across the country")."""
    wide = lexicon(ctx.lang).nationwide
    return bool(wide and wide.search(fold(ctx.text[clause[0]:clause[1]])))


def _international(parties: list[ActorMention], country: str | None) -> bool:
    """An international body takes part, or parties of two countries."""
    if any(p.kind == "org" for p in parties):
        return True
    return len({p.country for p in parties if p.country} | ({country} if country else set())) >= 2


def _event_date(ctx: _Context, hit: TriggerHit, sent: tuple[int, int], hits: list[TriggerHit],
                verbal: bool) -> tuple[DateMention | None, date, int]:
    """(the date mention used, the date, how it was found) for one trigger.

    A date of the sentence belongs to the trigger when no other trigger stands
    between them; a deed does not take a report's date ("the ministry said on
    Friday that 26 were killed"), and a deed told "after" the sentence's main
    clause does not take its date ("certified on Thursday, hours after a mob
    stormed" is only weakly dated; "a day after" takes the day before); a range ("from Tuesday night
    until Wednesday") gives its end, when most has happened. Without one: the paragraph's
    latest date, for deeds the lede's incident date, then the article's
    dominant date.
    """
    lex = lexicon(ctx.lang)
    sentence = ctx.text[sent[0]:sent[1]]
    pos = sent[0] + hit.start
    usable = []
    for d in _between(ctx.dates, *sent):
        if d.value > ctx.today + timedelta(days=1) or (ctx.today - d.value).days > PAST_DAYS:
            continue  # a deadline, or the background ("since the Feb. 1 coup")
        lo, hi = sorted((d.start - sent[0], hit.start))
        if any(lo < h.start < hi and not h.trigger.casualty and h.trigger.type != hit.trigger.type for h in hits):
            continue
        if not verbal and _is_report_date(ctx, d):
            continue
        usable.append(d)
    near = _nearest(usable, pos)
    if near is not None:
        between = " " + fold(ctx.text[near.end:pos]) + " " if near.end <= pos else ""
        if lex.day_after and lex.day_after.search(between):
            return near, near.value - timedelta(days=1), DATE_IN_SENTENCE
        if lex.after and lex.after.search(between):
            return near, near.value, DATE_IN_PARAGRAPH  # the same day, or before: a weak date
        return near, _range_end(ctx, near), DATE_IN_SENTENCE
    para = _paragraph_date(ctx, sent, verbal)
    if para:
        return None, para, DATE_IN_PARAGRAPH
    if ctx.paragraph_of[sent[0]] == ctx.paragraph_of[ctx.lede]:
        return None, ctx.filed_date, DATE_DOMINANT  # the lede tells the latest news
    if not verbal and ctx.incident_date:
        return None, ctx.incident_date, DATE_INCIDENT
    return None, ctx.dominant_date, DATE_DOMINANT


def _range_end(ctx: _Context, d: DateMention) -> date:
    """The later date of a range opened by ``d`` ("sejak Selasa hingga Rabu"), else ``d``'s."""
    until = lexicon(ctx.lang).until
    for other in ctx.dates:
        gap = ctx.text[d.end:other.start]
        if 0 < len(gap) <= 20 and other.value > d.value and until and until.search(" " + fold(gap) + " "):
            return other.value
    return d.value


def _window_words(sentence: str, end: int, size: int) -> str:
    return " " + " ".join(fold(sentence[:end]).split()[-size:]) + " "


def _is_report_date(ctx: _Context, d: DateMention) -> bool:
    """The date tells when something was said ("said on Friday", "mengutip ... (7/1)")."""
    report = lexicon(ctx.lang).report
    return bool(report and report.search(_window_words(ctx.text, d.start, 4)))


def _paragraph_date(ctx: _Context, sent: tuple[int, int], verbal: bool) -> date | None:
    """The latest recent date mentioned earlier in the sentence's paragraph (for a deed,
    not the date of a report)."""
    para = ctx.paragraph_of[sent[0]]
    earlier = [d for d in ctx.dates if d.end <= sent[0] and ctx.paragraph_of[d.start] == para
               and -1 <= (ctx.today - d.value).days <= PAST_DAYS and (verbal or not _is_report_date(ctx, d))]
    return earlier[-1].value if earlier else None


def _paragraph_index(text: str) -> list[int]:
    """For every character offset of ``text``, the number of its paragraph."""
    index = [0] * (len(text) + 1)
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)] + [len(index)]
    for i, (a, b) in enumerate(zip(starts, starts[1:])):
        index[a:b] = [i] * (b - a)
    return index


def _assign_counts(made: list[Candidate], counts: list[CountMention]) -> list[CountMention]:
    """Put each count on the nearest event that may carry its kind; return the counts left over."""
    left = []
    for c in counts:
        takers = [m for m in made if c.kind in count_kinds(m.event.type, m.event.mode) and c.kind not in m.event.counts]
        if not takers:
            left.append(c)
            continue
        min(takers, key=lambda m: abs(m.pos - c.start)).event.counts[c.kind] = c.value
    return left


def _kept_hits(ctx: _Context, sentence: str, sent_start: int, cumulative: bool) -> list[TriggerHit]:
    """The triggers of a sentence that can be events of this article."""
    kept = []
    marker = lexicon(ctx.lang).reporting
    found = marker.search(sentence.casefold()) if marker else None
    speech_at = found.start() if found else None
    names = [(a.start - sent_start, a.end - sent_start) for a in ctx.actors if a.kind in ("sector", "org", "person")]
    for hit in find_triggers(sentence, ctx.lang):
        t = hit.trigger
        if any(a <= hit.start and hit.end <= b for a, b in names):
            continue  # "rioters", "pelaku kerusuhan": who acts, not what happens
        if cumulative and t.type in ("ASSAULT", "PROTEST"):
            continue  # a running toll or a habit is not an event
        if follows_background_marker(sentence, hit, ctx.lang):
            continue  # "since Azerbaijan seized control": the earlier happening a period is counted from
        if t.type == "ASSAULT" and t.mode is None and natural_death(_clause_of(sentence, hit, ctx.lang), ctx.lang):
            continue  # died of a medical emergency
        if is_verbal(t.type) and kept and kept[-1].trigger.type == "PROTEST" and _gap_words(sentence, kept[-1], hit) <= 2:
            continue  # "a protest rejecting the results": what the protest is against
        pos = sent_start + hit.start
        if not may_be_quoted(t.type) and any(a < pos < b for a, b in ctx.quotes):
            continue  # what a quotation tells is the speaker's story
        if speech_at is not None and speech_at < hit.start and (not is_verbal(t.type) or t.content) and not t.anchor:
            continue  # what a speaker talks about is the content of the speech act
        if is_reporting(t.type) and speech_at is None:
            speech_at = hit.start
        kept.append(hit)
    if any(h.trigger.anchor for h in kept):
        # "ordered a curfew": the order is how the curfew was imposed, not a separate request
        kept = [h for h in kept if h.trigger.type != "REQUEST"]
    return kept


def _acted_by_crowd(event: ExtractedEvent) -> bool:
    """The event type is one a crowd's act belongs to its protest (plover.json ``crowd_acts``)."""
    sectors = plover_group("crowd_acts").get(event.type, ())
    return any(a.split(":")[-1] in sectors for a in event.actors if ":" in a)


def _is_cumulative(ctx: _Context, sentence: str, start: int) -> bool:
    """The sentence gives a running total: a marker such as "since" or "so far" that
    does not open a time range of the last days ("sejak Selasa (21/5) malam")."""
    for a, b in cumulative_markers(sentence, ctx.lang):
        follows = [d for d in ctx.dates if 0 <= d.start - (start + b) <= 3]
        if not any(abs((ctx.today - d.value).days) <= 3 for d in follows):
            return True
    return False


def _in_detail_clause(ctx: _Context, sentence: str, start: int, count: CountMention) -> bool:
    """The figure is part of a toll given elsewhere ("two police officers were among the
    dead") or counts deaths that were no violence ("died of medical emergencies")."""
    lex = lexicon(ctx.lang)
    folded = fold(sentence)
    for a, b in clauses(folded, lex):
        if a <= count.start - start < b:
            return any(p is not None and p.search(folded[a:b]) for p in (lex.subset, lex.natural))
    return False


def _clause_of(sentence: str, hit: TriggerHit, lang: str) -> str:
    a, b = next((c for c in clauses(fold(sentence), lexicon(lang)) if c[0] <= hit.start < c[1]), (0, len(sentence)))
    return sentence[a:b]


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
    if not text or not sentences or lexicon(lang).pattern is None:
        return []
    today = published.date()
    primary = primary_country or next(iter(country_ranking(places)), None)
    filed = dateline_end(text)
    actors = find_actors(text, lang, places)
    trusted = trusted_places(places, primary, actors)
    places = [p for p in trusted if p.start >= filed]
    filed_on = next((d.value for d in dates if d.start < filed and abs((today - d.value).days) <= 1), today)
    dates = [d for d in dates if d.start >= filed]
    ctx = _Context(
        text=text, lang=lang, today=today, places=places, dates=dates,
        actors=actors, primary_country=primary,
        dominant_date=dominant_date(dates, today),
        dominant_place=_dominant_place(places, primary) or _dominant_place(trusted, primary, filed),
        scene=_dominant_place(trusted, filed=filed),
        paragraph_of=_paragraph_index(text),
        quotes=[m.span() for m in _QUOTE_RE.finditer(text) if len(m.group().split()) >= MIN_QUOTE_WORDS],
        lede=min(filed, len(text)), filed_date=filed_on,
    )
    found: list[Candidate] = []
    last_person: ActorMention | None = None
    previous: list[Candidate] = []
    for s in sentences:
        sentence = text[s.start:s.end]
        if _is_past(sentence, _between(dates, s.start, s.end), today):
            previous = []
            continue
        made = _sentence_events(ctx, s, last_person, counts, previous, found)
        found.extend(made)
        previous = made or previous
        persons = [a for a in _between(ctx.actors, s.start, s.end) if a.kind == "person"]
        if persons:
            last_person = persons[-1]
    return merge_candidates(found)


def _sentence_events(ctx: _Context, s: Sentence, last_person: ActorMention | None, counts: list[CountMention],
                     previous: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """The events of one sentence, with the counts it gives (some may go to earlier events)."""
    sent = (s.start, s.end)
    sentence = ctx.text[s.start:s.end]
    cumulative = _is_cumulative(ctx, sentence, s.start)
    parts = clauses(fold(sentence), lexicon(ctx.lang))
    made: list[Candidate] = []
    hits = _kept_hits(ctx, sentence, s.start, cumulative)
    for hit in hits:
        clause = next((c for c in parts if c[0] <= hit.start < c[1]), (0, len(sentence)))
        candidate = _event_for(ctx, hit, sent, clause, last_person, hits)
        if candidate is None:
            continue
        candidate.clause = clause  # "the demonstrations turned violent": one riot
        if _acted_by_crowd(candidate.event):
            continue  # protesters' demands or seizures are part of their protest, not separate events
        made.append(candidate)
        if ctx.incident_date is None and candidate.date_rank == DATE_IN_SENTENCE and not is_verbal(candidate.event.type):
            ctx.incident_date = date.fromisoformat(candidate.event.date)
    riots = {c.clause for c in made if (c.event.type, c.event.mode) == ("PROTEST", "riot")}
    made = [c for c in made if not ((c.event.type, c.event.mode) == ("PROTEST", "demonstrate") and c.clause in riots)]
    if any(not c.casualty and "killed" in count_kinds(c.event.type, c.event.mode) for c in made):
        made = [c for c in made if not c.casualty]  # the sentence tells whose toll it is
    given = [c for c in _between(counts, *sent) if not _in_detail_clause(ctx, sentence, s.start, c)
             and not (cumulative and c.kind in ("killed", "injured"))]  # a running toll
    made = [c for c in made if not c.needs_count
            or any(k.kind in count_kinds(c.event.type, c.event.mode) for k in given)]
    left = _assign_counts(made, given)
    if left and not made and previous:
        left = _assign_counts(previous, left)
    for count in left:
        if count.kind in plover_list("far_count_kinds"):  # "the force would number about 2,500"
            owner = next((c for c in reversed(found) if count.kind in count_kinds(c.event.type, c.event.mode)
                          and count.kind not in c.event.counts), None)
            if owner is not None:
                owner.event.counts[count.kind] = count.value
    return made
