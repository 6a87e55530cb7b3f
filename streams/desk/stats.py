"""The worker's ``/kabar/stats/`` page: per-stage counters and the partitions this worker owns,
as JSON; with ``?tables`` also the keys of its tables."""

from __future__ import annotations

from streams.agents.common import STATS
from streams.app import app, cluster_state, fingerprints, fired_alerts, seen_articles


@app.page("/kabar/stats/")
async def stats(web, request):
    # Stream partitions only: table changelogs (active and standby) are assigned too.
    assigned = {tp for tp in (app.consumer.assignment() if app.consumer else ()) if not tp.topic.endswith("-changelog")}
    page = {
        "stages": {stage: dict(counter) for stage, counter in STATS.items()},
        "worker": {"assigned_partitions": len(assigned), "rebalancing": bool(app.rebalancing)},
    }
    if "tables" in request.query:  # counting a store's keys reads all of it: only when asked (``kabar bench --soak``)
        page["tables"] = {t.name: len(t) for t in (cluster_state, seen_articles, fingerprints, fired_alerts)}
    return web.json(page)
