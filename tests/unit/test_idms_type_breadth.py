"""Indonesian and Malay ways of saying a PLOVER type that the lexicons lacked (issue 10, lexmy21).

Each kind is checked in both languages where both use it: a light-verb phrase whose noun carries the
actor's -nya ("menyampaikan kecamannya"), a resignation announced with its -nya, assets frozen in
the passive, trade with a state halted, captives released with "melepaskan", a measure postponed,
rescue teams sent, a suspect named however long the name, a meeting with "menemui", help promised,
the Malay demand "menuntut", evaluations translated from the English list ("diskriminatif",
"rekayasa", "langkah yang tepat"); then the everyday senses the new words keep out. Sentences
written for these tests.
"""

import pytest

from streams.nlp import morph_lexicon as ml
from tests.unit.test_events import extract


def types(text, lang):
    return [e.type for e in extract(text, lang)]


@pytest.mark.parametrize("text,lang,expected", [
    ("Presiden Joko Widodo menyampaikan kecamannya atas serangan itu pada Kamis.", "id", "ACCUSE"),
    ("Perdana Menteri Anwar Ibrahim melahirkan kekecewaannya terhadap keputusan itu pada Khamis.", "ms", "ACCUSE"),
    ("Korea Utara mengeluarkan ugutannya terhadap Korea Selatan pada Khamis.", "ms", "THREATEN"),
    ("Menteri Pemuda dan Olahraga Dito Ariotedjo mengumumkan pengunduran dirinya pada Kamis.", "id", "RETREAT"),
    ("Menteri Pengangkutan Anthony Loke mengumumkan peletakan jawatannya pada Khamis.", "ms", "RETREAT"),
])
def test_a_light_verb_phrase_keeps_its_type_with_the_actors_clitic(text, lang, expected):
    assert expected in types(text, lang)


@pytest.mark.parametrize("text,lang,expected", [
    ("Aset tiga pengusaha Rusia dibekukan oleh Uni Eropa pada Kamis.", "id", "SANCTION"),
    ("Aset tiga ahli perniagaan Rusia dibekukan oleh Kesatuan Eropah pada Khamis.", "ms", "SANCTION"),
    ("Turki menghentikan seluruh perdagangan dengan Israel pada Kamis.", "id", "SANCTION"),
    ("Turki menghentikan semua perdagangan dengan Israel pada Khamis.", "ms", "SANCTION"),
    ("Polis membebaskan 30 peserta perhimpunan itu pada Khamis.", "ms", "RETREAT"),
    ("Pemberontak Houthi melepaskan 25 anak kapal Galaxy Leader pada Khamis.", "ms", "RETREAT"),
    ("Pemerintah menunda penerapan kenaikan PPN pada Kamis.", "id", "CONCEDE"),
    ("Kerajaan membatalkan cadangan menaikkan harga minyak pada Khamis.", "ms", "CONCEDE"),
    ("Pemerintah Indonesia mengirim tim SAR ke Turki pada Kamis.", "id", "AID"),
    ("Kerajaan Malaysia menghantar pasukan SMART ke Turkiye pada Khamis.", "ms", "AID"),
    ("Presiden Joko Widodo berjanji membantu Palestina pada Kamis.", "id", "AGREE"),
    ("Perdana Menteri Anwar Ibrahim berjanji membantu Palestin pada Khamis.", "ms", "AGREE"),
    ("Kesatuan sekerja menuntut kenaikan gaji minimum pada Khamis.", "ms", "REQUEST"),
    ("Para pengungsi diancam akan diusir oleh milisi pada Kamis.", "id", "THREATEN"),
    ("Menteri Luar Negeri Retno Marsudi menemui Menteri Luar Negeri China Wang Yi di Beijing pada Kamis.", "id",
     "CONSULT"),
    ("Kejaksaan Agung menetapkan mantan Direktur Utama PT Timah Riza Pahlevi sebagai tersangka pada Kamis.", "id",
     "ACCUSE"),
])
def test_core_ways_of_saying_a_type_are_events(text, lang, expected):
    assert expected in types(text, lang)


@pytest.mark.parametrize("text,lang,expected", [
    ("Kementerian Luar Jepun menyifatkan keputusan China itu sebagai tindakan diskriminasi pada Khamis.", "ms",
     "ACCUSE"),
    ("Kementerian Luar Negeri Jepang menyebut keputusan China itu sebagai tindakan diskriminatif pada Kamis.", "id",
     "ACCUSE"),
    ("Juru bicara Kemlu China menyebut laporan itu sebagai rekayasa pada Kamis.", "id", "REJECT"),
    ("Jurucakap Kementerian Luar China menyifatkan laporan itu sebagai rekaan semata-mata pada Khamis.", "ms", "REJECT"),
    ("Presiden Joko Widodo menyebut kesepakatan itu sebagai langkah yang tepat pada Kamis.", "id", "SUPPORT"),
    ("Perdana Menteri Anwar Ibrahim menyifatkan perjanjian itu sebagai mercu tanda hubungan dua hala pada Khamis.",
     "ms", "SUPPORT"),
])
def test_an_evaluation_translated_from_the_english_list_types_the_verb_before_it(text, lang, expected):
    assert types(text, lang) == [expected]


@pytest.mark.parametrize("text,lang", [
    ("Kementerian Luar Negeri China mengategorikan latihan itu sebagai agresi pada Kamis.", "id"),
    ("Pemerintah Rusia memandang langkah NATO itu sebagai agresi pada Kamis.", "id"),
    ("Kerajaan Rusia memandang langkah NATO itu sebagai provokasi berbahaya pada Khamis.", "ms"),
])
def test_branding_and_viewing_as_are_characterising_verbs(text, lang):
    assert types(text, lang) == ["ACCUSE"]


@pytest.mark.parametrize("text,lang", [
    # a legal penalty, an obstacle met, study, goals scored, an escape
    ("Pelaku diancam dengan pidana penjara paling lama 15 tahun.", "id"),
    ("Tim itu menemui kendala di lapangan pada Kamis.", "id"),
    ("Dia menuntut ilmu di Universiti Malaya pada Khamis.", "ms"),
    ("Pemain itu menyumbangkan dua gol pada Kamis.", "id"),
    ("Tahanan itu melepaskan diri dari borgol pada Kamis.", "id"),
])
def test_the_everyday_senses_of_the_new_words_are_no_events(text, lang):
    assert types(text, lang) == []


def test_hand_made_light_verb_phrases_get_their_possessive_with_the_entrys_keys():
    table = {"possessive_lights": {"verbs": ["menyampaikan", "mengulangi"], "not_nouns": ["akan", "menolak"]}}
    hand = [{"p": ["menyampaikan kecaman", "kecaman", "menyampaikan akan", "mengulangi menolak"], "type": "ACCUSE",
             "mode": "disapprove", "requires": ["kata"]},
            {"p": ["mengulangi tuntutannya"], "type": "REQUEST"}]
    entries = ml.hand_possessives(table, hand)
    assert [e["p"] for e in entries] == [["menyampaikan kecamannya"]]
    assert entries[0]["type"] == "ACCUSE" and entries[0]["requires"] == ["kata"]
