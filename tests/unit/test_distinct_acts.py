"""Distinct acts stay distinct (eventmerge): coding conventions, one event per act, place, day and
actor-target pair. The mentions of the first tests stand for the made-up sentences quoted in them; the
last tests read made-up articles end to end."""

from datetime import datetime, timedelta, timezone

from streams.nlp.counts import find_counts
from streams.nlp.dates import find_dates
from streams.nlp.eventmerge import Candidate, merged_candidates
from streams.nlp.events import extract_events
from streams.nlp.places import find_places
from streams.nlp.sentences import split_sentences
from streams.records import ExtractedEvent, Sentence

PUBLISHED = datetime(2024, 5, 16, 12, 0, tzinfo=timezone(timedelta(hours=7)))


def mention(type_, mode=None, actors=(), targets=(), *, evidence="s1", place=None, country="PE", explicit=True,
            default_target=False, wide=False, counts=None):
    event = ExtractedEvent(type=type_, mode=mode, country=country, date="2024-11-07", actors=list(actors),
                           targets=list(targets), place=place, evidence=evidence, counts=dict(counts or {}))
    return Candidate(event, 0, 0, "city" if place else None, place_wide=wide, explicit_actor=explicit,
                     default_target=default_target)


def events(*candidates):
    return [(m.event.actors, m.event.targets, m.event.place) for m in merged_candidates(list(candidates))]


def test_a_person_and_a_camp_in_two_sentences_are_two_speakers():
    # "Hezbollah blamed Israel for the blasts on Tuesday. Prime Minister Najib Mikati condemned the attack."
    # / "Hizbullah menyalahkan Israel ... Perdana Menteri Najib Mikati mengecam serangan itu."
    camp = mention("ACCUSE", None, ["PE:rebels"], ["CL"])
    person = mention("ACCUSE", "disapprove", ["Ana Torres"], ["CL"], evidence="s2")
    assert len(merged_candidates([camp, person])) == 2
    # the same two in one sentence are one statement ("Hezbollah's chief Nasrallah accused Israel")
    same_sentence = mention("ACCUSE", "disapprove", ["Ana Torres"], ["CL"])
    assert len(merged_candidates([camp, same_sentence])) == 1


def test_an_official_or_one_of_the_people_may_be_the_voice_told_in_another_sentence():
    # "The government condemned the attack on Tuesday. Minister Ana Torres condemned it as cowardly."
    # / "Le gouvernement a condamné l'attaque mardi. La ministre Ana Torres l'a qualifiée de lâche."
    state = mention("ACCUSE", "disapprove", ["PE:government"], ["CL"])
    official = mention("ACCUSE", "disapprove", ["Ana Torres"], ["CL"], evidence="s2")
    assert len(merged_candidates([state, official])) == 1
    # "Residents filed a complaint against the mayor. Ana Torres, one of them, said ..." / "Des habitants ont
    # porté plainte contre le maire. Ana Torres, l'une d'eux, a dénoncé ..."
    residents = mention("ACCUSE", "allege", ["PE:civilians"])
    resident = mention("ACCUSE", "allege", ["Ana Torres"], evidence="s2")
    assert len(merged_candidates([residents, resident])) == 1


def test_a_national_total_of_arrests_told_by_place_is_no_other_arrest():
    # "Police detained 1,192 people in Jakarta on Thursday. Nationwide, police said 3,862 people were
    # detained on Thursday." / "Polisi mengamankan 1.192 orang di Jakarta. Secara nasional, 3.862 orang diamankan."
    placed = mention("COERCE", "arrest", ["ID:police"], place="Jakarta", country="ID", counts={"arrested": 1192})
    total = mention("COERCE", "arrest", ["ID:police"], evidence="s2", country="ID", wide=True,
                    explicit=False, counts={"arrested": 3862})
    assert events(placed, total) == [(["ID:police"], [], "Jakarta")]


def test_a_nationwide_act_of_another_mode_or_day_stays():
    # "Police detained 40 people in Jakarta on Thursday. A nationwide curfew was imposed on Thursday." /
    # "La policía detuvo a 40 personas en Lima el jueves; el viernes, 300 personas fueron detenidas en todo el país."
    counted = mention("COERCE", "arrest", ["ID:police"], place="Jakarta", country="ID", counts={"arrested": 40})
    curfew = mention("COERCE", "curfew", ["ID:police"], evidence="s2", country="ID", wide=True,
                     explicit=False, counts={"arrested": 3862})
    assert len(merged_candidates([counted, curfew])) == 2
    later = mention("COERCE", "arrest", ["ID:police"], evidence="s2", country="ID", wide=True,
                    explicit=False, counts={"arrested": 300})
    later.event.date = "2024-11-08"
    assert len(merged_candidates([counted, later])) == 2


def test_a_nationwide_figure_told_with_its_doer_is_an_act():
    # "The army said its air force shot down five jets on Thursday; 31 people were killed around the country"
    # / "L'armée a abattu cinq avions jeudi ; 31 personnes ont été tuées dans tout le pays"
    placed = mention("ASSAULT", "aerial", ["IN:military"], place="Bahawalpur", country="PK", counts={"killed": 13})
    told = mention("ASSAULT", "aerial", ["PK:military"], evidence="s2", country="PK", wide=True,
                   counts={"killed": 31})
    assert len(merged_candidates([placed, told])) == 2


def read(text, lang, event_type):
    """The (actors, targets, counts) of the events of ``event_type`` extracted from ``text``."""
    sentences = [Sentence(a, b) for a, b in split_sentences(text)]
    events = extract_events(text, sentences, lang, PUBLISHED, find_places(text, lang),
                            find_dates(text, PUBLISHED, lang), find_counts(text, lang))
    return [(e.actors, e.counts) for e in events if e.type == event_type]


def test_a_camp_and_a_leader_condemning_in_two_sentences_are_two_statements():
    for lang, text in (
        ("en", "BEIRUT, Lebanon - Hezbollah condemned the explosions in Beirut on Wednesday. Prime Minister Najib "
               "Mikati condemned the attack on Wednesday as a criminal violation of Lebanese sovereignty."),
        ("fr", "BEYROUTH, Liban - Le Hezbollah a dénoncé mercredi les explosions à Beyrouth. Le Premier ministre "
               "Najib Mikati a dénoncé mercredi une violation criminelle de la souveraineté libanaise."),
    ):
        assert [actors for actors, _ in read(text, lang, "ACCUSE")] == [["LB:rebels"], ["Najib Mikati"]], lang


def test_a_national_arrest_total_is_not_attached_again():
    for lang, text in (
        ("en", "JAKARTA, Indonesia - Police detained 1,192 people in Jakarta on Wednesday. Nationwide, police said "
               "3,862 people were detained on Wednesday."),
        ("id", "JAKARTA - Polisi mengamankan 1.192 orang di Jakarta pada Rabu. Secara nasional, polisi menyebut "
               "3.862 orang diamankan dalam unjuk rasa di berbagai daerah pada Rabu."),
    ):
        assert [counts for _, counts in read(text, lang, "COERCE")] == [{"arrested": 1192}], lang
