"""State key formats: each built and parsed in one place, and told apart by ``kind``."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from streams.dedup import keys, lsh, matching, minhash

ids = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
scopes = st.sampled_from(["KZ", "ID", "ZZ-en", "ZZ-und"])


@given(scopes, ids)
def test_article_and_event_keys_round_trip_scoped_or_not(scope, some_id):
    assert keys.article_id(keys.article(some_id)) == some_id
    assert keys.article_id(keys.scoped(scope, keys.article(some_id))) == some_id
    assert keys.event_id(keys.scoped(scope, keys.event(some_id))) == some_id
    assert keys.unscoped(keys.scoped(scope, keys.event(some_id))) == (scope, keys.event(some_id))
    assert keys.kind(keys.scoped(scope, keys.article(some_id))) == keys.ARTICLE
    assert keys.kind(keys.scoped(scope, keys.event(some_id))) == keys.EVENT


@given(st.sampled_from(["KZ", "ZZ"]), st.sampled_from(["force", "PROTEST", "NONE"]), st.dates().map(str))
def test_block_keys_round_trip(country, family, day):
    key = keys.block(country, family, day)
    assert keys.block_parts(key) == (country, family, day)
    assert keys.kind(keys.scoped("KZ", key)) == keys.BLOCK


@given(st.integers(0, 31), st.integers(0, 2**32 - 1), st.integers(0, 30000), st.integers(0, 100))
def test_band_index_and_shard_keys_round_trip(number, value, day, n):
    assert keys.band_parts(keys.band(number, value)) == (number, value)
    assert keys.index_parts(keys.index_chunk(day, n)) == (day, n)
    assert keys.shard_of(keys.shard(n)) == n
    assert keys.kind(keys.scoped("KZ", keys.band(number, value))) == keys.BAND
    assert keys.kind(keys.scoped("KZ", keys.index_chunk(day, n))) == keys.INDEX
    assert keys.kind(keys.shard(n)) == keys.SHARD


def test_the_formats_are_those_the_state_has_always_used():
    """A state written by an earlier version is read without migration: the formats do not move."""
    assert keys.scoped("KZ", keys.article("wire")) == "KZ|art:wire"
    assert keys.scoped("KZ", keys.event("evt-1")) == "KZ|evt:evt-1"
    assert matching.block_key("KZ", "COERCE", "2022-01-06") == "blk:KZ:force:2022-01-06"
    assert keys.band(3, 0xBEEF) == "lsh:3:beef"
    assert keys.index_chunk(19000, 2) == "idx:19000:2"
    assert keys.scoped("KZ", keys.META) == "KZ|meta"
    assert keys.shard(1) == "~shard:1"
    assert keys.scoped(keys.dated_index(0), keys.META) == "~expiry:0|meta"


def test_lsh_builds_its_bucket_keys_here():
    sig = minhash.signature("one two three four five six seven eight nine ten eleven twelve")
    for number, key in enumerate(lsh.band_keys(sig, 32)):
        assert keys.band_parts(key)[0] == number


def test_kind_tells_meta_from_a_longer_key_and_unknown_keys_apart():
    assert keys.kind("KZ|meta") == keys.META
    assert keys.kind("~expiry:0|meta") == keys.META
    assert keys.kind("KZ|metal") == ""
    assert keys.kind("last") == ""


def test_parsing_a_key_of_another_format_fails_loudly():
    with pytest.raises(ValueError):
        keys.article_id("KZ|evt:evt-1")
