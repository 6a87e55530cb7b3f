"""Full-text extraction on real news pages (fundus' test pages, beside the repo) and on junk."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streams.ingest.scrape import ScrapedPage, extract_article, page_title
from streams.reasons import Reason
from streams.records import Rejection
from tests.shared import CORPORA, needs_shared

CORPUS = CORPORA / "fundus-parser-tests"
#: one page per language/region, the Indonesian one first
PAGES = [
    "id/MediaIndonesia_2026_01_20.html.gz",
    "my/MalayMail_2024_11_22.html.gz",
    "uk/TheGuardian_2024_02_24.html.gz",
    "us/APNews_2023_04_28.html.gz",
    "es/ElDiario_2025_05_29.html.gz",
    "de/Tagesschau_2023_04_28.html.gz",
    "vn/VnExpress_2025_10_22.html.gz",
]
#: share of the expected body's words found in the extracted text
RECALL_FLOOR = 0.9


def _manifest() -> dict[str, dict]:
    return {row["html"]: row for row in json.loads((CORPUS / "manifest.json").read_text())}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@needs_shared
@pytest.mark.parametrize("page", PAGES)
def test_real_page_title_and_body(page):
    row = _manifest()[page]
    expected = json.loads((CORPUS / row["expected"]).read_text())[row["parser_version"]]
    result = extract_article(gzip.decompress((CORPUS / page).read_bytes()), row["url"])
    assert isinstance(result, ScrapedPage), result
    assert result.title == " ".join(expected["title"].split())
    body = expected["body"]
    gold = body.get("summary", []) + [t for s in body["sections"] for t in s.get("headline", []) + s["paragraphs"]]
    gold_words = _words(" ".join(gold))
    assert len(gold_words & _words(result.text)) / len(gold_words) >= RECALL_FLOOR
    assert result.published_at and result.published_at[:10] == expected["publishing_date"][:10]


@needs_shared
def test_indonesian_page_language_and_offset():
    row = _manifest()["id/MediaIndonesia_2026_01_20.html.gz"]
    result = extract_article(gzip.decompress((CORPUS / row["html"]).read_bytes()), row["url"])
    assert result.language == "id"
    assert result.published_at == "2026-01-20T18:33:13+07:00"


@pytest.mark.parametrize("junk, reason", [
    (b"", Reason.NO_MAIN_TEXT),
    (b"\x00\x01\x02" * 1000, Reason.NOT_HTML),
    ("plain words, no markup".encode(), Reason.NOT_HTML),
    (b"<html><body><nav>Menu</nav></body></html>", Reason.TEXT_TOO_SHORT),
])
def test_junk_is_a_rejection(junk, reason):
    result = extract_article(junk, "https://e.com/x")
    assert isinstance(result, Rejection) and result.reason == reason


def test_page_title_prefers_the_headline():
    assert page_title("Gempa di Cianjur | Contoh News", ["Gempa di Cianjur"], "Contoh News", "https://contoh.id/a") == "Gempa di Cianjur"
    assert page_title("Gempa di Cianjur - Contoh", [], "Contoh", "https://contoh.id/a") == "Gempa di Cianjur"
    assert page_title("Uni Eropa – Rusia: sanksi baru | DW | 28.04.2023", [], "DW", "https://dw.com/a") == "Uni Eropa – Rusia: sanksi baru"
    assert page_title("Kabar - Satu - Dua", [], None, "https://lain.id/a") == "Kabar - Satu - Dua"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000) | st.text(max_size=3000).map(lambda t: f"<html><body><article><p>{t}</p></article></body></html>"))
def test_extract_article_never_raises(page):
    result = extract_article(page, "https://e.com/a")
    assert isinstance(result, (ScrapedPage, Rejection))
