"""Ways of saying the weak types that the lexicons lacked (issue 10, types16), rebuilt from the PLOVER
definitions and the coding conventions rather than from tune's articles; sentences written for these tests,
each kind checked in the languages where it exists."""

import pytest

from tests.unit.test_events import extract


def types(text, lang):
    return sorted({e.type for e in extract(text, lang)})


@pytest.mark.parametrize("lang, text", [
    ("en", "The European Union warned on Monday that it would suspend aid to Chad if the junta kept the president."),
    ("id", "Uni Eropa pada Senin memperingatkan akan menghentikan bantuan kepada Chad jika junta tidak membebaskan presiden."),
    ("ms", "Kesatuan Eropah pada Isnin memberi amaran akan menghentikan bantuan kepada Chad jika junta tidak membebaskan presiden."),
    ("es", "La Unión Europea advirtió el lunes que suspenderá la ayuda a Chad si la junta no libera al presidente."),
])
def test_a_sanction_a_warning_says_will_come_is_a_threat(lang, text):
    assert types(text, lang) == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "The foreign minister said on Monday that Ghana would recall its ambassador if the report proved true.",
    "The army said on Monday it will blockade the port until the rebels leave.",
    "Transport unions said on Monday they will block the highways unless fuel prices fall.",
    "The junta vowed on Monday to close the border with Benin.",
])
def test_an_act_announced_in_the_base_form_is_a_threat(text):
    assert types(text, "en") == ["THREATEN"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Activists urged Britain on Monday to expel the ambassador."),
    ("es", "Los activistas pidieron el lunes a Gran Bretaña expulsar al embajador."),
])
def test_a_base_form_without_a_modal_is_no_deed(lang, text):
    assert types(text, lang) == ["REQUEST"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Germany sent arms to Ukraine on Tuesday."),
    ("en", "Japan on Tuesday handed over 20 tonnes of medicine to hospitals in Gaza."),
    ("es", "Japón entregó el martes 20 toneladas de medicamentos a los hospitales de Gaza."),
    ("fr", "Le Japon a remis mardi 20 tonnes de médicaments aux hôpitaux de Gaza."),
    ("id", "Jepang pada Selasa menyerahkan 20 ton obat-obatan kepada rumah sakit di Gaza."),
    ("ms", "Jepun pada Selasa menyerahkan 20 tan ubat-ubatan kepada hospital di Gaza."),
])
def test_arms_or_medicine_given_are_aid(lang, text):
    assert "AID" in types(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "The militiamen handed over their weapons to the army in Bunia on Tuesday."),
    ("es", "Los milicianos entregaron sus armas al ejército en Bunia el martes."),
    ("fr", "Les miliciens ont remis leurs armes à l'armée à Bunia mardi."),
])
def test_fighters_handing_over_their_weapons_retreat(lang, text):
    assert types(text, lang) == ["RETREAT"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Malaysian police handed over the suspect to Thai authorities on Thursday."),
    ("es", "La policía de Ecuador entregó al sospechoso a las autoridades colombianas el jueves."),
    ("fr", "La police ivoirienne a remis le suspect aux autorités burkinabè jeudi."),
])
def test_a_suspect_handed_to_another_states_authorities_is_cooperation(lang, text):
    assert types(text, lang) == ["COOPERATE"]


@pytest.mark.parametrize("text", [
    "The ministry confirmed on Tuesday that it would recall its ambassador from Minsk.",
    "Fishermen stated on Tuesday that they would blockade Marseille from Thursday.",
])
def test_an_act_announced_after_a_verb_of_attribution_is_a_threat(text):
    """English had eight attribution verbs where es and fr list their wire style's forty."""
    assert types(text, "en") == ["THREATEN"]


def test_a_blockade_lifted_is_no_threat():
    assert "THREATEN" not in types("The government said on Tuesday it would lift the blockade of the port.", "en")


@pytest.mark.parametrize("lang, text", [
    ("en", "Spain recognised Palestine as a state on Tuesday."),
    ("es", "España reconoció a Palestina como Estado este martes."),
    ("id", "Spanyol mengakui Palestina sebagai negara pada Selasa."),
])
def test_a_state_recognised_is_support(lang, text):
    assert types(text, lang) == ["SUPPORT"]


@pytest.mark.parametrize("lang, text", [
    ("en", "The European Union halted budget support to Mali on Tuesday."),
    ("es", "Bruselas suspendió el martes el apoyo presupuestario a Malí."),
    ("fr", "La Banque mondiale a suspendu mardi ses décaissements au Mali."),
    ("ms", "Bank Dunia menggantung pembiayaan kepada Mali pada Selasa."),
])
def test_aid_or_funding_halted_is_a_sanction(lang, text):
    assert types(text, lang) == ["SANCTION"]
