"""The LSH index: copies become candidates, buckets stay bounded, expired articles go."""

import numpy as np

from streams.dedup import lsh, minhash

RNG = np.random.default_rng(11)
VOCABULARY = [f"kata{i}" for i in range(5000)]


def _text(n=300):
    return " ".join(RNG.choice(VOCABULARY, n))


def _edited_copy(text):
    words = text.split()
    return " ".join(["baru"] * 5 + words[20:250] + list(RNG.choice(VOCABULARY, 40)))


def _bands(text, scope="KZ"):
    return lsh.bands(scope, minhash.signature(text))


def test_bands_are_deterministic_one_per_band_and_scoped():
    bands = _bands("Demonstran menyerbu kantor wali kota Almaty pada Rabu")
    assert len(bands) == lsh.BANDS == len(set(bands))
    assert bands == _bands("demonstran menyerbu kantor wali kota almaty pada rabu")
    assert not set(bands) & set(_bands("Demonstran menyerbu kantor wali kota Almaty pada Rabu", scope="RU"))


def test_stored_signature_gives_the_same_bands():
    sig = minhash.signature(_text())
    assert lsh.bands("KZ", minhash.decode(minhash.encode(sig))) == lsh.bands("KZ", sig)


def test_an_edited_copy_is_a_candidate_and_an_unrelated_text_is_not():
    index = lsh.BandIndex()
    originals = [_text() for _ in range(400)]  # past MERGE_AT band entries: most are merged, the rest recent
    for i, text in enumerate(originals):
        index.insert("KZ", f"a{i}", _bands(text))
    assert len(index) == 400
    for i in (0, 150, 399):
        assert index.candidates(_bands(_edited_copy(originals[i])))[0] == f"a{i}"
    assert index.candidates(_bands(_text())) == []
    assert index.candidates(_bands(_edited_copy(originals[0]), scope="RU")) == []


def test_insert_is_idempotent():
    index = lsh.BandIndex()
    text = _text()
    index.insert("KZ", "a1", _bands(text))
    index.insert("KZ", "a1", _bands(text))
    assert len(index) == 1
    assert index.candidates(_bands(text)) == ["a1"]


def test_a_shared_band_counts_only_its_most_recent_articles():
    index = lsh.BandIndex()
    boilerplate = [12345]
    for i in range(lsh.BUCKET_CAP + 16):
        index.insert("KZ", f"a{i}", boilerplate)
    assert index.candidates(boilerplate) == [f"a{i}" for i in range(16, 16 + lsh.MAX_CANDIDATES)]


def test_removed_articles_are_no_candidates_before_or_after_a_merge():
    index = lsh.BandIndex()
    texts = [_text() for _ in range(400)]
    for i, text in enumerate(texts):
        index.insert("KZ", f"a{i}", _bands(text))
    for i in range(0, 300):  # most of them: the next merge compacts the arrays
        index.remove("KZ", f"a{i}")
    assert index.candidates(_bands(texts[10])) == []
    more = [_text() for _ in range(300)]
    for i, text in enumerate(more):
        index.insert("KZ", f"b{i}", _bands(text))
    assert len(index) == 400
    assert index.candidates(_bands(texts[10])) == []
    assert index.candidates(_bands(_edited_copy(texts[350])))[0] == "a350"
    assert index.candidates(_bands(_edited_copy(more[5])))[0] == "b5"
    index.remove("KZ", "a350")
    index.remove("KZ", "a350")  # twice is fine
    assert "a350" not in index.candidates(_bands(texts[350]))


def test_stored_buckets_of_earlier_state_are_pruned_by_day():
    state = {}
    keys = lsh.band_keys(minhash.signature(_text()), 32)
    assert len(keys) == 32
    state[keys[0]] = [["old", 1], ["new", 3]]
    lsh.prune(state, keys[0], 1)
    assert state[keys[0]] == [["new", 3]]
    lsh.prune(state, keys[0], 3)
    assert keys[0] not in state
    lsh.prune(state, keys[0], 3)  # a missing bucket is fine
