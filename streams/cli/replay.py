"""``kabar replay``: send archives, saved feeds or a range of ``articles.raw`` in event time (``streams.replay``)."""

from __future__ import annotations

import asyncio
import sys


def _cmd(args) -> int:
    from streams.replay import Window, load_files, load_topic_range, parse_speed, sample_archive, send
    from streams.settings import get_settings
    from streams.topics import ARTICLES_RAW

    try:
        speed = parse_speed(args.speed)
    except ValueError:
        return _fail(f"--speed takes a positive number or 'max', not {args.speed!r}")
    try:
        window = Window.parse(args.since, args.until)
    except ValueError as exc:
        return _fail(str(exc))
    settings = get_settings()
    if args.path or not window.bounded:
        if args.source_prefix is not None:
            return _fail("--source-prefix is for replaying a range of articles.raw (no PATH, with --from/--to)")
        try:
            loaded = load_files(args.path or sample_archive(), window)
        except FileNotFoundError as exc:
            return _fail(str(exc))
    else:
        source_prefix = settings.topic_prefix if args.source_prefix is None else args.source_prefix
        if source_prefix + ARTICLES_RAW.name == settings.topic(ARTICLES_RAW.name):
            return _fail(
                f"--from/--to would read and write {settings.topic(ARTICLES_RAW.name)}: replaying articles.raw into "
                "itself duplicates the log. To rebuild events from it in place, use `kabar reprocess --since TIME "
                "--version N`; to replay a range into a sandbox, set KABAR_TOPIC_PREFIX to a new namespace and pass "
                f"--source-prefix {source_prefix!r}."
            )
        try:
            loaded = asyncio.run(load_topic_range(settings, source_prefix, window))
        except (LookupError, TimeoutError) as exc:
            return _fail(str(exc))
    result = asyncio.run(send(loaded, speed, settings))
    if loaded.unread:
        return _fail(loaded.unread_summary())
    return 0 if result["sent"] or not result["rejected"] else 1


def _fail(message: str) -> int:
    print(f"kabar replay: {message}", file=sys.stderr)
    return 2


def add_commands(sub) -> None:
    p = sub.add_parser(
        "replay",
        help="send archives, saved feeds or a time range of articles.raw to articles.raw in event time",
        description="Replay historical articles into the pipeline, in publication order, with the publication "
        "time as Kafka timestamp. PATH is a file or a folder (searched recursively). Hidden files are skipped. A file is a "
        "JSON Lines archive when it ends in .jsonl or .ndjson (.gz ok), or, unless it ends in .xml/.rss/.atom/"
        ".rdf, when its first line is a JSON object that is not a JSON Feed; every other file is a saved feed "
        "(RSS, RDF, Atom, JSON Feed; .gz ok). Archive lines need url, title, text and published_at. Saved feeds are parsed like "
        "live polling, an article seen in several snapshots is sent once (its latest version), and no page is "
        "fetched (summary-only articles stay so). Without PATH, --from/--to replay a range of the articles.raw "
        "of --source-prefix into this namespace's (KABAR_TOPIC_PREFIX); without either, the bundled sample is "
        "replayed. Unusable lines and files go to the dead-letter topic. A damaged .gz archive (cut short, corrupt "
        "bytes) is read as far as it goes and on past the damage. Exit 0 when every archive was read whole, 2 when "
        "some of one could not be read (damage, lines that are not articles), with one line saying what.",
    )
    p.add_argument("path", nargs="?", help="archive, saved feed, or a folder of them (default: the bundled sample)")
    p.add_argument("--speed", default="max", help="seconds of news per wall-clock second (60 = an hour a minute), or 'max' (default)")
    p.add_argument("--from", dest="since", metavar="TIME", help="only articles published at or after TIME (ISO 8601)")
    p.add_argument("--to", dest="until", metavar="TIME", help="only articles published before TIME (ISO 8601)")
    p.add_argument("--source-prefix", metavar="PREFIX",
                   help="without PATH: the topic prefix of the articles.raw to read (default: KABAR_TOPIC_PREFIX, "
                   "which is refused, since a topic cannot be replayed into itself)")
    p.set_defaults(func=_cmd)
