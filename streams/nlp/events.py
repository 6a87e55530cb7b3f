"""PLOVER event extraction from a cleaned article, sentence by sentence.

For every trigger that survives the filters of ``triggers.py`` an event is
built from what the finders saw around it: actors and targets
(``actors.py``), the place (nearest place mention, its country being where
the event happened), the date (nearest date mention of the sentence, else the
latest date of the paragraph so far, else the article's dominant recent date,
else the publication day on the publisher's calendar) and counts (count
mentions of the clause, or of the next sentence when it only continues the
toll). Sentences about the distant past (a date or a year well before
publication) and running totals are skipped. Events of one article that
describe the same thing are merged (``merge_events``).

Everything here is pure: mentions come in as arguments, so the extractor is
tested without the finders; ``enrich.py`` calls the finders and this module.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from streams.nlp.actors import ActorMention, find_actors
from streams.nlp.mentions import CountMention, DateMention, PlaceMention
from streams.nlp.triggers import (
    Trigger, clauses, count_kinds, cameo_root, find_triggers, is_cumulative, is_verbal, lexicon,
)
from streams.records import ExtractedEvent, Location, Sentence

#: a sentence dated more than this many days before publication is background
PAST_DAYS = 30
#: dates this many days around publication count towards the article's dominant date
RECENT_DAYS = 10
#: a bare year after a preposition ("in 2019", "pada 2018", "en 2019")
_YEAR_RE = re.compile(r"(?<![/\-.\d])\b(1[89]\d\d|20\d\d)\b(?![/\-.]\d)")
#: kinds of event that take the paragraph's or the article's place when their sentence names none
_PLACED = {"PROTEST", "ASSAULT", "MOBILIZE", "CONSULT", "AGREE", "COERCE/arrest", "COERCE/seize", "COERCE/curfew"}
#: place kinds, most precise first
_PLACE_RANK = {"site": 0, "city": 1, "admin": 2}
#: the conjunctions that join two actors of one clause ("Russia and the CSTO")
_JOINER_RE = re.compile(r"^\s*(?:,|and|dan|serta|y|e|et|&)?\s*(?:the\s+)?$", re.IGNORECASE)


@dataclass
class _Context:
    text: str
    lang: str
    today: date
    places: list[PlaceMention]
    dates: list[DateMention]
    counts: list[CountMention]
    actors: list[ActorMention]
    primary_country: str | None
    dominant_date: date
    dominant_place: PlaceMention | None
    paragraph_of: list[int] = field(default_factory=list)


def _between(items, start: int, end: int):
    return [x for x in items if x.start >= start and x.end <= end]


def dominant_date(dates: list[DateMention], today: date) -> date:
    """The most mentioned date near publication (latest on ties), else publication day."""
    recent = Counter(d.value for d in dates if abs((today - d.value).days) <= RECENT_DAYS and d.value <= today + timedelta(days=1))
    if not recent:
        return today
    return max(recent.items(), key=lambda kv: (kv[1], kv[0]))[0]


def country_ranking(places: list[PlaceMention], title_places: list[PlaceMention] = ()) -> list[str]:
    """Countries by how much the text is about them: title mentions weigh three."""
    score: Counter[str] = Counter()
    for p in places:
        if p.location.country:
            score[p.location.country] += 1
    for p in title_places:
        if p.location.country:
            score[p.location.country] += 3
    return [c for c, _ in sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))]


def _dominant_place(places: list[PlaceMention], country: str | None) -> PlaceMention | None:
    local = [p for p in places if p.kind in _PLACE_RANK and p.location.country == country]
    if not local:
        return None
    names = Counter(p.location.name for p in local)
    best = max(names.items(), key=lambda kv: kv[1])[0]
    return next(p for p in local if p.location.name == best)


def _is_past(sentence: str, dates: list[DateMention], today: date) -> bool:
    """The sentence is about something long before publication."""
    if any(0 <= (today - d.value).days <= PAST_DAYS for d in dates):
        return False
    if any((today - d.value).days > PAST_DAYS for d in dates):
        return True
    return any(int(y) < today.year - (1 if today.month > 2 else 2) for y in _YEAR_RE.findall(sentence))


def _nearest(items, pos: int):
    return min(items, key=lambda x: abs((x.start + x.end) // 2 - pos)) if items else None


def _pick_place(candidates: list[PlaceMention], pos: int) -> PlaceMention | None:
    sub = [p for p in candidates if p.kind in _PLACE_RANK]
    if not sub:
        return None
    return min(sub, key=lambda p: (_PLACE_RANK[p.kind], abs(p.start - pos)))


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


def _event_for(ctx: _Context, hit, sent: tuple[int, int], clause: tuple[int, int], last_person: ActorMention | None) -> ExtractedEvent:
    trig: Trigger = hit.trigger
    pos = sent[0] + hit.start
    c_start, c_end = sent[0] + clause[0], sent[0] + clause[1]
    clause_actors = _between(ctx.actors, c_start, c_end)
    before = [a for a in clause_actors if a.end <= pos]
    after = [a for a in clause_actors if a.start >= sent[0] + hit.end]
    actors = _side_actors(before, ctx.text, before=True)
    targets = _side_actors(after, ctx.text, before=False)[:2]
    if trig.passive:
        actors, targets = targets, actors
    verbal = is_verbal(trig.type)
    if verbal:
        persons = [a for a in before if a.kind == "person"]
        if persons:
            actors = [persons[-1]]
        elif not actors and last_person is not None:
            actors = [last_person]

    place = _pick_place(_between(ctx.places, c_start, c_end), pos) or _pick_place(_between(ctx.places, *sent), pos)
    country = place.location.country if place else None
    if country is None and (verbal or trig.type == "SANCTION"):
        country = next((a.country for a in actors if a.country), None)
    if country is None:
        later = [p for p in _between(ctx.places, pos, c_end) if p.kind == "country"]
        country = later[0].location.country if later and not verbal else None
    country = country or ctx.primary_country
    key = f"{trig.type}/{trig.mode}"
    if place is None and (trig.type in _PLACED or key in _PLACED):
        place = ctx.dominant_place if ctx.dominant_place and ctx.dominant_place.location.country == country else None

    actor_codes = _codes(actors, country) or _default(trig.actor, country)
    target_codes = [t for t in (_codes(targets, country) or _default(trig.target, country)) if t not in actor_codes]
    event_type, mode = trig.type, trig.mode
    if event_type == "MOBILIZE" and any(a.kind == "org" or (a.kind == "country" and a.value != country)
                                         or (a.kind == "sector" and a.country and a.country != country) for a in actors):
        event_type, mode = "AID", "military"
        target_codes = target_codes or ([country] if country else [])

    sentence_dates = _between(ctx.dates, *sent)
    near = _nearest(sentence_dates, pos)
    when = near.value if near else _paragraph_date(ctx, sent) or ctx.dominant_date
    event = ExtractedEvent(
        type=event_type, mode=mode, cameo=cameo_root(event_type), country=country, date=when.isoformat(),
        actors=actor_codes, targets=target_codes,
        place=place.location.name if place else None,
        location=Location.from_dict(place.location.to_dict()) if place else None,
        evidence=ctx.text[sent[0]:sent[1]].strip(),
    )
    event.confidence = round(0.5 + 0.15 * bool(actors) + 0.15 * bool(place) + 0.1 * bool(near and near.explicit), 2)
    return event


def _paragraph_date(ctx: _Context, sent: tuple[int, int]) -> date | None:
    """The latest date mentioned earlier in the sentence's paragraph."""
    para = ctx.paragraph_of[sent[0]] if sent[0] < len(ctx.paragraph_of) else None
    earlier = [d for d in ctx.dates if d.end <= sent[0] and ctx.paragraph_of[d.start] == para
               and (ctx.today - d.value).days <= PAST_DAYS]
    return earlier[-1].value if earlier else None


