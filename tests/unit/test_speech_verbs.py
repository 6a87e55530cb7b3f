"""Verbs of saying generated from a verb table (morph_verbs.json ``report_verbs``), and what a speaker announces.

A sentence with a verb of saying tells someone's words: force or a protest it announces in the
future is a THREATEN (PLOVER: "the minister said Khan will be arrested again"). The hand-made
``report_markers`` held a dozen preterites; a speaker who "warned" ("advirtió", "a averti",
"a-t-il prévenu", Malay "menegaskan") announced nothing. The table lists verbs; their tenses, persons and
the French inverted forms after a quotation are generated. Sentences written for these tests.
"""

from streams.nlp.morph_lexicon import report_phrases
from tests.unit.test_events import extract


def types(text, lang):
    return [e.type for e in extract(text, lang)]


def test_spanish_forms_of_a_verb_of_saying_cover_tenses_and_persons():
    forms = report_phrases("es", {"v": "advertir", "pres": ["advierte", "advierten"], "pret": ["advirtió", "advirtieron"]})
    assert {"advirtió", "advirtieron", "advierte", "ha advertido", "habían advertido"} <= set(forms)


def test_french_forms_of_a_verb_of_saying_include_the_inverted_ones():
    forms = report_phrases("fr", {"v": "avertir", "part": "averti"})
    assert {"a averti", "ont averti", "a-t-il averti", "a-t-elle averti", "ont-ils averti", "avertit"} <= set(forms)
    assert {"déclare-t-il", "déclarent-elles"} <= set(report_phrases("fr", {"v": "déclarer"}))
    assert "dit-il" in report_phrases("fr", {"v": "dire", "pres": ["dit", "disent"], "part": "dit"})


def test_an_arrest_a_speaker_warns_of_is_a_threat_in_spanish_and_french():
    assert types("El gobernador advirtió que la policía detendrá a los saqueadores.", "es") == ["THREATEN"]
    assert types("« La police arrêtera les pilleurs », a-t-il prévenu devant la presse.", "fr") == ["THREATEN"]


def test_force_or_a_protest_announced_by_a_speaker_who_stressed_it_is_a_threat():
    assert types("Los camioneros bloquearán las rutas, recalcó el dirigente gremial.", "es") == ["THREATEN"]
    assert types("Ketua polis menegaskan polis akan menangkap para perusuh.", "ms") == ["THREATEN"]


def test_the_future_without_a_speaker_stays_no_event():
    assert types("La policía detendrá a los saqueadores.", "es") == []
    assert types("La police arrêtera les pilleurs.", "fr") == []


def test_a_retreat_a_speaker_announces_for_the_future_is_a_concession():
    # PLOVER CONCEDE: declaring (not implementing) a withdrawal; offering to release or resign
    assert types("El gobierno anunció el jueves que retirará sus tropas de la zona.", "es") == ["CONCEDE"]
    assert types("Les rebelles libéreront les otages lundi, a déclaré leur porte-parole.", "fr") == ["CONCEDE"]
    assert types("Pemerintah mengatakan akan menarik pasukannya dari wilayah itu.", "id") == ["CONCEDE"]
    assert types("The rebels will release the hostages on Monday, their spokesman said.", "en") == ["CONCEDE"]


def test_a_retreat_noun_after_a_distant_future_is_no_concession():
    assert types("Ia menegaskan evakuasi akan tetap dilanjutkan hingga batas waktu penarikan pasukan.", "id") == []
    assert types("El gobierno retirará sus tropas de la zona.", "es") == []  # nobody announces it


def test_hostages_released_are_no_new_kidnapping():
    assert types("La guerrilla liberó el jueves a tres rehenes en Colombia.", "es") == ["RETREAT"]
