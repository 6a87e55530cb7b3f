"""Event types that must hold on unseen text: decisions after the trigger that dropped whole kinds.

A demand whose speaker the actor finder does not know ("union leaders", "los jubilados") is still
a REQUEST; only a document asks nobody. Talks between two sides of one country (the government and
unions, two leaders) are a CONSULT as much as talks between states; one body meeting itself is none.
A protest announced in the plain future is a THREATEN; a strike suspended is a CONCEDE.
Sentences written for these tests.
"""

from streams.nlp.triggers import find_triggers

from tests.unit.test_events import extract


def types(text, lang="en"):
    return [e.type for e in extract(text, lang)]


def trigger_types(sentence, lang="en"):
    return [(h.trigger.type, h.trigger.mode) for h in find_triggers(sentence, lang)]


def test_a_demand_by_speakers_the_actor_finder_does_not_know_is_a_request():
    assert "REQUEST" in types("In Almaty on Thursday, retired miners demanded that pensions be paid on time.")
    assert "REQUEST" in types("Los jubilados exigieron el jueves en Almaty el pago de sus pensiones.", "es")
    assert "REQUEST" in types("Para pensiunan menuntut agar uang pensiun dibayar tepat waktu di Almaty pada Kamis.", "id")


def test_a_group_demands_on_its_own_unless_its_protest_is_told():
    # a crowd's demand is part of its protest; a group that protests nothing asks for itself
    assert "REQUEST" in types("In Nairobi on Tuesday, Kenyan doctors demanded better pay from the county.")
    assert "REQUEST" in types("Les médecins kényans ont exigé mardi à Nairobi une hausse des salaires.", "fr")
    assert "REQUEST" not in types("Thousands of doctors marched in Nairobi on Tuesday. Kenyan doctors demanded "
                                  "better pay.")
    assert "REQUEST" not in types("Des milliers de médecins ont manifesté mardi à Nairobi. Les médecins kényans "
                                  "ont exigé une hausse des salaires.", "fr")


def test_a_demand_made_by_a_document_is_no_request():
    assert "REQUEST" not in types("The final communique, demanding that protesters leave, was read out in Almaty.")
    assert "REQUEST" not in types("El comunicado final, que exige a los manifestantes abandonar la plaza, "
                                  "se leyó el jueves en Almaty.", "es")
    assert "REQUEST" not in types("Laporan itu mendesak agar demonstran meninggalkan alun-alun Almaty pada Kamis.", "id")


def test_talks_between_two_sides_of_one_country_are_a_consultation():
    assert types("On Thursday the government held talks with union leaders in Almaty.") == ["CONSULT"]
    assert types("Pemerintah menggelar dialog dengan perwakilan buruh di Almaty pada Kamis.", "id") == ["CONSULT"]
    assert types("El gobierno se reunió el jueves en Almaty con los sindicatos.", "es") == ["CONSULT"]


def test_one_body_meeting_itself_is_no_consultation():
    assert types("On Thursday the two ministers met in Almaty.") == []
    assert types("Le gouvernement s'est réuni jeudi à Almaty.", "fr") == []


def test_a_protest_a_speaker_announces_in_the_plain_future_is_a_threat():
    # PLOVER THREATEN: "threaten to mobilize or engage in actions of political dissent ... strikes"
    assert types("In Almaty on Thursday the union said its members will strike on Monday.") == ["THREATEN"]
    assert types("En Almaty, la oposición anunció el jueves que realizará una manifestación el lunes.", "es") == ["THREATEN"]
    assert types("Serikat buruh di Almaty menyatakan pada Kamis akan menggelar mogok nasional.", "id") == ["THREATEN"]
    (threat,) = extract("In Almaty on Thursday the union said its members will strike on Monday.")
    assert threat.actors == ["KZ:protesters"]  # the crowd that would protest threatens, not a government


def test_a_strike_suspended_is_a_concession():
    # PLOVER CONCEDE covers "suspending protests"; the lifting words sit apart from the strike word
    # (read over the day, the phrases are the end-of-own-strike family's, whose mode is unset)
    assert [t for t, _ in trigger_types("Les cheminots ont suspendu jeudi leur grève à Almaty.", "fr")] == ["CONCEDE"]
    assert [t for t, _ in trigger_types("Los camioneros suspendieron ayer su paro de transporte.", "es")] == ["CONCEDE"]


def test_a_protest_announced_or_convened_is_a_threat_not_yet_a_protest():
    assert trigger_types("The drivers' union announced a nationwide strike in Almaty.") == [("THREATEN", None)]
    assert trigger_types("Los sindicatos convocaron a una huelga general contra el gobierno.", "es") == [("THREATEN", None)]
    assert trigger_types("Serikat buruh mengumumkan aksi mogok nasional di Almaty.", "id") == [("THREATEN", None)]
    assert trigger_types("The strike the union announced began in Almaty on Thursday.") == [("PROTEST", "strike")]


def test_a_word_common_outside_politics_still_needs_an_actor_found():
    assert "REQUEST" not in types("On Thursday in Almaty, a reader asked to meet the author.")
    assert "REQUEST" in types("On Thursday in Almaty, retired miners urged the government to pay pensions.")
