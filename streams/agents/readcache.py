"""A read cache in front of a Faust table (``ReadCache``); plain data, no Faust."""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

#: decoded values the cache keeps before it starts afresh (about a horizon of a busy worker's state)
CACHE_MAX = 200_000
_ABSENT = object()


class ReadCache(MutableMapping):
    """Decoded table values kept in memory in front of a table that one agent alone writes.

    From RocksDB each read is a lookup, a JSON decode and a sensor call. ``cluster``
    reads about forty keys of ``cluster-state`` an article (articles and events), cached
    here as the records its ``TypedState`` decodes; a dated table's ``keep`` reads its
    partition's index about five times a message (``expiry.put`` and ``expiry.sweep``).
    The agent is the only writer of its partitions' keys, so values it read or wrote
    stay valid until a rebalance, which empties the cache (another worker may have written them
    meanwhile). Writes and deletes go through to the table.
    """

    def __init__(self, table: MutableMapping[str, Any], limit: int = CACHE_MAX) -> None:
        self.table = table
        self.limit = limit
        self.values: dict[str, Any] = {}

    def get(self, key: str, default: Any = None) -> Any:
        value = self.values.get(key, _ABSENT)
        if value is _ABSENT:
            if len(self.values) >= self.limit:
                self.values.clear()
            value = self.values[key] = self.table.get(key)
        return default if value is None else value

    def __getitem__(self, key: str) -> Any:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __setitem__(self, key: str, value: Any) -> None:
        self.table[key] = value
        self.values[key] = value

    def __delitem__(self, key: str) -> None:
        del self.table[key]
        self.values[key] = None

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def scan(self, wanted: Callable[[str], bool]) -> Iterator[tuple[str, Any]]:
        """The keys ``wanted`` keeps and their values, read from the table past the cache (see
        ``dedup.state.TypedState.scan``)."""
        return self.table.scan(wanted)

    def __len__(self) -> int:
        return len(self.table)
