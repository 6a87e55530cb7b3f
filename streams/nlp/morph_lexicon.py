"""Event triggers generated from verb lists by regular morphology (es, fr, id, ms).

Hand-written trigger lists miss the inflections news uses: a list with
"detuvieron" and "fueron detenidos" lacks "han detenido", "fue detenida",
"habían sido detenidas"; one with "menangkap" lacks "ditangkapnya",
"penangkapan". This module writes each verb's paradigm from a small table of
verb families (``data/<lang>/morph_verbs.json``: per PLOVER type and mode,
verbs with the voices news uses them in, irregular stems where regular
morphology fails, noun forms with their light verbs) as triggers in the format
of ``data/<lang>/events.json``. ``triggers.lexicon`` calls ``generate`` when it
loads a language (a few milliseconds), after the hand-made triggers, which win
on equal phrases: the paradigms are never committed, so the table is the one
place to edit.

Voices (a family lists the ones its verbs take):

- Spanish and French ``present`` (3sg/3pl present) and Spanish ``preterite`` (3sg/3pl
  preterite): part of ``finite``, for a verb whose imperfect tells a standing stance, not an act
  ("apoyaba la medida", "saluait"), so the family lists the tenses of a deed alone.

- Spanish: ``finite`` (3sg/3pl present, preterite, imperfect), ``perfect``
  (ha/han/había/habían + participle), ``gerund``, ``passive`` (fue/fueron/ha
  sido/han sido/había sido/habían sido/resultó/resultaron + participle agreeing
  in gender and number), ``pronominal`` (se + the finite and perfect forms,
  the gerund with its enclitic: "se manifestaron", "manifestándose"),
  ``aspect`` (comenzó a/volvió a/acaba de ... + infinitive), ``impersonal`` (se + the 3sg
  with a personal object: "se detuvo a cuatro personas", where "se detuvo" alone is "stopped").
- Spanish and French ``infinitive``: the bare infinitive, for a concession decided or accepted
  ("decidieron levantar el bloqueo", "aceptaron volver a sus celdas", "ont accepté de lever le
  blocage"): PLOVER CONCEDE counts promised concessions; the modal, purpose and negation cues before
  it ("podrían levantar", "para levantar", "se negaron a levantar") still cancel it.
- Spanish ``clitic_object``: the present, preterite and perfect after a direct-object pronoun
  ("los liberó", "las han excarcelado"), for a verb whose object was named before.
- Spanish and French futures: a family with ``finite`` also gets ``future`` (3sg, 3pl and, for
  quotes, 1pl of the synthetic future: "protestará", "protestarán", "protestaremos"; "manifestera",
  "manifesteront", "manifesterons"; and the 3sg and 3pl conditional, the future of the past in
  reported speech: "advirtió que expulsaría", "a averti qu'il expulserait"), one with ``pronominal``
  also ``pronominal_future`` ("se reunirán", "se réuniront", "se reunirían"); a verb or family may
  list ``future`` alone. These forms go to an
  entry of their own flagged ``future``: an act to come, never a deed (triggers.py makes it a
  THREATEN when a speaker announces force, a protest or a sanction, and no event otherwise).
- French: ``finite`` (3sg/3pl present, passé simple, imparfait), ``perfect``
  (a/ont/avait/avaient, with l'/les before them, + participle), ``gerund``
  (present participle), ``passive`` (a été/ont été/avait été/avaient été/est/
  sont + participle agreeing), ``pronominal`` (se/s' + finite, s'est/se sont +
  participle agreeing), ``aspect`` (a commencé à/vient de/viennent d' ... + infinitive).
- Indonesian and Malay: ``active`` (meN- with nasal assimilation, + the verb
  suffix, + the object clitic -nya), ``passive`` (di-, with -nya), ``ter``
  (ter-), ``ber`` (ber-), ``noun`` (peN-...-an, per-...-an for ber- verbs,
  root-an); affixed forms a regular rule gets wrong are given in the table.

A Spanish -ar preterite 3sg folds to a noun ("respaldó" = "respaldo" support,
"incendió" = "incendio" a fire): it is kept only before an object's determiner
("respaldó la", "ocupó el") unless the verb says ``pret_ok`` (its noun has the
verb's own sense: "arrestó" = "arresto").

A family's ``like`` names a phrase of a hand-made trigger of ``events.json``:
the family takes that entry's type, mode, flags and restrictions (its own keys
win), so generated forms keep the sense the hand-made entry was written for.

A verb's ``reflexive_other`` says its reflexive forms mean something else
(Spanish "detenerse" to stop, "dispersarse" to scatter; French "s'arrêter", "se
disperser"): they go to the ``ignore`` list, so that "se detuvieron ante el
cordón" or "se sont dispersés" is no arrest or dispersal, whatever voices the
verb is written in.

Spanish hand-made phrases that open with a preterite ("impuso sanciones", "se reunieron
con") also get their perfects ("ha impuesto sanciones", "se han reunido con"), from the table's
``hand_perfects`` (preterite -> participle and number): Spain's wire copy tells the day's acts
in the present perfect.

Indonesian and Malay light-verb phrases of the hand-made triggers ("menyampaikan kecaman") also get
the noun's clitic -nya ("menyampaikan kecamannya"), from the table's ``possessive_lights``: the
actor's own act, as the bare noun is.

A family's ``objects`` are appended to each generated form ("detuvo a",
"detuvo al"): the verb counts only with them. ``nouns`` times ``light`` gives
light-verb phrases ("realizaron detenciones", "melakukan penangkapan").

    python -m streams.nlp.morph_lexicon es fr          # phrases per family, to review a table edit
    python -m streams.nlp.morph_lexicon --json es      # the generated triggers as JSON
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
#: trigger keys copied from a family to its generated entry
ENTRY_KEYS = ("type", "mode", "actor", "target", "passive", "sports", "modal_ok", "anchor", "content",
              "needs_actor", "needs_count", "casualty", "disaster", "requires", "evaluative", "between_states",
              "not_followed_by", "not_followed_within", "not_preceded_by", "not_preceded_within", "by_state")


# ---------------------------------------------------------------- Spanish

_ES_ENDINGS = {
    "ar": {"pres": ("a", "an"), "pret": ("ó", "aron"), "impf": ("aba", "aban"), "part": "ado", "ger": "ando"},
    "er": {"pres": ("e", "en"), "pret": ("ió", "ieron"), "impf": ("ía", "ían"), "part": "ido", "ger": "iendo"},
    "ir": {"pres": ("e", "en"), "pret": ("ió", "ieron"), "impf": ("ía", "ían"), "part": "ido", "ger": "iendo"},
}
#: infinitive endings whose future stem is irregular (detener -> detendrá, proponer -> propondrá)
_ES_FUTURE_STEMS = {"tener": "tendr", "poner": "pondr", "venir": "vendr", "salir": "saldr", "valer": "valdr",
                    "hacer": "har", "decir": "dir", "poder": "podr", "querer": "querr", "saber": "sabr",
                    "haber": "habr", "caber": "cabr"}
_ES_FUTURE_ENDINGS = ("á", "án", "emos")
#: the conditional (3sg, 3pl) on the future stem: in reported speech the future of the past
#: ("advirtió que expulsaría a los diplomáticos"), otherwise a hypothesis; never a deed
_ES_CONDITIONAL_ENDINGS = ("ía", "ían")
#: direct-object pronouns before a finite verb ("los liberó": the captives named before)
_ES_OBJECT_CLITICS = ("lo", "la", "los", "las")
_ES_PASSIVE_SG = ("fue", "ha sido", "había sido", "resultó")
_ES_PASSIVE_PL = ("fueron", "han sido", "habían sido", "resultaron")
_ES_PERFECT = ("ha", "han", "había", "habían")
#: aspect auxiliaries before an infinitive that tell a done act: beginning (comenzó a), repeating
#: (volvió a, vuelven a, ha vuelto a), the recent past (acaba de, acabaron de) and a plain going-on
#: (procedió a); not "va a" (a plan) nor "dejó de" (the act stopped)
_ES_ASPECT = ("comenzó a", "comenzaron a", "empezó a", "empezaron a", "volvió a", "volvieron a",
              "vuelve a", "vuelven a", "ha vuelto a", "han vuelto a", "acaba de", "acaban de",
              "acabó de", "acabaron de", "procedió a", "procedieron a")


def es_forms(verb: dict) -> dict[str, list[str]]:
    """The forms of a Spanish verb by voice; ``verb`` is {"v": infinitive, and optional overrides
    "pres", "pret", "impf" (two forms: 3sg, 3pl), "part" (masculine singular), "ger", "fut" (the
    future stem: "detendr")}."""
    inf = verb["v"]
    stem, cls = inf[:-2], inf[-2:]
    end = _ES_ENDINGS[cls]
    pres = verb.get("pres") or [stem + e for e in end["pres"]]
    pret = verb.get("pret") or [stem + e for e in end["pret"]]
    impf = verb.get("impf") or [stem + e for e in end["impf"]]
    part = verb.get("part") or stem + end["part"]
    ger = verb.get("ger") or stem + end["ger"]
    pbase = part[:-1]
    parts_sg, parts_pl = [part, pbase + "a"], [part + "s", pbase + "as"]
    finite = pres + pret + impf
    fut_stem = _es_future_stem(verb)
    future = [fut_stem + e for e in _ES_FUTURE_ENDINGS]
    conditional = [fut_stem + e for e in _ES_CONDITIONAL_ENDINGS]
    forms = {
        "finite": finite,
        "present": pres,
        "preterite": pret,
        "future": future + conditional,
        "perfect": [f"{aux} {part}" for aux in _ES_PERFECT],
        "gerund": [ger],
        "passive": [f"{aux} {p}" for aux in _ES_PASSIVE_SG for p in parts_sg]
        + [f"{aux} {p}" for aux in _ES_PASSIVE_PL for p in parts_pl],
        "aspect": [f"{aux} {inf}" for aux in _ES_ASPECT],
        "infinitive": [inf],
        "clitic_object": [f"{cl} {f}" for cl in _ES_OBJECT_CLITICS
                          for f in pres + pret + [f"{aux} {part}" for aux in _ES_PERFECT]],
    }
    if cls == "ar" and not verb.get("pret_ok"):
        # "respaldó" folds to "respaldo" (the noun: "con el respaldo de"), "incendió" to "incendio"
        # (a fire): the -ar preterite 3sg stands only before a determiner of its object
        forms["_folds_to_noun"] = [pret[0]]
    tail = verb.get("tail")
    if tail:
        forms = {voice: [f"{f} {tail}" for f in fs] for voice, fs in forms.items()}
    enclitic = _es_accent_gerund(ger) + "se"
    forms["pronominal"] = ([f"se {f}" for f in finite] + [f"se {aux} {part}" for aux in _ES_PERFECT]
                           + [enclitic] + [f"{aux} {inf}se" for aux in _ES_ASPECT])
    forms["pronominal_future"] = [f"se {f}" for f in future[:2] + conditional] + [f"nos {future[2]}"]
    forms["impersonal"] = [f"se {f}" for f in (pres[0], pret[0], impf[0])]
    return forms


def _es_future_stem(verb: dict) -> str:
    """The stem the future endings go on: the infinitive, or its irregular form ("mantener" -> "mantendr")."""
    inf = verb["v"]
    if verb.get("fut"):
        return verb["fut"]
    for ending, stem in _ES_FUTURE_STEMS.items():
        if inf.endswith(ending):
            return inf[: -len(ending)] + stem
    return inf


def _es_accent_gerund(ger: str) -> str:
    """"manifestando" -> "manifestándo" (the stress stays when "se" is added)."""
    for plain, accented in (("ando", "ándo"), ("iendo", "iéndo"), ("yendo", "yéndo")):
        if ger.endswith(plain):
            return ger[: -len(plain)] + accented
    return ger


# ---------------------------------------------------------------- French

_FR_PERFECT_SG = ("a", "avait", "l'a", "l'avait")  # l'a: the participle agrees with l' (arrêtée)
_FR_PERFECT_PL = ("ont", "avaient", "l'ont", "l'avaient", "les a", "les ont", "les avaient")
_FR_PASSIVE_SG = ("a été", "avait été", "est", "été")
_FR_PASSIVE_PL = ("ont été", "avaient été", "sont", "été")
_FR_FUTURE_ENDINGS = ("a", "ont", "ons")
#: the conditional (3sg, 3pl) on the future stem: in reported speech the future of the past
#: ("a averti qu'il expulserait les diplomates"), otherwise a hypothesis; never a deed
_FR_CONDITIONAL_ENDINGS = ("ait", "aient")
#: aspect auxiliaries before an infinitive that tell a done act: beginning (a commencé à) and the
#: recent past (vient de, venaient d': "la police vient d'arrêter"), "de" elided before a vowel
_FR_ASPECT = ("a commencé à", "ont commencé à", "avait commencé à", "avaient commencé à",
              "vient de", "viennent de", "venait de", "venaient de")


def fr_forms(verb: dict) -> dict[str, list[str]]:
    """The forms of a French verb by voice; ``verb`` is {"v": infinitive, optional overrides "pres",
    "ps" (passé simple), "impf" (3sg, 3pl), "part" (masculine singular), "ger" (present participle),
    "fut" (the future stem: "jettera" -> "jetter")}."""
    inf = verb["v"]
    if inf.endswith("er"):
        stem = inf[:-2]
        soft = stem + "e" if stem.endswith("g") else stem
        cedil = stem[:-1] + "ç" if stem.endswith("c") else soft
        pres, ps = [stem + "e", stem + "ent"], [cedil + "a", stem + "èrent"]
        impf, part, ger = [cedil + "ait", cedil + "aient"], stem + "é", cedil + "ant"
    elif inf.endswith("ir"):
        stem = inf[:-2]
        pres, ps = [stem + "it", stem + "issent"], [stem + "it", stem + "irent"]
        impf, part, ger = [stem + "issait", stem + "issaient"], stem + "i", stem + "issant"
    else:
        pres = ps = impf = []
        part = ger = ""
    pres, ps, impf = verb.get("pres", pres), verb.get("ps", ps), verb.get("impf", impf)
    part, ger = verb.get("part", part), verb.get("ger", ger)
    parts_sg = [part, part + "e"] if not part.endswith("e") else [part]
    parts_pl = [p + "s" if not p.endswith("s") else p for p in parts_sg]
    finite = pres + ps + impf
    fut_stem = verb.get("fut") or (inf[:-1] if inf.endswith("re") else inf)
    future = [fut_stem + e for e in _FR_FUTURE_ENDINGS]
    conditional = [fut_stem + e for e in _FR_CONDITIONAL_ENDINGS]
    elide = inf[0] in "aeéèêiouh"
    se = "s'" if elide else "se "
    forms = {
        "finite": finite,
        "present": pres,
        "future": future + conditional,
        "pronominal_future": [se + f for f in future[:2] + conditional] + [f"nous {future[2]}"],
        "perfect": [f"{aux} {p}" for aux in _FR_PERFECT_SG for p in parts_sg]
        + [f"{aux} {part}" for aux in _FR_PERFECT_PL if not aux.startswith("les")]
        + [f"{aux} {p}" for aux in _FR_PERFECT_PL if aux.startswith("les") for p in parts_pl],
        "gerund": [ger] if ger else [],
        "passive": [f"{aux} {p}" for aux in _FR_PASSIVE_SG for p in parts_sg if aux != "été"]
        + [f"{aux} {p}" for aux in _FR_PASSIVE_PL for p in parts_pl if aux != "été"],
        "aspect": [_fr_before(aux, inf) for aux in _FR_ASPECT],
        "infinitive": [inf],
        "pronominal": [se + f for f in finite] + [f"s'est {p}" for p in parts_sg] + [f"se sont {p}" for p in parts_pl]
        + [f"s'était {p}" for p in parts_sg] + [f"s'étaient {p}" for p in parts_pl] + ([se + ger] if ger else []),
    }
    return forms


def _fr_before(aux: str, word: str) -> str:
    """``aux`` then ``word``, with a final "de" elided before a vowel or mute h ("vient d'arrêter")."""
    if aux.endswith(" de") and word[:1] in "aâeéèêiîoôuh":
        return f"{aux[:-1]}'{word}"
    return f"{aux} {word}"


# ---------------------------------------------------------------- Indonesian and Malay

def _men(root: str) -> str:
    """meN- on a root, with the nasal of its first sound (tangkap -> menangkap, serang -> menyerang,
    kecam -> mengecam, pukul -> memukul, bakar -> membakar, gelar -> menggelar, lawan -> melawan)."""
    first, rest = root[0], root[1:]
    if first in "aeiou":
        return "meng" + root
    if len([c for c in root if c in "aeiou"]) == 1:
        return "menge" + root
    if first == "k":
        return "meng" + rest
    if first in "gh":
        return "meng" + root
    if first == "t":
        return "men" + rest
    if first in "dcjz":
        return "men" + root
    if first == "s":
        return "meny" + rest
    if first == "p":
        return "mem" + rest
    if first in "bf" or root.startswith("v"):
        return "mem" + root
    return "me" + root


def ms_id_forms(verb: dict) -> dict[str, list[str]]:
    """The forms of an Indonesian or Malay root by voice; ``verb`` is {"v": root, optional "suf"
    ("kan", "i" or ""), "active", "noun" overrides (lists) and "ber" (true: ber- verb)}."""
    root, suf = verb["v"], verb.get("suf", "")
    active = verb.get("active") or [_men(root) + suf]
    passive = ["di" + root + suf]
    men_noun = "pe" + _men(root)[2:] + "an" if not verb.get("ber") else "per" + root + "an"
    nouns = verb.get("noun") or [men_noun]
    forms = {
        "active": active + [a + "nya" for a in active],
        "passive": passive + [p + "nya" for p in passive],
        "ter": ["ter" + root + (suf if suf == "kan" else "")],
        "ber": ["ber" + root],
        "noun": nouns + [n + "nya" for n in nouns],
    }
    return forms


# ---------------------------------------------------------------- verbs of saying

#: French subject pronouns after an inverted verb ("a-t-il déclaré", "affirment-ils")
_FR_INVERTED_SG = ("il", "elle", "on")
_FR_INVERTED_PL = ("ils", "elles")
#: the auxiliaries of a French verb of saying's perfect (a speech act takes no preceding object clitic)
_FR_REPORT_AUX = ("a", "ont", "avait", "avaient")
_FR_INVERTED_AUX = (("a-t", _FR_INVERTED_SG), ("avait", _FR_INVERTED_SG), ("ont", _FR_INVERTED_PL),
                    ("avaient", _FR_INVERTED_PL))


def _fr_inverted(forms: dict[str, list[str]], part: str) -> list[str]:
    """The inverted forms of a French verb of saying after a quotation: "a-t-il déclaré",
    "ont-elles dit", "déclare-t-il", "dit-elle", "affirment-ils" (the -t- between two vowels)."""
    out = [f"{aux}-{pro} {part}" for aux, pros in _FR_INVERTED_AUX for pro in pros]
    present = forms["finite"][:2]
    if len(present) == 2:
        sg, pl = present
        link = "-t-" if sg[-1] in "aeé" else "-"
        out += [f"{sg}{link}{pro}" for pro in _FR_INVERTED_SG] + [f"{pl}-{pro}" for pro in _FR_INVERTED_PL]
    return out


def report_phrases(lang: str, verb: dict) -> list[str]:
    """The forms of a verb of saying that mark a sentence as someone's words (``report_markers`` of
    triggers.py): Spanish and French finite and perfect forms (French also inverted after a
    quotation), Indonesian and Malay active forms."""
    forms = FORMS[lang](verb)
    if lang == "es":
        return forms["finite"] + forms["perfect"]
    if lang == "fr":
        part = verb.get("part") or forms["perfect"][0].split(" ", 1)[1]
        perfect = [f"{aux} {part}" for aux in _FR_REPORT_AUX]
        return forms["finite"] + perfect + _fr_inverted(forms, part)
    return forms["active"]


def report_markers(lang: str, table: dict) -> list[str]:
    """The phrases of the table's verbs of saying (``report_verbs``), once each."""
    phrases = [p for verb in table.get("report_verbs", {}).get("verbs", []) for p in report_phrases(lang, verb)]
    return list(dict.fromkeys(phrases))


