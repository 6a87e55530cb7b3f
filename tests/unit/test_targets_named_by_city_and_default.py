"""Targets (issue 10, act24): a capital city that is the object of a speech act stands for its
state; a strike is against the government when the text names no other target; the general public
a government appeals to is the civilians; titles that introduce ombudsmen and ringleaders, and the
engineer's honorific of Indonesian and Malay names."""

from datetime import datetime, timedelta, timezone

import pytest

from streams.nlp.titles import find_titled_persons
from tests.events_in_text import events_in

PUBLISHED = datetime(2025, 3, 12, 12, 0, tzinfo=timezone(timedelta(hours=7)))  # a Wednesday


def roles(text, lang, event_type):
    return [(e.actors, e.targets) for e in events_in(text, lang, PUBLISHED) if e.type == event_type]


@pytest.mark.parametrize("lang, text, event_type, target", [
    ("en", "Ukraine's Foreign Minister Andrii Sybiha accused Moscow on Tuesday of targeting food security.", "ACCUSE", "RU"),
    ("es", "El canciller Yván Gil acusó a Bogotá el martes de violar el acuerdo.", "ACCUSE", "CO"),
    ("fr", "Le Premier ministre Justin Trudeau a exhorté New Delhi à collaborer à l'enquête mardi.", "REQUEST", "IN"),
    ("id", "Menteri Luar Negeri Retno Marsudi pada Selasa mengecam Moskwa atas serangan itu.", "ACCUSE", "RU"),
    ("ms", "Jurucakap Lin Jian semalam menuduh Manila.", "ACCUSE", "PH"),
])
def test_a_capital_as_the_object_of_a_speech_act_is_its_state(lang, text, event_type, target):
    ((_, targets),) = roles(text, lang, event_type)
    assert targets == [target]


def test_a_city_after_a_preposition_or_of_the_speakers_own_country_is_no_target():
    # where it was said, not whom it is about
    ((_, targets),) = roles("Ukraine's Foreign Minister Andrii Sybiha condemned in Paris on Tuesday the attack.",
                            "en", "ACCUSE")
    assert "FR" not in targets
    # a Ukrainian urging Kyiv speaks to his own government, not to a foreign state
    ((_, targets),) = roles("Ukraine's Foreign Minister Andrii Sybiha on Tuesday urged Kyiv to hold talks.", "en", "REQUEST")
    assert "UA" not in targets


@pytest.mark.parametrize("lang, text", [
    ("en", "Teachers' unions went on strike across Kenya on Tuesday."),
    ("es", "Los sindicatos realizaron el martes un paro general en toda Argentina."),
    ("fr", "Les cheminots se sont mis en grève mardi dans toute la France."),
    ("id", "Ribuan buruh melakukan mogok kerja di Jakarta pada Selasa."),
    ("ms", "Ribuan pekerja melancarkan mogok di Kuala Lumpur semalam."),
])
def test_a_strike_naming_no_target_is_against_the_government(lang, text):
    strikes = roles(text, lang, "PROTEST")
    assert strikes and all(t and all(x.endswith(":government") for x in t) for _, t in strikes)


@pytest.mark.parametrize("lang, text", [
    ("ms", "Ketua Polis Johor, Ahmad Zaki Hashim, semalam menggesa orang ramai menyalurkan maklumat kepada polis."),
    ("es", "El gobernador Rubén Rocha Moya pidió este martes a la población no difundir rumores en Culiacán."),
])
def test_the_public_appealed_to_is_the_civilians(lang, text):
    ((_, targets),) = roles(text, lang, "REQUEST")
    assert any(t.endswith(":civilians") for t in targets)


@pytest.mark.parametrize("lang, text, name", [
    ("ms", "Pengarah jabatan berkenaan, Ir. Jaafar Mohd Nor, meletak jawatan hari ini.", "Jaafar Mohd Nor"),
    ("id", "Kepala dinas, Ir. Budi Santoso, mengundurkan diri pada Selasa.", "Budi Santoso"),
    ("es", "La defensora del Pueblo, Iris Marín, exigió este martes al ELN levantar el paro.", "Iris Marín"),
    ("es", "El cabecilla Adolfo Macías escapó de la cárcel el martes.", "Adolfo Macías"),
    ("en", "Ombudsman Samuel Martin criticised the police on Tuesday.", "Samuel Martin"),
])
def test_ombudsmen_ringleaders_and_the_engineers_honorific(lang, text, name):
    assert [n.name for n in find_titled_persons(text, lang, [])][:1] == [name]
