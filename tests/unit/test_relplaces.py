"""Towns placed by a landmark (streams/nlp/relplaces.py): "in X, about 40 km from Y" is in X, in Y's country.

Sentences written for this file from the coding conventions (the most precise named place); the towns
are of no studied article."""

from datetime import datetime, timezone

from streams.nlp.actors import find_actors
from streams.nlp.places import find_places
from streams.nlp.relplaces import relative_places
from tests.events_in_text import events_in

PUBLISHED = datetime(2023, 3, 8, 9, 0, tzinfo=timezone.utc)  # a Wednesday


def _relative(text, lang):
    places = find_places(text, lang)
    found, landmarks = relative_places(text, lang, places, find_actors(text, lang, places))
    return [(p.surface, p.location.country) for p in found], [text[s:].split(",")[0].rstrip(".") for s in landmarks]


def test_a_town_the_gazetteer_lacks_is_placed_by_its_distance_from_a_known_one_in_five_languages():
    cases = [
        ("en", "Gunmen attacked a bus in Kandalama, about 40 km from Colombo, on Monday.", "Kandalama", "LK"),
        ("es", "Hombres armados atacaron una patrulla en Tepalcatepec, a unos 30 kilómetros de Apatzingán.",
         "Tepalcatepec", "MX"),
        ("fr", "Des obus sont tombés sur le camp de Kibarizo, à l'ouest de Goma, vendredi.", "Kibarizo", "CD"),
        ("id", "Di Nagrak, sekitar 20 kilometer dari Bandung, polisi menembak dua orang.", "Nagrak", "ID"),
        ("ms", "Polis menahan tiga lelaki di Kampung Sungai Tiang, kira-kira 20 km dari Alor Setar.",
         "Kampung Sungai Tiang", "MY"),
        ("en", "Troops clashed with rebels near Mabanga, west of Beni, on Sunday.", "Mabanga", "CD"),
    ]
    for lang, text, town, country in cases:
        found, landmarks = _relative(text, lang)
        assert (town, country) in found, (lang, found)
        assert len(landmarks) == 1, (lang, landmarks)


def test_a_village_near_a_town_of_a_named_province_takes_the_provinces_country():
    found, landmarks = _relative("Une patrouille a été prise en embuscade près de Wanzerbe, dans la région de "
                                 "Tillabéri, samedi.", "fr")
    assert ("Wanzerbe", "NE") in found and landmarks


def test_a_town_list_or_a_name_without_a_place_word_is_no_relative_place():
    # "in Kano, in Abuja": a list of towns, not a town and the province it lies in
    found, landmarks = _relative("Protesters marched in Kano, in Abuja and in Lagos on Monday.", "en")
    assert not landmarks
    # a person's name before a distance is not a town ("Ahmed, 40 km from ...": no "in" before it)
    found, landmarks = _relative("Police said Ahmed, 40 km from Colombo when arrested, was detained.", "en")
    assert not landmarks and all(name != "Ahmed" for name, _ in found)


def test_an_act_at_a_town_measured_from_a_landmark_is_placed_in_the_town_not_the_landmark():
    en = events_in("Gunmen killed three police officers in Kandalama, about 40 km from Colombo, on Tuesday.",
                   "en", PUBLISHED)
    assert [(e.type, e.country, e.place) for e in en if e.type == "ASSAULT"] == [("ASSAULT", "LK", "Kandalama")]
    known = events_in("Gunmen killed three police officers in Gampaha, about 25 km from Colombo, on Tuesday.",
                      "en", PUBLISHED)
    assert [(e.country, e.place) for e in known if e.type == "ASSAULT"] == [("LK", "Gampaha")]


def test_a_relative_place_is_named_without_its_kind_word():
    text = "Polis menahan tiga lelaki di Kampung Sungai Tiang, kira-kira 20 km dari Alor Setar."
    places = find_places(text, "ms")
    found, _ = relative_places(text, "ms", places, find_actors(text, "ms", places))
    assert [p.location.name for p in found if p.surface == "Kampung Sungai Tiang"] == ["Sungai Tiang"]
