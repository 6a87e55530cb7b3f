"""The worker's ``/kabar/stats/`` page: per-stage counters, the partitions this worker owns and
the keys of its tables, as JSON."""

from __future__ import annotations

from streams.agents.common import STATS
from streams.app import app, cluster_state, fingerprints, fired_alerts, seen_articles


@app.page("/kabar/stats/")
async def stats(web, request):
    # Stream partitions only: table changelogs (active and standby) are assigned too.
    assigned = {tp for tp in (app.consumer.assignment() if app.consumer else ()) if not tp.topic.endswith("-changelog")}
    return web.json({
        "stages": {stage: dict(counter) for stage, counter in STATS.items()},
        "worker": {"assigned_partitions": len(assigned), "rebalancing": bool(app.rebalancing)},
        # keys in this worker's local stores (``kabar bench --soak`` watches them stay flat)
        "tables": {t.name: len(t) for t in (cluster_state, seen_articles, fingerprints, fired_alerts)},
    })
