"""The feed list (TOML) and OPML import/export."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.ingest.feedlist import FLOOR_INTERVAL, FeedConfig, FeedListError, dump_feeds, load_feeds, save_feeds
from streams.ingest.opml import merge_feeds, parse_opml, to_opml

REPO = Path(__file__).resolve().parents[3]

OPML = b"""<?xml version="1.0"?>
<opml version="1.0"><head><title>x</title></head><body>
<outline text="Berita"><outline text="ANTARA" type="rss" xmlUrl="https://www.antaranews.com/rss/terkini.xml"/>
<outline title="Le Monde" xmlUrl="https://www.lemonde.fr/rss/une.xml" language="fr"/></outline>
<outline text="no feed" htmlUrl="https://e.com"/><outline text="dup" xmlUrl="https://www.lemonde.fr/rss/une.xml"/>
<outline text="bad" xmlUrl="javascript:alert(1)"/>
</body></opml>"""


def test_default_feed_list_loads():
    feeds = load_feeds(REPO / "config" / "feeds.toml")
    assert len(feeds) >= 10
    assert {"en", "id"} <= {f.language for f in feeds}
    assert all(f.url.startswith("https://") and f.min_interval <= f.max_interval for f in feeds)


def test_toml_round_trip(tmp_path):
    feeds = [FeedConfig("https://a.id/rss", name='Kabar "Baru"', language="id", country="ID", min_interval=60, max_interval=600),
             FeedConfig("https://b.fr/rss")]
    save_feeds(feeds, tmp_path / "feeds.toml")
    assert load_feeds(tmp_path / "feeds.toml") == feeds


def test_bad_feed_lists_say_where(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text('[[feed]]\nurl = "https://ok.id/rss"\n\n[[feed]]\nname = "no url"\n')
    with pytest.raises(FeedListError, match="feed #2"):
        load_feeds(path)
    path.write_text('[[feed]]\nurl = "https://ok.id/rss"\nmin_interval = 1\nmax_interval = "x"\n')
    with pytest.raises(FeedListError, match="numbers"):
        load_feeds(path)
    path.write_text('[[feed]]\nurl = "https://ok.id/rss"\nmin_interval = 1\n')
    assert load_feeds(path)[0].min_interval == FLOOR_INTERVAL


def test_opml_import_and_export_round_trip():
    feeds = parse_opml(OPML)
    assert [(f.url, f.name, f.language) for f in feeds] == [
        ("https://www.antaranews.com/rss/terkini.xml", "ANTARA", None),
        ("https://www.lemonde.fr/rss/une.xml", "Le Monde", "fr"),
    ]
    assert parse_opml(to_opml(feeds).encode()) == feeds
    merged, added = merge_feeds(feeds[:1], feeds)
    assert added == 1 and merged == feeds


@pytest.mark.parametrize("data", [b"<rss/>", b"not xml", b'<!DOCTYPE opml [<!ENTITY a "b">]><opml/>'])
def test_opml_refusals(data):
    with pytest.raises(FeedListError):
        parse_opml(data)


def test_dump_is_valid_toml_for_odd_names():
    text = dump_feeds([FeedConfig("https://a.id/rss", name="Tab\there \\ back \u00e9")])
    import tomllib

    assert tomllib.loads(text)["feed"][0]["name"] == "Tab\there \\ back \u00e9"
