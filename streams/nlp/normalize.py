"""The ``normalize`` stage: a raw article becomes a clean one (or a rejection).

Reads ``RawArticle`` (topic ``articles.raw``), returns ``CleanArticle``
(topic ``articles.clean``) or ``Rejection``; the agent only decodes, calls
``normalize`` and sends. Steps: canonical URL, language (title and raw text,
the feed's language as a prior), boilerplate removal in that language,
sentence spans of the cleaned text and a content fingerprint. A title ending
in its own site's name ("... - Kompas.com") loses that suffix.

Bad input never raises: an article with neither title nor text, or whose text
is mostly control or replacement characters (binary junk decoded as text), is
rejected with a reason; text longer than ``MAX_TEXT`` is cut (at a space
near the limit) and the cut is listed in ``removed`` as ``truncated``.
``published_at`` is kept as given, with the publisher's UTC offset.
"""

from __future__ import annotations

import hashlib
import re

from streams.nlp.clean import clean_text
from streams.nlp.language import LOOKAHEAD, detect_language
from streams.nlp.sentences import split_sentences
from streams.reasons import Reason
from streams.records import CleanArticle, RawArticle, Rejection, Sentence
from streams.urls import canonical_url, source_of

#: longest text kept, in characters
MAX_TEXT = 200_000
#: characters inspected for binary junk, and the share of junk that rejects
JUNK_SAMPLE = 10_000
MAX_JUNK_SHARE = 0.10
#: how far back from the limit a truncation looks for white space
TRUNCATE_SLACK = 200

_JUNK_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_PUNCT_RE = re.compile(r"[^\w\s]|_")
#: the same removal for ASCII text, as a translation table (much faster than the pattern)
_ASCII_PUNCT = {c: None for c in range(128) if _PUNCT_RE.match(chr(c))}
_ALNUM_RE = re.compile(r"[\W_]+")
_TITLE_TAIL_RE = re.compile(r"\s[-|–—]\s+([^-|–—]+)$")
#: host name parts that name no publisher
_GENERIC_HOST_LABELS = frozenset({"www", "news", "berita", "edition", "amp", "mobile", "beta", "english"})
#: longest site name taken off the end of a title
MAX_SITE_NAME = 40


def text_fingerprint(text: str) -> str:
    """Hex SHA-1 of ``text`` case-folded, without punctuation, white space collapsed.

    Equal content gives an equal fingerprint whatever its spacing, line
    breaks, case or punctuation.
    """
    folded = (text or "").casefold()
    if folded.isascii():
        bare = folded.translate(_ASCII_PUNCT)
    else:  # each punctuation character the text holds, removed in one pass of its own
        bare = folded
        for c in {c for c in set(folded) if _PUNCT_RE.match(c)}:
            bare = bare.replace(c, "")
    norm = " ".join(bare.split())
    return hashlib.sha1(norm.encode("utf-8"), usedforsecurity=False).hexdigest()


def _junk_share(text: str) -> float:
    sample = text[:JUNK_SAMPLE]
    return len(_JUNK_RE.findall(sample)) / len(sample) if sample else 0.0


def _truncate(text: str) -> tuple[str, int]:
    """``text`` cut to at most ``MAX_TEXT`` characters, and how many were dropped."""
    if len(text) <= MAX_TEXT:
        return text, 0
    cut = text.rfind(" ", MAX_TEXT - TRUNCATE_SLACK, MAX_TEXT)
    cut = cut if cut > 0 else MAX_TEXT
    return text[:cut], len(text) - cut


def strip_site_name(title: str, source: str | None) -> str:
    """``title`` without a trailing " - Kompas.com" / " | Berita Semasa" naming its own site."""
    if not source:
        return title
    m = _TITLE_TAIL_RE.search(title)
    if not m or len(m.group(1)) > MAX_SITE_NAME:
        return title
    tail = _ALNUM_RE.sub("", m.group(1).casefold())
    labels = [_ALNUM_RE.sub("", part) for part in source.casefold().split(".")[:-1]]
    own = any(
        len(label) >= 3 and label not in _GENERIC_HOST_LABELS and (label in tail or (len(tail) >= 4 and tail in label))
        for label in labels
    )
    return title[: m.start()].rstrip() if own else title


def normalize(raw: RawArticle) -> CleanArticle | Rejection:
    """Clean one raw article: language, cleaned text, sentences, fingerprint."""
    if not isinstance(raw.text or "", str) or not isinstance(raw.title or "", str):
        return Rejection(Reason.NOT_TEXT, f"id={raw.id}: title or text is not a string")
    title = strip_site_name(" ".join((raw.title or "").split()), raw.source or source_of(raw.url or ""))
    text = raw.text or ""
    if not title and not text.strip():
        return Rejection(Reason.EMPTY_ARTICLE, f"id={raw.id}")
    for field_name, value in (("text", text), ("title", title)):
        share = _junk_share(value)
        if share > MAX_JUNK_SHARE:
            return Rejection(
                Reason.NOT_TEXT,
                f"id={raw.id}: {share:.0%} of the {field_name} is control or replacement characters, excerpt={value[:80]!r}",
            )
    text, dropped = _truncate(text)
    lang, score = detect_language(f"{title}\n{text[:LOOKAHEAD]}", raw.language)
    cleaned = clean_text(text, lang)
    removed = [[kind, excerpt] for kind, excerpt in cleaned.removed]
    if dropped:
        removed.append(["truncated", f"{dropped} characters after the first {len(text)}"])
    return CleanArticle(
        id=raw.id,
        url=canonical_url(raw.url),
        title=title,
        text=cleaned.text,
        published_at=raw.published_at,
        language=lang,
        source=raw.source,
        language_score=score,
        fingerprint=text_fingerprint(cleaned.text or title),
        sentences=[Sentence(start, end) for start, end in split_sentences(cleaned.text)],
        removed=removed,
    )
