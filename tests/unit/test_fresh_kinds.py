"""Kinds of failure found on freshly written, unseen articles (en17): one act told with its toll,
one statement told with two words of one type,
tariffs or a freeze on aid lifted, sports idioms, "hours later" after a background date,
sanctions condemned."""

from datetime import datetime, timedelta, timezone

import pytest

from streams.nlp.counts import find_counts
from streams.nlp.dates import find_dates
from streams.nlp.events import extract_events
from streams.nlp.places import find_places
from streams.nlp.sentences import split_sentences
from streams.nlp.triggers import find_triggers
from streams.records import Sentence
from tests.events_in_text import events_in

PUBLISHED = datetime(2025, 6, 13, 18, 0, tzinfo=timezone(timedelta(hours=3)))  # a Friday


def extract(text, lang):
    return events_in(text, lang, PUBLISHED)


@pytest.mark.parametrize("lang, text, counts", [
    ("en", "KADUNA - Witnesses said police fired live rounds at the crowd outside the Government House in Kaduna "
           "on Thursday, killing two students and wounding several others.", {"killed": 2}),
    ("en", "MOSCOW - The governor of Russia's Kursk region, Alexei Smirnov, said Ukrainian drones attacked a fuel "
           "depot in the town of Lgov on Thursday, injuring one worker.", {"injured": 1}),
    ("id", "MEDAN - Aparat menembaki massa di depan kantor bupati pada Kamis, menewaskan dua orang dan melukai "
           "tujuh lainnya.", {"killed": 2, "injured": 7}),
    ("ms", "YANGON - Tentera melepaskan tembakan ke arah penduduk kampung pada Khamis, membunuh lima orang dan "
           "mencederakan sembilan yang lain.", {"killed": 5, "injured": 9}),
])
def test_a_toll_told_after_an_attack_is_that_attack(lang, text, counts):
    attacks = [e for e in extract(text, lang) if e.type == "ASSAULT"]
    assert [e.counts for e in attacks] == [counts]


def test_an_attack_by_others_in_the_same_sentence_stays_an_attack():
    text = "GOMA - Rebels attacked a village near Goma on Thursday and soldiers killed six of them."
    assert len([e for e in extract(text, "en") if e.type == "ASSAULT"]) == 2


@pytest.mark.parametrize("lang, text", [
    ("en", "CANBERRA - Foreign Minister Penny Wong on Thursday accused Beijing of \"reckless interference\" and "
           "condemned the harassment of the fishing boats as dangerous."),
    ("id", "JAKARTA - Menteri Luar Negeri Retno Marsudi pada Kamis menuduh Israel melanggar hukum internasional dan "
           "mengecam serangan terhadap konvoi bantuan sebagai kejahatan perang."),
])
def test_one_speaker_accusing_and_condemning_in_one_sentence_makes_one_statement(lang, text):
    assert len([e for e in extract(text, lang) if e.type == "ACCUSE"]) == 1


def types(sentence, lang):
    return [hit.trigger.type for hit in find_triggers(sentence, lang)]


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Washington scrapped the steel tariffs it had imposed on Canadian exporters."),
    ("en", "The donors lifted their freeze on budget support to Malawi on Tuesday."),
    ("id", "Pemerintah India mencabut bea masuk atas minyak sawit Malaysia pada Senin."),
    ("ms", "Kerajaan China menarik balik tarif ke atas barli Australia pada Isnin."),
    ("fr", "Pékin a supprimé les droits de douane antidumping sur l'orge australienne lundi."),
    ("es", "Washington eliminó los aranceles al acero mexicano el lunes."),
])
def test_tariffs_or_a_freeze_on_aid_lifted_is_a_concession(lang, sentence):
    assert "CONCEDE" in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The Wallabies stormed to a 40-12 win over Fiji in Perth."),
    ("en", "Melbourne conceded two goals in the last ten minutes."),
    ("en", "The coach conceded his players had run out of ideas."),
    ("en", "The finance minister conceded that growth had stalled."),
    ("fr", "Marseille a concédé deux buts en fin de match."),
    ("es", "El Betis concedió dos goles en los últimos minutos."),
])
def test_a_sports_win_or_an_admission_is_no_concession_or_riot(lang, sentence):
    assert not {"CONCEDE", "PROTEST"} & set(types(sentence, lang))


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The opposition leader conceded defeat on Sunday night."),
    ("en", "Protesters stormed the parliament building on Monday."),
])
def test_a_defeat_conceded_or_a_building_stormed_stays_an_event(lang, sentence):
    assert {"CONCEDE", "PROTEST"} & set(types(sentence, lang))


SATURDAY = datetime(2025, 6, 14, 20, 0, tzinfo=timezone(timedelta(hours=3)))


@pytest.mark.parametrize("lang, text", [
    ("en", "SANAA - The Houthis freed 40 prisoners in Sanaa on Saturday in the second exchange under the truce that "
           "began last Sunday.\n\nHours later, Saudi Arabia released 90 Yemeni detainees."),
    ("fr", "SANAA - Les Houthis ont libéré 40 prisonniers à Sanaa samedi, lors du deuxième échange prévu par la trêve "
           "entrée en vigueur dimanche dernier.\n\nQuelques heures plus tard, l'Arabie saoudite a libéré 90 détenus "
           "yéménites."),
    ("id", "SANAA - Kelompok Houthi membebaskan 40 tahanan di Sanaa pada Sabtu dalam pertukaran kedua sejak gencatan "
           "senjata berlaku Minggu lalu.\n\nBeberapa jam kemudian, Arab Saudi membebaskan 90 tahanan Yaman."),
])
def test_hours_later_goes_on_from_the_latest_day_told_not_the_last_written(lang, text):
    sentences = [Sentence(a, b) for a, b in split_sentences(text)]
    events = extract_events(text, sentences, lang, SATURDAY, find_places(text, lang),
                            find_dates(text, SATURDAY, lang), find_counts(text, lang))
    assert {e.date for e in events if e.type == "RETREAT"} == {"2025-06-14"}


@pytest.mark.parametrize("lang, text", [
    ("en", "CARACAS - Venezuela on Thursday condemned the new sanctions as economic warfare."),
    ("es", "CARACAS - Venezuela condenó el jueves las nuevas sanciones de Washington."),
    ("fr", "CARACAS - Le Venezuela a condamné jeudi les nouvelles sanctions américaines."),
    ("id", "CARACAS - Venezuela mengecam sanksi baru Amerika Serikat pada Kamis."),
])
def test_sanctions_a_government_condemns_are_no_new_sanctions(lang, text):
    assert {e.type for e in extract(text, lang)} == {"ACCUSE"}


def test_sanctions_announced_by_speaking_stay_sanctions():
    text = "WASHINGTON - The Treasury said on Thursday it was imposing new sanctions on Venezuela."
    assert "SANCTION" in {e.type for e in extract(text, "en")}
