"""One event per happening: merging the events an article mentions several times.

A news article tells the main happening in the headline-like lede, again in
the body and once more in the background paragraph. Two extracted events are
the same happening when they have the same type and country, dates at most a
day apart, modes and places that agree or are unknown on one side, a shared
speaker for speech acts (two people demanding are two requests), and no
count of the same kind with different values (two different death tolls are
two different attacks). The merged event keeps the most reliable date (a
date written in its own sentence beats one inherited from the paragraph or
the article), unites actors and targets and takes the larger count.

Modes that differ keep two mentions apart, except where they are one act told
with two words (coding conventions: the same act told twice is one event):
one statement's two speech verbs, one raid's arrest and seizure, one sentence's
two weapon words for what one party did that day ("fired tear gas and live
ammunition"), and an attack told again with no date, place or attacker of its
own and another weapon word ("smoke billowed across the city from strikes").
Only attacks (plover.json ``weapon_mode_types``) are merged across modes this
way: their modes name the means, while other types' modes name the act (an
arrest and a curfew told in one sentence are two measures).

A named person and an organised camp (a rebel group, the press) told speaking in two sentences are
two speakers. A bare figure told for the whole country that holds a figure told by place for an act of
the same kind and day is their total, not another act.

Countries that differ keep two mentions apart, except where a mention that
does not tell where it happened (its country is its doers' own, or it names no
doer) retells an act told before with its place ("Russian drones struck
Kharkiv ... The Russian military called the attack a precision strike").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from streams.nlp.actors import person_country
from streams.nlp.eventdates import DATE_IN_PARAGRAPH
from streams.nlp.triggers import in_group, is_verbal, plover_list
from streams.records import ExtractedEvent

#: victims that say nothing about the side hit ("people", "residents")
GENERIC_VICTIMS = {"civilians", "protesters"}
#: sectors that name one crowd of a country, whichever word a mention uses ("residents", "protesters")
CROWD_SECTORS = frozenset(GENERIC_VICTIMS)
#: sectors that speak as an organised camp, which a named person's statement is not told as
CAMP_SECTORS = frozenset({"rebels", "media", "business"})
#: dates this many days apart can still be one happening (an overnight riot, a late report)
DATE_SLACK = 1
#: an event whose date was not written next to it (date rank at least this) ...
WEAK_DATE_RANK = 2
#: ... is the same happening as a dated one up to this many days apart
WEAK_DATE_SLACK = 7


@dataclass
class Candidate:
    event: ExtractedEvent
    #: offset of the trigger in the text
    pos: int
    #: how the date was found, lower is more reliable (see ``events.DATE_*``)
    date_rank: int
    #: kind of the event's place (city, admin, site) if any
    place_kind: str | None = None
    #: the place is the article's main place, not one named in the event's sentence
    place_inherited: bool = False
    #: the mention says the act covers the whole country ("blasts across Lebanon", "di seluruh negeri")
    place_wide: bool = False
    #: read from a death or injury word only ("four people died")
    casualty: bool = False
    #: kept only if its sentence gives a count it can carry
    needs_count: bool = False
    #: span of its clause within the sentence
    clause: tuple[int, int] = (0, 0)
    #: the actor was named in the text, not a default of the trigger
    explicit_actor: bool = False
    #: the targets are the trigger's default sector, not named in the text
    default_target: bool = False
    #: how many mentions of the text were merged into this one (itself included)
    mentions: int = 1
    #: the country is where the mention says the act took place (its place, "in Lebanon", "across the
    #: country"), not one it only inherits (its speaker's or doer's country, the story's main one)
    country_told: bool = True


def _days(a: str | None, b: str | None) -> int:
    if a is None or b is None:
        return 0 if a == b else DATE_SLACK + 1
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def _speakers(actors: list[str]) -> set[str]:
    """Who speaks, as countries where known: a person by their country, a country by
    its code, a body by its name; sectors ("KZ:police") are too vague to tell."""
    return {a if kind == "country" else person_country(a) or a
            for a, kind in ((a, _kind(a)) for a in actors) if kind != "sector"}


def _compatible(p: str, q: str) -> bool:
    """Two actor codes may name the same party: equal, or a country and one of its people or
    sectors, or a person and a sector of their country (a person's country may be unknown);
    two sectors are two sides, even of one country (police firing, protesters stoning), bar
    the words for one crowd (``CROWD_SECTORS``: the marchers are its civilians or its protesters)."""
    if p == q:
        return True
    kinds = (_kind(p), _kind(q))
    if kinds == ("sector", "sector") and _country_of(p) == _country_of(q):
        return {p.split(":")[1], q.split(":")[1]} <= CROWD_SECTORS  # "thousands of supporters" are the protesters
    if kinds == ("person", "person") or kinds == ("sector", "sector") or "org" in kinds:
        return False
    cp, cq = _country_of(p), _country_of(q)
    return cp is None or cq is None or cp == cq


def _kind(code: str) -> str:
    if ":" in code:
        return "sector"
    if len(code) == 2 and code.isupper():
        return "country"
    return "org" if code.isupper() else "person"


def _country_of(code: str) -> str | None:
    kind = _kind(code)
    if kind == "sector":
        return code.split(":")[0]
    return code if kind == "country" else person_country(code) if kind == "person" else None


def side_of(code: str) -> str:
    """The side an actor code stands for: its country where known ("UA:government" and "UA" are one
    side), else the code itself (an organisation, a person of unknown country)."""
    return _country_of(code) or code


def _other_sides(xs: list[str], ys: list[str]) -> bool:
    """Both name actors and none of one side can be any of the other's."""
    return bool(xs and ys) and not any(_compatible(p, q) for p in xs for q in ys)


def same_happening(x: Candidate, y: Candidate, any_country: bool = False) -> bool:
    """Same type and country (any country with ``any_country``), dates a day apart at most, agreeing
    modes, places and counts.

    An event dated only from the article (not from its own sentence) may be a
    week off. An event without a mode ("people were killed") is a vague mention and may
    sit anywhere; a city and a province may be the same scene (the province
    holds the city); two different cities, or two cities of different
    names, are two happenings.
    """
    a, b = x.event, y.event
    slack = WEAK_DATE_SLACK if max(x.date_rank, y.date_rank) >= WEAK_DATE_RANK else DATE_SLACK
    if a.type != b.type or (a.country != b.country and not any_country) or _days(a.date, b.date) > slack:
        return False
    if a.mode and b.mode and a.mode != b.mode and not _one_act_two_words(x, y):
        return False
    if (a.mode and b.mode or x.casualty or y.casualty) and _elsewhere(x, y):
        return False  # a toll told at its own place is that place's (counts split by place)
    if is_verbal(a.type):
        sa, sb = _speakers(a.actors), _speakers(b.actors)
        if sa and sb and not sa & sb:
            return False  # two speakers, two speech acts
        if a.evidence != b.evidence and (_person_and_camp(x, y) or _person_and_camp(y, x)):
            return False  # a named person and a camp they do not speak for, in two sentences
    if x.explicit_actor and y.explicit_actor and _other_sides(a.actors, b.actors):
        return False  # the same kind of act by different actors is several events
    return all(a.counts[k] == b.counts[k] for k in a.counts.keys() & b.counts.keys())


def _person_and_camp(x: Candidate, y: Candidate) -> bool:
    """``x``'s speakers are named persons only, ``y``'s are organised camps only (``CAMP_SECTORS``: a
    rebel group, the press, business): a person named for a statement is not the voice of a camp that
    another sentence tells ("le Hezbollah a tenu Israël pour responsable ... Najib Mikati a dénoncé",
    "Imran menuding ... Perdana Menteri Shahbaz Sharif menuding"). An official may speak for a state's
    government, army or police, and anyone may be one of the unnamed people (``GENERIC_VICTIMS``)."""
    xs, ys = x.event.actors, y.event.actors
    return (x.explicit_actor and y.explicit_actor and bool(xs) and bool(ys)
            and all(_kind(a) == "person" for a in xs)
            and all(_kind(a) == "sector" and a.split(":")[1] in CAMP_SECTORS for a in ys))


def _one_act_two_words(x: Candidate, y: Candidate) -> bool:
    """Two mentions whose modes differ that still tell one act (see the module's docstring)."""
    a, b = x.event, y.event
    return _one_statement(a, b) or _one_raid(x, y) or _one_sentence(x, y) or _retold(x, y)


def _one_sentence(x: Candidate, y: Candidate) -> bool:
    """Two weapon words of one sentence for one attack on one day (plover.json ``weapon_mode_types``:
    "police fired tear gas and live ammunition", "la policía disparó gases lacrimógenos y balas de goma"):
    the sentence tells what one party did, unless both name their doers and no doer is the same (two
    parties' acts: "protesters threw stones while police fired tear gas")."""
    a, b = x.event, y.event
    if a.type not in plover_list("weapon_mode_types") or a.evidence != b.evidence or a.date != b.date:
        return False
    return not (x.explicit_actor and y.explicit_actor and not set(a.actors) & set(b.actors))


def _retold(x: Candidate, y: Candidate) -> bool:
    """One of two attacks (plover.json ``weapon_mode_types``) is the other told again: it has no
    date, place or attacker of its own, and its weapon word may differ ("a mass drone and missile attack
    on Kyiv" ... "smoke billowed across the city from strikes", "he heard massive blasts")."""
    return x.event.type in plover_list("weapon_mode_types") and any(
        c.date_rank >= DATE_IN_PARAGRAPH and (c.place_inherited or c.event.place is None) and not c.explicit_actor
        for c in (x, y))


def _one_raid(x: Candidate, y: Candidate) -> bool:
    """An arrest and a seizure at one place on one day are one raid (plover.json ``raid_modes``):
    "detained five men in a house, where five rifles were found" is one act of the police; so are they
    when one of them is placed only by the story ("seized a tanker off the port of Jask on Thursday ...
    Ten crew members were detained")."""
    a, b = x.event, y.event
    return (in_group("raid_modes", a.type, a.mode) and in_group("raid_modes", b.type, b.mode) and a.date == b.date
            and (a.place is not None and a.place == b.place or x.place_inherited or y.place_inherited))


def _one_statement(a: ExtractedEvent, b: ExtractedEvent) -> bool:
    """Two speech acts of one type told in one sentence by one speaker are one statement, whatever
    their modes ("accused Moscow of targeting food security and said the strike was a war crime"); so
    are they when one of them has no speaker of its own ("« C'est un coup d'État », a dénoncé ... Khalifa
    Sall, qui accuse le président")."""
    sa, sb = _speakers(a.actors), _speakers(b.actors)
    return is_verbal(a.type) and a.evidence == b.evidence and (bool(sa & sb) or not sa or not sb)


def _absorb(into: Candidate, other: Candidate) -> None:
    a, b = into.event, other.event
    if other.date_rank < into.date_rank:
        a.date, into.date_rank = b.date, other.date_rank
    if b.mode and (a.mode is None or _better_mode(a, b)):
        a.mode = b.mode
    # a place only inherited from the story (its main city) does not fill a null place: a
    # nationwide act has none; a place the mention named does, unless the first said it had none
    # ("exploded across Lebanon ... The blasts hit the southern suburbs of Beirut")
    if b.place and not into.place_wide and (a.place is None and not other.place_inherited
                    or into.place_inherited and not other.place_inherited
                    or (into.place_kind == "admin" and other.place_kind in ("city", "site"))):
        a.place, a.location = b.place, b.location
        into.place_kind, into.place_inherited = other.place_kind, other.place_inherited
    a.actors += [x for x in b.actors if x not in a.actors]
    a.targets += [x for x in b.targets if x not in a.targets and x not in a.actors]
    for k, v in b.counts.items():
        a.counts[k] = max(v, a.counts.get(k, 0))
    a.confidence = max(a.confidence, b.confidence)
    into.mentions += other.mentions


def _better_mode(a: ExtractedEvent, b: ExtractedEvent) -> bool:
    """Of two modes of one act, ``b``'s tells it better: it is the word that caused the toll ("fired tear
    gas and live ammunition, killing three": firearms), or, neither or both with a toll, it names what was
    done rather than a weapon (plover.json ``act_modes``: "un comando armado plagió": abduct)."""
    if bool(a.counts) != bool(b.counts):
        return bool(b.counts)
    return in_group("act_modes", b.type, b.mode) and not in_group("act_modes", a.type, a.mode)


def _elsewhere(x: Candidate, y: Candidate) -> bool:
    """Both name their own place (not the story's), of one kind, and the places differ: two scenes
    ("two people were killed in Kyiv" and "in Kharkiv, more than 50 people were wounded")."""
    a, b = x.event, y.event
    return bool(a.place and b.place and a.place != b.place and x.place_kind == y.place_kind
                and not (x.place_inherited or y.place_inherited))


def _toll_owner(merged: list[Candidate], c: Candidate) -> Candidate | None:
    """The riot, else the attack, of the same country and day that a toll belongs to, told at
    no other place (a toll the text splits by place is each place's own); of those, first one
    told with a toll of its own ("fired tear gas and live ammunition, killing three": the live
    fire), which a later toll of the day completes."""
    same_day = [m for m in merged if m.event.country == c.event.country and m.event.date == c.event.date
                and not _elsewhere(m, c)]
    same_day.sort(key=lambda m: not m.event.counts)
    for wanted in (("PROTEST", "riot"), ("ASSAULT", None)):
        for m in same_day:
            if m.event.type == wanted[0] and (wanted[1] is None and m.event.mode or m.event.mode == wanted[1]):
                return m
    return None


def _placed_once(merged: list[Candidate]) -> list[Candidate]:
    """One act told with two countries is one event (coding conventions: the same act told twice is one
    event; ``country`` is where it took place): a mention that does not tell its country and takes that of
    its own doers, or has no doer at all ("Militer Israel mengakui serangan itu", "the Russian military called
    the attack a precision strike"), is the act of the same type and days told before it with where it
    happened ("a strike on Deir al-Balah"), when nothing keeps them apart (``same_happening`` bar the country): a retelling looks back, and a
    mention told first without a place of its own is the story's act, not a retelling. Of several such
    acts, one of the same doer is taken first, then the nearest."""
    kept = [m for m in merged if not _doer_placed(m)]
    for m in sorted(merged, key=lambda m: m.pos):
        if not _doer_placed(m):
            continue
        told = [t for t in kept if t.pos < m.pos and t.country_told and t.event.country != m.event.country
                and _one_act_elsewhere(t, m)]
        if not told:
            kept.append(m)
            continue
        told.sort(key=lambda t: (not _shares_doer(t, m), m.pos - t.pos))
        into = told[0]
        # roles the mention only took by default are of its own country's people, not the act's
        m.event.actors = m.event.actors if m.explicit_actor else []
        m.event.targets = [] if m.default_target else m.event.targets
        where = into.event.place, into.event.location, into.place_kind, into.place_inherited
        _absorb(into, m)  # the act keeps the place its own mention told
        into.event.place, into.event.location, into.place_kind, into.place_inherited = where
    return kept


def _total_of_placed(c: Candidate, merged: list[Candidate]) -> bool:
    """A figure told for the whole country ("Secara nasional, Polri menyebut 3.862 orang diamankan",
    "more than 1,300 arrests across France") that holds a figure of the same kind told for one of its
    places by an act of the same type, mode and day ("mengamankan 1.192 orang di Jakarta") is the total of
    the acts told by place, not another act (coding conventions: each part goes on its own event and the
    total is not attached again). A bare figure, told with no doer of its own: a mention that names who
    acted tells an act ("its air force shot down five jets ... 31 people had been killed around the country")."""
    a = c.event
    return c.place_wide and not c.explicit_actor and bool(a.counts) and any(
        m is not c and not m.place_wide and m.event.place is not None and m.event.type == a.type
        and m.event.mode == a.mode and m.event.country == a.country and m.event.date == a.date
        and any(0 < v <= a.counts.get(k, 0) for k, v in m.event.counts.items())
        for m in merged)


def _doer_placed(c: Candidate) -> bool:
    """The mention takes its country from its own doers, or has none (see ``_placed_once``)."""
    return not c.country_told and all(_country_of(a) == c.event.country for a in c.event.actors)


def _shares_doer(x: Candidate, y: Candidate) -> bool:
    return bool({side_of(a) for a in x.event.actors} & {side_of(a) for a in y.event.actors})


def _one_act_elsewhere(told: Candidate, other: Candidate) -> bool:
    """``same_happening`` of two mentions whose countries differ, with no doer of one on another side."""
    return not _other_sides(told.event.actors, other.event.actors) and same_happening(told, other, any_country=True)


def merge_candidates(candidates: list[Candidate]) -> list[ExtractedEvent]:
    """The events of ``merged_candidates``."""
    return [m.event for m in merged_candidates(candidates)]


def merged_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """The distinct happenings among ``candidates``, in order of first mention.

    A toll without an attack of its own ("four people died") goes to the riot
    or attack of the same day; when that event already has a toll of that kind
    the figure is a detail of it (a subset, an earlier figure) and is dropped.
    """
    merged: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: c.casualty):
        owner = _toll_owner(merged, c) if c.casualty else None
        if owner is not None:
            for kind, value in c.event.counts.items():
                owner.event.counts.setdefault(kind, value)
            owner.mentions += 1
            continue
        twin = next((m for m in merged if same_happening(m, c)), None)
        if twin is None:
            merged.append(c)
        else:
            _absorb(twin, c)
    merged = _placed_once(merged)
    merged = [m for m in merged if not _total_of_placed(m, merged)]
    merged.sort(key=lambda m: m.pos)
    events = [m.event for m in merged]
    for e in events:
        e.actors = _officials_for_government(e.actors, e.country)
    _mobilized_against_rebels(events)
    _sanctioned_state(events)
    _answered(events)
    return merged


