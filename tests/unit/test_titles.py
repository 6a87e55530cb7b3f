"""People named by their title (streams/nlp/titles.py), in every language with a title list."""

import pytest

from streams.nlp.mentions import PlaceMention
from streams.nlp.titles import find_titled_persons
from streams.records import Location


def names(text, lang="en", places=()):
    return [(text[n.start:n.end], n.name, n.country) for n in find_titled_persons(text, lang, list(places))]


def place(text, word, country):
    start = text.index(word)
    return PlaceMention(start, start + len(word), word, "country", Location(word, country))


def test_a_title_introduces_a_name_and_the_surname_alone_is_the_same_person():
    text = "German Chancellor Olaf Sholz said on Monday the pipeline was halted. Later Sholz met unions."
    got = names(text, places=[place(text, "German", "DE")])
    assert got == [("Olaf Sholz", "Olaf Sholz", "DE"), ("Sholz", "Olaf Sholz", "DE")]


def test_the_surname_alone_is_found_in_any_case_and_inside_a_longer_capitalised_run():
    text = ("Le ministre de l'Intérieur Gérald Darmanin a annoncé des renforts. Selon Darmanin, le calme est "
            "revenu. Une Déclaration De DARMANIN suivra.")
    assert [(text[n.start:n.end], n.name) for n in find_titled_persons(text, "fr", [])] == [
        ("Gérald Darmanin", "Gérald Darmanin"), ("Darmanin", "Gérald Darmanin"), ("DARMANIN", "Gérald Darmanin")]


def test_titles_in_other_languages_and_words_between_title_and_name():
    text = "Menteri Luar Negeri Rusia Sergei Lavrov mengecam sanksi itu."
    assert names(text, "id", [place(text, "Rusia", "RU")]) == [("Sergei Lavrov", "Sergei Lavrov", "RU")]
    assert names("La canciller Diana Mondino expresó su apoyo.", "es") == [("Diana Mondino", "Diana Mondino", None)]
    assert names("Le ministre de l'Intérieur Gérald Darmanin a annoncé", "fr")[0][1] == "Gérald Darmanin"


def test_office_words_between_demonym_and_title_keep_the_country():
    text = "Swedish Deputy Foreign Minister Tobias Billstrom warned Tbilisi. So did Sweden, the Foreign Minister Anna Berg said."
    got = names(text, places=[place(text, "Swedish", "SE"), place(text, "Sweden", "SE")])
    assert got == [("Tobias Billstrom", "Tobias Billstrom", "SE"), ("Anna Berg", "Anna Berg", None)]


def test_a_country_someone_is_posted_to_is_not_theirs():
    text = "Afghanistan's ambassador to Tajikistan, Mohammad Zahir Aghbar, told reporters."
    places = [place(text, "Afghanistan", "AF"), place(text, "Tajikistan", "TJ")]
    assert names(text, places=places) == [("Mohammad Zahir Aghbar", "Mohammad Zahir Aghbar", "AF")]


def test_institutions_places_sentences_and_untitled_runs_are_no_people():
    assert names("The head of the National Accountability Bureau spoke.") == []
    assert names("Protesters marched to the President's House on Flower Road.") == []
    text = "The ruling came from Justice Department officials. Boris Johnson was not there."
    assert names(text) == []  # no title before the name
    text = "He met the governor of East Java, Emil Dardak."
    assert names(text, places=[PlaceMention(text.index("East"), text.index("East") + 9, "East Java", "admin",
                                            Location("East Java", "ID"))]) == [("Emil Dardak", "Emil Dardak", None)]
    # a run does not cross a sentence end
    assert names("Darmanin met the prefect Laurent Nunez. Sebanyak 79 polisi terluka.")[0][1] == "Laurent Nunez"


def test_plural_titles_introduce_coordinated_names_and_ex_titles_and_envoys_are_titles():
    text = "Police detained two opposition leaders, former ministers Tariq Hamid and Fahim Qureshi, on Monday."
    assert [n[1] for n in names(text)] == ["Tariq Hamid", "Fahim Qureshi"]
    text = "La policía detuvo a los exministros Jorge Salinas y Mariela Quispe el lunes."
    assert [n[1] for n in names(text, "es")] == ["Jorge Salinas", "Mariela Quispe"]
    assert [n[1] for n in names("El expresidente Pedro Castillo fue detenido.", "es")] == ["Pedro Castillo"]
    assert [n[1] for n in names("L'émissaire américain Amos Hochstein a rencontré le ministre.", "fr")] == [
        "Amos Hochstein"]


@pytest.mark.parametrize("lang, text, name", [
    ("en", "Inspector General of Police C.D. Wickramaratne ordered an inquiry on Saturday.", "C.D. Wickramaratne"),
    ("en", "Chief of Police John K. Mwangi ordered an inquiry on Saturday.", "John K. Mwangi"),
    ("fr", "Le procureur J.-P. Dupont a ouvert une enquête.", "J.-P. Dupont"),
    ("ms", "Ketua Polis, Datuk A. Rahman Ali, mengarahkan siasatan.", "A. Rahman Ali"),
])
def test_initials_stand_in_a_name_before_its_last_word(lang, text, name):
    assert name in [n for _, n, _ in names(text, lang)]


def test_initials_alone_are_no_name():
    assert names("Police chief A. B. said on Monday.") == []
