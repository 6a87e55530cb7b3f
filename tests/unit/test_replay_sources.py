"""What `kabar replay` reads, without a broker: archives and saved feeds, the --from/--to window, refusals."""

from __future__ import annotations

import asyncio
import gzip
import json

import pytest

from streams.cli import main
from streams.reasons import Reason
from streams.replay import Window, load_files, send
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
    (broken, _), (notes, _) = loaded.rejects
    assert (broken.reason, notes.reason) == (Reason.INVALID_JSON, Reason.NOT_A_FEED)
    assert broken.detail.startswith(f"{tmp_path}/a.jsonl: line 3: ") and notes.detail.startswith(f"{tmp_path}/notes.txt: ")


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


def _damaged_folder(tmp_path):
    """Three archives: one whole, one cut short by a killed writer, one with lines that are not articles."""
    (tmp_path / "whole.jsonl").write_text(_article(1, "2025-01-07T01:00:00Z") + "\n")
    cut = b"".join(gzip.compress((_article(n, "2025-01-07T02:00:00Z") + "\n").encode()) for n in range(10, 13))[:-20]
    (tmp_path / "cut.jsonl.gz").write_bytes(cut)
    (tmp_path / "bad.jsonl").write_text("\n".join([_article(20, "2025-01-07T03:00:00Z"), '{"url": "https://x.org/21"}', "{broken"]))
    return len(cut)


def test_damaged_archives_are_read_as_far_as_they_go_and_each_problem_is_reported(tmp_path):
    cut_size = _damaged_folder(tmp_path)
    loaded = load_files(tmp_path)
    assert sorted(a.title for a in loaded.articles) == ["T1", "T10", "T11", "T20"]
    assert list(loaded.unread) == ["bad.jsonl", "cut.jsonl.gz"]
    assert [problem.partition(" (")[0] for problem in loaded.unread["bad.jsonl"]] == [
        "line 2: schema", "line 3: invalid-json"]
    assert loaded.unread["cut.jsonl.gz"] == [f"truncated after line 2 (gzip stream ended early at byte {cut_size})"]
    assert [(rejection.reason, rejection.detail) for rejection, _raw in loaded.rejects] == [
        (Reason.SCHEMA, f"{tmp_path}/bad.jsonl: {loaded.unread['bad.jsonl'][0]}"),
        (Reason.INVALID_JSON, f"{tmp_path}/bad.jsonl: {loaded.unread['bad.jsonl'][1]}"),
        (Reason.TRUNCATED, f"{tmp_path}/cut.jsonl.gz: {loaded.unread['cut.jsonl.gz'][0]}")]
    assert loaded.unread_summary() == (
        "1 of 3 archives read whole, the readable lines of the others sent, the rest to the dead-letter topic; "
        "bad.jsonl: line 2: schema (missing or empty field(s): title, text, published_at), and 1 more; "
        f"cut.jsonl.gz: truncated after line 2 (gzip stream ended early at byte {cut_size})")


@pytest.fixture
def sent(monkeypatch):
    """What `kabar replay` hands to the producer (tested on a broker by tests/integration), kept here instead."""
    loads = []

    async def send(loaded, speed, settings):
        loads.append(loaded)
        return {"sent": len(loaded.articles), "rejected": len(loaded.rejects)}

    monkeypatch.setattr("streams.replay.send", send)
    return loads


def test_replay_of_a_damaged_folder_sends_what_it_read_and_exits_2_with_one_line(tmp_path, sent, capsys):
    _damaged_folder(tmp_path)
    assert main(["replay", str(tmp_path)]) == 2
    (loaded,) = sent
    assert len(loaded.articles) == 4 and len(loaded.rejects) == 3
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("kabar replay: 1 of 3 archives read whole") and "cut.jsonl.gz: truncated after line 2" in line


def test_replay_of_whole_archives_exits_0_without_a_word(tmp_path, sent, capsys):
    (tmp_path / "a.jsonl").write_text(_article(1, "2025-01-07T01:00:00Z") + "\n")
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(_article(2, "2025-01-07T02:00:00Z").encode()))
    assert main(["replay", str(tmp_path)]) == 0
    assert len(sent[0].articles) == 2 and capsys.readouterr().err == ""



def test_an_article_from_the_future_is_a_dead_letter_with_its_reason(tmp_path, monkeypatch):
    letters, articles = [], []

    class Producer:
        """What `replay.send` hands to the broker, kept here instead."""

        sent = dead = 0

        def __init__(self, _settings) -> None:
            pass

        async def __aenter__(self) -> "Producer":
            return self

        async def __aexit__(self, *exc) -> None:
            pass

        async def reject(self, stage, reason, detail, excerpt=""):
            letters.append((stage, reason, detail))

        async def send(self, article):
            articles.append(article.title)

        async def flush(self):
            pass

    (tmp_path / "a.jsonl").write_text("\n".join([_article(1, "2099-01-01T00:00:00Z"), _article(2, "2025-01-07T00:00:00Z")]))
    monkeypatch.setattr("streams.replay.ArticleProducer", Producer)
    asyncio.run(send(load_files(tmp_path), None, None))
    [(stage, reason, detail)] = letters
    assert (stage, reason) == ("replay", Reason.FUTURE_TIME) and detail.startswith("https://x.org/1: ")
    assert articles == ["T2"]
