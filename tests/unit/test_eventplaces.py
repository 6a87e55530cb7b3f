"""Where events happened (streams/nlp/eventplaces.py), with the real gazetteer and dates."""

from datetime import datetime, timezone

from streams.nlp.eventplaces import dominant_place
from streams.nlp.mentions import PlaceMention
from streams.records import Location
from tests.events_in_text import events_in

PUBLISHED = datetime(2023, 3, 8, 9, 0, tzinfo=timezone.utc)  # a Wednesday


def extract(text, lang):
    return events_in(text, lang, PUBLISHED)


def _mention(text, surface, kind, name, start_from=0):
    start = text.index(surface, start_from)
    return PlaceMention(start, start + len(surface), surface, kind, Location(name, "ID"))


def test_a_province_defers_to_the_town_the_text_puts_in_it():
    text = "Bentrok di Kediri, Jawa Timur. Polisi Jawa Timur berjaga. Gubernur Jawa Timur datang."
    places = [_mention(text, "Kediri", "city", "Kediri"), _mention(text, "Jawa Timur", "admin", "East Java")]
    places += [_mention(text, "Jawa Timur", "admin", "East Java", places[-1].end + 1)]
    places += [_mention(text, "Jawa Timur", "admin", "East Java", places[-1].end + 1)]
    assert dominant_place(places).location.name == "Kediri"


def test_a_province_mentioned_most_stays_when_no_town_is_put_in_it():
    text = "Police in East Java said. East Java officials and Kediri residents met. East Java is calm."
    places = [_mention(text, "East Java", "admin", "East Java"), _mention(text, "East Java", "admin", "East Java", 20),
              _mention(text, "Kediri", "city", "Kediri"), _mention(text, "East Java", "admin", "East Java", 60)]
    assert dominant_place(places).location.name == "East Java"


def test_a_statement_made_from_a_city_is_placed_there():
    en = extract("Speaking from Moscow on Tuesday, the Russian foreign minister condemned the "
                 "sanctions imposed on Russia.", "en")
    assert [(e.type, e.country, e.place) for e in en if e.type == "ACCUSE"] == [("ACCUSE", "RU", "Moscow")]
    es = extract("Desde Lima, la presidenta de Perú condenó el martes los ataques contra la policía.", "es")
    assert [(e.type, e.country, e.place) for e in es if e.type == "ACCUSE"] == [("ACCUSE", "PE", "Lima")]


def test_a_statement_naming_no_place_it_was_made_from_has_none():
    en = extract("The Russian foreign minister on Tuesday condemned the sanctions imposed on Russia.", "en")
    assert [(e.type, e.place) for e in en if e.type == "ACCUSE"] == [("ACCUSE", None)]


def test_a_statement_told_right_after_the_dateline_is_placed_in_its_town():
    en = extract("OTTAWA - Canada's foreign minister on Tuesday condemned the shelling of the port.\n\n"
                 "Officials said talks would resume.", "en")
    assert [(e.country, e.place) for e in en if e.type == "ACCUSE"] == [("CA", "Ottawa")]
    es = extract("QUITO.- El Gobierno de Ecuador condenó el martes los ataques contra la embajada.\n\n"
                 "Los diplomáticos regresaron.", "es")
    assert [(e.country, e.place) for e in es if e.type == "ACCUSE"] == [("EC", "Quito")]


def test_a_foreign_speaker_after_the_dateline_is_not_placed_in_its_town():
    en = extract("OTTAWA - Brazil's foreign minister on Tuesday condemned the shelling of the port.\n\n"
                 "Officials said talks would resume.", "en")
    assert [e.place for e in en if e.type == "ACCUSE"] == [None]


def test_an_act_spread_across_a_whole_country_has_no_place():
    en = extract("Police arrested 300 people across Kenya on Tuesday.\n\n"
                 "The unrest began in Nakuru. Nakuru residents said Nakuru was calm.", "en")
    assert [(e.type, e.country, e.place) for e in en if e.type == "COERCE"] == [("COERCE", "KE", None)]
    id_ = extract("Polisi menangkap 300 orang di seluruh Kenya pada Selasa.\n\n"
                  "Kerusuhan bermula di Nakuru. Warga Nakuru mengatakan Nakuru tenang.", "id")
    assert [(e.type, e.country, e.place) for e in id_ if e.type == "COERCE"] == [("COERCE", "KE", None)]


def test_a_deed_told_of_the_whole_country_does_not_take_the_storys_town():
    en = extract("Explosions rocked Lebanon on Tuesday, killing nine people.\n\n"
                 "Hospitals in Beirut were full. Beirut residents queued to give blood in Beirut.", "en")
    assert [(e.type, e.country, e.place) for e in en if e.type == "ASSAULT"] == [("ASSAULT", "LB", None)]
    ms = extract("Letupan menggegarkan Lubnan pada Selasa, membunuh sembilan orang.\n\n"
                 "Hospital di Beirut penuh. Penduduk Beirut beratur di Beirut untuk menderma darah.", "ms")
    assert [(e.type, e.country, e.place) for e in ms if e.type == "ASSAULT"] == [("ASSAULT", "LB", None)]


def test_a_country_that_only_says_whose_police_keeps_the_storys_town():
    id_ = extract("Polisi Kenya menangkap 40 orang pada Selasa.\n\n"
                  "Kerusuhan bermula di Nakuru. Warga Nakuru mengatakan Nakuru tenang.", "id")
    assert [(e.type, e.place) for e in id_ if e.type == "COERCE"] == [("COERCE", "Nakuru")]
    en = extract("Kenya's police arrested 40 people on Tuesday.\n\n"
                 "The unrest began in Nakuru. Nakuru residents said Nakuru was calm.", "en")
    assert [(e.type, e.place) for e in en if e.type == "COERCE"] == [("COERCE", "Nakuru")]