#: acts that answer an earlier one (a denial answers a charge, a refusal a demand) ...
ANSWER_TYPES = frozenset({"REJECT"})
#: ... of these types
ANSWERED_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN"})


def _answered(events: list[ExtractedEvent]) -> None:
    """A denial or refusal told without a target answers the charge or demand told before it
    against its actor: its target is the one who made that charge ("Ebrard rechazó que México
    haya intervenido" after the Peruvian charge against Mexico, "the foreign ministry denied the
    accusation" after the UN accused France)."""
    for i, e in enumerate(events):
        if e.type not in ANSWER_TYPES or e.targets or not e.actors:
            continue
        sides = {_country_of(a) or a for a in e.actors}
        charge = next((c for c in reversed(events[:i]) if c.type in ANSWERED_TYPES and c.actors
                       and any((_country_of(t) or t) in sides for t in c.targets)), None)
        if charge is not None:
            e.targets = [a for a in charge.actors if a not in e.actors]


#: acts of one state against another: a state does not take them against its own people, and
#: those the story tells without a target are against the state its other such acts target
STATE_AGAINST_STATE_TYPES = frozenset({"SANCTION"})
#: acts against one state the story must tell before an untargeted one is taken as against it too
MIN_SANCTIONS_TOLD = 2


def _sanctioned_state(events: list[ExtractedEvent]) -> None:
    """Sanctions by states: a sector of the sanctioning state itself is no target ("Ukraine recalled
    its charge d'affaires", "Japan is freezing the assets of people linked to ..."), and sanctions the
    story tells without a target ("la Suisse a repris les sanctions européennes") are against the
    one state its other sanctions target (at least ``MIN_SANCTIONS_TOLD`` of them)."""
    acts = [e for e in events if e.type in STATE_AGAINST_STATE_TYPES]
    for e in acts:
        own = {a for a in e.actors if _kind(a) == "country"}
        e.targets = [t for t in e.targets if not (_kind(t) == "sector" and t.split(":")[0] in own)]
    targeted = [t for e in acts for t in e.targets if _kind(t) == "country"]
    if len(set(targeted)) != 1 or len(targeted) < MIN_SANCTIONS_TOLD:
        return
    state = targeted[0]
    for e in acts:
        if not e.targets and e.actors and state not in e.actors and all(
                _kind(a) in ("country", "org") for a in e.actors):
            e.targets = [state]


