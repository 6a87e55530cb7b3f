"""Pure misses (issue 10, recall13): acts a sentence tells that a filter meant for something else dropped.

- A relative clause set off by commas that names a bare year long past ("X, whose party backed her in
  2018, urged ...", "X, cuyo partido la apoyó en 2018, pidió ...") dates the aside, not the sentence.
- What a speech act is about ends with its clause when the next clause has a subject of its own:
  "expressed support for Noboa, while the security minister offered to send forces" tells two acts.
- A locative fronting the sentence ("In Buenos Aires, ...") places an act whose clause names a
  place only as a party ("if Quito asks").
Sentences written for these tests.
"""

from tests.unit.test_enrich import enriched


def events(text, lang):
    return enriched(text, lang, published="2024-01-10T18:00:00-05:00", title="News").events


def types(text, lang):
    return sorted(e.type for e in events(text, lang))


def test_an_aside_with_a_bare_year_long_past_does_not_make_the_sentence_history():
    assert types("The president, whose party backed her election in 2018, urged voters to stay calm on Tuesday.",
                 "en") == ["REQUEST"]
    assert types("La presidenta, cuyo partido apoyó su elección en 2018, pidió el martes calma a los votantes.",
                 "es") == ["REQUEST"]
    assert types("La présidente, dont le parti a soutenu l'élection en 2018, a appelé mardi les électeurs au calme.",
                 "fr") == ["REQUEST"]


def test_a_sentence_about_a_year_long_past_stays_history():
    assert types("The president urged voters to stay calm in 2018.", "en") == []


def test_a_second_clause_with_its_own_subject_is_a_second_act():
    text = ("Foreign Minister Diana Mondino condemned the violence on Tuesday, while Security Minister Patricia "
            "Bullrich deployed troops to the border.")
    assert types(text, "en") == ["ACCUSE", "MOBILIZE"]
    text = ("La ministre Diana Mondino a condamné mardi les violences, tandis que la ministre Patricia Bullrich a "
            "déployé des troupes à la frontière.")
    assert types(text, "fr") == ["ACCUSE", "MOBILIZE"]
    text = ("En Buenos Aires, la canciller Diana Mondino expresó el apoyo absoluto de su Gobierno a Daniel Noboa, "
            "mientras la ministra de Seguridad, Patricia Bullrich, ofreció enviar fuerzas de seguridad si Quito lo "
            "solicita.")
    found = events(text, "es")
    assert sorted(e.type for e in found) == ["AGREE", "SUPPORT"]
    assert {e.country for e in found} == {"AR"}


def test_what_a_speech_act_is_about_stays_its_content():
    # no subject of its own after the break: the attack is what the condemnation is about
    assert types("The government condemned the attack on the embassy on Tuesday.", "en") == ["ACCUSE"]


def test_a_year_that_names_a_document_does_not_make_the_sentence_history():
    assert types("The minister reaffirmed his support for the 2016 arbitral ruling.", "en") == ["SUPPORT"]
    assert types("El ministro reafirmó su apoyo al acuerdo nuclear de 2015.", "es") == ["SUPPORT"]
    assert types("Menteri itu menyatakan dukungan terhadap Perjanjian Pertahanan Bersama 1951.", "id") == [
        "SUPPORT"]


def test_a_year_that_dates_a_document_still_makes_history():
    assert types("The minister signed the agreement in 2015.", "en") == []
    assert types("Perjanjian itu ditandatangani menteri pada 1951.", "id") == []


def test_people_sent_to_jail_or_caught_by_police_are_arrested():
    # passives that name the act by where people were taken or by whom they were caught
    assert types("Two activists were caught by police in the capital on Tuesday.", "en") == ["COERCE"]
    assert types("He was caught by the police camera speeding on Tuesday.", "en") == []
    assert types("Dos dirigentes fueron enviados a prisión el martes.", "es") == ["COERCE"]
    assert types("Deux dirigeants ont été envoyés en prison mardi.", "fr") == ["COERCE"]
    assert types("Dua pemimpin dihantar ke penjara pada Selasa.", "ms") == ["COERCE"]


def test_an_act_dated_before_a_clause_of_what_goes_on_is_the_days_own():
    assert types("Police fired at the crowd in the capital on Tuesday as violence continued.", "en") == ["ASSAULT"]
    assert types("Polisi menembakkan gas air mata ke arah massa pada Selasa ketika kerusuhan terus berlanjut.",
                 "id") == ["ASSAULT"]
    # no conjunction: the marker still makes the toll a running one
    assert types("More than 700 people have been killed since October.", "en") == []


def test_an_infinitive_after_an_implicative_or_a_causative_was_done():
    assert types("Kenyan police had to fire tear gas in Nairobi on Tuesday.", "en") == ["ASSAULT"]
    assert types("Protesters blocked roads in Nairobi on Tuesday, prompting police to fire tear gas.", "en") == [
        "ASSAULT", "PROTEST"]
    assert types("Kenyan police gathered in Nairobi on Tuesday to fire tear gas.", "en") == []  # a purpose
    # Spanish and French causatives take no purpose word: the act is already kept
    assert types("Los manifestantes bloquearon carreteras en Lima el martes, lo que llevó a la policía a lanzar "
                 "gases lacrimógenos.", "es") == ["ASSAULT", "PROTEST"]