def test_an_act_over_several_listed_places_has_none_but_keeps_their_country():
    en = extract("Nairobi is calm. On Tuesday the government ordered the army into Punjab and Sindh.", "en")
    assert [(e.type, e.country, e.place) for e in en if e.type == "MOBILIZE"] == [("MOBILIZE", "PK", None)]
    es = extract("Lima amaneció tranquila. El martes el Gobierno desplegó a las Fuerzas Armadas en Tumbes, "
                 "Piura, Cajamarca y Loreto.", "es")
    assert [(e.type, e.country, e.place) for e in es if e.type == "MOBILIZE"] == [("MOBILIZE", "PE", None)]
    id_ = extract("Puluhan ribu tentara dikerahkan untuk berpatroli di Kolombo dan kota-kota lain pada Selasa.", "id")
    assert [(e.type, e.country, e.place) for e in id_ if e.type == "MOBILIZE"] == [("MOBILIZE", "LK", None)]


def test_a_town_and_its_province_a_comma_apart_are_one_place_not_a_list():
    en = extract("On Tuesday the government deployed troops in Malang, East Java.", "en")
    assert [(e.type, e.place) for e in en if e.type == "MOBILIZE"] == [("MOBILIZE", "Malang")]


def test_an_act_over_a_number_of_provinces_has_no_place():
    es = extract("Arequipa sigue en calma. El martes el Gobierno de Perú impuso el toque de queda en 15 provincias.", "es")
    assert [(e.type, e.place) for e in es if e.type == "COERCE"] == [("COERCE", None)]
    fr = extract("Marseille est calme. Mardi, le gouvernement français a imposé un couvre-feu dans 12 départements.", "fr")
    assert [(e.type, e.place) for e in fr if e.type == "COERCE"] == [("COERCE", None)]
    # ... but villages counted in a named regency are there
    id_ = extract("Kelompok bersenjata membakar rumah di 3 desa di Kabupaten Nduga, Papua, pada Selasa.", "id")
    assert all(e.place is not None for e in id_) and id_


def test_a_statement_of_a_governments_seat_is_made_in_its_city():
    ms = extract("Malaysia menggesa PBB bertindak. Wisma Putra dalam kenyataan hari ini mengutuk serangan Israel "
                 "ke atas Lubnan.", "ms")
    assert [(e.type, e.country, e.place) for e in ms if e.type == "ACCUSE"] == [("ACCUSE", "MY", "Putrajaya")]
    en = extract("The Kremlin on Tuesday condemned the new sanctions imposed on Russia.", "en")
    assert [(e.type, e.country, e.place) for e in en if e.type == "ACCUSE"] == [("ACCUSE", "RU", "Moscow")]
    es = extract("Estados Unidos y Rusia siguen enfrentados. La Casa Blanca rechazó el martes las acusaciones.", "es")
    assert [(e.type, e.country, e.place) for e in es if e.type == "REJECT"] == [("REJECT", "US", "Washington")]


def test_a_seat_someone_of_another_country_answers_is_not_where_they_spoke():
    en = extract("The Kremlin's claims were condemned by Ukraine's foreign minister Dmytro Kuleba on Tuesday.", "en")
    assert [e.place for e in en if e.type == "ACCUSE"] == [None]


def test_a_statement_by_he_goes_on_where_the_sentence_before_had_its_speaker_speak():
    en = extract("Putin, in a televised address from the Kremlin on Tuesday, accused the mutineers of treason. "
                 "\"Those who raised arms against their comrades will be punished,\" he warned.", "en")
    assert [(e.type, e.place) for e in en if e.type == "THREATEN"] == [("THREATEN", "Moscow")]
    id_ = extract("Pada Selasa, Presiden Rusia Vladimir Putin berpidato di Lapangan Katedral, Kremlin. "
                  "Ia memuji pasukan karena telah mencegah perang saudara.", "id")
    assert [(e.type, e.place) for e in id_ if e.type == "SUPPORT"] == [("SUPPORT", "Moscow")]
    fr = extract("Emmanuel Macron, qui avait parlé mardi depuis Marseille, a réuni mercredi une cellule de crise "
                 "à Paris. À l'issue de la réunion, le chef de l'État a condamné des violences injustifiables.", "fr")
    assert [(e.type, e.place) for e in fr if e.type == "ACCUSE"] == [("ACCUSE", "Paris")]


def test_a_statement_by_he_after_a_deed_somewhere_is_not_placed_there():
    en = extract("Police fired tear gas at protesters in Bangkok on Tuesday. \"This is unacceptable,\" he said "
                 "condemning the violence.", "en")
    assert [e.place for e in en if e.type == "ACCUSE"] == [None]


def test_a_deployment_the_government_orders_naming_no_place_is_national():
    es = extract("Hombres armados irrumpieron el martes en un canal de televisión en Guayaquil. La policía de Guayaquil "
                 "detuvo a 13 personas en Guayaquil.\n\nEl Gobierno desplegó el martes a las Fuerzas Armadas.", "es")
    assert [(e.type, e.country, e.place) for e in es if e.type == "MOBILIZE"] == [("MOBILIZE", "EC", None)]
    id_ = extract("Kerusuhan pecah di Nanterre, Prancis, pada Selasa. Polisi menangkap 20 orang di Nanterre.\n\n"
                  "Pemerintah Prancis mengerahkan 45.000 polisi pada Selasa malam.", "id")
    assert [(e.type, e.country, e.place) for e in id_ if e.type == "MOBILIZE"] == [("MOBILIZE", "FR", None)]


