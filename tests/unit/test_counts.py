"""find_counts: numbers attached to killed / injured / arrested / displaced / personnel."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from streams.nlp.counts import find_counts


def counts(text: str, lang: str) -> list[tuple[str, int]]:
    return [(m.kind, m.value) for m in find_counts(text, lang)]


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("id", "Setidaknya ada 18 anggota pasukan keamanan yang tewas.", [("killed", 18)]),
        ("id", "Lebih dari 2.000 orang yang ditangkap.", [("arrested", 2000)]),
        ("id", "Pasukan itu berjumlah sekitar 2.500 personel.", [("personnel", 2500)]),
        ("id", "Sekitar 180 orang masih menjalani perawatan.", [("injured", 180)]),
        ("id", "Sebanyak 100.417 warga mengungsi.", [("displaced", 100417)]),
        ("en", "More than 2,000 people were arrested.", [("arrested", 2000)]),
        ("en", "Gunmen opened fire, killing 18.", [("killed", 18)]),
        ("en", "The death toll rose to 125 on Sunday.", [("killed", 125)]),
        ("en", "About 1,100 National Guard troops were activated.", [("personnel", 1100)]),
        ("en", "Police arrested 52 people.", [("arrested", 52)]),
        ("en", "Two people were killed.", [("killed", 2)]),
        ("ms", "Seramai 125 orang maut dalam rempuhan itu.", [("killed", 125)]),
        ("es", "Al menos 18 personas han muerto y 300 heridos.", [("killed", 18), ("injured", 300)]),
        ("es", "Unos 10.000 efectivos fueron desplegados.", [("personnel", 10000)]),
        ("fr", "Les heurts ont fait 12 morts et 40 blessés.", [("killed", 12), ("injured", 40)]),
        ("fr", "52 personnes ont été interpellées.", [("arrested", 52)]),
    ],
)
def test_counts_in_either_order(lang, text, expected):
    assert counts(text, lang) == expected


def test_two_eighteens_are_kept_apart():
    text = (
        "26 armed criminals had been liquidated and 18 wounded, while 18 members of the "
        "security forces had been killed and 748 injured."
    )
    assert counts(text, "en") == [("killed", 26), ("injured", 18), ("killed", 18), ("injured", 748)]


def test_casualty_word_beats_personnel_word():
    assert counts("The bombing killed 40 Indian paramilitary personnel.", "en") == [("killed", 40)]
    assert counts("18 security personnel were killed.", "en") == [("killed", 18)]


def test_part_of_a_toll_is_not_a_count():
    assert counts("Two police officers were among the dead.", "en") == []
    assert counts("Dua di antara korban meninggal merupakan anggota Polri.", "id") == []
    assert counts("Sebanyak 127 orang meninggal dunia.", "id") == [("killed", 127)]


def test_officers_alone_are_not_a_deployment():
    assert counts("Seramai 28 anggota polis sedang disiasat.", "ms") == []
    assert counts("Puluhan ribu personel gabungan disiagakan.", "id") == [("personnel", 20000)]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "The deal covers 20 million tonnes of grain for 120 days."),
        ("en", "Prices rose 40% and the fund holds $11.5 million."),
        ("en", "The man aged 18 was killed in 2019 at 11:59 p.m."),
        ("id", "Sebanyak 13 kendaraan rusak, 10 di antaranya milik polisi."),
        ("id", "Skor 2-2 bertahan hingga pukul 14.30 WIB."),
        ("id", "Pada Kamis (6/1/2022) Pasal 170 dikenakan."),
        ("es", "El 25 de octubre de 2019 marcharon 1,2 millones de personas."),
        ("en", "Ford said 600 workers would be laid off."),
        ("id", "Ratusan suporter turun ke lapangan."),
        ("id", "Korban ditemukan dengan dua luka tembak di bagian dada."),
        ("en", "The victim was found with two gunshot wounds to the chest."),
        ("fr", "La victime a reçu trois coups de couteau."),
    ],
)
def test_numbers_that_are_not_counts(lang, text):
    assert counts(text, lang) == []


def test_vague_words_are_flagged():
    (m,) = find_counts("Polisi menangkap puluhan orang.", "id")
    assert (m.kind, m.value, m.vague) == ("arrested", 24, True)


def test_exact_figure_beats_vague_in_the_same_sentence():
    assert counts("Puluhan orang ditangkap, polisi menyebut 52 orang ditangkap.", "id") == [("arrested", 52)]
    # in another sentence both stay
    assert counts("Puluhan orang ditangkap. Polisi menangkap 52 orang.", "id") == [("arrested", 24), ("arrested", 52)]


def test_offsets_cover_the_number():
    text = "Korban tewas mencapai 127 orang."
    (m,) = find_counts(text, "id")
    assert text[m.start : m.end] == "127"


@given(st.text(max_size=300))
def test_never_raises_and_values_are_positive(text):
    for m in find_counts(text, "en"):
        assert m.value > 0
        assert m.kind in {"killed", "injured", "arrested", "displaced", "personnel"}


_WORDISH = st.text(alphabet="ab -’'\n.,0", max_size=40)


@given(_WORDISH, st.integers(0, 40), st.integers(0, 40))
def test_window_words_are_the_words_of_a_whole_text_pass(text, lo, hi):
    from streams.nlp.counts import _WORD_RE, _words
    from streams.nlp.fuzzy import fold

    whole = [(m.start(), m.end(), fold(m.group())) for m in _WORD_RE.finditer(text)]
    assert _words(text, lo, hi) == [w for w in whole if lo <= w[0] < hi]


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("en", "At least 12 people, including two children, were killed on Monday.", [("killed", 12)]),
        ("ms", "Sekurang-kurangnya 492 orang, termasuk 35 kanak-kanak dan 58 wanita, terbunuh manakala 1,645 lagi cedera.",
         [("killed", 492), ("injured", 1645)]),
        ("fr", "Au moins neuf personnes, dont une fillette de huit ans, ont été tuées mardi.", [("killed", 9)]),
        ("es", "Al menos 30 personas, entre ellas cinco policías, murieron el martes.", [("killed", 30)]),
    ],
)
def test_a_total_keeps_its_count_word_across_an_aside(lang, text, expected):
    assert counts(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Le ministre a annoncé le déploiement de 12 000 policiers et gendarmes.", [("personnel", 12000)]),
    ("id", "Kapolda memerintahkan pengerahan 1.500 polisi ke lokasi.", [("personnel", 1500)]),
    ("en", "The deployment of 900 police began at dawn.", [("personnel", 900)]),
    ("es", "Llegaron refuerzos de 700 agentes a la ciudad.", [("personnel", 700)]),
])
def test_a_deployment_noun_makes_a_personnel_count(lang, text, expected):
    assert [(c.kind, c.value) for c in find_counts(text, lang)] == expected


def test_police_alone_watching_is_no_deployment():
    assert find_counts("Plus de 3 000 policiers regardaient le match.", "fr") == []


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Ledakan itu menewaskan 12 orang dan melukai lebih dari 300 lainnya.", [("killed", 12), ("injured", 300)]),
    ("ms", "Serangan itu mencederakan lebih daripada 40 orang awam.", [("injured", 40)]),
])
def test_more_than_before_a_number_does_not_cut_it_from_its_verb(lang, text, expected):
    assert [(c.kind, c.value) for c in find_counts(text, lang)] == expected


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("en", "A man was shot dead by police in Lagos on Monday.", [("killed", 1)]),
        ("en", "Police say a woman was killed and a girl was wounded near the border.", [("killed", 1), ("injured", 1)]),
        ("en", "A 17-year-old boy was wounded when police fired on the crowd.", [("injured", 1)]),
        ("fr", "Un manifestant a été tué par la police à Lyon lundi.", [("killed", 1)]),
        ("fr", "Une femme de 40 ans a été blessée par balle à Marseille.", [("injured", 1)]),
        ("es", "Un joven murió tras recibir un disparo de la policía en Quito.", [("killed", 1)]),
        ("es", "Una mujer resultó herida en el ataque.", [("injured", 1)]),
        ("fr", "Après la mort d'un adolescent tué par un policier à Nanterre.", [("killed", 1)]),  # not the officer
        ("en", "A civilian was killed by a soldier in the village.", [("killed", 1)]),
    ],
)
def test_one_person_named_by_an_indefinite_article_is_a_count_of_one(lang, text, expected):
    assert counts(text, lang) == expected


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("en", "A gunman killed 12 people at a market.", [("killed", 12)]),  # the figure wins
        ("en", "Police arrested a man in Paris on Monday.", []),  # an arrest of one is no count
        ("fr", "Un homme a été interpellé lundi.", []),
        ("en", "A 42-year-old woman and a 60-year-old man have been arrested.", []),  # ages, not arrests
    ],
)
def test_one_person_is_no_arrest_count_and_yields_to_a_figure(lang, text, expected):
    assert counts(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Sebanyak 79 polisi dan gendarme terluka dalam bentrokan.", [("injured", 79)]),
    ("en", "Some 79 police and gendarmes were injured in the clashes.", [("injured", 79)]),
    ("es", "Un total de 79 policías y militares resultaron heridos.", [("injured", 79)]),
    ("ms", "Seramai 79 polis dan askar cedera dalam pertempuran itu.", [("injured", 79)]),
])
def test_a_figure_of_two_forces_joined_by_and_keeps_its_casualty_word(lang, text, expected):
    assert [(c.kind, c.value) for c in find_counts(text, lang)] == expected


def test_a_force_and_another_counts_verb_are_not_joined():
    assert [(c.kind, c.value) for c in find_counts("Polisi mengerahkan 300 polisi dan menangkap 20 orang.", "id")] == [
        ("personnel", 300), ("arrested", 20)]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Five of the reporters were taken to hospital.", [("injured", 5)]),
    ("en", "At least 17 people were rushed to hospital after the blast.", [("injured", 17)]),
    ("fr", "Six manifestants ont été transportés à l'hôpital.", [("injured", 6)]),
    ("es", "Ocho agentes fueron trasladados al hospital tras los enfrentamientos.", [("injured", 8)]),
    ("id", "Sebanyak 12 warga dilarikan ke rumah sakit usai bentrokan.", [("injured", 12)]),
    ("ms", "Seramai 7 orang dikejarkan ke hospital selepas rusuhan itu.", [("injured", 7)]),
])
def test_people_taken_to_hospital_are_injured(lang, text, expected):
    assert counts(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Several dozen people were detained.", [("arrested", 24)]),
    ("en", "A few hundred protesters were arrested.", [("arrested", 200)]),
    ("fr", "Plusieurs dizaines de personnes ont été interpellées.", [("arrested", 24)]),
    ("es", "Varios cientos de manifestantes fueron detenidos.", [("arrested", 200)]),
    ("id", "Beberapa ratus demonstran ditangkap polisi.", [("arrested", 200)]),
    ("ms", "Beberapa ratus penunjuk perasaan ditahan.", [("arrested", 200)]),
])
def test_several_dozens_or_hundreds_take_the_vague_lower_bound(lang, text, expected):
    """"several dozen" is dozens (24), not a dozen; "beberapa ratus" is hundreds (200)."""
    assert counts(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Ten to 20 villagers were killed in the raid.", [("killed", 10)]),
    ("en", "Between 4 and 6 people were injured.", [("injured", 4)]),
    ("fr", "Entre 30 et 40 personnes ont été interpellées.", [("arrested", 30)]),
    ("fr", "Deux ou trois gendarmes ont été blessés.", [("injured", 2)]),
    ("es", "Entre 5 y 8 personas murieron en el ataque.", [("killed", 5)]),
    ("id", "Antara 30 hingga 40 orang ditangkap polisi.", [("arrested", 30)]),
    ("ms", "Antara 5 hingga 8 orang cedera dalam kejadian itu.", [("injured", 5)]),
])
def test_a_range_counts_its_lower_bound(lang, text, expected):
    """Like a vague quantity, a range takes its lower bound; the upper figure is no count of its own."""
    assert counts(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The death toll rose from 31 to 44 overnight.", [("killed", 44)]),
    ("es", "La cifra de muertos subió de 31 a 44 durante la noche.", [("killed", 44)]),
    ("fr", "Le bilan est passé de 31 à 44 morts dans la nuit.", [("killed", 44)]),
])
def test_a_toll_raised_from_one_figure_to_another_is_the_later_one(lang, text, expected):
    assert counts(text, lang) == expected


def test_two_figures_of_two_days_are_no_range():
    assert counts("Police arrested 12 people on Monday and 30 on Tuesday.", "en") == [("arrested", 12)]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The blast killed 7 civilians and 2 soldiers.", [("killed", 9)]),
    ("fr", "L'explosion a tué 7 civils et 2 soldats.", [("killed", 9)]),
    ("es", "La explosión dejó 7 civiles muertos y 2 soldados muertos.", [("killed", 9)]),
    ("id", "Ledakan itu menewaskan 7 warga sipil dan 2 prajurit.", [("killed", 9)]),
    ("ms", "Letupan itu mengorbankan 7 orang awam dan 2 anggota tentera.", [("killed", 9)]),
])
def test_a_toll_told_by_group_and_joined_by_and_is_their_sum(lang, text, expected):
    """"killing 7 civilians and 2 soldiers": 9 killed, the soldiers are victims, not a deployment."""
    assert counts(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Police killed 4 and injured 20 protesters.", [("killed", 4), ("injured", 20)]),
    ("en", "Gunmen killed 2 in Kyiv and 3 in Kharkiv.", [("killed", 2)]),
    ("id", "Polisi menangkap 12 orang pada Senin dan 30 orang pada Selasa.", [("arrested", 12)]),
])
def test_figures_of_other_kinds_places_or_days_are_not_summed(lang, text, expected):
    assert counts(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The ministry deployed 22,000 police in the capital on Saturday.", [("personnel", 22000)]),
    ("en", "The ministry deployed around 22,000 police, Rangers and Frontier Constabulary personnel.", [("personnel", 22000)]),
    ("id", "Pemerintah mengirim 300 polisi ke Wamena.", [("personnel", 300)]),
    ("en", "Police said 28 officers attended the briefing.", []),  # a force noun alone is no deployment
    ("en", "The company sent 300 letters to its clients.", []),  # a sending verb alone neither
])
def test_a_sending_verb_and_a_force_noun_around_a_figure_make_a_personnel_count(lang, text, expected):
    assert [(m.kind, m.value) for m in find_counts(text, lang)] == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Police held about 40 people overnight.", [("arrested", 40)]),  # a weak word must stand next to it
    ("en", "The army deployed nearly 400 police to the border town.", [("personnel", 400)]),
])
def test_a_word_of_approximation_does_not_part_a_verb_from_its_figure(lang, text, expected):
    assert [(m.kind, m.value) for m in find_counts(text, lang)] == expected


@pytest.mark.parametrize("lang, text", [
    ("es", "Un operario resultó herido a bala en una pierna."),
    ("fr", "Un pompier a été blessé pendant l'incendie de la préfecture."),
    ("en", "A firefighter was injured when the crowd set the station alight."),
])
def test_one_worker_named_by_an_indefinite_article_is_one_injured(lang, text):
    assert [(m.kind, m.value) for m in find_counts(text, lang)] == [("injured", 1)]


@pytest.mark.parametrize("text, expected", [
    ("La Guardia Civil detuvo en la noche del jueves a 39 personas por saquear supermercados.", [("arrested", 39)]),
    ("La policía detuvo el lunes en el centro de Madrid a 12 jóvenes.", [("arrested", 12)]),
    ("Los manifestantes exigieron la liberación de los detenidos y convocaron a 300 personas.", []),  # another verb's
    ("La alcaldía invitó a la ceremonia en el estadio a 300 personas.", []),  # no count word in the clause
])
def test_a_figure_marked_as_a_verbs_object_is_that_verbs_count_however_far_back(text, expected):
    assert [(m.kind, m.value) for m in find_counts(text, "es")] == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Andi Baso diamankan bersama enam orang lainnya dalam operasi tangkap tangan.", [("arrested", 7)]),
    ("fr", "Il a été interpellé avec six autres personnes.", [("arrested", 7)]),
    ("en", "The mayor was arrested along with 14 others on Monday.", [("arrested", 15)]),
    # a figure before it in its clause: the others are beyond it, not one more
    ("id", "Ledakan itu menewaskan 20 orang dan melukai lebih dari 450 lainnya.", [("killed", 20), ("injured", 450)]),
    ("fr", "Sept soldats ont été tués et neuf autres blessés.", [("killed", 7), ("injured", 9)]),
])
def test_a_figure_of_others_joined_to_one_person_counts_that_person_too(lang, text, expected):
    assert counts(text, lang) == expected
