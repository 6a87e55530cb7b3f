"""A permanent redirect updates the stored URL: `kabar feeds moved [--write]` and ``move_feed_urls``."""

from __future__ import annotations

import asyncio
import json

from aiohttp import web

from streams.cli import main
from streams.ingest.feedlist import FeedConfig, load_feeds, move_feed_urls
from streams.ingest.health import HealthStore
from streams.ingest.poller import poll_feeds
from streams.ingest.state import open_state

from .samples import recent, rfc822, rss

FEED_LIST = """# our feeds
[[feed]]
url = "https://old.example/rss"   # moved in 2025
name = "Old"

[[feed]]
url = 'https://other.example/feed'
language = "id"

[[feed]]
url = "https://stays.example/rss"
"""


def test_only_the_quoted_urls_change_and_comments_stay():
    text, replaced = move_feed_urls(FEED_LIST, {
        "https://old.example/rss": "https://new.example/rss.xml",
        "https://other.example/feed": "https://other.example/feed?lang=id&o'k",
        "https://absent.example/rss": "https://elsewhere.example/rss",
    })
    assert replaced == ["https://old.example/rss", "https://other.example/feed"]
    assert text == FEED_LIST.replace('"https://old.example/rss"', '"https://new.example/rss.xml"').replace(
        "'https://other.example/feed'", '"https://other.example/feed?lang=id&o\'k"')
    assert "# moved in 2025" in text and text.startswith("# our feeds\n")
    # a prefix of another URL is not touched
    assert move_feed_urls(FEED_LIST, {"https://stays.example/rs": "https://x.example/"}) == (FEED_LIST, [])


async def test_a_redirected_feed_is_written_back_and_then_polled_at_its_new_url(serve, tmp_path, capsys):
    hits = {"old": 0, "new": 0}

    async def old(request):
        hits["old"] += 1
        raise web.HTTPPermanentRedirect("/new")

    async def new(request):
        hits["new"] += 1
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304)
        return web.Response(body=rss(("A", "https://e.com/a", rfc822(recent(1)))), headers={"ETag": '"v1"'})

    base = await serve({"/old": old, "/new": new})
    config = tmp_path / "feeds.toml"
    config.write_text(f'# local\n[[feed]]\nurl = "{base}/old"  # the first address\nlanguage = "id"\n')
    state = tmp_path / "state"

    async def poll_once():
        return await poll_feeds(load_feeds(config), _ignore, _ignore, state, stop=asyncio.Event(), allow_private=True,
                                once=True, fetch_full_text=False, fetch_options={"delay": 0.0, "retries": 0})

    await poll_once()
    assert main(["feeds", "moved", "--config", str(config), "--state", str(state)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"url": f"{base}/old", "moved_to": f"{base}/new", "listed": True}
    assert "1 moved feeds, 1 of them in" in err and "--write" in err
    assert f"{base}/old" in config.read_text()  # listing changes nothing

    assert main(["feeds", "moved", "--config", str(config), "--state", str(state), "--write"]) == 0
    assert "1 feed URLs updated" in capsys.readouterr().err
    assert config.read_text() == f'# local\n[[feed]]\nurl = "{base}/new"  # the first address\nlanguage = "id"\n'
    assert load_feeds(config) == [FeedConfig(url=f"{base}/new", language="id")]

    # the health record moved with it: the next poll goes straight to the new URL, conditionally
    stats = await poll_once()
    assert hits == {"old": 1, "new": 2} and stats.not_modified == 1
    records = HealthStore(open_state(state)).all()
    assert [(r.url, r.moved_to, r.etag) for r in records] == [(f"{base}/new", None, '"v1"')]
    assert main(["feeds", "moved", "--config", str(config), "--state", str(state)]) == 0
    assert capsys.readouterr().out == ""


async def _ignore(*args):
    pass
