"""A person recognised as president, a phone call held, a formal request filed (es17).

PLOVER SUPPORT covers recognition ("reconoce a X como presidente", "recognizes X as
president-elect", "reconnaît X comme président"); CONSULT covers telephone calls ("sostuvo una
llamada con"); REQUEST covers formal requests filed ("petición de comparecencia", "filed a
request", "ont demandé l'audition"). Sentences written for these tests.
"""

import pytest

from tests.unit.test_events import extract


def types(text, lang):
    return [e.type for e in extract(text, lang)]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Bolivia reconoció el lunes a Luis Caputo como presidente electo.", "es", "SUPPORT"),
        ("Bolivia recognized Luis Caputo as president-elect on Monday.", "en", "SUPPORT"),
        ("La Bolivie a reconnu lundi Luis Caputo comme président élu.", "fr", "SUPPORT"),
        ("La canciller argentina sostuvo el lunes una llamada con su homólogo chileno.", "es", "CONSULT"),
        ("Vox registró el lunes en el Congreso una petición de comparecencia del ministro.", "es", "REQUEST"),
        ("The opposition filed a request on Monday for the minister to appear before parliament.", "en", "REQUEST"),
        ("Les députés ont demandé lundi l'audition du ministre.", "fr", "REQUEST"),
    ],
)
def test_recognition_calls_and_filed_requests(text, lang, expected):
    assert types(text, lang) == [expected]
