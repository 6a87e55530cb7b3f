"""Actors and targets that hold (issue 10, act26): states in acts between states, speech acts addressed
to a pair of states, people named in an apposition after a long title, and known names with lower-case
particles."""

from datetime import datetime, timedelta, timezone

from streams.nlp.actors import find_persons
from streams.nlp.eventroles import governments_as_states
from streams.nlp.titles import find_titled_persons
from tests.events_in_text import events_in

PUBLISHED = datetime(2024, 5, 16, 12, 0, tzinfo=timezone(timedelta(hours=7)))


def roles(text, lang, event_type):
    return [(e.actors, e.targets) for e in events_in(text, lang, PUBLISHED) if e.type == event_type]


def test_a_government_is_its_state_in_an_act_between_states():
    assert governments_as_states(["IN:government"], ["PK"]) == (["IN"], ["PK"])
    assert governments_as_states(["FR:government"], ["SN:government"]) == (["FR"], ["SN"])
    # the state and its government named together are one party
    assert governments_as_states(["VE", "VE:government"], ["AR"]) == (["VE"], ["AR"])
    # other sectors stay: a foreign army or a crowd is not the state
    assert governments_as_states(["IL:military"], ["LB:civilians"]) == (["IL:military"], ["LB:civilians"])


def test_at_home_the_government_stays_a_sector():
    assert governments_as_states(["LK:government"], ["LK:protesters"]) == (["LK:government"], ["LK:protesters"])
    assert governments_as_states(["Joko Widodo"], ["ID:government"]) == (["Joko Widodo"], ["ID:government"])
    # an international body is no second country ("UN", two capitals like a country code)
    assert governments_as_states(["UN"], ["CO:government"]) == (["UN"], ["CO:government"])


def test_a_foreign_ministry_speaking_to_another_country_is_the_state():
    text = ("PARIS - Le ministère français des Affaires étrangères a appelé vendredi les autorités "
            "sénégalaises à organiser le scrutin.")
    assert roles(text, "fr", "REQUEST") == [(["FR"], ["SN"])]
    text = "JAKARTA - Kementerian Luar Negeri Prancis, Rabu (15/5), membantah tudingan Rusia."
    assert [a for a, _ in roles(text, "id", "REJECT")] == [["FR"]]


def names(text, lang):
    return [(text[n.start:n.end], n.name) for n in find_titled_persons(text, lang, [])]


def test_a_name_in_apposition_after_a_long_title_phrase_is_a_person_in_every_language():
    assert names("The assistant secretary of state for European and Eurasian affairs, James Obrien, said "
                 "on Tuesday the law was a mistake. Obrien met the prime minister.", "en") == [
        ("James Obrien", "James Obrien"), ("Obrien", "James Obrien")]
    assert ("Tomás Ibarra", "Tomás Ibarra") in names(
        "El TSJA abrió una investigación contra el consejero de Medio Ambiente, Tomás Ibarra, por prevaricación.", "es")
    assert names("Le directeur de l'ONG Forum Civique, Alain Mabanckou, a exigé la libération des détenus.", "fr") == [
        ("Alain Mabanckou", "Alain Mabanckou")]
    assert names("Asisten Menteri Luar Negeri untuk Urusan Eropa dan Eurasia, James Obrien, yang berada di "
                 "Tbilisi, bertemu Perdana Menteri.", "id") == [("James Obrien", "James Obrien")]
    assert names("Ahli Dewan Undangan Negeri (ADUN) pembangkang, Chong Wei Ming, menggesa kerajaan negeri "
                 "bertindak.", "ms") == [("Chong Wei Ming", "Chong Wei Ming")]


def test_no_apposition_without_a_title_nor_without_its_closing_comma():
    assert names("Perusahaan Taiwan, Gold Apollo, membantah memproduksi perangkat itu.", "id") == []
    assert names("The ministry of foreign affairs, which Chong Wei Ming leads", "en") == []


def test_the_domain_of_an_office_after_its_preposition_is_no_person():
    got = names("el consejero de Medio Ambiente, Tomás Ibarra, dimitió", "es")
    assert ("Medio Ambiente", "Medio Ambiente") not in got
    assert [n for _, n in names("Minister of Home Affairs Budi Gunawan said", "en")] == ["Budi Gunawan"]


def test_known_names_with_lower_case_particles_are_found_whole():
    def persons(text):
        return [(text[a.start:a.end], a.value) for a in find_persons(text)]

    assert persons("Saudi Crown Prince Mohammed bin Salman met him.") == [
        ("Mohammed bin Salman", "Mohammed bin Salman")]
    assert persons("Commission President Ursula von der Leyen said.") == [
        ("Ursula von der Leyen", "Ursula von der Leyen")]
    assert persons("army chief Abdel Fattah al-Burhan said") == [("Abdel Fattah al-Burhan", "Abdel Fattah al-Burhan")]
    # a particle that leads to no known name is no part of one
    assert persons("the people of bin Laden street and Joe Biden") == [("Joe Biden", "Joe Biden")]


def test_a_speech_act_addressed_to_both_governments_targets_the_two_states_named_before():
    cases = [
        ("en", "NEW YORK - India and Pakistan exchanged fire on Tuesday. UN chief Antonio Guterres urged both "
               "governments on Wednesday to exercise maximum restraint."),
        ("es", "NUEVA YORK - India y Pakistán intercambiaron disparos el martes. El jefe de la ONU, Antonio Guterres, "
               "exhortó a ambos gobiernos el miércoles a ejercer la máxima moderación."),
        ("fr", "NEW YORK - L'Inde et le Pakistan ont échangé des tirs mardi. Le chef de l'ONU, Antonio Guterres, a "
               "exhorté les deux pays mercredi à faire preuve de retenue."),
        ("id", "NEW YORK - India dan Pakistan saling tembak pada Selasa. Sekjen PBB Antonio Guterres mendesak kedua "
               "negara pada Rabu (15/5) untuk menahan diri."),
        ("ms", "NEW YORK - India dan Pakistan berbalas tembakan pada Selasa. Setiausaha Agung PBB Antonio Guterres "
               "menggesa kedua-dua negara pada Rabu supaya menahan diri."),
    ]
    for lang, text in cases:
        got = roles(text, lang, "REQUEST")
        assert got and sorted(got[0][1]) == ["IN", "PK"], (lang, got)


def test_both_sides_of_a_civil_war_are_no_two_states():
    text = ("PRETORIA - Ethiopia's government and the Tigray forces signed a truce in South Africa on Wednesday. "
            "The mediator urged both sides on Wednesday to honour it.")
    assert all(targets == [] for _, targets in roles(text, "en", "REQUEST"))
