"""The benchmarks behind ``kabar bench`` (``streams.cli.bench``): they measure, they never assert.

One module per stage: ``pipeline`` (articles through a broker and a real worker), ``soak`` (a
steady load for a long time), and the pure code on one core without Kafka: ``nlp``, ``dedup``,
``ingest``. Nothing is imported here, so the pure benchmarks load no broker code.
"""
