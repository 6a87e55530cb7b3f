"""Saved feeds for replay: parsed like live polling, merged by article id, bad files reported."""

from __future__ import annotations

import gzip
import json
import os
from datetime import datetime, timezone

from streams.ingest.feeds import parse_feed
from streams.ingest.items import normalize_item
from streams.ingest.snapshots import read_snapshots, split_replay_files
from streams.reasons import Reason
from streams.urls import article_id

from .samples import rss

DAY1 = "Tue, 07 Jan 2025 09:00:00 +0700"
DAY2 = "Wed, 08 Jan 2025 09:00:00 +0700"


def _snapshot(path, body: bytes, taken: str) -> str:
    path.write_bytes(body)
    when = datetime.fromisoformat(taken).timestamp()
    os.utime(path, (when, when))
    return path


def test_an_item_in_many_snapshots_is_one_article_in_its_latest_version(tmp_path):
    early = _snapshot(tmp_path / "antara-0900.xml", rss(
        ("Banjir di Jakarta", "https://contoh.id/banjir?utm_source=rss", DAY1),
        ("Gempa di Cianjur", "https://contoh.id/gempa", DAY1),
    ), "2025-01-07T03:00:00+00:00")
    late = _snapshot(tmp_path / "antara-1000.xml", rss(
        ("Banjir di Jakarta meluas", "https://contoh.id/banjir", DAY1),
        ("Pemilu", "https://contoh.id/pemilu", DAY2),
    ), "2025-01-08T03:00:00+00:00")
    found = read_snapshots([late, early])  # the order of the files does not matter: the snapshot time does
    by_url = {a.url: a for a in found.articles}
    assert sorted(by_url) == ["https://contoh.id/banjir", "https://contoh.id/gempa", "https://contoh.id/pemilu"]
    assert by_url["https://contoh.id/banjir"].title == "Banjir di Jakarta meluas"
    assert found.files == 2 and found.items == 4 and found.merged == 1 and not found.rejections
    # the same id and fields as the poller would give: normalize_item of the parsed item
    live = normalize_item(parse_feed(late.read_bytes()).items[1], "https://contoh.id/", datetime.now(timezone.utc)).article
    assert by_url["https://contoh.id/pemilu"].id == live.id == article_id("https://contoh.id/pemilu")
    assert by_url["https://contoh.id/pemilu"].published_at == live.published_at == "2025-01-08T09:00:00+07:00"
    # nothing fetched: summary-only items stay flagged as such
    assert {a.text_origin for a in found.articles} == {"summary"} and found.summary_only == 3
    assert by_url["https://contoh.id/banjir"].text == "Ringkasan berita."


def test_a_file_that_is_not_a_feed_or_is_broken_is_reported_and_the_rest_kept(tmp_path):
    good = _snapshot(tmp_path / "a.xml", rss(("Satu", "https://contoh.id/1", DAY1)), "2025-01-07T03:00:00+00:00")
    page = tmp_path / "b.xml"
    page.write_text("<!DOCTYPE html><html><body>Beranda</body></html>")
    truncated = tmp_path / "c.xml"
    truncated.write_bytes(rss(("Dua", "https://contoh.id/2", DAY1), ("Tiga", "https://contoh.id/3", DAY1))[:-40])
    broken_gzip = tmp_path / "d.xml.gz"
    broken_gzip.write_bytes(b"\x1f\x8b not really gzip")
    found = read_snapshots([good, page, truncated, broken_gzip])
    reasons = {os.path.basename(r.path): r.reason for r in found.rejections}
    assert set(reasons) == {"b.xml", "c.xml", "d.xml.gz"}
    assert reasons == {"b.xml": Reason.NOT_A_FEED, "c.xml": Reason.MALFORMED_FEED, "d.xml.gz": Reason.UNREADABLE_FILE}
    titles = {a.title for a in found.articles}
    assert "Satu" in titles and "Dua" in titles  # a truncated feed still gives what it could read


def test_undated_items_are_dated_by_the_first_snapshot_that_holds_them(tmp_path):
    undated = b"""<rss version="2.0"><channel><title>T</title><link>https://contoh.id/</link>
    <item><title>Tanpa tanggal</title><link>https://contoh.id/x</link><description>Isi.</description></item></channel></rss>"""
    first = _snapshot(tmp_path / "1.rss", undated, "2025-01-07T03:00:00+00:00")
    second = _snapshot(tmp_path / "2.rss", undated, "2025-01-07T05:00:00+00:00")
    found = read_snapshots([first, second])
    (article,) = found.articles
    assert article.published_at == "2025-01-07T03:00:00Z" and article.date_origin == "fetched"
    assert found.flags == {"no date": 1}


def test_the_feed_time_is_the_snapshot_time_and_relative_links_use_the_self_link(tmp_path):
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>Contoh</title>
    <link rel="self" href="https://contoh.id/atom.xml"/><updated>2025-01-08T00:00:00Z</updated>
    <entry><title>Relatif</title><link href="/berita/1"/><id>tag:contoh.id,2025:1</id><summary>Isi.</summary></entry>
    </feed>"""
    older = _snapshot(tmp_path / "x.atom", atom, "2030-01-01T00:00:00+00:00")  # the file time is ignored
    newer = tmp_path / "y.atom.gz"
    newer.write_bytes(gzip.compress(atom.replace(b"2025-01-08", b"2025-01-09").replace(b"Relatif", b"Relatif (baru)")))
    found = read_snapshots([newer, older])
    (article,) = found.articles
    assert article.url == "https://contoh.id/berita/1" and article.title == "Relatif (baru)"
    assert article.published_at == "2025-01-08T00:00:00Z"  # undated: the first snapshot that held it


def test_archives_and_snapshots_are_told_apart_by_extension_then_content(tmp_path):
    line = json.dumps({"url": "https://x.org/a", "title": "T", "text": "B", "published_at": "2025-01-07T00:00:00Z"})
    json_feed = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": []})
    files = {
        "a.jsonl": line, "b.ndjson": line, "c.json": line, "d.txt": line,
        "e.json": json_feed, "f.json": json_feed.replace(", ", ",\n"), "g.xml": line, "h.txt": "junk",
        ".hidden.jsonl": line, "sub/i.rss": "<rss/>",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    with gzip.open(tmp_path / "j.jsonl.gz", "wt") as fh:
        fh.write(line)
    archives, snapshots = split_replay_files(tmp_path)
    assert [p.name for p in archives] == ["a.jsonl", "b.ndjson", "c.json", "d.txt", "j.jsonl.gz"]
    assert [p.relative_to(tmp_path).as_posix() for p in snapshots] == ["e.json", "f.json", "g.xml", "h.txt", "sub/i.rss"]
