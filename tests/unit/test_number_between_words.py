"""Missed acts (issue 10, recall15): a number between a trigger's words ("la liberación de doce
rehenes", "pembebasan 12 sandera", "pembebasan dua belas tebusan") hid a phrase written without one
("liberación de rehenes", "pembebasan sandera"); phrases are read over the number too. The text
their context is read in keeps it (a score, a count). Sentences written for these tests.
"""

from streams.nlp.triggers import find_triggers
from tests.unit.test_enrich import enriched


def types(text, lang):
    return sorted(e.type for e in enriched(text, lang, published="2024-01-13T18:00:00+00:00", title="News").events)


def test_a_release_with_a_number_before_its_captives_is_a_retreat():
    assert types("La liberación de doce rehenes por los rebeldes el viernes en Cúcuta fue celebrada por la ONU.",
                 "es") == ["RETREAT"]
    assert types("Pembebasan dua belas sandera oleh pemberontak di Nduga pada Jumat disambut baik PBB.",
                 "id") == ["RETREAT"]
    assert "RETREAT" in types("Pembebasan 12 tebusan oleh pemberontak di Sabah pada Jumaat disambut baik PBB.", "ms")


def test_the_phrase_read_over_the_number_spans_it():
    sentence = "La liberación de 12 rehenes fue celebrada."
    hits = find_triggers(sentence, "es")
    assert [sentence[h.start:h.end] for h in hits] == ["liberación de 12 rehenes"]


def test_a_number_read_over_keeps_the_phrases_found_without_it():
    sentence = "Polisi menangkap 20 orang di Jakarta."
    assert [h.trigger.type for h in find_triggers(sentence, "id")] == ["COERCE"]


def test_a_figure_with_its_unit_between_a_verb_and_its_noun_is_read_over():
    assert types("Jepang pada Jumat mengirimkan 50 ton bantuan kemanusiaan ke Turki.", "id") == ["AID"]
    assert types("Jepun pada Jumaat menghantar 50 tan bantuan kemanusiaan ke Turki.", "ms") == ["AID"]


def test_each_number_of_a_sentence_is_read_over():
    sentence = "La liberación de 12 rehenes el lunes y la liberación de 7 rehenes el martes fueron celebradas."
    assert [sentence[h.start:h.end] for h in find_triggers(sentence, "es")] == [
        "liberación de 12 rehenes", "liberación de 7 rehenes"]
    sentence = "Pembebasan 12 sandera pada Senin dan pembebasan 7 sandera pada Selasa disambut baik."
    assert [sentence[h.start:h.end] for h in find_triggers(sentence, "id")] == [
        "Pembebasan 12 sandera", "pembebasan 7 sandera"]
