"""A detention told as where someone now is ("is now in custody", "kini ditahan", "est actuellement détenu")
is a state, no arrest of a day (issue 10, neg30; the conventions: "habitual or ongoing states without a new act")."""

import pytest

from tests.unit.test_enrich import enriched

#: a lede of another type (a meeting) and a filler paragraph: the sentence under test stands past the opening
OPENING = {
    "en": ("The president met the visiting foreign minister in the capital on Wednesday.", "The talks lasted three hours."),
    "es": ("El presidente se reunió el miércoles con el canciller visitante en la capital.",
           "Las conversaciones duraron tres horas."),
    "fr": ("Le président a rencontré mercredi le ministre des affaires étrangères en visite dans la capitale.",
           "Les discussions ont duré trois heures."),
    "id": ("Presiden bertemu menteri luar negeri yang berkunjung di ibu kota pada Rabu.", "Pembicaraan itu berlangsung tiga jam."),
    "ms": ("Presiden bertemu menteri luar negeri yang melawat di ibu negara pada Rabu.", "Perbincangan itu berlangsung tiga jam."),
}


def coerce_of(sentence: str, lang: str) -> bool:
    lede, filler = OPENING[lang]
    text = f"{lede}\n\n{filler}\n\n{sentence}"
    return any(e.type == "COERCE" and e.evidence == sentence
               for e in enriched(text, lang, published="2026-12-03T12:00:00+00:00", title="News").events)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The officer is now in custody and faces a murder charge."),
    ("en", "The officer is now detained at a prison outside the city."),
    ("fr", "Le policier est actuellement détenu dans une prison de la capitale."),
    ("id", "Polisi berusia 40 tahun itu kini ditahan di sebuah penjara di ibu kota."),
    ("id", "Pria itu saat ini ditahan di sebuah penjara."),
    ("ms", "Lelaki itu kini ditahan di sebuah penjara di ibu negara."),
    ("ms", "Suspek kini direman di sebuah penjara."),
])
def test_a_detention_told_as_where_someone_now_is_is_no_arrest(lang, sentence):
    assert not coerce_of(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Police also arrested two journalists on Wednesday."),
    ("fr", "La police a également arrêté deux journalistes mercredi."),
    ("id", "Polisi juga menahan dua wartawan pada Rabu."),
])
def test_an_arrest_of_the_day_in_the_same_place_is_kept(lang, sentence):
    assert coerce_of(sentence, lang)
