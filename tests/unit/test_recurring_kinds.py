"""Kinds of failure that recur across stories and languages (kinds18): a past time phrase inside a
relative clause does not make the act around it history."""

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
])
def test_an_act_told_in_the_past_stays_history(lang, text):
    assert [e.type for e in extract(text, lang)] == ["ACCUSE"]
