"""Warnings whose content is retaliation in kind, a target or a return to the roads, and ties cut
told as a noun or as diplomats withdrawn (es17).

PLOVER THREATEN covers a warning of coercive acts; press writes the act as a future verb
("responderá con medidas equivalentes"), as targets ("seguirán siendo blanco") or as a return
to the streets or roads. PLOVER SANCTION covers breaking relations and withdrawing diplomats;
press often names the act with a noun ("la suspensión de las relaciones diplomáticas").
Sentences written for these tests.
"""

import pytest

from tests.unit.test_events import extract


def types(text, lang):
    return [e.type for e in extract(text, lang)]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("El canciller advirtió el lunes que Bolivia responderá con medidas equivalentes si no se levanta el veto.", "es"),
        ("Le ministre a averti lundi que le Maroc répondra par des mesures équivalentes si l'interdiction est maintenue.", "fr"),
        ('"Si no hay acuerdo, volveremos a las carreteras", advirtió el lunes el dirigente cocalero.', "es"),
        ("« Sans accord, nous retournerons sur les routes », a averti lundi le dirigeant agricole.", "fr"),
        ('"Without a deal we will go back to the roads," the farmers\' leader warned on Monday.', "en"),
        ("La guerrilla advirtió el lunes que las petroleras serán blanco de sus ataques.", "es"),
        ("The rebels warned on Monday that oil firms would be targets.", "en"),
    ],
)
def test_warnings_of_retaliation_targets_or_road_blocks_are_threats(text, lang):
    assert types(text, lang) == ["THREATEN"]


def test_a_weather_warning_is_no_threat():
    assert "THREATEN" not in types("Meteorología advirtió el lunes que las lluvias afectarán a las carreteras del norte.", "es")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Honduras anunció el lunes la suspensión de las relaciones diplomáticas con Taipéi.", "es"),
        ("Honduras announced on Monday the suspension of diplomatic relations with Taipei.", "en"),
        ("Le Niger a annoncé lundi la suspension de ses relations avec Kiev.", "fr"),
        ("Managua retiró el lunes a todo su personal diplomático de Tegucigalpa.", "es"),
        ("Le Mali a annoncé lundi le retrait de son personnel diplomatique d'Abidjan.", "fr"),
    ],
)
def test_ties_cut_as_a_noun_or_diplomats_withdrawn_are_sanctions(text, lang):
    assert "SANCTION" in types(text, lang)
