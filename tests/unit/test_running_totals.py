"""Running totals and earlier figures are no act of their own: a figure of arrests after "up to now"
(events._up_to_now) and the earlier value of an update (counts.json ``earlier_figures``); a day's arrests
told as a tally, and two days of arrests, stay acts."""

from datetime import datetime, timezone

import pytest

from tests.events_in_text import events_in

SATURDAY_AFTER = datetime(2023, 3, 12, 9, 0, tzinfo=timezone.utc)  # a Sunday


def arrests(text, lang):
    return [(e.place, e.counts) for e in events_in(text, lang, SATURDAY_AFTER) if e.type == "COERCE"]


@pytest.mark.parametrize("lang, text, place", [
    ("en", "Police arrested 40 people in Plymouth on Saturday. So far 378 arrests have been made across the country, "
           "the police said.", "Plymouth"),
    ("es", "La policía detuvo a 40 personas en Valencia el sábado. Hasta ahora, 378 personas han sido detenidas en "
           "todo el país.", "Valencia"),
    ("fr", "La police a interpellé 40 personnes à Lyon samedi. Jusqu'à présent, 378 personnes ont été interpellées "
           "en France.", "Lyon"),
    ("id", "Polisi menangkap 40 orang di Surabaya, Sabtu. Sejauh ini 378 orang telah ditangkap di seluruh Indonesia.",
     "Surabaya"),
    ("ms", "Polis menahan 40 orang di Johor Bahru pada Sabtu. Setakat ini 378 orang telah ditahan di seluruh negara.",
     "Johor Bahru"),
])
def test_a_running_total_of_arrests_is_no_arrest_of_its_own(lang, text, place):
    assert arrests(text, lang) == [(place, {"arrested": 40})]


def test_a_day_of_arrests_told_as_a_tally_stays_an_act():
    # a ministry's tally of the day is the day's arrests, not a running total
    text = "Selon un bilan du ministère de l'Intérieur, 266 personnes ont été interpellées à Dakar samedi."
    assert arrests(text, "fr") == [("Dakar", {"arrested": 266})]


def test_two_days_of_arrests_in_two_towns_stay_two_acts():
    text = "Police arrested 40 people in Plymouth on Saturday. Police arrested 12 more people in Bristol on Sunday."
    assert sorted(arrests(text, "en")) == [("Bristol", {"arrested": 12}), ("Plymouth", {"arrested": 40})]


@pytest.mark.parametrize("lang, text", [
    ("en", "Police said 1,311 people were arrested on Saturday, up from 994 arrests reported in the morning."),
    ("es", "La policía detuvo a 1.311 personas el sábado, frente a los 994 detenidos de la mañana."),
    ("fr", "La police a interpellé 1 311 personnes samedi, contre 994 interpellations le matin."),
    ("id", "Polisi menangkap 1.311 orang pada Sabtu, naik dari 994 penangkapan yang dilaporkan pagi harinya."),
    ("ms", "Polis menahan 1,311 orang pada Sabtu, meningkat daripada 994 tangkapan yang dilaporkan pagi tadi."),
])
def test_the_earlier_figure_of_an_update_is_no_count_of_its_own(lang, text):
    assert [e.counts for e in events_in(text, lang, SATURDAY_AFTER) if e.type == "COERCE"] == [{"arrested": 1311}]


def test_a_figure_after_besides_is_still_the_acts_toll():
    text = "Selain tiga orang tewas, 10 orang terluka akibat serangan kelompok bersenjata di Puncak, Sabtu."
    assert [e.counts for e in events_in(text, "id", SATURDAY_AFTER) if e.type == "ASSAULT"] == [
        {"killed": 3, "injured": 10}]


def test_up_to_now_in_an_earlier_clause_leaves_the_arrest_an_act():
    text = "Los agentes, que hasta ahora habían vigilado la marcha en Valencia, detuvieron el sábado a 30 manifestantes."
    assert [e.counts for e in events_in(text, "es", SATURDAY_AFTER) if e.type == "COERCE"] == [{"arrested": 30}]
