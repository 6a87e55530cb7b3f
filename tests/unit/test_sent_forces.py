"""Forces sent with a number, a day or an adverb between the verb and the force (es17).

PLOVER MOBILIZE covers troops, police or reinforcements deployed; wire copy writes the send verb
apart from its force noun ("envió este jueves 300 efectivos", "sent 150 more soldiers", "a envoyé
mardi 400 gendarmes"). A message sent to the troops is no deployment. Sentences written for these
tests.
"""

import pytest

from tests.unit.test_events import extract


def events(text, lang):
    return [e.type for e in extract(text, lang)]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("La Secretaría de Marina envió este lunes 300 efectivos adicionales al puerto de Manzanillo.", "es"),
        ("The interior ministry sent 300 more police officers to Marseille on Monday.", "en"),
        ("Le ministère a envoyé lundi 300 gendarmes supplémentaires à Marseille.", "fr"),
    ],
)
def test_forces_sent_with_words_between_verb_and_force_are_mobilized(text, lang):
    assert events(text, lang) == ["MOBILIZE"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("El ministro envió una carta de felicitación a los militares.", "es"),
        ("The minister sent a message of thanks to the troops.", "en"),
    ],
)
def test_a_message_sent_to_the_troops_is_no_deployment(text, lang):
    assert "MOBILIZE" not in events(text, lang)
