"""Threats of non-force acts: a sanction a speaker announces in the plain future is a THREATEN.

PLOVER THREATEN covers threats of any act, not only force: cutting ties or aid, an embargo, a boycott,
expelling diplomats. Spanish and French say the future with the verb's own ending ("romperá",
"suspendra"), not a modal word before it. People driven out ("akan terusir") are nobody's threat,
and a future act nobody announces is no event at all. Sentences written for these tests.
"""

from tests.unit.test_events import extract


def types(text, lang="en"):
    return [e.type for e in extract(text, lang)]


def test_a_sanction_announced_with_a_plain_future_modal_is_a_threat():
    assert types("On Thursday the opposition said it will boycott the election in Almaty.") == ["THREATEN"]
    assert types("The minister said on Thursday that Kazakhstan will expel the ambassador.") == ["THREATEN"]
    assert types("The ministry said on Tuesday it will halt aid to the region.") == ["THREATEN"]


def test_a_sanction_in_the_synthetic_future_is_a_threat():
    assert types("Kazajistán romperá relaciones con Moscú, dijo el ministro el jueves.", "es") == ["THREATEN"]
    assert types("El ministro dijo el jueves que el gobierno expulsará al embajador.", "es") == ["THREATEN"]
    assert types("Le Kazakhstan suspendra son aide au Mali, a déclaré jeudi le ministre.", "fr") == ["THREATEN"]
    assert types("Le ministre a déclaré jeudi que le Kazakhstan rompra ses relations avec Moscou.", "fr") == ["THREATEN"]


def test_expelling_diplomats_announced_with_a_modal_is_a_threat():
    assert types("Menteri mengatakan pada Kamis pemerintah akan mengusir duta besar Rusia.", "id") == ["THREATEN"]


def test_a_conditional_sanction_is_a_threat():
    assert types("Si Moscú mantiene sus tropas, romperemos relaciones, dijo el ministro el jueves.", "es") == ["THREATEN"]


def test_a_future_sanction_nobody_announces_is_no_event():
    assert types("Kazajistán romperá relaciones con Moscú el jueves.", "es") == []
    assert types("Le Kazakhstan suspendra son aide au Mali jeudi.", "fr") == []


def test_people_driven_out_in_the_future_are_nobodys_threat():
    assert "THREATEN" not in types("Ribuan warga akan terusir dari rumah mereka, kata menteri pada Kamis.", "id")


def test_a_sanction_ruled_out_is_no_threat():
    assert "THREATEN" not in types("El ministro dijo el jueves que Kazajistán no romperá relaciones con Moscú.", "es")
    assert "THREATEN" not in types("Le ministre a déclaré jeudi que le Kazakhstan ne suspendra pas son aide.", "fr")
