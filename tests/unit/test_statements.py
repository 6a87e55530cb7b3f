"""Statements as speech acts: what a speaker says of something decides the PLOVER type.

A characterising verb ("called", "menyebut", "a qualifié", "calificó") is an event only with an
evaluation after it, and takes that evaluation's type (condemnation: ACCUSE, denial: REJECT,
praise: SUPPORT); strong evaluations predicated after a speech verb are the same acts; refusing
to withdraw or resign is a REJECT, general resolve is not. Sentences written for these tests.
"""

from streams.nlp.triggers import find_triggers

from tests.unit.test_events import extract


def types(sentence, lang="en"):
    return [(h.trigger.type, h.trigger.mode) for h in find_triggers(sentence, lang)]


def test_a_characterising_verb_takes_the_type_of_its_evaluation():
    assert types("The foreign minister called the raid reckless.") == [("ACCUSE", "disapprove")]
    assert types("A spokesman called the reports baseless.") == [("REJECT", None)]
    assert types("The envoy described the ceasefire as a positive step.") == [("SUPPORT", None)]
    assert types("Menteri itu menyebut keputusan tersebut tidak sah.", "id") == [("ACCUSE", "disapprove")]
    assert types("Juru bicara itu menyebut kabar tersebut hoaks.", "id") == [("REJECT", None)]
    assert types("La ministre a qualifié la frappe d'acte terroriste.", "fr") == [("ACCUSE", "disapprove")]
    assert types("La portavoz calificó las denuncias de infundadas.", "es") == [("REJECT", None)]
    assert types("Menteri itu menggambarkan tindakan tersebut sebagai provokasi.", "ms") == [("ACCUSE", "disapprove")]


def test_a_characterising_verb_without_an_evaluation_is_no_event():
    assert types("The opposition called a press conference for Monday.") == []
    assert types("Polisi menyebut tiga orang ditahan di lokasi.", "id") == [("COERCE", "arrest")]
    assert types("El gobierno calificó la jornada de tranquila.", "es") == []


def test_an_evaluation_far_after_the_verb_is_not_its_content():
    sentence = ("Officials described the building plans for schools, roads, bridges and hospitals in the capital, "
                "which critics find costly and illegal")
    assert ("ACCUSE", "disapprove") not in types(sentence)


def test_the_evaluation_is_one_act_with_its_verb():
    assert types("The ambassador called the strike a flagrant violation of international law.") == [
        ("ACCUSE", "disapprove")]


def test_what_is_characterised_stays_an_event_of_its_own():
    kinds = sorted(e.type for e in extract("On Thursday the minister called the shelling of Almaty reckless."))
    assert kinds == ["ACCUSE", "ASSAULT"]


def test_a_strong_evaluation_after_a_speech_verb_is_a_condemnation_or_a_denial():
    assert ("ACCUSE", "disapprove") in types("The ministry said the detentions were illegal.")
    assert ("REJECT", None) in types("A government spokeswoman said the claims were false.")
    assert ("REJECT", None) in types("Kabar itu mengada-ada, ujar juru bicara kementerian.", "id")
    assert ("REJECT", None) in types("El portavoz dijo que la noticia es falsa.", "es")


def test_the_same_words_without_a_speaker_are_no_statement():
    assert types("Mining without a permit is illegal in most provinces.") == []
    assert types("Penyebaran hoaks meningkat menjelang pemilu.", "id") == []
    assert ("ACCUSE", "disapprove") not in types("Police said illegal miners were detained near the river.")


def test_refusing_to_withdraw_or_resign_is_a_rejection_but_resolve_is_not():
    assert types("The president said he will not step down.") == [("REJECT", None)]
    assert types("Panglima menegaskan pasukannya tidak akan menarik diri dari kota itu.", "id") == [("REJECT", None)]
    assert types("Le Premier ministre ne démissionnera pas, a dit son porte-parole.", "fr") == [("REJECT", None)]
    assert ("REJECT", None) not in types("\"We will not back down,\" the governor said.")
    assert ("REJECT", None) not in types("Kami tidak akan gentar, kata menteri itu.", "id")


def test_an_agreement_named_again_is_no_new_agreement():
    assert types("The agreement says nothing about the border towns.") == []
    assert types("El acuerdo no menciona a los refugiados.", "es") == []
    assert types("Both sides signed a ceasefire agreement on Thursday.")[0][0] == "AGREE"


def test_an_order_to_ones_own_forces_is_how_the_act_is_done_not_a_request():
    assert ("REQUEST", None) not in types("The rebel leader ordered his fighters back to their camps.")
    assert ("REQUEST", None) not in types("Komandan itu memerintahkan pasukannya kembali ke barak.", "id")
    assert ("REQUEST", None) in types("The president ordered the interior minister to explain the shooting.")


def test_a_characterisation_after_the_act_it_repeats_is_the_same_act():
    assert types("Bolivia condenó el ataque y lo calificó de cobarde.", "es") == [("ACCUSE", "disapprove")]
    assert types("The minister condemned the raid, calling it barbaric.") == [("ACCUSE", "disapprove")]


def test_a_call_on_a_named_party_to_act_is_a_request():
    assert ("REQUEST", None) in types("Le président a appelé Israël à cesser les frappes.", "fr")
    assert ("REQUEST", None) in types("La ministre a exhorté Kigali à retirer ses troupes.", "fr")


def test_the_window_after_a_characterising_verb_counts_whole_words():
    # "la" is also inside "violación": the window must end after its eighth word, not at that inner "la"
    assert types("La cancillería calificó el hecho de una grave violación de la soberanía.", "es") == [
        ("ACCUSE", "disapprove")]


def test_blame_and_denial_words_of_each_language():
    assert types("Kapolri menyebut aksi itu ditunggangi kelompok tertentu.", "id") == [("ACCUSE", "allege")]
    assert types("Kerajaan menyifatkan dakwaan itu sebagai tidak berasas.", "ms") == [("REJECT", None)]
    assert types("Officials said the charges were politically motivated.") == [("REJECT", None)]


def test_bilateral_talks_are_a_consultation_even_when_their_sentence_names_no_state():
    text = "On Thursday the two ministers visited Almaty and held bilateral talks."
    assert [e.type for e in extract(text)] == ["CONSULT"]
    text = "Kedua menteri itu mengadakan pertemuan bilateral di Jakarta pada Kamis."
    assert [e.type for e in extract(text, "id")] == ["CONSULT"]
    assert extract("On Thursday the two ministers met in Almaty.") == []  # nobody named: maybe a cabinet meeting
