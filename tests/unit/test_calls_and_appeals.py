"""Requests by the PLOVER definitions and the coding conventions, across languages, on sentences
written for these tests: a call for an act asks for it (REQUEST), an order imposes it; a call to
protest convenes the protest (THREATEN, a threat of dissent by the caller); civic and ceremonial
appeals to the public (blood donors, a minute of silence) ask no party to act."""

import pytest

from tests.unit.test_events import extract


def types(text, lang="en"):
    return sorted(e.type for e in extract(text, lang))


def test_a_call_for_sanctions_is_a_request_not_a_sanction():
    assert types("On Thursday the archbishop in Almaty called for sanctions against Kazakhstan.") == ["REQUEST"]
    assert types("El jueves el arzobispo en Almaty pidió sanciones contra Kazajistán.", "es") == ["REQUEST"]
    assert types("Jeudi, l'archevêque d'Almaty a réclamé des sanctions contre le Kazakhstan.", "fr") == ["REQUEST"]
    assert types("Uskup agung di Almaty menyerukan sanksi terhadap Kazakhstan pada Kamis.", "id") == ["REQUEST"]


def test_an_order_still_imposes_what_it_names():
    assert types("On Thursday the president ordered a curfew in Almaty.") == ["COERCE"]
    assert types("El jueves el presidente ordenó un toque de queda en Almaty.", "es") == ["COERCE"]
    assert types("Presiden memerintahkan jam malam di Almaty pada Kamis.", "id") == ["COERCE"]
    assert types("Presiden mengarahkan perintah berkurung di Almaty pada Khamis.", "ms") == ["COERCE"]


def test_a_concession_asked_for_is_not_made():
    assert types("El jueves el ministro exigió el fin de la huelga en Almaty.", "es") == ["REQUEST"]
    assert types("Menteri meminta buruh menghentikan mogok di Almaty pada Kamis.", "id") == ["REQUEST"]


def test_a_call_to_strike_or_march_convenes_a_protest():
    assert types("On Thursday the union in Almaty called a general strike for Monday.") == ["THREATEN"]
    assert types("On Thursday the opposition called on its supporters to march on Almaty.") == ["THREATEN"]
    assert types("El jueves el sindicato de Almaty llamó a una huelga general para el lunes.", "es") == ["THREATEN"]
    assert types("Jeudi, le syndicat d'Almaty a appelé à la grève générale lundi.", "fr") == ["THREATEN"]
    assert types("El jueves la CGT llamó a los trabajadores a la huelga en Almaty.", "es") == ["THREATEN"]
    assert types("Serikat buruh di Almaty menyerukan mogok nasional pada Kamis.", "id") == ["THREATEN"]
    assert types("Kesatuan sekerja di Almaty menyeru mogok umum pada Khamis.", "ms") == ["THREATEN"]


def test_asking_protesters_or_asking_a_strike_to_stop_convenes_nothing():
    assert types("El jueves la Defensoría pidió a los manifestantes no atentar contra la infraestructura pública.",
                 "es") == ["REQUEST"]
    assert types("On Thursday the minister urged workers not to strike in Almaty.") == ["REQUEST"]
    assert types("El gobierno pide a médicos en huelga una tregua durante la Semana Santa.", "es") == ["REQUEST"]
    assert types("On Thursday the minister demanded an end to strikes in Almaty.") == ["REQUEST"]


def test_civic_and_ceremonial_appeals_are_no_requests():
    assert types("On Thursday the hospitals in Almaty launched an appeal for blood donors.") == []
    assert types("Jeudi, les hôpitaux d'Almaty ont lancé des appels au don de sang.", "fr") == []
    assert types("El jueves los hospitales de Almaty hicieron un llamado a donar sangre.", "es") == []
    assert types("Rumah sakit di Almaty meminta warga mendonorkan darah pada Kamis.", "id") == []
    assert types("Hospital di Almaty merayu orang ramai menderma darah pada Khamis.", "ms") == []
    assert types("Presiden meminta hadirin mengheningkan cipta untuk para korban pada Kamis.", "id") == []
    assert types("On Thursday the foreign minister urged Kazakhstan to release the detained journalists.") == ["REQUEST"]


