"""Kinds of false alarm found on unlabelled real journalism (issue 10, precision11): each test
holds sentences written for it, in two or more languages, that name no new act of the story."""

import pytest

from tests.unit.test_events import extract


def types_of(text, lang):
    return sorted(e.type for e in extract(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("en", "Thousands of prisoners came home. Some were soldiers seized near Kherson in the early days of the war."),
    ("id", "Ribuan tawanan pulang. Sebagian adalah tentara yang ditangkap di Kherson pada awal perang."),
    ("ms", "Ribuan tawanan pulang. Sebahagian ialah askar yang ditangkap di Kherson pada awal perang."),
    ("fr", "Des milliers de prisonniers sont rentrés. Certains sont des soldats capturés près de Kherson au début de la guerre."),
    ("es", "Miles de prisioneros volvieron. Algunos son soldados capturados cerca de Jersón al comienzo de la guerra."),
])
def test_a_deed_dated_by_the_opening_days_of_a_war_is_history(lang, text):
    assert "COERCE" not in types_of(text, lang)
