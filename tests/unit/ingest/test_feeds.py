"""Feed parsing: formats, plain text, times with offsets, hostile and non-feed bodies."""

from __future__ import annotations

from datetime import timedelta

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streams.ingest.feeds import parse_feed
from streams.ingest.markup import plain_text

from .samples import rss


def test_rss_item_is_normalised():
    body = rss(("Banjir &amp; longsor", "/berita/1?utm_source=rss", "Tue, 07 Jan 2025 09:30:00 +0700"))
    parsed = parse_feed(body, {"Content-Type": "application/rss+xml"}, "https://example.org/rss")
    assert parsed.kind == "rss20" and parsed.problems == [] and parsed.language == "id"
    (item,) = parsed.items
    assert item.title == "Banjir & longsor"
    assert item.link == "https://example.org/berita/1?utm_source=rss"  # relative link resolved against the feed URL
    assert item.published.isoformat() == "2025-01-07T09:30:00+07:00"  # the publisher's offset is kept
    assert item.language == "id" and item.summary == "Ringkasan berita."


def test_script_in_title_and_summary_becomes_plain_text():
    body = (
        b'<rss version="2.0"><channel><title>t</title><item>'
        b"<title>Gempa &lt;script&gt;alert(1)&lt;/script&gt;<![CDATA[ <b>Cianjur</b>]]></title>"
        b"<link>https://example.org/a</link>"
        b"<description><![CDATA[<p onclick='x()'>Satu</p><script>steal()</script><style>p{}</style><p>Dua &amp; tiga</p>]]></description>"
        b"</item></channel></rss>"
    )
    (item,) = parse_feed(body).items
    assert item.title == "Gempa Cianjur"
    assert item.summary == "Satu\n\nDua & tiga"
    for text in (item.title, item.summary):
        assert "<" not in text and "alert" not in text and "steal" not in text


def test_atom_content_is_the_full_text_and_times_keep_offset():
    body = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>Le fil</title><id>urn:x</id><updated>2025-01-07T10:00:00+01:00</updated>
<entry><title type="html">S&#233;isme &lt;em&gt;fort&lt;/em&gt;</title><id>urn:1</id>
<link rel="alternate" href="https://exemple.fr/a/1"/>
<updated>2025-01-07T10:00:00+01:00</updated><published>2025-01-07T09:00:00+01:00</published>
<author><name>Marie</name></author><category term="Monde"/>
<summary>Court.</summary><content type="html">&lt;p&gt;Un s&#233;isme a frapp&#233;.&lt;/p&gt;&lt;p&gt;Deux morts.&lt;/p&gt;</content></entry></feed>"""
    parsed = parse_feed(body, {}, "https://exemple.fr/feed")
    (item,) = parsed.items
    assert parsed.kind == "atom10"
    assert item.title == "Séisme fort" and item.summary == "Court."
    assert item.content == "Un séisme a frappé.\n\nDeux morts."
    assert item.published.isoformat() == "2025-01-07T09:00:00+01:00"
    assert item.updated.utcoffset() == timedelta(hours=1)
    assert item.authors == ["Marie"] and item.categories == ["Monde"] and item.language == "fr"


def test_content_without_summary_is_the_full_text():
    atom = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>A</title><link href="https://e.com/a"/>'
            b'<id>x</id><content type="html">&lt;p&gt;Full text.&lt;/p&gt;</content></entry></feed>')
    encoded = (b'<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>'
               b"<item><title>A</title><link>https://e.com/a</link><description>Teaser.</description>"
               b"<content:encoded><![CDATA[<p>Full text.</p><p>More.</p>]]></content:encoded></item></channel></rss>")
    (item,) = parse_feed(atom).items
    assert (item.summary, item.content) == ("", "Full text.")
    (item,) = parse_feed(encoded).items
    assert (item.summary, item.content) == ("Teaser.", "Full text.\n\nMore.")


def test_json_feed_1_1():
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Berita",
        "language": "ms",
        "feed_url": "https://contoh.my/feed.json",
        "items": [
            {
                "id": "1",
                "url": "/berita/1",
                "title": "Banjir <b>kilat</b>",
                "content_html": "<p>Banjir kilat melanda.</p>",
                "summary": "Banjir.",
                "date_published": "2025-01-07T08:00:00+08:00",
                "authors": [{"name": "Aminah"}],
                "tags": ["Nasional"],
                "image": "https://contoh.my/a.jpg",
            },
            "not an item",
        ],
    }
    parsed = parse_feed(orjson.dumps(doc), {"Content-Type": "application/feed+json"})
    assert parsed.kind == "json11"
    (item,) = parsed.items
    assert item.link == "https://contoh.my/berita/1"
    assert item.title == "Banjir kilat" and item.content == "Banjir kilat melanda." and item.summary == "Banjir."
    assert item.published.isoformat() == "2025-01-07T08:00:00+08:00"
    assert item.authors == ["Aminah"] and item.language == "ms" and item.image == "https://contoh.my/a.jpg"
    assert parsed.problems == ["item 1 is not an object"]


