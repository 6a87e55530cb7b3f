"""Kinds of wrong event type on the right sentence (issue 10, types13): each test holds sentences
written for it, in two or more languages, where the act told is of one PLOVER type and a word near
it names another."""

import pytest

from tests.unit.test_enrich import enriched
from tests.unit.test_events import extract


def types_of(text, lang):
    return sorted(e.type for e in extract(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("en", "Police on Thursday arrested 5 people on charges of bombing a church in Almaty."),
    ("en", "Police on Thursday detained 5 men suspected of killing a soldier in Almaty."),
    ("id", "Polisi pada Kamis menangkap 5 orang atas tuduhan melakukan pengeboman di Jakarta."),
    ("ms", "Polis pada Khamis menahan 5 orang atas tuduhan mengebom gereja di Jakarta."),
    ("fr", "La police a arrêté jeudi 5 personnes soupçonnées d'avoir attaqué un commissariat à Almaty."),
    ("es", "La policía detuvo el jueves a 5 hombres bajo sospecha de atacar una comisaría en Almaty."),
])
def test_the_deed_an_arrest_is_for_is_no_new_assault(lang, text):
    assert types_of(text, lang) == ["COERCE"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia said on Thursday it will withdraw its troops from Almaty unless Kazakhstan pays."),
    ("id", "Rusia pada Kamis mengatakan akan menarik pasukannya dari Jakarta kecuali jika Indonesia membayar."),
    ("es", "Rusia dijo el jueves que retirará sus tropas de Almaty a menos que Kazajistán pague."),
    ("fr", "La Russie a déclaré jeudi qu'elle retirera ses troupes d'Almaty à moins que le Kazakhstan ne paie."),
    ("en", "The minister said on Thursday he will resign if the party does not back him."),
])
def test_a_retreat_announced_on_the_other_sides_failure_is_a_threat(lang, text):
    assert types_of(text, lang) == ["THREATEN"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia said on Thursday it will withdraw its troops from Almaty next week."),
    ("en", "Russia said on Thursday it will withdraw its troops if the ceasefire holds."),
    ("id", "Rusia pada Kamis mengatakan akan membebaskan semua tahanan kecuali lima orang."),
])
def test_a_retreat_announced_plainly_or_on_a_kept_condition_stays_a_concession(lang, text):
    assert types_of(text, lang) == ["CONCEDE"]


@pytest.mark.parametrize("lang, text", [
    ("en", "The EU on Thursday cut its military aid to Kazakhstan."),
    ("en", "The EU on Thursday froze its aid to Kazakhstan."),
    ("ms", "Kerajaan pada Khamis membekukan bantuan kepada Indonesia."),
    ("ms", "Kerajaan pada Khamis memotong bantuan ketenteraan kepada Indonesia."),
])
def test_aid_cut_or_frozen_is_a_sanction(lang, text):
    assert types_of(text, lang) == ["SANCTION"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Kazakhstan said on Thursday it holds Russia responsible for the killing of 5 civilians."),
    ("fr", "Le Kazakhstan a jugé jeudi la Russie responsable des explosions à Almaty."),
    ("es", "Kazajistán hizo el jueves a Rusia responsable de las explosiones en Almaty."),
    ("id", "Hizbullah pada Kamis menganggap Israel bertanggung jawab penuh atas serangan di Jakarta."),
    ("ms", "Hizbullah pada Khamis menganggap Israel bertanggungjawab sepenuhnya atas serangan di Jakarta."),
    ("en", "Russia on Thursday made accusations that Ukraine shelled Almaty."),
])
def test_blaming_a_party_for_an_attack_is_an_accusation_not_the_attack(lang, text):
    assert types_of(text, lang) == ["ACCUSE"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia on Thursday denied accusations that its troops shelled Almaty."),
    ("fr", "La Russie a rejeté jeudi les accusations selon lesquelles ses troupes ont bombardé Almaty."),
    ("id", "Rusia pada Kamis membantah tuduhan bahwa pasukannya menembaki Jakarta."),
])
def test_the_accusation_a_denial_answers_is_no_new_accusation(lang, text):
    assert types_of(text, lang) == ["REJECT"]


def test_an_accusation_after_a_denial_in_its_own_clause_stays():
    assert types_of("Russia on Thursday rejected the accusations and accused Ukraine of shelling Almaty.", "en") \
        == ["ACCUSE", "REJECT"]


@pytest.mark.parametrize("lang, text", [
    ("es", "Agentes de la Policía ingresaron al edificio el jueves y liberaron a los rehenes en Almaty."),
    ("id", "Polisi pada Kamis membebaskan para sandera di Jakarta."),
    ("fr", "La police a libéré jeudi les otages à Almaty."),
])
def test_police_freeing_hostages_is_a_rescue_no_release(lang, text):
    assert "RETREAT" not in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "The gunmen released the hostages in Almaty on Thursday."),
    ("es", "Los secuestradores liberaron el jueves a los rehenes en Almaty."),
    ("en", "Police on Thursday released 20 protesters detained in Almaty."),
])
def test_a_captor_releasing_whom_it_holds_is_a_retreat(lang, text):
    assert types_of(text, lang) == ["RETREAT"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Hundreds of supporters of the jailed mayor Ivan Petrov blocked roads in Almaty on Thursday "
           "demanding that he be freed."),
    ("id", "Ratusan pendukung wali kota Ivan Petrov memblokade jalan di Jakarta pada Kamis menuntut pembebasannya."),
    ("fr", "Des centaines de partisans du maire Ivan Petrov ont bloqué jeudi les routes d'Almaty en réclamant "
           "sa libération."),
])
def test_what_a_crowd_demands_while_it_protests_is_its_protest(lang, text):
    assert sorted(e.type for e in enriched(text, lang).events) == ["PROTEST"]


