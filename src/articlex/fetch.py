"""Fetching a page over HTTP: the only network code in articlex.

``fetch(url)`` returns a :class:`Fetched` (the final URL after redirects, the status, the content
type, the header's charset and the bytes); ``extract_url(url)`` fetches and extracts, resolving
links against the final URL. Every failure is a :class:`~articlex.errors.FetchError` carrying the
URL and, when the server answered, the HTTP status: nothing that requests, urllib3 or the socket
layer raise escapes.
"""

from __future__ import annotations

import codecs
import email.utils
import http.client
import logging
import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from .errors import FetchError

if TYPE_CHECKING:
    import requests

    from .model import Article

__all__ = ["fetch", "extract_url", "Fetched", "FetchOptions", "as_document", "charset_of", "TIMEOUT", "MAX_BYTES",
           "USER_AGENT"]

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 10.0
"""Seconds to open the connection: a live server on the other side of the world takes well under 1 s."""
TIMEOUT = 20.0
"""Seconds to wait for the next bytes of an answer (a slow CMS can think for several seconds)."""
DEADLINE = 60.0
"""Seconds for the whole fetch, retries and redirects included: a server trickling one byte at a
time never trips the per-read timeout, so only a total limit stops it."""
MAX_BYTES = 20 * 1024 * 1024
"""A response body larger than this (after decompression) is refused; real article pages are
well under 5 MB."""
MAX_REDIRECTS = 5
"""Hops followed before giving up: sites chain http -> https -> www -> trailing slash at most."""
RETRIES = 2
"""Extra attempts after a 429 or a 5xx answer, or a dropped connection."""
BACKOFF = 1.0
"""Seconds before the first retry when the server gives no Retry-After; doubled each time."""
MAX_RETRY_AFTER = 30.0
"""A Retry-After longer than this is not waited for: the fetch fails and says how long was asked."""
CHUNK = 65536
"""Bytes asked of the socket per read (a read returns what has arrived, at most this)."""
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
"""Answers that say 'try again later' rather than 'no'."""
CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
"""Media types articlex reads; an answer without a Content-Type is read too (extract() sniffs it)."""
USER_AGENT = "articlex/0.1 (news page extractor; +https://pypi.org/project/articlex/)"

_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w:.-]+)""", re.I)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


@dataclass(frozen=True)
class FetchOptions:
    """Limits of one fetch; the defaults suit a crawl of news sites."""

    connect_timeout: float = CONNECT_TIMEOUT
    timeout: float = TIMEOUT
    deadline: float = DEADLINE
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    retries: int = RETRIES
    backoff: float = BACKOFF
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Fetched:
    """One fetched page."""

    url: str
    """The final URL, after redirects: the base for the page's relative links."""
    status: int
    """The HTTP status of the final answer."""
    content_type: str | None
    """The media type of the Content-Type header, lower-cased, without parameters."""
    charset: str | None
    """The charset the Content-Type header names, when Python knows it."""
    content: bytes
    """The body, decompressed."""

    def document(self) -> str | bytes:
        """What to hand to :func:`articlex.extract` (see :func:`as_document`)."""
        return as_document(self.content, self.charset)


def as_document(content: bytes, charset: str | None) -> str | bytes:
    """A page's bytes for :func:`articlex.extract`, given the charset its transport header named:
    text decoded with that charset when it reads the bytes; else the bytes, which extract()
    decodes from the page's own declaration, then by detection (never requests' ISO-8859-1
    default)."""
    if charset is None:
        return content
    try:
        text = content.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return content
    if _single_byte(charset) and _valid_utf8_beyond_ascii(content):
        return content  # UTF-8 labelled Latin-1: well-formed multi-byte UTF-8 is never chance
    return text


def charset_of(content_type: str | None) -> str | None:
    """The charset a Content-Type header names, when Python knows it."""
    match = _CHARSET.search(content_type or "")
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1)).name
    except LookupError:
        return None


def fetch(url: str, *, options: FetchOptions = FetchOptions(), session: requests.Session | None = None) -> Fetched:
    """Fetch ``url`` (http or https) and return the final answer.

    Retries 429 and 5xx answers (honouring Retry-After up to :data:`MAX_RETRY_AFTER`), follows
    at most ``max_redirects`` redirects, reads at most ``max_bytes``, stops at ``deadline`` seconds
    in all, and refuses media types other than HTML, XHTML and plain text. ``session`` is a
    ``requests.Session`` to reuse (cookies, connection pool); a new one is made otherwise.
    """
    if not isinstance(url, str):
        raise TypeError(f"fetch() takes a URL as str, not {type(url).__name__}")
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"not an http(s) URL: {url!r}", url=url)
    import requests

    own = session is None
    session = session or requests.Session()
    try:
        return _fetch(session, url, options, time.monotonic() + options.deadline)
    except FetchError:
        raise
    except (requests.RequestException, http.client.HTTPException, ValueError, OSError) as exc:
        raise FetchError(f"{_describe(exc)}: {url}", url=url) from None
    except Exception as exc:  # urllib3's own errors, whatever their base class in a given version
        raise FetchError(f"{type(exc).__name__}: {exc}: {url}", url=url) from None
    finally:
        if own:
            session.close()


