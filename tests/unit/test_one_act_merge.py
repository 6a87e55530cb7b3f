"""One event per act: mentions whose modes or sector words differ that still tell one act (eventmerge)."""

from streams.nlp.eventmerge import Candidate, merged_candidates
from streams.records import ExtractedEvent


def mention(type_, mode, actors=(), *, evidence="s1", date="2024-11-07", place="Maputo", rank=0,
            inherited=False, explicit=True, counts=None):
    event = ExtractedEvent(type=type_, mode=mode, country="MZ", date=date, actors=list(actors), targets=[],
                           place=place, evidence=evidence, counts=dict(counts or {}))
    return Candidate(event, 0, rank, "city" if place else None, inherited, explicit_actor=explicit)


def modes(candidates):
    return [(m.event.mode, m.event.counts) for m in merged_candidates(candidates)]


def test_two_weapon_words_of_one_sentence_are_one_attack():
    # "police fired tear gas and live ammunition on Thursday, killing three"
    gas = mention("ASSAULT", "crowd-control", ["MZ:police"])
    fire = mention("ASSAULT", "firearms", ["MZ:police"], counts={"killed": 3})
    assert modes([gas, fire]) == [("firearms", {"killed": 3})]  # the mode of the word that caused the toll


def test_one_sentence_with_two_named_doers_keeps_both_acts():
    # "protesters threw stones while police fired tear gas": each side's own act
    stones = mention("ASSAULT", "primitive", ["MZ:protesters"])
    gas = mention("ASSAULT", "crowd-control", ["MZ:police"])
    assert len(merged_candidates([stones, gas])) == 2


def test_two_modes_in_two_sentences_or_on_two_days_stay_apart():
    curfew = mention("COERCE", "curfew", ["MZ:government"])
    ban = mention("COERCE", "ban", ["MZ:government"], evidence="s2")
    assert len(merged_candidates([curfew, ban])) == 2
    arrest = mention("COERCE", "arrest", ["MZ:police"])
    seizure = mention("COERCE", "curfew", ["MZ:police"], date="2024-11-08")
    assert len(merged_candidates([arrest, seizure])) == 2


def test_an_attack_told_again_without_date_place_or_attacker_is_the_same_attack():
    lede = mention("ASSAULT", "heavy-weapons", ["RU"], evidence="a missile attack on Maputo on Sunday")
    sirens = mention("ASSAULT", "aerial", ["MZ:military"], evidence="smoke billowed from strikes",
                     rank=2, inherited=True, explicit=False)
    assert len(merged_candidates([lede, sirens])) == 1


def test_an_attack_told_with_its_own_place_or_attacker_is_another_attack():
    lede = mention("ASSAULT", "heavy-weapons", ["RU"], evidence="a missile attack on Maputo")
    elsewhere = mention("ASSAULT", "aerial", [], evidence="strikes hit Beira", place="Beira", rank=2, explicit=False)
    named = mention("ASSAULT", "firearms", ["MZ:rebels"], evidence="gunmen fired", rank=2, inherited=True)
    assert len(merged_candidates([lede, elsewhere])) == 2
    assert len(merged_candidates([lede, named])) == 2


def test_only_attacks_are_retold_with_another_mode():
    march = mention("PROTEST", "demonstrate", ["MZ:protesters"], evidence="thousands marched in Maputo")
    riot = mention("PROTEST", "riot", [], evidence="cars were set on fire", rank=2, inherited=True, explicit=False)
    assert len(merged_candidates([march, riot])) == 2


def test_a_crowd_named_as_civilians_or_as_protesters_is_one_party():
    supporters = mention("PROTEST", "demonstrate", ["MZ:civilians"])
    marchers = mention("PROTEST", "demonstrate", ["MZ:protesters"], evidence="s2")
    assert len(merged_candidates([supporters, marchers])) == 1
    police = mention("PROTEST", "demonstrate", ["MZ:police"], evidence="s2")
    assert len(merged_candidates([supporters, police])) == 2


def test_a_kidnapping_by_armed_men_keeps_the_mode_of_the_act():
    # "un comando armado plagió a una comerciante": the armed commando's weapon, the kidnapping's act
    armed = mention("ASSAULT", "firearms", [], explicit=False)
    kidnap = mention("ASSAULT", "abduct", [], explicit=False)
    assert modes([armed, kidnap]) == [("abduct", {})]


def test_a_seizure_and_the_arrests_told_after_it_at_the_story_place_are_one_raid():
    seizure = mention("COERCE", "seize", ["MZ:military"], place="Pemba", evidence="seized a tanker off Pemba")
    crew = mention("COERCE", "arrest", [], place="Maputo", inherited=True, explicit=False,
                   evidence="Ten crew members were detained", counts={"arrested": 10})
    merged = merged_candidates([seizure, crew])
    assert [(m.event.place, m.event.counts) for m in merged] == [("Pemba", {"arrested": 10})]
    elsewhere = mention("COERCE", "arrest", [], place="Beira", explicit=False, evidence="two were held in Beira")
    assert len(merged_candidates([seizure, elsewhere])) == 2


def test_an_arrest_and_a_curfew_told_in_one_sentence_are_two_measures():
    # "police detained twelve people and the governor imposed a curfew": modes of COERCE name the act
    arrest = mention("COERCE", "arrest", ["MZ:police"])
    curfew = mention("COERCE", "curfew", ["MZ:police"])
    assert len(merged_candidates([arrest, curfew])) == 2


def test_two_speech_verbs_of_one_sentence_with_one_speaker_named_are_one_statement():
    # "« C'est un coup d'État », a dénoncé ... Khalifa Sall, qui accuse le président de ..."
    denounced = mention("ACCUSE", "disapprove", [], explicit=False)
    accuses = mention("ACCUSE", "allege", ["Khalifa Sall"])
    assert len(merged_candidates([denounced, accuses])) == 1
    other = mention("ACCUSE", "allege", ["Macky Sall"])
    assert len(merged_candidates([accuses, other])) == 2  # two speakers, two speech acts
