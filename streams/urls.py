"""Canonical URLs and the stable article id derived from them.

Two links to one article (tracking parameters, fragments, ``http`` vs
``https``, a trailing slash, upper-case host) must give one id, so that the
producer sends an article once and replays give the same ids as live runs.
"""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

#: query parameters that identify a campaign or a click, never the article
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid",
        "igshid", "ref", "ref_src", "ref_url", "cmpid", "ncid", "ocid", "share", "src", "_ga",
        "spm", "sr_share", "at_medium", "at_campaign", "xtor", "guccounter",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "__twitter", "_hs")


def canonical_url(url: str, base: str | None = None) -> str:
    """The URL an article is known by: resolved, lower-case scheme and host,
    default port, fragment and tracking parameters dropped, query sorted."""
    url = (url or "").strip()
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    scheme = (parts.scheme or "https").lower()
    if scheme == "http":
        scheme = "https"
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    port = parts.port
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def article_id(url: str) -> str:
    """A short stable id: 16 hex digits of the SHA-256 of the canonical URL."""
    return hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()[:16]


def source_of(url: str) -> str:
    """The publisher's domain (``www.`` dropped), the eval format's ``source``."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host
