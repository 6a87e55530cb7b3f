"""A "since" phrase of an aside does not make the sentence's dated act background (issue 10, kinds19):
"The doctors, on strike since last month, marched on Monday" is Monday's march."""

import pytest

from tests.unit.test_stance_and_habit_kinds import types_after_opening

DATED_ACTS_AFTER_AN_ASIDE = [
    ("en", "The doctors, on strike since last month, marched to the ministry on Monday."),
    ("es", "Los médicos, en huelga desde el mes pasado, marcharon el lunes hacia el ministerio."),
    ("fr", "Les médecins, en grève depuis le mois dernier, ont défilé lundi vers le ministère."),
    ("id", "Para dokter, yang mogok sejak bulan lalu, berunjuk rasa di depan kementerian pada Senin."),
    ("ms", "Para doktor, yang mogok sejak bulan lalu, berdemonstrasi di hadapan kementerian pada Isnin."),
]

UNDATED_ACTS_AFTER_AN_ASIDE = [
    ("en", "The doctors, on strike since last month, marched to the ministry."),
    ("es", "Los médicos, en huelga desde el mes pasado, marcharon hacia el ministerio."),
    ("id", "Sejak bulan lalu, para dokter berunjuk rasa di depan kementerian."),
]


@pytest.mark.parametrize(("lang", "sentence"), DATED_ACTS_AFTER_AN_ASIDE)
def test_a_since_aside_leaves_the_dated_act_its_event(lang, sentence):
    assert types_after_opening(sentence, lang) == ["PROTEST"]


@pytest.mark.parametrize(("lang", "sentence"), UNDATED_ACTS_AFTER_AN_ASIDE)
def test_an_undated_act_after_a_since_phrase_stays_background(lang, sentence):
    assert types_after_opening(sentence, lang) == []
