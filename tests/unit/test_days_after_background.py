"""An act told undated a few days before the sentence's own ("came days after X was killed") is its
background, in the lede too; a date after the marker makes it an act of its own day (issue 10, hist23)."""

from datetime import datetime

import pytest

from streams.nlp.dates import find_dates
from tests.unit.test_enrich import enriched

PUBLISHED = "2024-05-08T10:00:00+00:00"  # a Wednesday


def lede_types(text: str, lang: str) -> list[str]:
    """The event types of a one-paragraph article: every sentence is in the lede's paragraph."""
    return [e.type for e in enriched(text, lang, published=PUBLISHED, title="News").events]


@pytest.mark.parametrize("lang, undated, dated", [
    ("en", "The vote came days after protesters stormed the parliament.",
     "The vote came two days after protesters stormed the parliament on Monday."),
    ("es", "La votación se celebró días después de que los manifestantes asaltaron el Congreso.",
     "La votación se celebró dos días después de que los manifestantes asaltaron el Congreso el lunes."),
    ("fr", "Le vote intervient quelques jours après que des manifestants ont pris d'assaut le parlement.",
     "Le vote intervient deux jours après que des manifestants ont pris d'assaut le parlement lundi."),
    ("id", "Pemungutan suara berlangsung beberapa hari setelah demonstran menyerbu gedung parlemen.",
     "Pemungutan suara berlangsung dua hari setelah demonstran menyerbu gedung parlemen pada Senin."),
    ("ms", "Undian berlangsung kurang seminggu selepas penunjuk perasaan menyerbu bangunan parlimen.",
     "Undian berlangsung dua hari selepas penunjuk perasaan menyerbu bangunan parlimen pada Isnin."),
])
def test_an_undated_act_days_before_the_sentences_own_is_background(lang, undated, dated):
    assert "PROTEST" not in lede_types(undated, lang)
    assert "PROTEST" in lede_types(dated, lang)  # dated, the storming is the news of its day


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Protesters stormed the parliament on Monday, a day after the vote."),
    ("en", "Four days after the vote, protesters stormed the parliament."),
    ("id", "Beberapa hari setelah pemungutan suara, demonstran menyerbu gedung parlemen."),
    ("id", "Demonstran menyerbu gedung parlemen pada Senin, sehari setelah pemungutan suara."),
])
def test_the_act_the_span_is_counted_from_stays(lang, sentence):
    assert "PROTEST" in lede_types(sentence, lang)


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "He has not been seen in public since Oct. 9", "2023-10-09"),
    ("es", "No ha sido visto en público desde el 9 de octubre", "2023-10-09"),
    ("fr", "Il n'a pas été vu en public depuis le 9 octobre", "2023-10-09"),
    ("id", "Ia tidak terlihat di depan umum sejak 9 Oktober", "2023-10-09"),
    ("ms", "Dia tidak dilihat di khalayak sejak 9 Oktober", "2023-10-09"),
    ("en", "The talks are set for Oct. 9", "2024-10-09"),  # without "since", a coming date stays ahead
])
def test_a_yearless_date_that_starts_a_span_up_to_now_is_past(lang, text, expected):
    published = datetime.fromisoformat("2024-08-08T12:00:00+00:00")
    assert [d.value.isoformat() for d in find_dates(text, published, lang)] == [expected]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "He could not say what he was doing on the night of March 10", "2024-03-10"),
    ("es", "El ataque, que fue perpetrado el 10 de marzo", "2024-03-10"),
    ("fr", "L'attaque, qui avait eu lieu le 10 mars", "2024-03-10"),
    ("id", "Serangan itu telah terjadi pada 10 Maret", "2024-03-10"),
    ("ms", "Serangan itu telah berlaku pada 10 Mac", "2024-03-10"),
    # a past auxiliary that points to a later date, or a future marker, leaves the coming date
    ("en", "The vote was postponed to March 10", "2025-03-10"),
    ("en", "He had said the vote will be held on March 10", "2025-03-10"),
    ("es", "La votación fue aplazada hasta el 10 de marzo", "2025-03-10"),
    ("id", "Pemungutan suara telah ditunda hingga 10 Maret", "2025-03-10"),
])
def test_a_yearless_date_after_a_past_auxiliary_is_past(lang, text, expected):
    published = datetime.fromisoformat("2024-11-18T12:00:00+00:00")
    assert [d.value.isoformat() for d in find_dates(text, published, lang)] == [expected]


@pytest.mark.parametrize("lang, judged, deed, kind", [
    ("en", "A man pleaded guilty Monday to threatening to kill a congresswoman, prosecutors said.",
     "A man threatened to kill a congresswoman on Monday, prosecutors said.", "THREATEN"),
    ("en", "A man pleaded guilty to charges he threatened to kill a congresswoman, prosecutors announced on Monday.",
     "A man threatened to kill a congresswoman, prosecutors announced on Monday.", "THREATEN"),
    ("es", "El lunes, un hombre se declaró culpable de atacar a un policía.",
     "El lunes, un hombre atacó a un policía.", "ASSAULT"),
    ("fr", "Un homme a plaidé coupable lundi d'avoir menacé de tuer une députée.",
     "Un homme a menacé lundi de tuer une députée.", "THREATEN"),
    ("id", "Pria itu mengaku bersalah telah mengancam akan membunuh anggota parlemen pada Senin.",
     "Pria itu mengancam akan membunuh anggota parlemen pada Senin.", "THREATEN"),
    ("ms", "Lelaki itu mengaku bersalah mengugut untuk membunuh ahli parlimen pada Isnin.",
     "Lelaki itu mengugut untuk membunuh ahli parlimen pada Isnin.", "THREATEN"),
])
def test_the_act_a_plea_or_verdict_is_about_is_history(lang, judged, deed, kind):
    assert kind not in lede_types(judged, lang)
    assert kind in lede_types(deed, lang)  # told as done that day, it is the news