#: object pronouns before a French auxiliary: such a form takes no further object
_OBJECT_CLITICS = ("l'", "les ")
#: words that open a noun phrase: after one, a verb form that folds to a noun is still the verb
_DETERMINERS = {"el", "la", "los", "las", "un", "una", "unos", "unas", "al", "su", "sus", "le", "les", "l'", "des", "du"}

#: the future voice of a voice: a family's finite verbs also say what is to come
FUTURE_OF = {"finite": "future", "pronominal": "pronominal_future"}
FUTURE_VOICES = frozenset(FUTURE_OF.values())

FORMS = {"es": es_forms, "fr": fr_forms, "id": ms_id_forms, "ms": ms_id_forms}


# ---------------------------------------------------------------- families to triggers

def family_phrases(lang: str, family: dict, future: bool = False) -> list[str]:
    """The phrases of one family: its verbs' forms in its voices (each with its objects, if it has
    any), its light verbs times its nouns, and its literal ``extra`` phrases; with ``future``, only
    the synthetic futures of its voices (``FUTURE_OF``)."""
    forms_of = FORMS[lang]
    objects = family.get("objects", [])
    phrases: list[str] = []
    for verb in family.get("verbs", []):
        forms = forms_of(verb)
        noun_like = set(forms.get("_folds_to_noun", []))
        for voice in _voices(verb.get("voices", family.get("voices", [])), future):
            for form in forms.get(voice, []):
                if form in noun_like:
                    phrases.extend(f"{form} {obj}" for obj in objects if obj.split()[0] in _DETERMINERS)
                elif objects:
                    if form.startswith(_OBJECT_CLITICS):
                        continue  # "l'a occupé le siège": the clitic is the object
                    phrases.extend(f"{form} {obj}" for obj in _objects_of(voice, objects))
                else:
                    phrases.append(form)
    if not future:
        phrases.extend(f"{light} {noun}" for light in family.get("light", []) for noun in family.get("nouns", []))
        phrases.extend(family.get("extra", []))
    seen: set[str] = set()
    return [p for p in phrases if not (p in seen or seen.add(p))]


