"""The pipeline on the real broker: seed article in, events out; replays. (Dead letters: ``test_poison``.)"""

from __future__ import annotations

import time

import orjson

from tests.support import kabar, latest_events, read_topic, wait_for
from tests.integration.helpers import SEED, sample_articles, write_archive


def _protest_in_almaty(events) -> bool:
    return any(e["type"] == "PROTEST" and e["country"] == "KZ" and e["place"] == "Almaty"
               and e["date"] == "2022-01-06" for e in events)


def _russian_aid(events) -> bool:
    return any(e["type"] == "AID" and "RU" in e["actors"] for e in events)


def test_seed_article_yields_protest_in_almaty_and_russian_aid(worker, pipeline_env, tmp_path):
    kabar(pipeline_env, "replay", str(write_archive(tmp_path / "seed.jsonl", SEED)))
    records = wait_for(pipeline_env, "events",
                       lambda r: _protest_in_almaty(latest_events(r).values()) and _russian_aid(latest_events(r).values()))
    events = latest_events(records).values()
    assert all(SEED in e["articles"] for e in events if e["country"] == "KZ")
    assert any(e["evidence"] and e["evidence"][0]["article_id"] == SEED for e in events)


def test_replaying_the_same_archive_adds_no_event_ids(worker, pipeline_env, tmp_path):
    archive = write_archive(tmp_path / "seed.jsonl", SEED)
    kabar(pipeline_env, "replay", str(archive))
    before = set(latest_events(wait_for(pipeline_env, "events", _russian_aid_latest)))
    repeats = worker.stats().get("normalize", {}).get("repeat", 0)
    kabar(pipeline_env, "replay", str(archive))
    end = time.monotonic() + 60
    while worker.stats().get("normalize", {}).get("repeat", 0) <= repeats and time.monotonic() < end:
        time.sleep(0.5)
    assert worker.stats()["normalize"]["repeat"] > repeats, "the worker never saw the replayed article"
    after = set(latest_events(read_topic(pipeline_env, "events")))
    assert after == before


def _russian_aid_latest(records) -> bool:
    return _russian_aid(latest_events(records).values())


def test_a_syndicated_exact_copy_becomes_a_mention_of_the_originals_events(worker, pipeline_env, tmp_path):
    """The same text on another outlet skips the NLP (enrich counts an exact duplicate) but is coverage:
    every event of the original lists the copy too."""
    seed = sample_articles()[SEED]
    copy = {**seed, "id": "copy-of-seed", "url": "https://copies.example/kazakhstan", "source": "copies.example",
            "published_at": "2022-01-07T13:00:00+07:00"}
    kabar(pipeline_env, "replay", str(write_archive(tmp_path / "seed.jsonl", SEED)))
    wait_for(pipeline_env, "events", _russian_aid_latest)
    archive = tmp_path / "copy.jsonl"
    archive.write_bytes(orjson.dumps(copy) + b"\n")
    kabar(pipeline_env, "replay", str(archive))
    records = wait_for(pipeline_env, "events", lambda r: any(
        "copy-of-seed" in e["articles"] for e in latest_events(r).values()))
    seeds = [e for e in latest_events(records).values() if SEED in e["articles"]]
    assert seeds and all("copy-of-seed" in e["articles"] for e in seeds)
    assert worker.stats()["enrich"]["exact-duplicate"] >= 1
