"""Timezone-aware UTC times, everywhere."""

from __future__ import annotations

from datetime import datetime, timezone

from dateutil import parser as date_parser


def parse_time(value: str | None) -> datetime | None:
    """Parse an RFC 3339 / ISO 8601 / RFC 822 time; naive times are taken as UTC."""
    if not value or not isinstance(value, str):
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = date_parser.parse(value)
        except (ValueError, OverflowError):
            return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt


def to_rfc3339(dt: datetime) -> str:
    """RFC 3339 at seconds precision, keeping the source's UTC offset
    (``2022-01-07T12:00:00+07:00``; ``Z`` for UTC or a naive time).

    The offset is kept because it is the publisher's local calendar that
    "Thursday" or "yesterday" in the text refers to; the instant is the same.
    """
    if dt.tzinfo is None or dt.utcoffset().total_seconds() == 0:
        return dt.replace(tzinfo=None).strftime("%Y-%m-%dT%H:%M:%SZ")
    return dt.replace(microsecond=0).isoformat()


def utcnow() -> str:
    return to_rfc3339(datetime.now(timezone.utc))


def epoch_ms(value: str) -> int:
    dt = parse_time(value)
    if dt is None:
        raise ValueError(f"not a time: {value!r}")
    return int(dt.timestamp() * 1000)
