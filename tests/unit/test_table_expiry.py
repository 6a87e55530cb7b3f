"""The worker's tables are bounded by event time (issue 11: three tables grew forever).

``seen-articles``, ``fingerprints`` and ``fired-alerts`` are dated tables
(``expiry.DatedTable``); ``cluster-state`` sweeps the countries of
its table partition that stopped getting articles (``Clusterer.process`` with
a ``shard``). Stores here are plain dicts, as in ``kabar eval`` and the bench.
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest

from streams.dedup import expiry
from streams.bench.dedup import bench_dedup
from streams.dedup.cluster import Clusterer
from streams.records import EnrichedArticle, ExtractedEvent

HORIZON = 7
DAY = expiry.day_of(1_704_067_200)  # 2024-01-01

#: the three dated tables: a key and a value as their agents store them
TABLES = {
    "seen-articles": ("article-1", "3f2a9c0d1e4b5a67"),
    "fingerprints": ("3f2a9c0d1e4b5a67", "article-1"),
    "fired-alerts": ("evt-0a1b2c3d4e5f6a7b", ["mass-casualty", "riot"]),
}


def _entries(table: dict) -> set[str]:
    return {k for k in table if not k.startswith(expiry.INDEX)}


def _dated(table: dict, partition_of=lambda key: 0) -> expiry.DatedTable:
    """``table`` as a dated table whose keys belong to the partitions ``partition_of`` tells (a
    new one on the same dict is a restarted worker: it rebuilds its index from the entries)."""
    return expiry.DatedTable(table, lambda p: ((k, v) for k, v in table.items() if partition_of(k) == p))


@pytest.mark.parametrize("name", TABLES)
def test_an_entry_lives_one_horizon_of_event_time(name):
    key, value = TABLES[name]
    table: dict = {}
    dated = _dated(table)
    dated.put(0, key, value, DAY)
    dated.put(0, "other", value, DAY + HORIZON)
    assert dated.sweep(0, HORIZON) == 0
    assert expiry.value_of(table[key]) == value  # exactly one horizon old: inside
    dated.put(0, "later", value, DAY + HORIZON + 1)
    assert dated.sweep(0, HORIZON) == 1
    assert _entries(table) == {"other", "later"}


@pytest.mark.parametrize("name", TABLES)
def test_a_sweep_leaves_no_index_behind_once_everything_expired(name):
    key, value = TABLES[name]
    table: dict = {}
    dated = _dated(table)
    for day in range(DAY, DAY + 10):
        dated.put(0, f"{key}-{day}", value, day)
    dated.put(0, "last", value, DAY + 100)
    dated.sweep(0, HORIZON)
    assert set(table) == {"last", f"{expiry.INDEX}0|meta"}


def test_an_entry_seen_again_is_kept_alive_and_a_same_day_repeat_writes_nothing():
    table: dict = {}
    dated = _dated(table)
    dated.put(0, "a", "fp", DAY)
    dated.put(0, "b", "fp", DAY + 5)
    before = dict(table)
    dated.put(0, "a", "fp", DAY)  # seen again five days of event time later: filed at the clock
    assert table["a"]["day"] == DAY + 5
    again = dict(table)
    dated.put(0, "a", "fp", DAY + 5)
    assert table == again != before
    dated.put(0, "c", "fp", DAY + HORIZON + 1)
    dated.sweep(0, HORIZON)
    assert _entries(table) == {"a", "b", "c"}  # a's first filing day went, a did not


def test_a_late_entry_is_filed_under_the_clock_not_expired_at_once():
    table: dict = {}
    dated = _dated(table)
    dated.put(0, "new", "x", DAY + 30)
    dated.put(0, "old-news", "y", DAY)  # a replay mixing years
    dated.sweep(0, HORIZON)
    assert _entries(table) == {"new", "old-news"}


def test_each_partition_has_its_own_clock_and_a_sweep_touches_only_its_own():
    table: dict = {}
    dated = _dated(table)
    dated.put(0, "p0-old", "x", DAY)
    dated.put(1, "p1-old", "x", DAY)
    dated.put(1, "p1-new", "x", DAY + 30)
    assert dated.sweep(0, HORIZON) == 0
    assert dated.sweep(1, HORIZON) == 1
    assert _entries(table) == {"p0-old", "p1-new"}
    assert all(k.startswith((f"{expiry.INDEX}0|", f"{expiry.INDEX}1|")) for k in set(table) - _entries(table))


def test_a_value_that_changes_is_stored_and_refiled():
    table: dict = {}
    dated = _dated(table)
    dated.put(0, "article", "fp-1", DAY)
    dated.put(0, "article", "fp-2", DAY + 3)
    assert table["article"] == {"value": "fp-2", "day": DAY + 3}
    dated.put(0, "x", "fp", DAY + HORIZON + 1)
    dated.sweep(0, HORIZON)
    assert expiry.value_of(table["article"]) == "fp-2"


def test_a_crash_between_meta_and_entry_leaks_nothing():
    class CrashOnEntry(dict):
        def __setitem__(self, key, value):
            if not key.startswith(expiry.INDEX):
                raise RuntimeError("worker killed")
            super().__setitem__(key, value)

    crashed = CrashOnEntry()
    with pytest.raises(RuntimeError):
        _dated(crashed).put(0, "a", "fp", DAY)
    table = dict(crashed)
    dated = _dated(table)  # restarted
    dated.put(0, "a", "fp", DAY)  # redelivered
    dated.put(0, "b", "fp", DAY + HORIZON + 1)
    dated.sweep(0, HORIZON)
    assert _entries(table) == {"b"}


def test_a_restarted_worker_rebuilds_the_index_from_the_entries_of_its_partitions():
    def partition_of(key: str) -> int:  # "old-1" and "~expiry:1|meta" are partition 1's
        return int(key.split("|")[0][-1])

    table: dict = {}
    before = _dated(table, partition_of)
    before.put(0, "old-0", "fp", DAY)
    before.put(1, "old-1", "fp", DAY)
    before.put(0, "kept-0", "fp", DAY + 3)
    after = _dated(table, partition_of)  # the worker restarted: nothing of the index was stored
    after.put(0, "new-0", "fp", DAY + HORIZON + 1)
    assert after.sweep(0, HORIZON) == 1
    assert after.sweep(1, HORIZON) == 0  # partition 1's clock has not moved
    assert _entries(table) == {"old-1", "kept-0", "new-0"}


def test_dated_tables_stay_bounded_over_a_long_run():
    table: dict = {}
    dated = _dated(table)
    sizes = []
    for day in range(DAY, DAY + 200):
        for n in range(50):
            partition = n % 4
            dated.put(partition, f"{day}-{n}", "v", day)
            dated.sweep(partition, HORIZON)
        sizes.append(len(table))
    # (horizon + today) days of 50 entries, plus a meta per partition
    assert max(sizes[20:]) == sizes[20] <= 8 * 50 + 4


def _article(aid: str, country: str, day: str) -> EnrichedArticle:
    event = ExtractedEvent(type="PROTEST", country=country, date=day, actors=[f"{country}:protesters"],
                           place=f"{country}-city")
    return EnrichedArticle(id=aid, url=f"https://news.example/{aid}", title=aid, text=f"{aid} words " * 30,
                           published_at=f"{day}T08:00:00Z", language="en", source="news.example",
                           events=[event], countries=[country])


def test_a_country_that_gets_no_more_articles_is_swept_by_its_partition():
    state: dict = {}
    clusterer = Clusterer(state, horizon_days=HORIZON)
    clusterer.process(_article("kz-1", "KZ", "2024-01-01"), shard=0)
    for n, day in enumerate(["2024-01-05", "2024-01-20", "2024-02-20"]):
        Clusterer(state, horizon_days=HORIZON).process(_article(f"id-{n}", "ID", day), shard=0)  # restarted worker
    assert not any(k.startswith("KZ|") and k != "KZ|meta" for k in state)


def test_a_country_of_another_partition_is_left_alone():
    state: dict = {}
    clusterer = Clusterer(state, horizon_days=HORIZON)
    clusterer.process(_article("kz-1", "KZ", "2024-01-01"), shard=1)
    clusterer.process(_article("id-1", "ID", "2024-03-01"), shard=0)
    assert "KZ|art:kz-1" in state


def test_the_dedup_bench_keeps_every_table_flat_over_sixty_days():
    result = bench_dedup(3000, days=60, horizon_days=HORIZON, every=10)
    rows = result["state_by_day"]
    assert [r["day"] for r in rows] == [10, 20, 30, 40, 50]
    for name in ("seen-articles", "fingerprints", "fired-alerts", "cluster-state"):
        after_full = [r[name] for r in rows if r["day"] >= 30]  # horizon and retired horizons full
        assert max(after_full) <= 1.2 * min(after_full), (name, after_full)
    assert rows[-1]["seen-articles"] < 0.3 * result["articles"]


def test_keep_files_the_entry_on_the_partition_of_the_message_handled_and_sweeps_it(monkeypatch):
    from streams import app

    monkeypatch.setattr(app, "settings", replace(app.settings, sweep_grace=0))
    table: dict = {}
    dated = _dated(table, lambda key: 2)
    message = SimpleNamespace(message=SimpleNamespace(partition=2))
    app.keep(dated, message, "a", "fp", "2024-01-01T08:00:00Z")
    app.keep(dated, message, "b", "fp", f"2024-01-{app.settings.horizon_days + 3:02d}T08:00:00Z")
    assert _entries(table) == {"b"}
    assert {k.split("|")[0] for k in set(table) - _entries(table)} == {f"{expiry.INDEX}2"}


def test_with_a_grace_an_entry_outlives_the_leap_of_the_clock_by_that_grace():
    # A message handled before the clock leapt can be delivered again (the redo after a restart
    # reaches back to the last commit): within the grace it still finds its entry.
    table: dict = {}
    dated = _dated(table)
    dated.put(0, "old", "fp", DAY)
    dated.put(0, "new", "fp", DAY + HORIZON + 200)
    assert dated.sweep(0, HORIZON, now=1000.0, grace=30) == 0
    assert dated.sweep(0, HORIZON, now=1029.0, grace=30) == 0
    assert expiry.value_of(table.get("old")) == "fp"
    assert dated.sweep(0, HORIZON, now=1030.0, grace=30) == 1
    assert _entries(table) == {"new"}
    assert "armed" not in table[f"{expiry.INDEX}0|{expiry.META}"]


def test_with_a_grace_a_sweep_that_has_nothing_to_expire_writes_nothing():
    table: dict = {}
    dated = _dated(table)
    dated.put(0, "a", "fp", DAY)
    dated.put(0, "b", "fp", DAY + 1)
    writes = dict(table)
    assert dated.sweep(0, HORIZON, now=1000.0, grace=30) == 0
    assert table == writes


def test_with_a_grace_the_cutoff_applied_is_the_one_armed_not_the_clock_of_the_moment():
    table: dict = {}
    dated = _dated(table)
    dated.put(0, "first", "fp", DAY)
    dated.put(0, "second", "fp", DAY + 10)
    dated.put(0, "leap", "fp", DAY + 10 + HORIZON - 1)  # "first" falls behind, "second" not yet
    dated.sweep(0, HORIZON, now=0.0, grace=30)
    dated.put(0, "later", "fp", DAY + 30 + HORIZON)  # now "second" falls behind too
    assert dated.sweep(0, HORIZON, now=31.0, grace=30) == 1
    assert _entries(table) == {"second", "leap", "later"}
    assert dated.sweep(0, HORIZON, now=62.0, grace=30) == 2
    assert _entries(table) == {"later"}


class _Writes(dict):
    """A store that counts assignments per key: each is a changelog message on a Faust table."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: dict[str, int] = {}

    def __setitem__(self, key, value) -> None:
        self.writes[key] = self.writes.get(key, 0) + 1
        super().__setitem__(key, value)


