"""A host government's demand that another state's diplomats leave: the expulsion itself.

"Venezuela demanded that seven countries withdraw their diplomatic staff from the country", "exigió ...
retirar a su personal diplomático del país", "mengarahkan diplomat Thailand meninggalkan negara itu": the
demander is the state the diplomats are in, so the demand sends them home (PLOVER SANCTION: expel
diplomats), it asks nothing of anyone. A third party's call ("urged Britain to withdraw its diplomats from
Kabul") stays a request. Words are data (events.json ``diplomats_sent_home``): ``diplomats`` (nouns of
diplomats and their staff), ``departures`` (verbs of leaving or pulling out) and ``host_places`` (phrases
naming the host's own country without a name: "the country", "del país", "negara itu").
"""

from __future__ import annotations

import re
from functools import lru_cache

from streams.nlp.fuzzy import fold
from streams.nlp.textutil import load_data, whole_words_re

#: words at most after a request in which its diplomats and their departure are read (the states asked
#: may be listed between: "exigió a Argentina, Chile, Costa Rica, ... y Uruguay retirar a su personal")
DEPARTURE_REACH = 24


@lru_cache(maxsize=None)
def _words_re(lang: str, key: str) -> re.Pattern | None:
    """The phrases of one list of events.json ``diplomats_sent_home``, each whole words."""
    spec = (load_data(lang, "events") or {}).get("diplomats_sent_home") or {}
    return whole_words_re(fold(w) for w in spec.get(key, []))


def departure_span(folded: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """Where, in ``folded[start:end]`` (the words after a request), diplomats are told to leave: the span
    from the word of departure to the last word read (at most ``DEPARTURE_REACH`` words), where whence
    they leave is told, or None when the words name no diplomats or no departure."""
    diplomats, departures = _words_re(lang, "diplomats"), _words_re(lang, "departures")
    if diplomats is None or departures is None:
        return None
    words = list(re.finditer(r"\S+", folded[start:end]))[:DEPARTURE_REACH]
    if not words:
        return None
    stop = start + words[-1].end()
    who, leave = diplomats.search(folded, start, stop), departures.search(folded, start, stop)
    if who is None or leave is None:
        return None
    return leave.start(), stop


def names_host(folded: str, start: int, end: int, lang: str) -> bool:
    """``folded[start:end]`` names, without a name, the country the speaker is in ("from the country",
    "del país", "du pays", "dari negara itu", "negara ini")."""
    pattern = _words_re(lang, "host_places")
    return bool(pattern and pattern.search(folded, start, end))
