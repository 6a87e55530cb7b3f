"""``kabar alerts test RULES [ARCHIVE]``: which alert rules an archive would fire, without Kafka.

The archive's articles run in publication order through the agents' own pure functions
(normalize, enrich, one ``Clusterer``), and each event upsert through the rules, as the
worker's ``alerts`` stage does; nothing is delivered unless ``--deliver`` is given.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from streams.desk.alerts import Rule, RulesError, evaluate, load_rules
from streams.records import Alert, RawArticle

HELP = """Load and check the alert rules file RULES (the format of streams/data/common/alerts.json),
run ARCHIVE (JSON Lines or saved feeds, as `kabar replay` takes; default: the bundled sample)
through normalize, enrich and cluster in this process, and print each alert the rules would fire:
rule, severity, event id, message and where it would be delivered. No broker is needed. An invalid
rules file is one line naming the rule and the field, and exit status 2. With --deliver the alerts
are also POSTed to the rules' webhooks (signing secrets from the variables the rules name),
with the worker's tries and backoff; exit status 1 if one was not delivered."""


@dataclass
class Trial:
    """What the rules fired on a run of articles."""

    articles: int = 0
    rejected: int = 0
    events: set[str] = field(default_factory=set)
    alerts: list[Alert] = field(default_factory=list)


def would_fire(articles: Iterable[RawArticle], rules: Sequence[Rule], horizon_days: int) -> Trial:
    """The alerts ``rules`` fire on ``articles``, clustered in publication order as the pipeline does."""
    from streams.dedup.cluster import Clusterer
    from streams.nlp.enrich import enrich
    from streams.nlp.normalize import normalize
    from streams.records import Rejection
    from streams.timeutil import epoch_ms

    trial = Trial()
    clusterer = Clusterer({}, horizon_days=horizon_days)
    fired: dict[str, set[str]] = {}
    for raw in sorted(articles, key=lambda a: (epoch_ms(a.published_at), a.id)):
        trial.articles += 1
        clean = normalize(raw)
        enriched = clean if isinstance(clean, Rejection) else enrich(clean)
        result = enriched if isinstance(enriched, Rejection) else clusterer.process(enriched)
        if isinstance(result, Rejection):
            trial.rejected += 1
            continue
        for ev in result.events:
            trial.events.add(ev.id)
            done = fired.setdefault(ev.id, set())
            for alert in evaluate(ev, done, at=ev.last_seen or ev.first_seen or "", rules=rules):
                done.add(alert.rule)
                trial.alerts.append(alert)
    return trial


def _targets(rule: Rule) -> str:
    from streams.desk.delivery import host_of

    return ", ".join(f"{host_of(t.webhook)} ({t.format})" for t in rule.deliver) or "(no webhook)"


def report(trial: Trial, rules: Sequence[Rule]) -> list[str]:
    """The lines ``kabar alerts test`` prints: one per alert, then a summary."""
    by_name = {rule.name: rule for rule in rules}
    width = max((len(r.name) for r in rules), default=4)
    lines = [f"{a.rule:<{width}}  {a.severity:<8}  {a.event_id}  {a.message}  -> {_targets(by_name[a.rule])}"
             for a in trial.alerts]
    quiet = [r.name for r in rules if r.name not in {a.rule for a in trial.alerts}]
    lines.append(f"{trial.articles} articles ({trial.rejected} rejected by the NLP), {len(trial.events)} events, "
                 f"{len(trial.alerts)} alert{'' if len(trial.alerts) == 1 else 's'} from {len(rules) - len(quiet)} of "
                 f"{len(rules)} rules"
                 + (f"; did not fire: {', '.join(quiet)}" if quiet else ""))
    return lines


async def _deliver_all(trial: Trial, rules: Sequence[Rule], secrets: dict[str, bytes]) -> int:
    import aiohttp

    from streams.desk.delivery import deliver

    by_name = {rule.name: rule for rule in rules}
    failed = 0
    async with aiohttp.ClientSession() as session:
        for alert in trial.alerts:
            for target in by_name[alert.rule].deliver:
                secret = secrets[target.secret_env] if target.secret_env else None
                outcome = await deliver(session, alert, target, secret)
                failed += not outcome.delivered
                print(f"{alert.rule} {alert.event_id}: "
                      + (outcome.describe() if outcome.delivered else f"NOT delivered, {outcome.describe()}"))
    return failed


def _cmd_test(args: argparse.Namespace) -> int:
    from streams.desk.delivery import secrets_for
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
        return 1 if asyncio.run(_deliver_all(trial, rules, secrets)) else 0
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
