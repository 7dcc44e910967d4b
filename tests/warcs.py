"""Small WARC files of our own making, written with warcio, for the WARC, batch and Spark tests."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from support import SENTENCE


def article_html(title: str) -> str:
    return (f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            + f"<p>{SENTENCE} {SENTENCE}</p>" * 3 + "</article></body></html>")


def write_warc(path: Path, records: list[dict], *, compress: bool | None = None) -> Path:
    """Write ``records`` (dicts with url, body bytes, and optionally content_type, identified,
    encoding='gzip', kind='response'|'request') as a WARC file; gzip when the name ends in .gz."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    compress = str(path).endswith(".gz") if compress is None else compress
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        for rec in records:
            body = rec["body"]
            headers = [("Content-Type", rec["content_type"])] if rec.get("content_type") else []
            if rec.get("encoding") == "gzip":
                body = gzip.compress(body)
                headers.append(("Content-Encoding", "gzip"))
            kind = rec.get("kind", "response")
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1") if kind == "response" else \
                StatusAndHeaders(f"GET {rec['url']} HTTP/1.1", [("Host", "news.test")], is_http_request=True)
            warc_headers = {"WARC-Identified-Payload-Type": rec["identified"]} if rec.get("identified") else None
            payload = io.BytesIO(body if kind == "response" else b"")
            record = writer.create_warc_record(rec["url"], kind, payload=payload, http_headers=http,
                                               warc_headers_dict=warc_headers)
            writer.write_record(record)
    return path


def sample_records() -> list[dict]:
    """Five HTML responses (one gzip-encoded, one without a Content-Type, one labelled only by the
    identified payload type), a request, an image and a JSON answer labelled HTML by the server."""
    page = lambda n: article_html(f"Harbour story number {n}").encode()  # noqa: E731
    return [
        {"url": "https://news.test/a/1", "body": page(1), "content_type": "text/html; charset=utf-8"},
        {"url": "https://news.test/a/1", "body": b"", "kind": "request"},
        {"url": "https://news.test/a/2", "body": page(2), "content_type": "text/html", "encoding": "gzip"},
        {"url": "https://news.test/logo.png", "body": b"\x89PNG\r\n\x1a\n" + b"\0" * 32, "content_type": "image/png"},
        {"url": "https://news.test/a/3", "body": page(3)},
        {"url": "https://news.test/a/4", "body": page(4), "content_type": "application/octet-stream",
         "identified": "text/html"},
        {"url": "https://news.test/api", "body": b'{"a": 1}', "content_type": "text/html",
         "identified": "application/json"},
        {"url": "https://news.test/a/5", "body": page(5), "content_type": "application/xhtml+xml"},
    ]


SAMPLE_HTML_URLS = [f"https://news.test/a/{n}" for n in range(1, 6)]
