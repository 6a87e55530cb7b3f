"""The analysts' store: an embedded DuckDB file kept in step with the ``events`` topic.

``kabar sink PATH`` (``sink.py``) reads ``events`` and upserts each event by id
(``tables.py``); ``kabar query PATH`` (``query.py``) filters the stored events and
writes them as JSON lines, CSV, GeoJSON or Parquet (``formats.py``). Everything but
``sink.py`` is pure: it takes a DuckDB connection and records, never Kafka.
"""
