"""Counts of people the text names or places in the past (counts.named_victims, events._past_toll)."""

from datetime import datetime, timezone

import pytest

from tests.events_in_text import events_in

PUBLISHED = datetime(2023, 3, 12, 9, 0, tzinfo=timezone.utc)  # a Sunday


def extract(text, lang):
    return events_in(text, lang, PUBLISHED)


@pytest.mark.parametrize("lang, text", [
    ("id", "Brigjen Danny Karya Nugraha gugur setelah ditembak kelompok bersenjata di Kabupaten Puncak, Minggu."),
    ("es", "El periodista Juan Carlos Pérez murió tras ser baleado por desconocidos en Guayaquil el domingo."),
    ("en", "Opposition activist John Mensah died after police opened fire on a rally in Accra on Sunday."),
])
def test_a_named_person_who_died_in_an_attack_is_one_killed(lang, text):
    assert [e.counts.get("killed") for e in extract(text, lang) if e.type == "ASSAULT"] == [1]


def test_a_figure_of_another_kind_in_the_sentence_stays():
    fr = extract("Le député Karim Benali a été tué par un tir à Lyon dimanche, et 3 personnes ont été blessées.", "fr")
    assert [e.counts for e in fr if e.type == "ASSAULT"] == [{"killed": 1, "injured": 3}]
    id_ = extract("Brigjen Danny Karya Nugraha gugur dan tiga orang terluka setelah ditembak kelompok bersenjata "
                  "di Kabupaten Puncak, Minggu.", "id")
    assert [e.counts for e in id_ if e.type == "ASSAULT"] == [{"killed": 1, "injured": 3}]


def test_a_named_speaker_of_a_killing_is_no_victim():
    en = extract("President John Mensah condemned the killing of three protesters by police in Accra on Sunday.", "en")
    assert all(e.counts.get("killed") != 1 for e in en)


@pytest.mark.parametrize("lang, text", [
    ("ms", "Serangan udara Israel di Beirut membunuh 12 orang dan mencederakan 40 yang lain pada Ahad. "
           "Serangan pada Ahad berlaku seminggu selepas letupan yang mencederakan hampir 3,000 orang minggu lalu."),
    ("en", "Israeli air strikes on Beirut killed 12 people and wounded 40 on Sunday. "
           "Sunday's strikes came after blasts that wounded nearly 3,000 people last week."),
    ("fr", "Des frappes israéliennes ont tué 12 personnes et blessé 40 dimanche à Beyrouth. Les frappes de dimanche "
           "surviennent après des explosions qui ont blessé près de 3 000 personnes la semaine dernière."),
])
def test_a_toll_of_last_week_in_a_sentence_of_today_is_no_count(lang, text):
    assert all(e.counts.get("injured") != 3000 for e in extract(text, lang))


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Polisi menembaki massa di Makassar pada Minggu. Sebanyak 23 orang dirawat di rumah sakit akibat luka tembak.",
     {"injured": 23}),
    ("id", "Kelompok bersenjata menyerang sebuah desa di Kabupaten Puncak, Minggu. "
           "Lima warga meninggal di rumah sakit setelah terkena tembakan.", {"killed": 5}),
    ("ms", "Polis melepaskan tembakan ke arah penunjuk perasaan di Kota Bharu pada Ahad. "
           "Seramai 11 orang dirawat di rumah sakit berhampiran.", {"injured": 11}),
])
def test_a_toll_treated_or_dying_in_hospital_is_no_natural_death(lang, text, expected):
    """"rumah sakit" (hospital) holds "sakit" (ill): the hospital is where the victims are, not what killed them."""
    assert [e.counts for e in extract(text, lang) if e.type == "ASSAULT"] == [expected]


