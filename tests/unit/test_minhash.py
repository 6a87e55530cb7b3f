"""MinHash signatures: stable under formatting, symmetric, and close to the true Jaccard."""

import os
import subprocess
import sys

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from streams.dedup import minhash

WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzäéñçö0123456789", min_size=1, max_size=8), min_size=1, max_size=60
)
SEPARATORS = st.sampled_from([" ", "  ", "\n", "\t", " \n ", ", ", ". ", " - "])


@settings(max_examples=50, deadline=None)
@given(WORDS, st.data())
def test_signature_ignores_whitespace_punctuation_and_case(words, data):
    plain = " ".join(words)
    reformatted = "".join(
        (w.upper() if data.draw(st.booleans()) else w) + data.draw(SEPARATORS) for w in words
    )
    assert np.array_equal(minhash.signature(plain), minhash.signature(reformatted))


@settings(max_examples=50, deadline=None)
@given(WORDS)
def test_identical_text_estimates_one(words):
    text = " ".join(words)
    assert minhash.estimate(minhash.signature(text), minhash.signature(text)) == 1.0


@settings(max_examples=50, deadline=None)
@given(WORDS, WORDS)
def test_estimate_is_symmetric_and_a_fraction(a, b):
    sa, sb = minhash.signature(" ".join(a)), minhash.signature(" ".join(b))
    value = minhash.estimate(sa, sb)
    assert value == minhash.estimate(sb, sa)
    assert 0.0 <= value <= 1.0


def _exact_jaccard(a: str, b: str) -> float:
    sa, sb = set(minhash.shingle_hashes(a).tolist()), set(minhash.shingle_hashes(b).tolist())
    return len(sa & sb) / len(sa | sb)


def test_estimate_tracks_exact_jaccard_for_an_edited_copy():
    rng = np.random.default_rng(7)
    vocabulary = [f"w{i}" for i in range(3000)]
    original = " ".join(rng.choice(vocabulary, 400))
    words = original.split()
    copy = " ".join(["new", "opening", "line"] + words[40:300] + list(rng.choice(vocabulary, 60)))
    exact = _exact_jaccard(original, copy)
    estimated = minhash.estimate(minhash.signature(original), minhash.signature(copy))
    assert 0.3 < exact < 0.7
    assert abs(estimated - exact) < 0.15  # 3 standard errors at 128 permutations
    unrelated = " ".join(rng.choice(vocabulary, 400))
    assert minhash.estimate(minhash.signature(original), minhash.signature(unrelated)) < 0.1


def test_scripts_without_spaces_are_shingled_by_character():
    # a whole sentence of Han characters is not one token
    assert len(minhash.tokens("北京今天下雨")) == 6
    assert minhash.tokens("Reuters北京") == ["reuters", "北", "京"]
    assert minhash.tokens("Kabar, BERITA! 2022") == ["kabar", "berita", "2022"]


def test_text_without_words_has_no_signature():
    for text in ["", "   ", "!!! ... ---", None, 42]:
        assert minhash.signature(text) is None


def test_short_text_still_has_a_signature():
    assert minhash.signature("Gempa") is not None
    assert minhash.estimate(minhash.signature("gempa bumi"), minhash.signature("GEMPA  bumi!")) == 1.0


def test_encoded_signature_round_trips_and_compares_with_the_full_one():
    sig = minhash.signature("Polisi menembakkan gas air mata di Stadion Kanjuruhan, Malang.")
    stored = minhash.decode(minhash.encode(sig))
    assert np.array_equal(stored, minhash.compact(sig))
    assert minhash.estimate(sig, stored) == 1.0
    assert minhash.decode("not base64 at all!") is None
    assert minhash.decode("AAAA") is None


def test_signature_is_the_same_in_another_process():
    """The state outlives the process: a salted hash would break it."""
    text = "Security forces swept through Almaty on Thursday"
    code = (
        "from streams.dedup import minhash; "
        f"print(minhash.encode(minhash.signature({text!r})))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert other.stdout.strip() == minhash.encode(minhash.signature(text))


def test_huge_page_gets_a_signature():
    huge = " ".join(f"w{i}" for i in range(200_000))
    assert minhash.estimate(minhash.signature(huge), minhash.signature(huge + " tail")) > 0.99


def test_signatures_never_change():
    # stored decisions keep signatures for the whole horizon: a faster computation must give the
    # same minimums (these digests are the code's of before the in-place arithmetic), a long page too
    import hashlib

    texts = {"Protesters marched on the parliament in Jakarta on Monday, demanding the minister resign.":
             "ddef8ef1b7622f66",
             "Ribuan buruh berunjuk rasa di depan gedung DPR pada hari Senin menuntut kenaikan upah.":
             "0686a18f421b3344",
             "x " * 5000: "e712ab95ec08b102"}
    for text, digest in texts.items():
        assert hashlib.sha256(minhash.signature(text).tobytes()).hexdigest()[:16] == digest
