"""``kabar eval`` and ``kabar extract``: the NLP stages from the command line.

Both run the agents' own pure functions (normalize, enrich, and for eval the
clusterer) without a broker, so what they print is what the pipeline does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from typing import Any, Iterator

HELP_EVAL = """Score the NLP on a folder of gold articles (shared/eval/README.md format).
Each article runs through archive -> normalize -> enrich -> clusterer in
publication order; prints event F1 (type + country + date within a day),
place/date/count accuracy, actor/topic/duplicate F1, story B-cubed F1,
language accuracy, per-language and per-type precision and recall, the most
frequent confusions and throughput. With --half, only the tune or the check
half of the committed split (eval/dev-split.json) is scored."""

HELP_EXTRACT = """Print enriched articles (events, topics, countries) as JSON lines.
PATH is a gold/archive JSON object, a JSON Lines file, or plain text
(then give --published and --lang); '-' reads standard input."""


def _cmd_eval(args: argparse.Namespace) -> int:
    from streams.evaluate import evaluate, format_table

    if args.write_split:
        return _write_split(args)
    try:
        result = evaluate(args.folder, args.predictions, half=args.half, split_path=args.split,
                          failures_path=args.failures)
    except (OSError, ValueError) as exc:
        print(f"kabar eval: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(format_table(result))
    return 0


def _write_split(args: argparse.Namespace) -> int:
    from streams.evalsplit import make_split
    from streams.evaluate import load_gold

    gold = load_gold(args.folder)
    if not gold:
        print(f"kabar eval: no gold articles in {args.folder}", file=sys.stderr)
        return 2
    split = make_split(gold, args.seed)
    with open(args.write_split, "w", encoding="utf-8") as fh:
        json.dump(split, fh, indent=1)
        fh.write("\n")
    print(f"{args.write_split}: tune {len(split['tune'])} articles, check {len(split['check'])} (seed {args.seed})")
    return 0


def _objects(raw: str, published: str | None, lang: str | None, title: str) -> Iterator[Any]:
    stripped = raw.strip()
    if stripped.startswith("{"):
        try:
            yield json.loads(stripped)
            return
        except json.JSONDecodeError:
            pass
        lines = [line for line in stripped.splitlines() if line.strip()]
        try:
            yield from (json.loads(line) for line in lines)
            return
        except json.JSONDecodeError:
            pass
    digest = hashlib.sha1(raw.encode("utf-8", "replace")).hexdigest()[:16]
    first_line = next((line.strip() for line in raw.splitlines() if line.strip()), "")
    yield {"url": f"https://kabar.invalid/extract/{digest}", "title": title or first_line[:120], "text": raw,
           "published_at": published or "", "language": lang}


def _cmd_extract(args: argparse.Namespace) -> int:
    from streams.ingest.archive import article_from_dict
    from streams.nlp.enrich import enrich
    from streams.nlp.normalize import normalize
    from streams.records import Rejection
    from streams.timeutil import utcnow

    raw = sys.stdin.read() if args.path == "-" else open(args.path, encoding="utf-8").read()
    published = args.published or utcnow()
    status = 0
    for obj in _objects(raw, published, args.lang, args.title):
        if isinstance(obj, dict) and args.lang and not obj.get("language"):
            obj["language"] = args.lang
        result = article_from_dict(obj)
        if not isinstance(result, Rejection):
            result = normalize(result)
        if not isinstance(result, Rejection):
            result = enrich(result)
        if isinstance(result, Rejection):
            print(json.dumps({"rejection": result.reason, "detail": result.detail}, ensure_ascii=False))
            status = 1
            continue
        out = result.to_dict()
        if not args.full:
            out.pop("text", None)
        print(json.dumps(out, ensure_ascii=False, indent=2 if args.pretty else None))
    return status


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("eval", help="score events, places, dates, topics, dedup on gold articles",
                              description=HELP_EVAL)
    p.add_argument("folder", metavar="DIR", help="folder of gold *.json files (e.g. shared/eval/dev)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.add_argument("--predictions", metavar="FILE", help="also write one JSON line per article: "
                   "id, language, topics, events, duplicate_of, story")
    p.add_argument("--half", choices=("tune", "check"), help="score one half of the split (by story): study "
                   "failures on tune only, report both")
    p.add_argument("--split", metavar="FILE", help="the split file (default: eval/dev-split.json, committed)")
    p.add_argument("--failures", metavar="FILE", help="also write, per article (JSON lines), the missed gold events "
                   "and the spurious predictions with their sentences, and under 'differ' one row per matched "
                   "event whose actors, targets or date differ from gold: type, gold vs predicted actors, "
                   "targets and date, the fields that differ and the sentence ('evidence') it came from")
    p.add_argument("--write-split", metavar="FILE", help="draw a new split of DIR by story and write it (no scoring)")
    p.add_argument("--seed", type=int, default=2026, help="seed of --write-split (default 2026)")
    p.set_defaults(func=_cmd_eval)

    p = subparsers.add_parser("extract", help="print the events, topics and countries of articles",
                              description=HELP_EXTRACT)
    p.add_argument("path", metavar="PATH", help="JSON object, JSON Lines file or plain text; '-' for stdin")
    p.add_argument("--published", metavar="TIME", help="publication time of plain text (RFC 3339, "
                   "with the publisher's offset; default now)")
    p.add_argument("--lang", metavar="CODE", help="language of plain text (en, id, ms, es, fr; default: detect)")
    p.add_argument("--title", default="", help="title of plain text (default: its first line)")
    p.add_argument("--full", action="store_true", help="keep the article text in the output")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.set_defaults(func=_cmd_extract)
