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


def test_codes_on_their_own_line_and_with_sub_codes_as_the_dictionary_format_says():
    # docs/dictionaries-format.rst: a record's code may come on a tab-indented line after its synonyms,
    # with a date restriction; a code may carry sub-codes after the role (PSEREBHMS: Hamas)
    sample = (
        "HAMAS_  #  kkl 21 Mar 13\n+ISLAMIC_RESISTANCE_MOVEMENT\n\t[PSEREBHMS]\n"
        "SHEIKH_AHMED_YASSIN\n+ABU_ZUHRI\n\t[PSEREBHMS 19870101-20040322]\n"
        "IZZ_AD-DIN_AL_QASSAM\n+AL-QASSAM_BRIGADES\n\t[PSEREBHMS] # Distinguish between Hamas PTY and REB?\n\n"
        "ANSAR_AL-SHARIA_ [IMGREBMUS]\n"
    )
    # "Hamas" is a short one-word name (kept in the hand-kept list); a code whose dates ended gives nothing
    assert gl.parse_groups(sample) == {"PS": ["Islamic Resistance Movement", "Izz Ad-din Al Qassam", "Al-qassam Brigades"]}


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


def test_groups_active_since_the_phoenix_list_and_transnational_ones():
    # the hand-kept supplement: groups named since 2013, acronyms only in capitals, and groups of
    # several countries that take the country of the event
    def codes(text, lang):
        return [(text[a.start:a.end], a.code("XX")) for a in find_actors(text, lang, []) if a.kind == "sector"]
    assert codes("Le Hamas et les hutíes ont tiré des roquettes.", "fr")[0] == ("Hamas", "PS:rebels")
    assert ("hutíes", "YE:rebels") in codes("Los rebeldes hutíes atacaron un barco.", "es")
    assert codes("The RSF shelled the city.", "en") == [("RSF", "SD:rebels")]
    assert codes("Kami menggunakan rsf untuk itu.", "id") == []
    assert codes("Kelompok ISIS mengklaim serangan itu.", "id") == [("ISIS", "XX:rebels")]


def test_the_group_stands_for_the_armed_group_named_before():
    def codes(text, lang):
        return [(text[a.start:a.end], a.code("XX")) for a in find_actors(text, lang, []) if a.kind == "sector"]
    text = "Boko Haram menyerang sebuah desa. Kelompok yang berbasis di Nigeria itu menculik 20 orang."
    assert codes(text, "id")[-1] == ("Kelompok yang berbasis di Nigeria itu", "NG:rebels")
    text = "Al-Shabaab attacked a base on Monday. The group later said it had killed ten soldiers."
    assert ("The group", "SO:rebels") in codes(text, "en")
    # no group named before: "the group" is anyone
    assert codes("The group of friends met on Monday.", "en") == []
