"""The CAMEO verb dictionary -> English trigger file generator (streams/nlp/cameo_lexicon.py)."""

import json
from pathlib import Path

import pytest

from streams.nlp import cameo_lexicon as cl

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpora"

SAMPLE = """
# comment line
&TREATY
+TREATY
+PACT
+CEASE_FIRE_

####### VERB PATTERNS #######

---  SIGN   [---]  ---
SIGN
- * &TREATY                                           [057:057]     # SIGN
- * DECREE                                            [---]         # SIGN

---  KILL   [190]  ---
SLAY {SLAYS SLAIN SLAYING}
+SET_FIRE_TO {+SETS_FIRE_TO +SETTING_FIRE_TO}
MURDER
- * (IN REVENGE)                                      [---]         # MURDER
- * (IN SELF-DEFENCE)                                 [---]         # SLAY

---  CALL   [041:041]  ---
CALL
- * (FOR)                                             [020]         # CALL
- $ * + (OF)                                          [112]         # CALL
- PRESIDENT *                                         [040]         # CALL
"""

C2P = """
# CAMEO to PLOVER
05: SUPPORT
057: SUPPORT,  , diplomatic # Sign formal agreement
04: CONSULT
041: CONSULT, phone,   # Discuss by telephone
19: ASSAULT
190: ASSAULT, , military # Use conventional military force
"""

MAPPING = {
    "types": {"AGREE": {"actor": "", "target": ""}, "REQUEST": {"actor": "", "target": "", "modal_ok": True},
              "ASSAULT": {"actor": "", "target": "civilians", "sports": True},
              "CONSULT": {"actor": "", "target": ""}, "SUPPORT": {"actor": "", "target": ""}},
    "code_overrides": {"02": {"type": "REQUEST", "mode": None}, "057": {"type": "AGREE", "mode": None}},
    "alone": ["slay", "set fire to"],
    "particles": ["for", "off"],
    "articles": ["a", "an", "the"],
}


def _phrases(out: dict) -> dict[str, dict]:
    return {p: t for t in out["triggers"] for p in t["p"]}


def test_parses_synsets_blocks_irregular_forms_and_patterns():
    d = cl.parse_dictionary(SAMPLE)
    assert d.synsets["TREATY"] == [("treaty", "treaties"), ("pact", "pacts"), ("cease fire", None)]
    names = [b.name for b in d.blocks]
    assert names == ["SIGN", "KILL", "CALL"]
    sign, kill, call = d.blocks
    assert sign.code is None and kill.code == "190" and call.code == "041"
    slay = kill.verbs[0]
    assert slay.words == ["slay"] and slay.forms == [["slays"], ["slain"], ["slaying"]]
    fire = kill.verbs[1]
    assert fire.words == ["set", "fire", "to"] and fire.inflect == 0
    assert sign.patterns[0].after == ["&TREATY"] and sign.patterns[0].code == "057"
    assert sign.patterns[1].code is None
    assert call.patterns[1].before == ["$"] and call.patterns[2].before == ["PRESIDENT"]


def test_cameo2plover_and_overrides():
    table = cl.parse_cameo2plover(C2P)
    assert table["057"] == ("SUPPORT", "")
    # the conventions win: signing a formal agreement is AGREE, not SUPPORT
    assert cl.map_code("057", table, MAPPING) == cl.Coding("AGREE", None)
    # codes CAMEO2PLOVER leaves out come from the overrides (appeals are requests)
    assert cl.map_code("020", table, MAPPING) == cl.Coding("REQUEST", None)
    assert cl.map_code("1901", table, MAPPING) == cl.Coding("ASSAULT", None)  # longest known prefix
    assert cl.map_code(None, table, MAPPING) is None