def test_forces_deployed_at_the_scene_by_no_government_keep_the_storys_town():
    en = extract("Gunmen stormed a television station in Guayaquil, Ecuador, on Tuesday. Police in Guayaquil "
                 "arrested 13 people in Guayaquil.\n\nTroops were deployed on Tuesday.", "en")
    assert [(e.type, e.place) for e in en if e.type == "MOBILIZE"] == [("MOBILIZE", "Guayaquil")]


def test_an_act_in_a_part_of_the_country_named_by_its_direction_takes_no_town():
    en = extract("Police fired tear gas at protesters in Lagos on Wednesday.\n\n"
                 "Thousands of residents fled their villages in the north on Wednesday.", "en")
    assert [e.place for e in en if e.type == "SANCTION"] == [None]
    id_ = extract("Polisi menembakkan gas air mata ke arah demonstran di Medan pada Rabu.\n\n"
                  "Ribuan warga mengungsi dari desa mereka di utara pada Rabu.", "id")
    assert [e.place for e in id_ if e.type == "SANCTION"] == [None]


def test_a_part_of_the_storys_town_named_by_its_direction_keeps_the_town():
    es = extract("Miles de personas marcharon el miércoles en Cali.\n\n"
                 "En la noche, la policía disparó gases lacrimógenos contra manifestantes en el sur de la ciudad.", "es")
    assert {e.place for e in es if e.type == "ASSAULT"} == {"Cali"}
    id_ = extract("Ribuan orang berunjuk rasa pada Rabu di Medan.\n\n"
                  "Pada malam hari, polisi menembakkan gas air mata ke arah demonstran di selatan kota.", "id")
    assert {e.place for e in id_ if e.type == "ASSAULT"} == {"Medan"}


def test_a_person_named_in_the_quotation_does_not_stop_it_being_said_where_its_speaker_spoke():
    fr = extract("Emmanuel Macron s'est adressé aux Français mercredi soir depuis l'Elysée. « Cette guerre n'est pas "
                 "celle de la Russie, c'est celle du président Poutine », a-t-il affirmé, dénonçant une agression.", "fr")
    assert [(e.type, e.place) for e in fr] == [("ACCUSE", "Paris")]
    id_ = extract("Presiden Joko Widodo berpidato pada Rabu malam dari Bogor. \"Ini bukan perang rakyat Rusia, ini perang "
                  "Presiden Putin,\" ujarnya, mengecam invasi itu.", "id")
    assert [(e.type, e.country, e.place) for e in id_] == [("ACCUSE", "ID", "Bogor")]


def _place_of(text, lang, event_type):
    return next(e.place for e in extract(text, lang) if e.type == event_type)


def test_a_statement_goes_on_where_its_paragraph_put_the_speakers():
    """The sentence before put the speakers in a town; the statement after names no new one."""
    cases = [
        ("en", "REQUEST", "Kandy", "Opposition leaders gathered for crisis talks in Kandy on Monday. "
                                   "Hours later the leaders demanded that the finance minister resign."),
        ("id", "REQUEST", "Surabaya", "Para pemimpin oposisi menggelar rapat darurat di Surabaya, Senin. "
                                      "Seusai rapat, mereka menuntut menteri keuangan mundur."),
        ("ms", "ACCUSE", "Ipoh", "Pemimpin pembangkang mengadakan mesyuarat tergempar di Ipoh semalam. "
                                 "Selepas mesyuarat itu, mereka mengecam menteri kewangan kerana kenaikan harga minyak."),
        ("fr", "REQUEST", "Lyon", "Les chefs de l'opposition se sont réunis lundi à Lyon. "
                                  "À l'issue de la réunion, ils ont exigé la démission du ministre des Finances."),
        ("es", "THREATEN", "Valparaíso", "La ministra de Exteriores, que estuvo el lunes en Valparaíso, se reunió con el "
                                         "gobernador. Ante la prensa, la ministra advirtió que el Gobierno chileno impondría sanciones."),
        ("en", "THREATEN", "Cebu City", "Senator Maria Reyes, who was in Cebu City on Monday, met the governor of Cebu. At a news "
                                        "conference after the talks, Reyes warned that the Philippine government would impose sanctions."),
    ]
    for lang, event_type, place, text in cases:
        assert _place_of(text, lang, event_type) == place, (lang, text)


def test_a_body_of_another_country_speaks_from_home():
    text = ("The UN rights office, speaking in Geneva on Friday, urged Spain to investigate. "
            "The Spanish foreign ministry rejected the accusation.")
    rejected = next(e for e in extract(text, "en") if e.type == "REJECT")
    assert (rejected.country, rejected.place) == ("ES", None)


def test_an_act_told_first_as_nationwide_keeps_no_place_when_a_later_mention_names_a_town():
    """Its mention saying "across the country" comes first: a later "the blasts hit Cali" is a detail
    of the same act, which still has no single place."""
    cases = {
        "en": "Bombs exploded across Colombia on Tuesday, killing nine people. The blasts hit the centre of Cali.",
        "id": "Bom meledak di seluruh Kolombia pada Selasa, menewaskan sembilan orang. Ledakan itu mengguncang pusat kota Cali.",
        "ms": "Bom meletup di seluruh Colombia pada Selasa, mengorbankan sembilan orang. Letupan itu menggegarkan pusat bandar Cali.",
        "fr": "Des bombes ont explosé mardi à travers la Colombie, tuant neuf personnes. Les explosions ont frappé le centre de Cali.",
        "es": "Varias bombas estallaron el martes en todo el territorio de Colombia y mataron a nueve personas. "
              "Las explosiones sacudieron el centro de Cali.",
    }
    for lang, text in cases.items():
        assert [(e.type, e.country, e.place) for e in extract(text, lang)] == [("ASSAULT", "CO", None)], lang


