"""Actors and targets that hold (issue 10, act26): people named in an apposition after a long title, and known names
with lower-case particles."""

from streams.nlp.actors import find_persons
from streams.nlp.titles import find_titled_persons


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
