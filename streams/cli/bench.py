"""``kabar bench``: the one command in front of the benchmarks. Measure, don't assert: it prints numbers."""

from __future__ import annotations

import signal

import orjson


def _cmd(args) -> int:
    # SIGTERM stops a bench as Ctrl-C does, so the workers it started are stopped on the way out
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    if args.soak:
        from streams.bench.soak import soak

        result = soak(args.soak, args.rate or 100.0, args.days_per_minute)
    elif args.stage == "pipeline":
        from streams.bench.pipeline import bench_pipeline

        result = bench_pipeline(args.articles, args.workers, args.rate, args.mix, args.folder)
    elif args.stage == "nlp":
        from streams.bench.nlp import bench_enrich

        result = bench_enrich(args.folder)
    elif args.stage == "codec":
        from streams.bench.codec import bench_codec

        result = bench_codec(args.folder)
    elif args.stage == "dedup":
        from streams.bench.dedup import bench_dedup

        result = bench_dedup(args.articles, days=args.days)
    else:
        from streams.bench.ingest import bench_parse, bench_poll

        result = {"parse": bench_parse(args.articles), "poll": bench_poll(1000)}
    if args.json:
        print(orjson.dumps(result).decode())
    else:
        print(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode())
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("bench", help="measure throughput, latency and memory (prints numbers)",
                       description="pipeline: N articles through broker and worker, end-to-end latency from "
                       "publication into articles.raw to the event upsert on events, worker RSS, CPU and Kafka records per article. "
                       "nlp: normalize+enrich on one core over a gold folder. codec: decode and encode per topic of the records "
                       "a gold folder produces. dedup: the cluster stage and the "
                       "worker's other tables on synthetic articles, with their sizes every 5 days of event time. ingest: feed parsing and polling 1,000 local feeds.")
    p.add_argument("--stage", choices=["pipeline", "nlp", "codec", "dedup", "ingest"], default="pipeline")
    p.add_argument("--articles", type=int, default=2000, help="articles (or items) to push, default %(default)s")
    p.add_argument("--rate", type=float, default=None,
                   help="send at this many articles/s (default: as fast as possible) to measure latency under a given load")
    p.add_argument("--workers", type=int, default=1, help="worker processes for --stage pipeline (one per core)")
    p.add_argument("--days", type=int, default=30,
                   help="days of event time the articles of --stage dedup spread over, default %(default)s")
    p.add_argument("--folder", default="../shared/eval/dev",
                   help="gold folder for --stage nlp and codec, and for --mix distinct (the sample without it)")
    p.add_argument("--mix", choices=["copies", "distinct"], default="copies",
                   help="articles of --stage pipeline: copies (default: six sample articles, each sent again with "
                   "a new line, so nearly all are near copies of hot events) or distinct (halves of two articles "
                   "of one language mixed: mostly originals, as in real coverage)")
    p.add_argument("--soak", type=float, metavar="MINUTES",
                   help="a steady load (--rate, default 100/s) on one worker for MINUTES, printing every minute "
                        "the latency, the worker's RSS and its table sizes (state and memory should stay flat)")
    p.add_argument("--days-per-minute", type=float, default=1.0,
                   help="with --soak: days of event time that pass per minute, so the state horizon is crossed "
                        "(default %(default)s)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(func=_cmd)
