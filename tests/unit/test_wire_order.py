"""Spanish and French wire word order: a day between the verb and its object, and an aside dated long ago.

AFP-style Spanish and French name the day right after the verb ("rompió este jueves sus
relaciones", "a interpellé mardi soir cinq jeunes"): trigger phrases that join a verb to its object
are read over such a day. A relative clause set off by commas ("X, que asumió el 7 de diciembre,
descartó ...", "X, who took office on December 7, ruled out ...") may hold a date long past: it
dates the aside, not the rest of the sentence. Sentences written for these tests.
"""

from tests.unit.test_enrich import enriched


def types(text, lang):
    """Event types of a one-sentence article published on a Friday long after the asides' dates."""
    return sorted(e.type for e in enriched(text, lang, published="2022-12-16T18:00:00-05:00", title="Noticia").events)


def test_a_day_between_a_verb_and_its_object_keeps_the_phrase():
    assert types("Bolivia rompió este jueves sus relaciones diplomáticas con Irán.", "es") == ["SANCTION"]
    assert types("Le Mali a rompu jeudi ses relations diplomatiques avec la Côte d'Ivoire.", "fr") == ["SANCTION"]
    assert types("Los mineros suspendieron el jueves su huelga.", "es") == ["CONCEDE"]  # not a strike


def test_a_day_between_a_cue_and_its_verb_keeps_the_cue():
    # "amenazó con" is the threat's modal: what it threatens is no act of its own
    assert types("El presidente amenazó el jueves con declarar el estado de sitio.", "es") == ["THREATEN"]
    assert types("Le président a menacé jeudi de décréter l'état d'urgence.", "fr") == ["THREATEN"]


def test_an_aside_dated_long_ago_does_not_make_the_sentence_history():
    assert types("La ministra, que asumió el cargo el 2 de octubre, renunció tras las críticas.", "es") == ["RETREAT"]
    assert types("Le ministre, qui avait pris ses fonctions le 2 octobre, a démissionné après les critiques.", "fr") == ["RETREAT"]
    assert types("The minister, who took office on October 2, resigned after the criticism.", "en") == ["RETREAT"]


def test_what_the_old_aside_tells_stays_history():
    assert types("El exministro, que fue detenido el 2 de octubre, renunció este viernes a su partido.", "es") == [
        "RETREAT"]
    assert types("The former minister, who was arrested on October 2, resigned from his party on Friday.", "en") == ["RETREAT"]


def test_a_meeting_of_a_sector_and_a_foreign_counterpart_is_a_consultation():
    # "the Peruvian president" is a sector with its country; the counterpart names another country
    assert types("El presidente peruano se reunió el viernes con su homólogo boliviano en La Paz.", "es") == ["CONSULT"]
    assert types("Le président malien a rencontré vendredi son homologue sénégalais à Dakar.", "fr") == ["CONSULT"]
    assert types("The Peruvian president met his Bolivian counterpart in La Paz on Friday.", "en") == ["CONSULT"]
