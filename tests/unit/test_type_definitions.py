"""CONCEDE, SUPPORT, THREATEN and SANCTION by the PLOVER definitions and the coding conventions, across languages, on
sentences written for these tests: a restriction lifted and named again by a pronoun, an apology
asked of a victim, a ceasefire promised, a verbal defence against criticism, a sworn vow of force, aid reduced."""

from tests.unit.test_events import extract


def types(text, lang="en"):
    return sorted(e.type for e in extract(text, lang))


def test_a_restriction_lifted_and_named_by_a_pronoun_is_a_concession():
    assert types("Police declared a curfew in Almaty on Friday but withdrew it on Saturday.") == ["COERCE", "CONCEDE"]
    assert types("La policía declaró un toque de queda en Almaty el viernes pero lo levantó el sábado.",
                 "es") == ["COERCE", "CONCEDE"]
    assert types("La police a décrété un couvre-feu à Almaty vendredi mais l'a levé samedi.", "fr") == ["COERCE", "CONCEDE"]
    assert types("Polisi memberlakukan jam malam di Almaty pada Jumat tetapi mencabutnya pada Sabtu.",
                 "id") == ["COERCE", "CONCEDE"]
    assert types("Polis mengisytiharkan perintah berkurung di Almaty pada Jumaat tetapi menarik baliknya pada Sabtu.",
                 "ms") == ["COERCE", "CONCEDE"]


def test_withdrawing_something_that_is_no_restriction_is_no_concession():
    assert types("On Saturday the minister withdrew it from parliament after the debate.") == []
    assert types("El sábado el ministro lo levantó del suelo.", "es") == []


def test_asking_a_victim_for_forgiveness_is_an_apology():
    assert types("On Thursday the policeman asked the family for forgiveness.") == ["CONCEDE"]
    assert types("El jueves el policía pidió perdón a la familia.", "es") == ["CONCEDE"]


def test_a_ceasefire_promised_is_declared():
    assert types("Pemberontak mengumumkan akan mematuhi gencatan senjata 24 jam pada Rabu.", "id") == ["CONCEDE"]
    assert types("Pemberontak mengumumkan akan mematuhi gencatan senjata pada Rabu.", "ms") == ["CONCEDE"]
    assert types("On Wednesday the rebels announced that they would observe a 24-hour truce.") == ["CONCEDE"]


def test_a_verbal_defence_against_criticism_is_support():
    assert types("On Friday the Palestinian leader defended Iraq against Western criticism of its arms industry.") \
        == ["SUPPORT"]
    assert types("Vendredi, le président a défendu l'Irak face aux critiques occidentales.", "fr") == ["SUPPORT"]
    assert types("Presiden membela Irak dari kritik negara-negara Barat pada Jumat.", "id") == ["SUPPORT"]
    assert types("Presiden membela Iraq daripada kritikan negara Barat pada Jumaat.", "ms") == ["SUPPORT"]


def test_sworn_vows_of_force_are_threats():
    assert types("On Wednesday the rebels swore to attack the army bases, officials said.") == ["THREATEN"]
    assert types("On Wednesday the rebels have sworn to fight until they gain control of the villages, officials said.") \
        == ["THREATEN"]
    assert types("Pemberontak bersumpah untuk menyerang pangkalan tentera pada Rabu.", "ms") == ["THREATEN"]


def test_aid_reduced_or_partly_suspended_is_a_sanction():
    assert types("On Thursday the United States suspended part of its military aid program for Kazakhstan.") == ["SANCTION"]
    assert types("El jueves Estados Unidos suspendió parte de su programa de ayuda militar a Kazajistán.", "es") \
        == ["SANCTION"]
    assert types("Jeudi, la France a réduit son aide au Kazakhstan.", "fr") == ["SANCTION"]
    assert types("Amerika Serikat mengurangi bantuan militer untuk Kazakhstan pada Kamis.", "id") == ["SANCTION"]
