"""A pip install of Kabar (the Docker image is one) ships every data file the code reads.

The editable install of the checkout reads data files from the source tree, so a file left out
of ``package-data`` only fails in an installed copy: the gazetteer (``cities.tsv.gz``) once was.
"""

import fnmatch
import tomllib

from tests.support import ROOT


def test_every_data_file_under_streams_is_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["*"]
    data = [p for p in (ROOT / "streams").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and p.name != "README.md"]
    assert len(data) > 50, "the lexicons, gazetteers and sample should be found"
    missing = [str(p.relative_to(ROOT)) for p in data if not any(fnmatch.fnmatch(p.name, pat) for pat in patterns)]
    assert not missing, f"not in [tool.setuptools.package-data] of pyproject.toml: {missing}"