def test_json_feed_1_0_author_and_bad_json():
    doc = {"version": "https://jsonfeed.org/version/1", "title": "x", "author": {"name": "Ed"},
           "items": [{"id": "a", "url": "https://e.com/a", "content_text": "Hello"},
                     {"id": "b", "url": "https://e.com/b", "content_text": "Hi", "author": {"name": "Ann"}}]}
    item, own = parse_feed(orjson.dumps(doc)).items
    assert item.authors == ["Ed"] and item.content == "Hello" and own.authors == ["Ann"]
    broken = parse_feed(b'{"version": "https://jsonfeed.org/version/1", "items": [')
    assert not broken.readable and broken.problems[0].startswith("invalid JSON")
    other = parse_feed(b'{"hello": "world"}')
    assert not other.readable and "jsonfeed.org" in other.problems[0]


def test_html_page_is_not_a_feed():
    parsed = parse_feed(b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>",
                        {"Content-Type": "text/html; charset=utf-8"})
    assert not parsed.readable and parsed.items == []
    assert "not a feed: an HTML page" in parsed.problems


def test_malformed_feed_gives_items_and_a_problem():
    body = b'<rss version="2.0"><channel><title>t</title><item><title>Satu & dua</title><link>https://e.com/1</link></item>'
    parsed = parse_feed(body)
    assert parsed.items and parsed.items[0].title == "Satu & dua"
    assert parsed.problems  # the bozo reason


def test_body_that_looks_like_a_path_is_not_opened(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_bytes(rss(("Secret", "https://e.com/s", "Tue, 07 Jan 2025 09:30:00 GMT")))
    parsed = parse_feed(str(secret).encode())
    assert parsed.items == [] and not parsed.readable


def test_billion_laughs_does_not_expand(tmp_path):
    levels = ['<!ENTITY l0 "lollollollollollollollollollol">']
    levels += [f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    path = tmp_path / "laughs.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [' + "".join(levels) + "]>"
        '<rss version="2.0"><channel><title>&l9;</title><item><title>&l9;</title>'
        "<link>https://e.com/1</link><description>&l9;</description></item></channel></rss>"
    )
    parsed = parse_feed(path.read_bytes())  # expanded, the title alone would be 3 GB
    assert all(len(i.title) < 1000 and len(i.summary) < 1000 for i in parsed.items)
    assert len(parsed.title) < 1000


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b'<rss version="0.91"><channel><title>t</title><item><title>A</title><link>https://e.com/a</link></item></channel></rss>', "rss091u"),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
         b'<channel rdf:about="https://e.com/"><title>t</title></channel>'
         b'<item rdf:about="https://e.com/a"><title>A</title><link>https://e.com/a</link></item></rdf:RDF>', "rss10"),
        (b'<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title>'
         b'<entry><title>A</title><link rel="alternate" type="text/html" href="https://e.com/a"/></entry></feed>', "atom03"),
    ],
)
def test_older_formats(body, kind):
    parsed = parse_feed(body)
    assert parsed.kind == kind
    assert [(i.title, i.link) for i in parsed.items] == [("A", "https://e.com/a")]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000) | st.builds(lambda cut, junk: rss(("A", "https://e.com/a", "x"))[:cut] + junk,
                                             st.integers(0, 400), st.binary(max_size=50)))
def test_parse_feed_never_raises(body):
    parsed = parse_feed(body)
    assert parsed.readable or parsed.problems


def test_junk_never_raises():
    for body in (b"", b"\x00\xff\xfe" * 100, b"{", "<rss>ü</rss>".encode("utf-16"), b"<?xml version='1.0'?><a/>"):
        parsed = parse_feed(body)
        assert parsed.readable or parsed.problems


PIECES = ["<script>", "</script>", "<SCRIPT src=x>", "&lt;", "&gt;", "&amp;", "<b>", "</b>", "<p>", "<", ">", "&", "x", " ", "\n", "\x00"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES)))
def test_plain_text_never_passes_a_script_tag_on(pieces):
    text = plain_text("".join(pieces))
    assert "<script" not in text.lower() and "\x00" not in text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="<&", blacklist_categories=("Cs", "Cc"))))
def test_plain_text_of_text_without_markup_only_tidies_spaces(value):
    assert plain_text(value, single_line=True) == " ".join(value.replace("\u200b", " ").split())


def test_plain_text_keeps_paragraphs():
    assert plain_text("<p>a</p><p>b<br/>c</p>") == "a\n\nb\nc"
    assert plain_text("<p>a</p><p>b</p>", single_line=True) == "a b"
    assert plain_text("x < y &amp; y > z") == "x < y & y > z"
