"""Type boundaries drawn by the PLOVER definitions and the coding conventions, in every language.

A person expelled is COERCE (PLOVER: "expulsions or deportations of individuals ... are coded as
COERCE"), a state's diplomats expelled SANCTION. Offering to resign is a CONCEDE, an impeachment motion an
ACCUSE. A speaker saying that a named party must stop, withdraw or release is a demand (REQUEST) unless it
names what happens otherwise (an ultimatum, THREATEN); a state warning another against a step threatens.
An investigation told in the imperfect of French reported speech is still an investigation (ACCUSE), a threat
told in the conditional of reported speech a threat, and troops sent into another country with their number
between verb and noun military aid.
Sentences written for these tests from the definitions, never taken from an article.
"""

from tests.unit.test_events import extract


def types(text, lang="en"):
    return [e.type for e in extract(text, lang)]


def test_a_person_expelled_is_coerced_and_a_diplomat_expelled_is_sanctioned():
    assert types("In Almaty on Thursday the government expelled a foreign journalist.") == ["COERCE"]
    assert types("Authorities in Almaty expelled 40 foreign nationals on Thursday.") == ["COERCE"]
    assert types("In Almaty on Thursday the government expelled the French ambassador.") == ["SANCTION"]
    assert types("Kazakhstan expelled two Russian diplomats on Thursday.") == ["SANCTION"]
    assert types("El Gobierno expulsó el jueves en Almaty a un periodista extranjero.", "es") == ["COERCE"]
    assert types("El Gobierno expulsó el jueves en Almaty al embajador francés.", "es") == ["SANCTION"]
    assert types("Le gouvernement a expulsé jeudi à Almaty un journaliste étranger.", "fr") == ["COERCE"]


def test_an_offer_to_resign_is_a_concession_in_every_language():
    assert types("In Almaty on Thursday the interior minister offered his resignation.") == ["CONCEDE"]
    assert types("El ministro del Interior ofreció el jueves en Almaty su dimisión.", "es") == ["CONCEDE"]
    assert types("À Almaty, le ministre de l'Intérieur a proposé jeudi de démissionner.", "fr") == ["CONCEDE"]
    assert types("Menteri Dalam Negeri pada Kamis di Almaty menawarkan pengunduran dirinya.", "id") == ["CONCEDE"]
    assert types("Menteri Dalam Negeri pada Khamis di Almaty menawarkan peletakan jawatannya.", "ms") == ["CONCEDE"]


def test_an_impeachment_motion_is_an_accusation_not_a_removal():
    assert types("Los diputados presentaron el jueves en Almaty una moción de destitución contra el presidente.",
                 "es") == ["ACCUSE"]
    assert types("Ahli parlimen pada Khamis di Almaty mengemukakan usul pemecatan terhadap presiden.", "ms") == ["ACCUSE"]


def test_saying_what_a_named_party_must_do_is_a_demand():
    assert types("El ministro dijo el jueves en Almaty que Rusia debe retirar sus tropas.", "es") == ["REQUEST"]
    assert types("Le ministre a déclaré jeudi à Almaty que la Russie doit cesser ses attaques.", "fr") == ["REQUEST"]
    assert types("Menteri pada Kamis di Almaty mengatakan Rusia harus menghentikan serangannya.", "id") == ["REQUEST"]
    assert types("Menteri pada Khamis di Almaty berkata Rusia mesti menghentikan serangannya.", "ms") == ["REQUEST"]


def test_an_obligation_nobody_voices_is_no_demand():
    # id/ms narrative: what people had to do; fr: what is scheduled
    assert "REQUEST" not in types("Warga Almaty harus menghentikan aktivitas mereka pada Kamis karena banjir.", "id")
    assert "REQUEST" not in types("Le président doit se rendre jeudi à Almaty.", "fr")


def test_a_demand_with_what_befalls_otherwise_is_only_the_ultimatum():
    assert types("El ministro dijo el jueves en Almaty que Rusia debe retirar sus tropas so pena de sanciones.",
                 "es") == ["THREATEN"]


def test_a_state_warning_another_against_a_step_threatens_it():
    assert "THREATEN" in types("China warned Taiwan on Thursday against any move towards independence.")
    assert "THREATEN" in types("China advirtió el jueves a Taiwán contra cualquier paso hacia la independencia.", "es")
    assert "THREATEN" in types("La Chine a mis en garde jeudi Taïwan contre toute démarche vers l'indépendance.", "fr")
    assert "THREATEN" in types("China pada Kamis memperingatkan Taiwan agar tidak mengambil langkah menuju "
                               "kemerdekaan.", "id")
    assert "THREATEN" in types("China pada Khamis memberi amaran kepada Taiwan supaya tidak mengambil langkah ke arah "
                               "kemerdekaan.", "ms")


def test_an_investigation_reported_in_the_imperfect_is_an_investigation():
    # French reported speech moves the present into the imperfect: the police say they are investigating
    assert types("À Almaty, la police a indiqué jeudi qu'elle enquêtait sur la mort du journaliste.",
                 "fr") == ["ACCUSE"]


def test_a_threat_reported_in_the_conditional_is_a_threat():
    # in reported speech the conditional is the future of the past: "said it would respond forcefully"
    assert "THREATEN" in types("Irán dijo el jueves en Teherán que respondería con contundencia a cualquier ataque.", "es")
    assert "THREATEN" in types("Iran said on Thursday in Tehran that it would respond decisively to any attack.")


def test_troops_sent_with_their_number_into_another_country_are_military_aid():
    assert types("Rusia pada Kamis mengirim 1.000 tentara ke Almaty untuk membantu pemerintah Kazakhstan.", "id") == ["AID"]
    assert types("Russia sent 1,000 troops to Almaty on Thursday to help the government of Kazakhstan.") == ["AID"]
