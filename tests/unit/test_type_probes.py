"""The probe sentences of type_probes.tsv (issue 10, low27; typ29 added RETREAT, SUPPORT, censorship of the
press and orders to a party): THREATEN, SANCTION, CONCEDE and COOPERATE in
each of their PLOVER modes, and the near-misses of REQUEST, written from the definitions in the five
languages and in the forms a journalist uses (verb, noun and light verb, passive, reported speech, perfect,
with and without a named target), each with the neighbouring reading it must not take; lex29 added the
other types (ACCUSE to REQUEST) in es, fr, id and ms, from the gaps of a coverage audit of the lexicons. A row
marked '+?' is a known gap: it is expected to fail, and the test says so when it starts to pass."""

from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.events_in_text import events_in

PROBES = Path(__file__).with_name("type_probes.tsv")
PUBLISHED = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)  # a Thursday: "Wednesday" is 2 December


def _probes() -> list:
    rows = []
    for line in PROBES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, event_type, expect, mode, form, text = line.split("\t")
        marks = [pytest.mark.xfail(strict=True, reason="known gap")] if expect == "+?" else []
        rows.append(pytest.param(lang, event_type, expect.startswith("+"), text,
                                 id=f"{lang}-{event_type}-{expect}-{mode}-{form}", marks=marks))
    return rows


@pytest.mark.parametrize("lang, event_type, present, text", _probes())
def test_probe_sentence_takes_its_type_or_not(lang, event_type, present, text):
    types = [e.type for e in events_in(text, lang, PUBLISHED)]
    assert (event_type in types) == present, types


def test_every_probe_type_has_sentences_in_five_languages_both_ways():
    rows = [line.split("\t") for line in PROBES.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    for event_type in ("THREATEN", "SANCTION", "CONCEDE", "COOPERATE"):
        langs = {r[0] for r in rows if r[1] == event_type and r[2] == "+"}
        assert langs == {"en", "es", "fr", "id", "ms"}, event_type
        assert any(r[1] == event_type and r[2] == "-" for r in rows), event_type
