"""The desk without Kafka: a stand-in source and made-up coverage, for tests and for working on the page.

``python -m streams.desk.demo [--port 8099] [--events 10000]`` serves the desk fed with a few
stories (the Almaty unrest reported in four languages, floods and a protest in Indonesia...)
and, with ``--events``, that many more generated events, then one new article a few seconds.
Nothing here is real news; the records have the shape of the ``events``, ``events.alerts`` and
``articles.enriched`` topics.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from datetime import datetime, timedelta, timezone
from typing import Any

from streams.desk.state import DeskState

Record = tuple[str, dict[str, Any], float]


class FeedSource:
    """A source fed by hand: records given at the start, then ``put`` from any thread."""

    def __init__(self, records: list[Record] = ()) -> None:
        self.initial = list(records)
        self.loop: asyncio.AbstractEventLoop | None = None
        self.state: DeskState | None = None

    async def __call__(self, state: DeskState) -> None:
        self.loop, self.state = asyncio.get_running_loop(), state
        for kind, obj, at in self.initial:
            state.apply(kind, obj, at)
        state.ready = True
        await asyncio.Event().wait()  # until cancelled, as a consumer would

    def put(self, kind: str, obj: dict[str, Any], at: float | None = None) -> None:
        if self.loop is None or self.state is None:
            raise RuntimeError("the desk has not started this source yet: start the desk first, then put records")
        self.loop.call_soon_threadsafe(self.state.apply, kind, obj, time.time() if at is None else at)


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds").replace("+00:00", "Z")


def _epoch(iso: str) -> float:
    """An article's record time: in these made-up topics, the pipeline read each article when it came out."""
    return datetime.fromisoformat(iso).timestamp()


def article(id_: str, title: str, source: str, language: str, at: datetime) -> dict[str, Any]:
    return {"id": id_, "title": title, "url": f"https://{source}/news/{id_}", "source": source,
            "language": language, "published_at": _iso(at)}


def event(id_: str, type_: str, country: str, place: str, lat: float, lon: float, arts: list[dict], *,
          story: str, actors=(), targets=(), mode=None, counts=None, evidence: str = "") -> dict[str, Any]:
    first, last = arts[0]["published_at"], arts[-1]["published_at"]
    return {"id": id_, "type": type_, "mode": mode, "country": country, "date": first[:10], "place": place,
            "location": {"name": place, "country": country, "lat": lat, "lon": lon},
            "actors": list(actors), "targets": list(targets), "counts": counts or {},
            "count_sources": {k: {"value": v, "article_id": arts[0]["id"], "published_at": first}
                              for k, v in (counts or {}).items()},
            "articles": [a["id"] for a in arts], "mentions": len(arts),
            "sources": sorted({a["source"] for a in arts}), "languages": sorted({a["language"] for a in arts}),
            "story": story, "first_seen": first, "last_seen": last,
            "evidence": [{"article_id": arts[0]["id"], "sentence": evidence, "language": arts[0]["language"]}],
            "revision": len(arts)}


def stories(now: datetime) -> list[Record]:
    """Hand-written stories: what a reviewer sees first."""
    h = timedelta(hours=1)
    kz = [article("kz-en-1", "Police fire tear gas at protesters in Almaty", "reuters.com", "en", now - 30 * h),
          article("kz-ru-1", "В Алматы полиция применила слезоточивый газ", "tengrinews.kz", "ru", now - 29 * h),
          article("kz-id-1", "Polisi Kazakhstan tembakkan gas air mata ke demonstran", "kompas.com", "id", now - 3 * h),
          article("kz-fr-1", "Au Kazakhstan, la police disperse les manifestants", "lemonde.fr", "fr", now - 50 * timedelta(minutes=1)),
          article("kz-es-1", "Kazajistán: la policía dispersa a los manifestantes", "elpais.com", "es", now - 20 * timedelta(minutes=1))]
    kz_arrest = [article("kz-en-2", "Hundreds detained after Almaty unrest", "apnews.com", "en", now - 5 * h),
                 article("kz-ms-1", "Ratusan ditahan selepas rusuhan di Almaty", "bharian.com.my", "ms", now - 40 * timedelta(minutes=1))]
    banjir = [article("id-banjir-1", "Banjir rendam ribuan rumah di Demak", "detik.com", "id", now - 2 * 24 * h),
              article("id-banjir-2", "Floods displace thousands in Central Java", "jakartapost.com", "en", now - 47 * h)]
    demo = [article("id-demo-1", "Mahasiswa unjuk rasa di depan DPR", "tempo.co", "id", now - 4 * 24 * h)]
    strike = [article("fr-greve-1", "Grève des cheminots : trafic perturbé", "lefigaro.fr", "fr", now - 6 * 24 * h),
              article("fr-greve-2", "French rail workers strike over pensions", "bbc.co.uk", "en", now - 6 * 24 * h + h)]
    specs = [
        ("ev-kz-protest", "PROTEST", "KZ", "Almaty", 43.25, 76.95, kz, dict(story="story-kz", mode="riot",
              actors=["KZ:protesters"], targets=["KZ:government"],
              evidence="Thousands of protesters gathered in Almaty's main square.")),
        ("ev-kz-coerce", "COERCE", "KZ", "Almaty", 43.3, 76.9, kz[:2] + kz_arrest, dict(story="story-kz",
              mode="arrest", actors=["KZ:police"], targets=["KZ:protesters"], counts={"arrested": 300},
              evidence="Police detained about 300 people after the unrest.")),
        ("ev-id-banjir", "AID", "ID", "Demak", -6.89, 110.64, banjir, dict(story="story-id-banjir",
              mode="humanitarian", actors=["ID:government"], targets=["ID:civilians"],
              evidence="The government sent food and tents to families displaced by floods in Demak.")),
        ("ev-id-demo", "PROTEST", "ID", "Jakarta", -6.2, 106.85, demo, dict(story="story-id-demo",
              actors=["ID:protesters"], targets=["ID:government"], evidence="Students rallied outside parliament.")),
        ("ev-fr-strike", "PROTEST", "FR", "Paris", 48.86, 2.35, strike, dict(story="story-fr-strike", mode="strike",
              actors=["FR:protesters"], targets=["FR:government"], evidence="Rail workers walked out over pensions.")),
    ]
    alert = {"id": "alert-kz-1", "rule": "mass-arrests", "severity": "high",
             "message": "COERCE (arrest) in Almaty, KZ: 300 arrested", "event_id": "ev-kz-coerce", "at": _iso(now - h)}
    # each event as the pipeline upserts it: one revision per article, when that article came out
    revisions = []
    for *head, arts, options in specs:
        for k in range(1, len(arts) + 1):
            revisions.append((arts[k - 1]["published_at"], event(*head, arts[:k], **options)))
    revisions.sort(key=lambda r: r[0])
    return ([("article", a, _epoch(a["published_at"])) for a in kz + kz_arrest + banjir + demo + strike]
            + [("event", e, _epoch(at)) for at, e in revisions]
            + [("alert", alert, now.timestamp() - 3600)])


