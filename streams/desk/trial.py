"""Which alert rules an archive would fire, without Kafka (``kabar alerts test``, in ``streams.cli.alerts``).

The archive's articles run in publication order through the agents' own pure functions
(normalize, enrich, one ``Clusterer``), and each event upsert through the rules, as the
worker's ``alerts`` stage does; nothing is delivered unless ``--deliver`` is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from streams.desk.alerts import Rule, evaluate
from streams.records import Alert, RawArticle


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

    trial = Trial()
    clusterer = Clusterer({}, horizon_days=horizon_days)
    fired: dict[str, set[str]] = {}
    for raw in sorted(articles, key=lambda a: (a.published_ms, a.id)):
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


async def deliver_all(trial: Trial, rules: Sequence[Rule], secrets: dict[str, bytes]) -> int:
    """POST each alert of ``trial`` to its rule's webhooks, printing each outcome; how many failed."""
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
