"""Participles made nouns, and paragraphs told earlier the same day (issue 10), in every language where the kind exists.

A participle right after a definite, demonstrative or possessive determiner is a noun naming people
by what was done to them ("los detenidos", "les expulsés"): it tells no new act; with a number alone
("75 detenidos") it still counts one, and a protest participle names those who protest. A paragraph
that opens with a time told as earlier or later the same day ("plus tôt dans l'après-midi", "más
temprano", "earlier in the day") goes on from the day told before, in all its sentences. Sentences
written for these tests.
"""

from tests.unit.test_eventdates import extract as dated
from tests.unit.test_events import extract


def types(text, lang):
    return [e.type for e in extract(text, lang)]


def test_a_participle_after_a_determiner_names_people_not_an_act():
    assert types("Los deportados llegaron el lunes al aeropuerto de Lima.", "es") == []
    assert types("Uno de los detenidos es hijo del alcalde de Cusco.", "es") == []
    assert types("Los detenidos fueron puestos en libertad el lunes en Lima.", "es") == ["RETREAT"]
    assert types("Les expulsés sont arrivés lundi à l'aéroport de Dakar.", "fr") == []
    assert types("Les interpellés ont été relâchés lundi soir à Lyon.", "fr") == ["RETREAT"]


def test_a_participle_told_as_a_count_or_after_an_auxiliary_is_still_an_act():
    assert types("La policía informó de 75 detenidos el lunes en Lima.", "es") == ["COERCE"]
    assert types("Veinte manifestantes fueron detenidos el lunes en Quito.", "es") == ["COERCE"]
    assert types("Quinze manifestants ont été interpellés lundi à Lyon.", "fr") == ["COERCE"]
    assert types("Los amotinados tomaron el lunes la cárcel de Quito.", "es") == ["PROTEST"]


def test_a_noun_with_a_participles_ending_is_no_participle():
    assert types("El atentado del lunes en Lima dejó tres muertos.", "es") == ["ASSAULT"]
    assert types("La levée du couvre-feu a été annoncée lundi à Dakar.", "fr") == ["CONCEDE"]


def _arrest_dates(events):
    return [e.date for e in events if e.type == "COERCE"]


def test_a_paragraph_told_earlier_the_same_day_takes_the_day_told_before():
    fr = dated("Un adolescent a été tué par un policier mardi matin à Nanterre.\n\n"
               "Le ministre a réuni jeudi soir une cellule de crise à Paris.\n\n"
               "Plus tôt dans l'après-midi, des milliers de personnes ont défilé à Nanterre. "
               "Dix-neuf personnes ont été interpellées en marge du rassemblement.", "fr")
    assert _arrest_dates(fr) == ["2023-03-09"]
    es = dated("Un adolescente murió por un disparo policial el martes por la mañana en Lima.\n\n"
               "El ministro reunió el jueves por la noche a un gabinete de crisis en Lima.\n\n"
               "Más temprano, miles de personas marcharon en Callao. "
               "Diecinueve personas fueron detenidas al final de la marcha.", "es")
    assert _arrest_dates(es) == ["2023-03-09"]
    en = dated("A teenager was shot dead by a police officer in Lagos on Tuesday morning.\n\n"
               "The minister convened a crisis meeting in Abuja on Thursday evening.\n\n"
               "Earlier in the day, thousands marched in Lagos. "
               "Nineteen people were arrested at the end of the march.", "en")
    assert _arrest_dates(en) == ["2023-03-09"]
