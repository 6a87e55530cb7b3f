"""The synthetic future of Spanish and French verbs: an act to come, never a deed.

Spanish and French mark the future on the verb ("protestarán", "se manifestarán", "manifesteront"),
not with a modal word before it as "will" or "akan" do; in reported speech the conditional is the
future of the past ("advirtió que atacarían", "a averti qu'ils bombarderaient"). The verb families of morph_verbs.json
generate these forms in entries flagged ``future``: force, a protest or a sanction a speaker
announces that way is a THREATEN (PLOVER: threats of force and of political dissent); without a
speaker, and for other types (a meeting to come), there is no event. Sentences written for these tests.
"""

from streams.nlp.morph_lexicon import es_forms, fr_forms
from tests.unit.test_events import extract


def types(text, lang):
    return [e.type for e in extract(text, lang)]


def test_spanish_future_forms_are_generated_with_irregular_stems():
    assert es_forms({"v": "protestar"})["future"] == ["protestará", "protestarán", "protestaremos",
                                                      "protestaría", "protestarían"]
    assert es_forms({"v": "mantener"})["future"][:2] == ["mantendrá", "mantendrán"]
    assert es_forms({"v": "mantener"})["future"][3:] == ["mantendría", "mantendrían"]
    assert es_forms({"v": "reunir"})["pronominal_future"] == ["se reunirá", "se reunirán", "se reuniría",
                                                              "se reunirían", "nos reuniremos"]


def test_french_future_forms_are_generated():
    assert fr_forms({"v": "manifester"})["future"] == ["manifestera", "manifesteront", "manifesterons",
                                                       "manifesterait", "manifesteraient"]
    assert fr_forms({"v": "affronter"})["pronominal_future"][:2] == ["s'affrontera", "s'affronteront"]


def test_a_protest_a_speaker_announces_in_the_future_is_a_threat():
    assert types("Los mineros protestarán el martes ante la gobernación, dijo su vocero.", "es") == ["THREATEN"]
    assert types("Los maestros se manifestarán el jueves en la plaza, dijo una dirigente.", "es") == ["THREATEN"]
    assert types("Les infirmières manifesteront jeudi devant la préfecture, a déclaré leur syndicat.",
                 "fr") == ["THREATEN"]


def test_force_a_speaker_announces_in_the_future_is_a_threat():
    assert types("Las tropas atacarán el puerto, afirmó el coronel.", "es") == ["THREATEN"]
    assert types("L'aviation bombardera les positions rebelles, a affirmé le colonel.", "fr") == ["THREATEN"]


def test_a_future_act_nobody_announces_is_no_event():
    assert types("Los mineros protestarán el martes ante la gobernación.", "es") == []
    assert types("Les infirmières manifesteront jeudi devant la préfecture.", "fr") == []


def test_a_meeting_to_come_is_no_consult():
    assert "CONSULT" not in types("Los cancilleres de ambos países se reunirán el lunes en Lima, dijo el vocero.",
                                  "es")
    assert "CONSULT" not in types("Les ministres des deux pays se réuniront lundi à Dakar, a dit le porte-parole.",
                                  "fr")


def test_several_speakers_announce_a_future_too():
    assert types("Los jubilados protestarán el viernes ante el congreso, informaron sus dirigentes.", "es") == ["THREATEN"]
    assert types("Les infirmières manifesteront jeudi devant la préfecture, ont déclaré leurs syndicats.",
                 "fr") == ["THREATEN"]


def test_the_future_of_french_ir_verbs_is_read_as_a_future():
    assert types("Le collectif envahira la mairie lundi, a déclaré son porte-parole.", "fr") == ["THREATEN"]


def test_force_a_speaker_announced_in_the_conditional_is_a_threat():
    assert types("El coronel advirtió que las tropas atacarían el puerto.", "es") == ["THREATEN"]
    assert types("Le colonel a averti que l'aviation bombarderait les positions rebelles.", "fr") == ["THREATEN"]


def test_a_conditional_nobody_reports_and_a_meeting_in_the_conditional_are_no_events():
    assert types("Las tropas atacarían el puerto.", "es") == []
    assert types("L'aviation bombarderait les positions rebelles.", "fr") == []
    assert "CONSULT" not in types("El vocero dijo que los cancilleres se reunirían el lunes en Lima.", "es")