PLACES = [("KZ", "Astana", 51.17, 71.45), ("ID", "Surabaya", -7.25, 112.75), ("MY", "Kuala Lumpur", 3.14, 101.69),
          ("FR", "Lyon", 45.76, 4.84), ("PE", "Lima", -12.05, -77.04), ("ML", "Bamako", 12.64, -8.0),
          ("ES", "Madrid", 40.42, -3.7), ("US", "Chicago", 41.88, -87.63), ("UA", "Kharkiv", 49.99, 36.23)]
TYPES = ["PROTEST", "ASSAULT", "COERCE", "CONSULT", "ACCUSE", "MOBILIZE", "AID", "THREATEN"]
OUTLETS = [("reuters.com", "en"), ("kompas.com", "id"), ("elpais.com", "es"), ("lemonde.fr", "fr"),
           ("malaysiakini.com", "ms"), ("bbc.co.uk", "en")]


def generated(n: int, now: datetime, seed: int = 14) -> list[Record]:
    """``n`` random events over the last two weeks, each with one to four articles."""
    rnd = random.Random(seed)
    out: list[Record] = []
    for i in range(n):
        cc, place, lat, lon = rnd.choice(PLACES)
        at = now - timedelta(minutes=rnd.randrange(14 * 24 * 60))
        arts = []
        for j in range(rnd.randint(1, 4)):
            outlet, lang = rnd.choice(OUTLETS)
            arts.append(article(f"gen-{i}-{j}", f"Report {i}.{j} from {place}", outlet, lang, at + timedelta(minutes=j)))
        type_ = rnd.choice(TYPES)
        out += [("article", a, _epoch(a["published_at"])) for a in arts]
        out.append(("event", event(f"gen-{i}", type_, cc, place, lat + rnd.uniform(-1, 1), lon + rnd.uniform(-1, 1),
                                   arts, story=f"gen-story-{i % (n // 3 + 1)}", actors=[f"{cc}:police"],
                                   evidence=f"Generated {type_.lower()} event number {i}."),
                    _epoch(arts[-1]["published_at"])))
    return out


async def _trickle(source: FeedSource, now: datetime) -> None:
    """A new article on the Almaty story every few seconds, so the page has something live to show."""
    records = {e["id"]: e for kind, e, _ in stories(now) if kind == "event"}
    kz = records["ev-kz-protest"]
    for i in range(1, 10_000):
        await asyncio.sleep(5)
        a = article(f"kz-live-{i}", f"Almaty update {i}", "rferl.org", "en", datetime.now(timezone.utc))
        kz = dict(kz, articles=kz["articles"] + [a["id"]], mentions=kz["mentions"] + 1, last_seen=a["published_at"],
                  sources=sorted(set(kz["sources"]) | {a["source"]}), revision=kz["revision"] + 1)
        source.put("article", a)
        source.put("event", kz)


def main(argv: list[str] | None = None) -> int:
    from streams.desk.server import serve

    parser = argparse.ArgumentParser(prog="python -m streams.desk.demo", description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--events", type=int, default=0, help="generated events on top of the stories")
    args = parser.parse_args(argv)
    now = datetime.now(timezone.utc)
    source = FeedSource(stories(now) + generated(args.events, now))

    async def demo_source(state: DeskState) -> None:
        trickle = asyncio.create_task(_trickle(source, now))
        try:
            await source(state)
        finally:
            trickle.cancel()

    try:
        asyncio.run(serve(demo_source, "made-up demo records", args.host, args.port))
    except OSError as exc:
        print(f"desk demo: cannot listen on {args.host}:{args.port}: {exc.strerror}; choose another --port",
              file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
