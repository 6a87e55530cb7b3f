"""Kinds of spurious ASSAULT, REQUEST and ACCUSE events on real pages (issue 10, spur15)."""

import pytest

from streams.nlp.triggers import find_triggers
from tests.unit.test_enrich import enriched


def types(sentence: str, lang: str) -> list[str]:
    return [hit.trigger.type for hit in find_triggers(sentence, lang)]


@pytest.mark.parametrize("lang, sentence", [
    ("en", "On Tuesday the senator attacked the government's record on crime."),
    ("en", "The opposition leader on Tuesday assailed the budget as reckless."),
    ("es", "El martes, la oposición atacó al ministro por sus declaraciones."),
    ("es", "El martes, el senador atacó la política económica del gobierno."),
    ("fr", "Mardi, le sénateur a attaqué la politique économique du gouvernement."),
    ("id", "Pada Selasa, politikus itu menyerang kebijakan ekonomi pemerintah."),
    ("ms", "Pada Selasa, ahli politik itu menyerang dasar ekonomi kerajaan."),
    ("es", "El candidato atacó el martes el historial económico de su rival en un debate."),
    ("id", "Calon itu pada Selasa menyerang rekam jejak ekonomi lawannya dalam debat."),
    ("ms", "Calon itu pada Selasa menyerang rekod ekonomi lawannya dalam debat."),
])
def test_an_attack_on_policies_or_remarks_is_a_criticism(lang, sentence):
    assert types(sentence, lang) == ["ACCUSE"]


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Gunmen attacked a police station on Tuesday, killing three officers."),
    ("en", "Police on Tuesday attacked protesters with batons."),
    ("es", "Hombres armados atacaron el martes una comisaría, matando a tres policías."),
    ("fr", "Des hommes armés ont attaqué mardi un commissariat, tuant trois policiers."),
    ("id", "Kelompok bersenjata menyerang pos polisi pada Selasa."),
    ("ms", "Kumpulan bersenjata menyerang balai polis pada Selasa."),
])
def test_attacks_on_people_and_places_stay_assaults(lang, sentence):
    assert "ASSAULT" in types(sentence, lang)
    assert "ACCUSE" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "On Tuesday a reporter asked the minister whether the reform would be withdrawn."),
    ("en", "On Tuesday lawmakers asked the general why the troops had not been sent."),
    ("fr", "Mardi, le journaliste a demandé au ministre si la réforme serait retirée."),
    ("fr", "Il a demandé mardi pourquoi le gouvernement n'avait rien fait."),
])
def test_asking_someone_a_question_is_no_request(lang, sentence):
    assert "REQUEST" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "On Tuesday the minister asked the army to explain why the troops had not been sent."),
    ("fr", "Mardi, le président a demandé au gouvernement de dire si la réforme serait retirée."),
])
def test_asking_someone_to_explain_stays_a_request(lang, sentence):
    assert "REQUEST" in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "On Tuesday the minister made a statement on the violence in the state."),
    ("en", "Lawmakers on Tuesday debated the violence that rocked the state."),
    ("es", "El martes, el ministro hizo una declaración sobre la violencia en el estado."),
    ("fr", "Mardi, le ministre a fait une déclaration sur les violences dans la région."),
    ("id", "Pada Selasa, DPR membahas kerusuhan di provinsi itu."),
    ("ms", "Pada Selasa, Parlimen membincangkan rusuhan di negeri itu."),
])
def test_a_deed_that_is_the_topic_of_talk_is_no_new_deed(lang, sentence):
    assert "ASSAULT" not in types(sentence, lang) and "PROTEST" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The vote on Tuesday came months after protesters stormed the parliament."),
    ("fr", "Le vote de mardi intervient des mois après que des manifestants ont pris d'assaut le parlement."),
    ("id", "Pemungutan suara pada Selasa berlangsung beberapa bulan setelah demonstran menyerbu gedung parlemen."),
    ("ms", "Undian pada Selasa berlangsung beberapa bulan selepas penunjuk perasaan menyerbu bangunan parlimen."),
])
def test_an_act_told_as_months_before_the_story_is_history(lang, sentence):
    assert "PROTEST" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Months after the riots, police arrested 20 people on Tuesday."),
    ("es", "El martes, la policía detuvo a 20 personas, semanas después del atentado."),
])
def test_the_act_after_a_fronted_span_of_months_stays(lang, sentence):
    assert types(sentence, lang) == ["COERCE"]


BACKGROUND = {
    "en": ("Police arrested two men on Tuesday.", "The weather was fine."),
    "es": ("La policía detuvo a dos hombres el martes.", "El tiempo era bueno."),
    "fr": ("La police a arrêté deux hommes mardi.", "Il faisait beau."),
    "id": ("Polisi menangkap dua pria pada Selasa.", "Cuaca cerah."),
    "ms": ("Polis menahan dua lelaki pada Selasa.", "Cuaca baik."),
}


def article_types(sentence: str, lang: str) -> list[str]:
    lede, filler = BACKGROUND[lang]
    text = f"{lede}\n\n{filler}\n\n{sentence}"
    return [e.type for e in enriched(text, lang, published="2024-05-08T10:00:00+00:00", title="News").events
            if e.evidence == sentence]


@pytest.mark.parametrize("lang, sentence", [
    ("en", "He is accused of leaking government secrets."),
    ("en", "He is now facing charges of corruption in New York."),
    ("es", "El exministro está imputado por corrupción."),
    ("fr", "Il fait l'objet d'une enquête pour fraude."),
    ("ms", "Bekas menteri itu menghadapi pertuduhan rasuah."),
])
def test_a_standing_accusation_told_as_background_is_no_new_act(lang, sentence):
    assert article_types(sentence, lang) == []


def test_a_standing_accusation_right_under_the_lede_is_the_news():
    text = ("A lawsuit names the speaker.\n\nThe speaker is accused of interfering with a marriage, the lawsuit says.")
    assert "ACCUSE" in [e.type for e in enriched(text, "en", published="2024-05-08T10:00:00+00:00", title="News").events]


@pytest.mark.parametrize("lang, sentence", [
    ("en", "On Tuesday the talks stalled over Beijing's demands to roll back tariffs."),
    ("en", "Lawmakers on Tuesday gave the governor two-thirds of his requested funding."),
    ("en", "The protesters' demands include the release of prisoners, organisers said on Tuesday."),
    ("es", "El martes, las conversaciones se estancaron por sus exigencias de eliminar aranceles."),
])
def test_demands_someone_holds_are_no_request(lang, sentence):
    assert "REQUEST" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "On Tuesday the rebel group insisted on its demands that the government grant more rights."),
    ("en", "On Tuesday Hamas demanded that Israel withdraw its troops."),
    ("es", "El martes, Pekín exigió eliminar aranceles."),
])
def test_demands_said_again_or_made_stay_requests(lang, sentence):
    assert "REQUEST" in types(sentence, lang)