def test_a_dated_entry_costs_one_write_and_meta_is_written_when_the_clock_moves():
    table = _Writes()
    dated = _dated(table)
    for i in range(32):
        dated.put(0, f"k{i}", "v", DAY)
    dated.put(0, "next-day", "v", DAY + 1)
    meta = f"{expiry.INDEX}0|meta"
    assert table.writes[meta] == 2  # the clock set, then moved a day
    assert sum(table.writes.values()) == 32 + 1 + 2
    assert dated.index(0).days.keys == {DAY: {f"k{i}" for i in range(32)}, DAY + 1: {"next-day"}}


def test_an_index_that_counted_keys_per_day_still_expires_everything():
    """The layout before: ``meta`` counted the keys of each day, not its chunks."""
    table: dict = {}
    dated = _dated(table)
    index = expiry.Prefixed(table, f"{expiry.INDEX}0")
    for i in range(70):
        table[f"old{i}"] = {"value": "v", "day": DAY}
    index["idx:%d:0" % DAY] = [f"old{i}" for i in range(64)]
    index["idx:%d:1" % DAY] = [f"old{i}" for i in range(64, 70)]
    index[expiry.META] = {"clock": DAY, "days": {str(DAY): 70}}
    dated.put(0, "new", "v", DAY)
    dated.put(0, "later", "v", DAY + HORIZON + 1)
    assert dated.sweep(0, HORIZON) == 71
    assert _entries(table) == {"later"}
    assert set(table) == {"later", f"{expiry.INDEX}0|{expiry.META}"}  # its index chunks went with their day
    assert table[f"{expiry.INDEX}0|{expiry.META}"]["days"] == {}


def test_the_index_chunks_of_the_previous_layout_go_with_their_day():
    """Before, the index was stored: ``meta`` counted the chunks of each day, each chunk listed keys."""
    table: dict = {}
    index = expiry.Prefixed(table, f"{expiry.INDEX}0")
    for i in range(20):
        table[f"old{i}"] = {"value": "v", "day": DAY}
    index["idx:%d:0" % DAY] = [f"old{i}" for i in range(16)]
    index["idx:%d:1" % DAY] = [f"old{i}" for i in range(16, 20)]
    index[expiry.META] = {"clock": DAY, "days": {str(DAY): 2}}
    dated = _dated(table)  # the new version starts on that state
    dated.put(0, "later", "v", DAY + HORIZON + 1)
    assert dated.sweep(0, HORIZON) == 20
    assert set(table) == {"later", f"{expiry.INDEX}0|{expiry.META}"}
