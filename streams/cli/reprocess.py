"""``kabar reprocess --since TIME --version N``: rebuild downstream state after a lexicon or model change.

Faust names its consumer group and table changelogs after the app id and
version, so a new ``KABAR_APP_VERSION`` starts from empty state. This command
prepares that generation: for the new group it commits, on ``articles.raw``,
the first offset at or after TIME (by record timestamp = publication time),
and on every downstream topic the current end, so the new workers re-read
the raw log from TIME and only their own outputs after it. Event ids come
from what an event is, so the new generation's upserts replace the old ones
on the compacted ``events`` topic. Stop the old workers first, then start
workers with ``KABAR_APP_VERSION=N``.
"""

from __future__ import annotations

import asyncio
import sys


def _cmd(args) -> int:
    from streams.reprocess import prepare
    from streams.settings import get_settings

    settings = get_settings()
    if args.version <= settings.app_version:
        print(f"kabar reprocess: --version must be above the running generation ({settings.app_version}); "
              "a new version gets fresh tables", file=sys.stderr)
        return 2
    try:
        result = asyncio.run(prepare(settings, args.since, args.version))
    except ValueError as exc:
        print(f"kabar reprocess: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # e.g. the group still has live members
        print(f"kabar reprocess: could not set the offsets of group {settings.app_id}-v{args.version}: {exc}. "
              "Is a worker of that version already running?", file=sys.stderr)
        return 2
    print(f"generation {args.version} (group {result['group']}) will re-read {result['raw_records_to_reprocess']} raw "
          f"articles since {args.since}. Stop the old workers, then start: KABAR_APP_VERSION={args.version} kabar worker")
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("reprocess", help="rebuild events from articles.raw since a time (after a lexicon change)",
                       description=__doc__.split("\n\n", 1)[1])
    p.add_argument("--since", required=True, metavar="TIME", help="publication time to re-read from (ISO 8601)")
    p.add_argument("--version", required=True, type=int, help="the new state generation (KABAR_APP_VERSION)")
    p.set_defaults(func=_cmd)
