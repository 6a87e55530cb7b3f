"""Pure deduplication and event clustering over a dict-like state store."""
