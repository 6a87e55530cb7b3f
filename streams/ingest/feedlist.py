"""The feed list: ``config/feeds.toml``, one ``[[feed]]`` table per feed.

```toml
[[feed]]
url = "https://www.antaranews.com/rss/terkini.xml"
name = "ANTARA News"
language = "id"          # used when the feed does not declare one
country = "ID"           # the publisher's country (ISO 3166 alpha-2)
min_interval = 300       # seconds; the adaptive schedule stays within these bounds
max_interval = 3600
```

Only ``url`` is required. ``save_feeds`` writes the same format back (used by
``kabar feeds import``); ``move_feed_urls`` rewrites moved URLs in place,
keeping comments and layout (``kabar feeds moved --write``).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CONFIG = Path("config/feeds.toml")
DEFAULT_MIN_INTERVAL = 300.0
DEFAULT_MAX_INTERVAL = 3600.0
#: never poll a feed more often than this, whatever the config says
FLOOR_INTERVAL = 30.0


@dataclass
class FeedConfig:
    url: str
    name: str | None = None
    language: str | None = None
    country: str | None = None
    min_interval: float = DEFAULT_MIN_INTERVAL
    max_interval: float = DEFAULT_MAX_INTERVAL


class FeedListError(ValueError):
    """The feed list cannot be read; the message says where and why."""


def load_feeds(path: str | Path = DEFAULT_CONFIG) -> list[FeedConfig]:
    """Read a feed list; raises ``FeedListError`` with the entry at fault."""
    try:
        doc = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FeedListError(f"{path}: {exc}") from exc
    feeds: list[FeedConfig] = []
    seen: set[str] = set()
    for n, entry in enumerate(doc.get("feed", []), 1):
        feed = feed_from_dict(entry, f"{path}: feed #{n}")
        if feed.url not in seen:
            seen.add(feed.url)
            feeds.append(feed)
    return feeds


def feed_from_dict(entry: object, where: str = "feed") -> FeedConfig:
    if not isinstance(entry, dict) or not isinstance(entry.get("url"), str) or not entry["url"].startswith(("http://", "https://")):
        raise FeedListError(f"{where}: needs url = \"http(s)://...\"")
    try:
        low = max(float(entry.get("min_interval", DEFAULT_MIN_INTERVAL)), FLOOR_INTERVAL)
        high = max(float(entry.get("max_interval", max(DEFAULT_MAX_INTERVAL, low))), low)
    except (TypeError, ValueError) as exc:
        raise FeedListError(f"{where}: min_interval/max_interval must be numbers of seconds") from exc
    return FeedConfig(
        url=entry["url"].strip(),
        name=_opt_str(entry.get("name")),
        language=_opt_str(entry.get("language")),
        country=_opt_str(entry.get("country")),
        min_interval=low,
        max_interval=high,
    )


def save_feeds(feeds: list[FeedConfig], path: str | Path = DEFAULT_CONFIG) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(dump_feeds(feeds), encoding="utf-8")


def dump_feeds(feeds: list[FeedConfig]) -> str:
    """The TOML text of a feed list (JSON string escapes are valid TOML basic strings)."""
    blocks = []
    for feed in feeds:
        lines = ["[[feed]]", f"url = {json.dumps(feed.url, ensure_ascii=False)}"]
        for key in ("name", "language", "country"):
            value = getattr(feed, key)
            if value:
                lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        lines.append(f"min_interval = {feed.min_interval:g}")
        lines.append(f"max_interval = {feed.max_interval:g}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _opt_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def move_feed_urls(text: str, moves: dict[str, str]) -> tuple[str, list[str]]:
    """Replace each old URL, as a quoted TOML string, by the new one; returns the text and the old URLs replaced.

    The replacement is textual (``"old"`` or ``'old'``), so comments, order and
    layout stay as the operator wrote them.
    """
    replaced = []
    for old, new in moves.items():
        basic = json.dumps(new, ensure_ascii=False)
        pairs = ((json.dumps(old, ensure_ascii=False), basic), (f"'{old}'", basic if "'" in new else f"'{new}'"))
        found = [quoted for quoted, _ in pairs if quoted in text]
        for quoted, replacement in pairs:
            text = text.replace(quoted, replacement)
        if found:
            replaced.append(old)
    return text, replaced
