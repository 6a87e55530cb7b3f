"""Kinds of Spanish and Malay text that generalise across languages (issue 10, lang13).

A negating preposition ("sin", "without", "sans", "tanpa") negates the word right after it: in
"familias sin techo protestaron" it negates the roof, not the protest. A modal that opens an aside
between commas ("el desfile, previsto para el sábado, fue prohibido") qualifies the noun before the
aside, not the verb after it. Violence that a protest is against, that people flee or fall victim
to ("contra la violencia", "fleeing violence", "menentang keganasan") is a topic, no attack of its own.
Police or troops who free hostages rescue them: PLOVER's RETREAT (release) is the captor's act.
The reflexive forms of some trigger verbs are another verb ("se detuvieron" stopped, "se sont
dispersés" broke up): the generator writes them to the ignore list. A market named after a protest
word is what people protest ("contra el alza del precio del petróleo", "membantah kenaikan harga
minyak"), not a figure of speech. Sentences written for these tests.
"""

from streams.nlp.morph_lexicon import other_sense_reflexives
from tests.unit.test_events import extract


def types(text, lang):
    return [e.type for e in extract(text, lang)]


def test_a_negating_preposition_before_a_noun_leaves_the_verb_after_it():
    assert types('Decenas de familias "sin techo" protestaron el martes en Asunción.', "es") == ["PROTEST"]
    assert types("Families without homes protested on Tuesday in the capital.", "en") == ["PROTEST"]
    assert types("Des familles sans logement ont manifesté mardi à Lyon.", "fr") == ["PROTEST"]
    assert types("Warga tanpa rumah berunjuk rasa di Medan pada Selasa.", "id") == ["PROTEST"]


def test_a_negating_preposition_right_before_a_trigger_still_negates_it():
    assert "COERCE" not in types("Los vecinos se retiraron sin ser detenidos.", "es")
    assert "COERCE" not in types("They left without being arrested.", "en")
    assert "COERCE" not in types("Ils sont partis sans être arrêtés.", "fr")
    assert "COERCE" not in types("Mereka pulang tanpa ditangkap.", "id")
    assert "PROTEST" not in types("Undang-undang itu diluluskan tanpa sebarang bantahan.", "ms")


def test_a_modal_in_an_aside_does_not_make_the_main_verb_a_plan():
    assert types("El desfile, previsto para este sábado en Valencia, fue prohibido por el ministerio.", "es") == ["COERCE"]
    assert types("La marche, prévue pour samedi à Lille, a été interdite par la préfecture.", "fr") == ["COERCE"]
    assert types("Perhimpunan itu, yang dijadual pada Sabtu, diharamkan oleh polis.", "ms") == ["COERCE"]
    assert types("Aksi itu, yang direncanakan pada Sabtu, dilarang oleh polisi.", "id") == ["COERCE"]


def test_a_modal_before_the_verb_still_makes_it_a_plan():
    assert types("El ministerio podría prohibir el desfile.", "es") == []
    assert types("En Lima, las mujeres pueden ser atacadas, golpeadas o asaltadas, dicen los vecinos.", "es") == []
    assert types("Polis akan mengharamkan perhimpunan itu.", "ms") == []
    assert types("Le ministère, selon la presse, pourrait interdire la marche.", "fr") == []


def test_violence_a_protest_is_against_or_people_flee_is_no_attack():
    assert types("Miles de personas marcharon el jueves en Quito contra la violencia.", "es") == ["PROTEST"]
    assert "ASSAULT" not in types("Unas 300 familias desplazadas por la violencia llegaron el lunes a Cali.", "es")
    assert types("Thousands marched in Nairobi on Thursday against the violence.", "en") == ["PROTEST"]
    assert types("Des milliers de personnes ont manifesté jeudi à Lyon contre les violences.", "fr") == ["PROTEST"]
    assert "ASSAULT" not in types("Ribuan orang berhimpun di Kuala Lumpur semalam menentang keganasan.", "ms")
    assert "ASSAULT" not in types("Ribuan warga berunjuk rasa di Medan pada Kamis menentang kekerasan.", "id")


def test_violence_told_as_a_deed_is_still_an_attack():
    assert "ASSAULT" in types("La violencia dejó diez muertos el martes en Guayaquil.", "es")
    assert "ASSAULT" in types("Keganasan di sempadan mengorbankan 10 nyawa semalam.", "ms")


def test_police_freeing_hostages_is_a_rescue_not_a_release():
    assert "RETREAT" not in types("Agentes de la policía entraron al banco y liberaron a los rehenes.", "es")
    assert "RETREAT" not in types("Polis memasuki rumah itu dan membebaskan tebusan.", "ms")
    assert "RETREAT" not in types("Police officers entered the bus and freed the hostages.", "en")
    assert "RETREAT" not in types("Les gendarmes sont entrés dans l'école et ont libéré les otages.", "fr")
    assert "RETREAT" not in types("Polisi memasuki rumah itu dan membebaskan para sandera.", "id")


def test_captors_releasing_hostages_still_retreat():
    assert types("Los secuestradores liberaron a los rehenes el martes.", "es") == ["RETREAT"]
    assert types("The kidnappers released the hostages on Tuesday.", "en") == ["RETREAT"]


def test_reflexive_forms_of_another_sense_are_generated_for_the_ignore_list():
    table = {"families": [{"verbs": [{"v": "dispersar", "reflexive_other": True}, {"v": "detener"}]}]}
    ignored = other_sense_reflexives("es", table)
    assert "se dispersaron" in ignored and "se han dispersado" in ignored
    assert not any("deten" in p for p in ignored)
    assert "se sont dispersés" in other_sense_reflexives("fr", {"families": [{"verbs": [
        {"v": "disperser", "reflexive_other": True}]}]})


