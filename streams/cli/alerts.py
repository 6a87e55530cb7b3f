"""``kabar alerts test RULES [ARCHIVE]``: which alert rules an archive would fire (``streams.desk.trial``)."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

HELP = """Load and check the alert rules file RULES (the format of streams/data/common/alerts.json),
run ARCHIVE (JSON Lines or saved feeds, as `kabar replay` takes; default: the bundled sample)
through normalize, enrich and cluster in this process, and print each alert the rules would fire:
rule, severity, event id, message and where it would be delivered. No broker is needed. An invalid
rules file is one line naming the rule and the field, and exit status 2. With --deliver the alerts
are also POSTed to the rules' webhooks (signing secrets from the variables the rules name),
with the worker's tries and backoff; exit status 1 if one was not delivered."""

def _cmd_test(args: argparse.Namespace) -> int:
    from streams.desk.alerts import RulesError, load_rules
    from streams.desk.delivery import secrets_for
    from streams.desk.trial import deliver_all, report, would_fire
    from streams.replay import load_files, sample_archive
    from streams.settings import get_settings

    try:
        rules = load_rules(args.rules)
        secrets = secrets_for(rules, os.environ) if args.deliver else {}
    except RulesError as exc:
        print(f"kabar alerts test: {exc}", file=sys.stderr)
        return 2
    archive = args.archive or sample_archive()
    try:
        loaded = load_files(archive)
    except OSError as exc:
        print(f"kabar alerts test: {archive}: cannot be read ({exc.strerror or exc})", file=sys.stderr)
        return 2
    if loaded.rejects:
        print(f"kabar alerts test: {len(loaded.rejects)} records of {archive} are not articles and were left out "
              f"(first: {loaded.rejects[0][0]})", file=sys.stderr)
    trial = would_fire(loaded.articles, rules, get_settings().horizon_days)
    for line in report(trial, rules):
        print(line)
    if args.deliver:
        return 1 if asyncio.run(deliver_all(trial, rules, secrets)) else 0
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("alerts", help="check alert rules against an archive, without Kafka")
    sub = p.add_subparsers(dest="alerts_command", metavar="SUBCOMMAND", required=True)
    t = sub.add_parser("test", help="print which rules an archive would fire (no broker)", description=HELP)
    t.add_argument("rules", metavar="RULES", help="rules file (JSON, format of streams/data/common/alerts.json)")
    t.add_argument("archive", metavar="ARCHIVE", nargs="?",
                   help="archive file or folder (default: the bundled sample)")
    t.add_argument("--deliver", action="store_true", help="also POST the alerts to the rules' webhooks")
    t.set_defaults(func=_cmd_test)