def test_a_demand_renewed_or_pressure_to_act_is_a_request():
    assert types("On Thursday the ILO reiterated its demand that Kazakhstan ease restrictions on workers.") == ["REQUEST"]
    assert types("Jeudi, l'OIT a réitéré sa demande au Kazakhstan de lever les restrictions.", "fr") == ["REQUEST"]
    assert types("ILO mengulangi tuntutannya agar Kazakhstan melonggarkan pembatasan pada Kamis.", "id") == ["REQUEST"]
    assert types("On Thursday the authorities pressured the workers to cancel their strike.") == ["REQUEST"]
    assert types("El jueves el gobierno presionó a los sindicatos para que cancelen la huelga.", "es") == ["REQUEST"]


def test_do_it_or_face_a_penalty_is_an_ultimatum():
    assert "THREATEN" in types("The government declared on Tuesday that Kazakhstan must drop its barriers to exports "
                               "or face tariff penalties.")
    assert types("Mardi, le gouvernement a déclaré que le Kazakhstan doit lever ses barrières sous peine de sanctions.",
                 "fr") == ["THREATEN"]
    assert types("Pemerintah menyatakan Kazakhstan harus mencabut hambatan ekspor atau menghadapi sanksi tarif pada "
                 "Selasa.", "id") == ["THREATEN"]


def test_safety_advice_to_the_public_is_no_request():
    assert types("On Thursday the embassy urged its citizens in Almaty to stay indoors and follow official information.") \
        == []
    assert types("KBRI mengimbau WNI di Almaty untuk tetap tenang dan memantau informasi resmi pada Kamis.", "id") == []


def test_what_a_civic_appeal_names_is_no_act():
    assert types("On Thursday the chamber chief urged a minute of silence for those killed in the riots in Almaty.") == []
    assert types("Presiden meminta hadirin mengheningkan cipta untuk warga yang tewas dalam serangan di Almaty pada "
                 "Kamis.", "id") == []


@pytest.mark.parametrize("lang, text", [
    ("en", "On Friday the mayor urged residents to avoid unnecessary travel during the storm."),
    ("fr", "Vendredi, la préfète a appelé les habitants à limiter leurs déplacements pendant la tempête."),
    ("es", "El gobernador pidió el viernes a los vecinos extremar las precauciones por la tormenta."),
    ("id", "Bupati pada Jumat mengimbau warga menunda perjalanan selama cuaca buruk."),
    ("ms", "Datuk Bandar pada Jumaat menasihati penduduk menangguhkan perjalanan semasa ribut."),
])
def test_travel_and_caution_advice_to_the_public_is_no_request(lang, text):
    assert extract(text, lang) == []


def test_a_question_reported_with_demanded_is_no_request():
    assert extract("On Friday the presenter demanded why the minister had stayed silent.") == []
    assert extract("Le sénateur a voulu savoir vendredi pourquoi le ministre s'était tu.", "fr") == []


@pytest.mark.parametrize("lang, text", [
    ("en", "On Monday the federation called on workers to stage a nationwide strike."),
    ("en", "On Monday the federation called on port workers to go on strike."),
    ("es", "La federación hizo el lunes un llamamiento a los estibadores a una huelga nacional."),
    ("es", "La federación llamó el lunes a los estibadores a realizar una huelga general."),
    ("fr", "La fédération a appelé lundi les dockers à faire grève."),
    ("id", "Federasi itu pada Senin menyerukan para buruh pelabuhan untuk melakukan aksi mogok."),
    ("ms", "Persekutuan itu pada Isnin menyeru pekerja pelabuhan untuk mengadakan piket."),
])
def test_a_call_to_stage_or_join_a_strike_convenes_it(lang, text):
    assert types(text, lang) == ["THREATEN"]


@pytest.mark.parametrize("lang, text", [
    ("en", "On Monday the president asked the police to stop the protest."),
    ("es", "El presidente pidió el lunes a la policía detener la protesta."),
])
def test_a_call_to_stop_a_protest_stays_a_request(lang, text):
    assert types(text, lang) == ["REQUEST"]


@pytest.mark.parametrize("lang, text", [
    ("en", "On Monday economists urged the central bank to raise interest rates."),
    ("es", "Los analistas pidieron el lunes al banco central subir las tasas de interés."),
    ("fr", "Des économistes ont appelé lundi la banque centrale à relever ses taux."),
    ("id", "Para pengamat pada Senin mendesak bank sentral menaikkan suku bunga."),
    ("ms", "Penganalisis pada Isnin menggesa bank pusat menaikkan kadar faedah."),
])
def test_a_call_by_commentators_is_reported_opinion_not_a_request(lang, text):
    assert extract(text, lang) == []


def test_a_call_by_a_party_that_names_commentators_stays_a_request():
    assert types("On Monday the minister urged analysts to stop spreading rumours.") == ["REQUEST"]
