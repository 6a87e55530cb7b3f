"""Armed non-state groups and their countries, generated from the Phoenix dictionaries.

Reads ``dictionaries/Phoenix.MilNonState.actors.txt`` of the PETRARCH2
dictionaries (the TOPS list of non-state armed actors, in the actor format of
``docs/dictionaries-format.rst``: a record is a primary phrase ``NAME_ [CODE]``,
``+ALIAS_`` synonym lines, then optional tab-indented ``[CODE date-restriction]``
lines, which give the code when the primary line has none; the code is the ISO
3166 alpha-3 country, a role and optional sub-codes, ``LBNREB`` = Lebanese
rebels, ``PSEREBHMS`` = Palestinian rebels, Hamas) and writes ``data/common/armed_groups.json``:
per ISO alpha-2 country, the names of its groups. An actor so named is the
``CC:rebels`` sector of the eval notation ("Hezbollah" is ``LB:rebels``).

Kept: groups coded to one country. Dropped: regional and international codes
(``MEAREB``, ``IMG...``), acronyms in parentheses and alone (too ambiguous in
running text: "ALF", "UDA"), names joined with ``+`` mid-name or with digits,
one-word names shorter than ``MIN_WORD`` and those that are ordinary words of
the word lists given ("YOUTH", "ORGANIZATION", "TIGERS").

    python -m streams.nlp.group_lexicon --petrarch ../shared/corpora/petrarch2-dictionaries \\
        --out streams/data/common/armed_groups.json --words /usr/share/dict/words /usr/share/dict/french \\
        ../shared/corpora/idner-news-2k/train.txt
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import pycountry

SOURCE = "dictionaries/Phoenix.MilNonState.actors.txt"
DEFAULT_WORDS = [Path("/usr/share/dict/words"), Path("/usr/share/dict/french")]
#: ``NAME_ [CODE]`` or ``+ALIAS_``, with an optional comment
_LINE_RE = re.compile(r"^(?P<alias>\+)?(?P<name>[^\s\[#;]+)\s*(?:\[(?P<code>[A-Z]+)\])?")
#: a record's code on a line of its own: ``\t[CODE]`` or ``\t[CODE 19870101-20040322]`` (or ``<date``, ``>date``)
_CODE_LINE_RE = re.compile(r"^\s+\[(?P<code>[A-Z]+)(?:\s+(?P<when>[^\]]*))?\]")
#: shortest one-word name kept (shorter ones are acronyms, and common words of some language)
MIN_WORD = 7


def _country(code: str) -> str | None:
    """ISO alpha-2 of a Phoenix code's alpha-3 country prefix, for rebel codes only (the role
    comes second; sub-codes may follow it: ``PSEREBHMS``)."""
    if code[3:6] != "REB":
        return None
    found = pycountry.countries.get(alpha_3=code[:3])
    return found.alpha_2 if found else None


def _name(raw: str) -> str | None:
    """A dictionary name in plain spelling ("NEW_PEOPLE'S_ARMY" -> "New People's Army"), or None."""
    raw = re.sub(r"\([^)]*\)", "", raw).strip("_")
    if not raw or any(c in raw for c in "+()/") or any(c.isdigit() for c in raw):
        return None
    words = [w for w in raw.split("_") if w]
    if len(words) == 1 and len(words[0]) < MIN_WORD:
        return None  # "FARC", "KLA", "ETA": acronyms read as words too often
    return " ".join(w.capitalize() for w in words)


def _current(when: str | None) -> bool:
    """A date restriction that still holds: none, or "after a date"; a range or "before a
    date" ended (a leader killed in 2004 is no group's member in today's news)."""
    return not when or not when.strip() or when.strip().startswith(">")


def _records(text: str):
    """(code or None, names) per actor record: its primary phrase, synonyms and code lines."""
    code, names = None, []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        coded = _CODE_LINE_RE.match(line)
        if coded:
            if _current(coded.group("when")):
                code = coded.group("code")  # the record's code now, over the primary line's default
            continue
        m = _LINE_RE.match(line)
        if m is None:
            continue
        if not m.group("alias"):
            if names:
                yield code, names
            code, names = m.group("code"), []
        names.append(m.group("name"))
    if names:
        yield code, names


def parse_groups(text: str, ordinary: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """Country -> names of its armed groups, from the text of the Phoenix file."""
    groups: dict[str, list[str]] = {}
    for code, raw_names in _records(text):
        country = _country(code or "")
        if country is None:
            continue
        for raw in raw_names:
            name = _name(raw)
            if name is None or (" " not in name and name.lower() in ordinary):
                continue
            names = groups.setdefault(country, [])
            if name not in names:
                names.append(name)
    return dict(sorted(groups.items()))


def _ordinary_words(paths: list[Path]) -> frozenset[str]:
    """The lower-case words of the word lists that exist: one word per line, or the first
    column of a CoNLL file (news text as tokens)."""
    words = set()
    for path in paths:
        if path.exists():
            words.update(w for line in path.read_text(errors="replace").splitlines()
                         if (w := line.split()[0] if line.split() else "").islower())
    return frozenset(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m streams.nlp.group_lexicon",
        description="Write the armed groups of the Phoenix non-state actor dictionary as data/common/armed_groups.json.")
    parser.add_argument("--petrarch", type=Path, required=True, help="the petrarch2-dictionaries folder")
    parser.add_argument("--out", type=Path, required=True, help="the JSON file to write")
    parser.add_argument("--words", type=Path, nargs="*", default=DEFAULT_WORDS,
                        help="word lists or CoNLL token files; one-word names found in them in lower case are dropped "
                             f"(default: {' '.join(map(str, DEFAULT_WORDS))}, those that exist)")
    args = parser.parse_args(argv)
    source = args.petrarch / SOURCE
    if not source.exists():
        print(f"group_lexicon: {source} not found; pass the petrarch2-dictionaries folder with --petrarch", file=sys.stderr)
        return 2
    groups = parse_groups(source.read_text(encoding="utf-8", errors="replace"), _ordinary_words(args.words))
    out = {
        "_sources": f"Generated by streams/nlp/group_lexicon.py from PETRARCH2 {SOURCE} (Phoenix, TOPS non-state armed "
                    "actors, 2013): groups coded to one country as rebels, as CC:rebels. Do not edit by hand.",
        "groups": groups,
    }
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"group_lexicon: {sum(map(len, groups.values()))} names of {len(groups)} countries -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
