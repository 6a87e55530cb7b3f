"""Breadth of the speech-act and concession families (PLOVER CONCEDE, THREATEN, SUPPORT, SANCTION,
RETREAT, ACCUSE, PROTEST) across languages: each kind in at least two languages, on sentences
written for these tests."""

from tests.unit.test_events import extract


def types(text, lang="en"):
    return sorted(e.type for e in extract(text, lang))


def test_ending_ones_own_strike_is_a_concession_not_a_protest():
    assert types("On Thursday the dockers in Almaty called off their three-day strike.") == ["CONCEDE"]
    assert types("El jueves los mineros de Almaty levantaron la huelga tras el acuerdo salarial.", "es") == ["CONCEDE"]
    assert types("Jeudi, les cheminots d'Almaty ont levé leur grève.", "fr") == ["CONCEDE"]
    assert types("Para pengemudi ojek di Almaty mengakhiri aksi mogok pada Kamis.", "id") == ["CONCEDE"]
    assert types("Pekerja kilang di Almaty menamatkan mogok mereka pada Kamis.", "ms") == ["CONCEDE"]


def test_ending_a_hunger_strike_is_a_concession_and_starting_one_a_protest():
    assert types("On Thursday the journalist in Almaty ended her hunger strike.") == ["CONCEDE"]
    assert types("Jeudi, le prisonnier d'Almaty a mis fin à sa grève de la faim.", "fr") == ["CONCEDE"]
    assert types("Jeudi, trois détenus d'Almaty ont entamé une grève de la faim.", "fr") == ["PROTEST"]
    assert types("Tahanan politik di Almaty menghentikan mogok makan pada Kamis.", "id") == ["CONCEDE"]


def test_a_hunger_strike_told_with_words_between_verb_and_noun_is_a_protest():
    # the noun alone, as in English and Spanish, whatever verb and adverbs come before it
    assert types("Des dizaines de détenus d'Almaty ont entamé jeudi une grève de la faim.", "fr") == ["PROTEST"]
    assert types("Jeudi, des dizaines de détenus d'Almaty ont observé une grève de la faim.", "fr") == ["PROTEST"]
    assert types("Decenas de presos de Almaty iniciaron el jueves una huelga de hambre.", "es") == ["PROTEST"]


def test_police_stopping_a_protest_is_no_concession():
    assert "CONCEDE" not in types("Polisi di Almaty menghentikan aksi unjuk rasa mahasiswa pada Kamis.", "id")
    assert "CONCEDE" not in types("On Thursday police in Almaty arrested the leaders of the strike.")


def test_expressed_support_and_recognition_are_support():
    assert types("On Thursday Kazakhstan reaffirmed its support for the peace plan.") == ["SUPPORT"]
    assert types("El jueves Kazajistán reiteró su respaldo al plan de paz.", "es") == ["SUPPORT"]
    assert types("Jeudi, le Kazakhstan a réaffirmé son soutien au plan de paix.", "fr") == ["SUPPORT"]
    assert types("El jueves Rusia reconoció al nuevo gobierno de Kazajistán.", "es") == ["SUPPORT"]
    assert types("Kazakhstan menyatakan dukungan penuh terhadap perundingan damai pada Kamis.", "id") == ["SUPPORT"]


def test_boycotting_a_meeting_or_election_is_a_sanction():
    assert "SANCTION" in types("On Thursday Kazakhstan boycotted the summit in Russia.")
    assert "SANCTION" in types("El jueves la oposición de Kazajistán boicoteó las elecciones.", "es")
    assert "SANCTION" in types("Oposisi Kazakhstan memboikot pemilu pada Kamis.", "id")


def test_suspending_aid_is_a_sanction_in_spanish_as_elsewhere():
    assert types("El jueves Rusia congeló su ayuda militar a Kazajistán.", "es") == ["SANCTION"]
    assert types("On Thursday Russia suspended its military aid to Kazakhstan.") == ["SANCTION"]


def test_an_ultimatum_with_a_deadline_is_a_threat():
    assert types("On Thursday in Almaty the army gave the gunmen 24 hours to surrender.") == ["THREATEN"]
    assert types("El jueves en Almaty la policía les dio un plazo de 24 horas para desalojar.", "es") == ["THREATEN"]
    assert types("Jeudi, l'armée a donné 24 heures aux insurgés d'Almaty pour se rendre.", "fr") == ["THREATEN"]
    assert types("Polisi di Almaty memberi waktu 24 jam kepada kelompok itu pada Kamis.", "id") == ["THREATEN"]
    assert types("Polis di Almaty memberi tempoh 24 jam kepada kumpulan itu pada Kamis.", "ms") == ["THREATEN"]


def test_a_legal_penalty_clause_is_no_threat():
    assert "THREATEN" not in types("Le décret interdit les rassemblements sous peine d'amende depuis jeudi à Almaty.", "fr")


def test_surrender_is_a_retreat_in_french_and_malay():
    assert "RETREAT" in types("Jeudi, une centaine de combattants ont déposé les armes à Almaty.", "fr")
    assert "RETREAT" in types("Seramai 40 militan menyerah diri kepada tentera di Almaty pada Kamis.", "ms")


def test_summoning_an_envoy_to_protest_is_a_disapproval():
    assert "ACCUSE" in types("On Thursday Kazakhstan summoned the Russian ambassador over the border incident.")
    assert "ACCUSE" in types("Jeudi, le Kazakhstan a convoqué l'ambassadeur russe.", "fr")


def test_an_apology_is_a_concession_in_indonesian_and_english():
    assert types("Wali kota Almaty meminta maaf kepada warga atas banjir pada Kamis.", "id") == ["CONCEDE"]
    assert "CONCEDE" in types("On Thursday the mayor of Almaty apologised to residents for the delays.")


def test_spanish_strike_light_verbs_and_english_walk_offs_are_strikes():
    assert types("El jueves los médicos de Almaty se declararon en paro.", "es") == ["PROTEST"]
    assert types("On Thursday bus drivers in Almaty walked off the job.") == ["PROTEST"]


def test_restored_diplomatic_relations_are_support():
    assert "SUPPORT" in types("On Thursday Kazakhstan and Russia restored full diplomatic relations.")
    assert "SUPPORT" in types("El jueves Kazajistán y Rusia restablecieron sus relaciones diplomáticas.", "es")
    assert types("Kazakhstan dan Rusia memulihkan hubungan diplomatik pada Kamis.", "id") == ["SUPPORT"]


def test_a_formal_protest_lodged_is_a_complaint_not_a_demonstration():
    assert types("On Thursday Kazakhstan lodged a strong protest with Russia.") == ["ACCUSE"]
    assert types("Kazakhstan melayangkan protes keras kepada Rusia pada Kamis.", "id") == ["ACCUSE"]


def test_shortening_a_curfew_eases_it():
    assert types("On Thursday the governor shortened the curfew in Almaty by two hours.") == ["CONCEDE"]
    assert types("El jueves el gobierno acortó el toque de queda en Almaty.", "es") == ["CONCEDE"]
    assert types("Pemerintah memperpendek jam malam di Almaty pada Kamis.", "id") == ["CONCEDE"]
