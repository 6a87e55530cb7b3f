"""`kabar replay` on the real broker of an archive cut short by a killed writer: what was read is sent."""

from __future__ import annotations

import gzip
import json

from tests.support import kabar, read_topic


def test_a_cut_short_archive_is_sent_as_far_as_it_goes_and_the_replay_exits_2(pipeline_env, tmp_path):
    env = dict(pipeline_env, KABAR_TOPIC_PREFIX=f"{pipeline_env['KABAR_TOPIC_PREFIX']}damaged.")
    archive = tmp_path / "articles-2025-01-07.jsonl.gz"
    articles = [{"url": f"https://contoh.id/{n}", "title": f"T{n}", "text": "Isi.", "published_at": f"2025-01-07T0{n}:00:00Z"}
                for n in range(5)]
    archive.write_bytes(b"".join(gzip.compress(json.dumps(a).encode() + b"\n") for a in articles)[:-20])
    problem = f"truncated after line 4 (gzip stream ended early at byte {archive.stat().st_size})"

    result = kabar(env, "replay", str(archive), check=False)

    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "kabar replay: 0 of 1 archives read whole, the readable lines of the others sent, the rest to the "
        f"dead-letter topic; {archive.name}: {problem}")
    assert sorted(article["title"] for article in read_topic(env, "articles.raw")) == ["T0", "T1", "T2", "T3"]
    assert [(letter["reason"], letter["detail"]) for letter in read_topic(env, "deadletter")] == [
        ("truncated", f"{archive}: {problem}")]
