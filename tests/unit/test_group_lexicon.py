"""Armed groups from the Phoenix non-state actor dictionary (streams/nlp/group_lexicon.py), and
their mentions as their country's rebels (streams/nlp/actors.py)."""

import json
from pathlib import Path

from streams.nlp import group_lexicon as gl
from streams.nlp.actors import find_actors, find_armed_groups
from tests.shared import CORPORA, needs_shared

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = """
# Phoenix MNSA actor file
HEZBOLLAH_ [LBNREB] #  kkl 21 Mar 13
+HIZBULLAH
+YOUTH_
+ISLAMIC_RESISTANCE_(IR)_

KACH_ [MEAREB] #  kkl 21 Mar 13
+KAHANE_CHAI_

ABU_SAYYAF__ [IMGSEAMUSASF]

NEW_PEOPLE'S_ARMY [PHLREB] #  kkl 21 Mar 13
+NPA
+ARMY_OF_MOHAMMED_AND_THE+_ISLAMIC_ARMY_
"""


def test_groups_of_one_country_with_their_spellings_and_nothing_ambiguous():
    groups = gl.parse_groups(SAMPLE, ordinary=frozenset({"youth"}))
    assert groups == {"LB": ["Hezbollah", "Hizbullah", "Islamic Resistance"], "PH": ["New People's Army"]}


def test_a_named_group_is_its_countrys_rebels_in_any_language():
    text = "Le Hezbollah a tenu Israël pour responsable. Kelompok Hizbullah menyerang."
    found = [(text[a.start:a.end], a.code(None)) for a in find_actors(text, "fr", []) if a.kind == "sector"]
    assert found == [("Hezbollah", "LB:rebels"), ("Hizbullah", "LB:rebels")]
    assert find_armed_groups("the taliban word in lower case") == []


@needs_shared
def test_generated_from_the_real_dictionary_matches_the_committed_file(tmp_path):
    out = tmp_path / "groups.json"
    words = [Path("/usr/share/dict/words"), Path("/usr/share/dict/french"), CORPORA / "idner-news-2k/train.txt"]
    if not all(p.exists() for p in words):
        words = []  # another machine's word lists: compare only what does not depend on them
    argv = ["--petrarch", str(CORPORA / "petrarch2-dictionaries"), "--out", str(out), "--words", *map(str, words)]
    assert gl.main(argv) == 0
    generated = json.loads(out.read_text(encoding="utf-8"))["groups"]
    committed = json.loads((ROOT / "streams/data/common/armed_groups.json").read_text(encoding="utf-8"))["groups"]
    if words:
        assert generated == committed
    else:
        assert set(generated) == set(committed)
