"""The enrich stage end to end on small articles: events, topics, countries; never raises."""

from hypothesis import given, settings, strategies as st

from streams.ingest.archive import article_from_dict
from streams.nlp.enrich import enrich
from streams.nlp.normalize import normalize
from streams.reasons import Reason
from streams.records import CleanArticle, EnrichedArticle, Rejection, Sentence


def enriched(text, lang, published="2022-01-07T12:00:00+07:00", title="Berita"):
    raw = article_from_dict({"url": "https://example.test/a", "title": title, "text": text,
                             "published_at": published, "language": lang})
    clean = normalize(raw)
    assert not isinstance(clean, Rejection), clean
    return enrich(clean)


def test_indonesian_article_gives_events_topics_and_countries():
    text = ("Lebih dari 2.000 orang ditangkap polisi dalam kerusuhan di Almaty, Kazakhstan, Kamis (6/1/2022).\n\n"
            "Rusia akan mengirim pasukan ke Kazakhstan pekan depan.")
    result = enriched(text, "id")
    assert isinstance(result, EnrichedArticle)
    assert result.countries[0] == "KZ"
    kinds = {(e.type, e.mode) for e in result.events}
    assert ("COERCE", "arrest") in kinds and ("PROTEST", "riot") in kinds
    assert all(e.type != "MOBILIZE" for e in result.events)  # "akan" (will): not yet an event
    arrest = next(e for e in result.events if e.type == "COERCE")
    assert (arrest.country, arrest.date, arrest.place, arrest.counts) == ("KZ", "2022-01-06", "Almaty", {"arrested": 2000})
    assert "conflict" in result.topics


def test_enriched_article_keeps_identity_fields():
    result = enriched("Police arrested 20 protesters in Jakarta on Thursday.", "en")
    assert isinstance(result, EnrichedArticle)
    assert result.url == "https://example.test/a" and result.language == "en"
    assert result.published_at == "2022-01-07T12:00:00+07:00"


def test_unreadable_publication_time_is_a_rejection():
    clean = CleanArticle(id="x", url="https://example.test/x", title="t", text="Police arrested 20 people.",
                         published_at="not a time", language="en", sentences=[Sentence(0, 26)])
    result = enrich(clean)
    assert isinstance(result, Rejection) and result.reason == Reason.NO_PUBLISHED_TIME


def test_broken_sentence_spans_do_not_raise():
    clean = CleanArticle(id="x", url="https://example.test/x", title="t", text="short",
                         published_at="2022-01-07T12:00:00Z", language="en", sentences=[Sentence(0, 500)])
    assert isinstance(enrich(clean), (EnrichedArticle, Rejection))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=600), st.sampled_from(["en", "id", "ms", "es", "fr", "xx", ""]))
def test_enrich_never_raises(text, lang):
    clean = CleanArticle(id="x", url="https://example.test/x", title=text[:40], text=text,
                         published_at="2022-01-07T12:00:00+07:00", language=lang,
                         sentences=[Sentence(0, len(text))] if text else [])
    assert isinstance(enrich(clean), (EnrichedArticle, Rejection))


def test_a_match_report_has_no_events_however_violent_its_words():
    text = ("The striker fired a shot past the goalkeeper in the 89th minute as United stormed back to beat City 3-2 "
            "in the league on Saturday. City's defence collapsed under the attack and the coach was sacked after "
            "the match. Fans celebrated the win with the players on the pitch.")
    result = enriched(text, "en", title="United beat City in the league")
    assert result.topics == ["sports"] and result.events == []


def test_a_total_with_an_aside_stays_the_toll_of_its_attack():
    text = ("Sekurang-kurangnya 492 orang, termasuk 35 kanak-kanak, terbunuh dalam serangan udara Israel "
            "di selatan Lubnan pada Isnin.")
    result = enriched(text, "ms", published="2024-09-24T10:00:00+08:00")
    assert [(e.type, e.counts) for e in result.events] == [("ASSAULT", {"killed": 492})]


def test_a_long_health_or_disaster_story_has_no_events_of_its_warnings_and_hazards():
    # issue 10 (generic14): a text only about disease, weather or the environment reports no political
    # events: doctors' advice is no REQUEST, a plague that "hit" a hiker and fires that "threaten" no ASSAULT
    stories = [
        ("en", "Plague case in rural county",
         "A hiker who camped near the lake has been hit by bubonic plague, health officials said on Tuesday. "
         "The patient was treated with antibiotics at the county hospital. Doctors urged residents to avoid "
         "touching dead rodents. The disease kills rats and fleas spread the infection to people. Cases are "
         "rare and most patients recover. The county has seen two cases in ten years."),
        ("es", "Una ola de calor golpea el sur",
         "Una ola de calor golpeó el martes el sur del país. Las temperaturas superaron los 44 grados. Los médicos "
         "pidieron a la población beber agua y evitar el sol en las horas centrales. La sequía ataca los cultivos. "
         "Los incendios forestales amenazan varios pueblos. Los meteorólogos esperan lluvias la semana próxima."),
        ("id", "Kebakaran hutan meluas di Riau",
         "Kebakaran hutan dan lahan di Riau meluas pada Selasa (5/9). Kabut asap menyerang permukiman warga. "
         "Petugas pemadam kebakaran meminta warga memakai masker. Warga diminta menghindari aktivitas di luar rumah. "
         "Hujan belum turun selama tiga minggu. Titik api terus bertambah di lahan gambut."),
    ]
    for lang, title, text in stories:
        result = enriched(text, lang, published="2024-09-04T10:00:00+07:00", title=title)
        assert set(result.topics) <= {"health", "disaster", "environment"}, (lang, result.topics)
        assert result.events == [], (lang, result.events)


