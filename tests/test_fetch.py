"""Fetching against a real HTTP server on 127.0.0.1, started by the tests (tests/httpserver.py)."""

from __future__ import annotations

import time

import pytest

import articlex
from articlex.fetch import FetchOptions, fetch
from httpserver import CP1252_TITLE, UTF8_TITLE, Handler, serving

FAST = FetchOptions(connect_timeout=2, timeout=1, deadline=10, backoff=0.1)


@pytest.fixture(scope="module")
def server():
    with serving() as base:
        yield base


def test_a_page_is_fetched_and_its_links_resolve(server) -> None:
    article = articlex.extract_url(f"{server}/page", options=FAST)
    assert article.title == "A page" and article.url == f"{server}/page"


def test_links_resolve_against_the_url_after_a_redirect(server) -> None:
    page = fetch(f"{server}/news", options=FAST)
    assert page.url == f"{server}/news/" and page.status == 200
    article = articlex.extract_url(f"{server}/news", options=FAST)
    assert article.url == f"{server}/news/"
    assert [link.url for link in article.breadcrumb] == [f"{server}/", f"{server}/news/", f"{server}/news/local"]


def test_five_redirects_are_followed_and_six_are_not(server) -> None:
    assert fetch(f"{server}/chain/5", options=FAST).url == f"{server}/chain/0"
    with pytest.raises(articlex.FetchError, match="too many redirects"):
        fetch(f"{server}/chain/6", options=FAST)


def test_a_redirect_loop_fails(server) -> None:
    with pytest.raises(articlex.FetchError, match="too many redirects") as caught:
        fetch(f"{server}/loop", options=FAST)
    assert caught.value.url == f"{server}/loop"


def test_a_slow_server_times_out(server) -> None:
    started = time.monotonic()
    with pytest.raises(articlex.FetchError, match="read timeout"):
        fetch(f"{server}/slow", options=FetchOptions(timeout=0.5, retries=0))
    assert time.monotonic() - started < 2.5


def test_an_endless_body_is_cut_at_the_cap(server) -> None:
    with pytest.raises(articlex.FetchError, match="max_bytes=1000000") as caught:
        fetch(f"{server}/endless", options=FetchOptions(max_bytes=1_000_000))
    assert caught.value.status == 200


def test_a_trickling_body_is_cut_at_the_deadline(server) -> None:
    """One byte every half second never trips the read timeout; only the total deadline stops it."""
    started = time.monotonic()
    with pytest.raises(articlex.FetchError, match="deadline of 2 s"):
        fetch(f"{server}/trickle", options=FetchOptions(timeout=1.5, deadline=2))
    assert time.monotonic() - started < 4


@pytest.mark.parametrize("path,title", [
    ("/latin1-header-utf8-body", UTF8_TITLE),     # the header lies: the bytes are UTF-8
    ("/utf8-header-cp1252-body", CP1252_TITLE),   # the header lies: the page's <meta> is right
    ("/no-charset-cp1252", CP1252_TITLE),         # nothing said: detection
])
def test_a_wrong_or_missing_charset_header_does_not_garble_the_text(server, path, title) -> None:
    assert articlex.extract_url(server + path, options=FAST).title == title


def test_a_gzip_body_is_decompressed(server) -> None:
    page = fetch(f"{server}/gzip", options=FAST)
    assert page.content.startswith(b"<html>")
    assert articlex.extract_url(f"{server}/gzip", options=FAST).title == "Compressed"


def test_a_chunked_gzip_body_is_read(server) -> None:
    assert articlex.extract_url(f"{server}/chunked-gzip", options=FAST).title == "Sent in chunks"


def test_plain_text_is_read(server) -> None:
    assert articlex.extract_url(f"{server}/text", options=FAST).title == "A plain title"


@pytest.mark.parametrize("path,status", [("/gone", 404), ("/broken", 500), ("/missing", 404)])
def test_an_error_status_names_the_status_and_the_url_once(server, path, status) -> None:
    with pytest.raises(articlex.FetchError) as caught:
        fetch(server + path, options=FAST)
    assert caught.value.status == status and caught.value.url == server + path
    assert str(caught.value).count(server + path) == 1 and f"HTTP {status}" in str(caught.value)


def test_a_5xx_is_retried_before_failing(server) -> None:
    before = Handler.hits.get("/broken", 0)
    with pytest.raises(articlex.FetchError):
        fetch(f"{server}/broken", options=FAST)
    assert Handler.hits["/broken"] - before == FAST.retries + 1


def test_429_is_retried_after_the_time_the_server_asks(server) -> None:
    started = time.monotonic()
    assert fetch(f"{server}/retry-once", options=FAST).status == 200
    assert time.monotonic() - started >= 1.0 and Handler.hits["/retry-once"] == 2


def test_a_retry_after_past_the_limits_fails_at_once(server) -> None:
    started = time.monotonic()
    with pytest.raises(articlex.FetchError, match="3600 s") as caught:
        fetch(f"{server}/busy", options=FAST)
    assert caught.value.status == 503 and time.monotonic() - started < 1


@pytest.mark.parametrize("path,media", [("/image", "image/png"), ("/json", "application/json")])
def test_other_media_types_are_refused(server, path, media) -> None:
    with pytest.raises(articlex.FetchError, match=media):
        fetch(server + path, options=FAST)


@pytest.mark.parametrize("path", ["/bad-location", "/long-label"])
def test_a_malformed_location_is_a_fetch_error(server, path) -> None:
    with pytest.raises(articlex.FetchError) as caught:
        fetch(server + path, options=FAST)
    assert caught.value.url


@pytest.mark.parametrize("url", ["http://" + "a" * 64 + ".example/", "http://[::1/x", "ftp://example.org/",
                                 "http://127.0.0.1:1/"])
def test_a_bad_url_is_a_fetch_error(url) -> None:
    with pytest.raises(articlex.FetchError):
        fetch(url, options=FAST)


def test_capital_scheme_is_a_url(server) -> None:
    assert fetch(server.replace("http://", "HTTP://") + "/page", options=FAST).status == 200


def test_a_refused_connection_is_tried_again_then_reported() -> None:
    started = time.monotonic()
    with pytest.raises(articlex.FetchError, match="the connection failed") as caught:
        fetch("http://127.0.0.1:1/", options=FetchOptions(backoff=0.2, retries=2))
    assert time.monotonic() - started >= 0.6 and caught.value.status is None