@pytest.mark.parametrize("lang, text", [
    ("id", "Seorang warga meninggal karena sakit di Kabupaten Puncak pada Minggu."),
    ("ms", "Seorang lelaki meninggal dunia akibat sakit jantung di Kota Bharu pada Ahad."),
])
def test_a_death_from_illness_stays_no_attack(lang, text):
    assert not [e for e in extract(text, lang) if e.type == "ASSAULT"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Rebels shelled the city of Omdurman on Sunday. The army said its air strikes on rebel bases killed 31 fighters."),
    ("id", "Pemberontak menembakkan mortir ke kota Omdurman pada Minggu. Militer menyatakan serangan udara militer ke "
           "markas pemberontak menewaskan 31 pejuang."),
    ("es", "Los rebeldes bombardearon con morteros la ciudad de Omdurmán el domingo. El ejército afirmó que sus ataques "
           "aéreos contra bases rebeldes mataron a 31 combatientes."),
])
def test_a_toll_goes_to_the_act_its_clause_tells_with_its_means(lang, text):
    """The bare "killed" of the clause is the air strike itself: its toll is the strike's, not the shelling's."""
    assert [(e.mode, e.counts) for e in extract(text, lang) if e.type == "ASSAULT" and e.counts] == [
        ("aerial", {"killed": 31})]


@pytest.mark.parametrize("lang, text", [
    ("en", "Police fired tear gas and live ammunition at protesters in Maputo on Sunday, killing three people. "
           "A monitoring group said three people had been killed and 40 injured in the capital."),
    ("id", "Polisi menembakkan gas air mata dan peluru tajam ke arah demonstran di Maputo pada Minggu hingga menewaskan "
           "tiga orang. Sebuah kelompok pemantau menyebut tiga orang tewas dan 40 orang terluka di ibu kota."),
])
def test_a_later_toll_of_the_day_completes_the_attack_told_with_a_toll(lang, text):
    tolled = [e for e in extract(text, lang) if e.type == "ASSAULT" and e.counts]
    assert [(e.mode, e.counts) for e in tolled] == [("firearms", {"killed": 3, "injured": 40})]


@pytest.mark.parametrize("lang, text", [
    ("id", "Seorang pengemudi tewas ditembak kelompok bersenjata di Sugapa, Sabtu. Sepanjang 2023 sedikitnya 37 warga "
           "sipil dan 20 anggota polisi tewas akibat serangan kelompok itu di Papua."),
    ("en", "Gunmen shot dead a driver in Sugapa on Saturday. Throughout 2023, at least 37 civilians and 20 police "
           "officers were killed in attacks by the group in Papua."),
    ("es", "Un conductor murió baleado por hombres armados en Guayaquil el sábado. A lo largo de 2023, al menos 37 "
           "civiles y 20 policías murieron en ataques del grupo en Guayas."),
])
def test_a_toll_over_the_year_of_publication_is_a_running_total(lang, text):
    assert [e.counts for e in extract(text, lang) if e.type == "ASSAULT"] == [{"killed": 1}]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Police arrested 12 people on Saturday: seven in Surabaya and five in Malang.",
     [("Surabaya", {"arrested": 7}), ("Malang", {"arrested": 5})]),
    ("fr", "Sept personnes ont été interpellées samedi : cinq dans les communes bruxelloises de Molenbeek-Saint-Jean "
           "et d'Anderlecht, et deux à Liège.",
     [("Molenbeek-Saint-Jean", {"arrested": 5}), ("Liège", {"arrested": 2})]),
])
def test_a_toll_split_by_place_after_a_colon_is_one_event_per_place(lang, text, expected):
    assert sorted((e.place, e.counts) for e in extract(text, lang) if e.type == "COERCE") == sorted(expected)


def test_figures_after_a_colon_that_do_not_add_up_to_the_whole_split_nothing():
    events = extract("Police arrested 12 people on Saturday: seven in Surabaya, a city of 3 million in Malang province.", "en")
    assert [e.counts for e in events if e.type == "COERCE"] == [{"arrested": 12}]
