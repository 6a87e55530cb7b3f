"""Kinds of actor that were lost (issue 10): social groups, alternate and former names of countries
and bodies, sector words inside a country's name. Sentences of our own, in several languages."""

import pytest

from streams.nlp.actors import find_actors, find_organisations
from streams.nlp.places import find_places


def codes(text: str, lang: str, default: str | None = None) -> list[str]:
    return [m.code(default) for m in find_actors(text, lang, find_places(text, lang))]


@pytest.mark.parametrize("lang,text,code", [
    ("en", "Thousands of retirees marched on Monday.", "XX:civilians"),
    ("en", "Union leaders met on Monday.", "XX:protesters"),
    ("en", "Street vendors blocked the road.", "XX:business"),
    ("es", "Unos 300.000 jubilados salieron a la calle.", "XX:civilians"),
    ("es", "Los dirigentes sindicales se reunieron.", "XX:protesters"),
    ("es", "Los comerciantes cerraron sus tiendas.", "XX:business"),
    ("fr", "Les retraités ont défilé lundi.", "XX:civilians"),
    ("fr", "Les agriculteurs ont bloqué la route.", "XX:protesters"),
    ("id", "Para pensiunan berkumpul pada Senin.", "XX:civilians"),
    ("id", "Para guru honorer berkumpul pada Senin.", "XX:protesters"),
    ("ms", "Para pesara berhimpun pada Isnin.", "XX:civilians"),
    ("ms", "Para peniaga menutup kedai mereka.", "XX:business"),
])
def test_social_groups_are_sectors(lang, text, code):
    assert code in codes(text, lang, "XX")


@pytest.mark.parametrize("lang,text,code", [
    ("en", "The PRC said on Monday it would respond.", "CN"),
    ("en", "The DPRK said on Monday it would respond.", "KP"),
    ("en", "The Soviet Union said on Monday it would respond.", "RU"),
    ("en", "Zaire said on Monday it would respond.", "CD"),
    ("es", "La URSS dijo el lunes que respondería.", "RU"),
    ("es", "El lunes, la Unión Soviética dijo que respondería.", "RU"),
    ("fr", "La RPC a déclaré lundi qu'elle répondrait.", "CN"),
    ("fr", "Lundi, l'Union soviétique a déclaré qu'elle répondrait.", "RU"),
    ("id", "RRT mengatakan pada Senin akan menanggapi.", "CN"),
    ("id", "Uni Soviet mengatakan pada Senin akan menanggapi.", "RU"),
    ("ms", "Kesatuan Soviet berkata pada Isnin akan bertindak balas.", "RU"),
])
def test_alternate_and_former_country_names(lang, text, code):
    assert codes(text, lang) == [code]


@pytest.mark.parametrize("lang,text,code", [
    ("en", "The People's Republic of China said on Monday it would respond.", "CN"),
    ("en", "The Democratic People's Republic of Korea said it would respond.", "KP"),
    ("id", "Republik Rakyat Tiongkok mengatakan akan menanggapi.", "CN"),
])
def test_sector_words_inside_a_country_name_are_the_country(lang, text, code):
    assert codes(text, lang, "XX") == [code]


@pytest.mark.parametrize("text,code", [
    ("The European Community agreed on Monday", "EU"),
    ("la Comunidad Europea acordó el lunes", "EU"),
    ("la Communauté européenne a décidé lundi", "EU"),
    ("the Organization of African Unity said", "AU"),
    ("la OEA condenó el golpe", "OAS"),
    ("l'AIEA a inspecté le site", "IAEA"),
    ("Organisasi Kerja Sama Islam mengecam", "OIC"),
    ("Pertubuhan Perdagangan Dunia memutuskan", "WTO"),
])
def test_former_names_and_more_bodies(text, code):
    assert [m.value for m in find_organisations(text)] == [code]


@pytest.mark.parametrize("lang,text,code", [
    ("en", "Bosnian Serbs blocked the road on Monday.", "BA"),
    ("en", "Ghanaian troops crossed the border.", "GH:military"),
    ("en", "Thousands of Albanians gathered in the square.", "AL"),
    ("es", "Los albaneses se reunieron en la plaza.", "AL"),
    ("es", "Tropas marroquíes cruzaron la frontera.", "MA:military"),
    ("fr", "Les Ivoiriens se sont réunis sur la place.", "CI"),
    ("fr", "Les soldats nigériens ont franchi la frontière.", "NE:military"),
])
def test_demonyms_of_every_country(lang, text, code):
    assert code in codes(text, lang)


def test_a_feminine_demonym_alone_is_no_actor():
    # "la frontière libanaise": the adjective qualifies a thing, not an actor
    assert codes("Ils ont discuté de la frontière libanaise.", "fr") == []
