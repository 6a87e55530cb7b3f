from __future__ import annotations

from hypothesis import given, strategies as st

from streams.urls import article_id, canonical_url, source_of


def test_tracking_parameters_fragments_and_host_case_do_not_change_the_id():
    a = "https://www.Example.com/news/2022/01/07/story/?utm_source=tw&utm_medium=social&fbclid=abc#comments"
    b = "http://example.com/news/2022/01/07/story"
    assert canonical_url(a) == "https://example.com/news/2022/01/07/story"
    assert article_id(a) == article_id(b)


def test_meaningful_query_parameters_are_kept_and_sorted():
    assert canonical_url("https://x.org/read.php?b=2&id=7&gclid=zz") == "https://x.org/read.php?b=2&id=7"
    assert article_id("https://x.org/read.php?id=7") != article_id("https://x.org/read.php?id=8")


def test_relative_links_resolve_against_the_feed():
    assert canonical_url("../2022/story.html", base="https://news.example.id/feed/rss.xml") == \
        "https://news.example.id/2022/story.html"


def test_source_is_the_publisher_domain():
    assert source_of("https://www.tribunnewswiki.com/2022/01/07/x") == "tribunnewswiki.com"


@given(st.sampled_from(["utm_source", "utm_campaign", "fbclid", "gclid", "mc_cid"]), st.text(
    alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12))
def test_any_tracking_parameter_is_dropped(param, value):
    assert article_id(f"https://x.org/a?{param}={value}") == article_id("https://x.org/a")
