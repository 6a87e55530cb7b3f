"""Actor words with the same families in all five languages (issue 10): a defence ministry and
a coast guard are the military, "forces" are troops unless an idiom ("joined forces"), French
and Spanish demonyms in every plural."""

from datetime import datetime, timezone

import pytest

from streams.nlp.actors import find_actors
from streams.nlp.places import find_places
from tests.events_in_text import events_in

PUBLISHED = datetime(2025, 3, 12, 9, 0, tzinfo=timezone.utc)  # a Wednesday


def extract(text, lang):
    return events_in(text, lang, PUBLISHED)


def mentions(text, lang):
    return [(m.kind, m.value, m.country) for m in find_actors(text, lang, find_places(text, lang))]


@pytest.mark.parametrize("lang, text", [
    ("en", "South Korea's defence ministry on Tuesday warned North Korea of a stern response to any provocation."),
    ("fr", "Le ministère de la Défense sud-coréen a menacé mardi la Corée du Nord de représailles."),
    ("es", "El Ministerio de Defensa surcoreano amenazó el martes a Corea del Norte con represalias."),
])
def test_a_defence_ministry_speaks_for_the_military(lang, text):
    assert [(e.type, e.actors) for e in extract(text, lang)] == [("THREATEN", ["KR:military"])]


@pytest.mark.parametrize("lang, text", [
    ("id", "Kementerian Pertahanan Nasional Korea Selatan memperingatkan Korea Utara."),
    ("ms", "Kementerian Pertahanan Negara Korea Selatan memberi amaran kepada Korea Utara."),
    ("en", "South Korea's national defense ministry warned North Korea."),
])
def test_a_national_defence_ministry_is_one_military_mention(lang, text):
    assert ("sector", "military", "KR") in mentions(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "The Chinese coast guard fired water cannon at a Philippine supply boat near the Spratly Islands on Saturday."),
    ("es", "La guardia costera china disparó cañones de agua contra un barco filipino cerca de las islas Spratly el sábado."),
    ("fr", "Les garde-côtes chinois ont tiré au canon à eau sur un navire philippin près des îles Spratleys samedi."),
])
def test_a_coast_guard_is_the_military(lang, text):
    assert {e.actors[0] for e in extract(text, lang) if e.type == "ASSAULT"} == {"CN:military"}


@pytest.mark.parametrize("lang, text, code", [
    ("en", "Rebel forces attacked an army checkpoint near Idlib in Syria on Tuesday.", "SY:rebels"),
    ("en", "Government forces shelled rebel positions near Idlib in Syria on Tuesday.", "SY:military"),
    ("es", "Fuerzas rebeldes atacaron el martes una base militar en el Cauca, Colombia.", "CO:rebels"),
    ("fr", "Les forces gouvernementales ont pilonné mardi la ville d'Idleb, en Syrie.", "SY:military"),
    ("id", "Pasukan pemberontak menyerang pos militer di Sagaing, Myanmar, pada Selasa.", "MM:rebels"),
])
def test_forces_act_as_the_side_that_qualifies_them(lang, text, code):
    assert [e.actors for e in extract(text, lang) if e.type == "ASSAULT"] == [[code]]


@pytest.mark.parametrize("lang, text", [
    ("en", "Opposition parties joined forces with unions in Nairobi, Kenya, on Tuesday."),
    ("fr", "Les partis d'opposition ont uni leurs forces à Dakar, au Sénégal, mardi."),
    ("es", "Los partidos opositores decidieron unir fuerzas en Bogotá, Colombia, el martes."),
])
def test_joining_forces_names_no_troops(lang, text):
    assert all(v != "military" for _, v, _ in mentions(text, lang))


