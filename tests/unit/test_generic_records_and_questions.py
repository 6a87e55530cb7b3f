"""Generic statements and records are no events (issue 10, hist27): a speech act whose subject is an unnamed
many ("some welcomed the move", "la mayoría de los Estados reclaman") states a stance, no act of a party (a named
or counted subject keeps the act); an act counted in times with no day of its own ("has been arrested three
times") is a record (a dated one stays the day's deed); an act in an embedded question ("to establish whether
police fired", "apakah", "sama ada") is not told as done; "the last time" and "in the past" with no date of
their own tell history."""

import pytest

from tests.unit.test_enrich import enriched

PUBLISHED = "2024-05-08T10:00:00+00:00"  # a Wednesday


def lede_types(text: str, lang: str) -> list[str]:
    """The event types of a one-paragraph article: every sentence is in the lede's paragraph."""
    return [e.type for e in enriched(text, lang, published=PUBLISHED, title="News").events]


@pytest.mark.parametrize("lang, generic, named, kind", [
    ("en", "Residents in Kabul were divided over the decree, although some welcomed the move on Tuesday.",
     "Residents in Kabul were divided over the decree, although the mayor welcomed the move on Tuesday.", "SUPPORT"),
    ("en", "Many of the opposition lawmakers in Nairobi condemned the new tax on Tuesday.",
     "The opposition leader in Nairobi condemned the new tax on Tuesday.", "ACCUSE"),
    ("es", "La mayoría de los Estados miembros reclaman normas más duras contra la migración en Bruselas.",
     "El Gobierno de Italia reclamó el martes normas más duras contra la migración en Bruselas.", "REQUEST"),
    ("es", "Distintas organizaciones de derechos humanos han denunciado los centros de detención en Libia.",
     "Amnistía Internacional denunció el martes los centros de detención en Libia.", "ACCUSE"),
    ("fr", "La plupart des ONG ont dénoncé mardi la nouvelle loi sur les associations au Mali.",
     "Amnesty International a dénoncé mardi la nouvelle loi sur les associations au Mali.", "ACCUSE"),
    ("id", "Sebagian besar warga Jakarta mengecam kenaikan harga BBM pada Selasa.",
     "Gubernur Jakarta mengecam kenaikan harga BBM pada Selasa.", "ACCUSE"),
    ("ms", "Kebanyakan penduduk Kuala Lumpur mengecam kenaikan harga minyak pada Selasa.",
     "Menteri Besar Selangor mengecam kenaikan harga minyak pada Selasa.", "ACCUSE"),
])
def test_a_speech_act_of_an_unnamed_many_is_generic(lang, generic, named, kind):
    assert kind not in lede_types(generic, lang)
    assert kind in lede_types(named, lang)  # a named speaker's act of the day stays


@pytest.mark.parametrize("lang, sentence, kind", [
    ("en", "Some 200 lawmakers in Nairobi condemned the new tax on Tuesday.", "ACCUSE"),
    ("en", "Several governments condemned the coup in Niamey on Tuesday.", "ACCUSE"),
    ("en", "Many people were arrested in Nairobi on Tuesday.", "COERCE"),
    ("es", "Varios gobiernos condenaron el martes el golpe en Niamey.", "ACCUSE"),
    ("fr", "Plusieurs gouvernements ont condamné mardi le coup d'État à Niamey.", "ACCUSE"),
    ("id", "Sejumlah mahasiswa menuntut pencabutan undang-undang itu di Jakarta pada Selasa.", "REQUEST"),
])
def test_counted_subjects_and_deeds_keep_the_act(lang, sentence, kind):
    assert kind in lede_types(sentence, lang)


@pytest.mark.parametrize("lang, record, dated", [
    ("en", "The activist has been arrested three times by the police.",
     "Police arrested the activist twice on Tuesday in Nairobi."),
    ("es", "La activista ha sido detenida dos veces por la policía.",
     "La policía detuvo dos veces el martes a la activista en Bogotá."),
    ("fr", "La militante a été arrêtée à deux reprises par la police.",
     "La police a arrêté mardi à deux reprises la militante à Dakar."),
    ("ms", "Aktivis itu ditahan dua kali oleh polis.",
     "Polis menahan aktivis itu dua kali pada Selasa di Kuala Lumpur."),
])
def test_an_act_counted_in_times_without_a_day_is_a_record(lang, record, dated):
    assert "COERCE" not in lede_types(record, lang)
    assert "COERCE" in lede_types(dated, lang)  # a day's deed done twice stays that day's


@pytest.mark.parametrize("lang, asked, told", [
    ("en", "Investigators are trying to establish whether police fired on the crowd in Nairobi on Tuesday.",
     "Police fired on the crowd in Nairobi on Tuesday, and it was unclear whether anyone was hurt."),
    ("id", "Penyidik berusaha memastikan apakah polisi menembaki massa di Medan pada Selasa.",
     "Polisi menembaki massa di Medan pada Selasa, namun belum jelas apakah ada korban."),
    ("ms", "Penyiasat sedang menentukan sama ada polis melepaskan tembakan ke arah orang ramai di Kuala Lumpur pada Selasa.",
     "Polis melepaskan tembakan ke arah orang ramai di Kuala Lumpur pada Selasa, namun tidak jelas sama ada terdapat mangsa."),
])
def test_an_act_asked_about_in_an_embedded_question_is_not_told(lang, asked, told):
    assert "ASSAULT" not in lede_types(asked, lang)
    assert "ASSAULT" in lede_types(told, lang)  # the act told before the question stays


@pytest.mark.parametrize("lang, history, dated", [
    ("en", "The last time protesters stormed the parliament, police arrested hundreds of people.",
     "Protesters stormed the parliament in Nairobi on Tuesday."),
    ("es", "La última vez que los manifestantes asaltaron el Congreso, la policía detuvo a cientos de personas.",
     "Los manifestantes asaltaron el Congreso en Bogotá el martes, la primera vez desde la última vez."),
    ("fr", "La dernière fois que des manifestants ont envahi le parlement, la police a arrêté des centaines de personnes.",
     "Des manifestants ont envahi mardi le parlement à Dakar, pour la première fois depuis la dernière fois."),
    ("id", "Terakhir kali demonstran menyerbu gedung parlemen, polisi menangkap ratusan orang.",
     "Demonstran menyerbu gedung parlemen di Medan pada Selasa, untuk terakhir kali."),
    ("ms", "Kali terakhir penunjuk perasaan menyerbu bangunan parlimen, polis menahan ratusan orang.",
     "Penunjuk perasaan menyerbu bangunan parlimen di Kuala Lumpur pada Selasa buat kali terakhir."),
])
def test_the_last_time_something_happened_is_history(lang, history, dated):
    assert "PROTEST" not in lede_types(history, lang)
    assert "PROTEST" in lede_types(dated, lang)  # a sentence with a date of its own keeps its act


@pytest.mark.parametrize("lang, sentence", [
    ("es", "En el pasado, el ejército atacó aldeas de la región."),
    ("fr", "Par le passé, l'armée a attaqué des villages de la région."),
])
def test_an_act_told_in_the_past_without_a_day_is_history(lang, sentence):
    assert "ASSAULT" not in lede_types(sentence, lang)
