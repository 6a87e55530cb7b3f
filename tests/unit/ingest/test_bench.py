"""The ingest benchmarks run and report what they claim (numbers are printed, never asserted)."""

from __future__ import annotations

from streams.bench.ingest import bench_parse, bench_poll


def test_bench_parse_reports_its_numbers():
    result = bench_parse(100)
    assert result["items"] == 100 and result["items_per_second"] > 0 and result["rss_mb"] > 0


def test_bench_poll_polls_every_feed_politely():
    result = bench_poll(n_feeds=12, hosts=3, delay=0.05)
    assert result["emitted"] == 12 * 10 and result["fetch_failures"] == 0
    assert result["min_gap_same_host"] >= 0.05
