"""Actors and targets that hold (issue 10, act26): states in acts between states, people named in an apposition after a long
title, and known names with lower-case particles."""

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
