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
    """``2022-01-07T05:00:00Z``: UTC, seconds precision."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def utcnow() -> str:
    return to_rfc3339(datetime.now(timezone.utc))


def epoch_ms(value: str) -> int:
    dt = parse_time(value)
    if dt is None:
        raise ValueError(f"not a time: {value!r}")
    return int(dt.timestamp() * 1000)
