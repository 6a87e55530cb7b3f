"""The PLOVER type of an act whose wording leans to another type (issue 10, typ24).

A ban or restriction aimed at another state (its ships, its bonds) is an embargo, a SANCTION between
the states, not a coercion of people. A measure announced "with immediate effect" is in force as it
is told: the modal or future tense of its announcement reports the act (a sanction, an expulsion),
not a threat of one. A warrant or an order for an arrest is no arrest: as fr "mandat d'arrêt" and id
"surat perintah penangkapan" already were, es "orden de detención" is a judicial charge (ACCUSE), and
the state of one sought by a warrant tells no act.
Sentences written for these tests.
"""

from tests.unit.test_events import extract


def types(text, lang="en"):
    return [e.type for e in extract(text, lang)]


def test_a_measure_in_force_as_it_is_announced_is_the_act_not_a_threat():
    text = ("The foreign ministry said on Wednesday that all diplomats of the neighbouring country would be "
            "expelled with immediate effect.")
    assert "THREATEN" not in types(text)
    assert "SANCTION" in types(text)
    es = "El Gobierno dijo el miércoles que los diplomáticos del país vecino serán expulsados con efecto inmediato."
    assert "THREATEN" not in types(es, "es")
    assert "SANCTION" in types(es, "es")


def test_without_immediate_effect_the_announced_measure_stays_a_threat():
    assert "THREATEN" in types("The foreign ministry said on Wednesday that all diplomats of the neighbouring "
                               "country would be expelled.")
    assert "THREATEN" in types("El Gobierno dijo el miércoles que los diplomáticos del país vecino serán "
                               "expulsados.", "es")


def test_an_arrest_warrant_or_order_is_no_arrest():
    assert "COERCE" not in types("On Monday the former mayor, who faces an arrest order, fled to Jakarta.")
    assert "COERCE" not in types("On Monday the court in Manila issued a warrant for his arrest.")
    assert types("Un juez de Lima emitió el lunes una orden de detención contra el exalcalde.", "es") == ["ACCUSE"]
    assert "COERCE" not in types("El exalcalde, que enfrenta una orden de captura, huyó el lunes a Lima.", "es")


def test_an_arrest_is_still_an_arrest():
    assert types("Police in Manila arrested the former mayor on Monday.") == ["COERCE"]
    assert types("La policía detuvo el lunes en Lima al exalcalde.", "es") == ["COERCE"]


def test_a_ban_or_restriction_on_another_state_is_a_sanction():
    # an embargo on another state's ships or bonds (PLOVER SANCTION), coded between the states
    events = extract("In Almaty on Thursday, Kazakhstan banned the trading of new Russian government bonds.")
    assert [(e.type, e.actors, e.targets) for e in events] == [("SANCTION", ["KZ"], ["RU"])]


def test_a_ban_on_people_at_home_stays_a_coercion():
    assert "COERCE" in types("Police banned the rally in Jakarta on Tuesday.")
    assert "SANCTION" not in types("Police banned the rally in Jakarta on Tuesday.")
    # the opposition is coded as its country's government: banning it at home is no embargo
    assert types("In Almaty on Monday the president banned Kazakh opposition candidates from the elections.") == [
        "COERCE"]
    assert types("The president has banned Ugandan opposition candidates from taking part in the elections.") == [
        "COERCE"]


def test_a_wanted_person_handed_to_another_states_police_is_judicial_cooperation():
    # the deed someone is wanted for is no new act of the sentence
    en = "On Thursday the fugitive mayor was handed over by Indonesian police to Philippine authorities in Jakarta."
    assert types(en) == ["COOPERATE"]
    ms = ("Polis Diraja Malaysia semalam menyerahkan seorang lelaki yang dikehendaki atas kes pembunuhan "
          "kepada Polis Diraja Thailand di Bukit Kayu Hitam.")
    assert types(ms, "ms") == ["COOPERATE"]
    id_ = ("Polisi kemarin menyerahkan seorang pria yang menjadi buronan kasus pembunuhan kepada Kepolisian "
           "Thailand di Jakarta.")
    assert types(id_, "id") == ["COOPERATE"]


def test_the_grounds_of_a_wanted_person_are_no_act_but_an_arrest_stays():
    assert types("Police in Manila arrested a man wanted for the murder of two tourists on Monday.") == ["COERCE"]
    assert types("Polis menahan seorang lelaki atas kes pembunuhan di Kuala Lumpur semalam.", "ms") == ["COERCE"]
