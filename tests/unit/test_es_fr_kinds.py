"""Spanish and French kinds the English lexicons already had (issue 10, es15): collective
numerals as vague counts, active verbs of killing and arrest as count words, prison sentences,
internet shutdowns, and the perfects of verbs the hand-made lexicons listed in one tense."""

from datetime import datetime, timezone

import pytest

from tests.events_in_text import events_in

PUBLISHED = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)  # a Thursday


def extract(text, lang):
    return events_in(text, lang, PUBLISHED)


def counts_of(text, lang, event_type):
    return [e.counts for e in extract(text, lang) if e.type == event_type]


@pytest.mark.parametrize("lang, text, count", [
    ("es", "La Guardia Civil detuvo el martes a una veintena de personas en Algeciras.", 20),
    ("es", "La policía arrestó el martes a un centenar de manifestantes en Valparaíso.", 100),
    ("es", "La policía detuvo el martes a un millar de hinchas en Rosario.", 1000),
    ("fr", "La police a interpellé mardi une vingtaine de personnes à Lyon.", 20),
    ("fr", "Les gendarmes ont arrêté mardi une centaine de manifestants à Rennes.", 100),
    ("fr", "La police a interpellé mardi une cinquantaine de jeunes à Lille.", 50),
])
def test_collective_numerals_count_their_lower_bound(lang, text, count):
    assert counts_of(text, lang, "COERCE") == [{"arrested": count}]


@pytest.mark.parametrize("lang, text, counts", [
    ("es", "Hombres armados mataron el martes a diez campesinos en el Catatumbo.", {"killed": 10}),
    ("es", "Un comando asesinó el martes a tres policías en Michoacán.", {"killed": 3}),
    ("es", "Los sicarios hirieron el martes a cinco comerciantes en Guayaquil.", {"injured": 5}),
    ("fr", "Des hommes armés ont assassiné mardi trois gardes forestiers près de Gao.", {"killed": 3}),
])
def test_active_verbs_of_killing_count_their_object(lang, text, counts):
    assert counts_of(text, lang, "ASSAULT") == [counts]


@pytest.mark.parametrize("lang, text, count", [
    ("es", "El Ejército capturó el martes a 12 guerrilleros en Arauca.", 12),
    ("fr", "Les forces de l'ordre ont écroué mardi 12 trafiquants à Marseille.", 12),
])
def test_active_verbs_of_arrest_count_their_object(lang, text, count):
    assert counts_of(text, lang, "COERCE") == [{"arrested": count}]


def types_of(text, lang):
    return sorted({(e.type, e.mode) for e in extract(text, lang)})


@pytest.mark.parametrize("lang, text", [
    ("es", "Un tribunal de Managua condenó el martes a ocho años de prisión al líder opositor."),
    ("es", "El exgobernador fue condenado el martes a una pena de 20 años de cárcel en Veracruz."),
    ("fr", "L'opposant a été condamné mardi à cinq ans de prison ferme à Lomé."),
    ("fr", "Le tribunal a condamné mardi trois militants à la prison à perpétuité à Tunis."),
])
def test_a_prison_sentence_is_a_coercion_not_a_condemnation(lang, text):
    assert types_of(text, lang) == [("COERCE", "restrict")]


@pytest.mark.parametrize("lang, text", [
    ("es", "El gobierno condenó el martes el atentado contra la embajada en Lima."),
    ("fr", "Le gouvernement a condamné mardi l'attaque contre l'ambassade à Bamako."),
])
def test_a_condemnation_without_a_term_stays_an_accusation(lang, text):
    assert types_of(text, lang) == [("ACCUSE", "disapprove")]


@pytest.mark.parametrize("lang, text, expected", [
    ("es", "Las autoridades suspendieron el martes el acceso a internet en Conakry.", ("COERCE", "censor")),
    ("es", "El gobierno bloqueó el martes las redes sociales en Adís Abeba.", ("COERCE", "censor")),
    ("fr", "Les autorités ont suspendu mardi l'accès aux réseaux sociaux à Conakry.", ("COERCE", "censor")),
    ("fr", "La junte a restreint mardi l'accès à internet à Niamey.", ("COERCE", "censor")),
    ("es", "El gobierno restableció el martes el acceso a internet en La Habana.", ("CONCEDE", None)),
    ("fr", "Les autorités ont rétabli mardi l'internet mobile à Dakar.", ("CONCEDE", None)),
])
def test_an_internet_shutdown_is_censorship_and_its_end_a_concession(lang, text, expected):
    assert types_of(text, lang) == [expected]


@pytest.mark.parametrize("lang, text, expected", [
    ("es", "El Gobierno de Managua ha expulsado este martes al embajador de Costa Rica.", ("SANCTION", "expel")),
    ("es", "Un grupo de sicarios ha matado este martes a tres policías en Durán.", ("ASSAULT", None)),
    ("es", "El Gobierno ha derogado este martes la ley de reforma laboral.", ("CONCEDE", None)),
    ("es", "El Gobierno ha sancionado este martes a tres empresas rusas.", ("SANCTION", "discontinue")),
    ("es", "Los dos gobiernos han acordado este martes reabrir el paso fronterizo.", ("AGREE", None)),
    ("es", "Varios periodistas fueron amenazados el martes por un grupo armado en Sinaloa.", ("THREATEN", "violence")),
    ("fr", "Le gouvernement de Niamey a expulsé mardi l'ambassadeur du Bénin.", ("SANCTION", "expel")),
    ("fr", "La junte a menacé mardi de fermer la frontière avec le Bénin.", ("THREATEN", None)),
    ("fr", "Les syndicats ont stigmatisé mardi la politique salariale du gouvernement.", ("ACCUSE", "disapprove")),
    ("fr", "Les députés ont approuvé mardi le plan de paix à Kinshasa.", ("SUPPORT", None)),
])
def test_the_perfect_of_the_wire_tells_the_days_act(lang, text, expected):
    """Spanish present perfect (Spain's wire copy) and French plural passé composé of verbs the
    hand-made lexicon listed in one form only."""
    assert expected in types_of(text, lang)


@pytest.mark.parametrize("lang, text, expected", [
    ("es", "Argelia ha roto este martes relaciones diplomáticas con Marruecos.", ("SANCTION", "discontinue")),
    ("es", "Los rebeldes han liberado este martes a cuatro rehenes en el Cauca.", ("RETREAT", None)),
    ("es", "El Gobierno peruano ha decretado este martes el estado de emergencia en Lima.", ("MOBILIZE", "troops")),
    ("es", "Los países europeos han apoyado este martes el plan de paz de Ucrania.", ("SUPPORT", None)),
    ("fr", "L'Algérie a rompu mardi ses relations diplomatiques avec le Maroc.", ("SANCTION", "discontinue")),
    ("fr", "Les rebelles ont libéré mardi quatre otages dans le Nord-Kivu.", ("RETREAT", None)),
])
def test_the_perfect_of_a_hand_made_preterite_phrase_keeps_its_type(lang, text, expected):
    assert expected in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("es", "La Unión Europea anunció este martes nuevas sanciones contra Minsk."),
    ("es", "Bruselas anunció el martes nuevas sanciones contra el régimen de Minsk."),
    ("fr", "L'Union européenne a annoncé mardi de nouvelles sanctions contre Minsk."),
])
def test_a_day_inside_an_announcing_trigger_is_the_acts_day(lang, text):
    assert [e.date for e in extract(text, lang) if e.type == "SANCTION"] == ["2026-12-01"]
