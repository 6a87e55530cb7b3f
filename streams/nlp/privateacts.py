"""Speech acts, agreements and meetings of private parties in a sports text: no PLOVER event.

PLOVER codes what states, their bodies and organised groups do; the conventions leave sports uses
out. In a text the topic classifier files under sports, a match referee reprimanding two players or
former players calling for changes in a team are quarrels of private people. Such an act
(``sports_story_types`` of plover.json) is kept only when one of its parties is public: a country, a
sector of it other than ``private_sectors`` (civilians, the media, business), an international body,
an armed group (coded as its country's rebels), a public person of ``persons.json``, or an official
the text titles with a state office (the sports minister urging the federation to act is an event).
"""

from __future__ import annotations

from functools import lru_cache

from streams.nlp.actors import organisation_codes
from streams.nlp.textutil import load_data
from streams.nlp.triggers import plover_list
from streams.records import ExtractedEvent

#: the topic whose texts this check reads
SPORTS_TOPIC = "sports"


@lru_cache(maxsize=1)
def _public_persons() -> frozenset[str]:
    """The canonical names of ``persons.json`` (heads of state, ministers, leaders of parties and groups)."""
    return frozenset(item["name"] for item in (load_data("common", "persons") or {}).get("persons", []))


def public_party(code: str, officials: frozenset[str]) -> bool:
    """An actor or target code names a state, a public body or a group, or a public person."""
    if ":" in code:
        return code.split(":", 1)[1] not in plover_list("private_sectors")
    if code.isupper() and code.isalpha() and len(code) == 2:
        return True  # a country
    return code in organisation_codes() or code in _public_persons() or code in officials


def private_act(event: ExtractedEvent, officials: frozenset[str]) -> bool:
    """A speech act, agreement or meeting (``sports_story_types``) none of whose parties is public."""
    return (event.type in plover_list("sports_story_types")
            and not any(public_party(code, officials) for code in [*event.actors, *event.targets]))
