"""Remove page boilerplate from article text, keeping every news sentence.

Scraped and feed text carries "read also" links to other stories, photo
captions and credits, share/comment widgets, bylines, syndication notes and
copyright footers. Events read from that noise are wrong events, so the text
stage drops it here and records what it dropped as ``(kind, excerpt)``.
Captions are recorded whole: a caption can carry the only mention of a
gathering or the right year of a mistyped date, for a stage that wants it.

Cleaning works line by line (a line is a paragraph or a widget). The patterns
are data: ``data/common/cleaning.json`` plus ``data/<lang>/cleaning.json``
(every language's when the language is unknown). Each key is applied so:

- ``link``: a line starting with it ("Baca juga: ...", "Read more ...") is a
  link to another story, and so is the end of a line from a sentence end on
  when it starts there and is at most a headline long; ``link_header``: a line that is only that heading
  ("Read more:", "BERITA TERKAIT") also removes the headline-like lines
  under it (short, no closing period) up to the next blank line, or across blank
  lines while they are bulleted headlines or headlines up to the end of the text;
- ``photo_header``: a photo widget ("zoom-inlihat foto"); the lines under it
  up to a blank line (file name, credit, caption) are its caption;
- ``caption_start``: matched at the start ("Photo: ...", "AFP / NAME");
  ``caption_end``: searched in the last ``CAPTION_TAIL`` characters (credits
  such as "(KOMPAS/Name)" or "AGENCY/Staff"); a caption has at most
  ``MAX_CAPTION_SENTENCES`` sentences;
- ``attribution``, ``footer``: searched; ``byline``: matched at the start;
  ``widget``: must match the whole line;
- ``inline_caption``, ``inline_widget``: removed from inside a line.

Then runs of ``MENU_RUN`` or more very short lines without closing
punctuation (navigation menus, breadcrumbs) are dropped as ``menu``.

Line rules only touch lines of at most ``MAX_NOISE_LINE`` characters, so a
real paragraph that happens to start like a widget survives. A line equal to a
removed caption (pages repeat captions) is removed too. Dateline prefixes
("TRIBUNNEWSWIKI.COM - ", "ALMATY, Jan 7 (GlobalWire) - ") are kept: they hold
the place and date the lede refers to. The result is idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from streams.nlp.sentences import split_sentences
from streams.nlp.textutil import languages_with, load_data

#: longest line a line rule may remove whole (links, widgets, captions, footers)
MAX_NOISE_LINE = 400
#: longest line under a link heading still taken for a headline
MAX_HEADLINE = 200
#: glued headlines after a heading without a colon: at least this many words, this share capitalised
MIN_TITLE_WORDS = 6
TITLE_SHARE = 0.6
#: most headline lines a link heading's list may run to the end of the text across blank lines
MAX_TRAILING_LIST = 20
#: a run of this many lines, each at most ``MENU_LINE`` characters without a
#: closing punctuation mark, is a navigation menu or breadcrumb
MENU_RUN = 3
MENU_LINE = 30
#: most removals listed in ``removed`` (junk pages can have thousands)
MAX_REMOVED = 100
#: longest excerpt kept in ``removed`` (captions are kept whole, at most ``MAX_NOISE_LINE``)
EXCERPT = 120
#: characters at the end of a line searched for a photo credit
CAPTION_TAIL = 120
#: a line with more sentences than this is a paragraph, not a caption
MAX_CAPTION_SENTENCES = 2
#: lines a photo widget's caption block may span
MAX_PHOTO_BLOCK = 4

_KEYS = (
    "link", "link_header", "photo_header", "widget", "byline", "attribution", "footer",
    "caption_start", "caption_end", "inline_caption", "inline_widget",
)
#: runs of white space (not line breaks) that are not already a single space (led by one
#: character class, so the engine skips other text fast)
_SPACES_RE = re.compile(r"[^\S\n](?:[^\S\n]+|(?<! ))")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BLANKS_RE = re.compile(r"\n{3,}")
_BULLET_RE = re.compile(r"^(?:[-–•*·>]|\d{1,2}[.)])\s+")
_SENTENCE_END = ".!?\"”»’'):;"


@dataclass
class CleanedText:
    """Cleaned text and what was removed from it, as ``(kind, excerpt)`` pairs."""

    text: str
    removed: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Rules:
    link: re.Pattern | None
    link_header: re.Pattern | None
    photo_header: re.Pattern | None
    widget: re.Pattern | None
    byline: re.Pattern | None
    attribution: re.Pattern | None
    footer: re.Pattern | None
    caption_start: re.Pattern | None
    caption_end: re.Pattern | None
    inline_caption: re.Pattern | None
    inline_widget: re.Pattern | None
    #: a link rule right after a sentence end inside a line
    trailing_link: re.Pattern | None
    #: a link heading without a colon right after a sentence end, before a capital ("... down. Trending
    #: Billie Eilish Would Like ..."): glued headlines of other stories when the rest reads as titles
    trailing_header: re.Pattern | None = None


def _compile(patterns: list[str], key: str) -> re.Pattern | None:
    if not patterns:
        return None
    joined = "|".join(f"(?:{p})" for p in dict.fromkeys(patterns))
    flags = 0 if key.startswith("caption") else re.IGNORECASE
    return re.compile(joined, flags)


@lru_cache(maxsize=32)
def _rules(langs: tuple[str, ...]) -> _Rules:
    collected: dict[str, list[str]] = {k: [] for k in _KEYS}
    for lang in ("common", *langs):
        data = load_data(lang, "cleaning") or {}
        for key in _KEYS:
            collected[key].extend(data.get(key, ()))
    compiled = {k: _compile(v, k) for k, v in collected.items()}
    link = compiled["link"]
    trailing = re.compile(r"(?<=[.!?\"”’])\s+(?:" + link.pattern + ")", re.IGNORECASE) if link else None
    header = compiled["link_header"]
    trailing_header = re.compile(
        r"(?<=[.!?\"”’])\s+(?:" + header.pattern + r")\s+(?=(?-i:[A-Z0-9\"“‘']))", re.IGNORECASE) if header else None
    return _Rules(**compiled, trailing_link=trailing, trailing_header=trailing_header)


def _rules_for(lang: str | None) -> _Rules:
    known = languages_with("cleaning")
    if lang and lang in known:
        return _rules((lang,))
    return _rules(known)


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE_RE.sub("", text)
    text = _CONTROL_RE.sub(" ", text)
    return _SPACES_RE.sub(" ", text)


def _unbullet(line: str) -> str:
    """``line`` without a list bullet ("- Baca juga: ..." in extracted lists)."""
    return _BULLET_RE.sub("", line, count=1) or line


def _excerpt(line: str, kind: str = "") -> str:
    """What ``removed`` keeps of a line: captions whole (they can date or place an event), others cut."""
    if kind == "caption" or len(line) <= EXCERPT:
        return line
    return line[: EXCERPT - 1] + "…"


def _is_headline(line: str) -> bool:
    return len(line) <= MAX_HEADLINE and (not line.endswith(".") or line.endswith("..."))


def _list_goes_on(lines: list[str], at: int, rules: _Rules) -> bool:
    """After a blank line under a link heading, the list of headlines goes on: the next line is
    a bulleted headline ("• Najib didakwa esok" lists separated by blank lines), or every line
    left in the text is a headline or boilerplate of its own kind (a "Berita terkait" list
    closing the page, before its footer)."""
    rest = [line.strip() for line in lines[at:] if line.strip()]
    if not rest or not _is_headline(rest[0]) or _line_kind(_unbullet(rest[0]), rules):
        return False
    if _BULLET_RE.match(rest[0]):
        return True
    return len(rest) <= MAX_TRAILING_LIST and all(
        _is_headline(line) or _line_kind(_unbullet(line), rules) for line in rest)


def _strip_inline(line: str, rules: _Rules, removed: list[tuple[str, str]]) -> str:
    for kind, rx in (("caption", rules.inline_caption), ("widget", rules.inline_widget)):
        if rx is None or not rx.search(line):
            continue

        def cut(m: re.Match, kind: str = kind) -> str:
            removed.append((kind, _excerpt(m.group(0), kind)))
            return " "

        count = 1
        while count:  # a cut can join the halves of another match
            line, count = rx.subn(cut, line)
        line = _SPACES_RE.sub(" ", line).strip()
    return line


def _is_caption(line: str, rules: _Rules) -> bool:
    credit = (rules.caption_start and rules.caption_start.match(line)) or (
        rules.caption_end and rules.caption_end.search(line[-CAPTION_TAIL:])
    )
    return bool(credit) and len(split_sentences(line)) <= MAX_CAPTION_SENTENCES


def _line_kind(line: str, rules: _Rules) -> str | None:
    """The kind of boilerplate ``line`` is, or ``None`` for text."""
    if len(line) > MAX_NOISE_LINE:
        return None
    if rules.link and rules.link.match(line):
        return "link"
    if _is_caption(line, rules):
        return "caption"
    if rules.attribution and rules.attribution.search(line):
        return "attribution"
    if len(line) > MAX_HEADLINE:
        return None
    if rules.byline and rules.byline.match(line):
        return "byline"
    if rules.footer and rules.footer.search(line):
        return "footer"
    if rules.widget and rules.widget.fullmatch(line):
        return "widget"
    return None


def _heading(line: str, rules: _Rules) -> str | None:
    head = line.rstrip(" :>»-–—").strip()
    if len(head) > 60:
        return None
    if rules.link_header and rules.link_header.fullmatch(head):
        return "link"
    if rules.photo_header and rules.photo_header.fullmatch(head):
        return "caption"
    return None


def _long_link(line: str) -> str:
    """What remains of an over-long "read also" line: its first sentence is the link."""
    spans = split_sentences(line)
    return line[spans[0][1]:].strip() if len(spans) > 1 else line


def _cut_trailing_link(line: str, rules: _Rules, removed: list[tuple[str, str]]) -> str:
    """``line`` without a "read also" link glued after its last sentence (at most a headline long)."""
    while rules.trailing_link is not None:
        m = rules.trailing_link.search(line, max(0, len(line) - MAX_HEADLINE))
        if not m:
            break
        removed.append(("link", _excerpt(line[m.start():].strip())))
        line = line[: m.start()].rstrip()
    return line


def _titles(text: str) -> bool:
    """``text`` reads as a run of headlines: at least ``MIN_TITLE_WORDS`` words, most of them capitalised
    (title case), no closing period."""
    words = text.split()
    if len(words) < MIN_TITLE_WORDS or text.rstrip().endswith("."):
        return False
    capital = sum(1 for w in words if w[0].isupper() or w[0].isdigit() or w[0] in "\"“‘'")
    return capital >= TITLE_SHARE * len(words)


def _cut_trailing_headlines(line: str, rules: _Rules, removed: list[tuple[str, str]]) -> str:
    """``line`` without headlines of other stories glued after its last sentence under a heading
    without a colon ("Editor's picks", "Trending", "Related"): the heading's rest must read as titles."""
    if rules.trailing_header is None:
        return line
    for m in rules.trailing_header.finditer(line):
        if _titles(line[m.end():]):
            removed.append(("link", _excerpt(line[m.start():].strip())))
            return line[: m.start()].rstrip()
    return line


