"""Why something could not be used: one enumeration for every stage, fetch and replay.

A ``Rejection`` and a dead letter carry a ``Reason`` and a free-text detail.
Code decides on the member (``fetch`` retries only transient failures, tests
compare members); the detail is for people and is never matched. The values
are what the dead-letter topic's ``reason`` holds; its published schema lists
them, so a value added here is a schema change (``kabar schemas write``).
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why a message, an archive line, a file, a feed item, a page or a fetch could not be used."""

    #: bytes that do not parse as JSON (a message, an archive line)
    INVALID_JSON = "invalid-json"
    #: an archive line that is not UTF-8 text
    NOT_UTF8 = "not-utf8"
    #: JSON that is not the record expected (fails the topic's schema, an archive object lacking fields)
    SCHEMA = "schema"
    #: a message without a value (a tombstone)
    EMPTY_MESSAGE = "empty-message"
    #: an article or feed item with nothing to read: no title and no text
    EMPTY_ARTICLE = "empty-article"
    #: a title or text that is not readable text (not a string, or mostly control characters)
    NOT_TEXT = "not-text"
    #: an article without an id
    NO_ARTICLE_ID = "no-article-id"
    #: an article whose publication time is missing or unreadable
    NO_PUBLISHED_TIME = "no-published-time"
    #: an article published further ahead than Kafka accepts a record timestamp
    FUTURE_TIME = "future-time"
    #: the stage raised an exception on the message (or the poller on a feed)
    STAGE_ERROR = "stage-error"
    #: the NLP process failed on the message (died on it twice)
    NLP_FAILED = "nlp-failed"
    #: a gzip archive cut short (a killed writer)
    TRUNCATED = "truncated"
    #: bytes of a gzip archive that do not decompress
    CORRUPT_GZIP = "corrupt-gzip"
    #: a file that could not be read
    UNREADABLE_FILE = "unreadable-file"
    #: a document that is not a feed (an HTML page, junk)
    NOT_A_FEED = "not-a-feed"
    #: a feed with errors, whose readable items were still kept
    MALFORMED_FEED = "malformed-feed"
    #: a page that is not HTML
    NOT_HTML = "not-html"
    #: an HTML page without a main text, or an empty one
    NO_MAIN_TEXT = "no-main-text"
    #: a page whose main text is too short to be an article
    TEXT_TOO_SHORT = "text-too-short"
    #: the HTML extractor failed on the page
    EXTRACTION_FAILED = "extraction-failed"
    #: a URL not fetched: not http(s), or no host
    BAD_URL = "bad-url"
    #: a host not fetched: its address is loopback, private, link-local or reserved
    FETCH_REFUSED = "fetch-refused"
    #: no answer in time
    FETCH_TIMEOUT = "fetch-timeout"
    #: no connection to the host
    CONNECT_FAILED = "connect-failed"
    #: the request failed on the way (connection dropped, bad response)
    REQUEST_FAILED = "request-failed"
    #: an HTTP error status (4xx, 5xx)
    HTTP_ERROR = "http-error"
    #: a body larger than the fetcher takes
    TOO_LARGE = "too-large"
    #: a body in an unsupported or corrupt content encoding
    BAD_ENCODING = "bad-encoding"
    #: a redirect loop, or more redirects than followed
    BAD_REDIRECT = "bad-redirect"
    #: an alert no webhook of its rule took after the last try
    DELIVERY_FAILED = "delivery-failed"