def test_a_statement_told_again_in_the_next_sentence_is_where_that_sentence_says():
    cases = {
        "en": "The Chilean foreign ministry rejected the accusation on Monday. \"We have nothing to hide,\" the minister "
              "told reporters in Valparaíso.",
        "id": "Kementerian Luar Negeri Thailand membantah tuduhan itu pada Senin. \"Kami tidak menyembunyikan apa pun,\" "
              "kata juru bicara kementerian kepada wartawan di Chiang Mai.",
        "ms": "Kementerian Luar Negeri Thailand menafikan tuduhan itu pada Isnin. \"Kami tidak menyembunyikan apa-apa,\" "
              "kata jurucakap kementerian kepada pemberita di Chiang Mai.",
        "fr": "Le ministère chilien des Affaires étrangères a rejeté lundi l'accusation. « Nous n'avons rien à cacher », "
              "a déclaré le ministre à la presse à Valparaíso.",
        "es": "La cancillería chilena rechazó el lunes la acusación. \"No tenemos nada que ocultar\", dijo el ministro "
              "a la prensa en Valparaíso.",
    }
    for lang, text in cases.items():
        assert [e.place for e in extract(text, lang) if e.type == "REJECT"] in (["Valparaíso"], ["Chiang Mai"]), lang


def test_words_said_next_in_another_country_do_not_place_the_statement():
    text = "The Chilean foreign ministry rejected the accusation on Monday. \"It is false,\" an official told reporters in Lima."
    assert [(e.country, e.place) for e in extract(text, "en") if e.type == "REJECT"] == [("CL", None)]


def test_the_town_a_visitor_visits_is_where_they_act():
    cases = {
        "en": "The Japanese foreign minister, visiting Nairobi on Tuesday, announced $20 million in humanitarian aid "
              "for flood victims.",
        "ms": "Menteri Luar Jepun, semasa melawat Nairobi pada Selasa, mengumumkan bantuan kemanusiaan bernilai 20 juta "
              "dolar AS kepada mangsa banjir.",
        "fr": "Le ministre japonais des Affaires étrangères, visitant Nairobi mardi, a annoncé une aide humanitaire de "
              "20 millions de dollars pour les victimes des inondations.",
        "es": "El canciller japonés, que visitó Nairobi el martes, anunció 20 millones de dólares en ayuda humanitaria "
              "para las víctimas de las inundaciones.",
    }
    for lang, text in cases.items():
        assert [(e.country, e.place) for e in extract(text, lang) if e.type == "AID"] == [("KE", "Nairobi")], lang
    id_ = extract("Menteri Luar Negeri Jepang, saat mengunjungi Nairobi pada Selasa, bertemu Presiden Kenya.", "id")
    assert [(e.country, e.place) for e in id_ if e.type == "CONSULT"] == [("KE", "Nairobi")]


def test_a_statement_is_placed_where_a_from_after_its_verb_says_it_was_made():
    """"from" may follow the verb of a statement, with a day between them ("a exhorté jeudi depuis
    Paris", "exhortó el jueves desde Lima"): the statement was made there."""
    fr = extract("Le ministère français des Affaires étrangères a exhorté mardi depuis Paris les autorités "
                 "guinéennes à libérer les détenus.", "fr")
    es = extract("La cancillería peruana exhortó el martes desde Lima a las autoridades bolivianas a liberar "
                 "a los detenidos.", "es")
    en = extract("The Peruvian foreign ministry on Tuesday urged from Lima the Bolivian authorities to free "
                 "the detainees.", "en")
    for events, city in ((fr, "Paris"), (es, "Lima"), (en, "Lima")):
        request = next(e for e in events if e.type == "REQUEST")
        assert request.location is not None and request.location.name == city


def test_datelines_in_title_case_with_hyphens_regions_or_day_first_dates_are_read():
    from streams.nlp.eventdates import dateline_end

    for dateline in ("Jakarta (ANTARNUSA) - ", "Lima, 16 de julio de 2025.- ", "Ciudad de México.- ",
                     "SAN ANTONIO, Zambales - ", "MANILA, Philippines - ", "ZARAGOZA, 9 Nov. (EUROPA PRESS) -\n",
                     "PORT-AU-PRINCE — ", "KABAR-TIMUR.EXAMPLE, SUGAPA - ", "QUIBDÓ (Colprensa). "):
        assert dateline_end(dateline + "El Gobierno condenó el ataque.") == len(dateline)
    for lead in ("Foto: El Gobierno condenó el ataque.", "Cartagena, Colombia: una ciudad en calma.",
                 "Claire Hartwell has resigned as housing minister.", "Caracas. Un total de 107 presos"):
        assert dateline_end(lead) == 0


def test_a_statement_after_a_title_case_dateline_is_placed_in_its_town():
    id_ = extract("Jakarta (ANTARNUSA) - Pemerintah Indonesia mengecam keras serangan terhadap pelabuhan itu "
                  "pada Selasa.\n\nPara pejabat mengatakan perundingan akan dilanjutkan.", "id")
    assert [(e.country, e.place) for e in id_ if e.type == "ACCUSE"] == [("ID", "Jakarta")]


