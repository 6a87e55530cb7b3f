"""``fold`` keeps offsets, so finders fold a whole text once and slice it per word."""

import re

from streams.nlp.fuzzy import fold

_SAMPLES = [
    "Bogotá, Azerbaïdjan and KAZAKHSTAN",
    "ΟΔΟΣ.Α ΟΔΟΣ Σ σ ς — İstanbul’s straße ﬁnal",
    "Ǆemal ǅ Ǉ ﬀ ß ẞ Ⅻ ½ ① Æsir Øresund",
    "kata polisi di Jakarta Selatan, 12 orang tewas",
]


def test_slice_of_fold_is_fold_of_slice():
    for text in _SAMPLES:
        whole = fold(text)
        assert len(whole) == len(text)
        for m in re.finditer(r"\w+|\W+", text):
            assert whole[m.start() : m.end()] == fold(m.group()), m.group()
