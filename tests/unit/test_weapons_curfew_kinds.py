"""Kinds of failure found on CASE 2021 and IndiaPoliceEvents (case23): weapons found, intercepted,
defused or destroyed with words between the verb and the weapon; suicide attackers who blow
themselves up; rounds fired after 'had to' and people hurt 'in the firing'; suspects 'caught'
by the police; a curfew told as a standing state (no event) rather than imposed; an arrest and
the weapons found in the same raid are one act."""

from datetime import datetime, timezone

import pytest

from tests.events_in_text import events_in

PUBLISHED = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)  # a Thursday


def types_of(text, lang):
    return [(e.type, e.mode) for e in events_in(text, lang, PUBLISHED)]


@pytest.mark.parametrize("lang, text", [
    ("en", "Customs officers in Mombasa intercepted 40 smuggled hunting rifles on Tuesday."),
    ("en", "Army engineers defused dozens of landmines near Kandahar on Tuesday."),
    ("en", "Troops destroyed a roadside improvised explosive device near Kandahar on Tuesday."),
    ("es", "El ejército descubrió el martes un enorme arsenal de armas en Culiacán."),
    ("fr", "Les démineurs ont désamorcé mardi un engin explosif près de Gao."),
    ("id", "Polisi menemukan belasan pucuk senjata api di Poso pada Selasa."),
    ("ms", "Polis menemui 20 laras senjata api di Kota Bharu pada Selasa."),
])
def test_weapons_found_or_defused_with_words_between_are_a_seizure(lang, text):
    assert ("COERCE", "seize") in types_of(text, lang)


def test_a_defused_bomb_is_no_attack():
    assert not any(t == "ASSAULT" for t, _ in types_of(
        "Troops destroyed a roadside improvised explosive device near Kandahar on Tuesday.", "en"))


@pytest.mark.parametrize("lang, text", [
    ("en", "Two suicide bombers blew themselves up at a checkpoint in Maiduguri on Tuesday."),
    ("es", "Dos atacantes se hicieron estallar el martes en un puesto de control de Maiduguri."),
    ("fr", "Deux assaillants se sont fait exploser mardi à un poste de contrôle de Maiduguri."),
])
def test_attackers_who_blow_themselves_up_are_an_assault(lang, text):
    assert ("ASSAULT", "explosives") in types_of(text, lang)


def test_a_would_be_bomber_is_no_attack():
    assert ("ASSAULT", "explosives") not in types_of(
        "A would-be suicide bomber was seen near the market in Maiduguri on Tuesday.", "en")


@pytest.mark.parametrize("text", [
    "Police in Meerut had to fire 12 rounds on Tuesday to disperse the crowd.",
    "Six people were injured in the firing in Meerut on Tuesday.",
])
def test_rounds_fired_after_had_to_and_casualties_in_the_firing_are_an_assault(text):
    assert ("ASSAULT", "firearms") in types_of(text, "en")


def test_suspects_caught_by_police_are_an_arrest():
    assert ("COERCE", "arrest") in types_of("Two suspects were caught by the Meerut police on Tuesday.", "en")


@pytest.mark.parametrize("text", [
    "A warehouse caught fire in Meerut on Tuesday, police said.",
    "Police said the theft in Meerut was caught on camera on Tuesday.",
])
def test_caught_in_another_sense_is_no_arrest(text):
    assert ("COERCE", "arrest") not in types_of(text, "en")


@pytest.mark.parametrize("lang, text", [
    ("en", "Parts of Meerut remained under curfew on Tuesday."),
    ("en", "Shops in the curfew-bound areas of Meerut stayed shut on Tuesday."),
    ("es", "Cali sigue bajo toque de queda este martes."),
    ("fr", "Nouméa reste sous couvre-feu mardi."),
])
def test_a_curfew_still_in_force_is_no_event(lang, text):
    assert ("COERCE", "curfew") not in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Parts of Meerut were put under curfew on Tuesday."),
    ("en", "Curfew was imposed in Meerut on Tuesday."),
    ("es", "La ciudad de Cali fue puesta bajo toque de queda el martes."),
    ("fr", "La ville de Nouméa a été placée sous couvre-feu mardi."),
])
def test_a_curfew_imposed_is_a_coercion(lang, text):
    assert ("COERCE", "curfew") in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Soldiers detained four men at a house in Culiacán on Tuesday. Inside, they found six rifles and three grenades."),
    ("es", "Militares detuvieron este martes a tres hombres en una vivienda de Culiacán.\n\n"
           "Según el reporte, en el inmueble se hallaron seis fusiles y dos granadas."),
])
def test_an_arrest_and_the_weapons_found_in_the_raid_are_one_event(lang, text):
    assert [t for t, _ in types_of(text, lang)].count("COERCE") == 1


@pytest.mark.parametrize("lang, text", [
    ("en", "Government troops wrested control of an airbase near Aden on Sunday."),
    ("en", "Rebels have taken over three villages near Goma on Sunday."),
    ("es", "Las tropas del gobierno recuperaron el control de una base aérea cerca de Adén el domingo."),
    ("fr", "Les rebelles ont arraché le contrôle de la ville de Goma dimanche."),
])
def test_control_of_a_place_taken_by_armed_forces_is_a_seizure(lang, text):
    assert ("COERCE", "seize") in types_of(text, lang)


def test_control_of_a_company_is_no_seizure():
    assert ("COERCE", "seize") not in types_of("The fund gained control of the retailer in London on Sunday.", "en")


@pytest.mark.parametrize("lang, text", [
    ("en", "Protesters poured into the streets of Chicago on Friday night."),
    ("en", "Thousands of students flooded the streets of Santiago on Friday."),
    ("es", "Miles de estudiantes inundaron las calles de Santiago el viernes."),
    ("id", "Ribuan mahasiswa memadati jalan-jalan di Jakarta pada Jumat."),
    ("ms", "Ribuan pelajar membanjiri jalan raya di Kuala Lumpur pada Jumaat."),
])
def test_protesters_filling_the_streets_are_a_protest(lang, text):
    assert ("PROTEST", "demonstrate") in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Heavy rain flooded the streets of Santiago on Friday."),
    ("id", "Ribuan kendaraan pemudik memadati jalan di Jakarta pada Jumat."),
])
def test_streets_filled_by_water_or_traffic_are_no_protest(lang, text):
    assert not any(t == "PROTEST" for t, _ in types_of(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("en", "Stone-throwing protesters clashed with police in Santiago on Saturday."),
    ("fr", "Des manifestants se sont heurtés à la police à Nantes samedi."),
])
def test_protesters_clashing_with_police_are_a_riot(lang, text):
    assert ("PROTEST", "riot") in types_of(text, lang)