def test_a_crowd_that_stops_or_breaks_up_is_no_arrest_or_dispersal():
    assert types("El camión se detuvo frente a la alcaldía de Cuenca.", "es") == []
    assert "ASSAULT" not in types("Los manifestantes se dispersaron al caer la noche en Rosario.", "es")
    assert types("Le cortège s'est arrêté devant la mairie de Nantes.", "fr") == []
    assert "ASSAULT" not in types("Les manifestants se sont dispersés dans le calme à Nantes.", "fr")


def test_arrests_and_dispersals_by_the_police_stay():
    assert "COERCE" in types("La policía detuvo a 12 personas el martes en Rosario.", "es")
    assert "ASSAULT" in types("La policía dispersó a los manifestantes con gases en Rosario.", "es")
    assert "ASSAULT" in types("Les manifestants ont été dispersés par la police à Nantes.", "fr")


def test_a_protest_against_oil_prices_is_a_protest():
    assert types("Miles de personas protestaron el lunes en Quito contra el alza del precio del petróleo.",
                 "es") == ["PROTEST"]
    assert types("Ribuan rakyat berhimpun di Dataran Merdeka untuk membantah kenaikan harga minyak.", "ms") == ["PROTEST"]
    assert types("Ribuan buruh berunjuk rasa di Surabaya menolak kenaikan harga minyak.", "id") == ["PROTEST"]
    assert types("Thousands protested in Accra on Monday against rising oil prices.", "en") == ["PROTEST"]
    assert types("Des milliers de personnes ont manifesté lundi à Dakar contre la hausse des prix du pétrole.",
                 "fr") == ["PROTEST"]


def test_a_market_that_rallies_is_still_no_protest():
    assert "PROTEST" not in types("Shares rallied in Tokyo on Monday.", "en")
    assert "PROTEST" not in types("Oil prices rallied in London on Monday.", "en")


def test_a_rejection_that_is_negated_is_no_rejection():
    # negation cancels a REJECT as it cancels every other type ("did not reject" rejects nothing);
    # a refusal whose own phrase holds the negation ("would not accept") is still one
    assert "REJECT" not in types("El gobierno de Venezuela no rechazó la propuesta de Colombia el lunes.", "es")
    assert "REJECT" not in types("Le gouvernement russe n'a pas rejeté la proposition ukrainienne lundi.", "fr")
    assert "REJECT" not in types("Pemerintah Indonesia tidak menolak usulan Malaysia pada Senin.", "id")
    assert "REJECT" in types("El gobierno de Venezuela rechazó la propuesta de Colombia el lunes.", "es")
    assert "REJECT" in types("Le gouvernement russe a rejeté la proposition ukrainienne lundi.", "fr")
    assert "REJECT" in types("Moscow said on Monday it would not accept the proposal from Kyiv.", "en")


def test_a_refusal_told_with_a_possessor_or_a_verb_of_unwillingness_is_a_rejection():
    assert types("Russia turned down Ukraine's offer of talks on Monday.", "en") == ["REJECT"]
    assert types("Russia dismissed Ukraine's accusations on Monday.", "en") == ["REJECT"]
    assert types("Russia declined the invitation from Ukraine on Monday.", "en") == ["REJECT"]
    assert types("Venezuela declinó la invitación de Colombia el lunes.", "es") == ["REJECT"]
    assert types("Pemerintah Indonesia enggan menerima usulan Malaysia pada Senin.", "id") == ["REJECT"]
    assert types("Kerajaan Malaysia tidak mahu menerima cadangan Singapura pada Isnin.", "ms") == ["REJECT"]
    # other senses of the same verbs: a market falling, an official sacked, a source's anonymity
    assert "REJECT" not in types("Shares declined 5% after the offer on Monday.", "en")
    assert "REJECT" not in types("The minister was dismissed over the allegations on Monday.", "en")
    assert "REJECT" not in types("Pejabat itu tidak mau disebutkan namanya.", "id")


def test_forces_sent_with_no_country_known_are_mobilised_not_aid():
    # a state's own forces sent to a border the text places nowhere are deployed, not sent abroad
    assert types("TNI mengerahkan 5.000 personel ke perbatasan pada Senin.", "id") == ["MOBILIZE"]
    assert types("Russia sent 3,000 troops to Kazakhstan on Thursday.", "en") == ["AID"]


def test_a_french_participle_is_not_the_present_it_folds_to():
    # "contesté" (disputed) folds to "conteste" (disputes): the adjective tells no act ...
    assert types("Le gouvernement a retiré le projet de loi contesté lundi.", "fr") == ["CONCEDE"]
    assert types("Les faits qui lui sont reprochés remontent à l'an dernier.", "fr") == []
    # ... the present does, and so does the compound past the participle forms with an auxiliary
    assert types("L'opposition conteste les résultats de l'élection, a-t-elle déclaré lundi.", "fr") == ["REJECT"]
    assert types("L'opposition a contesté lundi les résultats de l'élection.", "fr") == ["REJECT"]


def test_a_joint_exercise_with_its_arm_named_is_cooperation():
    assert types("Indonesia and Australia held a joint naval exercise on Monday.", "en") == ["COOPERATE"]
    assert types("Chile y Perú realizaron un ejercicio naval conjunto el lunes.", "es") == ["COOPERATE"]
    assert types("La France et le Maroc ont mené des manœuvres conjointes lundi.", "fr") == ["COOPERATE"]
