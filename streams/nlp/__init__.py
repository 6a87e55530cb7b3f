"""Pure language processing: plain data in, plain data out; no Kafka, no settings."""
