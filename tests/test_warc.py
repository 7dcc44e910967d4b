"""Reading WARC files: HTML responses only, by identified payload type, HTTP type, then bytes."""

from __future__ import annotations

import sys

import pytest

import articlex
from articlex.warc import is_html, read_warc
from warcs import SAMPLE_HTML_URLS, sample_records, write_warc


@pytest.fixture(params=["sample.warc", "sample.warc.gz"])
def warc(tmp_path, request):
    return write_warc(tmp_path / request.param, sample_records())


def test_html_responses_are_kept_in_file_order(warc) -> None:
    skipped = []
    pages = list(read_warc(warc, skipped=skipped))
    assert [p.url for p in pages] == SAMPLE_HTML_URLS
    assert len(skipped) == 2 and all(p.record_id.startswith("<urn:uuid:") for p in pages)
    assert all(p.date and p.date[:4].isdigit() for p in pages)
    assert pages[1].content.startswith(b"<!doctype html>")  # the gzip content encoding undone


def test_warcio_reads_the_same_records_when_fastwarc_is_missing(warc, monkeypatch) -> None:
    with_fastwarc = [(p.record_id, p.url, p.content) for p in read_warc(warc)]
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    assert [(p.record_id, p.url, p.content) for p in read_warc(warc)] == with_fastwarc


def test_a_missing_extra_names_the_pip_install(warc, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    monkeypatch.setitem(sys.modules, "warcio", None)
    with pytest.raises(ImportError, match=r"pip install 'articlex\[warc\]'"):
        list(read_warc(warc))


@pytest.mark.parametrize("identified,http_type,payload,html", [
    ("text/html", "application/octet-stream", b"\0\1", True),
    ("application/json", "text/html", b"<html>", False),
    (None, "text/html; charset=utf-8", b"", True),
    (None, "image/png", b"<html>", False),
    (None, None, b"\n  <!DOCTYPE html><html>", True),
    (None, None, b"<!-- a comment --><html lang=en>", True),
    (None, None, b"%PDF-1.4", False),
])
def test_html_is_told_by_identified_type_then_http_type_then_bytes(identified, http_type, payload, html) -> None:
    assert is_html(identified, http_type, payload) is html


def test_a_broken_file_is_an_input_error(tmp_path) -> None:
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    with pytest.raises(articlex.InputError):
        list(read_warc(path))
