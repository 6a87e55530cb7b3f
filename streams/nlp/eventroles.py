"""Who acts and on whom in one event: actor mentions cast as actors and targets.

The mentions just before a trigger in its clause are its actors, those just
after its targets (with the ones joined to them by "and" or a comma); the
passive voice and agent phrases ("were detained by police", "a deployment by
the CSTO") swap them; a speech act without a named speaker goes to the last
person named. Codes follow the eval notation (``actors.ActorMention.code``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from streams.nlp.actors import (ActorMention, adjectives_follow_nouns, conjunctions, demonym_words, organisation_codes,
                               person_country, placed_by, prepositions, speech_verbs, title_sectors, toll_nouns)
from streams.nlp.eventcontext import ArticleContext, between
from streams.nlp.fuzzy import fold
from streams.nlp.textutil import WORD_END, alternation, load_data
from streams.nlp.triggers import TriggerHit, is_declared, is_passive, is_verbal, lexicon, plover_group, plover_list

#: characters after a closing quote searched for its speaker ('"...," said Oleg Nikolenko')
SPEAKER_REACH = 80


def _side_actors(mentions: list[ActorMention], text: str, before: bool, lang: str) -> list[ActorMention]:
    """The nearest actor on one side of a trigger, with those joined to it by "and" or a comma.
    A comma and an article ("Italia, el Reino Unido, Canadá y Estados Unidos") continue a list
    only one that "and" closes: after a fronted phrase ("entre el gobierno y el FMI, los
    manifestantes reclamaban") they start the clause. A country in the genitive before a body
    of its own ("Sri Lanka's parliament") is that body's owner: the body stands for both."""
    if not mentions:
        return []
    joiner = lexicon(lang).joiner
    ordered = list(reversed(mentions)) if before else list(mentions)
    kinds = []  # how each next mention is joined: "plain", "joiner", "article" or None (not at all)
    owners = []  # countries in the genitive before their own body
    for prev, nxt in zip(ordered, ordered[1:]):
        a, b = (nxt, prev) if before else (prev, nxt)
        raw = fold(text[a.end:b.start])
        gap = raw.strip(" ,")
        if not gap or (gap in _HYPHENS and a.kind == b.kind == "sector"):  # "TNI-Polri", not "Aljazair-Maroko"
            kinds.append("plain")
        elif gap == _POSSESSIVE and a.kind == "country" and b.kind == "sector" and b.country == a.value:
            kinds.append("plain")
            owners.append(a)
        elif joiner and joiner.fullmatch(gap):
            kinds.append("joiner")
        elif "," in raw and gap in _ARTICLES:
            kinds.append("article")
        else:
            kinds.append(None)
    if None in kinds:
        kinds = kinds[:kinds.index(None)]
    group = [ordered[0]]
    for i, (k, nxt) in enumerate(zip(kinds, ordered[1:])):
        # "and" stands before the last member: nearer the trigger before it, farther after it
        if k == "article" and "joiner" not in (kinds[:i] if before else kinds[i + 1:]):
            break
        group.append(nxt)
    return [m for m in group if m not in owners]


#: ``actors.json`` lists of prepositions that put a country inside the phrase of the party before it
#: ("Russian troops in Syria", "the ambassador to the United States"): no party of its own
_QUALIFYING_PREPOSITIONS = ("locative_prepositions", "domain_prepositions")


def codes(mentions: list[ActorMention], country: str | None) -> list[str]:
    """Eval codes of ``mentions``, once each; sectors without a country take ``country``."""
    out: list[str] = []
    for m in mentions:
        code = m.code(country)
        if code and code not in out:
            out.append(code)
    return out


def default_actor(sector: str, country: str | None) -> list[str]:
    """A trigger's default sector as a one-code list ("KZ:police"), if both are known."""
    return [f"{country}:{sector}"] if sector and country else []


def roles(ctx: ArticleContext, hit: TriggerHit, pos: int, end: int, clause: tuple[int, int],
           last_person: ActorMention | None,
           verbs: list[tuple[int, int]] = ()) -> tuple[list[ActorMention], list[ActorMention]]:
    """(actors, targets) of a trigger: the mentions just before and just after it in its clause.
    ``verbs`` are the spans of the sentence's other triggers: the object of one of them is no
    speaker of a later speech act (``_object_of_earlier_verb``)."""
    trig = hit.trigger
    mentions = between(ctx.actors, *clause)
    before = [a for a in mentions if a.end <= pos]
    subjects = [a for a in before if not _object_of_earlier_clause(ctx, a, pos)]
    if subjects or not trig.needs_actor:
        before = subjects  # an act that needs an actor keeps the names it has (its subject may be unnamed)
    before = [a for i, a in enumerate(before) if not (i and a.kind == "country" and any(
        placed_by(ctx.folded, ctx.lang, before[i - 1].end, a.start, key) for key in _QUALIFYING_PREPOSITIONS))]
    if not is_verbal(trig.type):
        before = [] if _counted_by_toll(ctx, pos, clause) else _after_reporter(ctx, before, pos)
    after = [a for a in mentions if a.start > pos and not _reports_after(ctx, end, a)]  # also in a gap ("held ... responsible")
    actors = _side_actors(before, ctx.text, True, ctx.lang)
    if before and not is_verbal(trig.type) and _participle_adjunct(ctx, pos, end):
        # "police fired on the crowd, killing three": police; "... because the crowd turned violent,
        # attacking officers": the crowd, the subject of the clause the adjunct hangs on
        subordinators = _subordinators(ctx.lang)
        opened = [m.end() for m in subordinators.finditer(ctx.folded, before[0].start, pos)] if subordinators else []
        own = [a for a in before if a.start >= opened[-1]] if opened else before
        actors = _side_actors(own or before, ctx.text, False, ctx.lang)
    targets = _side_actors(after, ctx.text, False, ctx.lang)[:2]
    agent = lexicon(ctx.lang).agent
    by_agent = bool(targets and agent and agent.search(ctx.folded[end:targets[0].start]))
    passive = (trig.passive and not _perfect_active(ctx, pos, end, clause)) or _passive(ctx, pos, end, clause, is_verbal(trig.type))
    if passive:
        # "63 people had been detained (by police)", "ditembak kelompok bersenjata": the subject
        # suffers, the agent acts
        actors, targets = (targets if by_agent or _bare_agent(ctx, end, targets) else []), actors
    elif by_agent:
        actors, targets = targets, actors  # "a deployment by the CSTO"
    if not actors and not passive and after and _doer_adjective(ctx, trig, end, after[0]):
        actors, targets = [after[0]], [t for t in targets if t is not after[0]]  # "los bombardeos rusos"
    if trig.type in _FORCES_MOBILIZED:
        actors, targets = _forces_act(actors, targets, _FORCES_MOBILIZED[trig.type])
    if not actors and is_declared(trig.type) and not passive:
        actors = _city_as_subject(ctx, pos, clause)  # "Moscow said", "Bruxelles a adopté"
    if is_verbal(trig.type) and passive:
        # "Khan is accused of ...", "X was criticised by Y": the person named before is the
        # target; only an agent, or the speaker of a quotation, speaks
        quote = next(((a, b) for a, b in ctx.quotes if a < pos < b), None)
        speaker = _quote_speaker(ctx, quote, last_person) if quote and not actors else None
        if speaker is not None and speaker not in targets:
            actors = [speaker]
    elif is_verbal(trig.type):
        quote = next(((a, b) for a, b in ctx.quotes if a < pos < b), None) or _quote_just_before(ctx, pos)
        speaker = _quote_speaker(ctx, quote, last_person) if quote else None
        if quote and speaker is None:
            speaker, about = _speaker_before(ctx, quote)
            targets = targets or about  # 'menegaskan Israel "akan menerima hukuman"': what it is about
        persons = [a for a in before if a.kind == "person"]
        objects = [a for a in before if _object_of_earlier_verb(ctx, a, verbs)
                   and not _pronoun_between(ctx, a.end, pos) and ctx.folded[a.end:pos].strip()]
        if objects:
            # "X thanked Y for ... and praised ...": coordinated verbs share X, their subject; Y is
            # an object, never the one who speaks next ("... Y because he refused": he, Y, does);
            # a name right before the trigger is its own ("rejected an Australian ultimatum")
            persons = [a for a in persons if a not in objects and a.end <= objects[0].start]
            if all(a in objects for a in actors):
                shared = [a for a in before if a.end <= objects[0].start]
                actors = _side_actors(shared, ctx.text, True, ctx.lang) if shared else []
        if speaker is not None:
            actors = [speaker]  # '"... a spit in the face ...," said Oleg Nikolenko'
            targets = [t for t in targets if t != speaker]
        elif persons:
            actors = [persons[-1]]
        if actors and actors[0].kind == "person":  # "Taliban spokesman Zabihullah Mujahid": and the Taliban
            actors, targets = _with_titles(ctx, actors, targets)
        elif not actors and last_person is not None and (objects or (
                not _unknown_subject(ctx, pos, clause) and (not trig.needs_actor or _pronoun_subject(ctx, pos)))):
            actors = [last_person]  # "he said, demanding that ...": the person named before
            actors, targets = _with_titles(ctx, actors, targets)
    if is_declared(trig.type) and not passive:
        city = _city_as_object(ctx, pos, end, clause, actors)  # "accused Moscow of", "menuduh Manila"
        if city and (not targets or targets[0].start > city[0].end + _QUALIFIER_REACH):
            targets = city  # the object next to the verb, not a name further on
    if not is_verbal(trig.type) and actors and actors[0].kind == "person":
        # "Ketua Polis Negara, Jeneral Listyo Sigit Prabowo melucutkan jawatan ...": the police act with him
        actors, targets = _with_titles(ctx, actors, targets)
    if trig.type in plover_list("demonym_forces_types"):
        actors = _demonyms_as_forces(ctx, actors)
    if trig.type in STATE_ACTS:
        # the same party is not its own target (``fit_roles`` makes a government its state)
        targets = [t for t in targets if all((t.kind, t.value, t.country) != (a.kind, a.value, a.country) for a in actors)]
        actors = _as_states(actors)
    return actors, targets


def _demonyms_as_forces(ctx: ArticleContext, actors: list[ActorMention]) -> list[ActorMention]:
    """Actors of an armed act written as a demonym ("Russian glide bombs hit", "Ukrainian drones
    attacked", "los bombardeos rusos") as that country's armed forces: the adjective qualifies the
    weapons, troops or strikes of its forces, not the state as a whole ("Israel struck" stays the
    country). Indonesian and Malay write the country's name itself after the noun ("rudal Rusia"),
    which cannot be told from a name that is an object or a place ("mengguncang Lebanon"): left as is."""
    demonyms = demonym_words(ctx.lang)
    return [ActorMention(a.start, a.end, "sector", "military", a.country)
            if a.kind == "country" and ctx.folded[a.start:a.end].strip() in demonyms else a for a in actors]


def _with_titles(ctx: ArticleContext, actors: list[ActorMention],
                 targets: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
    """(actors, targets) with the sectors that title the first actor, a person, among the actors
    (``actors.title_sectors``) and no longer among the targets."""
    actors = actors + [m for m in _offices_held(ctx, actors[0]) if m not in actors]
    return actors, [t for t in targets if t not in actors]


def _offices_held(ctx: ArticleContext, person: ActorMention) -> list[ActorMention]:
    """The sectors that title ``person`` here or where the article named them before
    (``actors.title_sectors``): an official introduced once with a force's title ("Ketua Polis
    Johor, Datuk Ahmad Zaki Hashim", "Kapolda Metro Jaya Irjen Pol Bambang Sutrisno") and named
    bare later ("Ahmad Zaki turut memberi amaran", "Bambang juga memperingatkan") still acts
    for that force."""
    offices: list[ActorMention] = []
    for m in ctx.actors:
        if m.start > person.start:
            break
        if m.kind == "person" and m.value == person.value:
            offices += [o for o in title_sectors(ctx.text, ctx.actors, m, ctx.lang)
                        if all((o.value, o.country) != (k.value, k.country) for k in offices)]
    return offices


#: acts only a state takes (PLOVER SANCTION and AID: sanctions, embargoes, cut ties, asylum, aid
#: given): the minister or president who announces one, and the government that decides it, act
#: for their country ("Olaf Scholz halted Nord Stream 2": DE; "el Gobierno concedió asilo": the country)
STATE_ACTS = frozenset({"SANCTION", "AID"})


def _as_states(actors: list[ActorMention]) -> list[ActorMention]:
    """People of a known country and governments of a named country as that country, once each."""
    out: list[ActorMention] = []
    for a in actors:
        if a.country and (a.kind == "person" or (a.kind == "sector" and a.value == "government")):
            a = ActorMention(a.start, a.end, "country", a.country, a.country)
        if all((a.kind, a.value) != (b.kind, b.value) for b in out):
            out.append(a)
    return out


def _after_reporter(ctx: ArticleContext, before: list[ActorMention], pos: int) -> list[ActorMention]:
    """The mentions before a physical act less its reporter and the reporter's titles: when a
    person is the last actor named before a verb of saying that stands before the trigger, that
    person and the names before (their titles: "Komandan Komando Pusat AS Jenderal Kenneth
    McKenzie mengatakan seorang pelaku meledakkan diri", "police chief Nico Afinta said officers
    had fired") are no party to the act. Bodies and forces that say what they did ("the army said
    it struck ...") stay its actors, and so does a speaker who tells their own act with a pronoun
    ("Olaf Scholz said that he had halted ...")."""
    verbs = speech_verbs(ctx.lang)
    if verbs is None or not before:
        return before
    lo = before[0].start
    said = None
    for said in verbs.finditer(ctx.folded, lo, pos):
        pass
    if said is None:
        return before
    speaker = [a for a in before if a.end <= said.start()]
    if not speaker or speaker[-1].kind != "person":
        return before
    pronouns = lexicon(ctx.lang).subject_pronouns
    if pronouns and any(pronouns.fullmatch(w.strip(",\"'")) for w in ctx.folded[said.end():pos].split()):
        return before  # "Olaf Scholz said that he had halted ...": the speaker tells their own act
    return [a for a in before if a.start >= said.end()]


#: characters after a name searched for the verb of saying that makes it a trailing attribution's speaker
#: (a title word may stand between: "a military spokesman told")
REPORTER_VERB_REACH = 20


def _reports_after(ctx: ArticleContext, end: int, mention: ActorMention) -> bool:
    """The mention after a trigger speaks the attribution that closes the sentence, past a comma
    ("urged both governments ..., his spokesman Stephane Dujarric told reporters", "..., said
    police chief X", "..., kata Kapolda X"): it reports the act, it is not its object. A verb of
    saying (``actors.json`` ``speech_verbs``) stands between that comma and the name, or just
    after the name in its clause."""
    verbs = speech_verbs(ctx.lang)
    comma = ctx.folded.rfind(",", end, mention.start)
    if verbs is None or comma < 0:
        return False
    if verbs.search(ctx.folded, comma, mention.start):
        return True
    rest = re.split(r"[.,;:!?\"«»]", ctx.folded[mention.end:mention.end + REPORTER_VERB_REACH])[0]
    return bool(verbs.search(rest))


#: characters before a trigger searched for a toll that counts it ("the toll of the")
TOLL_REACH = 40


def _counted_by_toll(ctx: ArticleContext, pos: int, clause: tuple[int, int]) -> bool:
    """A toll or its victims stand right before the physical act ("Minister X updated the toll of
    the blasts", "memperbarui jumlah korban ledakan", "le bilan des explosions"): the names before
    report or tally the act; none of them made it."""
    tolls = toll_nouns(ctx.lang)
    return bool(tolls and tolls.search(ctx.folded[max(clause[0], pos - TOLL_REACH):pos]))


#: (endings, prefixes) of a verb that opens a participial adjunct after a comma ("..., killing three",
#: "..., tuant trois personnes", "..., matando a tres", "..., menewaskan tiga orang")
_ADJUNCT_VERBS = {"en": (("ing",), ()), "fr": (("ant",), ()), "es": (("ando", "iendo", "yendo"), ()),
                  "id": ((), ("me",)), "ms": ((), ("me",))}
#: a comma, and the French gerund's "en", right before such a verb
_ADJUNCT_LEAD_RE = re.compile(r",\s*(?:en\s+)?$")


@lru_cache(maxsize=None)
def _subordinators(lang: str) -> re.Pattern | None:
    """The subordinating conjunctions of ``lang`` (``actors.json``), with or without a comma: each
    opens a clause of its own subject ("because the crowd had turned violent")."""
    words = [fold(w) for w in (load_data(lang, "actors") or {}).get("subordinators") or []]
    return re.compile(rf"(?<!\w)(?:{alternation(words)}){WORD_END}") if words else None


@lru_cache(maxsize=None)
def _perfect_auxiliaries(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(auxiliaries of the active perfect, adverbs that may stand between one and its participle,
    participles of transitive verbs of harm) of ``lang`` (``events.json`` ``perfect_auxiliaries``)."""
    spec = (load_data(lang, "events") or {}).get("perfect_auxiliaries") or {}
    return tuple(frozenset(spec.get(key, [])) for key in ("auxiliaries", "adverbs", "participles"))


def _perfect_active(ctx: ArticleContext, pos: int, end: int, clause: tuple[int, int]) -> bool:
    """A participle the lexicon reads as suffered ("tué", "wounded": "cinq civils tués", "three
    wounded") follows an auxiliary of the active perfect ("les soldats ont tué des civils",
    "la police a abattu un homme", "soldiers have wounded three"): its subject did it. Only a
    transitive verb's: "have died", "ont trouvé la mort" keep their subject as the victim."""
    auxiliaries, adverbs, participles = _perfect_auxiliaries(ctx.lang)
    if ctx.text[pos:end].lower() not in participles:
        return False
    before = ctx.text[clause[0]:pos].lower().split()[-2:]  # the text's own "a", not the folded "à"
    if before and before[-1] in adverbs:
        before = before[:-1]
    return bool(before) and before[-1] in auxiliaries


def _participle_adjunct(ctx: ArticleContext, pos: int, end: int) -> bool:
    """The trigger opens a participial adjunct after a comma ("police fired tear gas at the
    crowd, killing three people"): its subject is the clause's subject, the first actor named,
    not the object just before the comma."""
    endings, prefixes = _ADJUNCT_VERBS.get(ctx.lang, ((), ()))
    words = ctx.folded[pos:end].split()
    if not words or not _ADJUNCT_LEAD_RE.search(ctx.folded[max(0, pos - 6):pos]):
        return False
    word = words[0]
    if endings:
        return word.endswith(endings)
    # a prefixed verb after a comma may also be the main verb after an apposition ("Presiden Sri
    # Lanka, Gotabaya Rajapaksa, meletak jawatan"): an adjunct only when a verb stands before the comma
    lead = ctx.folded[max(0, pos - 200):pos]
    lead = re.split(r"[.!?;:]", lead)[-1].rsplit(",", 1)[0]
    return (bool(prefixes) and word.startswith(prefixes) and len(word) > 5
            and any(w.startswith(prefixes) and len(w) > 5 for w in lead.split()))


#: articles and determiners between a preposition and its object ("to the Red Cross")
_DETERMINERS = frozenset({"the", "a", "an", "le", "la", "les", "l", "un", "une", "des", "el", "los", "las", "una",
                          "para", "sang", "pihak"})
#: small words inside a body's name ("Committee of the Red Cross", "Conseil de sécurité")
_NAME_LINKS = frozenset({"of", "de", "du", "del", "des", "d"})


#: words between a verb and its object: articles, the Spanish personal "a", the prepositions of
#: ``actors.json`` ("thanked Y", "berterima kasih kepada Y", "acusó a Y", "a remercié le Y")
OBJECT_GAP_WORDS = 2
#: characters those words span at most
OBJECT_GAP_CHARS = 40


def _object_of_earlier_verb(ctx: ArticleContext, mention: ActorMention, verbs: list[tuple[int, int]]) -> bool:
    """The mention is the object of another trigger before it in the sentence: right after it, with
    at most ``OBJECT_GAP_WORDS`` articles or prepositions between ("He thanked Prabowo and praised
    ...", "Ia berterima kasih kepada Prabowo dan memuji ...")."""
    known = prepositions(ctx.lang)
    for a, b in verbs:
        if not b <= mention.start or mention.start - b > OBJECT_GAP_CHARS:
            continue
        gap = ctx.folded[b:mention.start]
        words = gap.split()
        if (len(words) <= OBJECT_GAP_WORDS and not _PUNCTUATION_RE.search(gap)
                and all(w in _DETERMINERS or w in known or w in _OBJECT_MARKERS for w in words)):
            return True
    return False


def _pronoun_between(ctx: ArticleContext, start: int, end: int) -> bool:
    """A subject pronoun of the language stands between ``start`` and ``end`` (a clause of its own)."""
    pronouns = lexicon(ctx.lang).subject_pronouns
    return bool(pronouns) and any(pronouns.fullmatch(w.strip(",\"'")) for w in ctx.folded[start:end].split())


def _object_of_earlier_clause(ctx: ArticleContext, mention: ActorMention, pos: int) -> bool:
    """The mention cannot be the subject of the trigger after it: a comma and a subordinating
    conjunction stand between them ("handed 27 soldiers to the Red Cross, as warplanes pounded
    the capital"), or it is the object of a preposition with a comma between ("according to
    police, protesters threw stones")."""
    gap = ctx.folded[mention.end:pos]
    if "," not in gap:
        return False
    subordinators = conjunctions(ctx.lang)
    if subordinators and subordinators.search(gap):
        return True
    return _after_preposition(ctx, mention)


def _after_preposition(ctx: ArticleContext, mention: ActorMention) -> bool:
    """A preposition stands before the mention, in its phrase ("to the International Committee
    of the Red Cross", "ante la ONU"): the mention is its object."""
    lo = max(0, mention.start - 60)
    head = re.split(r"[.,;:!?\"«»()]", ctx.text[lo:mention.start])[-1]
    known = prepositions(ctx.lang)
    words = re.findall(r"\w+", head)
    for i in range(len(words) - 1, -1, -1):
        word, folded = words[i], fold(words[i])
        if folded in known:
            return True
        if not (folded in _DETERMINERS or folded in _NAME_LINKS or word[:1].isupper()):
            return False  # the rest of the name passes ("to the International Committee of the Red Cross")
    return False


#: forces that take part in an act of their type when they are its grammatical object: the
#: troops or police deployed mobilize with the government that sends them ("the government ordered
#: the army into Punjab", "a ordonné le déploiement de 40 000 policiers", "mengerahkan 45.000 polisi")
_FORCES_MOBILIZED = {"MOBILIZE": ("military", "police")}


#: words (adjectives) between a deed noun and the demonym that says whose it is ("ataques aéreos israelíes")
DOER_ADJECTIVE_GAP = 1
_PUNCTUATION_RE = re.compile(r"[^\w\s'’-]")


def _doer_adjective(ctx: ArticleContext, trig, end: int, mention: ActorMention) -> bool:
    """In a language whose adjectives follow the noun, a demonym right after a deed noun of plover.json
    ``demonym_doer_types`` (no clause between, at most one more adjective) says whose deed it is: "los
    bombardeos rusos" are Russia's, "une frappe israélienne" Israel's, as "Russian strikes" are in English,
    not the victims' country's forces. A protest's demonym ("las protestas chilenas") tells whose people
    protest, which the sector default already says."""
    if mention.kind != "country" or not adjectives_follow_nouns(ctx.lang):
        return False
    if trig.type not in plover_list("demonym_doer_types") or is_verbal(trig.type):
        return False
    if ctx.folded[mention.start:mention.end].strip() not in demonym_words(ctx.lang):
        return False  # a country's name after the deed is its object or place ("atacó Israel")
    gap = ctx.text[end:mention.start]
    return not _PUNCTUATION_RE.search(gap) and len(gap.split()) <= DOER_ADJECTIVE_GAP


def _forces_act(actors: list[ActorMention], targets: list[ActorMention],
                forces: tuple[str, ...]) -> tuple[list[ActorMention], list[ActorMention]]:
    """The deployed forces among the targets join the actors, unless a country or a body sends
    them (then they are its forces, sent abroad or to help: the caller's AID reading stands)."""
    if any(a.kind in ("country", "org") for a in actors):
        return actors, targets
    moved = [t for t in targets if t.kind == "sector" and t.value in forces]
    if not moved:
        return actors, targets
    return actors + moved, [t for t in targets if t not in moved]


#: words that begin with a passive prefix but are none ("dialog", "diplomat")
_NOT_PREFIX_PASSIVE = ("dialog", "diplomat", "diskusi", "dinas", "direktur", "divisi")
#: endings of a trigger's first word that make an auxiliary before it progressive, not passive
#: ("is urging", "were demanding")
_PROGRESSIVE_ENDINGS = {"en": ("ing",)}


def _passive(ctx: ArticleContext, pos: int, end: int, clause: tuple[int, int], verbal: bool) -> bool:
    """The trigger is in the passive voice (``triggers.is_passive``), less the progressive
    ("is urging") and nouns that only look like a prefixed passive ("dialog"). A speech act
    needs its auxiliary right before it, or one adverb between ("was sharply criticised"): "will
    be a strong response" is a noun after "be", not a passive."""
    word = ctx.folded[pos:end].split()[0] if ctx.folded[pos:end].split() else ""
    if word.endswith(_PROGRESSIVE_ENDINGS.get(ctx.lang, ())) or word.startswith(_NOT_PREFIX_PASSIVE):
        return False
    if not is_passive(ctx.text[clause[0]:end], pos - clause[0], ctx.lang, ctx.folded[clause[0]:end]):
        return False
    lex = lexicon(ctx.lang)
    if not verbal or (lex.passive_prefix and word.startswith(lex.passive_prefix)):
        return True
    participles = _PARTICIPLES.get(ctx.lang)
    if participles and not any(w.endswith(participles[0]) or w in participles[1] for w in ctx.folded[pos:end].split()):
        return False  # "the expulsions were ethnic cleansing": a noun after "were"
    before = ctx.folded[clause[0]:pos].split()[-2:]
    if lex.passive and lex.passive.search(ctx.folded, pos, end):
        return True  # "ont été interpellées": the auxiliary is part of the trigger
    if not before or not lex.passive:
        return False
    if lex.passive.fullmatch(before[-1]):
        return True
    return len(before) == 2 and bool(lex.passive.fullmatch(before[0])) and before[1] not in _ARTICLES


#: the English genitive between a country and a body of its own ("Sri Lanka's parliament"), folded
_POSSESSIVE = "'s"
#: a hyphen or slash joins two forces written as one word ("TNI-Polri", "police/army"); between
#: countries it makes an adjective of descent or of a relation ("Algerian-Moroccan", "EU-Georgia relations")
_HYPHENS = frozenset({"-", "–", "/"})
#: (endings, irregular forms) of the past participles a passive speech act is made of, where a
#: noun may follow the same auxiliary ("was accused" but "were ethnic cleansing")
_PARTICIPLES = {"en": (("ed", "en", "wn"), frozenset({"told", "sought", "held", "hit", "shot", "struck", "caught",
                                                      "sent", "put", "brought", "met", "warned", "urged"}))}
#: articles: "be a strong response" is no passive
_ARTICLES = frozenset({"a", "an", "the", "un", "une", "le", "la", "les", "des", "du", "el", "los", "las", "una", "uno"})


def _bare_agent(ctx: ArticleContext, end: int, after: list[ActorMention]) -> bool:
    """In a language whose passive is a verb prefix (Indonesian, Malay "di-"), the agent may follow
    the verb with no "oleh" ("ditembak kelompok bersenjata", "dipukuli dan ditendang petugas"):
    the first actor after the trigger is its agent when only other prefixed verbs and joiners
    stand between them (not a locative "di", not a preposition)."""
    lex = lexicon(ctx.lang)
    prefix = lex.passive_prefix
    if not prefix or not after:
        return False
    gap = ctx.folded[end:after[0].start].strip()
    if not gap:
        return True
    words = gap.split()
    return all((w.startswith(prefix) and len(w) > len(prefix) + 2) or (lex.joiner and lex.joiner.fullmatch(w))
               for w in words) and words[-1].startswith(prefix)


#: words just before a trigger searched for its subject
SUBJECT_WORDS = 2
#: characters before a trigger searched for a pronoun standing for its speaker
PRONOUN_REACH = 30


def _places_with_capitals(ctx: ArticleContext, start: int, end: int) -> list:
    """The places of a span, with the national capitals the trust filter left out ("Kiev a accusé
    Moscou" in an article that never names Russia): a capital is its state's metonym."""
    found = between(ctx.places, start, end)
    capitals = between(ctx.capitals, start, end)
    return sorted([*found, *capitals], key=lambda p: p.start) if capitals else found


def _city_as_subject(ctx: ArticleContext, pos: int, clause: tuple[int, int]) -> list[ActorMention]:
    """A city standing for its government as the subject of the trigger ("Beijing rejected",
    "Moscow also said"): at most ``SUBJECT_WORDS`` lower-case words between them."""
    city = next((p for p in reversed(_places_with_capitals(ctx, clause[0], pos)) if p.kind == "city"), None)
    if city is None or not city.location.country:
        return []
    gap = ctx.text[city.end:pos].split()
    if len(gap) > SUBJECT_WORDS or any(not w.islower() for w in gap):
        return []
    cc = city.location.country
    return [ActorMention(city.start, city.end, "country", cc, cc)]


#: words that may stand between a speech act's verb and a city that is its object: the Spanish
#: personal "a" before a person or a state ("acusó a Moscú", "exigió al Gobierno")
_OBJECT_MARKERS = frozenset({"a", "al"})
#: characters between a city and a mention after it that the city qualifies ("Moscow residents")
_QUALIFIER_REACH = 2


def _city_as_object(ctx: ArticleContext, pos: int, end: int, clause: tuple[int, int],
                    actors: list[ActorMention]) -> list[ActorMention]:
    """A city standing for its government as the object of a declared act: right after the
    trigger ("accused Moscow of", "menuduh Manila", "acusó a Kiev de") or in the gap of a trigger
    written around its object ("a exhorté New Delhi à"); that country, unless it is the actors' own.
    A preposition between them ("condemned in Paris") makes the city where it was said, no party."""
    city = next((p for p in _places_with_capitals(ctx, pos, clause[1]) if p.start > pos), None)
    if city is None or city.kind != "city" or not city.location.country:
        return []
    if city.end <= end:  # inside the trigger's gap
        if any(c in ctx.text[pos:city.start] for c in ",;:()"):
            return []
    elif any(fold(w) not in _OBJECT_MARKERS for w in ctx.text[end:city.start].split()):
        return []
    cc = city.location.country
    if any(a.country == cc for a in actors):
        return []
    return [ActorMention(city.start, city.end, "country", cc, cc)]


def _pronoun_subject(ctx: ArticleContext, pos: int) -> bool:
    """A personal pronoun stands among the few words before the trigger, in its clause or the
    one before ("he said, demanding that ...")."""
    pronouns = lexicon(ctx.lang).subject_pronouns
    before = re.split(r"[.!?;:]", ctx.folded[max(0, pos - PRONOUN_REACH):pos])[-1]
    return bool(pronouns) and any(pronouns.fullmatch(w.strip(",\"'")) for w in before.split()[-(SUBJECT_WORDS + 1):])


def unnamed_subject(ctx: ArticleContext, pos: int, clause: tuple[int, int]) -> bool:
    """Someone we cannot code acts: a capitalised word other than a pronoun or an article stands just
    before the trigger ("Fecode reclama", "La CGT hizo un llamamiento", "Lucio Gutiérrez pide"; also a
    sentence's first adverb before a verb whose subject is left unsaid: "Asimismo reclaman"). A demand
    needs someone who makes it (``needs_actor``); a name the lists lack is still someone, not a document."""
    words = ctx.text[clause[0]:pos].rsplit(None, SUBJECT_WORDS)[-SUBJECT_WORDS:]
    pronouns = lexicon(ctx.lang).pronouns
    folded = [fold(w.strip(",.;:\"'()")) for w in words if w[:1].isupper()]
    return any(w not in _DETERMINERS and not (pronouns and pronouns.fullmatch(w)) for w in folded)


def _unknown_subject(ctx: ArticleContext, pos: int, clause: tuple[int, int]) -> bool:
    """A capitalised name we do not know stands just before the trigger ("Wang rejected"):
    the speaker is someone new, not the last person named. Pronouns are no names."""
    words = ctx.text[clause[0]:pos].rsplit(None, SUBJECT_WORDS)[-SUBJECT_WORDS:]
    pronouns = lexicon(ctx.lang).pronouns
    return any(w[:1].isupper() and not (pronouns and pronouns.fullmatch(fold(w.strip(",.;:\"'")))) for w in words)


#: what may stand between a closing quotation mark and the verb of saying after it: a comma and at
#: most an auxiliary ('», a averti', '», ont-ils exigé', '", advirtió', '", ha denunciado')
_QUOTE_TO_VERB_RE = re.compile(r"[\s,\u00a0\u202f]*(?:[\w'’-]{1,8}\s+)?")


def _quote_just_before(ctx: ArticleContext, pos: int) -> tuple[int, int] | None:
    """The quotation a speech act's verb follows with only a comma between them ('« Nous répondrons
    », a averti le chef de la junte', '"Responderemos", advirtió el jefe'): its subject comes after
    it, the speaker of the quotation, not a target."""
    return next(((a, b) for a, b in ctx.quotes if b <= pos and _QUOTE_TO_VERB_RE.fullmatch(ctx.text, b, pos)), None)


def _quote_speaker(ctx: ArticleContext, quote: tuple[int, int],
                   last_person: ActorMention | None = None) -> ActorMention | None:
    """The person or body a quotation is attributed to, just after it in the same sentence; none
    when the quotation ends its sentence ('... was "a direct act of ethnic cleansing." Samantha
    Power ...': the name after it begins the next sentence). An attribution to a pronoun ('"...,"
    he said') is to the person named last before (``last_person``), never to a name in the next
    sentence or paragraph."""
    if _ENDS_SENTENCE_RE.match(ctx.text, quote[1]) or (
            ctx.text[quote[1] - 2:quote[1] - 1] in (".", "!", "?") and _NEXT_CAPITAL_RE.match(ctx.text, quote[1])):
        return None
    reach = quote[1] + SPEAKER_REACH
    stop = _SENTENCE_END_RE.search(ctx.text, quote[1], reach)
    if stop is not None:
        reach = stop.start()
    named = next((a for a in ctx.actors if quote[1] <= a.start <= reach and a.end <= reach + 1
                  and a.kind in ("person", "org")), None)
    pronouns = lexicon(ctx.lang).subject_pronouns
    said = ctx.folded[quote[1]:named.start if named is not None else reach]
    verbs = speech_verbs(ctx.lang)
    if (pronouns and verbs is not None and verbs.search(said)
            and any(pronouns.fullmatch(w.strip(",\"'")) for w in said.split())):
        return last_person  # '"...," he said, without naming the Wagner chief. Prigozhin ...'
    return named


#: the end of the sentence after a quotation's attribution ('he said, without naming him.\n\nPrigozhin')
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)|\n")


#: characters before a quotation searched for the verb of saying that introduces it
SPEECH_REACH = 160


def _speaker_before(ctx: ArticleContext, quote: tuple[int, int]) -> tuple[ActorMention | None, list[ActorMention]]:
    """(speaker, what the words are about) of a quotation that a verb of saying introduces in its
    own sentence ('the group stressed Israel "will receive ..."', "afirmó que Putin «sigue
    escalando»"): the last actor named before that verb (``actors.json`` ``speech_verbs``), not
    the object of a preposition ("ante la ONU"), and the actors between the verb and the
    quotation; (None, []) without such a verb."""
    verbs = speech_verbs(ctx.lang)
    if verbs is None:
        return None, []
    lo = max(0, quote[0] - SPEECH_REACH)
    head = ctx.folded[lo:quote[0]]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("? "), head.rfind("! "))
    lo += cut + 1 if cut >= 0 else 0
    said = list(verbs.finditer(ctx.folded, lo, quote[0]))
    if not said:
        return None, []
    verb = said[-1]
    named = [a for a in between(ctx.actors, lo, verb.start())
             if a.end <= verb.start() and not _after_preposition(ctx, a)]
    if not named:
        return None, []
    about = [a for a in between(ctx.actors, verb.end(), quote[0]) if a.start >= verb.end() and a != named[-1]]
    return named[-1], about[:2]


#: a full stop right after a closing quotation mark ('... cleansing". Power said')
_ENDS_SENTENCE_RE = re.compile(r"[ \t]*[.!?](?:\s|$)")
#: the next sentence starting after a quotation that closes on its full stop ('... cleansing." Power')
_NEXT_CAPITAL_RE = re.compile(r"\s+[A-ZÀ-ÖØ-Þ]")


def international(parties: list[ActorMention], country: str | None) -> bool:
    """An international body takes part, or parties of two countries."""
    if any(p.kind == "org" for p in parties):
        return True
    return len({p.country for p in parties if p.country} | ({country} if country else set())) >= 2


#: sides the trigger's own subject and object must name to be a meeting's parties by themselves
DUAL_SIDES = 2


def parties(ctx: ArticleContext, sent: tuple[int, int], found: list[ActorMention]) -> list[ActorMention]:
    """Everyone named in a meeting's sentence: people, bodies and countries (sectors only
    when no one else is named, or a government whose country is none of those named: "the
    Peruvian president met his Bolivian counterpart"), first mention first. When the trigger's own
    subject and object (``found``) name two sides, they are the parties: names in other clauses
    and phrases of the sentence are not ("held talks with Prigozhin ..., in agreement with Putin")."""
    mentioned = between(ctx.actors, *sent)
    named = [a for a in mentioned if a.kind in ("person", "org", "country")]
    own = [a for a in found if a.kind in ("person", "org", "country")]
    if len({a.country or a.value for a in own}) >= DUAL_SIDES:
        mentioned, named = found, own
    if not named:
        return found
    countries = {a.country for a in named}
    return [a for a in mentioned if a in named or (a.kind == "sector" and a.value == "government" and a.country
                                                   and a.country not in countries)]


def without_envoys_of_parties(role_codes: list[str]) -> list[str]:
    """The codes less the people of a country that is itself among them: in an accord or a
    cooperation between states (plover.json ``state_party_types``) the minister who signs or
    speaks for a named country is that party ("Australia and Indonesia have signed ... what Defence
    Minister Richard Marles called", "Malaysia dan Thailand memeterai ... antara Menteri Luar ...")."""
    countries = {c for c in role_codes if len(c) == 2 and c.isupper()}
    if not countries:
        return role_codes
    return [c for c in role_codes if ":" in c or c.isupper() or person_country(c) not in countries]


#: parties of this many countries make an act one between states
STATES_BETWEEN = 2


def governments_as_states(actors: list[str], targets: list[str]) -> tuple[list[str], list[str]]:
    """(actors, targets) with each government written as its state when the act is between parties
    of two countries or more ("IN:government" expels "PK" diplomats: "IN"; a foreign ministry, an
    embassy or "the Venezuelan government" speaking to another country): the conventions code
    countries as ``CC``, and on the studied gold sets an act between states names the state
    ("CC") 139 times and its government 13 times (issue 10, act26). At home, between a government
    and its own people or an international body ("UN", two capitals but no country), the sector
    stays ("LK:government")."""
    bodies = organisation_codes()
    countries = {c.split(":")[0] for c in actors + targets
                 if len(c.split(":")[0]) == 2 and c.split(":")[0].isupper() and c not in bodies}
    if len(countries) < STATES_BETWEEN:
        return actors, targets

    def states(role: list[str]) -> list[str]:
        return list(dict.fromkeys(c[:-len(":government")] if c.endswith(":government") else c for c in role))

    return states(actors), states(targets)


def fit_roles(event_type: str, role: str, role_codes: list[str]) -> list[str]:
    """The codes that may play ``role`` in an event of this type (plover.json
    ``role_sectors``: a protest is made by protesters or civilians, not by a
    president named in the sentence)."""
    if event_type in STATE_ACTS and role == "actors":
        # a state's government acts as the state
        role_codes = list(dict.fromkeys(c[:-len(":government")] if c.endswith(":government") else c
                                        for c in role_codes))
    allowed = plover_group("role_sectors").get(event_type, {}).get(role)
    if allowed is None:
        return role_codes
    return [c for c in role_codes if ":" in c and c.split(":")[1] in allowed]


#: the state a sector speaks for: these sectors of a country are one side with it ("KZ", "KZ:police")
STATE_SECTORS = frozenset({"government", "military", "police"})
#: sectors that stand against a state in a story of unrest or armed conflict
CHALLENGERS = frozenset({"protesters", "rebels"})
#: event types whose actors and targets set the sides of a story against each other: who marches,
#: fires on, storms, arrests or seizes whom
CONFLICT_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE"})
#: speech acts aimed at the story's other side when the sentence names no one else: a warning or a
#: vow of force by a government is against the protesters or rebels the story is about ("the
#: government will act firmly against anarchic acts", "those who organised the mutiny will be punished")
SIDE_TARGETED_TYPES = frozenset({"THREATEN"})


def side_of(code: str, person_countries: dict[str, str]) -> str | None:
    """The side a role code stands for: a state ("KZ") for the country, its government, army or
    police and the people of that country who speak for it (``person_countries``); a challenger
    sector ("KZ:protesters") for itself; None for bystanders (civilians, media, business)."""
    if ":" in code:
        cc, sector = code.split(":", 1)
        if sector in STATE_SECTORS:
            return cc
        return code if sector in CHALLENGERS else None
    if len(code) == 2 and code.isupper():
        return code
    return person_countries.get(code)


def story_opponent(actor_codes: list[str], events: list, person_countries: dict[str, str],
                   mentions: list[ActorMention] = (), home: str | None = None, states: bool = False) -> str | None:
    """The challengers (protesters, rebels) the story sets against the actors' side: those the
    story's conflict events (``CONFLICT_TYPES``) oppose to that side, and those of the actors' own
    country the article names when the story has a conflict event there (sector ``mentions``; without
    a country they are of ``home``, the story's country), the most often; None when the actors take no side or nobody challenges them."""
    sides = {s for s in (side_of(a, person_countries) for a in actor_codes) if s}
    if not sides:
        return None
    tally: dict[str, int] = {}
    at_war = False
    for e in events:
        if e.type not in CONFLICT_TYPES:
            continue
        acting = {side_of(a, person_countries) for a in e.actors}
        hit = {side_of(t, person_countries) for t in e.targets}
        if sides & acting and not sides & hit:
            other = e.targets
        elif sides & hit and not sides & acting:
            other = e.actors
        else:
            continue
        for code in other:
            side = side_of(code, person_countries)
            if side is None or side in sides:
                continue
            at_war = at_war or ":" not in side  # a foreign state opposed to the actors' side
            if (":" in code and code.split(":", 1)[1] in CHALLENGERS) or (states and (":" in code or side == code)):
                tally[code] = tally.get(code, 0) + 1
    if not any(e.type in CONFLICT_TYPES and e.country in sides for e in events) or at_war:
        # no unrest nor fighting at the actors' home: the challengers named are elsewhere's; at war
        # with another state, the militants named are that war's
        mentions = ()
    for m in mentions:
        country = m.country or home
        if m.kind == "sector" and m.value in CHALLENGERS and country in sides:
            code = f"{country}:{m.value}"
            tally[code] = tally.get(code, 0) + 1
    return max(tally, key=lambda s: tally[s]) if tally else None


def own_side_dropped(actor_codes: list[str], target_codes: list[str], person_countries: dict[str, str]) -> list[str]:
    """Targets less the actors' own state: in a warning the army or police the speaker names are
    the means of the threat ("warned that the armed forces would intervene"), and the country the
    speaker speaks for is no party threatened ("have betrayed Russia and will be punished")."""
    sides = {s for s in (side_of(a, person_countries) for a in actor_codes) if s and ":" not in s}
    return [t for t in target_codes if side_of(t, person_countries) not in sides]