def _objects_of(voice: str, objects: list[str]) -> list[str]:
    """The objects a voice takes: all of them, or for the Spanish impersonal "se" only those that
    name who ("se detuvo a cuatro", "se detuvo al"): "se detuvo a" alone is "stopped to"."""
    if voice != "impersonal":
        return objects
    return [obj for obj in objects if len(obj.split()) > 1 or obj == "al"]


def other_sense_reflexives(lang: str, table: dict) -> list[str]:
    """The reflexive forms ("se detuvieron", "s'est dispersé") of the table's verbs flagged
    ``reflexive_other``, once each: another verb than the trigger, no event."""
    forms_of = FORMS[lang]
    phrases = [p for family in table.get("families", []) for verb in family.get("verbs", [])
               if verb.get("reflexive_other") for p in forms_of(verb).get("pronominal", [])]
    return list(dict.fromkeys(phrases))


def _voices(voices: list[str], future: bool) -> list[str]:
    """The voices to write: those listed bar ``future`` (the present and past ones), or with
    ``future`` the future voices of those listed."""
    if not future:
        return [v for v in voices if v not in FUTURE_VOICES]
    return [FUTURE_OF.get(v, v) for v in voices if v in FUTURE_OF or v in FUTURE_VOICES]


def _like(family: dict, hand: list[dict]) -> dict:
    """The family's keys over those of the hand-made entry holding its ``like`` phrase (the same
    sense: type, mode, flags and restrictions come with it)."""
    like = family.get("like")
    if not like:
        return family
    for entry in hand:
        if like in entry.get("p", []):
            merged = {k: v for k, v in entry.items() if k in ENTRY_KEYS}
            merged.update(family)
            return merged
    raise ValueError(f"no hand-made trigger has the phrase {like!r} (family {family.get('name')!r})")


