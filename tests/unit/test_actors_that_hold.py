"""Actors and targets that hold (issue 10, act26): known names with lower-case particles."""

from streams.nlp.actors import find_persons


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
