"""Forms of threats, sanctions, criticism and strikes the NLP missed (issue 10, miss26).

Threats told with no threat verb: retaliation announced in the future or the conditional of
reported speech ("would retaliate", "respondería con contundencia", "riposterait"), an act declared
to be taken as an act of war. Sanctions: a member suspended from a body named by a common noun, in
the passive; relations broken off or a border closed in any tense and with any determiner.
Condemnations and criticism told as nouns after light verbs, or from their target's side. Strikes
begun, declared or joined, told with the noun. Adverbial idioms opened by a purpose marker ("pour sa
part", "untuk pertama kalinya") that cancelled the act after them. Sentences written for these
tests from the PLOVER definitions, none taken from an article; each kind also has the reading it must
not take.
"""

from tests.unit.test_events import extract


def types(text, lang="en"):
    return [e.type for e in extract(text, lang)]


def test_retaliation_announced_in_reported_speech_is_a_threat():
    assert "THREATEN" in types("Iran's foreign minister said on Thursday that Tehran would retaliate if Israel "
                               "struck its nuclear sites.")
    assert "THREATEN" in types("Irán advirtió el jueves que respondería con contundencia si Israel atacaba "
                               "sus instalaciones.", "es")
    assert "THREATEN" in types("L'Iran a averti jeudi qu'il riposterait si Israël frappait ses sites "
                               "nucléaires.", "fr")
    assert "THREATEN" in types("Le porte-parole des rebelles a prévenu jeudi que ses combattants répondront à "
                               "toute attaque de l'armée au Congo.", "fr")


def test_retaliation_asked_for_or_done_is_no_threat():
    # the base form without a modal names no act; the deed of answering is no retaliation announced
    assert "THREATEN" not in types("The United States urged Israel on Thursday not to retaliate.")
    assert types("Le ministre a répondu jeudi aux questions des députés à Dakar.", "fr") == []


def test_an_act_declared_to_be_taken_as_an_act_of_war_is_a_threat():
    assert "THREATEN" in types("Pakistan's security committee said on Thursday that any attempt to divert "
                               "the river would be considered an act of war.")
    assert "THREATEN" in types("L'Algérie a affirmé jeudi que toute incursion serait considérée comme un acte "
                               "de guerre.", "fr")
    assert "THREATEN" in types("Iran menyatakan pada Kamis bahwa setiap serangan akan dianggap sebagai "
                               "tindakan perang.", "id")


def test_a_member_suspended_from_a_body_in_the_passive_is_a_sanction():
    assert types("Niger was suspended from the regional bloc on Thursday.") == ["SANCTION"]
    assert types("Mali's membership of the bloc was suspended on Thursday.") == ["SANCTION"]
    assert types("Níger fue suspendido del bloque regional el jueves.", "es") == ["SANCTION"]
    assert types("Le Niger a été suspendu jeudi de l'organisation régionale.", "fr") == ["SANCTION"]
    assert types("Myanmar dibekukan keanggotaannya dari blok regional pada Kamis.", "id") == ["SANCTION"]
    assert types("Myanmar digantung keahliannya daripada blok serantau pada Khamis.", "ms") == ["SANCTION"]


def test_a_player_suspended_from_a_team_is_no_sanction():
    assert types("The striker was suspended from the team on Thursday.") == []
    assert types("El jugador fue suspendido del equipo el jueves en Madrid.", "es") == []
    assert types("Le joueur a été suspendu du club jeudi à Lyon.", "fr") == []


def test_relations_broken_and_borders_closed_in_any_tense_are_sanctions_or_their_threat():
    assert types("Marruecos rompió el jueves las relaciones diplomáticas con Irán.", "es") == ["SANCTION"]
    assert types("Marruecos ha roto las relaciones diplomáticas con Irán el jueves.", "es") == ["SANCTION"]
    assert types("El presidente de Turquía dijo el jueves que cerraría la frontera si continuaban los "
                 "ataques.", "es") == ["THREATEN"]


def test_condemnation_and_criticism_told_as_nouns_are_accusations():
    assert types("Kenya's president voiced criticism of the central bank on Thursday.") == ["ACCUSE"]
    # the attack condemned is what the condemnation is about, no new assault
    assert types("The Kenyan government issued a condemnation of the attack on Thursday.") == ["ACCUSE"]
    assert types("El Gobierno de Colombia emitió una enérgica condena del atentado el jueves.", "es") == ["ACCUSE"]


def test_criticism_told_from_its_target_side_is_an_accusation():
    assert types("Kenya's police drew sharp criticism on Thursday from rights groups.") == ["ACCUSE"]
    assert types("La Policía de Chile recibió duras críticas el jueves de organizaciones de derechos "
                 "humanos.", "es") == ["ACCUSE"]
    assert types("Le préfet de police de Dakar a été critiqué par les députés jeudi.", "fr") == ["ACCUSE"]


def test_a_strike_begun_or_joined_is_a_protest_and_a_military_strike_is_not():
    assert types("Doctors in Kenya began an indefinite strike on Thursday.") == ["PROTEST"]
    assert types("Teachers in Nigeria joined the strike on Thursday.") == ["PROTEST"]
    assert "PROTEST" not in types("Israel launched a strike on Gaza on Thursday.")


def test_an_adverbial_idiom_opened_by_a_purpose_marker_names_no_purpose():
    # "pour sa part" is "for its part", "untuk pertama kalinya" "for the first time": the act is done
    assert types("Le Mali a pour sa part condamné jeudi l'attaque contre la base de l'ONU.", "fr") == ["ACCUSE"]
    assert types("Militer Myanmar untuk pertama kalinya menyerang kota itu pada Kamis.", "id") == ["ASSAULT"]
    assert types("Menteri itu bagi pihak kerajaan mengecam serangan itu di Kuala Lumpur pada Khamis.", "ms") == ["ACCUSE"]


def test_a_purpose_marker_still_makes_a_purpose():
    assert "ACCUSE" not in types("Les manifestants se sont rassemblés jeudi à Dakar pour dénoncer la hausse des "
                                 "prix.", "fr")
    assert "ASSAULT" not in types("Militer Myanmar mengerahkan pasukan untuk menyerang kota itu pada Kamis.", "id")
