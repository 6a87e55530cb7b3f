"""French elided words in cue lists and dates (issue 10, lead27).

A listed word that ends in an elision apostrophe ("n'", "d'", "qu'") is followed by the next word
with no space: "n'a", "d'envoyer". Every such entry once failed to match, as the end of a listed
word required a non-word character, so "n'" negated nothing ("la police n'a arrêté personne").
"ne ... que" means "only", not "not". A relative day after an elided word ("qu'hier", "d'hier")
is still that day. Sentences written for these tests.
"""

from datetime import date, datetime, timezone

from streams.nlp.dates import find_dates
from streams.nlp.events import _subordinator_re
from streams.nlp.triggers import lexicon
from tests.unit.test_events import extract


def types(text):
    return [e.type for e in extract(text, "fr")]


def test_a_listed_word_ending_in_an_apostrophe_matches_before_the_next_word():
    assert lexicon("fr").negation.search("la police n'a arrete")
    assert not lexicon("fr").negation.search("la police a arrete")


def test_an_elided_conjunction_opens_its_clause():
    assert _subordinator_re("fr").search("lorsqu'il a ete arrete")


def test_ne_alone_negates_the_act():
    assert "COERCE" not in types("La police n'a arrêté personne mardi à Lyon.")
    assert "COERCE" not in types("La police n'a arrêté aucun manifestant mardi à Lyon.")


def test_ne_que_means_only_and_the_act_was_done():
    assert "COERCE" in types("La police n'a arrêté que deux manifestants mardi à Lyon.")
    assert "ACCUSE" in types("Le gouvernement n'a condamné l'attaque que mardi soir.")
    assert "COERCE" not in types("La police n'a pas arrêté les manifestants mardi à Lyon.")


def test_a_relative_day_after_an_elided_word_is_that_day():
    published = datetime(2022, 1, 7, 12, 0, tzinfo=timezone.utc)
    for text in ("Le suspect n'a été arrêté qu'hier soir à Paris.", "Les heurts d'hier ont fait deux blessés."):
        assert [m.value for m in find_dates(text, published, "fr")] == [date(2022, 1, 6)]