def test_generates_contiguous_inflected_phrases():
    out = cl.generate(cl.parse_dictionary(SAMPLE), cl.parse_cameo2plover(C2P), MAPPING)
    phrases = _phrases(out)
    # irregular forms of a listed verb, with the type's flags
    for form in ("slays", "slain", "slaying"):
        assert phrases[form]["type"] == "ASSAULT" and phrases[form]["sports"] is True
    assert phrases["sets fire to"]["type"] == "ASSAULT" and "setting fire to" in phrases
    # a pattern: the verb, an article, the synset's members and their plurals; override applied
    for p in ("signed a treaty", "signed the pact", "signs treaties", "signing the pacts"):
        assert phrases[p]["type"] == "AGREE", p
    # a preposition the pattern demands
    assert phrases["called for"]["type"] == "REQUEST" and phrases["called for"]["modal_ok"] is True
    # no bare form of a null-coded verb or of a verb not listed as meaningful alone
    assert "signed" not in phrases and "called" not in phrases and "murdered" not in phrases
    # no phrase from a pattern with subject nouns or an actor slot between the verb and its words
    assert not any(p.startswith("called of") for p in phrases)
    # a null-coded pattern of an event verb is an idiom to ignore (written for that verb only)
    assert "slain in self-defence" in out["ignore"] and "slain in revenge" not in out["ignore"]
    assert "signed a decree" not in phrases and "signed a decree" not in out["ignore"]


def test_regular_inflections():
    assert set(cl.inflections("ban")) == {"ban", "bans", "banned", "banning"}
    assert set(cl.inflections("apologize")) == {"apologize", "apologizes", "apologized", "apologizing"}
    assert {"cancelled", "canceled"} <= set(cl.inflections("cancel"))
    assert "visited" in cl.inflections("visit") and "visitted" not in cl.inflections("visit")
    assert {"deny", "denies", "denied", "denying"} == set(cl.inflections("deny"))
    assert cl.spelling_variants("criticize") == ["criticize", "criticise"]


@pytest.mark.skipif(not (SHARED / "petrarch2-dictionaries").is_dir(), reason="../shared/corpora not present")
def test_real_dictionary_covers_every_type():
    dictionary = cl.parse_dictionary(
        (SHARED / "petrarch2-dictionaries" / "dictionaries" / "CAMEO.2.0.txt").read_text(encoding="latin-1"))
    table = cl.parse_cameo2plover((SHARED / "plover-ontology" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8"))
    mapping = json.loads(cl.DEFAULT_MAP.read_text(encoding="utf-8"))
    out = cl.generate(dictionary, table, mapping)
    types = {t["type"] for t in out["triggers"] if t["p"]}
    assert types == set(mapping["types"]) and len(types) == 16
    phrases = _phrases(out)
    assert phrases["apologized"]["type"] == "CONCEDE"
    assert phrases["resigned"]["type"] == "RETREAT"
    assert "called" not in phrases and "beat" not in phrases


ARREST_SAMPLE = """
####### VERB PATTERNS #######

---  APPREHEND   [171]  ---
ARREST [173]
SEIZE
- * PROTESTERS                                        [175:140]     # ARREST
- * JOURNALIST                                        [175]         # ARREST
- * {TEAR GAS}                                        [175]         # SEIZE
"""


def test_verb_pattern_types_code_whoever_is_arrested_as_coerced():
    c2p = cl.parse_cameo2plover("17: COERCE\n173: COERCE, arrest, # Arrest\n18: ASSAULT\n")
    mapping = {**MAPPING, "types": {**MAPPING["types"], "COERCE": {"actor": "police", "target": ""}},
               "code_overrides": {"175": {"type": "ASSAULT", "mode": None}}, "alone": ["arrest"]}
    phrases = _phrases(cl.generate(cl.parse_dictionary(ARREST_SAMPLE), c2p, mapping))
    assert phrases["arrested protesters"]["type"] == "ASSAULT"  # CAMEO 175, "repression"
    mapping["verb_pattern_types"] = {"arrest": {"type": "COERCE", "mode": "arrest"}}
    phrases = _phrases(cl.generate(cl.parse_dictionary(ARREST_SAMPLE), c2p, mapping))
    # the bare verb covers them: no pattern of another type
    assert phrases["arrested"]["type"] == "COERCE" and "arrested protesters" not in phrases
    assert "arrested the journalist" not in phrases