def test_an_armed_groups_statement_after_the_dateline_is_not_placed_in_its_town():
    es = extract("QUIBDÓ (Colprensa). El Ejército de Liberación Nacional (ELN) amenazó el martes con atacar "
                 "las embarcaciones que naveguen por el río.\n\nLos pobladores se refugiaron.", "es")
    assert [(e.country, e.place) for e in es if e.type == "THREATEN"] == [("CO", None)]


def test_arrests_across_the_country_in_french_and_spanish_have_no_place():
    fr = extract("DAKAR — Un étudiant a été tué mardi à Saint-Louis.\n\nSelon le ministère de l'Intérieur, "
                 "266 personnes ont été interpellées à travers le pays mardi.", "fr")
    assert [e.place for e in fr if e.type == "COERCE"] == [None]
    es = extract("LIMA.- Un estudiante murió el martes en Arequipa.\n\nLa policía detuvo a 266 personas "
                 "a lo largo del país el martes.", "es")
    assert [e.place for e in es if e.type == "COERCE"] == [None]


def test_an_international_body_naming_no_place_speaks_from_its_headquarters():
    en = extract("The European Union on Tuesday welcomed the release of the prisoners.", "en")
    es = extract("La Unión Europea saludó este martes la liberación de los presos.", "es")
    id_ = extract("Uni Eropa pada Selasa menyambut baik pembebasan para tahanan.", "id")
    for events in (en, es, id_):
        assert [(e.type, e.country, e.place) for e in events] == [("SUPPORT", "BE", "Brussels")]
    said_there = extract("Speaking from Geneva on Tuesday, EU officials welcomed the release of the prisoners.", "en")
    assert [e.place for e in said_there if e.type == "SUPPORT"] == ["Geneva"]


def test_a_statement_made_at_a_press_event_is_placed_in_its_town():
    """The press conference or briefing a statement was made at, named after its verb ("warned at a
    news conference in Abuja", "exigió en rueda de prensa en Caracas"), is where it was made."""
    cases = {
        "en": ("Nigeria's police chief on Tuesday urged at a news conference in Abuja the protesters to "
               "stay off the roads.", "Abuja"),
        "es": ("El director de la ONG venezolana exigió este martes en rueda de prensa en Caracas la liberación "
               "de los detenidos.", "Caracas"),
        "fr": ("Le ministre sénégalais a exhorté mardi lors d'une conférence de presse à Dakar les manifestants "
               "à rentrer chez eux.", "Dakar"),
        "id": ("Kapolri mendesak dalam konferensi pers di Jakarta, Selasa, agar massa membubarkan diri.", "Jakarta"),
        "ms": ("Ketua Polis Johor menggesa pada sidang media di Johor Bahru semalam orang ramai menyalurkan "
               "maklumat.", "Johor Bahru"),
    }
    for lang, (text, city) in cases.items():
        requests = [e for e in extract(text, lang) if e.type == "REQUEST"]
        assert [e.place for e in requests] == [city], lang



def test_a_statement_made_in_a_presidential_palace_is_placed_in_its_city():
    es = extract("En su conferencia matutina de este miércoles en Palacio Nacional, la presidenta de México "
                 "rechazó las acusaciones.", "es")
    assert [(e.country, e.place) for e in es if e.type == "REJECT"] == [("MX", "Mexico City")]
    cl = extract("La ministra del Interior de Chile informó este miércoles desde La Moneda que el Gobierno "
                 "condenó el ataque.", "es")
    assert [e.place for e in cl if e.type == "ACCUSE"] == ["Santiago"]


def test_a_country_named_before_a_deed_is_not_its_place():
    fr = extract("Les derniers militaires américains stationnés au Niger ont quitté lundi la base aérienne "
                 "de la capitale.", "fr")
    assert all(e.place != "Niger" for e in fr)


def test_a_place_the_statements_object_names_without_a_press_event_is_not_where_it_was_made():
    en = extract("Nigeria's foreign minister on Tuesday condemned the bombing of a news agency in Abuja.", "en")
    assert [e.place for e in en if e.type == "ACCUSE"] == [None]


def test_a_province_defers_to_a_town_in_it_the_text_names_elsewhere():
    """"East Java police ... the stadium in Malang regency ... East Java": the town, the most precise
    place, though the province is named more; a town of another province does not take its place."""
    text = "Polisi Jawa Timur berjaga. Stadion di Kabupaten Malang. Gubernur Jawa Timur datang."
    east_java = [PlaceMention(m, m + 10, "Jawa Timur", "admin", Location("East Java", "ID"), "08")
                 for m in (text.index("Jawa Timur"), text.rindex("Jawa Timur"))]
    start = text.index("Malang")
    malang = PlaceMention(start, start + 6, "Malang", "city", Location("Malang", "ID"), "08")
    assert dominant_place([east_java[0], malang, east_java[1]]).location.name == "Malang"
    bandung = PlaceMention(start, start + 6, "Malang", "city", Location("Bandung", "ID"), "30")
    assert dominant_place([east_java[0], bandung, east_java[1]]).location.name == "East Java"


def test_the_gazetteer_knows_which_province_a_town_is_in():
    from streams.nlp.places import find_places

    found = {p.location.name: p.admin for p in find_places(
        "Bentrokan di Malang, Jawa Timur, dan di Kota Kinabalu, Sabah.", "id")}
    assert found["Malang"] == found["East Java"]
    assert found["Kota Kinabalu"] == found["Sabah"] != found["East Java"]


