"""Ways of saying the weak types that the lexicons lacked (issue 10, types16), rebuilt from the PLOVER
definitions and the coding conventions rather than from tune's articles; sentences written for these tests,
each kind checked in the languages where it exists."""

import pytest

from tests.unit.test_events import extract


def types(text, lang):
    return sorted({e.type for e in extract(text, lang)})


@pytest.mark.parametrize("lang, text", [
    ("en", "The European Union warned on Monday that it would suspend aid to Chad if the junta kept the president."),
    ("id", "Uni Eropa pada Senin memperingatkan akan menghentikan bantuan kepada Chad jika junta tidak membebaskan presiden."),
    ("ms", "Kesatuan Eropah pada Isnin memberi amaran akan menghentikan bantuan kepada Chad jika junta tidak membebaskan presiden."),
    ("es", "La Unión Europea advirtió el lunes que suspenderá la ayuda a Chad si la junta no libera al presidente."),
])
def test_a_sanction_a_warning_says_will_come_is_a_threat(lang, text):
    assert types(text, lang) == ["THREATEN"]
