"""Trigger words: where a sentence says that something happened, and what.

``data/<lang>/events.json`` lists trigger phrases with their PLOVER type and
mode, default actor and target sectors and flags, plus the word lists the
extractor consults around a trigger (its ``_doc`` names them all): modals,
negation, conditionals, future endings and purpose markers just before it
cancel it ("will attack", "tidak menyerang", "untuk membahas"); football
vocabulary or a match score cancels ambiguous triggers ("serangan",
"tembakan"). ``find_triggers`` applies these filters and returns the
surviving triggers of one sentence with their offsets; the other lists
(dates, places, roles, counts) are compiled here once per language and used
by the ``event*`` modules.

Type-level facts (CAMEO root code, count kinds, which types are speech acts,
meetings, scene events) come from ``data/common/plover.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice, pairwise
from typing import Iterator

from streams.nlp import morph_lexicon
from streams.nlp.fuzzy import fold
from streams.nlp.phrases import PhraseIndex
from streams.nlp.textutil import WORD_END, alternation, load_data, words_back

#: words before a trigger searched for a modal ("will", "dijadwalkan ... untuk")
MODAL_WINDOW = 8
#: words before a trigger searched for a negation or a purpose marker
NEGATION_WINDOW = 3
#: words after a trigger searched for a modal ("the investigation will continue")
MODAL_AFTER_WINDOW = 3
#: the lifting of a restriction (a reversal marker this many words around it) is a concession
REVERSAL_WINDOW = 3
#: words after a restriction searched for its reversal: a passive may put a place and its auxiliaries
#: between ("the curfew in Almaty was lifted", "le couvre-feu à Almaty a été levé")
REVERSAL_AFTER_WINDOW = 5
#: words before an agreement, cooperation or aid searched for a verb ending it ("revoked its military cooperation")
ENDING_WINDOW = 4
#: words after an agreement, cooperation or aid searched for a passive ending it ("the agreement was suspended")
ENDED_WINDOW = 3
#: words before a protest searched for a word announcing it ("announced a nationwide strike")
ANNOUNCE_WINDOW = 3
#: words after a trigger searched for a marker of immediate effect ("would be expelled with immediate effect")
IMMEDIATE_EFFECT_WINDOW = 4


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    actor: str
    target: str
    passive: bool = False
    sports: bool = False
    modal_ok: bool = False
    #: never taken for the content of a nearby speech act ("ordered a curfew")
    anchor: bool = False
    #: a speech act that is also taken for the content of an earlier one ("urged an investigation")
    content: bool = False
    #: only coded when the sentence names who acts (no fall-back to the last speaker) or, unless
    #: ``named_actor``, names no document that would be the one acting ("the communique demanded")
    needs_actor: bool = False
    #: ``needs_actor`` strictly: a word too common outside politics ("asked", "must") or from a
    #: generated lexicon is an event only with an actor found
    named_actor: bool = False
    #: a death or injury word: the toll of some event rather than an event of its own
    casualty: bool = False
    #: only an event when its clause gives a count it can carry ("mengamankan 257 orang")
    needs_count: bool = False
    #: no event in a disaster story ("3,200 residents fled the floods")
    disaster: bool = False
    requires: tuple[str, ...] = ()
    #: a verb that characterises something ("called the attack reckless", "menyebut ... ilegal",
    #: "a qualifié ... d'acte terroriste"): its type is that of the evaluation following it
    #: (events.json ``evaluations``); no event without one
    evaluative: bool = False
    #: the word itself says states take part ("bilateral talks", "state visit"): a consultation
    #: even when its sentence names no party
    between_states: bool = False
    #: words of another sense right after the word (in its clause, starting at most
    #: ``not_followed_within`` words after it): "agree that" (an opinion), "fled the scene" (a culprit)
    not_followed_by: tuple[str, ...] = ()
    not_followed_within: int = 1
    #: words of another sense right before the word (ending at most ``not_preceded_within`` words
    #: before it): "I agree", "experts agree"
    not_preceded_by: tuple[str, ...] = ()
    not_preceded_within: int = 2
    #: the type (TYPE or TYPE/mode) the word takes when a state or an international body does it:
    #: a government that "protests" lodges a complaint (ACCUSE), it does not demonstrate
    by_state: str = ""
    #: an exchange between two parties ("prisoner swap", "pertukaran tawanan"): each party's act
    #: toward the other, two events when the text names both
    reciprocal: bool = False
    #: a verb in the synthetic future ("protestarán", "se reunirán", "manifesteront"; morph_lexicon):
    #: an act to come, never a deed
    future: bool = False
    #: a verb's base form ("expel the ambassador", "close the border"): English has no future ending, so
    #: the act is one announced after a modal ("will expel", "vowed to close"), a threat or a promise;
    #: without one it is an infinitive or an imperative ("urged Britain to expel"), never a deed
    bare: bool = False
    #: the last letter the phrase was written with, where the language tells words apart by its accent
    #: alone (French "conteste" he disputes, "contesté" disputed; events.json ``final_accent_letters``)
    final_letter: str = ""
    #: done jointly ("launched a joint investigation", "melancarkan operasi bersama"): by parties of two
    #: states, an investigation or operation is their judicial or security cooperation (events.py)
    joint: bool = False


#: words after a characterising verb searched for its evaluation
EVALUATION_WINDOW = 8
_WORD_RUN = re.compile(r"\S+")

#: a match score ("2-1", "3 - 2"): the sentence is about a game
_SCORE_RE = re.compile(r"(?<![\d/.-])\d{1,2}\s?[-–]\s?\d{1,2}(?![\d/.-])")

#: what an ignored idiom resolves to: no event
_IGNORED = Trigger(type="", mode=None, actor="", target="")


@dataclass(frozen=True)
class TriggerHit:
    start: int
    end: int
    trigger: Trigger


@dataclass(frozen=True)
class Lexicon:
    #: every trigger phrase (and ignored idiom) -> its trigger
    index: PhraseIndex
    modal: re.Pattern | None
    #: modals that name a plan ("plans to", "rencana"): after a trigger they are its object, not its mood
    object_modals: frozenset[str]
    negation: re.Pattern | None
    conditional: re.Pattern | None
    cumulative: re.Pattern | None
    #: a span over a year ("throughout 2023", "sepanjang 2023"): what it counts up to now is a running total
    running_years: re.Pattern | None
    sports: re.Pattern | None
    clause_breaks: tuple[str, ...]
    #: words before an actor that make it the agent of a passive ("by", "oleh")
    agent: re.Pattern | None
    #: text ending just before a place that makes it where something happened: "in ",
    #: "di Stadion Kanjuruhan, " (a locative and at most a few capitalised words)
    locative: re.Pattern | None
    #: words that report another's claim: what follows is its content ("claimed responsibility")
    reporting: re.Pattern | None
    #: words after which a trigger is the earlier happening a period is counted from ("since")
    background: re.Pattern | None
    #: words after which a trigger is a purpose, not a deed ("to help", "untuk membahas"); not where a
    #: marker opens an adverbial idiom (events.json ``purpose_idioms``: "pour sa part", "untuk pertama kalinya")
    purpose: re.Pattern | None
    #: determiners between a purpose marker and a name ("pour le Yémen"): a preposition, no purpose
    purpose_determiners: frozenset[str]
    #: causes of death that are no violence ("medical emergencies")
    natural: re.Pattern | None
    #: words that make the figures of their clause part of another toll ("among the dead")
    subset: re.Pattern | None
    #: words before a date that make it a report's date ("said on Friday", "mengutip")
    report: re.Pattern | None
    #: words before a trigger that put it before the sentence's date ("hours after")
    after: re.Pattern | None
    #: ... exactly one day before ("a day after", "sehari setelah")
    day_after: re.Pattern | None
    #: words closing a date range ("until", "hingga")
    until: re.Pattern | None
    #: words that make an event countrywide, with no single place ("across the country")
    nationwide: re.Pattern | None
    #: auxiliaries just before a trigger that make it passive ("were detained", "ont été")
    passive: re.Pattern | None
    #: a prefix that makes a trigger word passive by itself ("ditangkap")
    passive_prefix: str
    #: endings of future-tense verbs ("reunirá", "viendront"), checked before a trigger
    future: re.Pattern | None
    #: those and the conditional's (events.json ``conditional_endings``: "expulsaría", "expulserait"),
    #: checked only inside a trigger written as a future (flag ``future``); before a trigger the
    #: conditional's endings would take nouns for verbs ("la mayoría", "la artillería")
    future_form: re.Pattern | None
    #: what may join two actors of one clause ("and", "dan", "y", "et")
    joiner: re.Pattern | None
    #: words of natural disasters ("flood", "banjir")
    disaster_words: re.Pattern | None
    #: words of accidents ("crash", "kecelakaan"; ``data/<lang>/accidents.json``)
    accident_words: re.Pattern | None
    #: personal pronouns ("he", "beliau"): a capitalised one is no new name
    pronouns: re.Pattern | None
    #: pronouns that stand for a person named before ("he", "ia", "il"): a speaker
    subject_pronouns: re.Pattern | None
    #: words that lift a restriction ("lifted", "dicabut", "levantó"): with a curfew, ban or
    #: sanction next to them the act is a concession (plover.json ``reversible``)
    reversal: re.Pattern | None = None
    #: verbs that end a tie ("revoked", "membatalkan", "suspendió") and their passives ("was suspended",
    #: "dibatalkan"): with one before or after it, an agreement, cooperation or aid (plover.json ``endable``)
    #: is the act of ending it, a SANCTION
    ending: re.Pattern | None = None
    ended: re.Pattern | None = None
    #: modals of a plain future ("will", "akan"): force announced with one is a threat
    threat_modal: re.Pattern | None = None
    #: markers of a measure in force as it is announced ("with immediate effect", "con efecto inmediato",
    #: "berkuat kuasa serta-merta"): with one, a modal or a future tense tells the act done, not to come
    immediate_effect: re.Pattern | None = None
    #: modals of what did not or need not happen ("would have", "habría"): no threat announced with them
    unreal_modal: re.Pattern | None = None
    #: vows of force ("vowed to", "bersumpah akan"): a threat by the one who vows
    vow: re.Pattern | None = None
    #: words that announce a protest to come ("announced", "anunció", "convocaron a", "mengumumkan")
    announce: re.Pattern | None = None
    #: words that make an investigation or operation a joint one ("joint", "conjunta", "conjointe",
    #: "gabungan", "bersama"; events.json ``joint_markers``)
    joint: re.Pattern | None = None
    #: what a characterising verb may say of something, per PLOVER type: ((type, mode, words), ...)
    #: ("unacceptable": ACCUSE, "baseless": REJECT, "a welcome step": SUPPORT)
    evaluations: tuple[tuple[str, str | None, re.Pattern], ...] = ()
    #: words of financial markets ("shares", "IHSG", "la Bourse"): figurative violence and flight
    #: there ("stocks were slaughtered", "investors fled"; plover.json ``market_figurative``)
    markets: re.Pattern | None = None
    #: words of military drills ("joint exercises", "live-fire"): the attacks in them are simulated
    #: (plover.json ``exercise_figurative``)
    exercises: re.Pattern | None = None
    #: a government's meetings with itself ("cabinet meeting", "rapat krisis", "conseil des ministres"):
    #: no consultation between parties (plover.json ``internal_meeting_types``)
    internal_meetings: re.Pattern | None = None
    #: words that end the reach of a negation or purpose marker before a trigger ("and", "dan", ",")
    negation_breaks: tuple[str, ...] = ()
    #: phrases denying that something happened at all ("no reports of", "tidak ada laporan")
    negated_existence: re.Pattern | None = None
    #: words that link someone to a deed named right after them ("vinculados al ataque", "linked to the
    #: attack"; events.json ``link_markers``): an act told before or elsewhere, no new one
    links: re.Pattern | None = None
    #: words of trying or failing right before the verb that makes a noun an act ("intentaron firmar
    #: un acuerdo", "fracasaron en su intento de alcanzar"; events.json ``unachieved_markers``)
    unachieved: re.Pattern | None = None
    #: a copula and article before a noun trigger: a characterisation ("is an attack on", "merupakan serangan")
    predicative: re.Pattern | None = None
    #: copulas a characterisation of a deed puts after it ("the shelling was barbaric", "merupakan")
    copulas: re.Pattern | None = None
    #: the frame of a work of fiction earlier in the clause ("in the play, a rebel army storms the palace")
    fiction: re.Pattern | None = None
    #: a work whose topic the trigger names ("a film about the siege", "lagu tentang perang")
    work_topics: re.Pattern | None = None
    #: words of talk that take a topic ("a statement on", "spoke about", "debated", "habló sobre",
    #: "membahas"; events.json ``speech_topics``): a deed noun right after one is what is talked about
    speech_topics: re.Pattern | None = None
    #: mass nouns naming a kind of happening ("violence", "kekerasan"; events.json ``happening_nouns``) and the
    #: words that tell one happened ("broke out", "was reported", "pecah"; ``occurrence_words``)
    happening_nouns: frozenset[str] = frozenset()
    occurrence: re.Pattern | None = None
    #: the names of the weekdays and the relative days of dates.json ("on Friday", "kemarin", "hier"):
    #: a happening dated to a day is an act of that day ("Friday's violence")
    day_names: re.Pattern | None = None
    #: a word of remembrance before an event noun ("the anniversary of the massacre", "memperingati
    #: 10 tahun serangan", "commémoré l'attentat", "aniversario de la masacre"): an act long past
    commemorations: re.Pattern | None = None
    #: a word of fear before a deed noun ("fearing a possible attack", "por temor a nuevos ataques",
    #: "craignant des violences"; events.json ``fear_markers``): what is feared has not happened
    fear_markers: re.Pattern | None = None
    #: a word of need or dependence before a deed noun ("in need of humanitarian aid", "dependen de la ayuda
    #: alimentaria", "membutuhkan bantuan"; events.json ``need_markers``): what is needed has not been given
    need_markers: re.Pattern | None = None
    #: a predicate after an event noun saying such acts are common or rare ("protests are common",
    #: "unjuk rasa sudah biasa terjadi", "les manifestations sont fréquentes"): a habit, no act
    generic_predicates: re.Pattern | None = None
    #: an adverb of habit right after a trigger ("protests often turn violent", "las protestas suelen",
    #: "unjuk rasa sering berubah"; events.json ``habit_adverbs``): such acts happen as a rule, no act
    habit_after: re.Pattern | None = None
    #: a copula of definition right after an event noun that opens its sentence ("A curfew is an order
    #: ...", "Jam malam adalah ...", "Le couvre-feu est une mesure ..."): a definition, no act
    definitions: re.Pattern | None = None
    #: a relative pronoun with a verb in the present right after it ("a country that criminalizes dissent",
    #: "a militia that is attacking convoys", "quien encarcela", "qui emprisonne"; events.json ``present_relatives``):
    #: the clause tells what someone habitually does, no act of the story
    present_relative: PresentRelative | None = None
    #: an attribute of a noun ("Belarus, accused of ...", "yang dituduh"): the trigger in it and up
    #: to the next comma describes someone, it reports no new act
    attributive: re.Pattern | None = None
    #: a participle of accusation right after a noun, no comma between (events.json ``reduced_attributive``:
    #: "a killer accused of", "des entreprises accusées de"): an attribute too. The participles, and the words
    #: and word endings before one that make it a verb's (auxiliaries, pronouns, adverbs: "was accused of")
    reduced_attributive: tuple[re.Pattern, frozenset[str], tuple[str, ...]] | None = None
    #: determiners before a noun trigger ("the", "l'", "el") or after it ("itu", "tersebut") that make
    #: it name an act already told ("the agreement made no mention of ...")
    anaphora_before: re.Pattern | None = None
    anaphora_after: re.Pattern | None = None
    #: a verb of asking with a question word ("asked whether", "demandé si", "ditanya apakah"): its
    #: clause is a question, no request, and what the question names did not happen
    questions: re.Pattern | None = None
    #: the same with words between the verb and the question word ("asked the minister whether", "a demandé
    #: au ministre si"; events.json ``question_gaps``)
    question_gap: QuestionGap | None = None
    #: "weeks after", "meses después de", "des années après", "beberapa bulan setelah" (events.json
    #: ``long_after_markers``): what the phrase after one tells lies weeks or more from the story's act
    long_after: re.Pattern | None = None
    #: what a verbal attack is aimed at ("attacked the government's policies", "atacó la política",
    #: "menyerang kebijakan"; events.json ``speech_objects``): the attack is a criticism
    speech_objects: re.Pattern | None = None
    #: words that make an attack one of words ("a scathing attack", "a veiled attack", "ataque verbal",
    #: "attaque verbale"; events.json ``verbal_attack_words``): read right before or right after the attack word
    verbal_attack: re.Pattern | None = None
    #: possessives ("their", "Beijing's", "sus"; events.json ``possessives``): a request word right after
    #: one is a noun naming the demands someone holds ("Beijing's demands to roll back tariffs"), no act
    possessive: Possessive | None = None
    #: a rule as subject and a verb of what it bans, allows or requires ("the law bans", "regulations prohibit",
    #: "UU melarang", "la ley prohíbe", "la loi interdit"; events.json ``rule_statements``): its clause states
    #: a rule, it tells no act
    rules: re.Pattern | None = None
    #: a pluperfect ending with a trigger's first word ("had refused", "había sido detenido",
    #: "avait attaqué"; events.json ``pluperfect``): a deed before the story's time
    pluperfect: re.Pattern | None = None
    #: a present perfect ending with a trigger's first word ("has accused", "have supplied"; events.json
    #: ``perfect``, English only: elsewhere the tense also tells the day's news): undated, a deed at no
    #: time the article gives
    perfect: re.Pattern | None = None
    #: phrases that tie what follows to the story's own days ("it comes as", "the move comes amid";
    #: events.json ``perfect.news_frames``): a present perfect after one is news
    news_frames: re.Pattern | None = None
    #: superlatives and ordinals ("the largest", "la mayor", "la plus grande", "terbesar", "first"): a
    #: running-total marker just after one compares ("the largest protest since 2019"), it sums up nothing
    superlative: re.Pattern | None = None
    #: endings of participles that, glued by a hyphen to the word before, form a compound adjective
    #: ("Russian-backed forces", "so-called", "long-threatened"; events.json ``hyphen_attribute_endings``) ...
    hyphen_endings: tuple[str, ...] = ()
    #: ... unless that word is a verb prefix ("re-arrested", "counter-attacked"; ``hyphen_verb_prefixes``)
    hyphen_verbs: frozenset[str] = frozenset()
    #: prefixes glued by a hyphen that make a trigger name no act ("anti-riot gear", "non-violence",
    #: "post-riot"; events.json ``hyphen_negating_prefixes``)
    hyphen_negating: frozenset[str] = frozenset()
    #: implicative verbs before a purpose marker ("had to", "managed to", "were forced to"; events.json
    #: ``implicative_markers``): the infinitive after them was done ("police had to open fire")
    implicative: re.Pattern | None = None
    #: texts that speak without a speaker ("the communique", "el comunicado", "laporan itu")
    documents: re.Pattern | None = None
    #: words right after an event noun ("riot-hit", "violence-affected", "récentes") or right before it
    #: ("rawan", "en proie aux", "the recent") that make it describe the places or people it struck or
    #: recall an act told before the story (events.json ``affected_markers``, ``recalled_markers``):
    #: "riot-hit areas" and "the recent riots" tell no new riot
    described_after: re.Pattern | None = None
    described_before: re.Pattern | None = None
    #: any form of a verb of saying: the hand-made ``report_markers`` and those the verb table
    #: writes: a sentence with one tells someone's words ("advirtió", "a-t-il averti")
    said: re.Pattern | None = None
    #: the auxiliaries before which a participle is a verb's compound past ("avait rencontré"), read as
    #: a phrase written in the present ("rencontre") when the language tells them apart by a final
    #: accent (events.json ``final_accent_letters``; ``Trigger.final_letter``)
    perfect_auxiliaries: frozenset[str] = frozenset()
    #: a word and the time phrase wire style puts after a verb, before its object ("rompió este jueves
    #: sus relaciones", "a rompu jeudi ses relations"; group 1: the time phrase): read over as if absent
    time_insertion: re.Pattern | None = None
    #: a number between a word and the next ("the release of twelve hostages", "pembebasan 12 sandera",
    #: "la liberación de doce rehenes"; group 1: the number, in figures or the words of numbers.json):
    #: phrases are also read over it
    count_insertion: re.Pattern | None = None
    #: modals of a plain future a retreat is promised with ("will", "akan", "va a"; not "would")
    promise_modal: re.Pattern | None = None
    #: conditions that hang an announced act on the other side's failure ("unless", "kecuali jika",
    #: "a menos que", "à moins que"; events.json ``threat_conditions``): the announcement is a threat
    threat_condition: re.Pattern | None = None
    #: verbs of ordering ("ordered", "ordenó", "memerintahkan"; events.json ``order_words``): a request
    #: made with one imposes the act it names ("ordered a curfew"); any other request only asks for it
    orders: re.Pattern | None = None
    #: what civic and ceremonial appeals ask of the public ("blood", "a minute of silence", "witnesses",
    #: "sangre", "mengheningkan cipta"; events.json ``civic_appeals``): a request for one is no
    #: political demand (PLOVER REQUEST asks a party to act)
    civic_appeals: re.Pattern | None = None
    #: a private or commercial audience right after a request ("asked customers", "pidió a sus clientes",
    #: "meminta nasabah"; events.json ``private_addressees``): a business's or a school's notice, no
    #: political demand (label guide of eval/filter/README.md: private and commercial acts are no events)
    private_addressees: re.Pattern | None = None
    #: the press right after a meeting word ("met reporters", "se reunió el jueves con periodistas",
    #: "bertemu wartawan"; events.json ``press_partners``): a briefing, no consultation between parties
    press_partners: re.Pattern | None = None
    #: things that "call for" or "demand" only in a figure ("the situation demands", "la receta pedía",
    #: "krisis yang menuntut"; events.json ``non_agent_subjects``): just before a request, no one asks
    non_agents: re.Pattern | None = None
    #: words that introduce what a call asks of the party it names ("to", "a", "à", "untuk";
    #: events.json ``call_markers``): "called on workers to strike" convenes a strike, "pidió a
    #: médicos en huelga una tregua" only names whom it asks
    call_markers: re.Pattern | None = None
    #: light verbs, determiners and attributes that may stand between a call marker and the protest it
    #: calls for ("called on workers to stage a general strike", "a realizar una huelga", "à faire grève";
    #: events.json ``call_fillers``)
    call_fillers: frozenset[str] = frozenset()
    #: words that make a protest word a state of the people it follows ("doctors on strike", "médicos en
    #: huelga", "buruh yang mogok"; events.json ``state_markers``): no protest called for
    state_markers: re.Pattern | None = None
    #: negations that are prepositions ("without", "sin", "sans", "tanpa"; events.json
    #: ``negating_prepositions``): they negate a trigger right after them, bar the auxiliaries of
    #: ``preposition_auxiliaries`` ("sin ser detenidos", "sans avoir été arrêté"); with another word
    #: between they negate that word ("familias sin techo protestaron")
    negating_prepositions: frozenset[str] = frozenset()
    preposition_auxiliaries: frozenset[str] = frozenset()
    #: negations that mean "only" when a restrictive word follows the verb (French "ne ... que": "n'a
    #: arrêté que deux manifestants" arrested two; events.json ``restrictive_negation``)
    restrictive_negations: frozenset[str] = frozenset()
    restrictive_after: re.Pattern | None = None
    #: relative pronouns that open an aside after a comma (", que", ", which", ", yang"; events.json
    #: ``aside_relatives``): a modal right after one qualifies the noun before the aside
    aside_openers: frozenset[str] = frozenset()
    #: words of people held by others ("hostages", "rehenes", "otages", "sandera", "tebusan"; events.json
    #: ``hostage_words``): police or troops who free them rescue them, no captor yields
    hostages: re.Pattern | None = None
    #: words naming two parties told before ("the two leaders", "both sides", "kedua pihak", "ambas partes",
    #: "les deux dirigeants"; events.json ``dual_parties``): a meeting of theirs is between those two
    dual_parties: re.Pattern | None = None
    #: determiners that make a participle right after them a noun or an attribute ("los detenidos",
    #: "les expulsés", "los 75 deportados"; events.json ``participle_nouns``): people, no new act
    participle_determiners: frozenset[str] = frozenset()
    #: endings of those participles, matched on the lower-cased text ("ados", "ées")
    participle_endings: tuple[str, ...] = ()
    #: participles of the lexicon's verbs, by ``_participle_key``: the words its phrases put after an
    #: auxiliary of ``participle_nouns`` ("fueron detenidos", "ont été expulsés"), so that nouns with a
    #: participle's ending ("el atentado", "la levée") are no participles
    participle_keys: frozenset[str] = frozenset()


#: quotation marks around a word
_QUOTES = "\"'“”‘’«»"


@dataclass(frozen=True)
class PresentRelative:
    """Relative pronouns (folded), the auxiliaries of a progressive after them, and the endings of
    present-tense verbs (matched on the lower-cased text: accents matter) that follow them, past
    the clitic pronouns of ``clitics``."""
    openers: frozenset[str]
    auxiliaries: frozenset[str]
    endings: tuple[str, ...]
    progressive_endings: tuple[str, ...]
    not_endings: tuple[str, ...]
    #: pronouns before the verb that are not it ("se niega": the verb is "niega")
    clitics: frozenset[str] = frozenset()


@dataclass(frozen=True)
class QuestionGap:
    """A verb of asking, up to ``reach`` words (its object), then a question word; a word of
    ``blockers`` in between makes it a request ("asked the minister to explain why")."""
    verbs: re.Pattern
    words: frozenset[str]
    blockers: frozenset[str]
    reach: int


def _question_gap(spec: dict) -> QuestionGap | None:
    if not spec.get("verbs"):
        return None
    return QuestionGap(verbs=_words_pattern(spec["verbs"]), words=frozenset(fold(w) for w in spec["words"]),
                       blockers=frozenset(fold(w) for w in spec.get("blockers", [])), reach=int(spec.get("reach", 4)))


@dataclass(frozen=True)
class Possessive:
    """Possessive words, possessive endings ("'s") and the words with such an ending that are no
    possessive ("he's", "it's": a verb follows them); ``renewals``: speech verbs that, right before
    the possessive, make the demands said again ("insisted on its demands", "reiteró sus exigencias")."""
    words: frozenset[str]
    endings: tuple[str, ...]
    not_words: frozenset[str]
    renewals: re.Pattern | None = None

    def owns(self, word: str) -> bool:
        return word in self.words or (word.endswith(self.endings) and word not in self.not_words)


def _possessive(spec: dict) -> Possessive | None:
    if not spec.get("words"):
        return None
    return Possessive(words=frozenset(fold(w) for w in spec["words"]), endings=tuple(fold(e) for e in spec.get("endings", [])),
                      not_words=frozenset(fold(w) for w in spec.get("not_words", [])),
                      renewals=_trailing_pattern(spec.get("renewals", [])))


def _present_relative(spec: dict) -> PresentRelative | None:
    if not spec.get("openers"):
        return None
    return PresentRelative(
        openers=frozenset(fold(w) for w in spec["openers"]),
        auxiliaries=frozenset(fold(w) for w in spec.get("auxiliaries", [])),
        endings=tuple(spec.get("endings", [])), progressive_endings=tuple(spec.get("progressive_endings", [])),
        not_endings=tuple(spec.get("not_endings", [])), clitics=frozenset(spec.get("clitics", [])))


def _words_pattern(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    folded = [fold(w) for w in sorted(set(words), key=len, reverse=True)]
    alts = alternation(folded, " ")
    # a look-ahead for the words' first letters: a position no word starts at fails at once
    # instead of trying every alternative (the match is the same)
    firsts = "".join(re.escape(c) for c in sorted({w[0] for w in folded})) if all(folded) else ""
    starts = f"(?=[{firsts}])" if firsts else ""
    return re.compile(rf"{starts}(?<!\w)(?:{alts}){WORD_END}")


def _habit_after_pattern(words: list[str]) -> re.Pattern | None:
    """An adverb of habit (or a copula and one: "are often", "deviennent souvent") opening a text after
    a space ("often turn"): matched on what follows a trigger. No other word may stand between, so
    "arrested protesters often seen at rallies" keeps its arrest."""
    adverbs = _words_pattern(words)
    return re.compile(rf"\s+{adverbs.pattern}") if adverbs else None


def _audience_pattern(words: list[str], reach: int) -> re.Pattern | None:
    """One of ``words`` within the first ``reach`` + 1 words of a text, with no punctuation before it
    ("customers", "a sus clientes", "el jueves con periodistas"): matched on what follows a trigger."""
    audience = _words_pattern(words)
    return re.compile(rf"\s+(?:[^\s,;:.!?()]+\s+){{0,{reach}}}{audience.pattern}") if audience else None


def _purpose_pattern(markers: list[str], idioms: list[str]) -> re.Pattern | None:
    """The purpose markers, save where one opens an adverbial idiom ("a pour sa part prévenu": for
    his part, no purpose; "untuk pertama kalinya menyerang": for the first time)."""
    pattern = _words_pattern(markers)
    if pattern is None or not idioms:
        return pattern
    alts = alternation([fold(w) for w in sorted(set(idioms), key=len, reverse=True)], " ")
    return re.compile(rf"(?<!\w)(?!(?:{alts})(?!\w)){pattern.pattern}")


#: a determiner (events.json ``purpose_determiners``) and then a capitalised word, after a purpose marker
_NAME_AFTER_RE = re.compile(r"\s*(?:(\S+?['’])|(\S+)\s+)?(\S)")


def _purposes_before_names(lex: Lexicon, sentence: str, folded: str, lo: int, start: int) -> bool:
    """Every purpose marker between ``lo`` and ``start`` stands before a name (a capitalised word,
    a determiner between: ``purpose_determiners``), in a sentence not written in title case: a
    preposition before a name ("Utusan PBB untuk Yaman mengecam", "the ambassador to the United States
    criticised", "l'envoyé de l'ONU pour le Yémen a condamné"), not a purpose before a verb. In text
    without capitals ("led to the large-scale killing") nothing tells a name: the purpose stands."""
    found = list(lex.purpose.finditer(folded, max(lo, 0), start))
    if not found or len(folded) != len(sentence) or _title_case(sentence):
        return False
    return all(_name_follows(lex, sentence, folded, m.end()) for m in found)


def _name_follows(lex: Lexicon, sentence: str, folded: str, at: int) -> bool:
    m = _NAME_AFTER_RE.match(sentence, at)
    if m is None:
        return False
    word = m.group(1) or m.group(2)
    if word and fold(word) not in lex.purpose_determiners:
        return sentence[m.start(1) if m.group(1) else m.start(2)].isupper()
    return m.group(3).isupper()


def _title_case(sentence: str) -> bool:
    """Most words of ``sentence`` start with a capital (a headline: "Thousands Rally To Protest Law")."""
    words = sentence.split()
    return sum(w[:1].isupper() for w in words) * 2 > len(words)


def _year_span_pattern(words: list[str]) -> re.Pattern | None:
    """``words`` right before a year (1900-2099)."""
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{alternation([fold(w) for w in words], ' ')})\s+(?:19|20)\d\d(?![\w/.-]\d)(?!\w)")


def _joiner_pattern(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    return re.compile(alternation([fold(w) for w in words], " "))


def _reduced_attributive(spec: dict) -> tuple[re.Pattern, frozenset[str], tuple[str, ...]] | None:
    """events.json ``reduced_attributive``: its participles as a pattern, its ``not_after`` words and its
    ``adverb_endings`` (see ``Lexicon.reduced_attributive``)."""
    participles = [fold(w) for w in spec.get("participles", [])]
    if not participles:
        return None
    return (re.compile(rf"(?<![\w'-])(?:{alternation(participles)})"),
            frozenset(fold(w) for w in spec.get("not_after", [])), tuple(fold(w) for w in spec.get("adverb_endings", [])))


def _reduced_attributes(lex: Lexicon, folded: str) -> list[re.Match]:
    """The participles of ``lex.reduced_attributive`` in ``folded`` right after a word that is no auxiliary,
    pronoun or adverb ("a killer accused of", not "was accused of", "formally accused of", "il est accusé de"):
    each opens a reduced relative clause about the noun before it."""
    if lex.reduced_attributive is None:
        return []
    pattern, barred, endings = lex.reduced_attributive
    found = []
    for m in pattern.finditer(folded):
        before = folded[max(0, m.start() - 40):m.start()]
        word = before.split()[-1] if before.strip() and before[-1].isspace() else ""
        if word[:1].isalpha() and word not in barred and not (endings and word.endswith(endings)):
            found.append(m)
    return found


def _described_by(data: dict, side: str) -> list[str]:
    """The words on ``side`` ("after" or "before") of an event noun that make it describe, not tell."""
    return [w for key in ("affected_markers", "recalled_markers", "naming_markers")
            for w in (data.get(key) or {}).get(side, [])]


def _leading_pattern(words: list[str]) -> re.Pattern | None:
    """One of ``words`` opening a text (they may start with a hyphen: "-hit")."""
    return re.compile(rf"(?:{alternation([fold(w) for w in words], ' ')}){WORD_END}") if words else None


def _trailing_pattern(words: list[str]) -> re.Pattern | None:
    """One of ``words`` closing a text, bar spaces."""
    return re.compile(rf"(?<!\w)(?:{alternation([fold(w) for w in words], ' ')})\s*$") if words else None


def _endings_pattern(endings: list[str]) -> re.Pattern | None:
    """Lower-case words ending in one of ``endings`` (matched on the unfolded text: accents matter;
    a capitalised word is a name, "Irán" is no future tense)."""
    if not endings:
        return None
    return re.compile(rf"(?<!\w)[^\W\d_A-ZÀ-ÖØ-Þ]\w*?(?:{alternation(endings, ' ')})(?!\w)")


def _locative_pattern(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    name = r"\(?[A-ZÀ-Þ][\w'’.-]*\)?"  # a name, or its abbreviation in brackets ("di Akademi Militer (Akmil), Magelang")
    # a French word elided before a vowel ("près d'Abéché", "au large d'Abidjan") is glued to the name
    return re.compile(rf"(?<!\w)(?i:{alternation(words, ' ')})(?:(?<=['’])|\s+)(?:(?:the|la|le|el)\s+|l['’]\s*)?"
                      rf"(?:{name}[\s,]+){{0,4}}$")


def _with_final_letters(phrases: list[tuple[str, Trigger]], letters: frozenset[str]) -> list[tuple[str, Trigger]]:
    """Each phrase ending in the plain letter of ``letters`` ("e" of "e", "é") keeps it on its trigger,
    unless the lexicon also spells the phrase with an accented one: folding makes "conteste" and
    "contesté" one phrase, but a French present ("X conteste les résultats") is no participle ("le
    scrutin contesté", "les faits reprochés"). A phrase written with the accent is left alone: text
    typed without accents still reads as it."""
    spellings: dict[str, set[str]] = {}
    for phrase, _ in phrases:
        if phrase[-1:] in letters:
            spellings.setdefault(fold(phrase), set()).add(phrase[-1])
    variants: dict[tuple[int, str], Trigger] = {}
    out = []
    for phrase, trigger in phrases:
        last = phrase[-1:]
        if last in letters and fold(last) == last and len(spellings[fold(phrase)]) == 1:
            key = (id(trigger), last)
            if key not in variants:
                variants[key] = replace(trigger, final_letter=last)
            trigger = variants[key]
        out.append((phrase, trigger))
    return out


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The compiled trigger lexicon of ``lang`` (empty when the language has none)."""
    data = load_data(lang, "events") or {}
    # generated or larger lexicons of the language (``trigger_files``; the paradigms of
    # ``morph_verbs.json``, written here since that takes a few milliseconds) come after the
    # hand-made triggers, which win on equal phrases
    extra = [load_data(lang, name) or {} for name in data.get("trigger_files", [])]
    verb_table = load_data(lang, "morph_verbs")
    if verb_table:
        extra.append(morph_lexicon.generate(lang, verb_table, data.get("triggers", [])))
    phrases: list[tuple[str, Trigger]] = []
    hand_made = data.get("triggers", [])
    for i, entry in enumerate(hand_made + [e for x in extra for e in x.get("triggers", [])]):
        trigger = Trigger(
            type=entry["type"], mode=entry.get("mode"), actor=entry.get("actor", ""),
            target=entry.get("target", ""), passive=bool(entry.get("passive")),
            sports=bool(entry.get("sports")), modal_ok=bool(entry.get("modal_ok")),
            anchor=bool(entry.get("anchor")), content=bool(entry.get("content")),
            needs_actor=bool(entry.get("needs_actor")), casualty=bool(entry.get("casualty")),
            named_actor=entry.get("needs_actor") == "named" or i >= len(hand_made),
            needs_count=bool(entry.get("needs_count")), disaster=bool(entry.get("disaster")),
            requires=tuple(fold(w) for w in entry.get("requires", ())),
            evaluative=bool(entry.get("evaluative")),
            between_states=bool(entry.get("between_states")),
            not_followed_by=tuple(fold(w) for w in entry.get("not_followed_by", ())),
            not_followed_within=int(entry.get("not_followed_within", 1)),
            not_preceded_by=tuple(fold(w) for w in entry.get("not_preceded_by", ())),
            not_preceded_within=int(entry.get("not_preceded_within", 2)),
            by_state=entry.get("by_state", ""),
            reciprocal=bool(entry.get("reciprocal")),
            future=bool(entry.get("future")),
            bare=bool(entry.get("bare")),
        )
        phrases.extend((phrase, trigger) for phrase in entry["p"])
    if data.get("final_accent_letters"):
        phrases = _with_final_letters(phrases, frozenset(data["final_accent_letters"]["letters"]))
    # idioms that contain a trigger word ("menahan diri") come first: same length, they win
    ignored = [(phrase, _IGNORED) for phrase in data.get("ignore", []) + [p for x in extra for p in x.get("ignore", [])]]
    return Lexicon(
        index=PhraseIndex(ignored + phrases),
        modal=_words_pattern(data.get("modal", [])),
        object_modals=frozenset(fold(w) for w in data.get("object_modals", [])),
        negation=_words_pattern(data.get("negation", [])),
        conditional=_words_pattern(data.get("conditional", [])),
        cumulative=_words_pattern(data.get("cumulative", [])),
        running_years=_year_span_pattern(data.get("running_year_markers", [])),
        sports=_words_pattern(data.get("sports", [])),
        clause_breaks=tuple(fold(b) for b in data.get("clause_breaks", [])),
        agent=_words_pattern(data.get("agent_markers", [])),
        locative=_locative_pattern(data.get("locatives", [])),
        reporting=_words_pattern(data.get("reporting_markers", [])),
        background=_words_pattern(data.get("background_markers", [])),
        purpose=_purpose_pattern(data.get("purpose_markers", []), data.get("purpose_idioms", [])),
        purpose_determiners=frozenset(fold(w) for w in data.get("purpose_determiners", [])),
        natural=_words_pattern(data.get("natural_causes", [])),
        subset=_words_pattern(data.get("subset_markers", [])),
        report=_words_pattern(data.get("report_markers", [])),
        said=_words_pattern(data.get("report_markers", []) + [p for x in extra for p in x.get("report_markers", [])]),
        perfect_auxiliaries=frozenset(w.lower() for w in (data.get("final_accent_letters") or {}).get("auxiliaries", [])),
        after=_words_pattern(data.get("after_markers", [])),
        day_after=_words_pattern(data.get("day_after_markers", [])),
        until=_words_pattern(data.get("until_markers", [])),
        nationwide=_words_pattern(data.get("nationwide_markers", [])),
        passive=_words_pattern(data.get("passive_markers", [])),
        passive_prefix=fold(data.get("passive_prefix", "")),
        future=_endings_pattern(data.get("future_endings", [])),
        future_form=_endings_pattern(data.get("future_endings", []) + data.get("conditional_endings", [])),
        joiner=_joiner_pattern(data.get("actor_joiners", [])),
        disaster_words=_words_pattern(data.get("disaster_words", [])),
        accident_words=_words_pattern((load_data(lang, "accidents") or {}).get("words", [])),
        pronouns=_joiner_pattern(data.get("pronouns", [])),
        subject_pronouns=_joiner_pattern(data.get("subject_pronouns", [])),
        reversal=_words_pattern(data.get("reversal_markers", [])),
        ending=_words_pattern(data.get("ending_markers", [])),
        ended=_words_pattern(data.get("ended_markers", [])),
        threat_modal=_words_pattern(data.get("threat_modals", [])),
        immediate_effect=_words_pattern(data.get("immediate_effect", [])),
        unreal_modal=_words_pattern(data.get("unreal_modals", [])),
        vow=_words_pattern(data.get("vows", [])),
        announce=_words_pattern(data.get("announce_markers", [])),
        joint=_words_pattern(data.get("joint_markers", [])),
        evaluations=_evaluations(data.get("evaluations", {})),
        markets=_words_pattern(data.get("markets", [])),
        exercises=_words_pattern(data.get("exercises", [])),
        internal_meetings=_words_pattern(data.get("internal_meetings", [])),
        negation_breaks=tuple(fold(b) for b in data.get("negation_breaks", [])),
        negated_existence=_words_pattern(data.get("negated_existence", [])),
        unachieved=_words_pattern(data.get("unachieved_markers", [])),
        links=_words_pattern(data.get("link_markers", [])),
        predicative=_words_pattern(data.get("predicative", [])),
        copulas=_words_pattern(data.get("copulas", [])),
        fiction=_words_pattern(data.get("fiction_frames", [])),
        work_topics=_words_pattern(data.get("work_topics", [])),
        speech_topics=_words_pattern(data.get("speech_topics", [])),
        happening_nouns=frozenset(fold(w) for w in data.get("happening_nouns", [])),
        occurrence=_words_pattern(data.get("occurrence_words", [])),
        day_names=_day_names_pattern(lang),
        commemorations=_words_pattern(data.get("commemorations", [])),
        fear_markers=_words_pattern(data.get("fear_markers", [])),
        need_markers=_words_pattern(data.get("need_markers", [])),
        generic_predicates=_words_pattern(data.get("generic_predicates", [])),
        habit_after=_habit_after_pattern(data.get("habit_adverbs", [])),
        definitions=_leading_pattern(data.get("definition_markers", [])),
        present_relative=_present_relative(data.get("present_relatives") or {}),
        attributive=_joiner_pattern(data.get("attributive", [])),
        reduced_attributive=_reduced_attributive(data.get("reduced_attributive") or {}),
        anaphora_before=_words_pattern(data.get("anaphora_before", [])),
        anaphora_after=_words_pattern(data.get("anaphora_after", [])),
        questions=_words_pattern(data.get("questions", [])),
        question_gap=_question_gap(data.get("question_gaps") or {}),
        long_after=_words_pattern(data.get("long_after_markers", [])),
        speech_objects=_words_pattern(data.get("speech_objects", [])),
        verbal_attack=_words_pattern(data.get("verbal_attack_words", [])),
        possessive=_possessive(data.get("possessives") or {}),
        pluperfect=_pluperfect_pattern(data.get("pluperfect") or {}),
        perfect=_pluperfect_pattern(data.get("perfect") or {}),
        news_frames=_words_pattern((data.get("perfect") or {}).get("news_frames", [])),
        superlative=_words_pattern(data.get("superlatives", [])),
        hyphen_endings=tuple(fold(e) for e in data.get("hyphen_attribute_endings", [])),
        hyphen_verbs=frozenset(fold(w) for w in data.get("hyphen_verb_prefixes", [])),
        hyphen_negating=frozenset(fold(w) for w in data.get("hyphen_negating_prefixes", [])),
        implicative=_words_pattern(data.get("implicative_markers", [])),
        documents=_words_pattern(data.get("document_subjects", []) + data.get("commentators", [])),
        rules=_rule_pattern(data.get("rule_statements") or {}),
        described_after=_leading_pattern(_described_by(data, "after")),
        described_before=_trailing_pattern(_described_by(data, "before")),
        time_insertion=_time_insertion_pattern(lang, data.get("time_insertions") or {}),
        count_insertion=_count_insertion_pattern(lang),
        promise_modal=_words_pattern(data.get("promise_modals", [])),
        threat_condition=_words_pattern(data.get("threat_conditions", [])),
        orders=_words_pattern(data.get("order_words", [])),
        civic_appeals=_words_pattern(data.get("civic_appeals", [])),
        private_addressees=_audience_pattern(data.get("private_addressees", []), ADDRESSEE_REACH),
        press_partners=_audience_pattern(data.get("press_partners", []), PRESS_REACH),
        non_agents=_words_pattern(data.get("non_agent_subjects", [])),
        call_markers=_words_pattern(data.get("call_markers", [])),
        call_fillers=frozenset(fold(w) for w in data.get("call_fillers", [])),
        state_markers=_words_pattern(data.get("state_markers", [])),
        negating_prepositions=frozenset(fold(w) for w in (data.get("negating_prepositions") or {}).get("words", [])),
        preposition_auxiliaries=frozenset(
            fold(w) for w in (data.get("negating_prepositions") or {}).get("auxiliaries", [])),
        restrictive_negations=frozenset(fold(w) for w in (data.get("restrictive_negation") or {}).get("negations", [])),
        restrictive_after=_follow_pattern(tuple(fold(w) for w in (data.get("restrictive_negation") or {}).get(
            "after", [])), RESTRICTIVE_GAP + 1) if (data.get("restrictive_negation") or {}).get("after") else None,
        aside_openers=frozenset(fold(w) for w in data.get("aside_relatives", [])),
        hostages=_words_pattern(data.get("hostage_words", [])),
        dual_parties=_words_pattern(data.get("dual_parties", [])),
        **_participle_nouns(data.get("participle_nouns") or {}, [p for p, _ in phrases]),
    )


def _participle_key(word: str) -> str:
    """A folded participle without its gender and number endings ("detenidas", "detenido" -> "detenid";
    "expulsees", "expulse" -> "expuls")."""
    return word.rstrip("s").rstrip("aeo")


def _participle_nouns(spec: dict, phrases: list[str]) -> dict:
    """The ``participle_nouns`` fields of a Lexicon: determiners, endings and the keys of the
    participles the trigger phrases put after one of the spec's auxiliaries."""
    if not spec:
        return {}
    auxiliaries = frozenset(fold(w) for w in spec.get("auxiliaries", []))
    keys = {_participle_key(b) for p in phrases for a, b in pairwise(fold(p).split()) if a in auxiliaries}
    return {"participle_determiners": frozenset(fold(w) for w in spec.get("determiners", [])),
            "participle_endings": tuple(e.lower() for e in spec.get("endings", [])),
            "participle_keys": frozenset(keys)}


#: letters before an adverb ending ("igual-mente"): fewer make a noun or a name ("de-mente", "Cle-mente")
ADVERB_STEM = 4


def _time_insertion_pattern(lang: str, spec: dict) -> re.Pattern | None:
    """A day named after a verb (events.json ``time_insertions``: determiners and day parts around
    the weekdays and relative days of dates.json): "este martes", "el jueves por la noche", "hier soir";
    a day part may also open it and name the day after it (``part_openers``: "la tarde del lunes", "a
    última hora del lunes", "la madrugada de hoy"), and a night may span two days (``span_joiners``:
    "en la noche del jueves al viernes", "dans la nuit de mardi à mercredi"); an adverb stands there too
    (``adverbs``, and words with one of ``adverb_endings``: "expresaron igualmente su apoyo", "a
    condamné fermement l'attaque")."""
    if not spec:
        return None
    days, relative = _day_words(lang)
    determiners = [fold(w) for w in spec.get("determiners", [])]
    parts = [fold(w) for w in spec.get("day_parts", [])]
    openers = [fold(w) for w in spec.get("part_openers", [])]
    joiners = [fold(w) for w in spec.get("span_joiners", [])]
    lead = alternation(determiners + openers)
    span = rf"(?:\s+(?:{alternation(joiners)})\s+(?:{alternation(days)}))?" if joiners else ""
    day = rf"(?:(?:{lead})\s+)?(?:{alternation(days)}){span}(?:\s+(?:{alternation(parts)}))?"
    before_relative = rf"(?:(?:{alternation(openers)})\s+)?" if openers else ""
    prepositions = [fold(w) for w in spec.get("not_after", [])]
    # after a preposition the day is its complement ("convocó para este sábado una marcha"), not an insertion
    free = rf"(?!(?:{alternation(prepositions + determiners)})\s)"
    adverbs = []
    if spec.get("adverbs"):
        adverbs.append(alternation(fold(w) for w in spec["adverbs"]))
    if spec.get("adverb_endings"):
        adverbs.append(rf"\w{{{ADVERB_STEM},}}(?:{alternation(fold(w) for w in spec['adverb_endings'])})")
    inserted = rf"|(?:{'|'.join(adverbs)})(?!\w)" if adverbs else ""
    return re.compile(rf"(?<!\w){free}\w+ ({day}|{before_relative}(?:{alternation(relative)}){inserted})(?= \w)")


#: words either side of a number read again with the number blanked
NUMBER_READING_WORDS = 5
_WORD_END = re.compile(r"\S(?!\S)")


def _day_words(lang: str) -> tuple[list[str], list[str]]:
    """The weekdays and the relative days ("yesterday", "kemarin", "hier") of dates.json, folded."""
    dates = load_data(lang, "dates") or {}
    return [fold(w) for w in dates.get("weekdays", {})], [fold(w) for w in dates.get("relative", {})]


def _day_names_pattern(lang: str) -> re.Pattern | None:
    """The weekdays and relative days of dates.json, bar the short forms of a weekday ("fri" of "friday",
    which are words of their own elsewhere: "sun", "sat", "wed")."""
    days, relative = _day_words(lang)
    full = [d for d in days if not any(other != d and other.startswith(d) for other in days)]
    return _words_pattern(full + relative)


def _count_insertion_pattern(lang: str) -> re.Pattern | None:
    """A number in figures or words (numbers.json ``words``, ``multipliers``, ``scales``, ``adders``;
    not the vague words, which are nouns of their own: "dozens of") between two words, with the unit
    of measure after it (numbers.json ``units``: "mengirim 50 ton bantuan")."""
    spec = load_data(lang, "numbers") or {}
    words = [fold(w) for key in ("words", "multipliers", "scales", "adders") for w in spec.get(key) or {}]
    if not words:
        return None
    number = rf"(?:\d[\d.,]*|{alternation(words)})"
    units = [fold(w) for w in spec.get("units") or ()]
    unit = rf"(?: (?:{alternation(units)}))?" if units else ""
    return re.compile(rf"(?<=\w )({number}(?:[ -]{number})*{unit})(?= \w)")


def _insertions(pattern: re.Pattern | None, folded: str) -> list[tuple[int, int]]:
    """The spans of group 1 of each match of ``pattern`` in ``folded``: one scan, which tells whether
    there are any, what to blank and where to read again."""
    return [m.span(1) for m in pattern.finditer(folded)] if pattern is not None else []


def _blanked(folded: str, spans: list[tuple[int, int]]) -> str:
    """``folded`` with the ``spans`` blanked out (same length)."""
    for start, end in spans:
        folded = folded[:start] + " " * (end - start) + folded[end:]
    return folded


def _near_numbers(lex: Lexicon, blanked: str, numbers: list[tuple[int, int]]) -> list[tuple[int, int, Trigger]]:
    """The phrases of ``blanked`` (the text with its ``numbers`` blanked) read around each number, within
    ``NUMBER_READING_WORDS`` words either side (a phrase bridging a number is short; reading only
    there keeps the second reading cheap)."""
    over: list[tuple[int, int, Trigger]] = []
    for number_start, number_end in numbers:
        start = words_back(blanked, number_start, NUMBER_READING_WORDS)
        end = _words_on(blanked, number_end, NUMBER_READING_WORDS)
        over.extend((a + start, b + start, t) for a, b, t in lex.index.find(blanked[start:end]))
    return over


def _words_on(text: str, at: int, n: int) -> int:
    """Where the ``n``-th word after ``at`` ends."""
    ends = [m.end() for m in islice(_WORD_END.finditer(text, at), n)]
    return ends[-1] if ends else len(text)


def _read_over(lex: Lexicon, found: list[tuple[int, int, Trigger]],
               over: list[tuple[int, int, Trigger]]) -> list[tuple[int, int, Trigger]]:
    """``found`` with the phrases ``over`` read over blanked spans: the longer reading wins where
    they overlap, and one where nothing was found is added."""
    kept = [f for f in found if not any(a < f[1] and f[0] < b and b - a > f[1] - f[0] for a, b, _ in over)]
    added = [o for o in over if not any(o[0] < b and a < o[1] for a, b, _ in kept)]
    return sorted(kept + added, key=lambda f: f[0])


def _phrases_found(lex: Lexicon, folded: str) -> tuple[list[tuple[int, int, Trigger]], str]:
    """The lexicon's phrases in ``folded`` and the text their context is read in: where a day stands
    between a verb and its object or cue ("amenazó el jueves con declarar"), the phrases read over it
    too (the longer reading wins where they overlap) and the text with the day blanked out; where a
    number stands between a word and its noun ("la liberación de doce rehenes"), the phrases read
    over it too (the text they are read in keeps the number: it may be a score or a count)."""
    found = lex.index.find(folded)
    timed = folded
    days = _insertions(lex.time_insertion, folded)
    if days:
        timed = _blanked(folded, days)
        found = _read_over(lex, found, lex.index.find(timed))
    numbers = _insertions(lex.count_insertion, timed)
    if numbers:
        found = _read_over(lex, found, _near_numbers(lex, _blanked(timed, numbers), numbers))
    return found, timed


#: words between a rule's noun and its verb ("regulations of the league prohibit", "the law also bans")
RULE_GAP = 3


def _rule_pattern(spec: dict) -> re.Pattern | None:
    """A rule (``subjects``: "law", "regulations", "undang-undang") and, at most ``RULE_GAP`` words on,
    a verb of what it bans, allows or requires (``verbs``: "bans", "prohibit", "melarang", "interdit")."""
    if not spec.get("subjects") or not spec.get("verbs"):
        return None
    subjects = alternation([fold(w) for w in spec["subjects"]])
    verbs = alternation([fold(w) for w in spec["verbs"]])
    return re.compile(rf"(?<![\w'-])(?:{subjects})(?![\w'-])(?:\s+[\w'-]+){{0,{RULE_GAP}}}?\s+(?:{verbs})(?![\w'-])")


#: words between a pluperfect's participle and the trigger that is its object
OBJECT_WORDS = 4


def _pluperfect_pattern(spec: dict) -> re.Pattern | None:
    """An auxiliary of the pluperfect ("had", "había", "avait"), at most three filler words ("been",
    "already", "sido", "été") and a word with a participle ending, closing a text (bar spaces)."""
    if not spec.get("auxiliaries") or not spec.get("participle_endings"):
        return None
    aux = alternation([fold(w) for w in spec["auxiliaries"]])
    fillers = alternation([fold(w) for w in spec.get("fillers", [])]) if spec.get("fillers") else None
    ending = alternation([fold(e) for e in spec["participle_endings"]], " ")
    filler = rf"(?:(?:{fillers})\s+){{0,3}}" if fillers else ""
    # the trigger is the participle, or the object of one a few words on ("had shared videos of the violence")
    # or the participle after the object ("had its assets nationalised"); no punctuation in between
    return re.compile(rf"(?<![\w'])(?:{aux})\s+(?:{filler}\w*(?:{ending})(?:\s+[\w']+){{0,{OBJECT_WORDS}}}"
                      rf"|(?:[\w']+\s+){{1,2}}\w*(?:{ending}))\s*$")


def _evaluations(table: dict) -> tuple[tuple[str, str | None, re.Pattern], ...]:
    """events.json ``evaluations`` ({"ACCUSE/disapprove": [words], "REJECT": [words]}) compiled."""
    found = []
    for key, words in table.items():
        if key.startswith("_") or not words:
            continue
        event_type, _, mode = key.partition("/")
        found.append((event_type, mode or None, _words_pattern(words)))
    return tuple(found)


@lru_cache(maxsize=1)
def plover() -> dict:
    return load_data("common", "plover") or {"types": {}, "count_kinds": {}, "verbal_types": []}


@lru_cache(maxsize=None)
def cameo_root(event_type: str) -> str | None:
    return plover()["types"].get(event_type, {}).get("cameo")


@lru_cache(maxsize=None)
def count_kinds(event_type: str, mode: str | None) -> tuple[str, ...]:
    """The count fields an event of this type and mode may carry."""
    kinds = plover()["count_kinds"]
    return tuple(kinds.get(f"{event_type}/{mode}", kinds.get(event_type, ())))


def plover_group(name: str) -> dict:
    """One of plover.json's mappings."""
    return plover().get(name, {})


@lru_cache(maxsize=None)
def plover_list(name: str) -> tuple[str, ...]:
    """One of plover.json's lists (event type groups, count kinds)."""
    return tuple(plover().get(name, ()))


@lru_cache(maxsize=None)
def is_verbal(event_type: str) -> bool:
    """Speech acts (accusing, requesting...): given to the last speaker, located with their speaker."""
    return event_type in plover()["verbal_types"]


#: deeds a party declares as it speaks: a sanction is decided and announced, like a speech act
DECLARED_DEEDS = frozenset({"SANCTION"})


def is_declared(event_type: str) -> bool:
    """Speech acts and the deeds a party declares (``DECLARED_DEEDS``): made where the party speaks
    (a body at its seat), and by a city that stands for its government ("Moscow said", "Bruxelles a adopté")."""
    return is_verbal(event_type) or event_type in DECLARED_DEEDS


@lru_cache(maxsize=None)
def in_group(group: str, event_type: str, mode: str | None = None) -> bool:
    """Whether a type (or type/mode) is listed in one of plover.json's groups."""
    members = plover().get(group, ())
    return event_type in members or f"{event_type}/{mode}" in members


def is_reporting(event_type: str) -> bool:
    """Speech acts about other happenings ("blamed the violence on ...", "denied the attack")."""
    return in_group("reporting_types", event_type)


def may_be_quoted(event_type: str) -> bool:
    """Types a quotation can itself perform (a threat, a denial, a condemnation)."""
    return in_group("quoted_types", event_type)


def _window_before(folded: str, start: int, size: int) -> str:
    words = folded[:start].rsplit(None, size)  # the last ``size`` words, split from the end
    return " ".join(words[-size:]) + " "


def _after_break(window: str, breaks: tuple[str, ...]) -> str:
    """The part of a window before a trigger that follows its last clause join ("did not
    comment and arrested": "and arrested" is not negated)."""
    padded = " " + window
    cut = max((padded.rfind(b) + len(b) for b in breaks if b in padded), default=0)
    return padded[cut:]


def _before_break(window: str, breaks: tuple[str, ...]) -> str:
    """The part of a window after a trigger that comes before its first clause join ("closed its
    airspace and suspended all trade": the suspension is a second act, no reversal of the closure)."""
    cut = min((window.find(b) for b in breaks if b in window), default=len(window))
    return window[:cut] + " "


#: words between a denial of existence and the trigger it denies ("no reports of major clashes"),
#: or a copula and its noun ("is an explosive attack")
DENIED_GAP = 2
#: words after an attributive phrase that may still belong to the attribute ("accused of having served as a base for the invasion")
ATTRIBUTE_WORDS = 8
#: words between a work and the trigger naming its topic ("a film about the 1965 siege")
TOPIC_GAP = 3
#: words between a word of talk and the deed it is about ("a statement on the recent violence")
SPEECH_TOPIC_GAP = 2
#: words between a word of remembrance and the act it recalls ("conmemoró los diez años del atentado")
COMMEMORATION_GAP = 4
#: words between a word of fear and the deed feared ("fearing a fresh bout of violence")
FEAR_GAP = 4
#: words between a word of need and what is needed ("in need of urgent humanitarian aid")
NEED_GAP = 2
#: words between a thing said to ask and its request ("la receta original pedía", "situasi ini menuntut")
NON_AGENT_GAP = 1
#: words after an event noun searched for a predicate of frequency ("protests are not uncommon")
GENERIC_WINDOW = 5


def _ends_near(lex: Lexicon, cue: re.Pattern | None, folded: str, start: int, gap: int = DENIED_GAP) -> bool:
    """A phrase of ``cue`` ends at most ``gap`` words before the trigger at ``start``, with no clause
    join between ("no reports of major clashes", "is an explosive attack")."""
    if cue is None:
        return False
    return _ending(cue.pattern, gap).search(_words_before(lex, folded, start)) is not None


#: the last window ``_words_before`` gave (each trigger asks up to four cues about the same window)
_LAST_WINDOW: list = [(None, -1, None, "")]


def _words_before(lex: Lexicon, folded: str, start: int) -> str:
    """The words of the window before ``start`` after its last clause join, joined by single spaces."""
    last = _LAST_WINDOW[0]  # one tuple, swapped whole: safe across threads
    if last[0] is folded and last[1] == start and last[2] is lex:
        return last[3]
    found = " ".join(_after_break(_window_before(folded, start, MODAL_WINDOW), lex.negation_breaks).split())
    _LAST_WINDOW[0] = (folded, start, lex, found)
    return found


def _in_attribute(lex: Lexicon, folded: str, start: int, trigger: Trigger) -> bool:
    """The trigger at ``start`` lies in an attribute of a noun: it is the attributive phrase's
    own word (", accused of", "yang dituduh") or, up to the next comma or clause join and within
    ``ATTRIBUTE_WORDS`` words, the deed it alleges (a speech act there is the main verb:
    "kelompok yang dituduh melakukan penyerangan itu membantah ...")."""
    found = [*(lex.attributive.finditer(folded) if lex.attributive else ()), *_reduced_attributes(lex, folded)]
    for m in sorted(found, key=lambda m: m.start()):
        if m.start() > start:
            break
        if start < m.end():
            return True
        between = " " + folded[m.end():start]
        if (not is_verbal(trigger.type) and len(between.split()) <= ATTRIBUTE_WORDS and ":" not in between
                and not any(b in between for b in lex.negation_breaks)):
            return True
    return False


@lru_cache(maxsize=None)
def _ending(pattern: str, gap: int) -> re.Pattern:
    """``pattern`` followed by at most ``gap`` words to the end of a text of words joined by single
    spaces (bar punctuation): one search instead of one per prefix of the text. It matches where
    ``pattern`` + ``\\W*$`` matches one of those prefixes, as ``pattern`` looks at most one
    character past its match (``_words_pattern``'s ``(?!\\w)``), which a space satisfies as the
    prefix's end does."""
    return re.compile(pattern + rf"\W*(?: \S+){{0,{gap}}}$")


def _window_after(folded: str, end: int, parts: list[tuple[int, int]], size: int = MODAL_AFTER_WINDOW) -> str:
    clause_end = next((b for a, b in parts if a <= end - 1 < b), len(folded))
    return " " + " ".join(folded[end:clause_end].split(None, size)[:size]) + " "


def _in_effect_now(lex: Lexicon, folded: str, end: int, parts: list[tuple[int, int]]) -> bool:
    """The act takes effect as it is announced ("the treaty would be held in abeyance with immediate
    effect", "serán expulsados con efecto inmediato", "meletak jawatan berkuat kuasa serta-merta"): the
    modal or future tense of its announcement reports the measure taken, not a threat or a plan."""
    if lex.immediate_effect is None:
        return False
    return bool(lex.immediate_effect.search(_window_after(folded, end, parts, IMMEDIATE_EFFECT_WINDOW)))


def _announced_force(lex: Lexicon, trigger: Trigger, folded: str, near: str, before: str | None = None) -> bool:
    """Force, coercion or a sanction someone says will come, not negated: vowed ("vowed to arrest": the vow
    is the speech act), or in the future tense or after a plain future modal (``before``, the
    words before the trigger: "will", "akan", not "may" or "plans to") in a sentence with a
    speech verb. PLOVER's THREATEN ("the minister said Khan will be arrested again")."""
    if not in_group("threatened_types", trigger.type, trigger.mode):
        return False
    if trigger.passive and in_group("flight_types", trigger.type, trigger.mode):
        return False  # "warga akan terusir": people driven out, no one's threat
    return _announced(lex, folded, near, before)


#: words before a retreat its future modal must stand within ("akan menarik", "akan segera membebaskan")
RETREAT_MODAL_WORDS = 2


def _announced_retreat(lex: Lexicon, trigger: Trigger, folded: str, near: str, before: str | None = None) -> bool:
    """A withdrawal, release or resignation a speaker says will come ("anunció que retirará sus
    tropas", "akan menarik pasukannya", kata ...): PLOVER's CONCEDE (declaring, not implementing,
    a withdrawal; offering to resign), told as ``_announced_force`` tells threats, but only in the
    synthetic future or with a plain future modal (``promise_modals``) right before the verb
    ("evacuation will go on until the deadline for the withdrawal of troops" announces no withdrawal)."""
    if not in_group("conceded_types", trigger.type, trigger.mode):
        return False
    if before is not None and not (lex.promise_modal and lex.promise_modal.search(
            " ".join(before.split()[-RETREAT_MODAL_WORDS:]))):
        return False  # "threatened to pull out", "would be released": a threat or a hypothesis, no promise
    return _announced(lex, folded, near, None)


def _modal_after(lex: Lexicon, after: str) -> bool:
    """A modal among ``after``, the words after a trigger ("the investigation will continue", "unjuk rasa
    akan digelar"), bar a plan named there (``object_modals``): "protested plans to build a mine",
    "memprotes rencana pembangunan" protest the plan, they tell an act done."""
    return any(m.group() not in lex.object_modals for m in lex.modal.finditer(after))


def _modal_before(lex: Lexicon, before: str) -> bool:
    """A modal among ``before``, the words before a trigger, outside an aside it opens between two commas,
    alone or after a relative pronoun ("el desfile, previsto para el sábado, fue prohibido", "perhimpunan
    itu, yang dijadual pada Sabtu, diharamkan"): there it qualifies the noun before the aside, not the verb
    after it ("in Almaty, women can be attacked" has no aside)."""
    for m in lex.modal.finditer(before):
        opening = before.rfind(",", 0, m.start())
        opener = " ".join(before[opening + 1:m.start()].split())
        in_aside = opening >= 0 and "," in before[m.end():] and (not opener or opener in lex.aside_openers)
        if not in_aside:
            return True
    return False


def _market_protested(lex: Lexicon, trigger: Trigger, folded: str, start: int) -> bool:
    """For the types of plover.json ``market_subject_types`` (a rally), a market is figurative only as the
    subject, named before the word ("gold rallied"); named only after it, it is what people protest
    ("protested against rising oil prices", "berhimpun untuk membantah kenaikan harga minyak")."""
    return (in_group("market_subject_types", trigger.type, trigger.mode)
            and not (lex.markets and lex.markets.search(folded, 0, start)))


def _negated(lex: Lexicon, near: str) -> bool:
    """A negation among ``near``, the few words before a trigger, negates it. A negating preposition
    ("sin", "without", "tanpa") does so only when nothing but auxiliaries stands between it and the
    trigger ("sin ser detenidos"): in "familias sin techo protestaron" it negates "techo"."""
    if lex.negation is None:
        return False
    for m in lex.negation.finditer(near):
        if m.group() not in lex.negating_prepositions:
            return True
        between = (w.strip(_QUOTES + ",") for w in near[m.end():].split())
        if all(not w or w in lex.preposition_auxiliaries for w in between):
            return True
    return False


#: words that may stand between a verb and the "que" that makes its "ne" mean "only" ("n'a arrêté hier que")
RESTRICTIVE_GAP = 2


def _restricted(lex: Lexicon, near: str, folded: str, end: int, parts: list[tuple[int, int]]) -> bool:
    """Every negation before the trigger is a "ne" that the restrictive word after it turns into
    "only" ("n'a arrêté que deux manifestants", "n'a été arrêté qu'hier"): the act was done. Not when
    another negation stands between ("ne condamne pas que l'attaque": not only)."""
    if lex.restrictive_after is None or lex.negation is None:
        return False
    after = _window_after(folded, end, parts, RESTRICTIVE_GAP + 1)
    restrictive = lex.restrictive_after.match(after)
    return (restrictive is not None and not lex.negation.search(after[:restrictive.end()])
            and all(m.group() in lex.restrictive_negations for m in lex.negation.finditer(near)))


#: words after a condition's opener searched for the negation that makes it a failure ("if Kazakhstan does not pay")
CONDITION_NEGATION_WORDS = 6


def _on_condition(lex: Lexicon, folded: str, end: int) -> bool:
    """The act announced before ``end`` hangs on what the other side fails to do: a negative
    condition follows it ("unless", "kecuali jika", "a menos que", "à moins que") or a condition
    with a negation ("if Kazakhstan does not pay", "jika ... tidak", "si no", "si ... ne ... pas")."""
    after = folded[end:]
    if lex.threat_condition and lex.threat_condition.search(after):
        return True
    condition = lex.conditional.search(after) if lex.conditional else None
    if condition is None or lex.negation is None:
        return False
    return bool(lex.negation.search(" ".join(after[condition.end():].split()[:CONDITION_NEGATION_WORDS])))


def _joint(lex: Lexicon, sentence: str, folded: str, start: int, end: int) -> bool:
    """The investigation or operation at ``start:end`` is a joint one: a marker inside it ("launched a
    joint investigation") or right after it ("investigación conjunta", "operasi gabungan"). A marker
    right after it and followed by a name is a preposition ("mengerahkan pasukan bersama Australia":
    troops sent together with Australia's), no joint act."""
    if lex.joint.search(folded, start, end):
        return True
    after = len(folded) - len(folded[end:].lstrip())
    marker = lex.joint.match(folded, after)
    if marker is None:
        return False
    following = sentence[marker.end():].lstrip()
    return not following[:1].isupper()


def _promise_or_threat(lex: Lexicon, trigger: Trigger, folded: str, end: int) -> Trigger:
    """What announcing a withdrawal, release or resignation is: a concession (``_promised``), or a
    threat when it hangs on the other side's failure ("will pull out its troops unless it is paid",
    "retirará sus tropas si no ...": PLOVER's THREATEN of non-force)."""
    return _threat(trigger) if _on_condition(lex, folded, end) else _promised(trigger)


def _announced(lex: Lexicon, folded: str, near: str, before: str | None) -> bool:
    """What a trigger tells is announced by a speaker for the future, not negated (see ``_announced_force``)."""
    if _negated(lex, near):
        return False
    if before is not None and lex.vow and lex.vow.search(before):
        return True
    if before is not None and not (lex.threat_modal and lex.threat_modal.search(before)):
        return False
    if before is not None and lex.unreal_modal and lex.unreal_modal.search(before):
        return False  # "the strike would have killed hundreds": a counterfactual, no announcement
    return bool(lex.said and lex.said.search(folded))


def _future_verb(lex: Lexicon, trigger: Trigger, sentence: str, start: int, end: int) -> bool:
    """The trigger's verb is in the synthetic future ("romperá relaciones", "suspendra son aide",
    "se manifestarán"), or, for a trigger written as a future, in the conditional ("expulsaría"): for
    a type a speaker can threaten, an act to come, no deed yet. A trigger
    flagged ``future`` has its verb anywhere in its span (after "se"); in others only a first word
    counts (a future ending elsewhere is the phrase's own). The ending is read on the unfolded
    text: "protestaran" (a subjunctive) folds like "protestarán" but is no future."""
    if not lex.future or not (in_group("threatened_types", trigger.type, trigger.mode)
                              or in_group("conceded_types", trigger.type, trigger.mode)):
        return False
    if trigger.future:
        return bool(lex.future_form.search(sentence, start, end))
    return bool(lex.future.match(sentence, start))


@lru_cache(maxsize=None)
def _threat(trigger: Trigger) -> Trigger:
    """The threat of what ``trigger`` names (PLOVER THREATEN), made by whoever speaks: by default
    the state that would use force, the crowd that would protest (a union announcing a strike)."""
    actor = trigger.actor if trigger.type == "PROTEST" else "government"
    return replace(trigger, type="THREATEN", mode=None, actor=actor, anchor=False, needs_count=False,
                   casualty=False, passive=False, modal_ok=True, by_state="")


@lru_cache(maxsize=None)
def _promised(trigger: Trigger) -> Trigger:
    """The concession of announcing what ``trigger`` names (PLOVER CONCEDE: a withdrawal declared,
    a release or resignation offered), made by whoever would retreat."""
    return replace(trigger, type="CONCEDE", mode=None, anchor=False, needs_count=False, casualty=False,
                   passive=False, modal_ok=True, by_state="")


@lru_cache(maxsize=None)
def _lifted(trigger: Trigger) -> Trigger:
    """The concession of lifting what ``trigger`` imposes (PLOVER CONCEDE, "ease")."""
    return replace(trigger, type="CONCEDE", mode="ease", anchor=False, needs_count=False, casualty=False,
                   by_state="")


@lru_cache(maxsize=None)
def _discontinued(trigger: Trigger) -> Trigger:
    """The act of ending what ``trigger`` names, an agreement, cooperation or aid (PLOVER SANCTION
    discontinue: "reduce or break relations, stop aid, withdraw from an agreement")."""
    return replace(trigger, type="SANCTION", mode="discontinue", anchor=False, needs_count=False, casualty=False,
                   passive=False, by_state="")


def _ended(lex: Lexicon, folded: str, start: int, end: int, parts: list[tuple[int, int]]) -> bool:
    """A verb of ending stands among the few words before the trigger in its clause ("revoked its
    military cooperation agreement", "membatalkan perjanjian kerja sama"), or its passive right after it
    ("the agreement was suspended", "kerja sama itu dibekukan"). Only a passive counts after it: "an
    agreement to end the war" is an agreement."""
    clause_start = next((a for a, b in parts if a <= start < b), 0)
    if lex.ending and lex.ending.search(_window_before(folded[clause_start:start], start - clause_start, ENDING_WINDOW)):
        return True
    return bool(lex.ended and lex.ended.search(_window_after(folded, end, parts, ENDED_WINDOW)))


#: words after an attack searched for what it is aimed at ("attacked the opposition over its plan")
SPEECH_OBJECT_WINDOW = 5
#: words before and after an attack searched for a word making it verbal ("a thinly veiled attack", "ataque verbal")
VERBAL_ATTACK_WORDS = 2


def _verbal_attack(lex: Lexicon, trigger: Trigger, folded: str, start: int, end: int,
                   parts: list[tuple[int, int]]) -> bool:
    """An attack word of plover.json ``speech_figurative`` aimed, before the next comma, at words
    (events.json ``speech_objects``: policies, remarks, a record), or called one of words by the word
    next to it (``verbal_attack_words``: "a scathing attack", "ataque verbal"): a verbal attack. Words of a
    weapon carry a mode, words of a toll the casualty flag ("killed the bill" is no criticism): they are left."""
    if trigger.casualty or not in_group("speech_figurative", trigger.type, trigger.mode):
        return False
    around = _window_before(folded, start, VERBAL_ATTACK_WORDS) + _window_after(folded, end, parts, VERBAL_ATTACK_WORDS)
    if lex.verbal_attack and lex.verbal_attack.search(around):
        return True  # "in a scathing attack on the party", "un ataque verbal contra"
    return bool(lex.speech_objects and lex.speech_objects.search(
        _window_after(folded, end, parts, SPEECH_OBJECT_WINDOW).split(",")[0]))


#: words after a deed noun searched for the copula of its characterisation ("the shelling of civilian areas was")
CHARACTERISED_REACH = 6
#: words that may stand between that copula and the evaluation ("was nothing short of barbaric")
COPULA_GAP = 3


def _characterised(lex: Lexicon, trigger: Trigger, folded: str, end: int,
                   parts: list[tuple[int, int]]) -> tuple[Trigger, int] | None:
    """A deed noun that is the subject of a characterisation someone says ("the shelling of Kharkiv was
    barbaric, the minister said", "dijo que el bombardeo es un crimen de guerra", "serangan itu merupakan
    kejahatan perang, kata ..."): the speaker's speech act, of the type of the evaluation right after a
    copula (events.json ``copulas``, ``evaluations``; PLOVER DISAPPROVE for "barbaric"), and where the
    evaluation ends; the deed is what the speech is about, as in "condemned the attack". None for speech
    acts, without a verb of saying in the sentence (the writer's own judgement is no one's act), and with
    "by" or a negation before the evaluation ("was claimed by terrorists", "was not illegal")."""
    if lex.copulas is None or not lex.evaluations or is_verbal(trigger.type):
        return None
    clause_end = next((b for a, b in parts if a <= end - 1 < b), len(folded))
    words = list(islice(_WORD_RUN.finditer(folded, end, clause_end), CHARACTERISED_REACH + COPULA_GAP + EVALUATION_WINDOW))
    copula = next(filter(None, (lex.copulas.match(folded, w.start()) for w in words[:CHARACTERISED_REACH])), None)
    rest = [w for w in words if copula and w.start() >= copula.end()]
    if not rest:
        return None
    latest = rest[min(COPULA_GAP, len(rest) - 1)].start()  # the evaluation starts here at the latest
    found = [(m.start(), m.end(), event_type, mode) for event_type, mode, pattern in lex.evaluations
             if (m := pattern.search(folded, copula.end(), rest[-1].end())) and m.start() <= latest]
    if not found or not (lex.said and lex.said.search(folded)):
        return None
    start, evaluation_end, event_type, mode = min(found)
    between = " " + folded[copula.end():start]
    if (lex.agent and lex.agent.search(between)) or (lex.negation and lex.negation.search(between)):
        return None
    return _speech_act(trigger, event_type, mode), evaluation_end


@lru_cache(maxsize=None)
def _speech_act(trigger: Trigger, event_type: str, mode: str | None) -> Trigger:
    """The speech act of type ``event_type`` a deed word is read as, without the deed's flags."""
    return replace(trigger, type=event_type, mode=mode, actor="", target="", passive=False, sports=False, anchor=False,
                   casualty=False, needs_count=False, disaster=False, requires=(), by_state="")


@lru_cache(maxsize=None)
def _criticism(trigger: Trigger) -> Trigger:
    """The criticism a verbal attack makes (PLOVER DISAPPROVE, our ACCUSE)."""
    return replace(trigger, type="ACCUSE", mode="disapprove", actor="", target="", sports=False, anchor=False,
                   casualty=False, by_state="")


def _held_demands(lex: Lexicon, folded: str, start: int) -> bool:
    """The word right before the trigger is a possessive: the trigger is a noun or an adjective naming
    the demands someone holds ("Beijing's demands", "their demands met", "sus exigencias"), no act of
    asking, unless a speech verb stands before the possessive ("insisted on its demands that")."""
    possessive = lex.possessive
    if possessive is None:
        return False
    window = folded[max(0, start - 60):start]
    before = window.split()
    if not before or not possessive.owns(before[-1].lstrip(_QUOTES)):  # "protesters'" keeps its ending
        return False
    return not (possessive.renewals and possessive.renewals.search(window[:window.rstrip().rfind(" ") + 1]))


#: words after a request searched for what a civic appeal asks ("urged residents to donate blood")
CIVIC_APPEAL_WINDOW = 10
#: words at most between a request and the private audience it addresses ("pidió a sus clientes")
ADDRESSEE_REACH = 2
#: words at most between a meeting word and the press it meets ("discussed the budget with reporters")
PRESS_REACH = 3
#: words between a call and the protest it calls for ("called on its supporters to march")
CALL_OBJECT_WORDS = 5


def _convened(lex: Lexicon, folded: str, hits: list[TriggerHit], start: int) -> bool:
    """Whether the protest word at ``start`` is what the request just before it calls for: a call
    (not an order, events.json ``order_words``) at most CALL_OBJECT_WORDS words before, in its clause.
    Such a word is kept whatever its mood ("to strike", "à manifester"): the call is judged by it."""
    if not hits or hits[-1].trigger.type != "REQUEST":
        return False
    call = hits[-1]
    between = folded[call.end:start]
    if len(between.split()) > CALL_OBJECT_WORDS or any(c in between for c in ",;:"):
        return False
    if any(cue and cue.search(between) for cue in (lex.reversal, lex.negation)):
        return False  # "demanded an end to strikes", "urged workers not to strike"
    return not (lex.orders and lex.orders.search(folded[call.start:call.end]))


#: the sentence ``clauses`` split last and its clauses (the filters of a sentence's triggers ask for them
#: again and again); one tuple, swapped whole: safe across threads
_LAST_CLAUSES: list = [(None, "", [])]


def clauses(folded: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Clause spans of a folded sentence, split at the language's clause breaks (a list callers only read)."""
    last = _LAST_CLAUSES[0]
    if last[0] is lex and last[1] == folded:
        return last[2]
    cuts = {0, len(folded)}
    for b in lex.clause_breaks:
        i = folded.find(b)
        while i >= 0:
            cuts.add(i)
            i = folded.find(b, i + 1)
    points = sorted(cuts)
    found = [(a, b) for a, b in zip(points, points[1:]) if b > a]
    _LAST_CLAUSES[0] = (lex, folded, found)
    return found


#: what separates the words of a phrase around a trigger ("fled the scene", "fled, the scene")
_NON_WORDS = r"\W+"


@lru_cache(maxsize=None)
def _follow_pattern(words: tuple[str, ...], within: int) -> re.Pattern:
    """One of ``words`` starting at most ``within`` words into a text (a trigger's sequel)."""
    return re.compile(rf"^\W*(?:\w+\W+){{0,{max(within - 1, 0)}}}(?:{alternation(words, _NON_WORDS)}){WORD_END}")


@lru_cache(maxsize=None)
def _precede_pattern(words: tuple[str, ...], within: int) -> re.Pattern:
    """One of ``words`` ending at most ``within`` words before the end of a text (a trigger's lead)."""
    return re.compile(rf"(?<!\w)(?:{alternation(words, _NON_WORDS)})\W+(?:\w+\W+){{0,{max(within - 1, 0)}}}$")


def _other_sense(trigger: Trigger, folded: str, start: int, end: int, parts: list[tuple[int, int]]) -> bool:
    """The words around the trigger, within its clause, give it a sense that is no act of its
    type (events.json ``not_followed_by`` / ``not_preceded_by``)."""
    clause = next(((a, b) for a, b in parts if a <= start < b), (0, len(folded)))
    if trigger.not_followed_by and _follow_pattern(trigger.not_followed_by, trigger.not_followed_within).search(
            folded[end:clause[1]]):
        return True
    return bool(trigger.not_preceded_by and _precede_pattern(trigger.not_preceded_by, trigger.not_preceded_within)
                .search(folded[clause[0]:start]))


@lru_cache(maxsize=None)
def _any_whole_word(words: tuple[str, ...]) -> re.Pattern:
    """One of ``words`` as a whole word: one scan of the text instead of one per word."""
    return re.compile(rf"(?<!\w)(?:{alternation(words, ' ')}){WORD_END}")


def _linked_deed(lex: Lexicon, folded: str, start: int) -> bool:
    """A word linking someone to a deed (events.json ``link_markers``) stands right before the trigger, or
    before a determiner of it (``anaphora_before``): "vinculados al ataque", "linked to the attack", "en
    relación con los disturbios". Any other word between may be the clause's own verb, the news after
    the linked deed ("vinculados al ataque fueron detenidos")."""
    if lex.links is None:
        return False
    if _ends_near(lex, lex.links, folded, start, 0):
        return True
    words = _words_before(lex, folded, start).split()
    return bool(words and lex.anaphora_before and lex.anaphora_before.fullmatch(words[-1])
                and _ending(lex.links.pattern, 0).search(" ".join(words[:-1])))


def _licence_unachieved(lex: Lexicon, trigger: Trigger, written: str, folded: str, start: int) -> bool:
    """For a noun of plover.json ``licensed_types`` (an accord), the word of ``requires`` that makes it
    an act ("alcanzaron un acuerdo") stands before it, and that word is negated or only tried: "no
    lograron llegar a un acuerdo", "no pudieron firmar el tratado", "intentaron firmar un acuerdo",
    "fracasaron en su intento de alcanzar un pacto". The few words before the noun itself hold no
    negation, so the noun's own check cannot see it; the act was not done."""
    licence = None
    for m in _any_whole_word(trigger.requires).finditer(written, 0, start):
        licence = m.start()
    if licence is None:
        return False
    near = _after_break(_window_before(folded, licence, NEGATION_WINDOW), lex.negation_breaks)
    return _negated(lex, near) or _ends_near(lex, lex.unachieved, folded, licence, UNACHIEVED_GAP)


#: words between a word of trying or failing and the verb it leaves undone (none: "intentaron firmar")
UNACHIEVED_GAP = 0


@lru_cache(maxsize=None)
def _as_evaluated(trigger: Trigger, event_type: str, mode: str | None) -> Trigger:
    return replace(trigger, type=event_type, mode=mode)


def _evaluated(lex: Lexicon, trigger: Trigger, folded: str, end: int) -> tuple[Trigger, int] | None:
    """The speech act a characterising verb makes: the type of the first evaluation starting among the
    few words after it ("called the attack 'reckless'": ACCUSE), and where those words, or the
    evaluation if it runs on past them, end; None when the verb evaluates nothing. A phrase begun in
    the window counts whole ("a qualifié la décision de la Cédéao de « déclaration de guerre »")."""
    reach = end  # where the window of words after the verb ends, in sentence offsets
    for _, word in zip(range(EVALUATION_WINDOW), _WORD_RUN.finditer(folded, end)):
        reach = word.end()
    if reach == end:
        return None
    best = None
    for event_type, mode, pattern in lex.evaluations:
        m = pattern.search(folded, end)
        if m and m.start() < reach and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), event_type, mode)
    return (_as_evaluated(trigger, best[2], best[3]), max(reach, best[1])) if best else None


#: words between an implicative verb ("had to", "managed to") and the trigger it makes a deed (none: "had to be
#: airlifted" tells a passive, whose trigger may have another sense)
IMPLICATIVE_GAP = 0


def _implied_deed(lex: Lexicon, folded: str, start: int) -> bool:
    """An implicative verb ends right before the trigger, or one word before it when that word is no
    passive auxiliary: the act was done ("had to fire tear gas", "were forced to use water cannon"),
    while "had to be evacuated" tells a passive, whose trigger may have another sense."""
    if _ends_near(lex, lex.implicative, folded, start, IMPLICATIVE_GAP):
        return True
    words = _words_before(lex, folded, start).split()
    if not words or (lex.passive and lex.passive.fullmatch(words[-1])):
        return False
    return _ends_near(lex, lex.implicative, folded, start, IMPLICATIVE_GAP + 1)


#: words before a THREATEN trigger searched for a disaster word, its subject ("a wildfire is threatening")
HAZARD_WINDOW = 3
#: words before and after a meeting trigger searched for a government's meeting with itself
#: ("national security committee meeting", "a meeting of the national security committee")
INTERNAL_BEFORE, INTERNAL_AFTER = 3, 7


#: words after a happening noun searched for its day ("the violence in the town on Friday")
DAY_AFTER_HAPPENING = 4


def _happening_as_topic(lex: Lexicon, folded: str, start: int, end: int, parts: list[tuple[int, int]]) -> bool:
    """A mass noun naming a kind of happening ("violence", "violencia", "kekerasan") with no word in its
    clause telling that it happened or whom it struck ("broke out", "was reported", "violence against"),
    nor, next to it, the day it happened ("Friday's violence", "la violencia del sábado"): the happening
    is what the clause is about ("over the violence rocking the state", "the handling of the violence"),
    no act of a day."""
    if folded[start:end] not in lex.happening_nouns or lex.occurrence is None:
        return False
    clause_start, clause_end = next(((a, b) for a, b in parts if a <= start < b), (0, len(folded)))
    if lex.occurrence.search(folded[clause_start:clause_end]):
        return False
    near = _window_before(folded, start, 1) + _window_after(folded, end, parts, DAY_AFTER_HAPPENING)
    return not (lex.day_names and lex.day_names.search(near))


def _internal_meeting(lex: Lexicon, folded: str, start: int, end: int, parts: list[tuple[int, int]]) -> bool:
    """A government's meeting with itself is named around the trigger ("chaired a cabinet meeting",
    "memimpin rapat krisis", "a réuni un conseil de défense"): no consultation between parties."""
    if lex.internal_meetings is None:
        return False
    around = _window_before(folded, start, INTERNAL_BEFORE) + folded[start:end] + _window_after(
        folded, end, parts, INTERNAL_AFTER)
    return lex.internal_meetings.search(around) is not None


#: a question mark closing a quotation just before the trigger, at most two words between
#: ("“Shouldn't we say no?” she asked", "? » a demandé"): the trigger introduces a question
_QUESTION_END = re.compile(r"[,.;:?!]")
_QUESTION_TAG = re.compile(r"\?\s*[\"'”’»]+\s*,?\s*(?:\w+\s+){0,2}$")


def _rule_spans(lex: Lexicon, folded: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans from a rule's noun to the end of its clause ("FIFA's regulations prohibit the use of crowd
    control gas"): what they name is a rule's content, no act."""
    if not lex.rules:
        return []
    return [(m.start(), next((b for a, b in parts if a <= m.start() < b), len(folded))) for m in lex.rules.finditer(folded)]


def _question_spans(lex: Lexicon, folded: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans from a verb of asking with a question word to the end of its clause or the next
    comma or stop ("asked whether he supports packing the court, Tester quipped"): what they
    name is a question."""
    spans = []
    for start, question_end in _question_starts(lex, folded):
        end = next((b for a, b in parts if a <= start < b), len(folded))
        stop = _QUESTION_END.search(folded, question_end, end)
        spans.append((start, stop.start() if stop else end))
    return spans


def _long_after_spans(lex: Lexicon, folded: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans from a phrase of ``long_after`` to the next comma or the end of its clause ("The
    appointment came weeks after Haniyeh was assassinated"): what they tell is weeks or more away
    from the act of the sentence, told as background (a fronted one closes at its comma:
    "Months after the riots, police arrested ..." keeps the arrests)."""
    if not lex.long_after:
        return []
    spans = []
    for m in lex.long_after.finditer(folded):
        end = next((b for a, b in parts if a <= m.start() < b), len(folded))
        comma = folded.find(",", m.end(), end)
        spans.append((m.end(), comma if comma >= 0 else end))
    return spans


_WORD_AND_STOP = re.compile(r"([^\s,.;:?!]+)([,.;:?!]?)")


def _question_starts(lex: Lexicon, folded: str) -> Iterator[tuple[int, int]]:
    """Where each question of the sentence starts and where its question word ends."""
    if lex.questions:
        for m in lex.questions.finditer(folded):
            yield m.start(), m.end()
    gap = lex.question_gap
    if gap is None:
        return
    for m in gap.verbs.finditer(folded):
        for word in islice(_WORD_AND_STOP.finditer(folded, m.end()), gap.reach + 1):
            if word.group(1) in gap.words:
                yield m.start(), word.end(1)
                break
            if word.group(1) in gap.blockers or word.group(1).split("'")[0] + "'" in gap.blockers or word.group(2):
                break


_GLUED_WORD = re.compile(r"(?<![\w-])(\w+)-$")


def _in_compound(lex: Lexicon, folded: str, start: int, end: int) -> bool:
    """The trigger is glued by a hyphen to the word before it and the compound names no act: a
    participle made an adjective ("Russian-backed", "so-called", "long-threatened invasion"), a word after
    a negating or temporal prefix ("anti-riot", "non-violence", "post-riot"). A verb prefix keeps the
    act ("re-arrested", "counter-attacked")."""
    if start < 2 or folded[start - 1] != "-" or not (lex.hyphen_endings or lex.hyphen_negating):
        return False
    glued = _GLUED_WORD.search(folded, max(0, start - 30), start)
    if glued is None:
        return False
    prefix = glued.group(1)
    if prefix in lex.hyphen_negating:
        return True
    first = folded[start:end].split(None, 1)[0]
    return prefix not in lex.hyphen_verbs and first.endswith(lex.hyphen_endings) if lex.hyphen_endings else False


#: characters around a trigger searched for an ``affected_markers`` or ``recalled_markers`` word
DESCRIBED_REACH = 24


def _described(lex: Lexicon, folded: str, start: int, end: int) -> bool:
    """The trigger is an event noun that, with the word glued after it or standing before it,
    describes the places or people it struck ("riot-hit districts", "violence-affected families",
    "wilayah rawan konflik", "un pays en proie aux violences"), recalls an act told before the
    story ("the recent riots", "les émeutes récentes", "los recientes disturbios") or, as part of a
    compound, names a group or a thing ("the protest movement", events.json ``naming_markers``)."""
    return bool((lex.described_after and lex.described_after.match(folded, end, end + DESCRIBED_REACH))
                or (lex.described_before and lex.described_before.search(folded, max(0, start - DESCRIBED_REACH), start)))


#: a number between a determiner and a participle made a noun ("los 75 detenidos")
_NUMBER_WORD = re.compile(r"\d[\d.,]*")


def _participle_noun(lex: Lexicon, sentence: str, folded: str, start: int, end: int, trigger: Trigger) -> bool:
    """The trigger is one participle right after a determiner (a number may stand between): a noun or
    an attribute naming people by what was done to them ("los detenidos fueron liberados", "uno de los
    deportados", "les expulsés sont arrivés"), no act told ("75 detenidos", with no determiner, still
    counts an arrest). A toll word ("los heridos") keeps its count, and a protest word names those who
    protest ("los amotinados", "les insurgés"): the protest they make stays."""
    if not lex.participle_keys or trigger.casualty or trigger.type == "PROTEST" or " " in folded[start:end].strip():
        return False
    word = sentence[start:end].lower()
    if not word.endswith(lex.participle_endings) or _participle_key(folded[start:end]) not in lex.participle_keys:
        return False
    before = folded[:start].split()[-2:]  # "l'" glued to the word is a word of its own here
    if len(before) == 2 and _NUMBER_WORD.fullmatch(before[1]):
        before = before[:1]
    return bool(before) and before[-1] in lex.participle_determiners


def _in_present_relative(spec: PresentRelative, sentence: str, folded: str, start: int) -> bool:
    """The trigger's first word is a verb in the present right after a relative pronoun, or its
    progressive participle after the pronoun and an auxiliary ("that attacks", "that is attacking")."""
    before = [w for w in (w.strip(_QUOTES) for w in folded[:start].split()[-3:]) if w][-2:]  # 'that is “terrorizing”'
    words = sentence[start:].lower().split(None, 2)
    first = words[1] if len(words) > 1 and words[0] in spec.clitics else (words[:1] or [""])[0]
    first = first.strip(_QUOTES)
    if before[-1:] and before[-1] in spec.openers:
        return first.endswith(spec.endings) and not first.endswith(spec.not_endings)
    return (len(before) == 2 and before[0] in spec.openers and before[1] in spec.auxiliaries
            and first.endswith(spec.progressive_endings))


#: words between an auxiliary and its participle ("a notamment rencontré")
AUXILIARY_REACH = 2


def _other_final_letter(lex: Lexicon, sentence: str, start: int, end: int, trigger: Trigger) -> bool:
    """The word the phrase ends on is written with another accent on its last letter ("le scrutin
    contesté", "les faits reprochés" for "conteste", "reproche"): another word, bar the participle of a
    compound past ("avait rencontré" is the act "rencontre" tells). Capitals are left alone (headlines
    drop the accent: "CONTESTE")."""
    written = sentence[end - 1:end]
    if not trigger.final_letter or not written.islower() or written == trigger.final_letter or (
            fold(written) != trigger.final_letter):
        return False
    # as written: folded, the auxiliary "a" would also be the preposition "à" ("les faits reprochés à")
    before = re.split(r"[\s'’]+", sentence[max(0, start - 40):start].lower().strip())[-AUXILIARY_REACH:]
    return not lex.perfect_auxiliaries.intersection(before)


def find_triggers(sentence: str, lang: str, folded: str | None = None) -> list[TriggerHit]:
    """Triggers of one sentence that survive the modal, negation, conditional and sports filters.

    Offsets are into ``sentence``; ``folded`` is ``fold(sentence)`` if already at hand.
    Folding keeps string length for the Latin scripts we serve, so offsets into
    the folded text are offsets into the sentence; if it does not (rare
    ligatures), no trigger is returned.
    """
    lex = lexicon(lang)
    if not lex.index:
        return []
    folded = fold(sentence) if folded is None else folded
    if len(folded) != len(sentence):
        return []
    written = folded  # what a trigger ``requires`` is looked for in: the words as written ("said on Tuesday")
    found, folded = _phrases_found(lex, folded)
    found = [(a, b, t) for a, b, t in found if t is not _IGNORED and not _other_final_letter(lex, sentence, a, b, t)]
    if not found:
        return []
    sporty = any(t.sports for _, _, t in found) and bool(
        (lex.sports and lex.sports.search(folded)) or _SCORE_RE.search(folded))
    market = drill = None  # searched when a trigger first needs them
    parts = clauses(folded, lex)
    asked = _question_spans(lex, folded, parts)
    distant = _long_after_spans(lex, folded, parts)
    ruled = _rule_spans(lex, folded, parts)
    hits: list[TriggerHit] = []
    evaluation_end, evaluation_type = -1, ""  # what a characterising verb says is part of its act
    for start, end, trigger in found:
        if _in_compound(lex, folded, start, end):
            continue  # "Russian-backed forces", "the so-called peace line", "anti-riot police": a word of a compound
        if _described(lex, folded, start, end):
            continue  # "riot-hit areas", "daerah rawan konflik", "the recent riots": no new act
        if _happening_as_topic(lex, folded, start, end, parts):
            continue  # "stalled proceedings over the violence", "la violencia en el país": a topic, no act told
        if _participle_noun(lex, sentence, folded, start, end, trigger):
            continue  # "los detenidos fueron liberados", "les expulsés": people, no new act
        if market is None and (trigger.sports and not sporty or in_group("market_figurative", trigger.type, trigger.mode)):
            market = bool(lex.markets and lex.markets.search(folded))
        if trigger.sports and (sporty or market):
            continue  # "a shot on goal", "a bloodbath on the stock market"
        if market and in_group("market_figurative", trigger.type, trigger.mode) and not _market_protested(
                lex, trigger, folded, start):
            continue  # "stocks were slaughtered", "investors fled", "gold rallied"
        if drill is None and in_group("exercise_figurative", trigger.type, trigger.mode):
            drill = bool(lex.exercises and lex.exercises.search(folded))
        if drill and in_group("exercise_figurative", trigger.type, trigger.mode):
            continue  # the "attack" of a joint exercise is simulated
        if _verbal_attack(lex, trigger, folded, start, end, parts):
            trigger = _criticism(trigger)  # "attacked the government's policies", "menyerang kebijakan"
        if in_group("internal_meeting_types", trigger.type, trigger.mode) and _internal_meeting(
                lex, folded, start, end, parts):
            continue  # "chaired a cabinet meeting", "memimpin rapat krisis": a government meeting itself
        if start < evaluation_end and trigger.type == evaluation_type:
            continue  # "called it a flagrant violation of international law": one condemnation
        characterised = _characterised(lex, trigger, folded, end, parts)
        if characterised:  # "the shelling was barbaric, he said": a condemnation, repeated by no word of its evaluation
            trigger, evaluation_end = characterised
            evaluation_type = trigger.type
        if any(a <= start < b for a, b in ruled):
            continue  # "the law bans protests", "regulations prohibit the use of tear gas": a rule, no act
        if any(a <= start < b for a, b in distant):
            continue  # "came weeks after the leader was assassinated": an act told as weeks back, history
        if any(a <= start < b for a, b in asked) or _QUESTION_TAG.search(folded, 0, start):
            continue  # "asked whether he supports ...", "“...?” she asked": a question, no request or deed
        if trigger.type == "THREATEN" and lex.disaster_words and lex.disaster_words.search(
                _window_before(folded, start, HAZARD_WINDOW)):
            continue  # "storms are threatening communities", "banjir mengancam": a hazard, no one's threat
        if trigger.requires and not _any_whole_word(trigger.requires).search(written):
            continue
        if (trigger.requires and in_group("licensed_types", trigger.type, trigger.mode)
                and _licence_unachieved(lex, trigger, written, folded, start)):
            continue  # "no lograron llegar a un acuerdo", "intentaron firmar un acuerdo": no accord made
        if (trigger.not_followed_by or trigger.not_preceded_by) and _other_sense(trigger, folded, start, end, parts):
            continue  # "I agree that ...", "the gunmen fled the scene": another sense of the word
        if trigger.type == "REQUEST" and _held_demands(lex, folded, start):
            continue  # "Beijing's demands to roll back tariffs", "his requested funding": demands someone holds
        if trigger.type == "REQUEST" and (
                (lex.civic_appeals and lex.civic_appeals.search(_window_after(folded, end, parts, CIVIC_APPEAL_WINDOW)))
                or (lex.private_addressees and lex.private_addressees.match(folded, end))):
            # "hospitals appealed for blood donors", "meminta hadirin mengheningkan cipta", "the bank asked
            # customers to": no political request, and like a question it tells no act up to the end of its
            # clause ("a minute's silence for those killed")
            asked.append((start, next((b for a, b in parts if a <= start < b), len(folded))))
            continue
        if trigger.type == "REQUEST" and _ends_near(lex, lex.non_agents, folded, start, NON_AGENT_GAP):
            continue  # "the situation demands calm", "the recipe called for sugar": a figure, nobody asks
        if trigger.type == "CONSULT" and lex.press_partners and lex.press_partners.match(folded, end):
            continue  # "met reporters on Thursday", "bertemu wartawan": a press briefing, no talks between parties
        if in_group("announced_types", trigger.type, trigger.mode) and _convened(lex, folded, hits, start):
            hits.append(TriggerHit(start, end, trigger))
            continue  # "called on workers to strike", "appelé à la grève": what the call asks, whatever its mood
        if trigger.evaluative:
            evaluated = _evaluated(lex, trigger, folded, end)
            clause = next(((a, b) for a, b in parts if a <= start < b), (0, len(folded)))
            if evaluated is None or any(h.trigger.type == evaluated[0].type and clause[0] <= h.start for h in hits):
                continue  # "condemned the attack and called it cowardly": the characterisation repeats the act
            trigger, evaluation_end = evaluated
            evaluation_type = trigger.type
        near = _after_break(_window_before(folded, start, NEGATION_WINDOW), lex.negation_breaks)
        if _ends_near(lex, lex.negated_existence, folded, start):
            continue  # "there were no reports of major clashes", "tidak ada laporan penangkapan"
        if _ends_near(lex, lex.predicative, folded, start) or _ends_near(lex, lex.work_topics, folded, start, TOPIC_GAP):
            continue  # "the album is an explosive attack on ...", "a war drama about the siege of a town"
        if not is_verbal(trigger.type) and _ends_near(lex, lex.speech_topics, folded, start, SPEECH_TOPIC_GAP):
            continue  # "made a statement on the violence", "membahas kerusuhan": the deed is a topic of talk
        if _ends_near(lex, lex.commemorations, folded, start, COMMEMORATION_GAP):
            continue  # "on the anniversary of the massacre", "memperingati tragedi penembakan": history
        if _ends_near(lex, lex.fear_markers, folded, start, FEAR_GAP):
            continue  # "residents stayed indoors fearing a possible attack": a fear, no deed
        if _ends_near(lex, lex.need_markers, folded, start, NEED_GAP):
            continue  # "5 million people depend on food aid", "membutuhkan bantuan kemanusiaan": a need, no act
        if not is_verbal(trigger.type) and _linked_deed(lex, folded, start):
            continue  # "dos hombres vinculados al ataque": an act told before, not a new one
        if lex.generic_predicates and lex.generic_predicates.search(_window_after(folded, end, parts, GENERIC_WINDOW)):
            continue  # "protests are common in the capital", "las protestas son frecuentes": a habit
        if lex.habit_after and lex.habit_after.match(folded, end, next((b for a, b in parts if a <= end - 1 < b), len(folded))):
            continue  # "protests often turn violent", "unjuk rasa sering berujung ricuh": a habit
        if lex.definitions and len(folded[:start].split()) <= 1 and lex.definitions.match(folded, end):
            continue  # "A curfew is an order requiring people to stay indoors": a definition
        if (lex.present_relative and not is_verbal(trigger.type)
                and _in_present_relative(lex.present_relative, sentence, folded, start)):
            continue  # "a militia that attacks convoys", "un pays qui emprisonne": a habit ("a resolution that
            # deplores" is the resolution's speech act)
        if lex.fiction and lex.fiction.search(folded, next((a for a, b in parts if a <= start < b), 0), start):
            continue  # "in the play, a rebel army storms the palace"
        if _in_attribute(lex, folded, start, trigger):
            continue  # "Belarus, accused of having served as a base for the invasion"
        in_effect = _in_effect_now(lex, folded, end, parts)
        if trigger.future and not in_effect:
            if _future_verb(lex, trigger, sentence, start, end) and _announced_force(lex, trigger, folded, near):
                hits.append(TriggerHit(start, end, _threat(trigger)))  # "protestarán el lunes", dijo
            elif _future_verb(lex, trigger, sentence, start, end) and _announced_retreat(lex, trigger, folded, near):
                hits.append(TriggerHit(start, end, _promise_or_threat(lex, trigger, folded, end)))  # "liberará a ..."
            continue  # "se reunirán el lunes": no meeting yet; "si protestaran": a subjunctive
        if not trigger.modal_ok:
            clause_start = next((a for a, b in parts if a <= start < b), 0)
            before = _window_before(folded[clause_start:], start - clause_start, MODAL_WINDOW)
            if not in_effect and lex.modal and (
                    _modal_before(lex, before) or _modal_after(lex, _window_after(folded, end, parts))):
                if _announced_force(lex, trigger, folded, near, before):
                    hits.append(TriggerHit(start, end, _threat(trigger)))  # "police will arrest anyone who ...", he said
                elif _announced_retreat(lex, trigger, folded, near, before):
                    hits.append(TriggerHit(start, end, _promise_or_threat(lex, trigger, folded, end)))  # "will withdraw"
                continue
            if trigger.bare:
                continue  # "urged Britain to expel its diplomats": no modal, no act announced
            if lex.future and not in_effect:
                if lex.future.search(sentence, clause_start, start) or _future_verb(lex, trigger, sentence, start, end):
                    if _announced_force(lex, trigger, folded, near):  # "arrestará", "romperá relaciones"
                        hits.append(TriggerHit(start, end, _threat(trigger)))
                    elif _future_verb(lex, trigger, sentence, start, end) and _announced_retreat(
                            lex, trigger, folded, near):  # "retirará sus tropas", not "propondrá ... la entrega de armas"
                        hits.append(TriggerHit(start, end, _promise_or_threat(lex, trigger, folded, end)))
                    continue
            if (lex.purpose and lex.purpose.search(near) and not _implied_deed(lex, folded, start)
                    and not _purposes_before_names(lex, sentence, folded, start - len(near), start)):
                continue  # "gathered to protest": a purpose; "police had to open fire": done
            if lex.conditional and lex.conditional.search(folded[: start]):
                continue
        if _negated(lex, near) and not _restricted(lex, near, folded, end, parts):
            continue
        if lex.reversal and in_group("reversible", trigger.type, trigger.mode) and (
                lex.reversal.search(_window_before(folded, start, REVERSAL_WINDOW))
                or lex.reversal.search(_before_break(_window_after(folded, end, parts, REVERSAL_AFTER_WINDOW),
                                                     lex.negation_breaks))):
            trigger = _lifted(trigger)  # "lifted the curfew", "sanksi dicabut"
        if in_group("endable", trigger.type, trigger.mode) and _ended(lex, folded, start, end, parts):
            trigger = _discontinued(trigger)  # "revoked its cooperation agreement", "membatalkan kerja sama"
        if lex.announce and in_group("announced_types", trigger.type, trigger.mode) and lex.announce.search(
                _window_before(folded, start, ANNOUNCE_WINDOW)):
            trigger = _threat(trigger)  # "the union announced a strike": a threat of dissent, no protest yet
        if lex.joint and in_group("joinable", trigger.type, trigger.mode) and _joint(lex, sentence, folded, start, end):
            trigger = replace(trigger, joint=True)  # "a joint investigation", "operasi gabungan", "enquête conjointe"
        if (trigger.type == "CONCEDE" and lex.threat_modal and lex.threat_modal.match(folded, start)
                and _on_condition(lex, folded, end)):
            trigger = _threat(trigger)  # "will withdraw its troops unless it is paid": no concession, a threat
        hits.append(TriggerHit(start, end, trigger))
    return _without_status_of_the_released(lex, sentence, folded, parts, hits)


def _without_status_of_the_released(lex: Lexicon, sentence: str, folded: str, parts: list[tuple[int, int]],
                                    hits: list[TriggerHit]) -> list[TriggerHit]:
    """Hits less an arrest participle that tells who a later release of its clause frees ("107 personas
    detenidas durante las protestas fueron excarceladas", "people detained in the raids were released"):
    what was done to them before, no arrest of the story."""
    releases = [h for h in hits if h.trigger.type == "RETREAT"]
    if not releases:
        return hits

    def status(h: TriggerHit) -> bool:
        if h.trigger.type != "COERCE" or " " in folded[h.start:h.end].strip():
            return False
        word = sentence[h.start:h.end].lower()
        if not word.endswith(lex.participle_endings) or _participle_key(folded[h.start:h.end]) not in lex.participle_keys:
            return False
        clause = next(((a, b) for a, b in parts if a <= h.start < b), (0, len(folded)))
        return any(clause[0] <= r.start < clause[1] and r.start > h.end for r in releases)

    return [h for h in hits if not status(h)]


def cumulative_markers(sentence: str, lang: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Spans of the words that make a figure a running total ("since the coup", "so far", "throughout
    2023"); ``folded`` is ``fold(sentence)`` if already at hand."""
    lex = lexicon(lang)
    folded = fold(sentence) if folded is None else folded
    return sorted(m.span() for pattern in (lex.cumulative, lex.running_years) if pattern
                  for m in pattern.finditer(folded))



#: words before a trigger searched for a background marker
BACKGROUND_WINDOW = 4


def follows_background_marker(sentence: str, hit: TriggerHit, lang: str, folded: str | None = None) -> bool:
    """True when a background marker of the language ("since", "sejak") is among the
    few words just before the trigger; ``folded`` is ``fold(sentence)`` if already at hand."""
    lex = lexicon(lang)
    if lex.background is None:
        return False
    folded = fold(sentence) if folded is None else folded
    return bool(lex.background.search(_window_before(folded, hit.start, BACKGROUND_WINDOW)))


def in_pluperfect(folded: str, hit: TriggerHit, lang: str) -> bool:
    """The trigger is the participle of a pluperfect in its clause, or follows one by filler words
    ("the newspaper had refused", "had since been arrested", "había detenido", "avait été arrêté"):
    what it tells came before the time of the story. ``folded`` is the folded sentence."""
    return _closes_tense(lexicon(lang).pluperfect, folded, hit, lang)


def in_perfect(folded: str, hit: TriggerHit, lang: str) -> bool:
    """The trigger is the participle of a present perfect in its clause ("rights groups have denounced",
    "he has also accused"): told without a day, what it tells has no time in the story, unless a news
    frame ties the sentence to the story's days ("it comes as police have detained")."""
    lex = lexicon(lang)
    if lex.news_frames and lex.news_frames.search(folded):
        return False
    return _closes_tense(lex.perfect, folded, hit, lang)


def _closes_tense(tense: re.Pattern | None, folded: str, hit: TriggerHit, lang: str) -> bool:
    """``tense`` (a compound tense's auxiliary, fillers and participle) ends where the trigger's first words
    do, in the trigger's clause."""
    if tense is None:
        return False
    clause_start = next((a for a, b in clauses(folded, lexicon(lang)) if a <= hit.start < b), 0)
    before, words = folded[clause_start:hit.start], folded[hit.start:hit.end].split()
    # a generated phrase may hold the auxiliary itself ("había atacado", "avait été arrêté"):
    # then its participle, a word or two on, closes the tense
    return any(tense.search(before + " ".join(words[:n])) for n in range(1, min(len(words), 3) + 1))


def natural_death(clause: str, lang: str) -> bool:
    """True when the clause gives a cause of death that is no violence ("medical emergencies")."""
    lex = lexicon(lang)
    return bool(lex.natural and lex.natural.search(fold(clause)))


#: words before a trigger searched for a passive auxiliary
PASSIVE_WINDOW = 2


def is_passive(text: str, start: int, lang: str, folded: str | None = None) -> bool:
    """The trigger at ``start`` of ``text`` is in the passive voice ("were arrested", "ditangkap");
    ``text`` ends where the trigger ends, ``folded`` is ``fold(text)`` if already at hand."""
    lex = lexicon(lang)
    folded = fold(text) if folded is None else folded
    if lex.passive_prefix and folded[start:].startswith(lex.passive_prefix):
        return True
    # the auxiliary before the trigger, or inside a trigger phrase that holds it ("ont été interpellées")
    return bool(lex.passive and (lex.passive.search(_window_before(folded, start, PASSIVE_WINDOW))
                                 or lex.passive.search(folded, start)))


#: disaster words an article needs before its fleeing is taken for flight from a disaster
DISASTER_MENTIONS = 2


def is_disaster_story(text: str, lang: str, folded: str | None = None) -> bool:
    """The text is about a natural disaster (floods, earthquakes): people fleeing it are no SANCTION.
    ``folded`` is ``fold(text)`` if already at hand."""
    lex = lexicon(lang)
    if not lex.disaster_words:
        return False
    found = lex.disaster_words.finditer(fold(text) if folded is None else folded)
    return sum(1 for _ in islice(found, DISASTER_MENTIONS)) >= DISASTER_MENTIONS


def tells_mishap(folded: str, lang: str) -> bool:
    """The (folded) sentence tells of a natural disaster or an accident ("an earthquake killed
    eight", "the boiler exploded"): its deaths and explosions need not be anyone's attack."""
    lex = lexicon(lang)
    return any(p is not None and p.search(folded) for p in (lex.disaster_words, lex.accident_words))
