"""Kinds of false alarm found on a sample of real journalism (issue 10, prec12): an event noun that
is a topic, an act remembered, a habit, a definition or a source's wish to stay anonymous tells no
new act of the story. Each test holds sentences written for it in two or more languages; the
controls next to them keep the act."""

import pytest

from tests.unit.test_false_alarms import types_of


@pytest.mark.parametrize("lang, text", [
    ("en", "On Thursday families in Almaty marked the tenth anniversary of the bombing."),
    ("id", "Pada Kamis, keluarga korban di Almaty memperingati sepuluh tahun pengeboman itu."),
    ("ms", "Pada Khamis, keluarga mangsa di Almaty memperingati ulang tahun pengeboman itu."),
    ("fr", "Jeudi, les familles ont commémoré à Almaty les dix ans de l'attentat."),
    ("es", "El jueves, las familias conmemoraron en Almaty el décimo aniversario del atentado."),
])
def test_an_act_remembered_on_its_anniversary_is_history(lang, text):
    assert "ASSAULT" not in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Street protests are common in Almaty, a lecturer said on Thursday."),
    ("id", "Unjuk rasa di Almaty sudah biasa terjadi, kata seorang dosen, Kamis."),
    ("ms", "Tunjuk perasaan di Almaty sudah menjadi kebiasaan, kata seorang pensyarah pada Khamis."),
    ("fr", "Les manifestations sont fréquentes à Almaty, a dit jeudi un enseignant."),
    ("es", "Las manifestaciones son habituales en Almaty, dijo el jueves un profesor."),
])
def test_acts_said_to_be_common_are_a_habit(lang, text):
    assert "PROTEST" not in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "The army constantly harasses herders near Almaty, villagers say."),
    ("id", "Tentara terus mengusir para penggembala di dekat Almaty, kata warga."),
    ("ms", "Tentera sentiasa mengusir para penggembala berhampiran Almaty, kata penduduk."),
    ("fr", "L'armée continue d'expulser les bergers près d'Almaty, selon les villageois."),
    ("es", "El ejército sigue expulsando a los pastores cerca de Almaty, según los vecinos."),
])
def test_an_act_told_as_going_on_or_always_done_is_no_new_act(lang, text):
    assert not {"COERCE", "SANCTION", "ASSAULT"} & set(types_of(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("en", "A curfew is an order that keeps people indoors at night."),
    ("id", "Jam malam adalah perintah agar warga tetap di rumah pada malam hari."),
    ("ms", "Perintah berkurung ialah arahan supaya penduduk kekal di rumah pada waktu malam."),
    ("fr", "Le couvre-feu est une mesure qui oblige la population à rester chez elle la nuit."),
    ("es", "El toque de queda es una medida que obliga a la población a quedarse en casa de noche."),
])
def test_a_definition_of_an_act_is_no_act(lang, text):
    assert "COERCE" not in types_of(text, lang)


def test_an_act_after_its_subject_and_before_a_copula_stays_an_event():
    assert "COERCE" in types_of("Police in Almaty arrested 40 people on Thursday; the man arrested is a teacher.", "en")


@pytest.mark.parametrize("lang, text", [
    ("en", "The talks in Almaty went well, said a diplomat who requested anonymity."),
    ("id", "Perundingan di Almaty berjalan baik, kata seorang diplomat yang meminta namanya dirahasiakan."),
    ("ms", "Rundingan di Almaty berjalan baik, kata seorang diplomat yang enggan namanya didedahkan."),
    ("fr", "Les pourparlers à Almaty se sont bien passés, a dit un diplomate qui a requis l'anonymat."),
    ("es", "Las conversaciones en Almaty fueron bien, dijo un diplomático que pidió no ser identificado."),
])
def test_a_source_asking_to_stay_anonymous_makes_no_request(lang, text):
    assert not {"REQUEST", "REJECT"} & set(types_of(text, lang))


@pytest.mark.parametrize("text", [
    "The protest movement in Almaty split into three factions on Thursday.",
    "Police removed the protest camp in Almaty on Thursday.",
])
def test_an_event_noun_naming_a_group_or_a_thing_is_no_new_act(text):
    assert "PROTEST" not in types_of(text, "en")


@pytest.mark.parametrize("lang, text", [
    ("en", "The envoy met on Thursday a militia that attacks convoys near Almaty."),
    ("en", "The envoy met on Thursday a militia that is attacking convoys near Almaty."),
    ("en", "The envoy met on Thursday a militia that is “attacking” convoys near Almaty."),
    ("es", "El enviado visitó el jueves a un ministro, quien encarcela a los periodistas."),
    ("fr", "L'envoyé a visité jeudi un pays qui emprisonne les journalistes."),
])
def test_a_relative_clause_in_the_present_tells_a_habit(lang, text):
    assert not {"ASSAULT", "COERCE"} & set(types_of(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("en", "Police in Almaty dispersed students who attacked a convoy on Thursday."),
    ("es", "La policía dispersó el jueves en Almaty a un grupo, quienes atacaron un convoy."),
])
def test_a_relative_clause_in_the_past_keeps_its_act(lang, text):
    assert "ASSAULT" in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "The assembly in Almaty adopted on Thursday a resolution that “condemns” the blockade."),
    ("fr", "L'assemblée a adopté jeudi à Almaty une résolution qui « condamne » le blocus."),
])
def test_a_document_speaking_in_a_relative_clause_keeps_its_speech_act(lang, text):
    assert "ACCUSE" in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Parliament was adjourned on Monday after the opposition stalled proceedings over the violence."),
    ("es", "El Congreso suspendió el lunes la sesión por la violencia en el estado."),
    ("fr", "L'Assemblée a suspendu lundi sa séance en raison des violences dans la région."),
    ("id", "DPR menunda sidang pada Senin karena kekerasan di provinsi itu."),
    ("ms", "Dewan Rakyat menangguhkan persidangan pada Isnin kerana keganasan di negeri itu."),
])
def test_violence_named_as_a_topic_is_no_attack(lang, text):
    assert "ASSAULT" not in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Violence broke out in the town on Friday after the march."),
    ("es", "La violencia estalló el viernes en la ciudad tras la marcha."),
    ("id", "Kekerasan pecah di kota itu pada Jumat setelah pawai."),
    ("en", "Schools in the old city stayed shut after Friday's violence."),
    ("fr", "Les écoles sont restées fermées après les violences de samedi à Nantes."),
])
def test_violence_told_as_breaking_out_or_dated_to_its_day_stays_an_attack(lang, text):
    assert "ASSAULT" in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "In a scathing attack on the ruling party, the opposition leader on Friday said the budget was a fraud."),
    ("id", "Ketua oposisi pada Jumat melancarkan serangan verbal terhadap partai penguasa."),
])
def test_an_attack_of_words_is_a_criticism_not_an_assault(lang, text):
    found = types_of(text, lang)
    assert "ASSAULT" not in found and "ACCUSE" in found


def test_riots_named_as_a_past_wave_are_no_protest_while_rioting_mobs_are():
    assert "PROTEST" not in types_of("Parliament on Monday set up a panel to look into the riots in the state.", "en")
    assert "PROTEST" in types_of("Police opened fire on rioting mobs in the old city on Monday.", "en")
