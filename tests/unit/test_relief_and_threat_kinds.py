"""French and Spanish kinds a fresh French set showed (fr17): relief goods handed out with a day
or a determiner between the verb and the goods; the speaker named after a verb of saying that
follows a quotation; an act ruled out ("a exclu tout retrait"); shots of tear gas ("tirs de gaz lacrymogène") as crowd control."""

from datetime import datetime, timezone

import pytest

from tests.events_in_text import events_in

PUBLISHED = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)  # a Thursday


def extract(text, lang):
    return events_in(text, lang, PUBLISHED)


def types_of(text, lang):
    return [(e.type, e.mode) for e in extract(text, lang)]


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le Croissant-Rouge a distribué mardi des kits d'hygiène à 2 000 familles sinistrées à Zinder."),
    ("fr", "Des ONG ont acheminé lundi des tentes et des couvertures aux déplacés de Kalehe."),
    ("es", "La Cruz Roja repartió el martes kits de higiene a 2.000 familias damnificadas en Piura."),
    ("es", "El municipio ha entregado esta semana frazadas a los desplazados del albergue de Tumbes."),
])
def test_relief_goods_handed_out_are_humanitarian_aid(lang, text):
    assert ("AID", "humanitarian") in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le restaurant a offert mardi des repas gratuits à ses clients à Lyon."),
    ("es", "El supermercado entregó el martes alimentos a domicilio en Lima."),
])
def test_goods_sold_or_given_to_customers_are_no_aid(lang, text):
    assert not any(t == "AID" for t, _ in types_of(text, lang))


@pytest.mark.parametrize("lang, text, speaker", [
    ("fr", "« Nous répondrons à toute attaque », a averti mardi le chef de la junte, Assimi Goïta.", "Assimi Goïta"),
    ("es", "\"Responderemos a cualquier ataque\", advirtió el martes el jefe de la junta, Assimi Goïta.", "Assimi Goïta"),
])
def test_the_name_after_a_verb_of_saying_that_follows_a_quotation_is_its_speaker(lang, text, speaker):
    """'« ... », a averti X' / '"...", ha advertido X': X says it; X is nobody's target."""
    threats = [e for e in extract(text, lang) if e.type == "THREATEN"]
    assert threats and all(speaker in e.actors and speaker not in e.targets for e in threats)


@pytest.mark.parametrize("lang, text", [
    ("fr", "La ministre a exclu mardi tout report de la réforme des retraites."),
    ("fr", "Le gouvernement a écarté toute libération anticipée des détenus."),
    ("es", "El presidente descartó el martes cualquier retirada de las tropas."),
    ("en", "The chancellor on Tuesday ruled out any withdrawal of the troops."),
])
def test_an_act_ruled_out_is_a_refusal_not_the_act(lang, text):
    """'a exclu tout retrait', 'descartó cualquier retirada', 'ruled out any withdrawal': a REJECT;
    the withdrawal or release ruled out did not happen."""
    assert [t for t, _ in types_of(text, lang)] == ["REJECT"]


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le procureur a exclu toute piste terroriste après l'incendie."),
    ("es", "La fiscalía descartó cualquier vínculo terrorista en el incendio."),
])
def test_a_line_of_inquiry_ruled_out_is_no_refusal(lang, text):
    assert not any(t == "REJECT" for t, _ in types_of(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("fr", "À Rennes, les gendarmes ont répliqué mardi par des tirs de grenades lacrymogènes."),
    ("fr", "Les CRS ont procédé mardi à des tirs de LBD contre les manifestants à Lyon."),
    ("es", "En Valparaíso, los carabineros respondieron el martes con disparos de gases lacrimógenos."),
    ("es", "La policía dispersó a los manifestantes con disparos de balas de goma en Quito."),
])
def test_shots_of_tear_gas_or_rubber_bullets_are_crowd_control_not_firearms(lang, text):
    modes = [m for t, m in types_of(text, lang) if t == "ASSAULT"]
    assert modes and "firearms" not in modes
