"""Turn the real-journalism corpora into Kabar input and list Kabar's candidate events.

Pages: fundus parser-test pages (plain body = summary + each section's headline and
paragraphs, publication date from the expectation file), Zyte benchmark pages (ground-truth
body; published time from the page's metadata; title from the page's <title> tag), and the
Indonesian and Malay articles of the dev set's tune half. real-news-id-ms is a hidden test set
and is never read here.
Only pages in Kabar's five languages are kept. Each page gets a split by publisher
(see `split_of`), so labels in `real-pages.jsonl` can be re-joined to candidates by
(page, sentence, type, occurrence); occurrence counts candidates with the same first three
keys (Kabar sometimes emits one type twice from one sentence).

Usage (from the worktree root):
  python eval/filter/pages.py articles > /tmp/pages.jsonl      # Kabar input, one article a line
  python eval/filter/pages.py candidates > /tmp/cands.jsonl    # runs extraction, one candidate a line
"""

import gzip
import hashlib
import html
import json
import re
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
FUNDUS = CORPORA / "fundus-parser-tests"
DEV = CORPORA.parent / "eval" / "dev"
DEV_SPLIT = Path(__file__).resolve().parents[1] / "dev-split.json"
TUNE_LANGS = ("id", "ms")
ZYTE = CORPORA / "zyte-article-extraction"
PUBLISHED_META = re.compile(
    r'(?:article:published_time"\s+content=|"datePublished"\s*:\s*|itemprop="datePublished"\s+content=)'
    r'"(\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?)?(?:Z|[+-]\d\d:?\d\d)?)',
    re.I,
)
MIN_YEAR = 1990
TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
LANGS = ("en", "es", "fr", "id", "ms")
ENGLISH_FOLDERS = {"us", "uk", "au", "ca", "za", "ind", "my", "na", "ls", "tz", "il"}
FOLDER_LANG = {"es": "es", "py": "es", "fr": "fr", "id": "id"}
SEED = 2026


def split_of(publisher: str) -> str:
    """'held' for about a third of publishers, 'train' for the rest; fixed by seed and name."""
    digest = hashlib.sha256(f"{SEED}:{publisher}".encode()).digest()
    return "held" if digest[0] % 3 == 0 else "train"


def fundus_body(body: dict) -> str:
    """Plain text as SOURCE.md defines it: summary, then each section's headline and paragraphs."""
    parts = list(body.get("summary", []))
    for section in body.get("sections", []):
        parts.extend(section.get("headline", []))
        parts.extend(section.get("paragraphs", []))
    return "\n\n".join(p.strip() for p in parts if p.strip())


def fundus_lang(country: str, text: str) -> str | None:
    """The page's language if it is one of Kabar's five: the folder's language confirmed by
    Kabar's own detector (some folders hold pages in isiZulu, Swahili or German), or, for
    folders of other languages, whatever the detector finds (a few pages there are English)."""
    from streams.nlp.language import detect_language

    detected = detect_language(text)[0]
    expected = "en" if country in ENGLISH_FOLDERS else FOLDER_LANG.get(country, detected)
    return expected if expected in LANGS and detected == expected else None


def fundus_articles():
    for row in json.loads((FUNDUS / "manifest.json").read_text()):
        expected = json.loads((FUNDUS / row["expected"]).read_text())[row["parser_version"]]
        text = fundus_body(expected.get("body", {}))
        lang = fundus_lang(row["country"], text) if text else None
        if lang is None:
            continue
        published = datetime.fromisoformat(expected["publishing_date"]).isoformat()
        yield {
            "id": "fundus-parser-tests/" + row["html"],
            "url": row["url"],
            "source": row["publisher"],
            "language": lang,
            "published_at": published,
            "title": expected.get("title", ""),
            "text": text,
        }


def tune_articles():
    """Tune-half gold articles in TUNE_LANGS, as the producer would send them (gold fields dropped)."""
    for name in json.loads(DEV_SPLIT.read_text())["tune"]:
        path = DEV / (name if name.endswith(".json") else f"{name}.json")
        article = json.loads(path.read_text(encoding="utf-8"))
        if article["language"] not in TUNE_LANGS:
            continue
        yield {
            "id": f"../eval/dev/{path.name}",
            "url": article["url"],
            "source": article["source"],
            "language": article["language"],
            "published_at": article["published_at"],
            "title": article["title"],
            "text": article["text"],
        }


def zyte_meta(page_id: str) -> tuple[str | None, str]:
    """Publication time from the page's own metadata (Open Graph or schema.org), if any, and
    the page's <title>."""
    page = gzip.open(ZYTE / "html" / f"{page_id}.html.gz").read().decode("utf-8", "replace")
    title = TITLE_TAG.search(page)
    title_text = " ".join(html.unescape(title.group(1)).split()) if title else ""
    found = PUBLISHED_META.search(page)
    try:
        published = datetime.fromisoformat(found.group(1).replace("Z", "+00:00").replace(" ", "T"))
    except (AttributeError, ValueError):
        return None, title_text
    if published.year < MIN_YEAR:  # placeholder dates such as 0001-01-01
        return None, title_text
    return published.isoformat(), title_text


def zyte_articles():
    """Zyte benchmark pages with a ground-truth body, a published time and one of the five languages."""
    from streams.nlp.language import detect_language

    truth = json.loads((ZYTE / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id, row in sorted(truth.items()):
        text = row["articleBody"].strip()
        lang = detect_language(text)[0]
        published, title = zyte_meta(page_id) if lang in LANGS else (None, "")
        if published is None or not title:
            continue
        yield {
            "id": f"zyte-article-extraction/html/{page_id}.html.gz",
            "url": row["url"],
            "source": row["url"].split("/")[2].removeprefix("www."),
            "language": lang,
            "published_at": published,
            "title": title,
            "text": text,
        }


def articles():
    yield from fundus_articles()
    yield from zyte_articles()
    yield from tune_articles()


def kabar_input() -> list[dict]:
    rows = []
    for article in articles():
        article["split"] = split_of(article["source"])
        rows.append(article)
    return rows


def candidates():
    """One row per event Kabar extracts, keyed like the labels file (page, sentence, type, occurrence)."""
    pages = {article["id"]: article for article in kabar_input()}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as handle:
        for article in pages.values():
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
        handle.flush()
        command = [sys.executable, "-m", "streams.cli", "extract", handle.name]
        output = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True).stdout
    seen: dict[tuple, int] = {}
    for line in output.splitlines():
        enriched = json.loads(line)
        page = pages[enriched["id"]]
        for event in enriched.get("events", []):
            key = (page["id"], event.get("evidence"), event["type"])
            seen[key] = seen.get(key, 0) + 1
            yield {
                "page": page["id"],
                "split": page["split"],
                "lang": page["language"],
                "publisher": page["source"],
                "sentence": event.get("evidence"),
                "type": event["type"],
                "country": event.get("country"),
                "date": event.get("date"),
                "confidence": event.get("confidence"),
                "occurrence": seen[key],
            }


def main(argv: list[str]) -> None:
    if argv[1:] == ["articles"]:
        rows = kabar_input()
    elif argv[1:] == ["candidates"]:
        rows = candidates()
    else:
        sys.exit(__doc__)
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
