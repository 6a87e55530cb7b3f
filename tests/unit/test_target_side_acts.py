"""Acts told from their target's side, on sentences written for these tests: what a party received
(an endorsement, criticism) is the act of the party it came from (SUPPORT, ACCUSE)."""

from tests.unit.test_events import extract


def types(text, lang="en"):
    return sorted(e.type for e in extract(text, lang))


def test_an_endorsement_received_is_support():
    assert types("On Thursday the budget in Almaty gained the endorsement of the governor.") == ["SUPPORT"]
    assert types("El jueves el presupuesto de Almaty recibió el respaldo del gobernador.", "es") == ["SUPPORT"]
    assert types("Jeudi, le budget d'Almaty a reçu le soutien du gouverneur.", "fr") == ["SUPPORT"]


def test_criticism_received_is_an_accusation():
    assert types("On Thursday the mining company in Almaty came under heavy criticism from villagers.") == ["ACCUSE"]
    assert types("On Thursday the mining company in Almaty has come under criticism from villagers.") == ["ACCUSE"]
    assert types("Jeudi, l'entreprise minière d'Almaty a essuyé des critiques des villageois.", "fr") == ["ACCUSE"]


def test_the_party_that_received_it_is_the_target():
    (event,) = extract("On Thursday the Kazakh government came under heavy criticism from Russia.")
    assert event.targets == ["KZ:government"]
