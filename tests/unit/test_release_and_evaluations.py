"""Releases of women and of people named by their past arrest; characterisations as unjust, and
welcomes (es17).

PLOVER RETREAT (release): "fueron excarceladas" frees women as "fueron excarcelados" frees men,
and the arrest participle that tells who is freed ("personas detenidas durante las protestas
fueron excarceladas") is what was done to them before, no arrest of the story. PLOVER DISAPPROVE
(ACCUSE): calling a measure unjust or arbitrary; SUPPORT: welcoming an act as good news.
Sentences written for these tests.
"""

import pytest

from tests.unit.test_events import extract


def types(text, lang):
    return sorted(e.type for e in extract(text, lang))


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Las cinco presas políticas fueron excarceladas el viernes del penal de Ilopango.", "es"),
        ("Las 40 mujeres detenidas durante el desalojo fueron excarceladas el viernes.", "es"),
        ("Les 40 femmes arrêtées lors de l'évacuation ont été libérées vendredi.", "fr"),
    ],
)
def test_a_release_is_no_arrest_of_those_it_frees(text, lang):
    assert types(text, lang) == ["RETREAT"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ('El canciller calificó el lunes la medida de "injusta".', "es"),
        ("The foreign minister called the levy unjust on Monday.", "en"),
        ("Le ministre a qualifié lundi la taxe d'arbitraire.", "fr"),
    ],
)
def test_calling_a_measure_unjust_or_arbitrary_is_criticism(text, lang):
    assert types(text, lang) == ["ACCUSE"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ('El canciller saludó el lunes el nombramiento como "una buena noticia".', "es"),
        ("Le ministre a salué lundi la nomination comme une bonne nouvelle.", "fr"),
    ],
)
def test_welcoming_an_act_as_good_news_is_support(text, lang):
    assert types(text, lang) == ["SUPPORT"]
