"""Kabar: a streaming news-event pipeline on Apache Kafka and Faust."""

__version__ = "0.1.0"
