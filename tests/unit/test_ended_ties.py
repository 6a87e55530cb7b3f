"""An agreement, cooperation or aid that a verb of ending governs is the act of ending it.

PLOVER SANCTION (discontinue) covers withdrawing from agreements, breaking off cooperation and
stopping aid; the noun of the tie alone would make the act an AGREE or a COOPERATE. The verbs
(events.json ``ending_markers``, ``ended_markers``) stand before the noun in its clause or, as a
passive, right after it; an agreement made to end something stays an agreement. Sentences written
for these tests.
"""

from tests.unit.test_events import extract


def types(text, lang):
    return [e.type for e in extract(text, lang)]


def test_a_revoked_or_suspended_cooperation_is_a_sanction_in_every_language():
    assert types("Niger on Monday revoked its military cooperation agreement with the United States.", "en") == ["SANCTION"]
    assert types("Níger revocó el lunes su acuerdo de cooperación militar con Estados Unidos.", "es") == ["SANCTION"]
    assert types("Le Niger a rompu lundi son accord de coopération militaire avec les États-Unis.", "fr") == ["SANCTION"]
    assert types("Niger pada Senin membatalkan perjanjian kerja sama militer dengan Amerika Serikat.", "id") == ["SANCTION"]
    assert types("Kerajaan pada Isnin menggantung kerjasama ketenteraan dengan Perancis.", "ms") == ["SANCTION"]


def test_a_tie_ended_in_the_passive_is_a_sanction():
    assert types("Kerja sama militer itu dibekukan pada Senin.", "id") == ["SANCTION"]


def test_an_agreement_to_end_something_stays_an_agreement():
    assert types("The two sides signed an agreement on Monday to end the war.", "en") == ["AGREE"]
    assert types("Las partes firmaron el lunes un acuerdo para poner fin a la guerra.", "es") == ["AGREE"]
    assert types("Kedua pihak pada Senin menandatangani kesepakatan untuk mengakhiri perang.", "id") == ["AGREE"]
    assert types("Kedua-dua pihak pada Isnin menandatangani perjanjian untuk menamatkan perang.", "ms") == ["AGREE"]
