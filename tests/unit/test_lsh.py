"""LSH banding over a dict store: copies become candidates, buckets stay bounded."""

import numpy as np

from streams.dedup import lsh, minhash

RNG = np.random.default_rng(11)
VOCABULARY = [f"kata{i}" for i in range(5000)]


def _text(n=300):
    return " ".join(RNG.choice(VOCABULARY, n))


def _edited_copy(text):
    words = text.split()
    return " ".join(["baru"] * 5 + words[20:250] + list(RNG.choice(VOCABULARY, 40)))


def test_band_keys_are_deterministic_and_one_per_band():
    sig = minhash.signature("Demonstran menyerbu kantor wali kota Almaty pada Rabu")
    keys = lsh.band_keys(sig)
    assert len(keys) == lsh.BANDS == len(set(keys))
    assert keys == lsh.band_keys(minhash.signature("demonstran menyerbu kantor wali kota almaty pada rabu"))


def test_an_edited_copy_is_a_candidate_and_an_unrelated_text_is_not():
    state = {}
    originals = [_text() for _ in range(20)]
    for i, text in enumerate(originals):
        lsh.insert(state, lsh.band_keys(minhash.signature(text)), f"a{i}", day=100)
    for i, text in enumerate(originals):
        found = lsh.candidates(state, lsh.band_keys(minhash.signature(_edited_copy(text))))
        assert found[0] == f"a{i}"
    assert lsh.candidates(state, lsh.band_keys(minhash.signature(_text()))) == []


def test_insert_is_idempotent():
    state = {}
    keys = lsh.band_keys(minhash.signature(_text()))
    lsh.insert(state, keys, "a1", day=5)
    snapshot = {k: list(v) for k, v in state.items()}
    lsh.insert(state, keys, "a1", day=5)
    assert state == snapshot
    lsh.insert(state, keys, "a2", day=6)
    assert state[keys[0]] == [["a1", 5], ["a2", 6]]


def test_stored_signature_gives_the_same_band_keys():
    sig = minhash.signature(_text())
    assert lsh.band_keys(minhash.decode(minhash.encode(sig))) == lsh.band_keys(sig)


def test_bucket_keeps_only_the_most_recent_entries():
    state = {}
    keys = lsh.band_keys(minhash.signature("boilerplate shared by every page"))[:1]
    for i in range(lsh.BUCKET_CAP + 10):
        lsh.insert(state, keys, f"a{i}", day=1)
    bucket = state[keys[0]]
    assert len(bucket) == lsh.BUCKET_CAP
    assert bucket[-1][0] == f"a{lsh.BUCKET_CAP + 9}"


def test_prune_drops_old_days_and_empty_buckets():
    state = {}
    keys = lsh.band_keys(minhash.signature(_text()))
    lsh.insert(state, keys, "old", day=1)
    lsh.insert(state, keys, "new", day=3)
    lsh.prune(state, keys[0], 1)
    assert state[keys[0]] == [["new", 3]]
    lsh.prune(state, keys[0], 3)
    assert keys[0] not in state
    lsh.prune(state, keys[0], 3)  # a missing bucket is fine
