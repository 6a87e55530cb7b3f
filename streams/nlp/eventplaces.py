"""Where an event happened: its place and country.

The scene of a trigger is a place of its clause or sentence (after "in",
"di", "en" first, then the most precise, then the nearest), not one that is
a subject ("Kyiv refused") or part of a name ("Aung San Suu Kyi"). Places in
a country the article never names are distrusted. Types that happen at a
scene (protests, attacks, arrests) take the article's main place when their
sentence names none; nationwide events have no place.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from itertools import accumulate

from streams.nlp.actors import ActorMention, seat_country
from streams.nlp.eventcontext import ArticleContext, between
from streams.nlp.fuzzy import fold
from streams.nlp.gazetteer import is_capital
from streams.nlp.mentions import PlaceMention
from streams.nlp.places import find_places
from streams.nlp.sentences import split_sentences
from streams.nlp.textutil import WORD_END, alternation, load_data
from streams.nlp.triggers import Trigger, _locative_pattern, find_triggers, in_group, is_declared, is_verbal, lexicon
from streams.records import Location

#: places of a country the article never names are used from this many mentions on
TRUSTED_MENTIONS = 3
#: characters between a town and the province it is in ("Malang, East Java", "Malang (East Java)")
APPOSITION_COMMA = 3
#: place kinds, most precise first
_PLACE_RANK = {"site": 0, "city": 1, "admin": 2}


#: how much more than a mention in the body a place in the title, or in the dateline, weighs
TITLE_WEIGHT, DATELINE_WEIGHT = 3, 3


def _country_scores(places: list[PlaceMention], title_places: list[PlaceMention] = (), filed: int = 0) -> Counter[str]:
    score: Counter[str] = Counter()
    for p in places:
        if p.location.country:
            score[p.location.country] += DATELINE_WEIGHT if p.start < filed else 1
    for p in title_places:
        if p.location.country:
            score[p.location.country] += TITLE_WEIGHT
    return score


def country_ranking(places: list[PlaceMention], title_places: list[PlaceMention] = (), filed: int = 0) -> list[str]:
    """Countries by how much the text is about them: title mentions and the dateline (the text
    before ``filed``: "BEYROUTH — ") weigh three."""
    score = _country_scores(places, title_places, filed)
    return [c for c, _ in sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))]


def trusted_places(text: str, lang: str, places: list[PlaceMention], primary: str | None,
                   names: list[ActorMention]) -> list[PlaceMention]:
    """Places fit to locate events: not part of a person's or body's name ("Aung San"
    in "Aung San Suu Kyi"), and in a country the article names or keeps coming back
    to, or introduced as a place ("met in New Delhi", "Desde Nueva York, el portavoz
    pidió"); a lone town abroad named otherwise is more often a word read as a name
    ("Massa", "Tak")."""
    score = _country_scores(places)
    named = {p.location.country for p in places if p.kind == "country"}
    trusted = {c for c, n in score.items() if n >= TRUSTED_MENTIONS} | named | {primary}
    in_name = _name_test(names)
    locative, origin = lexicon(lang).locative, _origin_pattern(lang)

    def introduced(p: PlaceMention) -> bool:
        """After "in", "di", "en" ...; or after "from", "desde", "depuis" fronting a statement ("Desde
        Nueva York, el portavoz pidió"), not a movement's origin ("dari Jalur Gaza ke front utara")."""
        before = text[max(0, p.start - 60):p.start]
        return bool(locative and locative.search(before)
                    or origin and text.startswith(",", p.end) and origin.search(before))

    return [p for p in places if not in_name(p) and (p.location.country in trusted or introduced(p))]


def _name_test(names: list[ActorMention]):
    """A test of whether a place mention lies inside the name of a person or a body of ``names``."""
    spans = sorted((a.start, a.end) for a in names if a.kind in ("person", "org"))
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # furthest end of the names so far

    def in_name(p: PlaceMention) -> bool:
        """Some name starting before the place's end ends after its start."""
        i = bisect_left(starts, p.end)
        return i > 0 and reach[i - 1] > p.start

    return in_name


def untrusted_capitals(places: list[PlaceMention], trusted: list[PlaceMention],
                       names: list[ActorMention]) -> list[PlaceMention]:
    """National capitals (a gazetteer property) that ``trusted_places`` left out: named once, of a
    country the article never names ("accused Moscow of", "Kiev a accusé Moscou"). They locate
    nothing, but a capital stands for its state's government as the subject or object of a speech
    act (``eventroles``); a capital's name is rarely some other word."""
    kept = {(p.start, p.end) for p in trusted}
    in_name = _name_test(names)
    return [p for p in places if p.kind == "city" and (p.start, p.end) not in kept and not in_name(p)
            and is_capital(p.location.name, p.location.country)]


def dominant_place(places: list[PlaceMention], country: str | None = None, filed: int = 0) -> PlaceMention | None:
    """The most mentioned place below country level (of ``country`` if given), or a town the
    text puts in it ("Malang, East Java") or names elsewhere ("East Java police ... the stadium in
    Malang regency": the most precise place); a place in the dateline (before ``filed``) counts twice."""
    local = [p for p in places if p.kind in _PLACE_RANK and (country is None or p.location.country == country)]
    if not local:
        return None
    names = Counter()
    for p in local:
        names[p.location.name] += 2 if p.start < filed else 1
    best = max(names.items(), key=lambda kv: kv[1])[0]
    # the most precise place: a province defers to a town the text puts in it ("Malang, East Java")
    inside = [a for a, b in zip(local, local[1:]) if b.location.name == best and b.kind == "admin"
              and a.kind != "admin" and 0 < b.start - a.end <= APPOSITION_COMMA]
    if not inside:
        province = next(p for p in local if p.location.name == best)
        inside = [p for p in local if province.kind == "admin" and province.admin and p.kind != "admin"
                  and p.location.country == province.location.country and p.admin == province.admin]
    if inside:
        best = max((a.location.name for a in inside), key=lambda name: names[name])
    return next(p for p in local if p.location.name == best)


#: characters of lower-case words between a place and one it names in apposition ("the South African capital Pretoria")
APPOSITION_GAP = 12


def after_locative(ctx: ArticleContext, place: PlaceMention) -> bool:
    """The place follows "in", "to", "di", "ke", "en"..., or stands in apposition to a
    place that does ("in the South African capital Pretoria", "in Kazakhstan's capital Astana"):
    it is where, not who."""
    found = ctx.after_locative.get(place.start)
    if found is None:
        locative = lexicon(ctx.lang).locative
        found = bool(locative and locative.search(ctx.text[max(0, place.start - 60):place.start]))
        if not found:
            i = bisect_left(ctx.places, place.start, key=lambda p: p.start)
            before = ctx.places[i - 1] if i > 0 else None
            gap = ctx.text[before.end:place.start].replace("'s ", " ").replace("’s ", " ") if before else ""
            found = (before is not None and len(gap) <= APPOSITION_GAP and gap.replace(" ", "").isalpha()
                     and gap.islower() and after_locative(ctx, before))
        ctx.after_locative[place.start] = found
    return found


@lru_cache(maxsize=1)
def _seats() -> frozenset[str]:
    """Folded names of governments' seats ("Kremlin", "Pentagon"; common places.json ``seats``)."""
    return frozenset(fold(name) for name in (load_data("common", "places") or {}).get("seats", []))


def _is_seat(ctx: ArticleContext, place: PlaceMention) -> bool:
    """A seat named without a locative: the government acting ("the Pentagon reported"), not a scene."""
    return fold(place.surface) in _seats() and not after_locative(ctx, place)


def _pick_place(ctx: ArticleContext, candidates: list[PlaceMention], pos: int) -> PlaceMention | None:
    """The scene among a clause's places: after "in"/"di"/"en" first, then the most
    precise, then the nearest; a city that is the subject ("Moscow and Kyiv signed")
    or a government's seat ("the Pentagon said") is an actor, not a scene; nor is a landmark another town
    is measured from ("40 km from Colombo")."""
    sub = [p for p in candidates if p.kind in _PLACE_RANK and p.start not in ctx.landmarks
           and not _is_subject(ctx, p, pos) and not _is_seat(ctx, p)]
    if not sub:
        return None
    return min(sub, key=lambda p: (not after_locative(ctx, p), _PLACE_RANK[p.kind], abs(p.start - pos)))


@lru_cache(maxsize=None)
def _listed(lang: str, name: str, key: str) -> re.Pattern | None:
    """The phrases of a list in ``data/<lang>/<name>.json`` as whole folded words: places.json
    ``destinations`` ("to", "hacia", "vers", "ke"), ``remote_talks`` ("phone", "llamada", "telepon"),
    ``press_venues`` ("news conference", "rueda de prensa"), ``quote_frames`` (verbs closing a quotation
    that events.json ``report_markers`` lacks: "katanya", "a-t-il déclaré"); events.json
    ``national_strikes`` ("general strike", "paro nacional", "mogok nasional")."""
    words = (load_data(lang, name) or {}).get(key, [])
    return re.compile(rf"(?<!\w)(?:{alternation([fold(w) for w in words], ' ')}){WORD_END}") if words else None


def _scene_candidates(ctx: ArticleContext, trig: Trigger, span: tuple[int, int], end: int) -> list[PlaceMention]:
    """The places of ``span`` that may be the scene: for a flight, not the refuge it went to
    ("300 warga Bilogai mengungsi ke ... Sugapa", "fled to Chad")."""
    places = between(ctx.places, *span)
    if not in_group("flight_types", trig.type, trig.mode):
        return places
    destination = _listed(ctx.lang, "places", "destinations")
    went = destination.search(ctx.folded, end, span[1]) if destination is not None else None
    return [p for p in places if went is None or p.start < went.start()]


def _remote_talk(ctx: ArticleContext, trig: Trigger, pos: int, end: int) -> bool:
    """A meeting held by phone or video ("spoke by phone", "sostuvo una llamada"): each side
    talks from where it is, so the call has no place."""
    remote = _listed(ctx.lang, "places", "remote_talks")
    return bool(in_group("meeting_types", trig.type) and remote and remote.search(ctx.folded, pos, end))


def caller_country(ctx: ArticleContext, trig: Trigger, pos: int, end: int, callers: list[ActorMention],
                   parties: list[ActorMention], last_person: ActorMention | None) -> str | None:
    """The country of a call between parties of two countries: the caller's, the subject named before
    it, else the last person named ("Ia mengaku telah berbicara melalui telepon dengan Menteri Luar Negeri
    Yordania"): each side talks from home, so the call is not in the country its topic names ("membahas
    bantuan ke wilayah utara Gaza"). None for a meeting in person, or when no party is of another country
    than the caller's (which side is which is then unknown)."""
    if not _remote_talk(ctx, trig, pos, end):
        return None
    caller = next(iter(callers), None) or last_person
    home = caller.country if caller is not None else None
    return home if home and any(a.country and a.country != home for a in parties) else None


#: characters before a town searched for the title of its government ("the mayor of", "Wali Kota")
LOCAL_TITLE_REACH = 40


@lru_cache(maxsize=None)
def _local_authority_patterns(lang: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    """(titles right after a town's name, titles right before it) of its own government (places.json
    ``local_authorities`` ``after``: "mayor", "administration"; ``before``: "alcalde de", "wali kota")."""
    words = (load_data(lang, "places") or {}).get("local_authorities", {})
    after, before = [fold(w) for w in words.get("after", [])], [fold(w) for w in words.get("before", [])]
    return (re.compile(rf"\s+(?:{alternation(after, ' ')}){WORD_END}") if after else None,
            re.compile(rf"(?<!\w)(?:{alternation(before, ' ')})\s+$") if before else None)


def _local_authority(ctx: ArticleContext, place: PlaceMention) -> bool:
    """The town names its own government ("the Lahore administration", "Cebu City Mayor", "el alcalde
    de Lima", "Wali Kota Medan"): what that government does is done there (a province's is not: its
    governor speaks anywhere in it)."""
    if place.kind != "city":
        return False
    after, before = _local_authority_patterns(ctx.lang)
    window = max(0, place.start - LOCAL_TITLE_REACH)
    title = before.search(ctx.folded[window:place.start]) if before else None
    return bool(after and after.match(ctx.folded, place.end) and not _former_before(ctx, place.start)
                or title and not _former_before(ctx, window + title.start()))


def _former_before(ctx: ArticleContext, start: int) -> bool:
    """The word before ``start`` says a title is past (places.json ``local_authorities`` ``former``: "the
    former Cebu City mayor", "l'ancien maire de", "mantan Wali Kota")."""
    former = (load_data(ctx.lang, "places") or {}).get("local_authorities", {}).get("former", [])
    words = ctx.folded[max(0, start - 20):start].split()
    last = re.split(r"['’]", words[-1])[-1].strip("-") if words else ""  # "l'ancien": "ancien"
    return last in {fold(w) for w in former}


def _local_government_town(ctx: ArticleContext, span: tuple[int, int]) -> PlaceMention | None:
    """The first town of ``span`` (a statement's words before its verb) named as its own
    government ("Cebu City Mayor Ana Cruz appealed", "el alcalde de Lima exigió"): a local official
    speaks in their town."""
    return next((p for p in between(ctx.places, *span) if p.kind in _PLACE_RANK and _local_authority(ctx, p)), None)


def _is_subject(ctx: ArticleContext, place: PlaceMention, pos: int) -> bool:
    return place.end <= pos and not ctx.text[place.end:pos].strip() and not after_locative(ctx, place)


def pick_scene(ctx: ArticleContext, trig: Trigger, pos: int, sent: tuple[int, int],
               clause: tuple[int, int], end: int) -> tuple[PlaceMention | None, bool]:
    """(the place of a trigger at ``pos``..``end``, whether the clause says it is nationwide).

    Only types that happen at a scene take a place not introduced by a
    locative ("Almaty police", "the Odesa port was hit"); an admin area named
    that way defers to the town the paragraph put acts in, else to the article's
    town ("East Java police", "a indiqué la préfecture de Loire-Atlantique"). A meeting
    without a place in its sentence is at the article's scene; a call has none.
    A flight is not at the refuge it went to.
    """
    if _remote_talk(ctx, trig, pos, end):
        return None, False
    whole = sent
    if is_verbal(trig.type):
        # a speech act is where it was made: not at a place its object names ("condemned the attack in Beirut")
        clause, sent = (clause[0], min(clause[1], pos)), (sent[0], min(sent[1], pos))
    place = (_pick_place(ctx, _scene_candidates(ctx, trig, clause, end), pos)
             or _pick_place(ctx, _scene_candidates(ctx, trig, sent, end), pos))
    if place is not None and made_where_said(trig) and _in_target_named_before(ctx, pos, place):
        place = None  # "Pakistan closed its airspace to Indian airlines over the attack in Kashmir": the target's
    if is_verbal(trig.type) and (place is None or not after_locative(ctx, place)):
        place = (_spoken_from(ctx, between(ctx.places, *clause)) or _spoken_from_after(ctx, whole, end)
                 or _said_there_in_frame(ctx, whole, pos, end) or _press_event_in_filed_town(ctx, whole, pos)
                 or _local_government_town(ctx, (whole[0], pos)))
        if place is not None:
            return place, nationwide(ctx, clause)
    if place is not None and not after_locative(ctx, place):
        main = ctx.dominant_place
        if _locative_country_elsewhere(ctx, clause, place, pos):
            place = None  # "moved forces to its base in Djibouti to evacuate staff from Khartoum": where, not whence
        elif not in_group("scene_types", trig.type, trig.mode):
            # "accused Almaty's mayor", "Kyiv refused": named, not where it happened; a locative fronting the
            # sentence still is ("En Buenos Aires, ... ofreció enviar fuerzas si Quito lo solicita")
            # (a town or province: "stationnés au Niger ont quitté ..." names the country, not a place in it)
            # ... and so does a town named as the local government that acts ("the Lahore administration
            # imposed", "Cebu City Mayor Ana Cruz appealed", "el alcalde de Lima exigió")
            place = next((p for p in between(ctx.places, sent[0], pos)
                          if p.kind in _PLACE_RANK and (after_locative(ctx, p) or _local_authority(ctx, p))), None)
        elif place.kind == "admin" and (town := paragraph_scene(ctx, sent, place.location.country)):
            place = town  # "À Nantes, ... . Onze personnes ont été interpellées, a indiqué la préfecture de ..."
        elif place.kind == "admin" and main and main.kind != "admin" and main.location.country == place.location.country:
            place = main
    if place is None and is_declared(trig.type):
        place = _filed_from(ctx, sent, pos) or (
            (_seat_speaking(ctx, whole, pos) or _said_there_before(ctx, whole, pos)) if is_verbal(trig.type) else None)
    several = (place is not None and not in_group("per_place_types", trig.type, trig.mode)
               and _several_places(ctx, clause, place)) or _counted_areas(ctx, clause)
    wide = several or nationwide(ctx, clause) or (
        place is None and in_group("scene_types", trig.type, trig.mode)
        and (_country_only(ctx, sent) or _state_order(ctx, trig, (whole[0], pos)) or _unnamed_region(ctx, clause)))
    if wide:
        place = None
    if place is None and in_group("meeting_types", trig.type):
        place = ctx.scene
    return place, wide


def made_where_said(trig: Trigger) -> bool:
    """Speech acts, and the deeds a party declares that happen at no scene (a sanction, cutting
    ties): made where the party speaks, so places told after the trigger are their object's."""
    return is_verbal(trig.type) or (is_declared(trig.type) and not in_group("scene_types", trig.type, trig.mode))


def _in_target_named_before(ctx: ArticleContext, pos: int, place: PlaceMention) -> bool:
    """The place lies after the trigger in a country named between them ("suspended all trade with
    India ... the attack in Kashmir"): the country of what the act is aimed at, not where it was decided."""
    return place.start > pos and any(p.kind == "country" and p.location.country == place.location.country
                                     for p in between(ctx.places, pos, place.start))


def _after_origin(ctx: ArticleContext, place: PlaceMention) -> bool:
    """The place follows "from", "desde", "dari": where someone speaks from."""
    origin = _origin_pattern(ctx.lang)
    return bool(origin and origin.search(ctx.text[max(0, place.start - 60):place.start]))


@lru_cache(maxsize=None)
def _origin_pattern(lang: str) -> re.Pattern | None:
    """"from", "desde", "dari" ... before a place (places.json ``speech_origins``)."""
    return _locative_pattern((load_data(lang, "places") or {}).get("speech_origins", []))


def _spoken_from(ctx: ArticleContext, candidates: list[PlaceMention]) -> PlaceMention | None:
    """The town or seat a statement was made from ("in an address from the Kremlin, Putin
    accused", "Desde Moscú, Medvédev advirtió", "Dari Jakarta, Kemlu mengecam"): the
    nearest one before the speech act after "from"."""
    return next((p for p in reversed(candidates) if p.kind in _PLACE_RANK and _after_origin(ctx, p)), None)


#: the most words between a speech act and the "from" that says where it was made ("accused on
#: Saturday from Kinshasa", "exhortó el jueves desde Lima")
ORIGIN_AFTER_WORDS = 3
#: the most words between a speech act and the place of the press event it was made at ("warned at a
#: news conference in Abuja", "exigió este martes en rueda de prensa en Caracas")
VENUE_AFTER_WORDS = 8


def _spoken_from_after(ctx: ArticleContext, sent: tuple[int, int], end: int) -> PlaceMention | None:
    """The town a statement was made from when "from" follows its verb ("a accusé samedi depuis
    Kinshasa le Rwanda", "exhortó desde Lima a las autoridades", "urged from Kyiv"): the first
    place after the verb, when only "from" and a few words (a day, a time) stand between them; or
    the town of the press event it was made at ("warned at a news conference in Abuja", "exigió
    este martes en rueda de prensa en Caracas")."""
    after = [p for p in between(ctx.places, end, sent[1]) if p.kind in _PLACE_RANK]
    if not after:
        return None
    gap = ctx.text[end:after[0].start]
    words = len(gap.split())
    origin, venue = _origin_pattern(ctx.lang), _listed(ctx.lang, "places", "press_venues")
    if origin is not None and words <= ORIGIN_AFTER_WORDS + 1 and origin.search(gap):
        return after[0]
    if venue is not None and words <= VENUE_AFTER_WORDS and venue.search(fold(gap)) and after_locative(ctx, after[0]):
        return after[0]
    return None


def _press_event_in_filed_town(ctx: ArticleContext, sent: tuple[int, int], pos: int) -> PlaceMention | None:
    """The dateline's town, for a statement its sentence says was made at a press event it names
    no other town for ("lors d'un point de presse tenu en fin de journée", "katanya pada sidang media
    bersama", "dijo en su conferencia de prensa en Casa Rosada", "en rueda de prensa ... en el edificio
    Pignatelli de Zaragoza"): a press event the story does not place elsewhere was held where it was
    filed. None when the sentence puts something in a town or site besides the dateline's, or its
    speakers (named before the statement, outside quotes) are of another country or an armed group
    (a communiqué is not made where the story is filed)."""
    venue = _listed(ctx.lang, "places", "press_venues")
    if not ctx.lede or venue is None or not venue.search(ctx.folded, sent[0], sent[1]):
        return None
    speakers = [a for a in between(ctx.actors, sent[0], pos) if not any(q0 < a.start < q1 for q0, q1 in ctx.quotes)]
    if any(a.kind == "sector" and a.value == "rebels" for a in speakers):
        return None
    # a speaker of no known country ("katanya", "la portavoz") is of the story's
    homes = {a.country for a in speakers} - {None} or {ctx.primary_country}
    town = _filed_town_of(ctx, homes.pop()) if len(homes) == 1 else None
    if town is None or any(p.kind in ("city", "site") and p.location.name != town.location.name
                           and after_locative(ctx, p) for p in between(ctx.places, *sent)):
        return None
    return town


def _said_there_in_frame(ctx: ArticleContext, sent: tuple[int, int], pos: int, end: int) -> PlaceMention | None:
    """The town a reporting frame closing the statement's sentence puts the words in ("urged both
    governments to exercise restraint, his spokesman told reporters in New York", "condenó la violencia,
    dijo su canciller a periodistas en Madrid"): the first place after a locative past the frame's
    verb, when the speakers named before the statement all belong to its country (a quotation whose
    speaker is named elsewhere is not placed) and no deed happened there."""
    said = lexicon(ctx.lang).said
    frame = said.search(ctx.folded, end, sent[1]) if said is not None else None
    if frame is None:
        return None
    place = next((p for p in between(ctx.places, frame.end(), sent[1])
                  if p.kind in _PLACE_RANK and after_locative(ctx, p)), None)
    if place is None or _scene_of_deed(ctx, frame.start(), sent[1], place):
        return None
    homes = {a.country or (seat_country(a.value) if a.kind == "org" else None)
             for a in between(ctx.actors, sent[0], pos)}
    return place if homes - {None} == {place.location.country} else None


def _seat_speaking(ctx: ArticleContext, sent: tuple[int, int], pos: int) -> PlaceMention | None:
    """A government's seat named before a statement as the one making it ("the
    Kremlin said", "difundido por la Casa Blanca", "Wisma Putra dalam kenyataan ... mengutuk"):
    the statement was made in the seat's city. None when someone of another country is named
    between the seat and the act, or is its agent ("the Kremlin's claims were rejected by Kyiv")."""
    seat = next((p for p in reversed(between(ctx.places, sent[0], pos)) if fold(p.surface) in _seats()), None)
    if seat is None:
        return None
    country = seat.location.country
    if any(a.country and a.country != country for a in between(ctx.actors, seat.end, pos)):
        return None
    agent, by = lexicon(ctx.lang).agent, next(iter(between(ctx.actors, pos + 1, sent[1])), None)
    if by is not None and by.country != country and agent and agent.search(ctx.folded[pos:by.start]):
        return None
    return seat


def _said_there_before(ctx: ArticleContext, sent: tuple[int, int], pos: int) -> PlaceMention | None:
    """A statement whose sentence names no new person (its speaker is "he", "ia", "il", or one the
    paragraph already named) goes on from the sentences before it in its paragraph: where they have
    someone speak from ("in an address from the Kremlin, Putin accused ... . 'Those who ...,' he
    said"; "Putin berpidato di Lapangan Katedral, Kremlin. Ia memuji ..."), it was said there, or at
    the town they went to after; else at the last town they put someone in ("chaired a meeting in
    Colombo. The leaders demanded ...", "O'Brien, yang berada di Tbilisi, ... O'Brien memperingatkan")."""
    start = ctx.text.rfind("\n", 0, sent[0]) + 1
    if _new_person(ctx, start, sent):
        return None
    before = [p for p in between(ctx.places, start, sent[0]) if p.kind in _PLACE_RANK]
    origin = _spoken_from(ctx, before)
    if origin is not None:
        # ... or where they went after ("qui avait qualifié depuis Marseille ..., a réuni ... à Paris")
        place = next((p for p in reversed(before) if p.start > origin.start and p.kind != "admin"
                      and after_locative(ctx, p)), origin)
    else:
        place = next((p for p in reversed(before) if p.kind != "admin" and after_locative(ctx, p)), None)
        if place is not None and _scene_of_deed(ctx, start, sent[0], place):
            return None  # "Police fired tear gas in Bangkok. 'This is unacceptable,' he said": where they fired
    return None if place is None or _speaker_abroad(ctx, (sent[0], pos), place) else place


def _scene_of_deed(ctx: ArticleContext, start: int, end: int, place: PlaceMention) -> bool:
    """The act ``place`` goes with (the nearest before it in its sentence, within ``start``..``end``, else
    the first after it) is a deed (a protest, an attack, an arrest): the place is where that happened,
    not where a speaker was ("attended a meeting convened by the speaker in Colombo" is a meeting)."""
    for a, b in split_sentences(ctx.text[start:end]):
        if start + a <= place.start < start + b:
            at = place.start - start - a
            hits = find_triggers(ctx.text[start + a:start + b], ctx.lang)
            act = next((h for h in reversed(hits) if h.end <= at), None) or next(iter(hits), None)
            return act is not None and in_group("scene_types", act.trigger.type, act.trigger.mode)
    return False


def _new_person(ctx: ArticleContext, paragraph: int, sent: tuple[int, int]) -> bool:
    """The sentence names someone, outside a quotation, its paragraph has not named before it: a new
    speaker, who may be anywhere (a person named in a quotation, "« c'est celle du président Poutine »,
    a-t-il affirmé", is not its speaker)."""
    named = {a.value for a in between(ctx.actors, paragraph, sent[0]) if a.kind == "person"}
    return any(a.kind == "person" and a.value not in named and not any(q0 < a.start < q1 for q0, q1 in ctx.quotes)
               for a in between(ctx.actors, *sent))


def _speaker_abroad(ctx: ArticleContext, before: tuple[int, int], place: PlaceMention) -> bool:
    """A body of another country than the place's is named before the statement, as its speaker
    ("... di Jenewa mendesak Prancis. Kementerian Luar Negeri Prancis membantah"): it speaks from home."""
    return any(a.kind != "person" and a.country and a.country != place.location.country
               and not any(q0 < a.start < q1 for q0, q1 in ctx.quotes) for a in between(ctx.actors, *before))


def said_there_after(ctx: ArticleContext, sent: tuple[int, int], country: str | None) -> PlaceMention | None:
    """A statement the next sentence of its paragraph tells again with where it was said ("Gold Apollo
    denied making them. 'It is not our product,' its founder told reporters at its office in New
    Taipei"; "menyebut peluncuran itu pelanggaran. '...,' kata Hayashi di Tokyo"), or, when it ends
    its paragraph, the quotation opening the next one: the town or site that sentence puts its words
    in, when it is in the speaker's country and no deed happened there."""
    if country is None:
        return None
    end = ctx.text.find("\n", sent[1])
    parts = split_sentences(ctx.text[sent[1]:len(ctx.text) if end < 0 else end])
    if parts:
        start, stop = sent[1] + parts[0][0], sent[1] + parts[0][1]
    elif (frame := _quote_opening_next_paragraph(ctx, sent)) is not None:
        start, stop = frame
    else:
        return None
    said, frame = lexicon(ctx.lang).said, _listed(ctx.lang, "places", "quote_frames")
    if not any(pattern is not None and pattern.search(ctx.folded, start, stop) for pattern in (said, frame)):
        return None
    place = next((p for p in between(ctx.places, start, stop) if p.kind in _PLACE_RANK and after_locative(ctx, p)), None)
    if place is None or place.location.country != country or _scene_of_deed(ctx, start, stop, place):
        return None
    return place


def _quote_opening_next_paragraph(ctx: ArticleContext, sent: tuple[int, int]) -> tuple[int, int] | None:
    """For a statement ending its paragraph, the frame closing a quotation that opens the next one
    ("Ia juga meminta seluruh bupati ... . ¶ "Kami menghormati proses hukum. ...," kata Ilham di
    Makassar, Kamis"; "menggesa kerajaan negeri ... . ¶ "...," katanya ketika ditemui pemberita di Kota
    Kinabalu"): the span from the quotation's end to the end of its sentence, when that frame names no
    person the statement's paragraph has not (the same speaker tells the words again)."""
    start = len(ctx.text) - len(ctx.text[sent[1]:].lstrip())
    if "\n" not in ctx.text[sent[1]:start]:
        return None
    quote = next(((a, b) for a, b in ctx.quotes if a == start), None)
    if quote is None:
        return None
    end = ctx.text.find("\n", quote[1])
    stop = next((quote[1] + b for _, b in split_sentences(ctx.text[quote[1]:len(ctx.text) if end < 0 else end])), quote[1])
    paragraph = ctx.text.rfind("\n", 0, sent[0]) + 1
    named = {a.value for a in between(ctx.actors, paragraph, sent[1]) if a.kind == "person"}
    if any(a.kind == "person" and a.value not in named for a in between(ctx.actors, quote[1], stop)):
        return None
    return quote[1], stop


def paragraph_scene(ctx: ArticleContext, sent: tuple[int, int], country: str | None) -> PlaceMention | None:
    """The one town or site the sentences before a deed in its paragraph put acts in ("À Nantes, des
    vitrines ont été brisées. Onze personnes ont été interpellées"): the deed, naming no place, goes on
    there rather than at the story's main town. None when they name several (which one is unsaid)."""
    start = ctx.text.rfind("\n", 0, sent[0]) + 1
    towns = [p for p in between(ctx.places, start, sent[0])
             if p.kind in ("city", "site") and p.location.country == country and after_locative(ctx, p)]
    return towns[-1] if len({p.location.name for p in towns}) == 1 else None


#: deeds a government orders for the whole country when it names no place ("Pemerintah mengerahkan 45.000 polisi")
STATE_ORDERED_TYPES = frozenset({"MOBILIZE"})


def _state_order(ctx: ArticleContext, trig: Trigger, sent: tuple[int, int]) -> bool:
    """A deployment the government, named before it, orders without naming where ("el presidente firmó
    el decreto ... y ordena a las Fuerzas Armadas", "the government deployed 45,000 police"): a
    national act, not one at the story's main town."""
    return trig.type in STATE_ORDERED_TYPES and any(
        a.kind == "sector" and a.value == "government" for a in between(ctx.actors, *sent))


#: words between two places of a list besides a joiner: a locative repeated ("à Paris et à Lyon")
_LIST_GAP = re.compile(r"[\s,;]*")


def _list_link(ctx: ArticleContext, a: PlaceMention, b: PlaceMention) -> str | None:
    """How two places follow each other in a list: "comma", "joiner" (and, y, et, dan), or None."""
    gap = ctx.text[a.end:b.start]
    if _LIST_GAP.fullmatch(gap):
        return "comma" if "," in gap else None
    words = fold(gap).strip(" ,;")
    joiner = lexicon(ctx.lang).joiner
    locative = lexicon(ctx.lang).locative
    if joiner is None:
        return None
    m = joiner.match(words)
    if m is None or words[m.end():m.end() + 1] not in ("", " "):
        return None
    rest = words[m.end():].strip()
    return "joiner" if not rest or (locative and len(rest.split()) == 1 and locative.search(rest + " ")) else None


def _several_places(ctx: ArticleContext, clause: tuple[int, int], place: PlaceMention) -> bool:
    """The place is one of several the clause lists for one act ("ordered the army into Punjab and
    Khyber Pakhtunkhwa", "en Tumbes, Piura, Cajamarca, Amazonas y Loreto", "di Kolombo dan kota-kota
    lain"): the act has no single place. Two places a bare comma apart are a town and its province
    ("Malang, East Java"), not a list."""
    after = fold(ctx.text[place.end:min(clause[1], place.end + 40)]).lstrip(" ,")
    other = _other_places_pattern(ctx.lang)
    if other is not None and other.match(after):
        return True
    places = [p for p in between(ctx.places, *clause) if p.kind in _PLACE_RANK]
    if place not in places:
        return False
    i = places.index(place)
    links = []
    j = i
    while j > 0 and (link := _list_link(ctx, places[j - 1], places[j])):
        links.append(link)
        j -= 1
    j = i
    while j + 1 < len(places) and (link := _list_link(ctx, places[j], places[j + 1])):
        links.append(link)
        j += 1
    return "joiner" in links or len(links) >= 2


@lru_cache(maxsize=None)
def _other_places_pattern(lang: str) -> re.Pattern | None:
    """"and other cities", "dan kota-kota lain" right after a place (places.json ``other_places``)."""
    words = (load_data(lang, "places") or {}).get("other_places", [])
    return re.compile(rf"(?:{alternation([fold(w) for w in words], ' ')}){WORD_END}") if words else None


@lru_cache(maxsize=None)
def _counted_areas_pattern(lang: str) -> re.Pattern | None:
    """A number before a plural noun of towns or provinces ("15 provinces", "di 15 provinsi";
    places.json ``area_nouns``)."""
    words = (load_data(lang, "places") or {}).get("area_nouns", [])
    return re.compile(rf"(?<![\w.,])(?:[2-9]|[1-9]\d+)\s+(?:{alternation([fold(w) for w in words], ' ')}){WORD_END}") if words else None


def _counted_areas(ctx: ArticleContext, clause: tuple[int, int]) -> bool:
    """The clause spreads the act over a number of towns or provinces ("Toque de queda en 15
    provincias", "protests in 12 cities"): no single place, unless it names one they are in
    after them ("menyerang tiga desa di Kabupaten Nduga": the regency)."""
    pattern = _counted_areas_pattern(ctx.lang)
    found = pattern.search(ctx.folded, clause[0], clause[1]) if pattern is not None else None
    return found is not None and not any(p.kind in _PLACE_RANK for p in between(ctx.places, found.end(), clause[1]))


def statements_at_filed_meeting(ctx: ArticleContext, candidates: list) -> None:
    """Place the statements made at the meeting a story was filed from ("JEDDAH - Ukraine agreed ...
    after talks in Jeddah ... . He urged Moscow to accept the truce", "MAGELANG - Prabowo dan Marles
    menandatangani ... . Marles memuji peran Prabowo"): a speech act with no place of its own, told on the
    day of a meeting a sentence puts in the dateline's town, by a person at that table (a party to one
    of that day's meetings there, or named in its sentence), was made there, in that town's country,
    though the speaker is a visitor from abroad (conventions: a statement is placed where it was made).
    ``candidates`` are the article's unmerged ``Candidate``; their events are changed in place."""
    for town in ctx.filed_towns:
        _statements_at_meeting_in(ctx, candidates, town)


def _statements_at_meeting_in(ctx: ArticleContext, candidates: list, town: PlaceMention) -> None:
    """``statements_at_filed_meeting`` for one town of the dateline."""
    there = [c for c in candidates if in_group("meeting_types", c.event.type) and c.event.place == town.location.name]
    days = {c.event.date for c in there if _names_place(ctx, c, town)}
    meetings = [c.event for c in there if c.event.date in days]
    if not meetings:
        return
    persons = {a.value for a in ctx.actors if a.kind == "person"}
    for c in candidates:
        e = c.event
        if e.place is not None or c.place_wide or not is_verbal(e.type):
            continue
        speakers = [a for a in e.actors if a in persons]
        if any(m.date == e.date and any(s in m.actors or s in m.evidence for s in speakers) for m in meetings):
            loc = town.location
            e.place, e.country = loc.name, loc.country
            e.location = Location(loc.name, loc.country, loc.lat, loc.lon, loc.geonames_id)
            c.place_kind = town.kind


def _names_place(ctx: ArticleContext, candidate, town: PlaceMention) -> bool:
    """The candidate's own sentence puts it in ``town`` after "in", "di", "en"... ("talks in the Saudi
    city of Jeddah"; not "his march on Moscow", nor the story's scene lent to a meeting told without a place)."""
    evidence = candidate.event.evidence
    start = ctx.text.find(evidence, max(0, candidate.pos - len(evidence)))
    return start >= 0 and any(p.location.name == town.location.name and after_locative(ctx, p)
                              for p in between(ctx.places, start, start + len(evidence)))


def dateline_towns(text: str, places: list[PlaceMention], filed: int) -> list[PlaceMention]:
    """The towns the dateline (the text before ``filed``) names: every one of a wire story's
    ("CAIRO/KHARTOUM, April 20 - ", "NEW DELHI/ISLAMABAD"), each the town of its own side's words;
    taken from the article's places, so a small town of a country only the body names is one
    ("SUARA-PAPUA.EXAMPLE, ILAGA - "). A dateline naming no city names a city that is its own
    province or territory ("LABUAN: "); a place in the publisher's name in brackets ("(Mekong
    Wire)") is none."""
    named = [p for p in places if p.end <= filed and text.count("(", 0, p.start) == text.count(")", 0, p.start)]
    return [p for p in named if p.kind == "city"] or [p for p in named if p.kind == "admin"]


def _filed_town_of(ctx: ArticleContext, country: str | None) -> PlaceMention | None:
    """The dateline's town in ``country``, if it names one."""
    return next((t for t in ctx.filed_towns if t.location.country == country), None) if ctx.lede else None


def _filed_from(ctx: ArticleContext, sent: tuple[int, int], pos: int) -> PlaceMention | None:
    """The dateline's town, for a statement or decision told in the sentence right after it
    by a speaker of that town's country ("LIMA.- La presidenta exigió", "WASHINGTON - President
    Biden announced sanctions", "MANILA: Filipina memanggil"): the story was filed where it was made.
    A speaker the actor finder does not know ("WASHINGTON - The Treasury Department on Thursday imposed
    sanctions") is a body of the town's country when the dateline names one town only."""
    if not ctx.lede or not sent[0] <= ctx.lede < sent[1] or not ctx.filed_towns:
        return None
    # the first actor named speaks; one of no known country ("La presidenta Dina Boluarte") is of the story's
    speaker = next(iter(between(ctx.actors, ctx.lede, pos)), None)
    if speaker is None:
        return ctx.filed_towns[0] if len(ctx.filed_towns) == 1 else None
    if speaker.kind == "sector" and speaker.value == "rebels":
        return None  # an armed group's communiqué ("El ELN advirtió en un comunicado") is not made where the story is filed
    country = speaker.country or (ctx.primary_country if speaker.kind in ("person", "sector") else None)
    return _filed_town_of(ctx, country)


@lru_cache(maxsize=None)
def _seat_city(code: str) -> PlaceMention | None:
    """The city of an international body's headquarters (common organisations.json ``seat_cities``)."""
    city = (load_data("common", "organisations") or {}).get("seat_cities", {}).get(code)
    return next((p for p in find_places(city, "en") if p.kind == "city"), None) if city else None


def body_seat(actors: list[ActorMention], country: str | None) -> PlaceMention | None:
    """The headquarters' city of an international body that speaks or sanctions where the text names
    no place ("the EU welcomed the release", "Les Vingt-Sept ont adopté des sanctions": Brussels), when
    the event is placed in that city's country."""
    return next((seat for a in actors if a.kind == "org" and (seat := _seat_city(a.value)) is not None
                 and seat.location.country == country), None)


def _locative_country_elsewhere(ctx: ArticleContext, clause: tuple[int, int], place: PlaceMention, pos: int) -> bool:
    """The clause names, after "in"/"to"/"di", a country other than that of ``place`` (a
    place it does not introduce with one), nearer the trigger at ``pos`` than the place: the act
    is there ("moved forces to its base in Djibouti to evacuate staff from Khartoum"). A country
    told further on is the object of a later phrase ("rassemblés devant la base militaire française
    de Niamey, ... scandant des slogans hostiles à la France"): the town is still the scene."""
    reach = _distance(place, pos)
    return any(p.kind == "country" and p.location.country != place.location.country and after_locative(ctx, p)
               and not _is_demonym(ctx.lang, p) and _distance(p, pos) < reach for p in between(ctx.places, *clause))


def _distance(place: PlaceMention, pos: int) -> int:
    """Characters between a place and the trigger at ``pos``."""
    return place.start - pos if place.start >= pos else max(0, pos - place.end)


def event_country(ctx: ArticleContext, trig: Trigger, place: PlaceMention | None, actors: list[ActorMention],
                  pos: int, clause: tuple[int, int]) -> str | None:
    """Where it happened: the place's country; for speech acts and sanctions the
    speaker's; for deeds the country named after "in"/"to" nearest in the clause
    ("En Syrie voisine, ... blessés", "moved forces to Djibouti"; not a demonym:
    "rallied against the Russian law"), but not for a sanction, whose "to" is its
    target's ("ship crude oil to China"); else the article's main country."""
    if place is not None:
        return place.location.country
    country = None
    if is_declared(trig.type):
        # a body without a country speaks from its seat ("the EU imposed sanctions": Brussels)
        country = next((c for c in (a.country or (seat_country(a.value) if a.kind == "org" else None)
                                    for a in actors) if c), None)
    if country is None and not is_verbal(trig.type):
        # a sanction's "to" after it names its target ("ship crude oil to China"), not where it was decided
        told = (clause[0], pos) if made_where_said(trig) else clause
        named = [p for p in between(ctx.places, *told)
                 if p.kind == "country" and after_locative(ctx, p) and not _is_demonym(ctx.lang, p)]
        nearest_named = min(named, key=lambda p: p.start - pos if p.start >= pos else pos - p.end, default=None)
        country = nearest_named.location.country if nearest_named else None
        if country is None:
            # the towns or provinces an act without a single place covers ("en Tumbes, Piura y Loreto")
            local = {p.location.country for p in between(ctx.places, *told)
                     if p.kind in _PLACE_RANK and after_locative(ctx, p)}
            country = local.pop() if len(local) == 1 else None
    return country or ctx.primary_country


@lru_cache(maxsize=None)
def _demonyms(lang: str) -> frozenset[str]:
    """Folded demonyms of ``lang`` (places.json ``demonyms``: "Russian", "russes")."""
    return frozenset(fold(w) for w in (load_data(lang, "places") or {}).get("demonyms", {}))


def _is_demonym(lang: str, place: PlaceMention) -> bool:
    """The country is named by an adjective ("the Russian law"), which says whose, not where."""
    return fold(place.surface) in _demonyms(lang)


def nationwide(ctx: ArticleContext, clause: tuple[int, int]) -> bool:
    """The clause says the event covers the whole country ("across the country")."""
    found = ctx.nationwide.get(clause)
    if found is None:
        wide = lexicon(ctx.lang).nationwide
        found = ctx.nationwide[clause] = bool(wide and wide.search(ctx.folded[clause[0]:clause[1]])) or (
            _country_is_the_scene(ctx, clause)) or _national_strike(ctx, clause)
    return found


def _national_strike(ctx: ArticleContext, clause: tuple[int, int]) -> bool:
    """The clause tells a general or national strike ("su tercer paro general contra el gobierno") and
    puts nothing in a town or province: an act of the whole country ("marcharon en Bogotá en la jornada
    del paro nacional" is a march in Bogotá)."""
    pattern = _listed(ctx.lang, "events", "national_strikes")
    return bool(pattern and pattern.search(ctx.folded, clause[0], clause[1])) and not any(
        p.kind in _PLACE_RANK and after_locative(ctx, p) for p in between(ctx.places, *clause))


def _country_is_the_scene(ctx: ArticleContext, clause: tuple[int, int]) -> bool:
    """The clause spreads the act over a whole country ("blasts across Lebanon", "1.311 orang
    ditangkap di seluruh Prancis", "dans tout le Liban") and names no town or province: no place."""
    places = between(ctx.places, *clause)
    across = _across_pattern(ctx.lang)
    return across is not None and any(
        p.kind == "country" and not _is_demonym(ctx.lang, p) and across.search(ctx.text[max(0, p.start - 40):p.start])
        for p in places) and not any(p.kind in _PLACE_RANK for p in places)


@lru_cache(maxsize=None)
def _across_pattern(lang: str) -> re.Pattern | None:
    """"across", "di seluruh", "dans tout le" right before a country (places.json ``across_country``)."""
    words = (load_data(lang, "places") or {}).get("across_country", [])
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?i:{alternation(words, ' ')})\s*$")


@lru_cache(maxsize=None)
def _unnamed_region_pattern(lang: str) -> re.Pattern | None:
    """"in the south", "di selatan", "dans le nord" (places.json ``unnamed_regions``), not of a town
    ("in the south of the city", "di selatan kota": ``town_parts``)."""
    data = load_data(lang, "places") or {}
    words, towns = data.get("unnamed_regions", []), data.get("town_parts", [])
    if not words:
        return None
    town = rf"(?!\s+(?:{alternation([fold(w) for w in towns], ' ')})(?!\w))" if towns else ""
    return re.compile(rf"(?<!\w)(?:{alternation([fold(w) for w in words], ' ')})(?![\w-]){town}")


def _unnamed_region(ctx: ArticleContext, clause: tuple[int, int]) -> bool:
    """The clause puts the act in a part of the country it does not name ("fled their villages in the
    south", "meninggalkan kampung halaman mereka di selatan"): not at the story's main town."""
    pattern = _unnamed_region_pattern(ctx.lang)
    return bool(pattern and pattern.search(ctx.folded, clause[0], clause[1]))


def _country_only(ctx: ArticleContext, sent: tuple[int, int]) -> bool:
    """The sentence names the story's country itself and no town or province in it: the act
    is told at the country's level ("blasts rocked Lebanon"), not at the story's main town."""
    places = between(ctx.places, *sent)
    return any(p.kind == "country" and p.location.country == ctx.primary_country and not _is_demonym(ctx.lang, p)
               and not _qualifies_actor(ctx, p) for p in places) and not any(p.kind in _PLACE_RANK for p in places)


#: characters between a sector and the country that qualifies it ("polisi Jerman", "la police française")
QUALIFIER_GAP = 2


def _qualifies_actor(ctx: ArticleContext, place: PlaceMention) -> bool:
    """The country says whose, not where: it qualifies the body named right before it ("polisi
    Jerman", "Pemerintah Malaysia") or after it ("Lebanon's health ministry")."""
    if ctx.text.startswith(("'s", "’s"), place.end):
        return True
    return any(a.kind == "sector" and 0 <= place.start - a.end <= QUALIFIER_GAP
               for a in between(ctx.actors, max(0, place.start - 40), place.start))
