"""Entries of the PLOVER definitions of SANCTION, COOPERATE, CONCEDE, RETREAT, THREATEN and REQUEST that the
lexicons of some languages lacked (issue 10, types14), on sentences written for these tests: each entry of a
definition is checked in the five languages, not only in the language where it was first seen."""

import pytest

from tests.unit.test_events import extract


def types(text, lang):
    return sorted({e.type for e in extract(text, lang)})


@pytest.mark.parametrize("lang, text", [
    ("en", "On Friday the separatists walked out of the negotiations in Geneva."),
    ("en", "Uzbekistan on Friday called off its talks with Tajikistan."),
    ("fr", "Vendredi, les séparatistes ont claqué la porte des négociations à Genève."),
    ("fr", "L'Ouzbékistan a suspendu vendredi les pourparlers avec le Tadjikistan."),
    ("es", "Los separatistas abandonaron el viernes las negociaciones en Ginebra."),
    ("es", "Ouganda puso fin el viernes a su mediación entre los dos países."),
    ("id", "Kelompok separatis pada Jumat keluar dari perundingan di Jenewa."),
    ("ms", "Kumpulan pemisah pada Jumaat menarik diri daripada rundingan di Geneva."),
])
def test_negotiations_walked_out_of_or_broken_off_are_a_sanction(lang, text):
    assert types(text, lang) == ["SANCTION"]


@pytest.mark.parametrize("lang, text", [
    ("fr", "Vendredi, la junte a expulsé les observateurs de l'Union africaine."),
    ("es", "La junta expulsó el viernes a los observadores de la Unión Africana."),
    ("id", "Junta militer pada Jumat mengusir pengamat Uni Afrika."),
    ("ms", "Junta tentera pada Jumaat mengusir pemerhati Kesatuan Afrika."),
])
def test_observers_or_a_mission_expelled_are_a_sanction_not_an_expulsion_of_persons(lang, text):
    assert types(text, lang) == ["SANCTION"]


@pytest.mark.parametrize("lang, text", [
    ("ms", "Kerajaan Malaysia pada Jumaat mengharamkan import daging dari Brazil."),
    ("es", "Venezuela rebajó el viernes sus relaciones diplomáticas con Panamá."),
])
def test_trade_banned_or_ties_downgraded_are_a_sanction(lang, text):
    assert types(text, lang) == ["SANCTION"]


@pytest.mark.parametrize("lang, text", [
    ("en", "On Friday the junta allowed observers of the African Union into the country."),
    ("fr", "Vendredi, la junte a autorisé les observateurs de l'Union africaine à entrer dans le pays."),
    ("es", "La junta permitió el viernes a los observadores de la Unión Africana entrar en el país."),
    ("id", "Junta militer pada Jumat mengizinkan pengamat Uni Afrika masuk ke negara itu."),
    ("ms", "Junta tentera pada Jumaat membenarkan pemerhati Kesatuan Afrika masuk ke negara itu."),
])
def test_letting_in_observers_or_aid_is_a_retreat(lang, text):
    assert "RETREAT" in types(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Uzbekistan and Tajikistan resumed security cooperation on Friday."),
    ("fr", "L'Ouzbékistan et le Tadjikistan ont repris vendredi leur coopération."),
    ("es", "Uzbekistán y Tayikistán reanudaron el viernes la cooperación militar."),
    ("id", "Uzbekistan dan Tajikistan pada Jumat memulihkan kerja sama keamanan."),
    ("ms", "Uzbekistan dan Tajikistan pada Jumaat menyambung semula kerjasama keselamatan."),
])
def test_cooperation_resumed_is_cooperation(lang, text):
    assert types(text, lang) == ["COOPERATE"]


@pytest.mark.parametrize("lang, text", [
    ("es", "Los camioneros levantaron el viernes el bloqueo de la autopista."),
    ("ms", "Para petani pada Jumaat menamatkan sekatan jalan raya di Kedah."),
    ("id", "Gubernur itu pada Jumat menawarkan pengunduran dirinya."),
])
def test_a_blockade_ended_or_a_resignation_offered_is_a_concession(lang, text):
    assert types(text, lang) == ["CONCEDE"]


@pytest.mark.parametrize("lang, text", [
    ("en", "On Saturday the militia leader called off his armed march on the capital."),
    ("fr", "Samedi, le chef de la milice a annulé sa marche armée sur la capitale."),
    ("es", "El jefe de la milicia suspendió el sábado su marcha armada sobre la capital."),
    ("id", "Para mahasiswa pada Sabtu membatalkan aksi long march ke Jakarta."),
])
def test_a_march_called_off_by_its_own_side_is_a_concession_not_a_protest(lang, text):
    assert types(text, lang) == ["CONCEDE"]


