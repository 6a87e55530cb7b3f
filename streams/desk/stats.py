"""The worker's ``/kabar/stats/`` page: per-stage counters as JSON."""

from __future__ import annotations

from streams.agents.common import STATS
from streams.app import app


@app.page("/kabar/stats/")
async def stats(web, request):
    return web.json({stage: dict(counter) for stage, counter in STATS.items()})
