"""``kabar bench --soak``: its report line (the run itself is a benchmark, not a test)."""

from streams.bench.soak import minute_line


def test_a_minute_line_gives_counts_latency_memory_and_every_table():
    line = minute_line(3, 18000, 17950, [100.0, 200.0, 300.0, 5000.0], 412.4,
                       {"seen-articles": 120, "cluster-state": 9000})
    assert line.startswith("soak: minute   3  sent   18000  in events   17950")
    assert "p50     300 ms" in line and "p99    5000 ms" in line and "rss    412 MB" in line
    assert line.endswith("cluster-state=9000 seen-articles=120")