@pytest.mark.parametrize("lang, text", [
    ("en", "On Friday Germany halted arms deliveries to Uzbekistan."),
    ("fr", "L'Allemagne a suspendu vendredi ses livraisons d'armes à l'Ouzbékistan."),
    ("es", "Alemania suspendió el viernes la venta de armas a Uzbekistán."),
    ("id", "Jerman pada Jumat menghentikan penjualan senjata ke Uzbekistan."),
    ("ms", "Jerman pada Jumaat menggantung eksport senjata ke Uzbekistan."),
    ("en", "On Friday Uzbekistan withdrew from the defence pact with Tajikistan."),
    ("ms", "Uzbekistan pada Jumaat menggantung keanggotaannya dalam pakatan itu."),
])
def test_arms_sales_halted_or_a_pact_left_are_a_sanction(lang, text):
    assert types(text, lang) == ["SANCTION"]


@pytest.mark.parametrize("lang, text", [
    ("en", "On Friday Uzbekistan handed the former general over to the International Criminal Court."),
    ("fr", "L'Ouzbékistan a remis vendredi l'ancien général à la Cour pénale internationale."),
    ("es", "Uzbekistán entregó el viernes al exgeneral a la Corte Penal Internacional."),
    ("id", "Uzbekistan pada Jumat menyerahkan mantan jenderal itu ke Mahkamah Pidana Internasional."),
    ("ms", "Uzbekistan pada Jumaat menyerahkan bekas jeneral itu kepada Mahkamah Jenayah Antarabangsa."),
    ("id", "Uzbekistan dan Tajikistan pada Jumat menggelar latihan militer bersama."),
])
def test_a_suspect_surrendered_to_an_international_court_or_a_joint_exercise_is_cooperation(lang, text):
    assert types(text, lang) == ["COOPERATE"]


@pytest.mark.parametrize("lang, text", [
    ("en", "On Friday the militia accepted the ceasefire proposal of the mediators."),
    ("fr", "Vendredi, la milice a accepté la proposition de cessez-le-feu des médiateurs."),
    ("es", "La milicia aceptó el viernes la propuesta de alto el fuego de los mediadores."),
    ("id", "Milisi itu pada Jumat menerima usulan gencatan senjata dari para mediator."),
    ("ms", "Militia itu pada Jumaat menerima cadangan gencatan senjata daripada pengantara."),
    ("es", "El gobierno retiró el viernes el polémico proyecto de ley de seguridad."),
])
def test_a_ceasefire_proposal_accepted_or_a_bill_withdrawn_is_a_concession(lang, text):
    assert types(text, lang) == ["CONCEDE"]


def test_someone_threatened_with_prison_is_the_target_of_a_threat():
    assert types("El líder sindical fue amenazado el viernes con la cárcel.", "es") == ["THREATEN"]


def test_police_halting_a_march_is_no_concession():
    assert "CONCEDE" not in types("On Saturday police halted the march on the capital.", "en")
    assert "CONCEDE" not in types("Polisi pada Sabtu menghentikan aksi unjuk rasa di Jakarta.", "id")


@pytest.mark.parametrize("lang, text", [
    ("en", "On Monday the UN withdrew its observers from Chad."),
    ("fr", "L'ONU a retiré lundi ses observateurs du Tchad."),
    ("es", "La ONU retiró el lunes a sus observadores de Chad."),
    ("id", "PBB pada Senin menarik para pengamatnya dari Chad."),
    ("ms", "PBB pada Isnin menarik balik pemerhatinya dari Chad."),
])
def test_observers_withdrawn_by_their_own_body_are_a_sanction(lang, text):
    assert types(text, lang) == ["SANCTION"]


@pytest.mark.parametrize("lang, text", [
    ("en", "The UN envoy announced on Monday that he will withdraw the observers from Chad."),
    ("fr", "Le parti a annoncé lundi qu'il boycottera les prochaines élections législatives."),
    ("es", "El partido anunció el lunes que boicoteará las próximas elecciones legislativas."),
])
def test_a_sanction_announced_for_the_future_is_a_threat(lang, text):
    assert types(text, lang) == ["THREATEN"]


@pytest.mark.parametrize("lang, text", [
    ("en", "On Monday Germany pressed for a new inquiry into the killings."),
    ("en", "On Monday Germany pushed for new sanctions against Uzbekistan."),
    ("es", "Alemania presionó el lunes para imponer nuevas sanciones a Uzbekistán."),
])
def test_pressing_for_an_act_is_a_request(lang, text):
    assert types(text, lang) == ["REQUEST"]