def test_a_deed_naming_no_place_goes_on_where_its_paragraph_put_the_acts():
    """"À Nantes, des vitrines ont été brisées. Onze personnes ont été interpellées": Nantes, not the
    story's main town; a paragraph that names two towns leaves it at the main town."""
    fr = extract("Des milliers de personnes ont manifesté mardi à Paris. Les cortèges ont traversé Paris.\n\n"
                 "À Nantes, des vitrines ont été brisées mardi. Onze personnes ont été interpellées mardi.", "fr")
    assert [e.place for e in fr if e.type == "COERCE"] == ["Nantes"]
    en = extract("Thousands of people marched in Paris on Tuesday. The marchers crossed Paris.\n\n"
                 "In Nantes and in Lyon, shop windows were smashed on Tuesday. Police arrested eleven people "
                 "on Tuesday.", "en")
    assert [e.place for e in en if e.type == "COERCE"] == ["Paris"]


def test_a_statement_at_a_press_event_the_text_does_not_place_is_in_the_datelines_town():
    """A press event named with no town of its own ("lors d'un point de presse", "pada sidang media
    bersama", "en su conferencia de prensa en Casa Rosada") was held where the story was filed."""
    cases = {
        "en": "CANBERRA - Protesters marched on the embassy on Monday.\n\nThe prime minister on Tuesday condemned "
              "the attack on the embassy at a news conference after the cabinet met.",
        "es": "LIMA.- Manifestantes marcharon el lunes hacia la embajada.\n\nLa presidenta condenó este martes el "
              "ataque contra la embajada en su conferencia de prensa semanal en Palacio de Gobierno.",
        "fr": "OTTAWA — Des manifestants ont défilé lundi devant l'ambassade.\n\nLe premier ministre a condamné "
              "mardi l'attaque contre l'ambassade, lors d'un point de presse tenu en fin de journée.",
        "id": "JAKARTA - Ribuan mahasiswa berunjuk rasa di depan kedutaan pada Senin.\n\nMenteri Luar Negeri "
              "mengecam serangan terhadap kedutaan itu dalam konferensi pers di kantornya, Selasa.",
        "ms": "KUALA LUMPUR: Ribuan penunjuk perasaan berhimpun di hadapan kedutaan pada Isnin.\n\nMenteri Luar "
              "Malaysia mengecam serangan terhadap kedutaan itu pada sidang media bersama semalam.",
    }
    towns = {"en": "Canberra", "es": "Lima", "fr": "Ottawa", "id": "Jakarta", "ms": "Kuala Lumpur"}
    for lang, text in cases.items():
        assert [e.place for e in extract(text, lang) if e.type == "ACCUSE"] == [towns[lang]], lang


def test_a_press_event_placed_in_another_town_or_without_a_dateline_is_not_the_datelines():
    elsewhere = extract("CANBERRA - Protesters marched on the embassy on Monday.\n\nAustralia's foreign minister "
                        "on Tuesday condemned the attack at a news conference in Sydney.", "en")
    assert [e.place for e in elsewhere if e.type == "ACCUSE"] == ["Sydney"]
    undated = extract("Protesters marched on the embassy on Monday.\n\nAustralia's foreign minister on Tuesday "
                      "condemned the attack at a news conference.", "en")
    assert [e.place for e in undated if e.type == "ACCUSE"] == [None]
    abroad = extract("CANBERRA - Protesters marched on the embassy on Monday.\n\nChina's foreign ministry "
                     "spokesman on Tuesday condemned the attack at a regular news briefing.", "en")
    assert [e.place for e in abroad if e.type == "ACCUSE"] != ["Canberra"]


def test_a_statement_ending_its_paragraph_is_where_the_quotation_opening_the_next_says():
    """"... menggesa kerajaan negeri ... ¶ "...," katanya ketika ditemui pemberita di Kota Kinabalu": the
    same speaker tells the statement again, and where."""
    cases = {
        "id": ("Gubernur Sulawesi Selatan mendesak para bupati menghentikan praktik jual beli proyek, Kamis.\n\n"
               "\"Jangan bermain-main dengan anggaran rakyat,\" katanya di Makassar.", "Makassar"),
        "ms": ("Ahli Dewan Undangan Negeri pembangkang menggesa kerajaan negeri menubuhkan suruhanjaya siasatan "
               "bebas semalam.\n\n\"Kita perlu tahu ke mana wang itu pergi,\" katanya ketika ditemui pemberita "
               "di Kota Kinabalu.", "Kota Kinabalu"),
        "fr": ("Le maire de Lyon a exhorté mardi l'État à envoyer des renforts.\n\n« Nous ne pouvons plus attendre "
               "davantage », a-t-il déclaré à Lyon.", "Lyon"),
        "en": ("Nigeria's police chief on Tuesday urged the protesters to go home.\n\n\"We want peace on our "
               "streets again,\" he told reporters in Abuja.", "Abuja"),
        "es": ("El gobernador de Sinaloa pidió este martes a la población no difundir rumores.\n\n\"No vamos a "
               "permitir que se siembre el pánico\", dijo el gobernador en Culiacán.", "Culiacán"),
    }
    for lang, (text, town) in cases.items():
        assert [e.place for e in extract(text, lang) if e.type == "REQUEST"] == [town], lang


def test_a_quotation_of_someone_new_in_the_next_paragraph_does_not_place_the_statement():
    text = ("Gubernur Sulawesi Selatan mendesak para bupati menghentikan praktik jual beli proyek, Kamis.\n\n"
            "\"Kami menghormati proses hukum,\" kata Wakil Ketua KPK Nurul Hidayat di Jakarta.")
    assert [e.place for e in extract(text, "id") if e.type == "REQUEST"] == [None]