def test_a_short_snippet_keeps_its_events_whatever_its_few_words_are_about():
    # a snippet's topics are too thin to say it holds no politics: students gathering is "society"
    for lang, text in [("en", "Hundreds of students protested outside the university on Tuesday."),
                       ("es", "Cientos de estudiantes protestaron el martes frente a la universidad.")]:
        result = enriched(text, lang, published="2024-09-04T10:00:00+07:00", title=text)
        assert [e.type for e in result.events] == ["PROTEST"], (lang, result.topics, result.events)


def test_a_long_crime_story_keeps_only_what_the_state_does():
    # issue 10 (generic14): a robbery's stabbing, the robber's threat and the suspect's denial are private
    # crime, out of PLOVER's types; the arrest and the charge are the state's acts
    stories = [
        ("en", "Shop owner stabbed in robbery",
         "A shop owner was stabbed by a robber in Leeds on Monday night. The robber threatened staff with a knife "
         "and took cash from the till. Police arrested a 24-year-old man on Tuesday. He was charged with robbery "
         "and wounding. The suspect denied the charges in court. The victim is recovering in hospital."),
        ("es", "Apuñalan a un comerciante en un robo",
         "Un comerciante fue apuñalado por un ladrón el lunes por la noche en Sevilla. El ladrón amenazó a los "
         "empleados con un cuchillo y se llevó el dinero de la caja. La policía detuvo el martes a un hombre de 24 "
         "años. El detenido negó los hechos ante el juez. La víctima se recupera en el hospital. Los vecinos dicen "
         "que el barrio es tranquilo."),
    ]
    for lang, title, text in stories:
        result = enriched(text, lang, published="2024-09-04T10:00:00+02:00", title=title)
        assert result.topics == ["crime"], (lang, result.topics)
        kinds = {e.type for e in result.events}
        assert "COERCE" in kinds and not kinds & {"ASSAULT", "THREATEN", "REJECT"}, (lang, result.events)


def test_a_long_crime_story_keeps_what_a_titled_official_says():
    # the police chief's warning and appeal in a drug-bust story are the state's acts, though the event
    # names the person alone: a title of the police or the government makes them an official
    stories = [
        ("ms", "Polis tumpaskan sindiket samun di Ipoh",
         "Polis menahan lima lelaki yang disyaki terlibat dalam siri samun kedai emas di Ipoh pada Isnin. "
         "Ketua Polis Perak, Datuk Razak Ismail, berkata kesemua suspek berusia 20 hingga 35 tahun. "
         "Razak memberi amaran kepada penjenayah bahawa polis akan memburu mereka. "
         "Beliau juga menggesa orang ramai menyalurkan maklumat kepada polis. "
         "Suspek direman selama tujuh hari. Siasatan masih diteruskan."),
        ("en", "Police smash robbery gang in Leeds",
         "Police arrested five men over a series of robberies at jewellery shops in Leeds on Monday. "
         "Police chief Mark Brennan said the suspects were aged between 20 and 35. "
         "Brennan warned criminals that police would hunt them down. "
         "He also urged the public to come forward with information. "
         "The suspects remain in custody. The victims are recovering at home."),
    ]
    for lang, title, text in stories:
        result = enriched(text, lang, published="2024-09-04T10:00:00+08:00", title=title)
        assert result.topics == ["crime"], (lang, result.topics)
        kinds = {e.type for e in result.events}
        assert {"COERCE", "REQUEST"} <= kinds, (lang, result.events)


def test_a_later_speech_act_without_a_date_takes_the_day_of_the_statement_told_before_it():
    # the arrests were on Monday; the chief spoke on Wednesday, and his warning and appeal, told in
    # later paragraphs without a date, were made that day, not on the day of the arrests
    stories = [
        ("ms", "Polis tahan 12 suspek dadah",
         "Polis menahan 12 individu dalam serbuan di Ipoh pada Isnin lalu.\n\n"
         "Kesemua suspek berusia 21 hingga 45 tahun, kata Ketua Polis Perak, Datuk Razak Ismail, pada sidang media di "
         "Ipoh, hari ini.\n\n"
         "Razak turut memberi amaran kepada pengedar dadah bahawa polis akan memburu mereka.\n\n"
         "Beliau juga menggesa orang ramai menyalurkan maklumat kepada polis."),
        ("en", "Police arrest 12 drug suspects",
         "Police arrested 12 people in raids in Leeds on Monday.\n\n"
         "The suspects were aged 21 to 45, the police chief, Mark Brennan, told a news conference in Leeds on "
         "Wednesday.\n\n"
         "Brennan warned dealers that police would hunt them down.\n\n"
         "He also urged the public to give information to the police."),
    ]
    for lang, title, text in stories:
        result = enriched(text, lang, published="2024-09-04T18:00:00+08:00", title=title)
        said = [e.date for e in result.events if e.type in ("THREATEN", "REQUEST")]
        assert said and set(said) == {"2024-09-04"}, (lang, result.events)


def test_a_measure_in_force_until_a_later_date_is_dated_by_its_start():
    # "from Thursday until 30 June": the curfew was imposed on Thursday; its end is a deadline to come
    for lang, text in [("id", "Polisi memberlakukan jam malam di Jakarta mulai Kamis hingga 30 Juni."),
                       ("en", "Police imposed a curfew in Leeds from Thursday until June 30."),
                       ("fr", "La préfecture a instauré un couvre-feu à Lyon de jeudi au 30 juin.")]:
        result = enriched(text, lang, published="2024-06-14T10:00:00+07:00", title=text)
        curfews = [e for e in result.events if e.type == "COERCE"]
        assert curfews and all(e.date == "2024-06-13" for e in curfews), (lang, result.events)