@pytest.mark.parametrize("lang, text, country", [
    ("fr", "Les forces israéliennes ont tué deux hommes.", "IL"),
    ("fr", "Des troupes maliennes ont été déployées.", "ML"),
    ("es", "Las fuerzas colombianas bombardearon un campamento.", "CO"),
    ("es", "Las tropas rusas avanzaron.", "RU"),
])
def test_feminine_and_plural_demonyms_qualify_a_sector(lang, text, country):
    assert [(v, c) for k, v, c in mentions(text, lang) if k == "sector"] == [("military", country)]


@pytest.mark.parametrize("lang, text", [
    ("en", "Palestinian leaders on Tuesday rejected an offer to host a summit."),
    ("fr", "Les dirigeants palestiniens ont rejeté mardi l'offre d'accueillir un sommet."),
    ("es", "Los líderes palestinos rechazaron el martes la oferta de organizar una cumbre."),
    ("id", "Para pemimpin Palestina pada Selasa menolak tawaran untuk menggelar pertemuan puncak."),
    ("ms", "Pemimpin Palestin pada Selasa menolak tawaran untuk menganjurkan sidang kemuncak."),
])
def test_a_country_s_leaders_are_its_government(lang, text):
    # no second country here: between states ("a US offer") the government is written as its state,
    # "PS" (eventroles.governments_as_states, tests/unit/test_actors_that_hold.py)
    assert [(e.type, e.actors) for e in extract(text, lang)] == [("REJECT", ["PS:government"])]


def test_a_leader_named_by_nationality_is_the_person_named_with_it():
    text = ("The Belarusian leader held talks with Yevgeny Prigozhin in Minsk on Tuesday, "
            "Alexander Lukashenko's office said.")
    assert [sorted(e.actors) for e in extract(text, "en")] == [["Alexander Lukashenko", "Yevgeny Prigozhin"]]


@pytest.mark.parametrize("lang, text", [
    ("en", "Israeli warplanes struck targets near Beirut, Lebanon, on Tuesday, killing four people."),
    ("es", "Aviones de combate israelíes atacaron el martes objetivos cerca de Beirut, Líbano."),
    ("id", "Pesawat tempur Israel menyerang sejumlah sasaran di dekat Beirut, Lebanon, pada Selasa."),
    ("ms", "Jet pejuang Israel menyerang beberapa sasaran berhampiran Beirut, Lubnan, pada Selasa."),
])
def test_warplanes_and_warships_are_their_country_s_military(lang, text):
    assert [e.actors for e in extract(text, lang) if e.type == "ASSAULT"] == [["IL:military"]]


@pytest.mark.parametrize("lang, text, code", [
    ("en", "The Kremlin on Tuesday rejected the accusation.", "RU"),
    ("en", "Downing Street rejected that demand on Thursday.", "GB"),
    ("es", "La Casa Blanca condenó el ataque.", "US"),
    ("fr", "La Maison-Blanche a condamné l'attaque.", "US"),
    ("id", "Gedung Putih mengecam serangan itu.", "US"),
    ("ms", "Kremlin pada Selasa menafikan tuduhan itu.", "RU"),
])
def test_a_seat_of_government_is_its_countrys_government(lang, text, code):
    assert mentions(text, lang) == [("sector", "government", code)]


@pytest.mark.parametrize("lang, text, sector, code", [
    ("en", "The IDF said on Tuesday it had struck targets near Beirut.", "military", "IL"),
    ("fr", "Tsahal a affirmé mardi avoir frappé des cibles près de Beyrouth.", "military", "IL"),
    ("es", "La PNP informó el martes que detuvo a cinco personas en Lima.", "police", "PE"),
    ("id", "RCMP menyatakan pada Selasa bahwa penyelidikan masih berlangsung.", "police", "CA"),
    ("ms", "ISPR pada Selasa memberi amaran kepada penunjuk perasaan.", "military", "PK"),
    ("en", "Senator Risa Hontiveros urged the PNP on Friday to investigate.", "police", "PH"),
])
def test_a_national_force_named_by_its_own_name_is_its_countrys_sector(lang, text, sector, code):
    assert ("sector", sector, code) in mentions(text, lang)