#: types whose state forces, named with no one they are sent against, face the story's armed group
AGAINST_REBELS_TYPES = frozenset({"MOBILIZE"})
#: sectors that are the state's forces (or the government that sends them)
STATE_FORCES = frozenset({"military", "police", "government"})


def _mobilized_against_rebels(events: list[ExtractedEvent]) -> None:
    """Troops or police deployed in a country whose armed group the story names (an attack by
    the group, a deal with it) are deployed against that group: the deployment's target is the
    country's rebels ("aparat gabungan TNI-Polri melakukan pengejaran", "troops were deployed on the
    approaches to the capital" in a mutiny story, "Noboa decretó el estado de excepción" in a story
    of armed gangs). Without an armed group of that country the deployment keeps no target (a
    protest story's deployments are coded without one)."""
    armed = {x.split(":")[0] for e in events for x in e.actors + e.targets if x.endswith(":rebels")}
    for e in events:
        if e.type not in AGAINST_REBELS_TYPES or e.targets or not e.actors or e.country not in armed:
            continue
        if all(_kind(a) == "person" and person_country(a) in (None, e.country)
               or _kind(a) == "sector" and a.split(":") == [e.country, a.split(":")[1]] and a.split(":")[1] in STATE_FORCES
               for a in e.actors):
            e.targets = [f"{e.country}:rebels"]


def _officials_for_government(actors: list[str], country: str | None) -> list[str]:
    """A person and their own government among the actors are one party: the person acts
    ("la presidenta Dina Boluarte exigió al Congreso", "Perdana Menteri Mahinda Rajapaksa
    mengundurkan diri", "le maire a instauré un couvre-feu"). A person of unknown country
    stands for the government of the event's country."""
    persons = [a for a in actors if _kind(a) == "person"]
    if not persons:
        return actors
    theirs = {person_country(p) or country for p in persons}
    dropped = {a[:-len(":government")] for a in actors if a.endswith(":government") and a[:-len(":government")] in theirs}
    # the country named beside its government went with it ("LK", "LK:government" is the government)
    return [a for a in actors if not (a.endswith(":government") and a[:-len(":government")] in dropped) and a not in dropped]


def merge_events(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """``merge_candidates`` for plain events (all dates taken as equally reliable)."""
    return merge_candidates([Candidate(e, 0, 0) for e in events])