def _is_menu_item(line: str) -> bool:
    return 0 < len(line) <= MENU_LINE and line[-1] not in _SENTENCE_END


def _drop_menus(lines: list[str], removed: list[tuple[str, str]]) -> list[str]:
    """``lines`` without runs of ``MENU_RUN`` or more short unpunctuated lines (navigation)."""
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if _is_menu_item(line):
            run.append(line)
            continue
        if len(run) >= MENU_RUN:
            removed.append(("menu", _excerpt(" | ".join(run))))
        else:
            out.extend(run)
        run = []
        out.append(line)
    return out[:-1]


def clean_text(text: str, lang: str | None = None) -> CleanedText:
    """Text without boilerplate; ``lang`` picks the patterns (all when ``None``)."""
    rules = _rules_for(lang)
    removed: list[tuple[str, str]] = []
    kept: list[str] = []
    captions: set[str] = set()
    block: str | None = None  # "link" or "caption" while under a heading
    block_lines = 0
    crossed = False  # the link block went on across a blank line
    lines = _normalize(text or "").split("\n")
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            if block and block_lines:
                if block == "link" and _list_goes_on(lines, i + 1, rules):
                    crossed = True
                else:
                    block = None
            kept.append("")
            continue
        line = _strip_inline(line, rules, removed)
        if not line:
            continue
        in_caption = block == "caption" and block_lines < MAX_PHOTO_BLOCK and len(line) <= MAX_NOISE_LINE
        own_kind = crossed and _line_kind(_unbullet(line), rules)
        if in_caption or block == "link" and _is_headline(line) and not own_kind:
            removed.append((block, _excerpt(line, block)))
            if block == "caption":
                captions.add(line)
            block_lines += 1
            continue
        block, crossed = None, False
        probe = _unbullet(line)
        heading = _heading(probe, rules)
        if heading:
            removed.append((heading, _excerpt(line)))
            block, block_lines = heading, 0
            continue
        if len(line) > MAX_NOISE_LINE and rules.link and rules.link.match(probe):
            rest = _long_link(line)
            if rest != line:
                removed.append(("link", _excerpt(line[: len(line) - len(rest)].strip())))
                line = rest
        line = _cut_trailing_link(line, rules, removed)
        line = _cut_trailing_headlines(line, rules, removed)
        kind = _line_kind(_unbullet(line), rules)
        if kind is None and line in captions:
            kind = "caption"
        if kind:
            removed.append((kind, _excerpt(line, kind)))
            if kind == "caption":
                captions.add(line)
            continue
        kept.append(line)
    kept = _drop_menus(kept, removed)
    cleaned = _BLANKS_RE.sub("\n\n", "\n".join(kept)).strip()
    if len(removed) > MAX_REMOVED:
        removed = removed[:MAX_REMOVED] + [("more", f"{len(removed) - MAX_REMOVED} more removals not listed")]
    return CleanedText(cleaned, removed)
