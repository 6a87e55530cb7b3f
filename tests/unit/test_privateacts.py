"""Speech acts, agreements and meetings of private parties in a sports text (issue 10, neg30): kept only
with a public party (a country, a state or armed sector, an international body, a public person, a titled
official)."""

from streams.nlp.privateacts import private_act, public_party
from streams.records import ExtractedEvent


def _event(event_type: str, actors: list[str], targets: list[str]) -> ExtractedEvent:
    return ExtractedEvent(type=event_type, country="AU", date="2024-12-07", actors=actors, targets=targets)


def test_states_their_sectors_bodies_and_public_persons_are_public_parties():
    for code in ("AU", "IN:government", "ID:police", "PS:rebels", "FIFA", "UN", "Joko Widodo"):
        assert public_party(code, frozenset()), code


def test_private_sectors_and_unknown_persons_are_not_unless_titled_with_an_office():
    for code in ("AU:media", "GB:business", "ID:civilians", "Travis Head"):
        assert not public_party(code, frozenset()), code
    assert public_party("Anita Ruiz", frozenset({"Anita Ruiz"}))  # "Sports Minister Anita Ruiz"


def test_a_referees_reprimand_and_former_players_calls_are_private_acts():
    assert private_act(_event("ACCUSE", [], []), frozenset())  # "both players were reprimanded by the match referee"
    assert private_act(_event("REQUEST", ["AU:media"], []), frozenset())  # "former players calling for changes"
    assert private_act(_event("AGREE", ["Travis Head"], ["GB:business"]), frozenset())  # a player signs with a club


def test_acts_with_a_public_party_and_deeds_stay_events():
    assert not private_act(_event("REQUEST", ["Joko Widodo"], ["PSSI"]), frozenset())
    assert not private_act(_event("ACCUSE", ["Ferli Hidayat"], ["ID:police"]), frozenset())
    assert not private_act(_event("ASSAULT", [], []), frozenset())  # violence is no speech act: other checks read it
