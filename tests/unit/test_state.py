"""Typed cluster state: its JSON form is the one the untyped clusterer wrote, in a dict and as text."""

import copy
import json

import msgspec
import orjson

from streams.agents.readcache import ReadCache
from streams.dedup.cluster import Clusterer
from streams.dedup.state import (
    Assignment, Decision, EventState, ShardRecord, Tombstone, TypedState, decode, decode_bytes, encode,
)
from tests.unit.test_cluster import _article, _assault, _indonesian, _revised_wire, _wire

#: values as the previous (untyped) version stored them
OLD_DECISION = {"day": 18999, "sig": "y1Av", "dup": None, "story": "story-782eaaeef27e5c30",
                "events": [["evt-782eaaeef27e5c30", 0, True], ["evt-cdd95de374c5572a", 1, True]],
                "version": "1bee962fd2d0f4b8", "applied": True}
OLD_TOMBSTONE = {"day": 19008, "gone": "fd1a08a09264fa7c"}
OLD_RETIRED_EVENT = {
    "block": "blk:KZ:protest:2022-01-05", "by": {"wire": "40c9b53468e22fa2"}, "count_t": {}, "day": 19008,
    "event": {"actors": ["KZ:protesters"], "articles": ["wire"], "cameo": None, "count_sources": {},
              "country": "KZ", "counts": {}, "date": "2022-01-05", "evidence": [],
              "first_seen": "2022-01-07T14:20:00Z", "id": "evt-1e1c9a27e126cbdf", "languages": ["en"],
              "last_seen": "2022-01-07T14:20:00Z", "location": None, "mentions": 1, "mode": "riot",
              "place": "Almaty", "revision": 1, "sources": ["globalwire.example"],
              "story": "story-782eaaeef27e5c30", "targets": [], "type": "PROTEST"},
    "retired": True, "seen": [1641565200.0, 1641565200.0]}
OLD_SHARD = {"clock": 19009, "keys": ["KZ"]}
OLD_STATE = {"KZ|art:wire": OLD_DECISION, "KZ|art:id-1": OLD_TOMBSTONE, "KZ|evt:evt-1e1c9a27e126cbdf": OLD_RETIRED_EVENT,
             "~shard:0": OLD_SHARD, "KZ|blk:KZ:force:2022-01-06": ["evt-782eaaeef27e5c30"],
             "KZ|lsh:0:beef": [["wire", 18999]], "KZ|meta": {"clock": 18999, "days": {"18999": 1}},
             "KZ|idx:18999:0": ["art:wire"]}


def test_each_kind_of_key_decodes_to_its_record():
    assert decode("KZ|art:wire", OLD_DECISION).events[1] == Assignment("evt-cdd95de374c5572a", 1, True)
    assert decode("KZ|art:id-1", OLD_TOMBSTONE) == Tombstone(day=19008, gone="fd1a08a09264fa7c")
    assert decode("KZ|evt:evt-1e1c9a27e126cbdf", OLD_RETIRED_EVENT).retired is True
    assert decode("~shard:0", OLD_SHARD) == ShardRecord(clock=19009, keys=["KZ"])
    assert decode("KZ|blk:KZ:force:2022-01-06", ["e"]) == ["e"]  # plain JSON stays plain
    assert decode("KZ|art:x", None) is None


def test_a_state_of_the_previous_version_reads_and_writes_back_unchanged():
    """No migration: what the untyped clusterer wrote comes back as it was, as objects and as text."""
    for key, value in OLD_STATE.items():
        assert encode(decode(key, value)) == value, key
        text = orjson.dumps(value)  # what Faust's json codec put on the changelog
        assert orjson.loads(msgspec.json.encode(decode_bytes(key, text))) == value, key


def test_flags_appear_in_the_json_only_once_set():
    decision = Decision(day=1, sig=None, dup=None, story="s", events=[Assignment("e", 0, True)], version="v")
    assert encode(decision) == {"day": 1, "sig": None, "dup": None, "story": "s", "events": [["e", 0, True]],
                                "version": "v"}
    revised = msgspec.structs.replace(decision, applied=True, was=["e"])
    assert encode(revised)["applied"] is True and encode(revised)["was"] == ["e"]
    event = decode("KZ|evt:x", {**OLD_RETIRED_EVENT, "retired": False})
    assert "retired" not in encode(event)


def test_an_event_stored_before_mentions_were_counted_counts_its_listed_articles():
    legacy = copy.deepcopy(OLD_RETIRED_EVENT)
    del legacy["event"]["mentions"]
    legacy["event"]["articles"] = ["a", "b", "c"]
    assert decode("KZ|evt:x", legacy).event.mentions == 3


def test_a_tombstone_is_told_from_a_decision_whose_strings_say_gone():
    decision = {**OLD_DECISION, "story": '"gone":', "dup": "gone"}
    assert isinstance(decode_bytes("KZ|art:a", orjson.dumps(decision)), Decision)
    assert isinstance(decode_bytes("KZ|art:a", json.dumps(OLD_TOMBSTONE).encode()), Tombstone)
    assert isinstance(decode_bytes("KZ|evt:e", orjson.dumps(OLD_RETIRED_EVENT)), EventState)


def test_the_worker_storage_holds_the_same_json_and_gives_the_same_results():
    """The agent's state (JSON text, decoded records cached) against a plain dict, through
    duplicates, a revision, expiry and a replay."""
    later = _article("later", "Ten days on, a different report.", "2022-01-17T10:00:00Z", [_assault(date="2022-01-17")])
    articles = [_indonesian(), _wire(), _revised_wire(), later, _wire()]
    plain, text = {}, {}
    on_dict = Clusterer(plain, horizon_days=3)
    on_text = Clusterer(ReadCache(TypedState(text, encoded=True), limit=1000), horizon_days=3, typed=True)
    for article in articles:
        a, b = on_dict.process(article, shard=0), on_text.process(article, shard=0)
        assert (a.duplicate_of, a.story, a.expired) == (b.duplicate_of, b.story, b.expired)
        assert [e.to_dict() for e in a.events] == [e.to_dict() for e in b.events]
    assert {k: orjson.loads(v) for k, v in text.items()} == plain
    assert any(isinstance(v, dict) and "gone" in v for v in plain.values())  # expiry ran



def test_the_stored_day_index_of_the_previous_version_expires_with_its_day():
    """The index is in memory now, rebuilt from the records; chunks stored before go with their day."""
    state = json.loads(json.dumps(OLD_STATE))
    Clusterer(state).expire("2030-01-01T00:00:00Z", ["KZ"])
    assert not [k for k in state if "|idx:" in k or "|art:" in k or "|evt:" in k]
    assert state["KZ|meta"]["days"] == {}
