"""Malay and Indonesian kinds that hold on unseen news (issue 10, ms25).

Cues one language's lists had and the other's lacked (a missed obligation, a threatened act, a
span of a month before the act, readiness), the closing formula of Malaysian police reports (the
case "disiasat mengikut Seksyen ..."), Malaysia's federal territories as places, and a meeting
told after "after" beside a speech act, ministries' portfolio words
before a minister's name, and 'dengan sokongan' (with the support of) as a vote tally. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from streams.nlp.places import find_places
from streams.nlp.titles import find_titled_persons
from tests.unit.test_events import extract


def types(text, lang):
    return [e.type for e in extract(text, lang)]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Polis seharusnya menahan suspek itu lebih awal pada Khamis, kata peguam.", "ms"),
        ("Peniaga terancam ditahan pada Khamis jika gagal mematuhi peraturan baharu itu.", "ms"),
        ("Kerajaan mempertimbangkan untuk mengenakan perintah berkurung di Sabah pada Khamis.", "ms"),
        ("Indonesia bersedia mengirim pasukan perdamaian ke Gaza pada Kamis.", "id"),
        ("Pemerintah bertekad menangkap para pelaku pada Kamis.", "id"),
    ],
)
def test_an_obligation_a_threatened_act_or_readiness_is_no_deed(text, lang):
    assert types(text, lang) == []


def test_the_act_a_month_before_the_sentence_is_no_act_of_its_day():
    assert types("Sebulan setelah rusuhan itu, polis menahan 10 suspek lagi pada Khamis.", "ms") == ["COERCE"]
    assert types("Sebulan setelah kerusuhan itu, polisi menangkap 10 tersangka lagi pada Kamis.", "id") == ["COERCE"]


def test_without_negates_the_malay_trigger_right_after_it_only():
    assert types("Polis membenarkan penunjuk perasaan bersurai tanpa ditahan pada Khamis.", "ms") == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Polis menahan seorang lelaki pada Khamis. Ketua polis berkata kes itu disiasat mengikut Seksyen 302 "
         "Kanun Keseksaan.", "ms"),
        ("Polis menahan seorang lelaki pada Khamis. Kes disiasat di bawah Seksyen 39B Akta Dadah Berbahaya 1952.", "ms"),
        ("Police arrested a man on Thursday. The case is being investigated under Section 302 of the Penal Code.", "en"),
    ],
)
def test_the_case_investigated_under_a_section_is_the_law_of_the_arrest_no_new_investigation(text, lang):
    assert types(text, lang) == ["COERCE"]


def test_a_person_investigated_under_a_law_is_still_an_investigation():
    assert "ACCUSE" in types("Ahli Parlimen itu disiasat mengikut Seksyen 4 Akta Hasutan pada Khamis.", "ms")


@pytest.mark.parametrize("name", ["Putrajaya", "Labuan"])
def test_a_federal_territory_is_malaysian_in_a_story_naming_another_country(name):
    text = f"Anwar Ibrahim bertemu Perdana Menteri Thailand di {name} semalam."
    assert [(m.surface, m.location.country) for m in find_places(text, "ms") if m.surface == name] == [(name, "MY")]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Malaysia dan Indonesia memeterai memorandum persefahaman pada Khamis selepas pertemuan dua hala antara "
         "kedua-dua menteri luar.", "ms"),
        ("Indonesia dan Malaysia menandatangani nota kesepahaman pada Kamis setelah pertemuan bilateral antara "
         "kedua menteri luar negeri.", "id"),
        ("Indonesia and Malaysia signed a memorandum of understanding on Thursday after bilateral talks between the two "
         "foreign ministers.", "en"),
    ],
)
def test_a_meeting_after_which_a_deal_was_signed_is_a_meeting_of_its_own(text, lang):
    assert sorted(types(text, lang)) == ["AGREE", "CONSULT"]


def test_what_is_agreed_stays_the_content_of_the_agreement():
    assert types("Indonesia and Malaysia agreed on Thursday to hold talks on the border.", "en") == ["AGREE"]


@pytest.mark.parametrize(
    "text, lang, name",
    [
        ("Menteri Undang-Undang Azalina Othman Said mengecam serangan itu pada Khamis.", "ms", "Azalina Othman Said"),
        ("Menteri Kesihatan Dzulkefly Ahmad mengecam serangan itu pada Khamis.", "ms", "Dzulkefly Ahmad"),
        ("Menteri Kesehatan Budi Gunadi Sadikin mengecam serangan itu pada Kamis.", "id", "Budi Gunadi Sadikin"),
        ("Menteri Pariwisata Sandiaga Uno mengecam serangan itu pada Kamis.", "id", "Sandiaga Uno"),
    ],
)
def test_a_ministry_portfolio_is_no_part_of_the_minister_name(text, lang, name):
    assert [p.name for p in find_titled_persons(text, lang, [])] == [name]


def test_with_the_support_of_members_is_a_vote_not_an_act_of_support():
    assert types("Dewan Rakyat meluluskan rang undang-undang itu dengan sokongan 199 Ahli Parlimen pada Khamis.",
                 "ms") == []
    assert types("Malaysia menyatakan sokongan penuh terhadap Palestin pada Khamis.", "ms") == ["SUPPORT"]
