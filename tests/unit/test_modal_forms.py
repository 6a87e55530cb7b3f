"""Surface forms of modality that told a plan, a scheduled act or a negated one as a deed (issue 10, spur25):
English contracted futures ("we'll", "they'll"), "cannot", and a scheduled act told after its noun
("sentencing is scheduled for", "la marcha está convocada para", "la grève est programmée")."""

import pytest

from streams.nlp.triggers import find_triggers


def types(sentence: str, lang: str) -> list[str]:
    return [hit.trigger.type for hit in find_triggers(sentence, lang)]


@pytest.mark.parametrize("lang, sentence, deed", [
    ("en", "In the next level, you'll be attacked by three enemy factions.", "ASSAULT"),
    ("en", "In the next level, you\u2019ll be attacked by three enemy factions.", "ASSAULT"),
    ("en", "They'll protest outside parliament, the union leader said.", "PROTEST"),
    ("en", "Police cannot arrest protesters without a warrant, the court said.", "COERCE"),
])
def test_a_contracted_future_or_cannot_tells_no_deed(lang, sentence, deed):
    assert deed not in types(sentence, lang)


def test_a_contracted_future_of_force_stays_a_threat():
    found = types("We'll arrest anyone who breaks the curfew, the police chief said.", "en")
    assert "COERCE" not in found and "THREATEN" in found


@pytest.mark.parametrize("lang, sentence, deed", [
    ("en", "His sentencing is scheduled for Feb. 14.", "COERCE"),
    ("en", "A protest is planned for Saturday in the capital.", "PROTEST"),
    ("en", "The protest is set for Monday in the capital.", "PROTEST"),
    ("es", "La manifestación está convocada para el sábado en Madrid.", "PROTEST"),
    ("es", "La huelga está programada para el lunes.", "PROTEST"),
    ("fr", "La grève est programmée lundi dans toute la région.", "PROTEST"),
    ("id", "Pertemuan kedua menteri dijadwalkan pada Kamis di Jakarta.", "CONSULT"),
    ("ms", "Mesyuarat kedua-dua menteri dijadualkan pada Khamis.", "CONSULT"),
])
def test_a_scheduled_act_told_after_its_noun_is_no_event(lang, sentence, deed):
    assert deed not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence, deed", [
    ("en", "Police arrested two men on Monday; their trial is scheduled for March.", "COERCE"),
    ("en", "Police can confirm that two men were arrested on Monday.", "COERCE"),
    ("en", "Protesters who said they'd been evicted marched on parliament on Monday.", "PROTEST"),
    ("es", "La policía detuvo el lunes a dos hombres; el juicio está previsto para marzo.", "COERCE"),
])
def test_deeds_beside_a_schedule_or_a_modal_word_stay(lang, sentence, deed):
    assert deed in types(sentence, lang)
