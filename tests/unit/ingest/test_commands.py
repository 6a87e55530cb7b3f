"""``kabar feeds check|import|export`` and ``kabar scrape`` through the real command line parser."""

from __future__ import annotations

import gzip
import json

from streams.cli import main
from streams.reasons import Reason
from streams.records import Rejection
from tests.shared import CORPORA, needs_shared

from .samples import rss

FUNDUS = CORPORA / "fundus-parser-tests"


def test_feeds_check_prints_items_and_a_summary(tmp_path, capsys):
    path = tmp_path / "feed.xml"
    path.write_bytes(rss(("Satu <b>dua</b>", "https://contoh.id/1?utm_medium=x", "Tue, 07 Jan 2025 09:00:00 +0700")))
    assert main(["feeds", "check", str(path), "--language", "id"]) == 0
    out, err = capsys.readouterr()
    (line,) = out.splitlines()
    item = json.loads(line)
    assert item["title"] == "Satu dua" and item["url"] == "https://contoh.id/1" and item["language"] == "id"
    assert item["published_at"] == "2025-01-07T09:00:00+07:00"
    assert "rss20, 1 items, 0 rejected, 0 problems" in err


def test_feeds_check_fails_clearly_on_a_page_or_a_missing_file(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html><body>Beranda</body></html>")
    assert main(["feeds", "check", str(page)]) == 2
    assert "not a readable RSS, Atom or JSON feed" in capsys.readouterr().err
    assert main(["feeds", "check", str(tmp_path / "missing.xml")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_feeds_check_refuses_private_urls_by_default(capsys):
    assert main(["feeds", "check", "http://127.0.0.1:9/rss"]) == 2
    err = capsys.readouterr().err
    assert "kabar feeds check: fetch-refused: 127.0.0.1 is a loopback" in err and "--allow-private" in err


def test_feeds_import_then_export(tmp_path, capsys):
    opml = tmp_path / "in.opml"
    opml.write_text('<opml version="2.0"><body><outline text="A" xmlUrl="https://a.id/rss"/></body></opml>')
    config = tmp_path / "feeds.toml"
    config.write_text('[[feed]]\nurl = "https://b.id/rss"\n')
    assert main(["feeds", "import", str(opml), "--config", str(config)]) == 0
    assert "1 feeds added" in capsys.readouterr().err
    assert main(["feeds", "export", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert 'xmlUrl="https://b.id/rss"' in out and 'xmlUrl="https://a.id/rss"' in out


def test_feeds_health_lists_records(tmp_path, capsys):
    from streams.ingest.health import HealthStore
    from streams.ingest.state import open_state

    assert main(["feeds", "health", "--state", str(tmp_path)]) == 2
    store = HealthStore(open_state(tmp_path))
    record = store.get("https://a.id/rss")
    record.record_failure(1_700_000_000.0, Rejection(Reason.FETCH_TIMEOUT), 60, 600)
    store.put(record)
    capsys.readouterr()
    assert main(["feeds", "health", "--state", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    row = json.loads(out)
    assert row["url"] == "https://a.id/rss" and row["last_reason"] == "fetch-timeout" and row["last_attempt"] == "2023-11-14T22:13:20+00:00"
    assert "1 feeds, 1 failing, 0 parked" in err


@needs_shared
def test_scrape_a_page_file(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_bytes(gzip.decompress((FUNDUS / "id" / "MediaIndonesia_2026_01_20.html.gz").read_bytes()))
    assert main(["scrape", str(page), "--url", "https://mediaindonesia.com/ekonomi/851796/x"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"url", "title", "text", "published_at", "authors", "language"}
    assert result["language"] == "id" and result["title"].startswith("Dari Petani hingga Pendidik Bangsa")
