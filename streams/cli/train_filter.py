"""``kabar train-filter``: rebuild the learned event filter's model file from the repo's data."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = """Rebuild streams/data/common/event_filter.json, the model of the learned
event/no-event filter applied to the rules' events (streams/nlp/eventfilter.py).

Training data: the rules' events on the *tune* half of SHARED/eval/dev (the
check half is never read) and on the studied fresh articles of eval/fresh (an
event is positive when kabar eval's pairing matches it with a gold event); with
--pages, also the hand-labelled real pages of eval/filter/real-pages.jsonl
(split 'train'; their text is rebuilt from SHARED/corpora by
eval/filter/pages.py; the 'held' publishers are scored with the final model).
A logistic regression is fit deterministically; cross-validation grouped by
story (by publisher for the pages) gives out-of-fold probabilities, the
threshold is the one with the best out-of-fold event F1 on tune+fresh (the gold
events the rules miss counted as misses), and precision/recall/F1 before and
after the filter are printed per source and recorded in the model file.

The file's 'enabled' is kept unless --enable or --disable is given;
KABAR_EVENT_FILTER=on|off overrides it at run time."""


def _default_shared() -> Path:
    from streams.filtertrain import REPO

    return REPO.parent / "shared"


def _show(name: str, scores: dict) -> str:
    base, after = scores["base"], scores["filtered"]
    return (f"{name:<12} n={scores['n']:<5} P {base['precision']:.3f} -> {after['precision']:.3f}   "
            f"R {base['recall']:.3f} -> {after['recall']:.3f}   F1 {base['f1']:.3f} -> {after['f1']:.3f}   "
            f"dropped {after['dropped']}   AUC {scores['auc']:.3f}")


def _missing_data(args: argparse.Namespace) -> str | None:
    """What shared data training needs and cannot find (``None``: all there)."""
    from streams.filtertrain import REPO

    dev = Path(args.shared) / "eval" / "dev"
    if not dev.is_dir():
        return (f"{dev} is missing: the gold articles live in the shared data folder next to the "
                "repository (../shared); pass --shared DIR if it is elsewhere")
    corpora = REPO.parent / "shared" / "corpora"
    if args.pages and Path(args.labels).is_file() and not corpora.is_dir():
        return (f"{corpora} is missing: eval/filter/pages.py rebuilds the labelled pages from the shared "
                "corpora next to the repository; put them there or leave out --pages")
    return None


def _write(path: Path, model: dict, enable: bool | None, sources: str) -> bool:
    """Write the model file, keeping its ``_doc`` and (unless ``enable`` says) its ``enabled``."""
    from streams import filtertrain as ft

    previous = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    enabled = enable if enable is not None else bool(previous.get("enabled", False))
    data = {"_doc": previous.get("_doc", ft.__doc__.strip().splitlines()[0]),
            "_sources": f"built by `kabar train-filter` from {sources}",
            "enabled": enabled, **model}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return enabled


def _cmd_train_filter(args: argparse.Namespace) -> int:
    from streams import filtertrain as ft

    missing = _missing_data(args)
    if missing:
        print(f"kabar train-filter: {missing}", file=sys.stderr)
        return 2
    progress = (lambda line: print(line, file=sys.stderr)) if not args.quiet else (lambda line: None)
    progress("collecting the rules' events on the tune half ...")
    examples, tune_missed = ft.tune_examples(Path(args.shared), progress)
    missed = {"tune": tune_missed}
    progress(f"collecting the rules' events on {ft.FRESH_PATH} ...")
    fresh, missed["fresh"] = ft.fresh_examples(ft.FRESH_PATH, progress)
    examples += fresh
    labels = Path(args.labels)
    if args.pages and labels.is_file():
        progress(f"collecting the labelled real pages of {labels} ...")
        examples += ft.page_examples(labels, progress)
    elif args.pages:
        progress(f"no {labels}: training on the gold articles only")
    progress(f"fitting on {sum(e.split == 'train' for e in examples)} events "
             f"({sum(missed.values())} gold events missed by the rules)")
    model = ft.train(examples, missed, args.l2)
    for key in sorted(k for k in model["measured"] if k.startswith("cv_") or k == "held_pages"):
        print(_show(key, model["measured"][key]))
    print(f"threshold {model['threshold']}, {len(model['weights'])} weights, fingerprint {ft.fingerprint(model)}")
    sources = "the tune half of shared/eval/dev and eval/fresh" + (
        " and eval/filter/real-pages.jsonl (split train)" if args.pages else "")
    enabled = _write(Path(args.output), model, args.enable, sources)
    print(f"wrote {args.output} (enabled: {enabled})")
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    from streams.filtertrain import L2, LABELS_PATH, MODEL_PATH

    p = subparsers.add_parser("train-filter", help="rebuild the learned event filter from tune and eval/fresh",
                              description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", default=str(_default_shared()), help="the shared data folder (default: %(default)s)")
    p.add_argument("--labels", default=str(LABELS_PATH), help="hand labels of real pages (default: %(default)s)")
    p.add_argument("--output", default=str(MODEL_PATH), help="model file to write (default: %(default)s)")
    p.add_argument("--l2", type=float, default=L2, help="L2 penalty of the weights (default %(default)s)")
    p.add_argument("--pages", action="store_true", help="train on the labelled real pages too")
    switch = p.add_mutually_exclusive_group()
    switch.add_argument("--enable", dest="enable", action="store_true", default=None, help="turn the filter on")
    switch.add_argument("--disable", dest="enable", action="store_false", help="turn the filter off")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    p.set_defaults(func=_cmd_train_filter)