def hand_perfects(table: dict, hand: list[dict]) -> list[dict]:
    """The perfects of the hand-made triggers that open with a preterite of the table's
    ``hand_perfects`` (after a clitic, if any): "impuso sanciones" -> "ha impuesto sanciones",
    "había impuesto sanciones"; "se reunieron con" -> "se han reunido con". One entry per
    hand-made entry, with its keys, so each perfect keeps the sense of its preterite."""
    spec = table.get("hand_perfects")
    if not spec:
        return []
    participles, auxiliaries, clitics = spec["participles"], spec["auxiliaries"], set(spec.get("clitics", []))

    def perfects(entry: dict) -> list[str]:
        phrases = []
        for phrase in entry.get("p", []):
            words = phrase.split()
            clitic = words[:1] if words and words[0] in clitics else []
            rest = words[len(clitic):]
            if rest and rest[0] in participles:
                participle, number = participles[rest[0]]
                phrases += [" ".join(clitic + [aux, participle] + rest[1:]) for aux in auxiliaries[number]]
        return list(dict.fromkeys(phrases))

    return _derived_entries(hand, "perfect of a hand-made preterite", perfects)


def hand_possessives(table: dict, hand: list[dict]) -> list[dict]:
    """The possessive forms of the hand-made light-verb phrases of Indonesian and Malay: a light verb
    of the table's ``possessive_lights`` and one noun take the noun's clitic -nya, the actor's own act
    ("menyampaikan kecaman" -> "menyampaikan kecamannya", "melahirkan kekecewaan" -> "melahirkan
    kekecewaannya"). One entry per hand-made entry, with its keys, so each form keeps its phrase's sense."""
    spec = table.get("possessive_lights", {})
    lights, not_nouns = set(spec.get("verbs", [])), set(spec.get("not_nouns", []))

    def possessives(entry: dict) -> list[str]:
        pairs = (p.split(" ", 1) for p in entry.get("p", []) if p.count(" ") == 1)
        return [f"{light} {noun}nya" for light, noun in pairs if light in lights and _possessable(noun, not_nouns)]

    return _derived_entries(hand, "possessive of a hand-made light-verb phrase", possessives)