def extract_url(url: str, *, options: FetchOptions = FetchOptions(), session: requests.Session | None = None,
                **extract_options: Any) -> Article:
    """Fetch ``url`` and extract its article; links resolve against the final URL (after redirects).
    Keyword arguments other than ``options`` and ``session`` go to :func:`articlex.extract`."""
    from .api import extract

    page = fetch(url, options=options, session=session)
    return extract(page.document(), url=page.url, **extract_options)


def _fetch(session: requests.Session, url: str, options: FetchOptions, deadline: float) -> Fetched:
    import requests

    session.max_redirects = options.max_redirects
    headers = {"User-Agent": options.user_agent, "Accept": ", ".join(CONTENT_TYPES) + ";q=0.9, */*;q=0.1"}
    for attempt in range(options.retries + 1):
        last = attempt == options.retries
        timeout = (min(options.connect_timeout, _left(deadline, url)), min(options.timeout, _left(deadline, url)))
        try:
            response = session.get(url, headers=headers, timeout=timeout, stream=True)
        except requests.ConnectionError as exc:  # refused or reset: worth another try; a timeout is not
            if last or isinstance(exc, requests.Timeout):
                raise
            _pause(options.backoff * 2 ** attempt, deadline, url, reason="the connection failed")
            continue
        with response:
            if response.status_code in RETRY_STATUSES and not last:
                _wait_before_retry(response, attempt, options, deadline)
                continue
            return _read(response, options, deadline)
    raise FetchError(f"no attempt was made (retries={options.retries}): {url}", url=url)  # retries < 0


def _pause(seconds: float, deadline: float, url: str, *, reason: str) -> None:
    if time.monotonic() + seconds > deadline:
        raise FetchError(f"{reason}, and no time is left to try again: {url}", url=url)
    log.info("%s on %s, retrying in %.1f s", reason, url, seconds)
    time.sleep(seconds)


def _wait_before_retry(response: requests.Response, attempt: int, options: FetchOptions, deadline: float) -> None:
    asked = _retry_after(response.headers.get("Retry-After"))
    wait = options.backoff * 2 ** attempt if asked is None else asked
    if wait > MAX_RETRY_AFTER or time.monotonic() + wait > deadline:
        raise FetchError(f"HTTP {response.status_code}, retry asked in {wait:.0f} s (past the fetch's limits): "
                         f"{response.url}", url=response.url, status=response.status_code)
    log.info("HTTP %s from %s, retrying in %.1f s", response.status_code, response.url, wait)
    time.sleep(wait)


def _retry_after(value: str | None) -> float | None:
    """Seconds asked by a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _read(response: requests.Response, options: FetchOptions, deadline: float) -> Fetched:
    final = response.url
    if response.status_code >= 400:
        reason = f" {response.reason}" if response.reason else ""
        raise FetchError(f"HTTP {response.status_code}{reason}: {final}", url=final, status=response.status_code)
    header = response.headers.get("Content-Type")
    media = header.split(";")[0].strip().lower() if header else None
    if media and media not in CONTENT_TYPES:
        raise FetchError(f"not an HTML or text page ({media}): {final}", url=final, status=response.status_code)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > options.max_bytes and "gzip" not in response.headers.get(
            "Content-Encoding", ""):
        raise FetchError(f"response of {declared} bytes, over max_bytes={options.max_bytes}: {final}",
                         url=final, status=response.status_code)
    content = _body(response, options, deadline)
    return Fetched(url=final, status=response.status_code, content_type=media, charset=charset_of(header),
                   content=content)


def _body(response: requests.Response, options: FetchOptions, deadline: float) -> bytes:
    """The body, read as it arrives, within the size cap and the deadline."""
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"the fetch took over its deadline of {options.deadline:g} s: {response.url}",
                             url=response.url, status=response.status_code)
        chunk = response.raw.read1(CHUNK, decode_content=True)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > options.max_bytes:
            raise FetchError(f"response larger than max_bytes={options.max_bytes}: {response.url}",
                             url=response.url, status=response.status_code)
        chunks.append(chunk)


def _left(deadline: float, url: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(f"the fetch ran out of time: {url}", url=url)
    return left


def _single_byte(charset: str) -> bool:
    return len("\u00e9".encode(charset, "replace")) == 1 and charset != "ascii"


def _valid_utf8_beyond_ascii(data: bytes) -> bool:
    if not _UTF8_MULTIBYTE.search(data):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _describe(exc: BaseException) -> str:
    """A one-line reason, without urllib3's nested reprs of the connection pool."""
    import requests

    kinds = (
        (requests.TooManyRedirects, "too many redirects (over the limit, or a loop)", False),
        (requests.ConnectTimeout, "the connection timed out", False),
        (requests.ReadTimeout, "the server stopped answering (read timeout)", False),
        (requests.ConnectionError, "the connection failed", False),
        (requests.exceptions.ContentDecodingError, "the compressed body is corrupt", False),
        (ValueError, "malformed URL or redirect", True),  # InvalidURL, LocationParseError, IDNA errors
    )
    for kind, said, detailed in kinds:
        if isinstance(exc, kind):
            return f"{said} ({str(exc).split('(Caused by')[0].strip()})" if detailed else said
    return f"{type(exc).__name__}: {exc}"