@pytest.mark.parametrize("lang, text", [
    ("en", "The EU foreign policy chief said on Thursday the shelling of Almaty was barbaric and unacceptable."),
    ("en", "\"This attack on civilians is a war crime,\" Kazakhstan's president said on Thursday."),
    ("es", "El jefe de la diplomacia europea dijo el jueves que el bombardeo de Almaty es un crimen de guerra."),
    ("fr", "Le chef de la diplomatie européenne a déclaré jeudi que le bombardement d'Almaty était un crime de guerre."),
    ("id", "Penembakan terhadap warga sipil itu merupakan kejahatan perang, kata Menteri Luar Negeri Indonesia pada Kamis."),
    ("ms", "Menteri Luar Malaysia pada Khamis berkata serangan terhadap hospital itu adalah jenayah perang."),
])
def test_a_deed_characterised_by_a_speaker_is_the_speakers_condemnation(lang, text):
    assert types_of(text, lang) == ["ACCUSE"]


@pytest.mark.parametrize("lang, text", [
    ("en", "The attack on the police station in Almaty on Thursday was carried out by terrorists, police said."),
    ("en", "Police said gunmen attacked a police station in Almaty on Thursday and the attack was not terrorism."),
    ("fr", "L'attaque contre le commissariat d'Almaty jeudi a été menée par des terroristes, a indiqué la police."),
    ("es", "El ataque contra la comisaría de Almaty el jueves fue perpetrado por sicarios, dijo la policía."),
    ("id", "Serangan terhadap pos polisi di Poso pada Kamis dilakukan oleh kelompok teroris, kata polisi."),
])
def test_a_deed_told_with_its_doer_or_a_denied_evaluation_stays_the_deed(lang, text):
    assert "ASSAULT" in types_of(text, lang) and "ACCUSE" not in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Police in Almaty on Thursday questioned the opposition leader over the riots."),
    ("es", "La policía interrogó el jueves al líder opositor por los disturbios en Almaty."),
    ("fr", "La police a interrogé jeudi le chef de l'opposition sur les émeutes à Almaty."),
    ("id", "Polisi pada Kamis memeriksa ketua partai oposisi terkait kerusuhan di Jakarta."),
])
def test_questioning_someone_over_a_deed_is_an_investigation_not_the_deed(lang, text):
    assert types_of(text, lang) == ["ACCUSE"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Reporters questioned the minister about the budget at a press conference in Almaty on Thursday."),
    ("fr", "Un sondage a interrogé 1 000 Français sur leurs intentions de vote jeudi."),
    ("es", "La encuesta interrogó a 1.000 personas en Madrid el jueves."),
    ("id", "Petugas memeriksa kendaraan yang melintas di perbatasan Entikong pada Kamis."),
])
def test_questions_from_reporters_polls_or_checks_are_no_investigation(lang, text):
    assert types_of(text, lang) == []


@pytest.mark.parametrize("lang, text", [
    ("en", "The United Nations on Thursday sent a team of investigators to Sudan to look into reports of mass killings."),
    ("es", "La ONU envió el jueves a un equipo de investigadores a Sudán para esclarecer las masacres."),
    ("fr", "L'ONU a envoyé jeudi une équipe d'enquêteurs au Soudan pour enquêter sur les massacres."),
    ("id", "PBB pada Kamis mengirim tim penyelidik ke Sudan untuk menyelidiki laporan pembantaian."),
    ("ms", "PBB pada Khamis menghantar pasukan penyiasat ke Sudan untuk menyiasat laporan pembunuhan beramai-ramai."),
])
def test_investigators_sent_open_an_inquiry_not_aid_or_the_deed(lang, text):
    assert types_of(text, lang) == ["ACCUSE"]


def test_a_fact_finding_mission_named_as_who_speaks_keeps_the_deed_it_reports():
    text = ("The fact-finding mission of the OPCW believes that chlorine was used as a chemical weapon on Thursday "
            "in a rebel attack on the town of Almaty, the OPCW said on Friday.")
    assert "ASSAULT" in types_of(text, "en")


@pytest.mark.parametrize("lang, text", [
    ("en", "Germany delivered missiles and ammunition to Ukraine on Tuesday, the defence ministry in Berlin said."),
    ("en", "The defence ministry said on Tuesday it had handed Ukraine a new package of air-defence missiles."),
    ("es", "Alemania entregó el martes misiles y municiones a Ucrania, dijo el ministerio de Defensa en Berlín."),
    ("ms", "Jerman menghantar peluru berpandu ke Ukraine pada Selasa, kata kementerian pertahanan di Berlin."),
    ("fr", "L'Allemagne a livré des missiles à l'Ukraine mardi, a indiqué le ministère de la Défense à Berlin."),
])
def test_heavy_weapons_handed_to_a_side_are_military_aid_not_an_attack(lang, text):
    assert types_of(text, lang) == ["AID"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Russian forces fired missiles at Kyiv on Tuesday, killing three people."),
    ("es", "Rusia lanzó el martes misiles contra Kiev, matando a tres personas."),
    ("ms", "Rusia melancarkan peluru berpandu ke Kyiv pada Selasa, membunuh tiga orang."),
])
def test_heavy_weapons_fired_at_a_city_stay_an_attack(lang, text):
    assert types_of(text, lang) == ["ASSAULT"]