def test_a_regular_press_conference_named_by_its_rhythm_is_a_press_event():
    es = extract("CULIACÁN.- Hombres armados atacaron el lunes una patrulla.\n\nEn su conferencia semanal en Palacio "
                 "de Gobierno, el gobernador de Sinaloa pidió este martes a la población no difundir rumores.", "es")
    assert [(e.country, e.place) for e in es if e.type == "REQUEST"] == [("MX", "Culiacán")]


def test_a_sanction_is_not_placed_in_the_country_it_is_aimed_at():
    en = extract("Pakistan on Wednesday closed its airspace to Indian airlines and suspended all trade with India "
                 "over the attack on tourists in Kashmir.", "en")
    assert {(e.type, e.country) for e in en if e.type == "SANCTION"} == {("SANCTION", "PK")}
    id_ = extract("Amerika Serikat pada Rabu menjatuhkan sanksi terhadap jaringan yang mengirim minyak ke China.", "id")
    assert {(e.type, e.country) for e in id_ if e.type == "SANCTION"} == {("SANCTION", "US")}


def test_a_sanction_keeps_the_town_its_reporting_frame_puts_it_in():
    en = extract("Germany on Tuesday suspended its development aid to Afghanistan, the minister said in Berlin.", "en")
    assert [(e.type, e.country, e.place) for e in en if e.type == "SANCTION"] == [("SANCTION", "DE", "Berlin")]


def test_a_phone_call_has_no_place():
    en = extract("KYIV - Joe Biden spoke by phone with Volodymyr Zelensky on Tuesday about aid to Kharkiv.", "en")
    assert [(e.type, e.place) for e in en if e.type == "CONSULT"] == [("CONSULT", None)]
    es = extract("El canciller de México sostuvo el martes una llamada con su homólogo de Guatemala.", "es")
    assert [(e.type, e.place) for e in es if e.type == "CONSULT"] == [("CONSULT", None)]
    id_ = extract("JAKARTA - Menlu Retno Marsudi berbicara melalui telepon dengan Menlu Yordania pada Senin untuk "
                  "membahas pengiriman bantuan ke Kota Gaza.", "id")
    assert [(e.type, e.place) for e in id_ if e.type == "CONSULT"] == [("CONSULT", None)]


def test_a_meeting_in_person_keeps_its_town():
    en = extract("Joe Biden met Xi Jinping in Lima on Tuesday.", "en")
    assert [(e.type, e.place) for e in en if e.type == "CONSULT"] == [("CONSULT", "Lima")]


def test_a_flight_is_placed_where_people_fled_from_not_their_refuge():
    en = extract("Thousands of villagers fled their homes in Geneina to camps in Adre, Chad, on Tuesday.", "en")
    assert [(e.type, e.country) for e in en if e.type == "SANCTION"] == [("SANCTION", "SD")]
    es = extract("Cientos de familias huyeron el martes de Culiacán hacia Mazatlán.", "es")
    assert [(e.type, e.place) for e in es if e.type == "SANCTION"] == [("SANCTION", "Culiacán")]


def test_a_general_or_national_strike_is_nationwide():
    es = extract("BUENOS AIRES.- La CGT llevó adelante este martes su tercer paro general contra el gobierno.\n\n"
                 "En Avellaneda hubo piquetes. En Avellaneda la policía vigiló los accesos.", "es")
    assert [(e.mode, e.place) for e in es if e.type == "PROTEST" and e.mode == "strike"] == [("strike", None)]
    en = extract("Unions staged a general strike on Tuesday against the pension reform.\n\n"
                 "In Lyon, police watched the station. Lyon was calm.", "en")
    assert [(e.mode, e.place) for e in en if e.type == "PROTEST"] == [("strike", None)]


def test_a_march_in_a_town_on_a_national_strike_day_keeps_its_town():
    es = extract("Miles de personas marcharon el martes en Bogotá en la jornada del paro nacional.", "es")
    assert {e.place for e in es if e.type == "PROTEST"} == {"Bogotá"}


def _placed(events, event_type):
    return [(e.country, e.place) for e in events if e.type == event_type]


def test_a_phone_call_is_in_the_callers_country_not_the_one_its_topic_names():
    en = extract("Canada's foreign minister spoke by phone with her Jordanian counterpart on Tuesday "
                 "about aid deliveries to Gaza.", "en")
    assert _placed(en, "CONSULT") == [("CA", None)]
    id_ = extract("Menlu Retno Marsudi menyampaikan keprihatinan. Ia juga berbicara melalui telepon dengan Menlu "
                  "Yordania pada Senin untuk membahas pengiriman bantuan ke wilayah utara Gaza.", "id")
    assert _placed(id_, "CONSULT") == [("ID", None)]


def test_a_visitor_speaking_at_the_meeting_the_story_was_filed_from_is_placed_there():
    en = extract("JEDDAH - US and Ukrainian officials met in Jeddah on Tuesday. Secretary of State Marco Rubio "
                 "led the talks. He urged Moscow to accept the truce.", "en")
    assert _placed(en, "REQUEST") == [("SA", "Jeddah")]
    id_ = extract("MAGELANG - Menteri Pertahanan Prabowo Subianto dan Menteri Pertahanan Australia Richard Marles "
                  "bertemu di Akademi Militer (Akmil), Magelang, pada Selasa. Marles memuji peran Prabowo.", "id")
    assert _placed(id_, "SUPPORT") == [("ID", "Magelang")]


