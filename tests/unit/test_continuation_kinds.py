"""A verb of continuation in a sentence dated to the last days tells that day's act (issue 10, kinds19):
"protesters continued to rally on Monday" is Monday's protest; told without a date it stays background."""

import pytest

from tests.unit.test_stance_and_habit_kinds import types_after_opening

DATED_CONTINUATIONS = [
    ("en", "Farmers continued protesting outside the parliament on Monday.", "PROTEST"),
    ("es", "Los agricultores continúan protestando frente al parlamento este lunes.", "PROTEST"),
    ("fr", "Les grèves se poursuivent dans les raffineries ce lundi.", "PROTEST"),
    ("id", "Para petani terus berunjuk rasa di depan gedung parlemen pada Senin.", "PROTEST"),
    ("ms", "Para petani terus berdemonstrasi di hadapan bangunan parlimen pada Isnin.", "PROTEST"),
]

UNDATED_CONTINUATIONS = [
    ("en", "Farmers continued protesting outside the parliament."),
    ("es", "Los agricultores continúan protestando frente al parlamento."),
    ("fr", "Les grèves se poursuivent dans les raffineries."),
    ("id", "Para petani terus berunjuk rasa di depan gedung parlemen."),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), DATED_CONTINUATIONS)
def test_a_continuation_with_a_recent_date_is_that_days_act(lang, sentence, expected):
    assert expected in types_after_opening(sentence, lang)


@pytest.mark.parametrize(("lang", "sentence"), UNDATED_CONTINUATIONS)
def test_an_undated_continuation_past_the_lede_stays_background(lang, sentence):
    assert types_after_opening(sentence, lang) == []