def _derived_entries(hand: list[dict], family: str, phrases_of) -> list[dict]:
    """One entry per hand-made entry whose phrases give new ones (``phrases_of``), with the hand-made
    entry's keys, so each derived phrase keeps the sense of the phrase it came from."""
    entries = []
    for entry in hand:
        phrases = phrases_of(entry)
        if phrases:
            kept = {k: v for k, v in entry.items() if k in ENTRY_KEYS}
            entries.append({**kept, "_family": family, "p": phrases})
    return entries


def _possessable(word: str, not_nouns: set[str]) -> bool:
    """Whether -nya may go on ``word`` as on a noun: a plain word with no clitic yet, none of the
    table's ``not_nouns`` (adverbs and verbs after a light verb: "menegaskan akan", "menyatakan menolak")."""
    return word.isalpha() and not word.endswith("nya") and word not in not_nouns


def generate(lang: str, table: dict, hand: list[dict] | None = None) -> dict:
    """The trigger file of ``lang`` from its verb table (``morph_verbs.json``); ``hand``: the
    hand-made triggers of ``events.json`` a family's ``like`` refers to."""
    triggers = []
    for family in table.get("families", []):
        family = _like(family, hand or [])
        entry = {k: family[k] for k in ENTRY_KEYS if k in family}
        entry.setdefault("actor", "")
        entry.setdefault("target", "")
        entry["_family"] = family.get("name", "")
        entry["p"] = family_phrases(lang, family)
        if entry["p"]:
            triggers.append(entry)
        future = family_phrases(lang, family, future=True)  # none in Indonesian and Malay ("akan")
        if future:
            triggers.append({**entry, "future": True, "_family": entry["_family"] + " (future)", "p": future})
    triggers += hand_perfects(table, hand or []) + hand_possessives(table, hand or [])
    return {
        "_sources": table.get("_sources", ""),
        "triggers": triggers,
        "ignore": table.get("ignore", []) + other_sense_reflexives(lang, table),
        "report_markers": report_markers(lang, table),
    }


def main(argv: list[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    as_json = "--json" in args
    langs = [a for a in args if a != "--json"] or sorted(FORMS)
    for lang in langs:
        src = DATA / lang / "morph_verbs.json"
        if not src.is_file():
            print(f"no verb table for {lang!r}: {src} is missing", file=sys.stderr)
            return 2
        table = json.loads(src.read_text(encoding="utf-8"))
        hand = json.loads((DATA / lang / "events.json").read_text(encoding="utf-8")).get("triggers", [])
        result = generate(lang, table, hand)
        if as_json:
            print(json.dumps(result, ensure_ascii=False, indent=1))
            continue
        for entry in result["triggers"]:
            print(f"{lang}\t{len(entry['p'])}\t{entry['_family']}")
        print(f"{lang}: {sum(len(t['p']) for t in result['triggers'])} phrases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
