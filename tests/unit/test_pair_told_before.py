"""Missed meetings (issue 10, recall15): a meeting told of a pair ("the two leaders", "both sides",
"kedua pihak", "ambos presidentes", "les deux présidents") names its parties only before its sentence.
Without them it looked like one side meeting itself and was dropped; its parties are the two sides
named last before it. Sentences written for these tests.
"""

import pytest

from tests.unit.test_enrich import enriched

PUBLISHED = "2024-01-13T18:00:00+00:00"

PAIRS = [
    ("en", "Nigeria and Ghana have quarrelled over trade for months. The two leaders met in Accra on Friday.",
     {"NG", "GH"}),
    ("en", "Nigeria and Ghana have quarrelled over trade for months. Both sides held talks in Accra on Friday.",
     {"NG", "GH"}),
    ("id", "Indonesia dan Malaysia berselisih soal perbatasan. Kedua pemimpin bertemu di Jakarta pada Jumat.",
     {"ID", "MY"}),
    ("ms", "Malaysia dan Indonesia bertelagah mengenai sempadan. Kedua-dua pemimpin bertemu di Kuala Lumpur pada Jumaat.",
     {"MY", "ID"}),
    ("es", "Colombia y Venezuela mantienen una disputa fronteriza. Ambos presidentes se reunieron el viernes en Caracas.",
     {"CO", "VE"}),
    ("fr", "Le Sénégal et le Mali s'opposent sur la frontière. Les deux présidents se sont rencontrés vendredi à Dakar.",
     {"SN", "ML"}),
]


def events(text, lang):
    return enriched(text, lang, published=PUBLISHED, title="News").events


@pytest.mark.parametrize(("lang", "text", "sides"), PAIRS)
def test_a_meeting_of_a_pair_is_between_the_two_sides_named_before(lang, text, sides):
    meetings = [e for e in events(text, lang) if e.type == "CONSULT"]
    assert len(meetings) == 1
    assert set(meetings[0].actors) == sides


def test_an_agreement_of_a_pair_takes_the_two_sides_as_its_parties():
    text = "Nigeria and Ghana have quarrelled over trade for months. The two sides agreed in Accra on Friday to reopen the border."
    agreements = [e for e in events(text, "en") if e.type == "AGREE"]
    assert agreements and set(agreements[0].actors) == {"NG", "GH"}


def test_a_meeting_of_one_body_without_a_pair_stays_no_consultation():
    assert [e.type for e in events("Nigeria's cabinet met in Abuja on Friday.", "en")] == []
