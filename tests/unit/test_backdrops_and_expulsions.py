"""Issue 10 (bkd25): a deed noun that is the backdrop or time frame of the sentence's act ("amid a wave of
strikes", "di tengah gelombang penolakan", "after months of protests") is no new event; a host
government demanding that another state's diplomats leave is the expulsion (SANCTION expel), a third
party's call stays a REQUEST; a request told as a participle of a noun ("the withdrawal demanded by the
junta") is no new request."""

from datetime import datetime, timedelta, timezone

import pytest

from streams.nlp.backdrops import in_backdrop, in_span_backdrop
from streams.nlp.fuzzy import fold
from streams.nlp.triggers import find_triggers
from tests.events_in_text import events_in

PUBLISHED = datetime(2025, 6, 13, 18, 0, tzinfo=timezone(timedelta(hours=3)))  # a Friday


def extract(text, lang):
    return events_in(text, lang, PUBLISHED)


def hit_of(sentence, lang, type_):
    return next(h for h in find_triggers(sentence, lang) if h.trigger.type == type_)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Amid a wave of protests, the governor appealed for calm."),
    ("es", "En medio de una ola de huelgas, el gobernador pidió calma."),
    ("fr", "Au milieu d'une vague de grèves, le gouverneur a appelé au calme."),
    ("id", "Di tengah gelombang mogok kerja, gubernur meminta warga tenang."),
    ("ms", "Di tengah-tengah gelombang mogok, Menteri Besar meminta orang ramai bertenang."),
])
def test_a_deed_noun_after_a_preposition_of_setting_is_a_backdrop(lang, sentence):
    hit = hit_of(sentence, lang, "PROTEST")
    assert in_backdrop(fold(sentence), hit, lang)
    assert not in_span_backdrop(fold(sentence), hit, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Workers went on strike on Thursday."),
    ("es", "Los trabajadores iniciaron una huelga el jueves."),
    ("fr", "Les ouvriers se sont mis en grève jeudi."),
    ("id", "Buruh melakukan mogok kerja pada Kamis."),
    ("ms", "Pekerja melancarkan mogok pada Khamis."),
])
def test_the_main_act_is_no_backdrop(lang, sentence):
    hit = hit_of(sentence, lang, "PROTEST")
    assert not in_backdrop(fold(sentence), hit, lang)
    assert not in_span_backdrop(fold(sentence), hit, lang)


@pytest.mark.parametrize("lang, sentence, type_", [
    ("en", "Police arrested five people on Thursday after months of protests.", "PROTEST"),
    ("es", "La policía detuvo el jueves a cinco personas tras casi un año de protestas.", "PROTEST"),
    ("fr", "La police a arrêté jeudi cinq personnes après des mois d'enquête.", "ACCUSE"),
    ("id", "Polisi menangkap lima orang pada Kamis setelah berbulan-bulan penyelidikan.", "ACCUSE"),
    ("ms", "Polis menahan lima orang pada Khamis selepas berbulan-bulan siasatan.", "ACCUSE"),
])
def test_an_act_spread_over_months_before_the_sentences_act_is_never_its_event(lang, sentence, type_):
    hit = hit_of(sentence, lang, type_)
    assert in_span_backdrop(fold(sentence), hit, lang)
    assert type_ not in {e.type for e in extract(sentence, lang)}
    assert "COERCE" in {e.type for e in extract(sentence, lang)}


def test_a_span_of_days_is_read_like_a_preposition_of_setting():
    sentence = "Troops stayed on alert after a week of unrest."
    hit = hit_of(sentence, "en", "PROTEST")
    assert in_backdrop(fold(sentence), hit, "en") and not in_span_backdrop(fold(sentence), hit, "en")


@pytest.mark.parametrize("lang, text", [
    ("fr", "DAKAR - La police a arrêté 20 personnes à Dakar jeudi.\n\nAu milieu d'une vague de grèves, le gouverneur "
           "Amadou Ba a appelé au calme."),
])
def test_an_undated_backdrop_past_the_lede_makes_no_event(lang, text):
    assert "PROTEST" not in {e.type for e in extract(text, lang)}


@pytest.mark.parametrize("lang, text", [
    ("es", "Policía arresta a 25 portuarios durante protesta en el norte chileno"),
    ("en", "Police arrest 25 dock workers during a protest in northern Chile"),
])
def test_an_undated_backdrop_in_the_lede_may_be_its_only_telling(lang, text):
    assert {"COERCE", "PROTEST"} <= {e.type for e in extract(text, lang)}


def test_a_dated_backdrop_told_for_the_first_time_stays_an_event():
    text = "LAGOS - Police fired tear gas at protesters in Lagos on Thursday amid a strike by dock workers."
    assert {"ASSAULT", "PROTEST"} <= {e.type for e in extract(text, "en")}


@pytest.mark.parametrize("lang, text", [
    ("en", "CARACAS - Venezuela's government on Thursday demanded that Argentina and Chile withdraw their diplomats "
           "from the country."),
    ("es", "CARACAS - El Gobierno venezolano exigió el jueves a Argentina y Chile retirar de inmediato a su personal "
           "diplomático del país."),
    ("fr", "BAMAKO - Le gouvernement malien a exigé jeudi que la France retire son personnel diplomatique du pays."),
    ("id", "NAYPYIDAW - Pemerintah Myanmar pada Kamis menuntut Thailand menarik diplomatnya dari negara itu."),
    ("ms", "YANGON - Kerajaan Myanmar pada Khamis mengarahkan diplomat Thailand meninggalkan negara itu dalam tempoh "
           "72 jam."),
])
def test_a_host_demanding_that_foreign_diplomats_leave_expels_them(lang, text):
    events = extract(text, lang)
    assert [(e.type, e.mode) for e in events] == [("SANCTION", "expel")]


@pytest.mark.parametrize("lang, text", [
    ("en", "WASHINGTON - The United States on Thursday urged Britain to withdraw its diplomats from Kabul."),
    ("es", "WASHINGTON - Estados Unidos pidió el jueves al Reino Unido retirar a su personal diplomático de Kabul."),
    ("en", "WASHINGTON - The United States on Thursday demanded that Iran release the detained sailors."),
])
def test_a_third_partys_call_or_another_demand_stays_a_request(lang, text):
    assert "REQUEST" in {e.type for e in extract(text, lang)}
    assert "SANCTION" not in {e.type for e in extract(text, lang)}


@pytest.mark.parametrize("lang, text", [
    ("en", "NIAMEY - The last US troops left the Agadez base on Thursday, completing the withdrawal demanded by the "
           "military government, the ministry said."),
    ("fr", "NIAMEY - Les derniers militaires américains ont quitté jeudi la base d'Agadez, achevant le retrait exigé "
           "par le régime militaire, a annoncé le ministère."),
])
def test_a_request_told_as_the_participle_of_a_noun_is_no_new_request(lang, text):
    types = {e.type for e in extract(text, lang)}
    assert "RETREAT" in types and "REQUEST" not in types
