"""What `kabar replay` reads, without a broker: archives and saved feeds, the --from/--to window, refusals."""

from __future__ import annotations

import json

import pytest

from streams.cli import main
from streams.replay import Window, load_files
from streams.timeutil import epoch_ms
from tests.unit.ingest.samples import rss


def _article(n: int, published: str) -> str:
    return json.dumps({"url": f"https://x.org/{n}", "title": f"T{n}", "text": "Body.", "published_at": published})


def test_a_folder_of_archives_and_saved_feeds_filtered_by_publication_time(tmp_path):
    (tmp_path / "a.jsonl").write_text("\n".join([
        _article(1, "2025-01-06T23:59:59Z"), _article(2, "2025-01-07T00:00:00Z"), "{broken", _article(3, "2025-01-08T00:00:00Z"),
    ]))
    (tmp_path / "feed.xml").write_bytes(rss(
        ("Di dalam", "https://contoh.id/in", "Tue, 07 Jan 2025 09:00:00 +0700"),  # 02:00 UTC: inside
        ("Di luar", "https://contoh.id/out", "Wed, 08 Jan 2025 09:00:00 +0700"),
    ))
    (tmp_path / "notes.txt").write_text("not a feed")
    loaded = load_files(tmp_path, Window.parse("2025-01-07T00:00:00Z", "2025-01-08T00:00:00Z"))
    assert sorted(a.title for a in loaded.articles) == ["Di dalam", "T2"]  # [from, to): the end is excluded
    assert loaded.notes["outside --from/--to"] == 3 and loaded.notes["snapshot files"] == 2
    reasons = [reason for reason, _excerpt in loaded.rejects]
    assert len(reasons) == 2
    assert any("a.jsonl:3: invalid JSON" in r for r in reasons)
    assert any("notes.txt: " in r and "not a feed: no RSS, Atom or JSON Feed root element" in r for r in reasons)


def test_without_a_window_everything_is_kept():
    window = Window()
    assert not window.bounded and epoch_ms("1990-01-01T00:00:00Z") in window


@pytest.mark.parametrize(
    "argv, message",
    [
        (["replay", "--from", "yesterday-ish"], "--from takes an ISO 8601 time"),
        (["replay", "--from", "2025-01-08T00:00:00Z", "--to", "2025-01-07T00:00:00Z"], "--from must be before --to"),
        (["replay", "--speed", "0"], "--speed takes a positive number"),
        (["replay", "--from", "2025-01-07T00:00:00Z"], "kabar reprocess --since TIME --version N"),
        (["replay", "--from", "2025-01-07T00:00:00Z", "--source-prefix", ""], "kabar reprocess"),
        (["replay", "missing-folder", "--source-prefix", "old."], "--source-prefix is for replaying a range"),
        (["replay", "missing-folder"], "nothing at missing-folder"),
    ],
)
def test_refusals_say_what_to_do(argv, message, capsys, monkeypatch):
    monkeypatch.delenv("KABAR_TOPIC_PREFIX", raising=False)
    from streams.settings import get_settings

    get_settings.cache_clear()
    assert main(argv) == 2
    assert message in capsys.readouterr().err