def test_a_statement_of_someone_not_at_the_filed_meeting_stays_at_home():
    en = extract("JEDDAH - US and Ukrainian officials met in Jeddah on Tuesday. In Moscow, Kremlin spokesman "
                 "Dmitry Peskov said nothing. Russian foreign ministry spokeswoman Maria Zakharova accused Kyiv "
                 "of terrorism on Tuesday.", "en")
    assert [c for c, _ in _placed(en, "ACCUSE")] == ["RU"]


def test_a_province_named_as_a_body_defers_to_the_town_its_paragraph_put_acts_in():
    fr = extract("Des manifestations ont eu lieu à Paris mardi. Paris a vu défiler 20 000 personnes.\n\n"
                 "À Nantes, des vitrines ont été brisées mardi. Onze personnes ont été interpellées, a indiqué "
                 "la préfecture de Loire-Atlantique.", "fr")
    assert ("FR", "Nantes") in _placed(fr, "COERCE")


def test_a_statement_after_a_dateline_of_two_towns_is_placed_in_its_speakers_town():
    """Wire copy filed from two capitals ("NAIROBI/KAMPALA"): each side's words are in its own town."""
    en = extract("NAIROBI/KAMPALA, March 8 (Wire) - Uganda's foreign ministry on Wednesday condemned the shelling "
                 "of the border post.\n\nOfficials said talks would resume.", "en")
    assert _placed(en, "ACCUSE") == [("UG", "Kampala")]
    fr = extract("DAKAR/BAMAKO - Le gouvernement du Mali a condamné mercredi les attaques contre la frontière.\n\n"
                 "Les discussions reprendront.", "fr")
    assert _placed(fr, "ACCUSE") == [("ML", "Bamako")]


def test_a_town_in_the_publishers_name_is_not_the_dateline():
    en = extract("GENEVA, March 8 (Nairobi Wire) - Kenya's foreign minister on Wednesday condemned the shelling "
                 "of the port.\n\nOfficials said talks would resume.", "en")
    assert _placed(en, "ACCUSE") == [("KE", None)]


def test_a_body_the_lists_do_not_know_speaks_in_the_dateline_town():
    """An unnamed ministry or department opening the lede is of the country the story was filed in."""
    en = extract("LONDON - The Foreign Office on Wednesday imposed sanctions on a network of shipping firms.\n\n"
                 "The firms denied wrongdoing.", "en")
    assert _placed(en, "SANCTION") == [("GB", "London")]


def test_a_place_after_an_elided_or_maritime_locative_is_where_the_act_happened():
    fr = extract("Les armées du Tchad et du Niger ont mené mercredi une opération conjointe "
                 "près d'Abéché, au Tchad.", "fr")
    assert ("TD", "Abéché") in _placed(fr, "COOPERATE")
    es = extract("Cientos de mineros bloquearon el miércoles la carretera a la altura de Pisco, en Ica, Perú.", "es")
    assert _placed(es, "PROTEST") == [("PE", "Pisco")]
    id_ = extract("TNI AL dan TLDM memulai patroli terkoordinasi pada Rabu di lepas pantai Bitung, Indonesia.", "id")
    assert ("ID", "Bitung") in _placed(id_, "COOPERATE")


def test_a_towns_own_government_acts_in_that_town():
    """A mayor, a city administration: what a town's government decides or says is done there."""
    en = extract("The Mombasa city administration on Wednesday banned all public gatherings in Kenya.", "en")
    assert _placed(en, "COERCE") == [("KE", "Mombasa")]
    es = extract("El alcalde de Cusco, Luis Pantoja, exigió el miércoles al gobierno de Perú más recursos.", "es")
    assert _placed(es, "REQUEST") == [("PE", "Cusco")]
    fr = extract("Le maire de Lyon a condamné mercredi les violences en France.", "fr")
    assert _placed(fr, "ACCUSE") == [("FR", "Lyon")]


def test_a_former_local_official_speaks_from_nowhere_in_particular():
    fr = extract("L'ancien maire de Lyon a condamné mercredi les violences en France.", "fr")
    assert _placed(fr, "ACCUSE") == [("FR", None)]
    en = extract("The former mayor of Cusco on Wednesday urged the government of Peru to resign.", "en")
    assert _placed(en, "REQUEST") == [("PE", None)]


def test_a_country_told_after_the_town_does_not_move_the_scene_abroad():
    # a country after "to"/"à"/"a" further from the trigger than the town is the object of a later phrase
    en = extract("Niger has been ruled by a junta since July. Thousands of supporters of the junta rallied on "
                 "Tuesday outside the French military base of Niamey, chanting slogans hostile to France.", "en")
    assert [(e.country, e.place) for e in en if e.type == "PROTEST"] == [("NE", "Niamey")]
    fr = extract("Le Niger est dirigé par une junte depuis juillet. Des milliers de partisans de la junte se sont "
                 "rassemblés mardi devant la base militaire française de Niamey, scandant des slogans hostiles "
                 "à la France.", "fr")
    assert [(e.country, e.place) for e in fr if e.type == "PROTEST"] == [("NE", "Niamey")]
    es = extract("Níger está gobernado por una junta desde julio. Miles de partidarios de la junta se manifestaron "
                 "el martes frente a la base militar francesa de Niamey, coreando consignas hostiles a Francia.", "es")
    assert [(e.country, e.place) for e in es if e.type == "PROTEST"] == [("NE", "Niamey")]


def test_a_country_named_nearer_the_act_than_the_town_is_where_it_went():
    en = extract("The Pentagon said on Thursday it was moving additional forces to its base in Djibouti to "
                 "prepare for a possible evacuation of embassy staff from Khartoum.", "en")
    assert [(e.country, e.place) for e in en if e.type == "MOBILIZE"] == [("DJ", None)]
