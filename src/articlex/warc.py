"""Reading web archives: the HTML responses of a ``.warc`` or ``.warc.gz`` file.

FastWARC reads them (``pip install 'articlex[warc]'``); warcio is used when FastWARC is not
installed. A response is kept when it is HTML: by its ``WARC-Identified-Payload-Type`` when the
crawler wrote one, else by the HTTP ``Content-Type``, else by a look at its first bytes (the
order Common Crawl's own tools trust them in). Its ``WARC-Target-URI`` becomes the article's
``url`` and its ``WARC-Date`` the row's ``crawl_date``.
"""

from __future__ import annotations

import logging
import re
import os
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import InputError

__all__ = ["WarcPage", "read_warc", "is_warc", "WARC_SUFFIXES"]

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""Media types of the records kept."""
SNIFF_BYTES = 1024
"""How far into a payload without a media type the first tag is looked for."""
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.I | re.S)


@dataclass(frozen=True)
class WarcPage:
    """One HTML response read from a WARC file."""

    record_id: str
    """The record's ``WARC-Record-ID`` (``<urn:uuid:...>``)."""
    url: str | None
    """The record's ``WARC-Target-URI``."""
    date: str | None
    """The record's ``WARC-Date``, ISO 8601."""
    content_type: str | None
    """The HTTP Content-Type header, as sent."""
    content: bytes
    """The HTTP payload, with transfer and content encodings undone."""


def is_warc(path: str | os.PathLike[str]) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def read_warc(path: str | os.PathLike[str], *, skipped: list[str] | None = None) -> Iterator[WarcPage]:
    """The HTML responses of a WARC file, in file order. Responses that are not HTML are left out;
    when ``skipped`` is a list, their record ids are appended to it."""
    try:
        import fastwarc  # noqa: F401
    except ImportError:
        try:
            import warcio  # noqa: F401
        except ImportError:
            raise ImportError("reading WARC files needs the warc extra: pip install 'articlex[warc]'") from None
        yield from _with_warcio(path, skipped)
        return
    yield from _with_fastwarc(path, skipped)


def is_html(identified: str | None, http_type: str | None, payload: bytes) -> bool:
    """Whether a response is HTML: the identified payload type, the HTTP type, then the bytes."""
    for declared in (identified, http_type):
        media = (declared or "").split(";")[0].strip().lower()
        if media:
            return media in HTML_TYPES
    return _HTML_START.match(payload[:SNIFF_BYTES]) is not None


def _with_fastwarc(path: str | os.PathLike[str], skipped: list[str] | None) -> Iterator[WarcPage]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True,
                                      auto_decode="all")
            for record in records:
                headers = record.headers
                http_type = record.http_headers.get("Content-Type") if record.http_headers else None
                page = WarcPage(record_id=record.record_id or "", url=headers.get("WARC-Target-URI"),
                                date=headers.get("WARC-Date"), content_type=http_type, content=record.reader.read())
                yield from _keep(page, headers.get("WARC-Identified-Payload-Type"), skipped)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the WARC file: {exc}") from None


def _with_warcio(path: str | os.PathLike[str], skipped: list[str] | None) -> Iterator[WarcPage]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                headers = record.rec_headers
                http_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
                page = WarcPage(record_id=headers.get_header("WARC-Record-ID") or "",
                                url=headers.get_header("WARC-Target-URI"), date=headers.get_header("WARC-Date"),
                                content_type=http_type, content=record.content_stream().read())
                yield from _keep(page, headers.get_header("WARC-Identified-Payload-Type"), skipped)
    except (OSError, ArchiveLoadFailed) as exc:
        raise InputError(f"{path}: cannot read the WARC file: {exc}") from None


def _keep(page: WarcPage, identified: str | None, skipped: list[str] | None) -> Iterator[WarcPage]:
    if is_html(identified, page.content_type, page.content):
        yield page
    else:
        log.debug("WARC record %s (%s) is not HTML: left out", page.record_id, page.url)
        if skipped is not None:
            skipped.append(page.record_id)