def _paragraph_index(text: str) -> list[int]:
    """For every character offset of ``text``, the number of its paragraph."""
    index = [0] * (len(text) + 1)
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)] + [len(index)]
    for i, (a, b) in enumerate(zip(starts, starts[1:])):
        index[a:b] = [i] * (b - a)
    return index


def _assign_counts(ctx: _Context, events: list[tuple[int, ExtractedEvent]], counts: list[CountMention]) -> list[CountMention]:
    """Put each count on the nearest event that may carry its kind; return the counts left over."""
    left = []
    for c in counts:
        takers = [(pos, e) for pos, e in events if c.kind in count_kinds(e.type, e.mode) and c.kind not in e.counts]
        if not takers:
            left.append(c)
            continue
        _, event = min(takers, key=lambda pe: abs(pe[0] - c.start))
        event.counts[c.kind] = c.value
    return left


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
    ctx = _Context(
        text=text, lang=lang, today=today, places=places, dates=dates, counts=counts,
        actors=find_actors(text, lang, places), primary_country=primary,
        dominant_date=dominant_date(dates, today), dominant_place=_dominant_place(places, primary),
        paragraph_of=_paragraph_index(text),
    )
    found: list[ExtractedEvent] = []
    last_person: ActorMention | None = None
    previous: list[tuple[int, ExtractedEvent]] = []
    for s in sentences:
        sent = (s.start, s.end)
        sentence = text[s.start:s.end]
        sentence_dates = _between(dates, *sent)
        sentence_counts = _between(counts, *sent)
        cumulative = is_cumulative(sentence, lang)
        if _is_past(sentence, sentence_dates, today):
            previous = []
            continue
        made: list[tuple[int, ExtractedEvent]] = []
        folded_clauses = clauses(sentence.casefold(), lexicon(lang))
        for hit in find_triggers(sentence, lang):
            if cumulative and hit.trigger.type == "ASSAULT":
                continue
            clause = next((c for c in folded_clauses if c[0] <= hit.start < c[1]), (0, len(sentence)))
            event = _event_for(ctx, hit, sent, clause, last_person)
            if event.type == "REQUEST" and any(a.endswith(":protesters") for a in event.actors):
                continue  # protesters' demands are what the protest is about, not a separate event
            made.append((s.start + hit.start, event))
        if not cumulative:
            left = _assign_counts(ctx, made, sentence_counts)
            if left and not made and previous:
                _assign_counts(ctx, previous, left)
        found.extend(e for _, e in made)
        previous = made or previous
        persons = [a for a in _between(ctx.actors, *sent) if a.kind == "person"]
        if persons:
            last_person = persons[-1]
    return merge_events(found)


def _compatible(a: ExtractedEvent, b: ExtractedEvent) -> bool:
    if (a.type, a.country, a.date) != (b.type, b.country, b.date):
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    return all(a.counts[k] == b.counts[k] for k in a.counts.keys() & b.counts.keys())


def merge_events(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """One event per happening: same type, country and date, modes and places that agree
    (or are unknown on one side) and no conflicting count; actors are united."""
    merged: list[ExtractedEvent] = []
    for e in events:
        twin = next((m for m in merged if _compatible(m, e)), None)
        if twin is None:
            merged.append(e)
            continue
        twin.mode = twin.mode or e.mode
        if twin.place is None and e.place:
            twin.place, twin.location = e.place, e.location
        twin.actors += [a for a in e.actors if a not in twin.actors]
        twin.targets += [t for t in e.targets if t not in twin.targets and t not in twin.actors]
        for k, v in e.counts.items():
            twin.counts[k] = max(v, twin.counts.get(k, 0))
        twin.confidence = max(twin.confidence, e.confidence)
    return merged
