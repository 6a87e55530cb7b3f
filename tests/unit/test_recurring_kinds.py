"""Kinds of failure that recur across stories and languages (kinds18): a past time phrase inside a
relative clause does not make the act around it history; a statement fronted by "from" a town
abroad ("Desde Ginebra, ...") is made there, and so is one a closing reporting frame places
("..., his spokesman told reporters in New York")."""

import pytest

from tests.unit.test_fresh_kinds import extract


@pytest.mark.parametrize("lang, text", [
    ("id", "JAKARTA - Kementerian Luar Negeri mengecam serangan itu pada Kamis. Kementerian juga mendesak Dewan "
           "Keamanan PBB menegakkan resolusi gencatan senjata yang disahkan pekan lalu."),
    ("ms", "KUALA LUMPUR - Pembangkang mengkritik kerajaan pada Khamis. Pembangkang turut menggesa kerajaan negeri "
           "mengkaji semula semua lesen balak yang diluluskan sejak 2019."),
    ("en", "LONDON - The foreign ministry condemned the strike on Thursday. The ministry also urged the Security "
           "Council to enforce the ceasefire resolution which it adopted last week."),
    ("es", "MADRID - La cancillería condenó el ataque este jueves. La cancillería también exigió al Consejo de "
           "Seguridad aplicar la resolución de alto el fuego, la cual fue aprobada la semana pasada."),
    ("fr", "PARIS - Le ministère des Affaires étrangères a condamné l'attaque jeudi. Le ministère a aussi exhorté le "
           "Conseil de sécurité à faire appliquer la résolution de cessez-le-feu qui a été adoptée la semaine dernière."),
])
def test_a_past_phrase_in_a_relative_clause_leaves_the_act_around_it(lang, text):
    assert [(e.type, e.date) for e in extract(text, lang)] == [("ACCUSE", "2025-06-12"), ("REQUEST", "2025-06-12")]


@pytest.mark.parametrize("lang, text", [
    ("id", "JAKARTA - Kementerian Luar Negeri mengecam serangan itu pada Kamis. Pekan lalu, kementerian mendesak "
           "Dewan Keamanan PBB menegakkan resolusi gencatan senjata."),
    ("en", "LONDON - The foreign ministry condemned the strike on Thursday. Last week the ministry urged the Security "
           "Council to act, which it did not."),
    ("en", "LONDON - The foreign ministry condemned the strike on Thursday. Farmers kept up the protest which began last "
           "week."),
    ("id", "JAKARTA - Kementerian Luar Negeri mengecam serangan itu pada Kamis. Petani melanjutkan unjuk rasa yang "
           "dimulai pekan lalu."),
])
def test_an_act_told_in_the_past_stays_history(lang, text):
    assert [e.type for e in extract(text, lang)] == ["ACCUSE"]


def test_a_run_of_unsplit_sentences_is_no_relative_clause_closing_one():
    text = ("pune: even as the state burned after the killings, the city remained calm. this is credited to the "
            "committees which were set up after the riots of 1965. the city has no history of sustained rioting.")
    assert extract(text, "en") == []


@pytest.mark.parametrize("lang, text", [
    ("es", "CARACAS - Miles de personas protestaron este jueves en Caracas contra el resultado electoral. Desde Ginebra, "
           "la portavoz de la oficina de derechos humanos de la ONU pidió este viernes a las autoridades venezolanas "
           "liberar a los detenidos."),
    ("fr", "DAKAR - Des milliers de personnes ont manifesté jeudi à Dakar contre le report du scrutin. Depuis Genève, le "
           "porte-parole du Haut-Commissariat de l'ONU aux droits de l'homme a appelé vendredi les autorités "
           "sénégalaises à libérer les manifestants."),
    ("en", "CARACAS - Thousands of people protested in Caracas on Thursday against the election result. From Geneva, a "
           "spokeswoman for the UN human rights office, speaking on Friday, urged Venezuelan authorities to free those "
           "detained."),
    ("id", "KINSHASA - Ribuan orang berunjuk rasa di Kinshasa pada Kamis. Dari Jenewa, juru bicara kantor HAM PBB, pada "
           "Jumat, mendesak pemerintah Kongo membebaskan para demonstran."),
])
def test_a_statement_fronted_by_from_a_town_abroad_is_made_there(lang, text):
    request = next(e for e in extract(text, lang) if e.type == "REQUEST")
    assert (request.country, request.place) == ("CH", "Geneva")


def test_a_movement_from_a_town_abroad_does_not_place_the_act_there():
    text = ("BEIRUT - Ledakan mengguncang Lebanon pada Rabu. Militer Israel pada hari yang sama mengumumkan pemindahan "
            "Divisi ke-98 dari Jalur Gaza ke front utara yang berbatasan dengan Lebanon.")
    assert all(e.place != "Gaza Strip" for e in extract(text, "id"))


@pytest.mark.parametrize("lang, text, where", [
    ("en", "NEW DELHI - Indian troops clashed with militants in Kashmir on Thursday. The UN chief urged both governments "
           "on Friday to exercise restraint, his spokesman told reporters in New York.", ("US", "New York")),
    ("en", "NEW DELHI - Indian troops clashed with militants in Kashmir on Thursday. Britain condemned the attack on "
           "Friday, its foreign minister told reporters in London.", ("GB", "London")),
    ("id", "JAKARTA - Bentrokan pecah di Papua pada Kamis. Pemerintah Australia mengecam serangan itu pada Jumat, kata "
           "menteri luar negerinya kepada wartawan di Canberra.", ("AU", "Canberra")),
    ("fr", "DAKAR - Des heurts ont éclaté jeudi à Dakar. La France a condamné vendredi les violences, a déclaré son "
           "ministre des Affaires étrangères à Paris.", ("FR", "Paris")),
    ("es", "CARACAS - Hubo enfrentamientos el jueves en Caracas. España condenó el viernes la violencia, dijo su canciller "
           "a periodistas en Madrid.", ("ES", "Madrid")),
])
def test_a_reporting_frame_closing_the_statement_says_where_it_was_made(lang, text, where):
    statement = next(e for e in extract(text, lang) if e.type in ("REQUEST", "ACCUSE"))
    assert (statement.country, statement.place) == where


def test_a_frame_placing_the_speaker_abroad_does_not_move_a_government_speaking_at_home():
    text = ("NEW DELHI - Indian troops clashed with militants in Kashmir on Thursday. India's foreign ministry "
            "condemned the attack on Friday, a Pakistani official told reporters in Islamabad.")
    statement = next(e for e in extract(text, "en") if e.type == "ACCUSE")
    assert statement.country == "IN"
