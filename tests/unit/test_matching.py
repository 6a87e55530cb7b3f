"""Event-to-event matching: blocking, scores for the same and for different happenings."""

from hypothesis import given
from hypothesis import strategies as st

from streams.dedup import matching
from streams.dedup.extracted import Extracted
from streams.dedup.state import Place


def _event(**fields):
    base = {
        "type": "ASSAULT", "mode": "firearms", "country": "KZ", "date": "2022-01-06",
        "actors": ["KZ:police"], "targets": ["KZ:protesters"], "place": "Almaty",
        "location": None, "counts": {"killed": 24},
    }
    base.update(fields)
    if base["location"] is not None:
        base["location"] = Place(**base["location"])
    return Extracted(**base)


def test_same_happening_reported_differently_matches():
    seed = _event()
    wire = _event(actors=["KZ:police", "KZ:military"], counts={"killed": 26, "injured": 18})
    assert matching.score(wire, seed) > 0.9


def test_place_left_out_and_crowd_named_differently_still_matches():
    other = _event(place=None, mode=None, targets=["KZ:civilians"], counts={})
    assert matching.score(other, _event()) >= matching.MATCH_THRESHOLD


def test_roles_swapped_is_another_event():
    attack_on_police = _event(mode=None, actors=["KZ:protesters"], targets=["KZ:police"], counts={"killed": 18})
    assert matching.score(attack_on_police, _event()) < matching.MATCH_THRESHOLD


def test_blocking_country_family_and_date_window():
    assert matching.score(_event(country="KG"), _event()) == 0.0
    assert matching.score(_event(type="PROTEST"), _event()) == 0.0
    assert matching.score(_event(date="2022-01-09"), _event()) == 0.0
    assert matching.score(_event(date="2022-01-08"), _event()) > 0.0
    assert matching.score(_event(type="COERCE", mode="arrest"), _event()) > 0.0


def test_other_type_in_family_scores_lower_than_same_type():
    assert matching.score(_event(type="COERCE", mode=None), _event()) < matching.score(_event(mode=None), _event())


def test_place_by_name_without_diacritics_and_by_distance():
    assert matching.score(_event(place="Zhanaözen"), _event(place="zhanaozen")) > 0.9
    near = _event(place="Kepanjen", location={"name": "Kepanjen", "lat": -8.13, "lon": 112.57})
    malang = _event(place="Malang", location={"name": "Malang", "lat": -7.98, "lon": 112.63})
    far = _event(place="Surabaya", location={"name": "Surabaya", "lat": -7.25, "lon": 112.75})
    assert matching.score(near, malang) > matching.score(far, malang)
    assert matching.score(near, malang) >= matching.MATCH_THRESHOLD
    assert matching.score(far, malang) < matching.score(_event(place=None), malang)
    assert matching.score(_event(location={"name": "X", "geonames_id": 1526384}),
                          _event(place="Алматы", location={"name": "Y", "geonames_id": 1526384})) > 0.9


def test_misspelt_person_name_still_overlaps():
    a = _event(type="THREATEN", mode="violence", actors=["Kassum-Jomart Tokayev"], place=None)
    b = _event(type="THREATEN", mode="violence", actors=["Kassym-Jomart Tokayev"], place=None)
    c = _event(type="THREATEN", mode="violence", actors=["Vladimir Putin"], place=None)
    assert matching.score(a, b) > matching.score(c, b)


def test_revised_toll_stays_compatible_unrelated_numbers_do_not():
    revised = matching.score(_event(counts={"killed": 125}), _event(counts={"killed": 174}))
    unrelated = matching.score(_event(counts={"killed": 2}), _event(counts={"killed": 174}))
    assert revised > unrelated


def test_junk_fields_do_not_raise():
    junk = Extracted(type=None, country=None, date="not a date", counts={"killed": "many"})
    assert 0.0 <= matching.score(junk, Extracted(type=None, country=None, date=None, counts={"killed": 3})) <= 1.0


labels = st.lists(st.sampled_from(["KZ", "KZ:police", "KZ:protesters", "RU", "CSTO", "Kassym-Jomart Tokayev"]), max_size=3)
events = st.builds(
    _event,
    type=st.sampled_from(["ASSAULT", "COERCE", "PROTEST"]),
    mode=st.sampled_from([None, "firearms", "arrest"]),
    date=st.sampled_from([None, "2022-01-05", "2022-01-06", "2022-01-07"]),
    actors=labels,
    targets=labels,
    place=st.sampled_from([None, "Almaty", "Aktau"]),
    counts=st.dictionaries(st.sampled_from(["killed", "injured"]), st.integers(0, 3000), max_size=2),
)


@given(events, events)
def test_score_is_symmetric_and_bounded(a, b):
    assert matching.score(a, b) == matching.score(b, a)
    assert 0.0 <= matching.score(a, b) <= 1.0


def test_assign_is_greedy_one_to_one_and_deterministic():
    scores = {(0, "e1"): 0.9, (1, "e1"): 0.95, (1, "e2"): 0.7, (0, "e2"): 0.65, (2, "e3"): 0.4}
    assert matching.assign(scores, 0.6) == {1: "e1", 0: "e2"}
    assert matching.assign({(0, "b"): 0.8, (0, "a"): 0.8}, 0.6) == {0: "a"}


def test_window_days_and_family():
    assert matching.window_days("2022-01-01") == ["2022-01-01", "2021-12-31", "2022-01-02", "2021-12-30", "2022-01-03"]
    assert matching.family("coerce") == matching.family("ASSAULT")
    assert matching.family("SOMETHING") == "SOMETHING"


def test_specific_needs_a_shared_place_or_named_actor():
    generic = _event(place=None, actors=["KZ:government"], targets=[])
    assert not matching.specific(generic, generic)
    assert matching.specific(_event(), _event(place="almaty"))
    named = _event(place=None, actors=["Kassym-Jomart Tokayev"])
    assert matching.specific(named, _event(place=None, actors=["Kassum-Jomart Tokayev", "KZ"]))
    assert not matching.specific(named, _event(place=None, actors=["Vladimir Putin"]))
    assert matching.specific(_event(place=None, targets=["CSTO"]), _event(place=None, targets=["CSTO"]))


def test_different_places_in_one_block_do_not_match():
    assert matching.score(_event(place="Aktau"), _event(place="Almaty")) < matching.MATCH_THRESHOLD
