"""``kabar feeds check|import|export|health|moved`` and ``kabar scrape``: feeds and pages without Kafka.

``kabar ingest`` (``streams.cli.ingest``) runs ``poller.poll_feeds`` with Kafka; these
commands help set a feed list up and see what a feed or a page would give.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import datetime, timezone
from pathlib import Path

import orjson

from streams.ingest.feedlist import DEFAULT_CONFIG, FeedListError, load_feeds, save_feeds

EXIT_OK = 0
EXIT_UNREADABLE = 2


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    feeds = subparsers.add_parser(
        "feeds",
        help="check a feed, import/export the feed list as OPML",
        description="Work with feeds and the feed list (config/feeds.toml) without Kafka.",
    )
    sub = feeds.add_subparsers(dest="feeds_command", metavar="ACTION")
    feeds.set_defaults(func=_usage(feeds))

    check = sub.add_parser(
        "check",
        help="parse one feed and print its items as JSON lines",
        description="Fetch (or read) one RSS/Atom/JSON feed, print each normalised item as a JSON line on stdout "
        "and a summary (items, problems) on stderr. Exit 0 when the feed is readable, 2 when it is not.",
    )
    check.add_argument("source", metavar="PATH_OR_URL", help="a feed file or an http(s) URL")
    check.add_argument("--language", help="language to assume when the feed declares none (e.g. id)")
    check.add_argument("--allow-private", action="store_true", help="allow URLs on loopback/private addresses")
    check.set_defaults(func=_check)

    imp = sub.add_parser(
        "import",
        help="add the feeds of an OPML file to the feed list",
        description="Add every feed (outline with xmlUrl) of an OPML file to the feed list; feeds already listed are kept as they are.",
    )
    imp.add_argument("opml", metavar="FILE.opml")
    imp.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help=f"feed list to update (default {DEFAULT_CONFIG})")
    imp.set_defaults(func=_import)

    exp = sub.add_parser("export", help="print the feed list as OPML", description="Print the feed list as OPML 2.0 on stdout.")
    exp.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help=f"feed list to read (default {DEFAULT_CONFIG})")
    exp.set_defaults(func=_export)

    health = sub.add_parser(
        "health",
        help="show each feed's health (failures, parking, schedule) as JSON lines",
        description="Print the health record of every feed the poller has seen, one JSON line each: last success, "
        "consecutive failures, last failure (its reason and detail), parked until (and why), next poll, moved-to URL.",
    )
    health.add_argument("--state", type=Path, help="ingest state folder (default $KABAR_HOME/ingest)")
    health.set_defaults(func=_health)

    moved = sub.add_parser(
        "moved",
        help="list feeds that moved (permanent redirect); --write updates the feed list",
        description="Print every feed the poller found permanently redirected (301/308), one JSON line each: url, "
        "moved_to, and whether the feed list names it. The poller already follows the redirect; --write replaces "
        "each old URL by the new one in the feed list (only the quoted URL changes: comments and layout stay) and "
        "carries the feed's health record over. Restart `kabar ingest` afterwards.",
    )
    moved.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help=f"feed list (default {DEFAULT_CONFIG})")
    moved.add_argument("--state", type=Path, help="ingest state folder (default $KABAR_HOME/ingest)")
    moved.add_argument("--write", action="store_true", help="write the new URLs into the feed list")
    moved.set_defaults(func=_moved)

    scrape = subparsers.add_parser(
        "scrape",
        help="extract the article text of one page",
        description="Fetch (or read) one article page and print one JSON object: url, title, text, published_at, authors, language.",
    )
    scrape.add_argument("source", metavar="PATH_OR_URL", help="an HTML file or an http(s) URL")
    scrape.add_argument("--url", help="the page's URL when reading a file (for relative links and metadata)")
    scrape.add_argument("--allow-private", action="store_true", help="allow URLs on loopback/private addresses")
    scrape.set_defaults(func=_scrape)


def _usage(parser: argparse.ArgumentParser):
    def show(_args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return EXIT_UNREADABLE

    return show


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


async def _download(url: str, allow_private: bool, accept: str) -> tuple[bytes, dict[str, str], str] | str:
    from streams.ingest.fetch import Fetcher
    from streams.reasons import Reason

    async with Fetcher(allow_private=allow_private, retries=0, delay=0.0) as fetcher:
        result = await fetcher.get(url, accept=accept)
    if not result.ok:
        hint = " (--allow-private fetches it anyway)" if result.failure.reason == Reason.FETCH_REFUSED else ""
        return f"{result.failure}{hint}"
    return result.body, result.headers, result.final_url


def _load(source: str, allow_private: bool, accept: str) -> tuple[bytes, dict[str, str], str] | str:
    if _is_url(source):
        return asyncio.run(_download(source, allow_private, accept))
    try:
        return Path(source).read_bytes(), {}, Path(source).resolve().as_uri()
    except OSError as exc:
        return f"cannot read {source}: {exc.strerror or exc}"


def _check(args: argparse.Namespace) -> int:
    from streams.ingest.feeds import parse_feed
    from streams.ingest.items import normalize_item
    from streams.ingest.poller import FEED_ACCEPT
    from streams.records import Rejection

    loaded = _load(args.source, args.allow_private, FEED_ACCEPT)
    if isinstance(loaded, str):
        print(f"kabar feeds check: {loaded}", file=sys.stderr)
        return EXIT_UNREADABLE
    body, headers, url = loaded
    parsed = parse_feed(body, headers, url if _is_url(url) else None)
    fetched_at = datetime.now(timezone.utc)
    rejected = 0
    out = sys.stdout.buffer
    for item in parsed.items:
        result = normalize_item(item, url, fetched_at, language=args.language)
        if isinstance(result, Rejection):
            rejected += 1
            print(f"rejected item {item.title[:80]!r}: {result}", file=sys.stderr)
            continue
        out.write(orjson.dumps(result.article.to_dict()) + b"\n")
    out.flush()
    problems = "; ".join(parsed.problems)
    print(
        f"{args.source}: {parsed.kind or 'not a feed'}, {len(parsed.items)} items, {rejected} rejected, "
        f"{len(parsed.problems)} problems" + (f": {problems}" if problems else ""),
        file=sys.stderr,
    )
    if not parsed.readable:
        print(f"kabar feeds check: {args.source} is not a readable RSS, Atom or JSON feed", file=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from streams.ingest.opml import merge_feeds, parse_opml

    try:
        new = parse_opml(Path(args.opml).read_bytes())
        existing = load_feeds(args.config) if args.config.exists() else []
    except (OSError, FeedListError) as exc:
        print(f"kabar feeds import: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    merged, added = merge_feeds(existing, new)
    save_feeds(merged, args.config)
    print(f"{added} feeds added, {len(new) - added} already listed; {len(merged)} feeds in {args.config}", file=sys.stderr)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from streams.ingest.opml import to_opml

    try:
        feeds = load_feeds(args.config)
    except FeedListError as exc:
        print(f"kabar feeds export: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    sys.stdout.write(to_opml(feeds))
    return EXIT_OK


def _state_dir(args: argparse.Namespace, command: str) -> Path | None:
    """The ingest state folder, or None (after saying so) when the poller has not run."""
    from streams.ingest.state import STATE_FILE

    state = args.state
    if state is None:
        from streams.settings import get_settings

        state = get_settings().home / "ingest"
    if not (state / STATE_FILE).exists():
        print(f"kabar feeds {command}: no ingest state in {state} (has `kabar ingest` run?)", file=sys.stderr)
        return None
    return state


def _health(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from streams.ingest.health import HealthStore
    from streams.ingest.state import open_state

    state = _state_dir(args, "health")
    if state is None:
        return EXIT_UNREADABLE
    conn = open_state(state)
    try:
        records = HealthStore(conn).all()
    finally:
        conn.close()
    for record in records:
        row = asdict(record)
        for key in ("last_attempt", "last_success", "parked_until", "next_poll"):
            if row[key]:
                row[key] = datetime.fromtimestamp(row[key], timezone.utc).isoformat(timespec="seconds")
        sys.stdout.buffer.write(orjson.dumps(row) + b"\n")
    parked = sum(1 for r in records if r.parked_until)
    failing = sum(1 for r in records if r.consecutive_failures)
    print(f"{len(records)} feeds, {failing} failing, {parked} parked", file=sys.stderr)
    return EXIT_OK


def _moved(args: argparse.Namespace) -> int:
    from streams.ingest.feedlist import move_feed_urls
    from streams.ingest.health import HealthStore
    from streams.ingest.state import open_state

    state = _state_dir(args, "moved")
    if state is None:
        return EXIT_UNREADABLE
    try:
        listed = {feed.url for feed in load_feeds(args.config)}
        text = args.config.read_text(encoding="utf-8")
    except (OSError, FeedListError) as exc:
        print(f"kabar feeds moved: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    conn = open_state(state)
    try:
        store = HealthStore(conn)
        moves = {r.url: r.moved_to for r in store.all() if r.moved_to and r.moved_to != r.url}
        for old, new in moves.items():
            sys.stdout.buffer.write(orjson.dumps({"url": old, "moved_to": new, "listed": old in listed}) + b"\n")
        sys.stdout.buffer.flush()
        wanted = {old: new for old, new in moves.items() if old in listed}
        if not args.write:
            hint = "; `kabar feeds moved --write` updates the feed list" if wanted else ""
            print(f"{len(moves)} moved feeds, {len(wanted)} of them in {args.config}{hint}", file=sys.stderr)
            return EXIT_OK
        new_text, replaced = move_feed_urls(text, wanted)
        if replaced:
            _write_checked(args.config, new_text, {wanted[old] for old in replaced})
            for old in replaced:
                store.rename(old, wanted[old])
    except FeedListError as exc:
        print(f"kabar feeds moved: {exc}; {args.config} left as it was", file=sys.stderr)
        return EXIT_UNREADABLE
    finally:
        conn.close()
    for old in sorted(set(wanted) - set(replaced)):
        print(f"kabar feeds moved: {old} is not written as a plain quoted string in {args.config}; edit it by hand",
              file=sys.stderr)
    print(f"{len(replaced)} feed URLs updated in {args.config}; restart `kabar ingest` to use them", file=sys.stderr)
    return EXIT_OK


def _write_checked(path: Path, text: str, expected: set[str]) -> None:
    """Write the feed list atomically, once the new text is known to load and to name the new URLs."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".toml", delete=False) as fh:
        fh.write(text)
    try:
        missing = expected - {feed.url for feed in load_feeds(fh.name)}
        if missing:
            raise FeedListError(f"the rewritten list lacks {', '.join(sorted(missing))}")
        Path(fh.name).replace(path)
    finally:
        Path(fh.name).unlink(missing_ok=True)


def _scrape(args: argparse.Namespace) -> int:
    from streams.ingest.poller import PAGE_ACCEPT
    from streams.ingest.scrape import extract_article
    from streams.records import Rejection

    loaded = _load(args.source, args.allow_private, PAGE_ACCEPT)
    if isinstance(loaded, str):
        print(f"kabar scrape: {loaded}", file=sys.stderr)
        return EXIT_UNREADABLE
    body, _headers, url = loaded
    page = extract_article(body, args.url or url)
    if isinstance(page, Rejection):
        print(f"kabar scrape: {page}", file=sys.stderr)
        return EXIT_UNREADABLE
    sys.stdout.buffer.write(orjson.dumps(page.to_dict()) + b"\n")
    return EXIT_OK
