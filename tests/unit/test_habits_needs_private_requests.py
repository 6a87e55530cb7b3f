"""Kinds of events that did not happen (issue 10, spur26): acts told as a habit, aid that is needed
rather than given, a debate about a deed, and requests a business or a school makes of its customers."""

import pytest

from streams.nlp.triggers import find_triggers


def types(sentence: str, lang: str) -> list[str]:
    return [hit.trigger.type for hit in find_triggers(sentence, lang)]


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Analysts say protests often turn violent when food prices rise."),
    ("en", "Protests are usually peaceful in the capital."),
    ("es", "Según los analistas, las protestas suelen volverse violentas cuando suben los precios."),
    ("fr", "Selon les analystes, les manifestations deviennent souvent violentes quand les prix augmentent."),
    ("id", "Menurut analis, unjuk rasa sering berubah menjadi kekerasan ketika harga naik."),
    ("ms", "Menurut penganalisis, tunjuk perasaan sering bertukar ganas apabila harga naik."),
])
def test_an_act_told_as_a_habit_is_no_protest(lang, sentence):
    assert "PROTEST" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence, kind", [
    ("en", "Police arrested protesters often seen at rallies on Thursday.", "COERCE"),
    ("en", "The army attacked villages usually used by rebels on Thursday.", "ASSAULT"),
    ("fr", "Des heurts parfois violents ont éclaté jeudi dans la capitale.", "PROTEST"),
    ("id", "Polisi menangkap demonstran yang sering ikut aksi pada Kamis.", "COERCE"),
])
def test_a_habit_adverb_after_another_word_keeps_the_act(lang, sentence, kind):
    assert kind in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "More than 5 million people depend on food aid, the UN said on Thursday."),
    ("en", "Some 2 million people are in need of humanitarian aid."),
    ("es", "Unos 2 millones de personas necesitan ayuda humanitaria."),
    ("es", "El país depende de la ayuda militar de sus aliados."),
    ("fr", "Quelque 2 millions de personnes ont besoin d'une aide humanitaire."),
    ("fr", "Plus de 5 millions de personnes dépendent de l'aide alimentaire."),
    ("id", "Sekitar 2 juta orang membutuhkan bantuan kemanusiaan."),
    ("id", "Negara itu bergantung pada bantuan militer dari sekutunya."),
    ("ms", "Kira-kira 2 juta orang memerlukan bantuan kemanusiaan."),
    ("ms", "Lebih 5 juta orang bergantung kepada bantuan makanan."),
])
def test_aid_needed_or_depended_on_is_no_aid(lang, sentence):
    assert "AID" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The UN delivered aid to 2 million people in need on Thursday."),
    ("es", "La ONU entregó el jueves ayuda a 2 millones de personas necesitadas."),
    ("id", "PBB menyalurkan bantuan kepada 2 juta orang yang membutuhkan pada Kamis."),
])
def test_aid_given_to_people_in_need_stays_aid(lang, sentence):
    assert "AID" in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The debate about arrests of journalists continues in parliament."),
    ("id", "Perdebatan soal penangkapan wartawan berlanjut di parlemen."),
    ("ms", "Perdebatan mengenai penangkapan wartawan berterusan di parlimen."),
])
def test_a_debate_about_arrests_is_no_arrest(lang, sentence):
    assert "COERCE" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The bank urged customers to report suspicious messages."),
    ("es", "La empresa pidió a sus clientes que actualicen sus contraseñas."),
    ("es", "La escuela pidió a los padres que recojan a sus hijos temprano."),
    ("fr", "L'entreprise a demandé à ses clients de mettre à jour leurs mots de passe."),
    ("fr", "L'école a demandé aux parents de venir chercher leurs enfants plus tôt."),
    ("id", "Bank meminta nasabah melaporkan pesan yang mencurigakan."),
    ("id", "Sekolah meminta orang tua menjemput anak-anak mereka lebih awal."),
    ("ms", "Syarikat itu meminta pelanggan mengemas kini kata laluan mereka."),
    ("ms", "Sekolah meminta ibu bapa mengambil anak-anak mereka lebih awal."),
    ("en", "Fans demanded refunds after the concert was cancelled."),
    ("es", "Los aficionados exigieron el reembolso tras la cancelación del concierto."),
    ("fr", "Les fans ont réclamé un remboursement après l'annulation du concert."),
    ("id", "Para penggemar menuntut pengembalian uang setelah konser dibatalkan."),
    ("ms", "Peminat menuntut bayaran balik selepas konsert dibatalkan."),
])
def test_a_commercial_or_school_notice_is_no_request(lang, sentence):
    assert "REQUEST" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Protesters demanded the release of students on Thursday."),
    ("es", "El gobierno pidió el jueves a las empresas que suban los salarios."),
    ("fr", "Le gouvernement a demandé jeudi aux entreprises d'augmenter les salaires."),
    ("id", "Pengunjuk rasa menuntut pembebasan mahasiswa pada Kamis."),
    ("ms", "Penunjuk perasaan menuntut pembebasan pelajar pada Khamis."),
])
def test_political_requests_stay_requests(lang, sentence):
    assert "REQUEST" in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The minister met reporters on Thursday to discuss the budget."),
    ("en", "On Thursday the minister discussed the crisis with reporters."),
    ("es", "El presidente se reunió el jueves con periodistas para hablar del presupuesto."),
    ("fr", "Le président a rencontré jeudi des journalistes pour évoquer le budget."),
    ("id", "Presiden bertemu wartawan pada Kamis untuk membahas anggaran."),
    ("ms", "Presiden bertemu pemberita pada Khamis untuk membincangkan bajet."),
])
def test_a_meeting_with_the_press_is_no_consultation(lang, sentence):
    assert "CONSULT" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The president met the Japanese prime minister on Thursday, reporters said."),
    ("fr", "Le président a rencontré jeudi son homologue russe, selon des journalistes."),
    ("id", "Presiden bertemu Perdana Menteri Malaysia pada Kamis, kata wartawan."),
])
def test_a_meeting_the_press_reports_stays_a_consultation(lang, sentence):
    assert "CONSULT" in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The original recipe called for three cups of sugar."),
    ("es", "La situación exige calma y paciencia."),
    ("es", "La receta original pedía tres tazas de azúcar."),
    ("fr", "La situation exige du calme et de la patience."),
    ("fr", "Une crise qui réclame une attention urgente."),
    ("id", "Situasi ini menuntut ketenangan dan kesabaran."),
    ("id", "Krisis yang menuntut perhatian segera."),
    ("ms", "Keadaan ini menuntut ketenangan dan kesabaran."),
    ("ms", "Situasi ekonomi menuntut pilihan sukar."),
])
def test_a_thing_that_calls_for_something_makes_no_request(lang, sentence):
    assert "REQUEST" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Amid the crisis the union demanded higher wages on Thursday."),
    ("en", "Plan International called on the government to protect children on Thursday."),
    ("es", "En plena crisis, los sindicatos exigieron el jueves subidas salariales."),
    ("id", "Menteri Ekonomi menuntut perusahaan itu membayar pajak pada Kamis."),
])
def test_a_party_named_near_such_a_word_still_asks(lang, sentence):
    assert "REQUEST" in types(sentence, lang)
